/**
 * Issue 17: 计算说明 (src/workbook/sheets/explain-sheet.ts) from hand-made month scores, so every
 * text and every number on the sheet is known in advance: the header rows with their styles, each
 * item row (label, 输入 line, computation with its bound, score), the 考核得分 line for a total
 * capped, floored or agreed, the row heights from the text widths (CJK and full-width characters 2
 * wide, a character outside the BMP 2), and the print setup. Written from Stryker's survivors.
 */
// @ts-nocheck

import { dec, defaultRules, ItemScore, MonthScore, SCORECARD_ITEMS } from "../../../src/domain";
import type { SheetSpec } from "../../../src/workbook/model";
import { agreedItemsText, boundText, buildExplainSheet, computationText, explanationText, itemLabel } from "../../../src/workbook/sheets/explain-sheet";

const AT = "2025-11-05 14:30";
const RULES = defaultRules();

/** An item of the scorecard with its contract words as the explanation's prefix, score 0, no bound, no inputs. */
function item(no: number, over: Partial<ItemScore> = {}): ItemScore {
  const def = SCORECARD_ITEMS[no - 1]!;
  return {
    no,
    indicator: def.indicator,
    max: no > 10 ? null : dec(def.max ?? 0),
    floor: no > 10 ? null : dec(0),
    score: dec(0),
    bound: null,
    summary: "",
    explanation: `附件二第${no}项「${def.indicator}」评分细则：${def.rule} —— 计算${no}`,
    explanationEn: "",
    inputs: {},
    ...over,
  };
}
function month(over: Partial<MonthScore> & { items?: ItemScore[] } = {}): MonthScore {
  return { month: "2025-10", items: SCORECARD_ITEMS.map((d) => item(d.no)), baseTotal: dec(0), total: dec(0), rulesVersion: RULES.version, ...over };
}
const at = (spec: SheetSpec, address: string) => spec.cells.find((c) => c.address === address);
const H = (lines: number) => Math.round((lines * 13.5 + 6) * 10) / 10;

describe("the sheet's frame", () => {
  const frame = () => buildExplainSheet([], RULES, AT);

  it("the three title bands, the column headers, their heights and styles", () => {
    const spec = frame();
    expect(spec.cells.slice(0, 6)).toEqual([
      { address: "A1", value: "计算说明 —— 附件二各项单项得分的来源", style: { bold: true, fontSize: 14, vertical: "middle" } },
      { address: "A2", value: `规则：${RULES.name}（版本 ${RULES.version}）`, style: { bold: true, vertical: "middle" } },
      {
        address: "A3",
        value: `生成时间：${AT}。本表由程序生成，每次评分后整表重写，请勿在此录入；各项评分细则（合同原文）见表末「附：评分细则」。`,
        style: { fontColor: "#595959", fontSize: 10, vertical: "middle", wrap: true },
      },
      ...["考核指标", "输入与计算（含上下限）", "得分"].map((h, i) => ({ address: `${"ABC"[i]}4`, value: h, style: { bold: true, fill: "#D9E1F2", border: "thin", horizontal: "center", vertical: "middle", wrap: true } })),
    ]);
    expect([spec.rowHeights?.[1], spec.rowHeights?.[2], spec.rowHeights?.[3], spec.rowHeights?.[4]]).toEqual([24, undefined, 18, 20]);
    expect(spec.merges).toEqual(["A1:C1", "A2:C2", "A3:C3", "A5:C5"]);
  });

  it("no month: says so on row 5, the rules from row 7 on, each row's height from its text", () => {
    const spec = frame();
    expect(at(spec, "A5")).toEqual({ address: "A5", value: "暂无已评分的月份。", style: { border: "thin", wrap: true, vertical: "top", fontSize: 10, fontColor: "#595959" } });
    expect(at(spec, "A6")).toBeUndefined();
    expect(at(spec, "A7")).toEqual({ address: "A7", value: "附：评分细则（合同附件二原文，各月相同）", style: { bold: true, fontSize: 12, vertical: "middle" } });
    expect(spec.rowHeights?.[7]).toBe(20);
    const body = { border: "thin", wrap: true, vertical: "top", fontSize: 10 };
    expect(at(spec, "A8")).toEqual({ address: "A8", value: "1 队伍建设", style: body });
    expect(at(spec, "B8")).toEqual({ address: "B8", value: SCORECARD_ITEMS[0]?.rule, style: body });
    expect(at(spec, "A22")?.value).toBe("考核得分");
    expect(at(spec, "B22")?.value).toBe("考核得分 = 第1–10项之和 ＋ 加分项 − 扣分项 − 客户有效投诉 − 弄虚作假（各项先四舍五入到两位小数再相加）");
    expect(spec.rowHeights?.[22]).toBe(H(1));
    expect(spec.cells).toHaveLength(6 + 1 + 1 + 15 * 2);
  });

  it("the rules' rows are as high as their words need (A 16.5 and B 102.5 widths a line, CJK 2)", () => {
    const spec = frame();
    const width = (t: string) => [...t].reduce((n, ch) => n + ((ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1), 0);
    const lines = (t: string, w: number) => t.split("\n").reduce((n, part) => n + Math.max(1, Math.ceil(width(part) / w)), 0);
    for (let row = 8; row <= 22; row++) {
      const a = String(at(spec, `A${row}`)?.value);
      const b = String(at(spec, `B${row}`)?.value);
      expect([row, spec.rowHeights?.[row]]).toEqual([row, H(Math.max(lines(a, 16.5), lines(b, 102.5)))]);
    }
    expect(Object.values(spec.rowHeights ?? {}).some((h) => h > H(1))).toBe(true);
    // No number format where none is given.
    expect(spec.cells.filter((c) => "numberFormat" in c)).toEqual([]);
  });

  it("widths, frozen rows, print setup and tab colour", () => {
    const spec = frame();
    expect(spec.columnWidths).toEqual({ A: 18, B: 104, C: 10 });
    expect(spec.freezeRows).toBe(4);
    expect(spec.print).toEqual({ orientation: "landscape", paperSize: "A4", printArea: "A1:C22", fitToWidth: true, repeatRows: "4:4", margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5 } });
    expect(spec.tabColor).toBe("#7F7F7F");
    expect(spec.name).toBe("计算说明");
  });
});

