/**
 * Decimal arithmetic for scores and money. Every score and every fen is made with this clone of
 * decimal.js: binary floats would print 9.749999… on a sheet that two parties sign.
 */
// @ts-nocheck

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
  const fast = smallFixed2(value);
  // Stryker disable next-line ConditionalExpression: skipping the fast path, toFixed below gives the same text
  if (fast !== null) return fast;
  // toFixed rounds half-up itself, so this is round2(value).toFixed(2) in one step; only the sign of
  // a value that rounds to zero differs ("-0.00" where round2 gives a zero), mapped to "0.00" as before.
  const s = value.toFixed(2, Decimal.ROUND_HALF_UP);
  // Stryker disable next-line ConditionalExpression,StringLiteral: only values ≥ 10¹² or not finite get here (the fast path takes the rest): none prints as -0.00
  return s === "-0.00" ? "0.00" : s;
}

/**
 * A decimal below 10¹² split for integer arithmetic: decimal.js keeps |value| as base-10⁷ words
 * `d` aligned on the decimal point, the first of weight (10⁷)^floor(e / 7), trailing zero words
 * dropped. `whole` is the integer part, `fraction` the word of weight 10⁻⁷ (decimals 1–7), `more`
 * whether any digit lies beyond it. Null when the value is not finite or not below 10¹².
 */
// Stryker disable next-line BlockStatement: without the parts, fixed2 and decimalNumber take decimal.js's own path: the same results
function smallParts(value: Dec): { whole: number; fraction: number; more: boolean } | null {
  const d = value.d;
  // Stryker disable next-line ConditionalExpression: null sends the value to decimal.js's own path: the same results
  if (!d) return null;
  const top = Math.floor(value.e / 7);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: null sends the value to decimal.js's own path: the same results
  if (top > 1) return null;
  let whole = 0;
  let fraction = 0;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a word past the end reads as 0 (d[i] ?? 0)
  for (let i = 0; i < d.length && top - i >= -1; i++) {
    const word = d[i] ?? 0;
    if (top - i === 1) whole += word * 1e7;
    else if (top - i === 0) whole += word;
    else fraction = word;
  }
  // Stryker disable next-line EqualityOperator: null sends the value to decimal.js's own path; integer arithmetic stays exact up to 9·10¹³
  if (whole >= 1e12) return null;
  return { whole, fraction, more: d.length > top + 2 };
}

/**
 * fixed2 without toFixed (which copies and rounds a decimal each time; a season formats thousands):
 * half-up to 2 decimals needs the whole part and decimals 1–3 only. Exact: below 2⁵³ throughout.
 */
function smallFixed2(value: Dec): string | null {
  const parts = smallParts(value);
  // Stryker disable next-line ConditionalExpression: null sends the value to toFixed: the same text
  if (!parts) return null;
  const roundUp = Math.floor(parts.fraction / 1e4) % 10 >= 5 ? 1 : 0;
  const cents = parts.whole * 100 + Math.floor(parts.fraction / 1e5) + roundUp;
  const rest = cents % 100;
  // Stryker disable next-line EqualityOperator: decimal.js's sign is 1 or -1, never 0
  const sign = value.s < 0 && cents !== 0 ? "-" : "";
  return `${sign}${(cents - rest) / 100}.${rest < 10 ? "0" : ""}${rest}`;
}

/**
 * value.toNumber(), for the scores and amounts written to cells. A value of at most 2 decimals
 * below 10¹² is its count of hundredths ÷ 100: one correctly rounded division of two exact
 * integers, the same double as reading its decimal text; anything else goes through decimal.js.
 */
export function decimalNumber(value: Dec): number {
  const parts = smallParts(value);
  // Never −0: decimal.js keeps the sign of a negated zero (an empty penalty row is −0), and a −0
  // written to a cell reads back as 0, so the sheet and the plan would disagree.
  // Stryker disable next-line ArithmeticOperator: any other test of the fraction only sends more values to toNumber: the same double
  if (!parts || parts.more || parts.fraction % 1e5 !== 0) return value.toNumber() || 0;
  const magnitude = (parts.whole * 100 + parts.fraction / 1e5) / 100;
  // Stryker disable next-line EqualityOperator: decimal.js's sign is 1 or -1, never 0
  return value.s < 0 && magnitude !== 0 ? -magnitude : magnitude;
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
