/**
 * Issue 17: 付款结算 (src/workbook/sheets/payment-sheet.ts) cell by cell for one year: instalment 1
 * paid on time, instalment 2 paid 29 days late, instalment 3 invoiced before its time and unpaid 47
 * days after its due date — each cell's value, style and number format as the layout states them,
 * the warnings listed, the totals, the signature block, the overview beside the form, the chart and
 * the print setup; the row heights from the text widths (CJK and full-width characters 2.2 units,
 * the rest 1). Written from Stryker's survivors over that file.
 */
// @ts-nocheck

import { dec, Dec, defaultRules, MonthKey, monthRange, Problem, settle } from "../../../src/domain";
import type { CellStyle, SheetSpec } from "../../../src/workbook/model";
import { buildPaymentSheet, PaymentSheetInput } from "../../../src/workbook/sheets/payment-sheet";

const LABEL: CellStyle = { bold: true, fill: "#F2F2F2", border: "thin", vertical: "middle", horizontal: "left", wrap: true };
const VALUE: CellStyle = { border: "thin", vertical: "middle", wrap: true };
const NUMBER: CellStyle = { border: "thin", vertical: "middle", horizontal: "right" };
const QUOTE: CellStyle = { border: "thin", vertical: "top", wrap: true, fontSize: 10, fontColor: "#404040" };
const BLOCK: CellStyle = { bold: true, fontSize: 12, fill: "#DDEBF7", border: "thin", vertical: "middle" };
const MONEY = "¥#,##0.00";
const AS_OF = "2026-03-31";

const RULES = defaultRules();
function totals(low: Record<string, string> = { "2025-03": "93.40" }): Record<MonthKey, Dec> {
  const t: Record<MonthKey, Dec> = {};
  for (const m of monthRange("2024-12", "2025-11")) t[m] = dec(low[m] ?? "96");
  return t;
}
function build(over: Partial<PaymentSheetInput> = {}, t = totals()): SheetSpec {
  const s = settle(
    t,
    [
      { number: 1, invoiceDate: "2024-12-20", paidDate: "2024-12-30" },
      { number: 2, invoiceDate: "2025-06-10", paidDate: "2025-08-20" },
      { number: 3, invoiceDate: "2025-12-01", paidDate: null },
    ],
    RULES,
    { asOf: AS_OF },
  );
  if (!s.ok) throw new Error(JSON.stringify(s.errors));
  return buildPaymentSheet({ settlement: s.value, monthTotals: t, warnings: s.warnings, rules: RULES, asOf: AS_OF, generatedAt: "2026-03-31 10:00", ...over });
}
/** [value, style, number format] of a cell; undefined when the sheet has none there. */
function at(s: SheetSpec, address: string): unknown[] | undefined {
  const c = s.cells.find((x) => x.address === address);
  return c ? [c.value, c.style, c.numberFormat] : undefined;
}

