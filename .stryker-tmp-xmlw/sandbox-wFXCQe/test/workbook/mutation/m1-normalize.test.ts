/**
 * Issue 17: text normalization (src/workbook/read/normalize.ts) at its edges — which characters
 * the quick "already normal" pass lets through unchanged (A–Z, spaces, U+3000, brackets, CJK range
 * ends), each whitespace and bracket mapped, the memo giving the same answer twice, header suffixes,
 * yes/no words. Written from Stryker's survivors.
 */
// @ts-nocheck

import { cellText, looseHeader, normalizeHeader, normalizeText, parseYesNo } from "../../../src/workbook/read/normalize";

describe("normalizeText", () => {
  it("upper case at the ends of A–Z is lowered; the characters beside them are kept", () => {
    expect(normalizeText("A")).toBe("a");
    expect(normalizeText("Z")).toBe("z");
    expect(normalizeText("@[`{")).toBe("@[`{");
    expect(normalizeText("a1-_.~!")).toBe("a1-_.~!");
  });

  it("every whitespace is removed: space, tab, line break, U+3000, no-break space, zero-width space, BOM", () => {
    expect(normalizeText("a b")).toBe("ab");
    expect(normalizeText("!\t\n!")).toBe("!!");
    expect(normalizeText("团\u3000队")).toBe("团队");
    expect(normalizeText("团\u00a0队")).toBe("团队");
    expect(normalizeText("团\u200b队")).toBe("团队");
    expect(normalizeText("\ufeff团队")).toBe("团队");
    expect(normalizeText(" ")).toBe("");
    expect(normalizeText("")).toBe("");
  });

  it("full-width forms and brackets NFKC leaves alone become ASCII", () => {
    expect(normalizeText("【附件】〔1〕〖2〗［3］｛4｝〈5〉《6》")).toBe("[附件](1)[2][3]{4}<5><6>");
    expect(normalizeText("（４０）：Ｙ")).toBe("(40):y");
    expect(normalizeText("「考核」")).toBe("「考核」");
  });

  it("CJK ideographs at both ends of U+4E00–U+9FFF are already normal; a character just outside is normalised", () => {
    expect(normalizeText("\u4e00\u9fff")).toBe("\u4e00\u9fff");
    // U+F900 (a compatibility ideograph) is changed by NFKC
    expect(normalizeText("\uf900")).toBe("\uf900".normalize("NFKC"));
    expect(normalizeText("\uf900")).not.toBe("\uf900");
  });

  it("the same answer the second time (memo), for texts long and short", () => {
    const long = `${"Ａ".repeat(1200)} `;
    for (let i = 0; i < 2; i++) {
      expect(normalizeText(" 团队 人数 ")).toBe("团队人数");
      expect(normalizeText(long)).toBe("a".repeat(1200));
      expect(normalizeHeader(" 佐证材料(有/无) ")).toBe("佐证材料");
      expect(looseHeader("团队人数（人）")).toBe("团队人数");
    }
  });
});

describe("headers", () => {
  it("a trailing choice in brackets is dropped, in each spelling; only at the end", () => {
    for (const h of ["经查属实(是/否)", "经查属实(否/是)", "经查属实(有/无)", "经查属实(无/有)", "经查属实(y/n)", "经查属实(yes/no)", "经查属实(是否)", "经查属实(有无)", "经查属实（Y／N）"]) expect(normalizeHeader(h)).toBe("经查属实");
    expect(normalizeHeader("(是/否)经查属实")).toBe("(是/否)经查属实");
    expect(normalizeHeader("经查属实(是/否)备注")).toBe("经查属实(是/否)备注");
    expect(normalizeHeader("经查属实(可能)")).toBe("经查属实(可能)");
  });

  it("looseHeader drops one last parenthetical of any words, not one in the middle or an unclosed one", () => {
    expect(looseHeader("类型(加分/扣分)")).toBe("类型");
    expect(looseHeader("笔次(1/2/3)")).toBe("笔次");
    expect(looseHeader("付款期限（工作日）(天)")).toBe("付款期限(工作日)");
    expect(looseHeader("付款(1)期限")).toBe("付款(1)期限");
    expect(looseHeader("付款期限(天")).toBe("付款期限(天");
    expect(looseHeader("经查属实(是/否)")).toBe("经查属实");
    expect(looseHeader("()")).toBe("");
  });
});

describe("cellText and parseYesNo", () => {
  it("cellText: null and undefined blank; numbers and booleans as typed", () => {
    expect([null, undefined, 0, false, "是", 1.5].map(cellText)).toEqual(["", "", "0", "false", "是", "1.5"]);
  });

  it("parseYesNo: 1/0 and booleans; every word of each list; anything else undefined", () => {
    for (const yes of ["是", "有", "y", "yes", "true", "√", "✓", "✔", "1", "对", " Ｙ ", "TRUE"]) expect(parseYesNo(yes)).toBe(true);
    for (const no of ["否", "无", "没有", "n", "no", "false", "×", "✗", "✘", "x", "0", "不是", "X"]) expect(parseYesNo(no)).toBe(false);
    expect(parseYesNo(1)).toBe(true);
    expect(parseYesNo(0)).toBe(false);
    expect(parseYesNo(0.5)).toBeUndefined();
    expect(parseYesNo(-1)).toBeUndefined();
    expect(parseYesNo(true)).toBe(true);
    expect(parseYesNo(false)).toBe(false);
    expect(parseYesNo("")).toBeNull();
    expect(parseYesNo("\u3000")).toBeNull();
    expect(parseYesNo("是的")).toBeUndefined();
  });
});
