/**
 * Money: amounts in 元 with 2 decimals (fen), half-up, and their capital-Chinese form (大写) by the
 * nzh library, e.g. 343122 → 人民币叁拾肆万叁仟壹佰贰拾贰元整.
 */
import nzhcn from "nzh/cn";
import { dec, Dec, DecimalInput, round2 } from "./decimal";

/** Rounds to the fen (分), half up. */
export function toFen(amount: DecimalInput): Dec {
  return round2(dec(amount));
}

/** 大写 by amount: a run writes the same few amounts (each instalment, the total) several times. */
const capitals = new Map<string, string>();

/** "人民币叁拾肆万叁仟壹佰贰拾贰元整"; 整 whenever the amount stops before 分. */
export function capitalAmount(amount: DecimalInput): string {
  const fen = toFen(amount).toString();
  let text = capitals.get(fen);
  if (text === undefined) {
    text = nzhcn.toMoney(fen, { forceZheng: true });
    if (capitals.size > 1_000) capitals.clear();
    capitals.set(fen, text);
  }
  return text;
}

/** "¥343,122.00" */
export function yuanText(amount: DecimalInput): string {
  const fen = toFen(amount);
  const [whole = "0", frac = "00"] = fen.abs().toFixed(2).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${fen.isNegative() && !fen.isZero() ? "-" : ""}¥${grouped}.${frac}`;
}