describe("the header (rows 1–8)", () => {
  it("title, contract, parties, amounts, threshold, rule set, options, dates", () => {
    const spec = build();
    expect(at(spec, "A1")).toEqual(["付款结算单（合同§十 服务费用及支付方式）", { bold: true, fontSize: 16, fontColor: "#1F4E78", horizontal: "center", vertical: "middle" }, undefined]);
    expect(at(spec, "G1")?.[0]).toBeNull();
    expect(at(spec, "A2")?.[1]).toEqual({ bold: true, fontSize: 10, horizontal: "center", vertical: "middle", wrap: true });
    expect([at(spec, "A3"), at(spec, "B3"), at(spec, "D3"), at(spec, "E3"), at(spec, "F3")]).toEqual([
      ["甲方", LABEL, undefined],
      ["陕西省公安厅", VALUE, undefined],
      [null, VALUE, undefined],
      ["乙方", LABEL, undefined],
      ["陕西省通信服务有限公司", VALUE, undefined],
    ]);
    expect([at(spec, "A4"), at(spec, "B4"), at(spec, "C4"), at(spec, "D4"), at(spec, "E4")]).toEqual([
      ["合同总额", LABEL, undefined],
      [689000, { ...NUMBER, bold: true }, MONEY],
      [null, { ...NUMBER, bold: true }, MONEY],
      ["大写", LABEL, undefined],
      ["人民币陆拾捌万玖仟元整", { ...VALUE, bold: true }, undefined],
    ]);
    expect([at(spec, "A5"), at(spec, "B5"), at(spec, "D5"), at(spec, "E5"), at(spec, "F5"), at(spec, "G5")]).toEqual([
      ["季度服务费", LABEL, undefined],
      [172250, NUMBER, MONEY],
      ["达标分", LABEL, undefined],
      [95, NUMBER, "0.##"],
      ["每分扣款", LABEL, undefined],
      [0.005, NUMBER, "0.0%"],
    ]);
    expect([at(spec, "A6"), at(spec, "B6"), at(spec, "A7"), at(spec, "B7")]).toEqual([
      ["规则集", LABEL, undefined],
      [`${RULES.name}，版本 ${RULES.version}`, VALUE, undefined],
      ["与默认不同", LABEL, undefined],
      ["无：A1–A10 均采用合同原文的默认读法", VALUE, undefined],
    ]);
    // 2026-03-31: 2026-01-01 is serial 46023 (2025-01-01 is 45658, + 365), + 31 + 28 + 30.
    expect([at(spec, "A8"), at(spec, "B8"), at(spec, "C8"), at(spec, "D8")]).toEqual([
      ["结算基准日", LABEL, undefined],
      [46112, { ...NUMBER, horizontal: "center" }, "yyyy-mm-dd"],
      ["生成时间", LABEL, undefined],
      ["2026-03-31 10:00", VALUE, undefined],
    ]);
    expect(spec.merges.slice(0, 10)).toEqual(["A1:G1", "A2:G2", "B3:D3", "F3:G3", "B4:C4", "E4:G4", "B5:C5", "B6:G6", "B7:G7", "D8:G8"]);
  });

  it("no generatedAt: —; an option changed: named in bold red", () => {
    const other = build({ generatedAt: undefined, rules: { ...RULES, options: { ...RULES.options, roundAverage: false } } });
    expect(at(other, "D8")?.[0]).toBe("—");
    expect(at(other, "B7")).toEqual(["A6 期间平均分不取整", { ...VALUE, bold: true, fontColor: "#9C0006" }, undefined]);
  });

  it("the contract's identity as given, and a title that already ends in 合同 kept as it is", () => {
    const named = build({ contract: { name: "某合同", partyA: "甲", partyB: "乙" } });
    expect([at(named, "A2")?.[0], at(named, "B3")?.[0], at(named, "F3")?.[0]]).toEqual(["某合同\n合同期：2024-12-04 至 2025-12-03（考核月份 2024年12月至2025年11月）", "甲", "乙"]);
    expect(at(named, "A63")?.[0]).toBe("甲方（盖章）：甲");
    const titled = build({ rules: { ...RULES, contract: { ...RULES.contract, title: "某项目合同" } } });
    expect(String(at(titled, "A2")?.[0]).split("\n")[0]).toBe("某项目合同");
  });
});

