/**
 * src/domain/decimal.ts (issue 17): half-up to 2 decimals as printed on the signed sheet, around each
 * boundary of the integer fast path (a word of 10⁷, 10¹² and beyond, the rounding digit 5, the sign of
 * a value that rounds to zero), every expected text worked by hand.
 */
// @ts-nocheck

import { dec, decimalNumber, fixed2, maxDec, percentText, round2, sum, ZERO } from "../../src/domain";

describe("fixed2: half-up to 2 decimals, never \"-0.00\"", () => {
  it.each([
    ["0", "0.00"],
    ["-0", "0.00"],
    ["0.1", "0.10"],
    ["0.05", "0.05"],
    ["0.005", "0.01"],
    ["0.00499999", "0.00"],
    ["0.0049", "0.00"],
    ["0.00000001", "0.00"],
    ["-0.004", "0.00"],
    ["-0.005", "-0.01"],
    ["-2", "-2.00"],
    ["-12.3456", "-12.35"],
    ["93.395", "93.40"],
    ["93.394999", "93.39"],
    ["1378", "1378.00"],
    ["9999999.995", "10000000.00"],
    ["10000000", "10000000.00"],
    ["12345678.9", "12345678.90"],
    ["12345678.125", "12345678.13"],
    ["999999999999.994", "999999999999.99"],
    ["999999999999.995", "1000000000000.00"],
    ["1000000000000", "1000000000000.00"],
    ["1000000000000.005", "1000000000000.01"],
    ["-1000000000000.005", "-1000000000000.01"],
    ["99999999999999.99", "99999999999999.99"],
    ["99999999999999.995", "100000000000000.00"],
    ["-99999999999999.99", "-99999999999999.99"],
    ["123456789012345.678", "123456789012345.68"],
    ["100000000000000000000", "100000000000000000000.00"],
  ])("%s → %s", (value, text) => {
    expect(fixed2(dec(value))).toBe(text);
  });
  it("a value that is not finite prints as decimal.js writes it", () => {
    expect([fixed2(dec(NaN)), fixed2(dec(Infinity)), fixed2(dec(-Infinity))]).toEqual(["NaN", "Infinity", "-Infinity"]);
  });
});

describe("decimalNumber: the double written to a cell, never −0", () => {
  it.each([
    ["0", 0],
    ["-0", 0],
    ["-0.00", 0],
    ["0.1", 0.1],
    ["-2.5", -2.5],
    ["93.39", 93.39],
    ["343122", 343122],
    ["1234567.89", 1234567.89],
    ["12345678.91", 12345678.91],
    ["1.005", 1.005],
    ["0.123", 0.123],
    ["-0.001", -0.001],
    ["999999999999.99", 999999999999.99],
    ["1000000000000", 1e12],
    ["123456789012345.5", 123456789012345.5],
    ["0.00000001", 1e-8],
    ["1.00000001", 1.00000001],
    ["-1.00000001", -1.00000001],
    ["12345678.00000001", 12345678.00000001],
  ])("%s → %d", (value, n) => {
    const got = decimalNumber(dec(value));
    expect(Object.is(got, n)).toBe(true);
  });
  it("a zero that lost its sign digits stays 0, not −0", () => {
    expect(Object.is(decimalNumber(dec("-0.001").toDecimalPlaces(2)), 0)).toBe(true);
    expect(Object.is(decimalNumber(dec(0).negated()), 0)).toBe(true);
  });
});

describe("round2, clamp, maxDec, sum, percentText", () => {
  it.each([
    ["2.345", "2.35"],
    ["-2.345", "-2.35"],
    ["2.344999", "2.34"],
    ["7", "7"],
  ])("round2(%s) = %s", (value, rounded) => {
    expect(round2(dec(value)).toString()).toBe(rounded);
  });
  // clamp's table is in money.test.ts ("clamp: only a given bound bites").
  it.each([
    ["1", "2", "2"],
    ["2", "1", "2"],
    ["-1", "0", "0"],
  ])("maxDec(%s, %s) = %s", (a, b, m) => {
    expect(maxDec(dec(a), dec(b)).toString()).toBe(m);
  });
  it("sum adds from zero; an empty list is 0", () => {
    expect(sum([dec("1.25"), dec("2.5"), dec("-0.75")]).toString()).toBe("3");
    expect(sum([]).toString()).toBe("0");
    expect(sum([]).equals(ZERO)).toBe(true);
  });
  it.each([
    [940, 1000, "94.00%"],
    [2, 3, "66.67%"],
    [1, 8, "12.50%"],
    [1, 1, "100.00%"],
    [0, 5, "0.00%"],
  ])("percentText(%d, %d) = %s", (n, d, text) => {
    expect(percentText(n, d)).toBe(text);
  });
});
