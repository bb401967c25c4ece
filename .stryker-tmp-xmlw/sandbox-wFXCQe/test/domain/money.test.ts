/** Money (SPEC §4, §9): fen rounding, the split of a total by shares with the remainder on the last, figures and 大写. */
// @ts-nocheck

import { capitalAmount, clamp, dec, maxDec, splitByShares, yuanText } from "../../src/domain";

const texts = (xs: { toFixed(n: number): string }[]) => xs.map((x) => x.toFixed(2));

describe("splitByShares: the last instalment takes the fen remainder (SPEC §9)", () => {
  it.each([
    ["689000", ["0.4", "0.5", "0.1"], ["275600.00", "344500.00", "68900.00"]],
    ["1000000.01", ["0.3333", "0.3333", "0.3334"], ["333300.00", "333300.00", "333400.01"]],
    ["1000000.05", ["0.5", "0.5"], ["500000.03", "500000.02"]],
    ["100.00", ["1"], ["100.00"]],
  ])("%s split %j", (total, shares, parts) => {
    expect(texts(splitByShares(total, shares))).toEqual(parts);
  });

  it("shares that do not add up to 1 (a part of the contract): each part is total × share, nothing moved", () => {
    expect(texts(splitByShares("1000000.05", ["0.5"]))).toEqual(["500000.03"]);
    expect(texts(splitByShares("100.01", ["0.5", "0.25"]))).toEqual(["50.01", "25.00"]);
  });

  it("no shares, no parts", () => expect(splitByShares("100", [])).toEqual([]));
});

describe("figures and 大写", () => {
  it.each([
    [343122, "¥343,122.00"],
    ["1234567.891", "¥1,234,567.89"],
    [0, "¥0.00"],
    ["-0.001", "¥0.00"],
    [-1378, "-¥1,378.00"],
    ["999.995", "¥1,000.00"],
  ])("yuanText(%p) = %s", (amount, text) => expect(yuanText(amount)).toBe(text));

  it.each([
    [343122, "人民币叁拾肆万叁仟壹佰贰拾贰元整"],
    [359100, "人民币叁拾伍万玖仟壹佰元整"],
    ["499.53", "人民币肆佰玖拾玖元伍角叁分"],
    ["0.5", "人民币伍角整"],
  ])("capitalAmount(%p) = %s, twice the same", (amount, text) => {
    expect(capitalAmount(amount)).toBe(text);
    expect(capitalAmount(amount)).toBe(text);
  });
});

describe("yuanText: ¥ and thousands separators, to the fen, half up", () => {
  it.each([
    ["343122", "¥343,122.00"],
    ["689000.00", "¥689,000.00"],
    ["0", "¥0.00"],
    ["-0", "¥0.00"],
    ["-0.004", "¥0.00"],
    ["0.005", "¥0.01"],
    ["999.995", "¥1,000.00"],
    ["100", "¥100.00"],
    ["1000", "¥1,000.00"],
    ["1234567.891", "¥1,234,567.89"],
    ["-1234.5", "-¥1,234.50"],
    ["-0.005", "-¥0.01"],
  ])("%s → %s", (amount, text) => {
    expect(yuanText(amount)).toBe(text);
  });
});

describe("clamp: only a given bound bites", () => {
  it.each([
    // value, min, max, result
    ["5", "0", "10", "5"],
    ["-1", "0", "10", "0"],
    ["11", "0", "10", "10"],
    ["0", "0", "10", "0"],
    ["10", "0", "10", "10"],
    ["-1", null, "10", "-1"],
    ["11", "0", null, "11"],
    ["11", null, null, "11"],
    ["-3", null, null, "-3"],
    ["-1", null, null, "-1"],
  ] as [string, string | null, string | null, string][])("clamp(%s, %s, %s) → %s", (value, min, max, result) => {
    expect(clamp(dec(value), min === null ? null : dec(min), max === null ? null : dec(max)).toString()).toBe(result);
  });
  it("maxDec keeps the larger", () => {
    expect([maxDec(dec(1), dec(2)).toString(), maxDec(dec(2), dec(1)).toString(), maxDec(dec(-1), dec(0)).toString()]).toEqual(["2", "2", "0"]);
  });
});