describe("an instalment's block", () => {
  it("instalment 1 (rows 10–18): no months, paid on time", () => {
    const spec = build();
    expect(at(spec, "A10")).toEqual(["第1笔　合同总价款的 40%　¥275,600.00", BLOCK, undefined]);
    expect([at(spec, "A11")?.[1], at(spec, "B11")?.[1]]).toEqual([LABEL, VALUE]);
    expect([at(spec, "A12"), at(spec, "B12")]).toEqual([
      ["考核", LABEL, undefined],
      ["本笔不与考核得分挂钩，不扣款", VALUE, undefined],
    ]);
    expect([at(spec, "A13")?.[0], at(spec, "B13")?.[1]]).toEqual(["合同依据", QUOTE]);
    expect([at(spec, "B14"), at(spec, "D14")?.[0], at(spec, "E14"), at(spec, "B15"), at(spec, "E15")]).toEqual([
      [275600, NUMBER, MONEY],
      "扣款",
      [0, NUMBER, MONEY],
      [275600, { ...NUMBER, bold: true }, MONEY],
      ["人民币贰拾柒万伍仟陆佰元整", { ...VALUE, bold: true }, undefined],
    ]);
    const center = { ...NUMBER, horizontal: "center" };
    // Invoiced Fri 2024-12-20 (45646), due Mon 2025-01-06 (45663), paid 2024-12-30 (45656).
    expect([at(spec, "B16"), at(spec, "D16"), at(spec, "F16"), at(spec, "B17"), at(spec, "D17"), at(spec, "F17")]).toEqual([
      [45646, center, "yyyy-mm-dd"],
      [45663, center, "yyyy-mm-dd"],
      [45656, center, "yyyy-mm-dd"],
      [0, center, "0"],
      [0, NUMBER, MONEY],
      ["已支付", { ...VALUE, horizontal: "center" }, undefined],
    ]);
    expect(at(spec, "B18")).toEqual(["应付日期 = 发票日期后第 10 个工作日（按国家法定节假日及调休安排）。\n计至实付日期 2024-12-30，未逾期，不计违约金。", QUOTE, undefined]);
    expect(at(spec, "A19")).toBeUndefined();
  });

  it("instalment 2 (rows 20–32): six months, the average, paid late", () => {
    const spec = build();
    expect([at(spec, "B22"), at(spec, "B23"), at(spec, "E23")]).toEqual([
      ["2024年12月", { ...LABEL, horizontal: "center", bold: false }, undefined],
      [96, NUMBER, "0.00"],
      [93.4, NUMBER, "0.00"],
    ]);
    // (5 × 96 + 93.40) / 6 = 95.5666… → 95.57
    expect([at(spec, "A24")?.[0], at(spec, "B24"), at(spec, "C24"), at(spec, "D24"), at(spec, "E24")?.[0], at(spec, "F24")]).toEqual([
      "期间平均分",
      [95.57, { ...NUMBER, bold: true }, "0.00"],
      ["低于95分", LABEL, undefined],
      [0, NUMBER, "0.00"],
      "扣款基数",
      [172250, NUMBER, MONEY],
    ]);
    expect([at(spec, "A25")?.[0], at(spec, "B25")?.[0]]).toEqual(["平均分说明", "未取整的平均分 ≈95.566667，按规则（A6）四舍五入到 2 位小数为 95.57"]);
    // 29 days late: 344,500 × 3% × 29 = 299,715.00, in red.
    expect([at(spec, "B31"), at(spec, "D31"), at(spec, "F31")?.[0]]).toEqual([
      [29, { ...NUMBER, horizontal: "center" }, "0"],
      [299715, { ...NUMBER, fontColor: "#9C0006" }, MONEY],
      "已支付（逾期）",
    ]);
    expect(at(spec, "B32")?.[0]).toBe("应付日期 = 发票日期后第 30 个工作日（按国家法定节假日及调休安排）。\n逾期天数计至实付日期 2025-08-20：29 天；违约金 = 应付金额 ¥344,500.00 × 3% × 29 天 = ¥299,715.00。");
    expect(spec.conditionalHighlights?.slice(0, 3)).toEqual([
      { range: "J5:J16", lessThan: 95, fill: "#FFC7CE", fontColor: "#9C0006" },
      { range: "B23:G23", lessThan: 95, fill: "#FFC7CE", fontColor: "#9C0006" },
      { range: "B37:G37", lessThan: 95, fill: "#FFC7CE", fontColor: "#9C0006" },
    ]);
  });

  it("instalment 3 (rows 34–46): unpaid, overdue past 30 days, invoiced before its time", () => {
    const spec = build();
    expect([at(spec, "F43"), at(spec, "B44")?.[0], at(spec, "F44")?.[0]]).toEqual([["未支付", { ...NUMBER, horizontal: "center" }, undefined], 47, "已开票，逾期未付"]);
    expect(at(spec, "A45")).toEqual([
      "⚠ 已逾期 47 天，超过 30 天：乙方有权解除合同，并要求甲方支付合同款项的 10%（¥68,900.00）作为违约金",
      { bold: true, fontColor: "#FFFFFF", fill: "#C00000", border: "thin", wrap: true, vertical: "middle" },
      undefined,
    ]);
    expect(at(spec, "B46")?.[0]).toBe(
      "应付日期 = 最早开票日期 2026-01-01 后第 30 个工作日（按国家法定节假日及调休安排）。\n发票日期 2025-12-01 早于合同约定的开票时点（2026-01-01 起），付款期限自该时点起算（A10）。\n逾期天数计至结算基准日 2026-03-31：47 天；违约金 = 应付金额 ¥68,900.00 × 3% × 47 天 = ¥97,149.00。",
    );
    expect([spec.rowHeights?.[45], spec.rowHeights?.[46]]).toEqual([36, 91]);
  });
});

