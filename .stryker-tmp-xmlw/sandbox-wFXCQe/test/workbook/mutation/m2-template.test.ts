/**
 * Issue 17 (mutation tests, src/workbook/sheets/template.ts): the fresh workbook's sheets cell by
 * cell — the 附件二 layout (title, 考核月份 / 考核得分, the 14 rows with the contract's words, the
 * signature lines, row heights, print set-up), the contract's terms shifted to a new term, the input
 * sheets' headers, formats and dropdowns, the option checks' messages read whole, and the inputs
 * typed into a template. Everything is built inside the tests (per-test coverage).
 */
// @ts-nocheck

import { defaultRules, SCORECARD_ITEMS } from "../../../src/domain";
import { EXAMPLE_2025_10 } from "../../../src/domain/example";
import type { CellWrite, SheetSpec } from "../../../src/workbook/model";
import {
  buildContractInfoSheet,
  buildEventSheet,
  buildIndicatorSheet,
  buildMonthSheet,
  buildPaymentRecordSheet,
  buildPaymentTermsSheet,
  buildReportSheet,
  buildRuleSheet,
  buildTemplate,
  checkTemplateOptions,
  inputSheetWrites,
  monthSheetName,
  templateContract,
  templatePlan,
} from "../../../src/workbook/sheets/template";

const HEADER_FILL = "#D9E1F2";
const OPTIONAL_FILL = "#EDEDED";
const INPUT_TAB = "#70AD47";
/** The header style of every input sheet (row 1). */
const head = (fill = HEADER_FILL) => ({ bold: true, fill, border: "thin", horizontal: "center", vertical: "middle", wrap: true });

function at(spec: SheetSpec, address: string): CellWrite | undefined {
  return spec.cells.find((c) => c.address === address);
}
function row(spec: SheetSpec, r: number): CellWrite[] {
  return spec.cells.filter((c) => /^[A-Z]+(\d+)$/.exec(c.address)?.[1] === String(r));
}

