/**
 * Money: amounts in 元 with 2 decimals (fen), half-up, and their capital-Chinese form (大写) by the
 * nzh library, e.g. 343122 → 人民币叁拾肆万叁仟壹佰贰拾贰元整.
 */
// @ts-nocheck

import nzhcn from "nzh/cn";
import { dec, Dec, DecimalInput, round2 } from "./decimal";

/** Rounds to the fen (分), half up. */
export function toFen(amount: DecimalInput): Dec {
  return round2(dec(amount));
}

/**
 * A total split by shares, to the fen (SPEC §9): every part is total × share rounded half up,
 * except the last, which takes the remainder, so the parts add up to the total exactly — when the
 * shares add up to 1. Shares that do not (a part of the list) give every part total × share.
 */
export function splitByShares(total: DecimalInput, shares: readonly DecimalInput[]): Dec[] {
  const whole = toFen(total);
  const parts = shares.map((s) => toFen(dec(total).times(s)));
  const shareSum = shares.reduce<Dec>((acc, s) => acc.plus(s), dec(0));
  // An empty list of shares adds up to 0, not 1: it is returned as it is.
  if (!shareSum.equals(1)) return parts;
  const others = parts.slice(0, -1).reduce<Dec>((acc, p) => acc.plus(p), dec(0));
  parts[parts.length - 1] = whole.minus(others);
  return parts;
}

/** 大写 by amount: a run writes the same few amounts (each instalment, the total) several times. */
const capitals = new Map<string, string>();

/** "人民币叁拾肆万叁仟壹佰贰拾贰元整"; 整 whenever the amount stops before 分. */
export function capitalAmount(amount: DecimalInput): string {
  const fen = toFen(amount).toString();
  let text = capitals.get(fen);
  // Stryker disable next-line ConditionalExpression: a memo: writing the text again gives the same text
  if (text === undefined) {
    text = nzhcn.toMoney(fen, { forceZheng: true });
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a memo's bound: clearing it sooner or later gives the same texts
    if (capitals.size > 1_000) capitals.clear();
    capitals.set(fen, text);
  }
  return text;
}

/** "¥343,122.00" */
export function yuanText(amount: DecimalInput): string {
  const fen = toFen(amount);
  const [whole, frac] = fen.abs().toFixed(2).split(".") as [string, string];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${fen.isNegative() && !fen.isZero() ? "-" : ""}¥${grouped}.${frac}`;
}

/**
 * An ordinal as a clerk types it in 付款记录's 笔次: "2", "第2笔", "第十二笔款" → 2, 12 (nzh reads the
 * Chinese numerals); null when it is not a whole number ≥ 1.
 */
export function instalmentOrdinal(text: string): number | null {
  const m = /^第?([0-9]+|[一二三四五六七八九十百]+)笔?(?:款|款项)?$/.exec(text.trim());
  if (!m) return null;
  // The group is all digits or all Chinese numerals.
  const digits = m[1] as string;
  const n = Number(/[0-9]/.test(digits) ? digits : nzhcn.decodeS(digits));
  return Number.isInteger(n) && n >= 1 ? n : null;
}