describe("warnings, totals and signatures", () => {
  it("lists late payments, months below 95, then the engine's listed warnings, each once", () => {
    const spec = build();
    const fill = { ...VALUE, fill: "#FFF2CC" };
    expect(at(spec, "A48")).toEqual(["提示：会影响付款的事项", { bold: true, fontSize: 12, fill: "#FFF2CC", border: "thin", vertical: "middle" }, undefined]);
    expect([49, 50, 51, 52].map((r) => at(spec, `A${r}`))).toEqual([
      ["• 第2笔于 2025-08-20 支付，逾期 29 天（应付日期 2025-07-22），违约金 ¥299,715.00", fill, undefined],
      ["• 第3笔尚未支付，逾期 47 天（应付日期 2026-02-12），违约金 ¥97,149.00；已超过 30 天，乙方有权解除合同并要求支付合同款项的 10%（¥68,900.00）", fill, undefined],
      ["• 2025年3月考核得分 93.40 低于达标分 95，拉低第2笔的期间平均分", fill, undefined],
      ["• 第3笔发票日期 2025-12-01 早于合同约定的开票时点（2026-01-01 起）；付款期限自 2026-01-01 起算（A10）", fill, undefined],
    ]);
    expect(spec.rowHeights?.[48]).toBe(22);
  });

  it("the engine's warnings in the listed order, then by month; the month named when the message does not; none is 无", () => {
    const w = (code: string, message: string, month?: string): Problem => ({ severity: "warning", code, field: "x", message, messageEn: "", ...(month ? { month } : {}) });
    const none = build({ warnings: [w("payment-late", "不列"), w("below-threshold", "不列"), w("unknown", "不列")] }, totals({}));
    const clean = settle(totals({}), [], RULES, { asOf: AS_OF });
    if (!clean.ok) throw new Error("settle");
    const quiet = buildPaymentSheet({ settlement: clean.value, monthTotals: totals({}), warnings: [w("payment-late", "不列")], rules: RULES, asOf: AS_OF });
    const rowOf = (s: SheetSpec, text: string) => s.cells.find((c) => c.value === text)?.address;
    const top = Number(rowOf(quiet, "提示：会影响付款的事项")?.slice(1));
    expect(at(quiet, `A${top + 1}`)).toEqual(["无", VALUE, undefined]);
    expect(none.cells.filter((c) => c.value === "• 不列")).toEqual([]);
    const listed = buildPaymentSheet({
      settlement: clean.value,
      monthTotals: totals({}),
      rules: RULES,
      asOf: AS_OF,
      warnings: [
        w("agreed-score", "约定 B", "2025-11"),
        w("bonus-kept-at-zero", "加分 BY-2025-102 计 0", "2025-10"),
        w("quarterly-turnover", "2025Q4（2025-10）流动率", "2025-10"),
        w("bonus-kept-at-zero", "2025年9月的加分计 0", "2025-09"),
        w("agreed-score", "约定 A", "2025-01"),
        w("quarterly-turnover", "2025Q4（2025-10）流动率", "2025-10"),
        w("early-invoice", "无月份"),
      ],
    });
    const t = Number(rowOf(listed, "提示：会影响付款的事项")?.slice(1));
    expect([1, 2, 3, 4, 5, 6, 7].map((i) => at(listed, `A${t + i}`)?.[0])).toEqual([
      "• 2025Q4（2025-10）流动率",
      "• 2025年9月的加分计 0",
      "• 2025年10月：加分 BY-2025-102 计 0",
      "• 无月份",
      "• 2025年1月：约定 A",
      "• 2025年11月：约定 B",
      undefined,
    ]);
  });

  it("the totals, 大写 for the contract, payable and outstanding amounts; both parties' signature lines", () => {
    const spec = build();
    expect(at(spec, "A54")).toEqual(["合计", BLOCK, undefined]);
    expect([55, 56, 57, 58, 59, 60].map((r) => [at(spec, `A${r}`)?.[0], at(spec, `B${r}`), at(spec, `D${r}`)?.[0]])).toEqual([
      ["合同总额", [689000, { ...NUMBER, bold: false }, MONEY], "大写：人民币陆拾捌万玖仟元整"],
      ["扣款合计", [0, { ...NUMBER, bold: false }, MONEY], null],
      ["应付合计", [689000, { ...NUMBER, bold: true }, MONEY], "大写：人民币陆拾捌万玖仟元整"],
      ["已付", [620100, { ...NUMBER, bold: false }, MONEY], null],
      ["未付", [68900, { ...NUMBER, bold: false }, MONEY], "大写：人民币陆万捌仟玖佰元整"],
      ["违约金合计", [396864, { ...NUMBER, bold: false }, MONEY], "逾期违约金计至各笔实付日期，未付的计至结算基准日 2026-03-31"],
    ]);
    expect([at(spec, "D55")?.[1], at(spec, "D60")?.[1]]).toEqual([VALUE, { ...VALUE, fontSize: 9 }]);
    expect(at(spec, "B61")?.[1]).toEqual(QUOTE);
    expect([at(spec, "A63"), at(spec, "E63"), at(spec, "A64"), at(spec, "E66"), at(spec, "A67"), at(spec, "E67")]).toEqual([
      ["甲方（盖章）：陕西省公安厅", { vertical: "bottom", bold: true }, undefined],
      ["乙方（盖章）：陕西省通信服务有限公司", { vertical: "bottom", bold: true }, undefined],
      ["经办人（签字）：________________", { vertical: "bottom" }, undefined],
      ["负责人（签字）：________________", { vertical: "bottom" }, undefined],
      ["日期：________年____月____日", { vertical: "bottom" }, undefined],
      ["日期：________年____月____日", { vertical: "bottom" }, undefined],
    ]);
    expect([63, 64, 65, 66, 67].map((r) => spec.rowHeights?.[r])).toEqual([30, 32, 32, 32, 30]);
    expect(at(spec, "A69")).toEqual(["本表由程序按规则集（版本 2024-12.1）根据各月考核得分与「付款记录」计算生成，每次重算整表替换，请勿在本表手工修改。", { italic: true, fontSize: 9, fontColor: "#404040", wrap: true }, undefined]);
  });
});