describe("buildMonthSheet: the contract's 附件二 for a month", () => {
  it("writes the title, 考核月份 / 考核得分 and the header of 2025年2月 exactly", () => {
    const s = buildMonthSheet("2025-02");
    expect(s.name).toBe("2025年2月");
    expect(monthSheetName("2025-02")).toBe("2025年2月");
    expect(row(s, 1)).toEqual([{ address: "A1", value: "陕西省公安厅出入境管理局 12367 服务热线质量考核-2025年2月", style: { bold: true, fontSize: 16, horizontal: "center", vertical: "middle" } }]);
    expect(row(s, 2)).toEqual([
      { address: "B2", value: "考核月份：", style: { bold: true, horizontal: "right", vertical: "middle" } },
      { address: "C2", value: "2025年2月", numberFormat: "@", style: { bold: true, horizontal: "left", vertical: "middle" } },
      { address: "G2", value: "考核得分：", style: { bold: true, horizontal: "right", vertical: "middle" } },
      { address: "H2", value: null, numberFormat: "0.00", style: { bold: true, fontSize: 12, horizontal: "center", vertical: "middle", border: "medium" } },
    ]);
    const h = { bold: true, fill: HEADER_FILL, border: "thin", horizontal: "center", vertical: "middle", wrap: true, fontSize: 10 };
    expect(row(s, 3)).toEqual(["序号", "考核项目", "考核指标", "指标说明", "评分细则", "满分", "2月完成情况", "单项得分", "备注"].map((value, i) => ({ address: `${"ABCDEFGHI"[i]}3`, value, style: h })));
    // 12 months later the header names the month again (the month number, not the year's).
    expect(at(buildMonthSheet("2025-12"), "G3")?.value).toBe("12月完成情况");
  });

  it("writes the 14 items with the contract's words, each section's name once (with its points) and merged down", () => {
    const s = buildMonthSheet("2025-02");
    const body = { border: "thin", wrap: true, vertical: "middle", fontSize: 10 };
    const sections: Record<number, string> = { 4: "综合管理 (40)", 9: "服务能力 (30)", 11: "服务质量 (30)", 14: "附加项" };
    SCORECARD_ITEMS.forEach((item, i) => {
      const r = 4 + i;
      expect(row(s, r)).toEqual([
        { address: `A${r}`, value: item.no, style: { ...body, horizontal: "center" } },
        { address: `B${r}`, value: sections[r] ?? null, style: { ...body, horizontal: "center", bold: true } },
        { address: `C${r}`, value: item.indicator, style: { ...body, horizontal: "center" } },
        { address: `D${r}`, value: item.description, style: { ...body, horizontal: "left" } },
        { address: `E${r}`, value: item.rule, style: { ...body, horizontal: "left" } },
        { address: `F${r}`, value: item.max, style: { ...body, horizontal: "center" } },
        { address: `G${r}`, value: null, style: { ...body, horizontal: "left" } },
        { address: `H${r}`, value: null, numberFormat: "0.00", style: { ...body, horizontal: "center" } },
        { address: `I${r}`, value: null, style: { ...body, horizontal: "left" } },
      ]);
    });
    expect(at(s, "A4")?.value).toBe(1);
    expect(at(s, "C4")?.value).toBe("队伍建设");
    expect(at(s, "E4")?.value).toBe("每少一人扣 1 分，10 分扣完为止。");
    expect(at(s, "F4")?.value).toBe(10);
    // Sections 综合管理 4–8, 服务能力 9–10, 服务质量 11–13, 附加项 14–17; the title across A–I; signature lines.
    expect(s.merges).toEqual(["A1:I1", "B4:B8", "B9:B10", "B11:B13", "B14:B17", "C19:D19", "F19:H19", "C20:D20", "F20:H20"]);
  });

  it("writes the signature and date lines below the table", () => {
    const s = buildMonthSheet("2025-02");
    const sig = { bold: true, horizontal: "right", vertical: "bottom" };
    const line = { vertical: "bottom", horizontal: "left" };
    expect(row(s, 18)).toEqual([]);
    expect(row(s, 19)).toEqual([
      { address: "B19", value: "客户方签字：", style: sig },
      { address: "C19", value: null, style: line },
      { address: "E19", value: "运营提供方签字：", style: sig },
      { address: "F19", value: null, style: line },
    ]);
    expect(row(s, 20)).toEqual([
      { address: "B20", value: "日期：", style: sig },
      { address: "C20", value: null, numberFormat: "yyyy-mm-dd", style: line },
      { address: "E20", value: "日期：", style: sig },
      { address: "F20", value: null, numberFormat: "yyyy-mm-dd", style: line },
    ]);
    expect(s.cells).toHaveLength(1 + 4 + 9 + 14 * 9 + 8);
  });

  it("sizes the rows for their wrapped text and prints the sheet on one landscape A4 page", () => {
    const s = buildMonthSheet("2025-02");
    // Lines = the most of ⌈width in "0"s ÷ (column width − 1.5)⌉ over D (66), E (54), C (12) and the
    // room kept in G (32: 45 "0"s, 112 for 序号 4, 70 for 10, 120 for 11, 80 for 12); height = lines × 13.5 + 6.
    // Row 4: G 45 ÷ 30.5 → 2 lines → 33. Row 7 (序号 4): 112 ÷ 30.5 → 4 lines → 60. Row 13 (序号 10): 70 → 3 → 46.5.
    // Row 14 (序号 11): 120 → 4 → 60. Row 15 (序号 12): 80 → 3 → 46.5. Others by their D/E/C text.
    expect(s.rowHeights).toEqual({ 1: 32, 2: 24, 3: 22, 4: 33, 5: 46.5, 6: 33, 7: 60, 8: 33, 9: 46.5, 10: 46.5, 11: 46.5, 12: 33, 13: 60, 14: 60, 15: 46.5, 16: 33, 17: 33, 18: 15, 19: 30, 20: 24 });
    expect(s.columnWidths).toEqual({ A: 5, B: 12, C: 12, D: 66, E: 54, F: 6, G: 32, H: 9, I: 14 });
    expect(s.print).toEqual({ orientation: "landscape", paperSize: "A4", printArea: "A1:I20", fitToWidth: true, fitToHeight: true, repeatRows: "3:3", margins: { left: 0.3, right: 0.3, top: 0.4, bottom: 0.4 } });
    expect(s.tabColor).toBe("#4472C4");
    expect(s.freezeRows).toBeUndefined();
  });
});