describe("a month's rows", () => {
  const items = SCORECARD_ITEMS.map((d) => item(d.no, { score: dec(d.no === 13 ? "-2" : d.no === 11 ? "1.5" : "1") }));
  items[0] = item(1, { score: dec(9), inputs: { 团队人数: "9", 按时参考人数: "9" } });
  items[5] = item(6, { bound: "floor", floor: dec(0), score: dec(0) });
  items[8] = item(9, { bound: "floor", floor: dec(5), score: dec(5) });
  items[9] = item(10, { bound: "max", max: dec(10), score: dec(10) });
  const rows = () => buildExplainSheet([month({ items: [...items].reverse(), baseTotal: dec("30"), total: dec("32"), rulesVersion: "old.1" })], RULES, AT);

  it("the heading names the month and a rule set other than the sheet's", () => {
    const spec = rows();
    expect(at(spec, "A5")).toEqual({ address: "A5", value: "2025年10月（规则版本 old.1）", style: { bold: true, fontSize: 12, vertical: "middle" } });
    expect(spec.rowHeights?.[5]).toBe(20);
    expect(buildExplainSheet([month()], RULES, AT).cells.find((c) => c.address === "A5")?.value).toBe("2025年10月");
  });

  it("items in their order: label, 输入 on its own line, the computation without the contract's words, the bound, the score", () => {
    const spec = rows();
    const body = { border: "thin", wrap: true, vertical: "top", fontSize: 10 };
    expect([at(spec, "A6"), at(spec, "B6"), at(spec, "C6")]).toEqual([
      { address: "A6", value: "1 队伍建设", style: body },
      { address: "B6", value: "输入：团队人数=9；按时参考人数=9\n计算1", style: body },
      { address: "C6", value: 9, style: { ...body, horizontal: "right" }, numberFormat: "0.00" },
    ]);
    expect(at(spec, "B7")?.value).toBe("计算2");
    expect(at(spec, "B11")?.value).toBe("计算6；扣完为止（下限 0）");
    expect(at(spec, "B14")?.value).toBe("计算9；扣至 5 分为止（下限 5）");
    expect(at(spec, "B15")?.value).toBe("计算10；封顶 满分 10");
    expect(at(spec, "C18")?.value).toBe(-2);
    expect(spec.rowHeights?.[6]).toBe(H(2));
    expect(spec.rowHeights?.[7]).toBe(H(1));
  });

  it("the 考核得分 line: rows 1–10, each 附加项 signed, the sum and the total", () => {
    const spec = rows();
    expect(at(spec, "A20")).toEqual({ address: "A20", value: "考核得分", style: { border: "thin", wrap: true, vertical: "top", fontSize: 10, bold: true, fill: "#E2EFDA" } });
    expect(at(spec, "B20")?.value).toBe("第1–10项合计 30.00，加分项 +1.50，扣分项 +1.00，客户有效投诉 −2.00，弄虚作假 +1.00，合计 31.50，按规则计为 32.00；考核得分 32.00；总分不低于 0（规则设置）");
    expect(at(spec, "C20")).toEqual({ address: "C20", value: 32, style: { border: "thin", wrap: true, vertical: "top", fontSize: 10, bold: true, fill: "#E2EFDA", horizontal: "right" }, numberFormat: "0.00" });
    expect(at(spec, "A22")?.value).toBe("附：评分细则（合同附件二原文，各月相同）");
    expect(spec.print?.printArea).toBe("A1:C37");
  });

  it("a total capped, and one with nothing to cap: no bound", () => {
    const capped = buildExplainSheet([month({ items: items.map((i) => (i.no === 13 ? { ...i, score: dec(0) } : i)), total: dec("10") })], RULES, AT);
    expect(at(capped, "B20")?.value).toBe("第1–10项合计 0.00，加分项 +1.50，扣分项 +1.00，客户有效投诉 0.00，弄虚作假 +1.00，合计 33.50，按规则封顶为 10.00；考核得分 10.00；总分封顶 100（规则设置）");
    const plain = buildExplainSheet([month({ items: items.filter((i) => i.no <= 10), baseTotal: dec(30), total: dec(30) })], RULES, AT);
    expect(at(plain, "B16")?.value).toBe("第1–10项合计 30.00，合计 30.00；考核得分 30.00");
    const exact = buildExplainSheet([month({ items: [item(1, { score: dec(7) })], baseTotal: dec(7), total: dec(7) })], RULES, AT);
    expect(at(exact, "B7")?.value).toBe("第1–10项合计 7.00，合计 7.00；考核得分 7.00");
    expect(at(exact, "C6")?.value).toBe(7);
    // −0 is written as 0.
    const zero = buildExplainSheet([month({ items: [item(1, { score: dec("-0") })], total: dec("-0") })], RULES, AT);
    expect(Object.is(at(zero, "C6")?.value, 0)).toBe(true);
    expect(Object.is(at(zero, "C7")?.value, 0)).toBe(true);
  });

  it("months in month order, a blank row between them", () => {
    const two = buildExplainSheet([month({ month: "2025-11" }), month({ month: "2025-09" })], RULES, AT);
    expect([at(two, "A5")?.value, at(two, "A22")?.value, at(two, "A39")?.value]).toEqual(["2025年9月", "2025年11月", "附：评分细则（合同附件二原文，各月相同）"]);
  });
});