describe("beside the form: the overview, the forecast and the chart", () => {
  it("twelve months with their instalment, each instalment's average, the forecast lines", () => {
    const spec = build();
    const center = { ...LABEL, horizontal: "center" };
    expect([at(spec, "I3"), at(spec, "I4"), at(spec, "L4")]).toEqual([
      ["月度考核得分一览", { bold: true, fontSize: 12, fill: "#DDEBF7", border: "thin", horizontal: "center", vertical: "middle" }, undefined],
      ["考核月份", center, undefined],
      ["笔次", center, undefined],
    ]);
    expect([at(spec, "I5"), at(spec, "J5"), at(spec, "K5"), at(spec, "L5"), at(spec, "J8"), at(spec, "L16")]).toEqual([
      ["2024年12月", { ...VALUE, horizontal: "center" }, undefined],
      [96, NUMBER, "0.00"],
      [95, NUMBER, "0.##"],
      ["第2笔", { ...VALUE, horizontal: "center" }, undefined],
      [93.4, NUMBER, "0.00"],
      ["第3笔", { ...VALUE, horizontal: "center" }, undefined],
    ]);
    expect([at(spec, "I17"), at(spec, "J17"), at(spec, "K17"), at(spec, "I18")?.[0]]).toEqual([
      ["第2笔平均", center, undefined],
      [95.57, { ...NUMBER, bold: true }, "0.00"],
      ["不扣款", { ...VALUE, horizontal: "center", fontSize: 9, wrap: false }, undefined],
      "第3笔平均",
    ]);
    expect([at(spec, "I20"), at(spec, "I21"), at(spec, "I23"), at(spec, "I25")]).toEqual([
      ["预测（未评分月份需达到的平均分）", { bold: true, fill: "#DDEBF7", border: "thin", vertical: "middle" }, undefined],
      ["第2笔：6 个月均已评分，期间平均 95.57 分，不扣款", { fontSize: 9, vertical: "middle" }, undefined],
      ["（不计加分，每月最高按 100 分计）", { fontSize: 9, italic: true, fontColor: "#404040" }, undefined],
      ["折线图「月度考核得分与 95 分达标线」在 Excel 内（加载项）写入本表时生成于此处；命令行生成的文件不含图表。", { italic: true, fontSize: 9, fontColor: "#404040", vertical: "top" }, undefined],
    ]);
    expect(spec.chart).toEqual({
      title: "月度考核得分与 95 分达标线",
      categories: "I5:I16",
      series: [
        { name: "考核得分", values: "J5:J16" },
        { name: "达标分 95", values: "K5:K16" },
      ],
      anchor: { from: "I25", to: "L45" },
    });
    expect(spec.tabColor).toBe("#2E75B6");
    expect(spec.columnWidths).toEqual({ A: 12, B: 13, C: 13, D: 15, E: 13, F: 13, G: 13, H: 2, I: 12, J: 9, K: 7, L: 7 });
  });

  it("a deduction shows as 扣 and the amount; an unscored month as 未评分", () => {
    const low = build({}, totals({ "2025-03": "80" }));
    // (5 × 96 + 80) / 6 = 93.33: 1.67 × 0.5% × 172,250 = 1,438.29
    expect(at(low, "K17")?.[0]).toBe("扣 1438.29");
    expect(at(low, "E28")).toEqual([1438.29, { ...NUMBER, fontColor: "#9C0006" }, MONEY]);
  });
});