describe("templateContract: the seed contract shifted to a new term", () => {
  it("gives the seed contract exactly for the seed's own months", () => {
    expect(templateContract({ firstMonth: "2024-12", lastMonth: "2025-11" })).toEqual(defaultRules().contract);
  });

  it("shifts the term, splits the months in halves and words the conditions (2026-01 … 2026-03)", () => {
    const c = templateContract({ firstMonth: "2026-01", lastMonth: "2026-03" });
    expect(c.title).toBe("陕西省公安厅出入境管理局 12367 服务热线 2026 年热线运营服务及语音专线采购项目");
    expect([c.termStart, c.termEnd, c.total, c.quarterlyFee, c.firstMonth, c.lastMonth]).toEqual(["2026-01-04", "2026-04-03", "689000.00", null, "2026-01", "2026-03"]);
    expect(c.instalments).toEqual([
      { number: 1, share: "0.40", months: null, dueWorkingDays: 10, invoiceNotBefore: "2026-01-04", condition: "合同签订后的一个月内，乙方提供等额发票，甲方收到发票后的10个工作日内支付" },
      { number: 2, share: "0.50", months: { from: "2026-01", to: "2026-02" }, dueWorkingDays: 30, invoiceNotBefore: "2026-03-01", condition: "自项目运营至2026年3月，以2026年1月至2026年2月平均得分为准，30个工作日内支付" },
      { number: 3, share: "0.10", months: { from: "2026-03", to: "2026-03" }, dueWorkingDays: 30, invoiceNotBefore: "2026-05-01", condition: "服务期满次月，以2026年3月至2026年3月平均得分为准，30个工作日内支付" },
    ]);
    expect(c.partyA).toBe("陕西省公安厅");
    expect(c.threshold).toBe("95");
  });

  it("gives a one-month term no third period, and an even count two equal halves", () => {
    const one = templateContract({ firstMonth: "2026-01", lastMonth: "2026-01" });
    expect(one.termEnd).toBe("2026-02-03");
    expect(one.instalments[1]?.months).toEqual({ from: "2026-01", to: "2026-01" });
    expect(one.instalments[2]).toMatchObject({ months: null, invoiceNotBefore: "2026-03-01", condition: "服务期满次月，30个工作日内支付" });
    const two = templateContract({ firstMonth: "2026-01", lastMonth: "2026-02" });
    expect(two.instalments.map((i) => i.months)).toEqual([null, { from: "2026-01", to: "2026-01" }, { from: "2026-02", to: "2026-02" }]);
  });

  it("takes a given term and total, names both years when the term spans two, and keeps a short month's last day", () => {
    const c = templateContract({ firstMonth: "2025-07", lastMonth: "2026-06", termStart: "2025-07-01", termEnd: "2026-06-30", total: "120000.00" });
    expect([c.termStart, c.termEnd, c.total]).toEqual(["2025-07-01", "2026-06-30", "120000.00"]);
    expect(c.title).toBe("陕西省公安厅出入境管理局 12367 服务热线 2025-2026 年热线运营服务及语音专线采购项目");
    expect(c.instalments[0]?.invoiceNotBefore).toBe("2025-07-01");
    expect(c.instalments[2]?.invoiceNotBefore).toBe("2026-07-01");
    // The seed's 4th shifted into a month: still the 4th (no month is shorter than 4 days), the end the 3rd.
    const feb = templateContract({ firstMonth: "2027-02", lastMonth: "2027-02" });
    expect([feb.termStart, feb.termEnd]).toEqual(["2027-02-04", "2027-03-03"]);
  });
});