describe("agreed items (A11)", () => {
  const agreed = item(8, { score: dec("9.5"), agreed: { reason: "双方确认", computed: dec("8.25"), index: 0 } });
  const agreed2 = item(3, { score: dec(4), agreed: { reason: "系统故障", computed: null, index: 1 } });

  it("label, the month's line and the list in 序号 order", () => {
    expect(itemLabel(agreed)).toBe("8 团队服务满意率【约定】");
    expect(itemLabel(item(8))).toBe("8 团队服务满意率");
    const m = month({ items: [item(1), agreed, agreed2], baseTotal: dec("13.5"), total: dec("13.5") });
    expect(agreedItemsText(m)).toBe("第3项「项目人员月流动率」约定 4（依据：系统故障）；第8项「团队服务满意率」约定 9.5（依据：双方确认；按合同为 8.25）");
    expect(agreedItemsText(month())).toBe("");
    const spec = buildExplainSheet([m], RULES, AT);
    expect(at(spec, "A7")?.value).toBe("3 项目人员月流动率【约定】");
    expect(at(spec, "B9")?.value).toBe("第1–10项合计 13.50，合计 13.50（含双方约定得分：第3项「项目人员月流动率」约定 4（依据：系统故障）；第8项「团队服务满意率」约定 9.5（依据：双方确认；按合同为 8.25））；考核得分 13.50");
  });
});

describe("texts of an item", () => {
  it("the contract's words are cut only when the explanation opens with them", () => {
    expect(computationText(item(4))).toBe("计算4");
    expect(computationText(item(4, { explanation: "附件二第4项 其他" }))).toBe("附件二第4项 其他");
    expect(computationText(item(4, { explanation: item(5).explanation }))).toBe(item(5).explanation);
    expect(explanationText(item(2, { inputs: { a: "1" } }))).toBe("输入：a=1\n计算2");
  });

  it("a floor bound without a floor, a max bound without a max: no bound text", () => {
    expect(boundText(item(1, { bound: "floor", floor: null }))).toBe("");
    expect(boundText(item(1, { bound: "max", max: null }))).toBe("");
    expect(boundText(item(1, { bound: "floor", floor: dec("2.5") }))).toBe("扣至 2.5 分为止（下限 2.5）");
  });
});