describe("print setup and row heights", () => {
  it("A4 portrait at 100 %, rows 1–2 repeated, the form A–G to the signatures, every row's height set", () => {
    const spec = build();
    expect(spec.print).toMatchObject({ orientation: "portrait", paperSize: "A4", printArea: "A1:G67", scale: 100, repeatRows: "1:2", margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5 } });
    const heights = spec.rowHeights ?? {};
    expect(Object.keys(heights).map(Number)).toEqual(Array.from({ length: 69 }, (_, i) => i + 1));
    // One line at 11 pt: ⌈11 × 1.45 + 2⌉ = 18; two: ⌈2 × 15.95 + 4⌉ = 36; a 10 pt quote in 3 lines: ⌈3 × 14.5 + 4⌉ = 48.
    expect([heights[1], heights[2], heights[3], heights[5], heights[9], heights[10], heights[11], heights[13], heights[18]]).toEqual([28, 33, 18, 15, 15, 22, 36, 48, 33]);
  });

  /** Row 3's height with 甲方 = `text` (B3:D3, 41 wide: 40 units a line at 11 pt). */
  const row3 = (text: string) => build({ contract: { name: "x", partyA: text, partyB: "乙" } }).rowHeights?.[3];

  it("40 narrow characters a line, 18 wide ones (2.2 units each)", () => {
    // three lines: ⌈3 × 15.95 + 4⌉ = 52
    expect([row3("a".repeat(40)), row3("a".repeat(41)), row3("a".repeat(81))]).toEqual([18, 36, 52]);
    expect([row3("中".repeat(18)), row3("中".repeat(19))]).toEqual([18, 36]);
    // A character outside the basic plane is one unit (two code units, one character).
    expect([row3("🎉".repeat(40)), row3("🎉".repeat(41))]).toEqual([18, 36]);
    // Each line of a text with line breaks counts on its own.
    expect(row3("a\nb")).toBe(36);
  });

  it.each([
    [0x10ff, 1],
    [0x1100, 2.2],
    [0x115f, 2.2],
    [0x1160, 1],
    [0x2e7f, 1],
    [0x2e80, 2.2],
    [0xa4cf, 2.2],
    [0xa4d0, 1],
    [0xabff, 1],
    [0xac00, 2.2],
    [0xd7a3, 2.2],
    [0xd7a4, 1],
    [0xf8ff, 1],
    [0xf900, 2.2],
    [0xfaff, 2.2],
    [0xfb00, 1],
    [0xfe2f, 1],
    [0xfe30, 2.2],
    [0xfe4f, 2.2],
    [0xfe50, 1],
    [0xfeff, 1],
    [0xff00, 2.2],
    [0xff60, 2.2],
    [0xff61, 1],
    [0xffdf, 1],
    [0xffe0, 2.2],
    [0xffe6, 2.2],
    [0xffe7, 1],
  ].map(([code, units]) => [(code as number).toString(16).toUpperCase(), units as number, code as number] as const))("U+%s is %s units wide", (_hex, units, code) => {
    // 19 characters: 19 units fit one line of 40, 41.8 do not.
    expect(row3(String.fromCharCode(code).repeat(19))).toBe(units === 1 ? 18 : 36);
  });
});

