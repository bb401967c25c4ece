/**
 * Decimal arithmetic for scores and money. Every score and every fen is made with this clone of
 * decimal.js: binary floats would print 9.749999… on a sheet that two parties sign.
 */
import Decimal from "decimal.js";

export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Dec = Decimal;

export type DecimalInput = Decimal | string | number;

export function dec(value: DecimalInput): Dec {
  return new Dec(value);
}

export const ZERO = dec(0);

/** Half-up to 2 decimals: item scores, averages and money in 元 (2 decimals = fen). */
export function round2(value: Dec): Dec {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** "93.25", "-2.00": the printed form of a score or an amount. */
export function fixed2(value: Dec): string {
  const s = round2(value).toFixed(2);
  return s === "-0.00" ? "0.00" : s;
}

export function clamp(value: Dec, min: Dec | null, max: Dec | null): Dec {
  let v = value;
  if (min !== null && v.lessThan(min)) v = min;
  if (max !== null && v.greaterThan(max)) v = max;
  return v;
}

export function maxDec(a: Dec, b: Dec): Dec {
  return a.greaterThan(b) ? a : b;
}

export function sum(values: readonly Dec[]): Dec {
  return values.reduce((acc, v) => acc.plus(v), ZERO);
}

/** A ratio as a percentage with 2 decimals for display: 940/1000 → "94.00%". */
export function percentText(numerator: DecimalInput, denominator: DecimalInput): string {
  return `${fixed2(dec(numerator).div(denominator).times(100))}%`;
}