describe("row heights from the text widths", () => {
  /** The height of an item row whose column B holds `b` (column A: "1 队伍建设", one line). */
  const heightFor = (b: string, a = "队伍建设") => {
    const spec = buildExplainSheet([month({ items: [item(1, { indicator: a, explanation: b })] })], RULES, AT);
    return spec.rowHeights?.[6];
  };

  it("column B holds 102.5 widths a line (104 − 1.5): 102 ASCII characters one line, 103 two", () => {
    expect(heightFor("a".repeat(102))).toBe(H(1));
    expect(heightFor("a".repeat(103))).toBe(H(2));
    expect(heightFor("a".repeat(206))).toBe(H(3));
    expect(heightFor("")).toBe(H(1));
  });

  it("characters from U+2E80 to U+FFEF count 2, those around them 1", () => {
    expect(heightFor("\u2e7f".repeat(60))).toBe(H(1));
    expect(heightFor("\u2e80".repeat(60))).toBe(H(2));
    expect(heightFor("\uffef".repeat(60))).toBe(H(2));
    expect(heightFor("\ufff0".repeat(60))).toBe(H(1));
    expect(heightFor("中".repeat(51))).toBe(H(1));
    expect(heightFor("中".repeat(52))).toBe(H(2));
  });

  it("a character outside the BMP counts 2 (its pair once); a lone high surrogate counts 2 (it is in U+2E80–U+FFEF)", () => {
    // 🎉 is U+1F389: a pair of code units, the first in D800–DBFF (counted 1 as a code unit) … counted 2 with its pair skipped.
    expect(heightFor("🎉".repeat(51))).toBe(H(1));
    expect(heightFor("🎉".repeat(52))).toBe(H(2));
    expect(heightFor("a".repeat(100) + "\ud83c")).toBe(H(1));
    expect(heightFor("a".repeat(101) + "\ud83c")).toBe(H(2));
    // A high surrogate followed by something else than a low one: both counted (2 + 1).
    expect(heightFor("\ud83ca".repeat(34))).toBe(H(1));
    expect(heightFor("\ud83ca".repeat(35))).toBe(H(2));
  });

  it("a low surrogate after anything but a high one counts on its own (2); each pair's halves at the edges of their ranges count once", () => {
    expect(heightFor("a\udc00".repeat(34))).toBe(H(1));
    expect(heightFor("a\udc00".repeat(35))).toBe(H(2));
    for (const pair of ["\ud800\udc00", "\udbff\udfff", "\ud83c\udc00", "\ud83c\udfff"]) {
      expect([pair, heightFor(pair.repeat(51))]).toEqual([pair, H(1)]);
      expect([pair, heightFor(pair.repeat(52))]).toEqual([pair, H(2)]);
    }
  });

  it("a text opening with a line break: an empty first line, then the rest", () => {
    expect(heightFor("\na")).toBe(H(2));
    expect(heightFor("\n" + "a".repeat(103))).toBe(H(3));
  });

  it("each line break starts a line; the widest column decides; Excel's 409 points at most", () => {
    expect(heightFor("a\nb\nc")).toBe(H(3));
    expect(heightFor("a\n\nb")).toBe(H(3));
    expect(heightFor("a\n" + "a".repeat(103))).toBe(H(3));
    // Column A: 18 wide, 16.5 a line: "1 " + 8 CJK = 18 → two lines.
    expect(heightFor("x", "队伍建设队伍建")).toBe(H(1));
    expect(heightFor("x", "队伍建设队伍建设")).toBe(H(2));
    expect(heightFor("a\n".repeat(40))).toBe(409);
  });

  it("the 考核得分 row's height from its column B", () => {
    const spec = buildExplainSheet([month({ items: [item(11, { indicator: "加".repeat(60), score: dec(1) })], total: dec(1), baseTotal: dec(0) })], RULES, AT);
    expect(at(spec, "B7")?.value).toBe(`第1–10项合计 0.00，${"加".repeat(60)} +1.00，合计 1.00；考核得分 1.00`);
    expect(spec.rowHeights?.[7]).toBe(H(2));
  });
});
