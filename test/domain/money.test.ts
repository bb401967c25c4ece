/** Money (SPEC §4, §9): fen rounding, the split of a total by shares with the remainder on the last, figures and 大写. */
import { capitalAmount, splitByShares, yuanText } from "../../src/domain";

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