describe("the input sheets of a fresh template", () => {
  it("指标录入: headers (optional ones grey), 考核月份 prefilled as text, formats to row 13, dropdowns, widths", () => {
    const s = buildIndicatorSheet(["2025-01", "2025-02"]);
    expect(s.name).toBe("指标录入");
    expect(at(s, "A1")).toEqual({ address: "A1", value: "考核月份", style: head() });
    expect(at(s, "B1")).toEqual({ address: "B1", value: "团队人数", style: head() });
    expect(at(s, "J1")).toEqual({ address: "J1", value: "呼叫次数", style: head(OPTIONAL_FILL) });
    expect(at(s, "M1")).toEqual({ address: "M1", value: "15秒内接通数", style: head(OPTIONAL_FILL) });
    expect(at(s, "N1")?.style).toEqual(head());
    expect(at(s, "A2")).toEqual({ address: "A2", value: "2025-01", numberFormat: "@", style: { horizontal: "center" } });
    expect(at(s, "A3")).toEqual({ address: "A3", value: "2025-02", numberFormat: "@", style: { horizontal: "center" } });
    const blanks = s.cells.filter((c) => c.address.startsWith("A") && c.value === null);
    expect(blanks.map((c) => c.address)).toEqual(["A4", "A5", "A6", "A7", "A8", "A9", "A10", "A11", "A12", "A13"]);
    expect(blanks.every((c) => c.numberFormat === "@")).toBe(true);
    expect(s.cells).toHaveLength(24 + 2 + 10);
    expect(s.validations).toEqual([
      { range: "C2:C13", values: ["是", "否"] },
      { range: "D2:D13", values: ["是", "否"] },
    ]);
    // Width = max(8, display width + 3), a CJK character counting 2; 考核月份 fixed at 11.
    expect(s.columnWidths).toEqual({ A: 11, B: 11, C: 15, D: 19, E: 11, F: 15, G: 13, H: 17, I: 13, J: 11, K: 11, L: 17, M: 15, N: 11, O: 8, P: 8, Q: 9, R: 13, S: 13, T: 13, U: 13, V: 15, W: 13, X: 15 });
    expect(s).toMatchObject({ merges: [], rowHeights: { 1: 36 }, freezeRows: 1, tabColor: INPUT_TAB, print: { orientation: "landscape", paperSize: "A4", fitToWidth: true, repeatRows: "1:1" } });
  });

  it("指标录入 for more than 12 months prepares exactly the months' rows", () => {
    const months = Array.from({ length: 14 }, (_v, i) => `2025-${String((i % 12) + 1).padStart(2, "0")}`);
    const s = buildIndicatorSheet(months);
    expect(s.cells.filter((c) => c.address.startsWith("A") && c.address !== "A1")).toHaveLength(14);
    expect(at(s, "A15")?.value).toBe("2025-02");
    expect(s.validations?.[0]?.range).toBe("C2:C15");
  });

  it("加减分事件: headers, text formats for 考核月份 and 事项编号 over 200 rows, the five dropdowns, widths", () => {
    const s = buildEventSheet();
    expect(s.name).toBe("加减分事件");
    expect(row(s, 1)).toEqual(["考核月份", "类型", "级别", "事项编号", "事项说明", "佐证材料", "经查属实", "乙方报送"].map((value, i) => ({ address: `${"ABCDEFGH"[i]}1`, value, style: head() })));
    expect(s.cells).toHaveLength(8 + 200 + 200);
    expect(row(s, 2)).toEqual([
      { address: "A2", value: null, numberFormat: "@" },
      { address: "D2", value: null, numberFormat: "@" },
    ]);
    expect(row(s, 201).map((c) => c.address)).toEqual(["A201", "D201"]);
    expect(row(s, 202)).toEqual([]);
    expect(s.validations).toEqual([
      { range: "B2:B201", values: ["加分", "扣分"] },
      { range: "C2:C201", values: ["群众", "市级及以上", "市级及以下", "省级", "国家级"] },
      { range: "F2:F201", values: ["有", "无"] },
      { range: "G2:G201", values: ["是", "否"] },
      { range: "H2:H201", values: ["是", "否"] },
    ]);
    expect(s.columnWidths).toEqual({ A: 11, B: 10, C: 12, D: 16, E: 40, F: 11, G: 11, H: 11 });
    expect(s).toMatchObject({ merges: [], freezeRows: 1, tabColor: INPUT_TAB, print: { orientation: "landscape", paperSize: "A4", fitToWidth: true, repeatRows: "1:1" } });
  });

  it("报告提交: headers, 报告期 as text and 提交日期 as a date over 200 rows, dropdowns, portrait", () => {
    const s = buildReportSheet();
    expect(s).toMatchObject({ name: "报告提交", merges: [], columnWidths: { A: 10, B: 12, C: 13, D: 12 }, freezeRows: 1, tabColor: INPUT_TAB });
    expect(s.print).toEqual({ orientation: "portrait", paperSize: "A4", fitToWidth: true, repeatRows: "1:1" });
    expect(row(s, 1)).toEqual(["报告类型", "报告期", "提交日期", "延期已获批"].map((value, i) => ({ address: `${"ABCD"[i]}1`, value, style: head() })));
    expect(row(s, 2)).toEqual([
      { address: "B2", value: null, numberFormat: "@" },
      { address: "C2", value: null, numberFormat: "yyyy-mm-dd" },
    ]);
    expect(s.cells).toHaveLength(4 + 400);
    expect(s.validations).toEqual([
      { range: "A2:A201", values: ["月报", "季报", "年报"] },
      { range: "D2:D201", values: ["是", "否"] },
    ]);
  });

  it("付款记录: 笔次 1–3 prefilled, dates formatted, 收票日期 optional (grey)", () => {
    const s = buildPaymentRecordSheet();
    expect(s).toEqual({
      name: "付款记录",
      cells: [
        { address: "A1", value: "笔次", style: head() },
        { address: "B1", value: "发票日期", style: head() },
        { address: "C1", value: "实付日期", style: head() },
        { address: "D1", value: "收票日期", style: head(OPTIONAL_FILL) },
        ...[1, 2, 3].flatMap((n) => [
          { address: `A${n + 1}`, value: n, style: { horizontal: "center" } },
          ...["B", "C", "D"].map((c) => ({ address: `${c}${n + 1}`, value: null, numberFormat: "yyyy-mm-dd" })),
        ]),
      ],
      merges: [],
      columnWidths: { A: 8, B: 13, C: 13, D: 13 },
      freezeRows: 1,
      tabColor: INPUT_TAB,
    });
  });

  it("合同信息: 参数 | 值 | 说明 for the seed contract, dates as dates, the total as money, 季度服务费 optional", () => {
    const s = buildContractInfoSheet();
    const label = (value: string, optional = false) => ({ bold: true, border: "thin", vertical: "middle", fill: optional ? OPTIONAL_FILL : undefined });
    const v = (wrap = false, horizontal = "center") => ({ border: "thin", horizontal, vertical: "middle", wrap });
    const help = { border: "thin", wrap: true, vertical: "middle" };
    expect(s.cells.slice(0, 3)).toEqual(["参数", "值", "说明"].map((value, i) => ({ address: `${"ABC"[i]}1`, value, style: head() })));
    expect(s.cells.slice(3)).toEqual([
      { address: "A2", value: "合同名称", style: label("") },
      { address: "B2", value: "陕西省公安厅出入境管理局 12367 服务热线 2024-2025 年热线运营服务及语音专线采购项目", numberFormat: "@", style: v(true, "left") },
      { address: "C2", value: "印在「付款结算」表头", style: help },
      { address: "A3", value: "甲方", style: label("") },
      { address: "B3", value: "陕西省公安厅", numberFormat: "@", style: v() },
      { address: "C3", value: "委托方（甲方）", style: help },
      { address: "A4", value: "乙方", style: label("") },
      { address: "B4", value: "陕西省通信服务有限公司", numberFormat: "@", style: v() },
      { address: "C4", value: "受托方（乙方）", style: help },
      { address: "A5", value: "合同期起", style: label("") },
      { address: "B5", value: 45630, numberFormat: "yyyy-mm-dd", style: v() }, // 2024-12-04
      { address: "C5", value: "服务期第一天（日期）", style: help },
      { address: "A6", value: "合同期止", style: label("") },
      { address: "B6", value: 45994, numberFormat: "yyyy-mm-dd", style: v() }, // 2025-12-03
      { address: "C6", value: "服务期最后一天（日期），须晚于合同期起", style: help },
      { address: "A7", value: "合同总额", style: label("") },
      { address: "B7", value: 689000, numberFormat: "#,##0.00", style: v() },
      { address: "C7", value: "服务费总额（元，含税）", style: help },
      { address: "A8", value: "首个考核月份", style: label("") },
      { address: "B8", value: "2024-12", numberFormat: "@", style: v() },
      { address: "C8", value: "如 2024-12", style: help },
      { address: "A9", value: "末个考核月份", style: label("") },
      { address: "B9", value: "2025-11", numberFormat: "@", style: v() },
      { address: "C9", value: "如 2025-11", style: help },
      { address: "A10", value: "季度服务费", style: label("", true) },
      { address: "B10", value: null, numberFormat: "#,##0.00", style: v() },
      { address: "C10", value: "可不填：默认 合同总额 ÷ (考核月数 ÷ 3)", style: help },
    ]);
    // The title (96 "0"s wide) wraps to 2 lines of the 60-wide column: 2 × 15 + 6.
    expect(s).toMatchObject({ name: "合同信息", merges: [], columnWidths: { A: 16, B: 60, C: 40 }, rowHeights: { 2: 36 }, freezeRows: 1, tabColor: INPUT_TAB });
    expect(s.print).toEqual({ orientation: "landscape", paperSize: "A4", fitToWidth: true });
    // A quarterly fee given is written as a number.
    expect(at(buildContractInfoSheet({ ...defaultRules().contract, quarterlyFee: "172250.00" }), "B10")?.value).toBe(172250);
  });

  it("付款条款: one row per instalment and blank rows to at least row 7, shares as %, dates as dates", () => {
    const s = buildPaymentTermsSheet();
    const body = { border: "thin", vertical: "middle", horizontal: "center" };
    expect(row(s, 1).map((c) => [c.value, c.style?.fill])).toEqual([
      ["笔次", HEADER_FILL],
      ["比例", HEADER_FILL],
      ["考核月份起", HEADER_FILL],
      ["考核月份止", HEADER_FILL],
      ["最早开票日期", OPTIONAL_FILL],
      ["付款期限（工作日）", HEADER_FILL],
      ["付款条件", OPTIONAL_FILL],
    ]);
    expect(row(s, 3)).toEqual([
      { address: "A3", value: 2, numberFormat: "0", style: body },
      { address: "B3", value: 0.5, numberFormat: "0%", style: body },
      { address: "C3", value: "2024-12", numberFormat: "@", style: body },
      { address: "D3", value: "2025-05", numberFormat: "@", style: body },
      { address: "E3", value: 45809, numberFormat: "yyyy-mm-dd", style: body }, // 2025-06-01
      { address: "F3", value: 30, numberFormat: "0", style: body },
      { address: "G3", value: defaultRules().contract.instalments[1]?.condition, numberFormat: "@", style: { border: "thin", vertical: "middle", wrap: true } },
    ]);
    expect(row(s, 2).slice(2, 4).map((c) => c.value)).toEqual([null, null]);
    expect(row(s, 7)).toEqual([
      { address: "A7", value: null, numberFormat: "0", style: body },
      { address: "B7", value: null, numberFormat: "0%", style: body },
      { address: "C7", value: null, numberFormat: "@", style: body },
      { address: "D7", value: null, numberFormat: "@", style: body },
      { address: "E7", value: null, numberFormat: "yyyy-mm-dd", style: body },
      { address: "F7", value: null, numberFormat: "0", style: body },
      { address: "G7", value: null, numberFormat: "@", style: { border: "thin", vertical: "middle", wrap: true } },
    ]);
    expect(row(s, 8)).toEqual([]);
    expect(s.rowHeights).toEqual({ 1: 30, 2: 36, 3: 36, 4: 36 });
    expect(s).toMatchObject({ name: "付款条款", merges: [], columnWidths: { A: 7, B: 8, C: 12, D: 12, E: 14, F: 12, G: 50 }, freezeRows: 1, tabColor: INPUT_TAB });
    expect(s.print).toEqual({ orientation: "landscape", paperSize: "A4", fitToWidth: true });
    // A share of 12.5 % keeps its decimals; four instalments get three blank rows below (to row 8).
    const seed = defaultRules().contract;
    const four = { ...seed, instalments: [{ ...(seed.instalments[0] as (typeof seed.instalments)[number]), share: "0.125" }, ...seed.instalments.slice(1), { ...(seed.instalments[2] as (typeof seed.instalments)[number]), number: 4 }] };
    const t = buildPaymentTermsSheet(four);
    expect(at(t, "B2")).toMatchObject({ value: 0.125, numberFormat: "0.00%" });
    expect(at(t, "B3")?.numberFormat).toBe("0%");
    expect(at(t, "A5")?.value).toBe(4);
    expect(row(t, 8)).toHaveLength(7);
    expect(row(t, 9)).toEqual([]);
  });

  it("规则设置: every parameter at its contract default, numbers as numbers, 合同总额 blank, dropdowns", () => {
    const s = buildRuleSheet();
    const values = s.cells.filter((c) => c.address.startsWith("B") && c.address !== "B1").map((c) => [c.address, c.value, c.numberFormat]);
    expect(values).toEqual([
      ["B2", null, "#,##0.00"],
      ["B3", 95, "General"],
      ["B4", 0.005, "0.0%"],
      ["B5", "季度服务费", "@"],
      ["B6", 10, "General"],
      ["B7", 5, "General"],
      ["B8", "按比例", "@"],
      ["B9", "市级及以下/省级/国家级", "@"],
      ["B10", "当年", "@"],
      ["B11", "是", "@"],
      ["B12", "否", "@"],
      ["B13", "否", "@"],
      ["B14", "整个合同期", "@"],
      ["B15", "只扣一次", "@"],
      ["B16", "全部加分", "@"],
      ["B17", "不早于最早开票日期", "@"],
    ]);
    expect(at(s, "A2")).toEqual({ address: "A2", value: "合同总额", style: { bold: true, border: "thin", vertical: "middle" } });
    expect(at(s, "B3")?.style).toEqual({ border: "thin", horizontal: "center", vertical: "middle" });
    expect(at(s, "C2")).toEqual({ address: "C2", value: "留空：合同总额见「合同信息」（旧工作簿可在此填写；两处都填且不一致时报错）", style: { border: "thin", wrap: true, vertical: "middle" } });
    expect(s.validations).toEqual([
      { range: "B11", values: ["是", "否"] },
      { range: "B12", values: ["是", "否"] },
      { range: "B13", values: ["是", "否"] },
      { range: "B5", values: ["季度服务费", "本笔款项", "本期服务费"] },
      { range: "B8", values: ["按比例", "整步", "起步"] },
      { range: "B9", values: ["市级及以下/省级/国家级", "市级以下/市级/省级及以上"] },
      { range: "B14", values: ["整个合同期", "同一月内"] },
      { range: "B15", values: ["只扣一次", "每次都扣"] },
      { range: "B16", values: ["全部加分", "仅群众表扬"] },
      { range: "B17", values: ["不早于最早开票日期", "自发票日期"] },
    ]);
    expect(s.rowHeights).toEqual({ 2: 36, 3: 21, 4: 21, 5: 21, 6: 36, 7: 66, 8: 36, 9: 36, 10: 51, 11: 21, 12: 21, 13: 21, 14: 36, 15: 36, 16: 51, 17: 51 });
    expect(s).toMatchObject({ name: "规则设置", merges: [], columnWidths: { A: 20, B: 24, C: 70 }, freezeRows: 1, tabColor: INPUT_TAB });
    expect(s.print).toEqual({ orientation: "landscape", paperSize: "A4", fitToWidth: true });
  });
});