describe("refusals, read whole", () => {
  it("no settlement, another rule set, a month total that differs or is missing", () => {
    const clean = settle(totals({}), [], RULES, { asOf: AS_OF });
    if (!clean.ok) throw new Error("settle");
    const input: PaymentSheetInput = { settlement: clean.value, monthTotals: totals({}), warnings: [], rules: RULES, asOf: AS_OF };
    expect(() => buildPaymentSheet({ ...input, settlement: null })).toThrow(
      new Error("付款结算表需要全部考核月份的有效得分：有考核月份缺少或无效，未生成付款结算表 / the payment sheet needs every scored month: a month is missing or invalid"),
    );
    expect(() => buildPaymentSheet({ ...input, rules: { ...RULES, version: "x.2" } })).toThrow(new Error(`结算结果的规则版本 ${RULES.version} 与当前规则 x.2 不一致 / settlement made under rule set ${RULES.version}, not x.2`));
    expect(() => buildPaymentSheet({ ...input, monthTotals: { ...totals({}), "2025-03": dec("95.99") } })).toThrow(new Error("2025年3月的考核得分与结算所用的不一致 / the 2025-03 total differs from the one the settlement used"));
    const { "2025-04": _gone, ...without } = totals({});
    expect(() => buildPaymentSheet({ ...input, monthTotals: without })).toThrow(new Error("2025年4月的考核得分与结算所用的不一致 / the 2025-04 total differs from the one the settlement used"));
  });
});