describe("checkTemplateOptions and buildTemplate", () => {
  it("rejects a bad first month, a month count outside 1–36 or fractional, with the whole zh-CN + English message", () => {
    expect(() => checkTemplateOptions({ from: "2024-13", months: 12 })).toThrow(new RangeError("起始月份「2024-13」无效，应如 2024-12 / invalid first month \"2024-13\", expected e.g. 2024-12"));
    for (const months of [0, 37, 1.5])
      expect(() => checkTemplateOptions({ from: "2024-12", months })).toThrow(new RangeError(`月数「${months}」应为 1–36 的整数 / months must be a whole number 1–36, got "${months}"`));
    expect(() => checkTemplateOptions({ from: "2024-12", months: 1 })).not.toThrow();
    expect(() => checkTemplateOptions({ from: "2024-12", months: 36 })).not.toThrow();
  });

  it("rejects a contract whose scored months differ from the template's, at either end", () => {
    const contract = templateContract({ firstMonth: "2025-01", lastMonth: "2025-03" });
    expect(() => checkTemplateOptions({ from: "2025-01", months: 3, contract })).not.toThrow();
    expect(() => checkTemplateOptions({ from: "2025-01", months: 4, contract })).toThrow(
      new RangeError("合同的考核月份 2025-01 至 2025-03 与模板月份 2025-01 至 2025-04 不一致 / the contract's scored months 2025-01…2025-03 differ from the template's 2025-01…2025-04"),
    );
    expect(() => checkTemplateOptions({ from: "2024-12", months: 3, contract })).toThrow(/合同的考核月份 2025-01 至 2025-03 与模板月份 2024-12 至 2025-02 不一致/);
  });

  it("builds the months, then 合同信息 … 节假日安排, with the default contract of those months or the one given", () => {
    const specs = buildTemplate({ from: "2025-11", months: 3 });
    expect(specs.map((s) => s.name)).toEqual(["2025年11月", "2025年12月", "2026年1月", "合同信息", "付款条款", "指标录入", "加减分事件", "报告提交", "付款记录", "规则设置", "节假日安排"]);
    expect(at(specs[3] as SheetSpec, "B8")?.value).toBe("2025-11");
    expect(at(specs[3] as SheetSpec, "B9")?.value).toBe("2026-01");
    expect(at(specs[5] as SheetSpec, "A4")?.value).toBe("2026-01");
    const given = { ...templateContract({ firstMonth: "2025-11", lastMonth: "2026-01" }), partyB: "某某公司" };
    expect(at(buildTemplate({ from: "2025-11", months: 3, contract: given })[3] as SheetSpec, "B4")?.value).toBe("某某公司");
    expect(() => buildTemplate({ from: "2025-11", months: 0 })).toThrow(RangeError);
  });
});

describe("inputSheetWrites and templatePlan: a season typed into the template", () => {
  it("types the indicators by header, the events and reports in column order, the payments beside 笔次", () => {
    const ind = { ...EXAMPLE_2025_10.indicators, month: "2025-10" };
    const [i, e, r, p] = inputSheetWrites({
      indicators: [ind],
      events: [EXAMPLE_2025_10.events[0] as (typeof EXAMPLE_2025_10.events)[number], { month: "2025-10", type: "penalty", level: "省级", matterId: "KF-1", description: "投诉", evidence: null, verified: false, reported: null }],
      reports: [
        { kind: "月报", period: "2025-09", submitted: "2025-10-13", extensionApproved: false },
        { kind: "季报", period: "2025Q3", submitted: null, extensionApproved: null },
      ],
      payments: [
        { number: 2, invoiceDate: "2025-06-03", paidDate: null },
        { number: 3, invoiceDate: null, paidDate: "2026-01-05", receivedDate: "2025-12-20" },
      ],
    });
    expect(i?.sheet).toBe("指标录入");
    expect(i?.writes.slice(0, 4)).toEqual([
      { address: "A2", value: "2025-10" },
      { address: "B2", value: 9 }, // 团队人数
      { address: "C2", value: "是" }, // 管理制度落实: true
      { address: "D2", value: "是" }, // 运营报告按时完整: true
    ]);
    expect(i?.writes).toHaveLength(24);
    expect(e).toEqual({
      sheet: "加减分事件",
      writes: [
        ...["2025-10", "加分", "群众", "BY-2025-101", "来电群众致谢话务员", "有", "是", "是"].map((value, c) => ({ address: `${"ABCDEFGH"[c]}2`, value })),
        ...["2025-10", "扣分", "省级", "KF-1", "投诉", null, "否", null].map((value, c) => ({ address: `${"ABCDEFGH"[c]}3`, value })),
      ],
    });
    expect(r).toEqual({
      sheet: "报告提交",
      writes: [
        { address: "A2", value: "月报" },
        { address: "B2", value: "2025-09" },
        { address: "C2", value: 45943 }, // 2025-10-13
        { address: "D2", value: "否" },
        { address: "A3", value: "季报" },
        { address: "B3", value: "2025Q3" },
        { address: "C3", value: null },
        { address: "D3", value: null },
      ],
    });
    expect(p).toEqual({
      sheet: "付款记录",
      writes: [
        { address: "B3", value: 45811 }, // 2025-06-03
        { address: "C3", value: null },
        { address: "B4", value: null },
        { address: "C4", value: 46027 }, // 2026-01-05
        { address: "D4", value: 46011 }, // 2025-12-20
      ],
    });
  });

  it("an event without evidence is typed 无; a plan without inputs writes no cell", () => {
    const [, e] = inputSheetWrites({ indicators: [], events: [{ month: "2025-10", type: "bonus", level: "群众", matterId: "X", description: "d", evidence: false, verified: true, reported: false }], reports: [], payments: [] });
    expect(e?.writes.map((w) => w.value)).toEqual(["2025-10", "加分", "群众", "X", "d", "无", "是", "否"]);
    const sheets = [buildReportSheet()];
    const plan = templatePlan(sheets);
    expect(plan).toEqual({ cellWrites: [], sheets });
    expect(plan.sheets).not.toBe(sheets);
    const withInputs = templatePlan(sheets, { indicators: [], events: [], reports: [], payments: [] });
    expect(withInputs.cellWrites.map((g) => [g.sheet, g.writes.length])).toEqual([
      ["指标录入", 0],
      ["加减分事件", 0],
      ["报告提交", 0],
      ["付款记录", 0],
    ]);
  });
});