describe("an instalment in progress, and the other payment states", () => {
  // Instalment 3 not settled: June and July scored (94, 96), the rest not yet.
  function pending() {
    const known: Record<MonthKey, Dec | null> = { ...totals({}) };
    for (const m of monthRange("2025-06", "2025-11")) known[m] = m === "2025-06" ? dec(94) : m === "2025-07" ? dec(96) : null;
    const only = { ...RULES, contract: { ...RULES.contract, instalments: RULES.contract.instalments.filter((i) => i.number !== 3) } };
    const s = settle(Object.fromEntries(Object.entries(known).filter(([, v]) => v !== null)) as Record<MonthKey, Dec>, [{ number: 1, invoiceDate: "2024-12-20", paidDate: null }], only, { asOf: "2024-12-27" });
    if (!s.ok) throw new Error(JSON.stringify(s.errors));
    const spec = buildPaymentSheet({ settlement: s.value, monthTotals: known, warnings: [], rules: RULES, asOf: "2024-12-27" });
    return { spec, rowOf: (text: string) => Number(spec.cells.find((c) => c.value === text)?.address.slice(1)) };
  }

  it("the pending block: its months, 未评分 for those not scored, the forecast and the note", () => {
    const { spec, rowOf } = pending();
    const top = rowOf("第3笔　合同总价款的 10%　¥68,900.00　（进行中，尚未结算）");
    expect(at(spec, `A${top}`)?.[1]).toEqual(BLOCK);
    expect(spec.rowHeights?.[top]).toBe(22);
    expect([at(spec, `A${top + 1}`), at(spec, `B${top + 1}`)]).toEqual([
      ["付款条件", LABEL, undefined],
      ["服务期满次月，以2025年6月至2025年11月平均得分为准，30个工作日内支付", VALUE, undefined],
    ]);
    expect([at(spec, `A${top + 2}`), at(spec, `A${top + 3}`), at(spec, `B${top + 2}`), at(spec, `B${top + 3}`), at(spec, `D${top + 3}`)]).toEqual([
      ["考核月份", LABEL, undefined],
      ["考核得分", LABEL, undefined],
      ["2025年6月", { ...LABEL, horizontal: "center", bold: false }, undefined],
      [94, NUMBER, "0.00"],
      ["未评分", { ...VALUE, horizontal: "center", fontColor: "#404040" }, "0.00"],
    ]);
    expect(spec.conditionalHighlights).toContainEqual({ range: `B${top + 3}:G${top + 3}`, lessThan: 95, fill: "#FFC7CE", fontColor: "#9C0006" });
    expect([at(spec, `A${top + 4}`)?.[0], at(spec, `B${top + 4}`)?.[1]]).toEqual(["预测", { ...VALUE, bold: true }]);
    expect(at(spec, `A${top + 5}`)?.[0]).toBe("说明");
    expect(at(spec, `B${top + 5}`)).toEqual(["全部考核月份评分后本笔按合同结算；在此之前本表不列扣款与应付金额（剩余月份按每月最高 100 分、不计加分预测）。", { ...VALUE, fontSize: 9, fontColor: "#404040" }, undefined]);
    expect(at(spec, `A${top + 6}`)).toBeUndefined();
    expect(at(spec, `A${top + 7}`)?.[0]).toBe("提示：会影响付款的事项");
    expect(spec.cells.find((c) => c.value === "合计（不含进行中的第3笔）")).toBeDefined();
  });

  it("invoiced, not yet due; not invoiced: the status and the rule say so", () => {
    const { spec, rowOf } = pending();
    const f1 = rowOf("第1笔　合同总价款的 40%　¥275,600.00");
    const late = spec.cells.filter((c) => c.value === "逾期天数").map((c) => Number(c.address.slice(1)));
    expect(late[0]).toBeGreaterThan(f1);
    expect([at(spec, `B${late[0]}`)?.[0], at(spec, `F${late[0]}`)?.[0]]).toEqual([0, "已开票，未到期"]);
    expect(at(spec, `B${late[0]! + 1}`)?.[0]).toBe("应付日期 = 发票日期后第 10 个工作日（按国家法定节假日及调休安排）。\n计至结算基准日 2024-12-27，未逾期，不计违约金。");
    expect([at(spec, `B${late[1]}`), at(spec, `F${late[1]}`)?.[0]]).toEqual([["—", { ...NUMBER, horizontal: "center" }, undefined], "未开票"]);
    expect(at(spec, `B${late[1]! - 1}`)).toEqual(["未开票", { ...NUMBER, horizontal: "center" }, undefined]);
    expect(at(spec, `D${late[1]! - 1}`)?.[0]).toBe("—");
    expect(at(spec, `B${late[1]! + 1}`)?.[0]).toBe("应付日期 = 发票日期后第 30 个工作日（按国家法定节假日及调休安排）。\n尚未开票，无付款期限，不计违约金。");
  });
});
