/**
 * Issue 17: the input sheets' reader (src/workbook/read/read-inputs.ts) from small snapshots: the
 * header row and its columns, each value form read to the engine's value, every refusal with its
 * sheet, cell, indicator and exact zh-CN / English message, and the locator turning field paths
 * back into cells. Written from Stryker's survivors over that file.
 */
// @ts-nocheck

import { emptyIndicators, INDICATOR_FIELDS } from "../../../src/domain";
import type { SheetSnapshot, WorkbookSnapshot } from "../../../src/workbook/model";
import { readInputs } from "../../../src/workbook/read/read-inputs";
import { type Cell, sheet } from "../../fixtures/sheet-rows";
import { IND_HEADER } from "./book";

/** A 指标录入 row: every count 1 (headcount 9), every yes/no 是, with overrides by header. */
const indRow = (month: Cell, over: Record<string, Cell> = {}): Cell[] => [
  month,
  ...INDICATOR_FIELDS.map((f) => (f.header in over ? (over[f.header] ?? null) : f.kind === "yesno" ? "是" : f.key === "headcount" ? 9 : 1)),
];
const EV_HEADER: Cell[] = ["考核月份", "类型", "级别", "事项编号", "事项说明", "佐证材料", "经查属实", "乙方报送"];
const REP_HEADER: Cell[] = ["报告类型", "报告期", "提交日期", "延期已获批"];
const PAY_HEADER: Cell[] = ["笔次", "发票日期", "实付日期", "收票日期"];

interface Book {
  ind?: Cell[][];
  ev?: Cell[][];
  rep?: Cell[][];
  pay?: Cell[][];
  extra?: SheetSnapshot[];
}
function book(b: Book = {}): WorkbookSnapshot {
  return {
    sheets: [
      sheet("指标录入", b.ind ?? [IND_HEADER]),
      sheet("加减分事件", b.ev ?? [EV_HEADER]),
      sheet("报告提交", b.rep ?? [REP_HEADER]),
      sheet("付款记录", b.pay ?? [PAY_HEADER]),
      ...(b.extra ?? []),
    ],
  };
}
const read = (b: Book = {}) => readInputs(book(b));
type R = ReturnType<typeof readInputs>;
const probs = (r: R) => r.problems.map((p) => [p.severity, p.code, p.sheet, p.cell, p.indicator, p.message]);
const probsEn = (r: R) => r.problems.map((p) => [p.code, p.messageEn, p.month]);

describe("sheets and header rows", () => {
  it("an empty workbook: each required sheet named, and nothing else", () => {
    const r = readInputs({ sheets: [] });
    expect(probs(r)).toEqual(
      ["指标录入", "加减分事件", "报告提交", "付款记录"].map((s) => ["error", "missing-sheet", s, null, s, `工作簿中没有「${s}」工作表（必需）`]),
    );
    expect(r.problems[0]?.messageEn).toBe('the workbook has no "指标录入" sheet (required)');
    expect(r.ruleSettings).toBeNull();
    expect(r.holidays).toBeNull();
    expect(r.agreedScores).toEqual([]);
    expect([r.indicators, r.events, r.reports, r.payments]).toEqual([[], [], [], []]);
    expect(r.locator.locate({ field: "headcount", month: "2025-10" })).toBeNull();
    expect(r.locator.locate({ field: "reports" })).toBeNull();
    expect(r.locator.locate({ field: "events" })).toBeNull();
    expect(r.locator.locate({ field: "instalment.1" })).toBeNull();
  });

  it("a sheet with no known header among its rows: the required headers are listed", () => {
    const r = read({ rep: [["标题"], [1, 2, 3]] });
    expect(probs(r)).toEqual([["error", "no-header", "报告提交", null, "报告类型、报告期、提交日期、延期已获批", "工作表「报告提交」找不到表头行（应有：报告类型、报告期、提交日期）"]]);
    expect(r.problems[0]?.messageEn).toBe('sheet "报告提交" has no header row (expected: 报告类型, 报告期, 提交日期)');
  });

  it("a missing required column is named with the header row; an optional one is not", () => {
    const r = read({ pay: [["说明"], ["笔次", "发票日期"], [1, "2025-10-13"]] });
    expect(probs(r)).toEqual([["error", "missing-column", "付款记录", null, "实付日期", "工作表「付款记录」的表头（第 2 行）缺少「实付日期」列"]]);
    expect(r.problems[0]?.messageEn).toBe('sheet "付款记录": the header (row 2) has no "实付日期" column');
    // the columns that are there are still read
    expect(r.payments).toEqual([{ number: 1, invoiceDate: "2025-10-13", paidDate: null }]);
  });

  it("two columns with one header: an error at the second, naming both cells", () => {
    const r = read({ pay: [["笔次", "发票日期", "实付日期", "付款日期"], [1, "2025-10-13", "2025-10-20", "2025-10-21"]] });
    expect(probs(r)).toEqual([["error", "duplicate-column", "付款记录", "D1", "实付日期", "工作表「付款记录」有两列都是「实付日期」（C1 与 D1）"]]);
    expect(r.problems[0]?.messageEn).toBe('sheet "付款记录" has two "实付日期" columns (C1 and D1)');
    expect(r.payments[0]?.paidDate).toBe("2025-10-20");
  });

  it("the header is the row with the most known headers; on a tie the first; only the first 30 rows", () => {
    const r = read({ pay: [["笔次", "备注"], PAY_HEADER, [2, "2025-10-13", "2025-10-20", null]] });
    expect(r.problems).toEqual([]);
    expect(r.payments).toEqual([{ number: 2, invoiceDate: "2025-10-13", paidDate: "2025-10-20" }]);
    const tie = read({ pay: [["笔次", "发票日期", "实付日期"], ["笔次", "发票日期", "实付日期"], [3, "2025-10-13", "2025-10-20"]] });
    expect(tie.payments.map((p) => p.number)).toEqual([3]);
    expect(tie.problems.map((p) => [p.code, p.cell])).toEqual([["bad-value", "A2"], ["bad-value", "B2"], ["bad-value", "C2"]]);
    const deep = read({ pay: [...Array.from({ length: 30 }, (): Cell[] => ["说明"]), PAY_HEADER] });
    expect(deep.problems.map((p) => p.code)).toEqual(["no-header"]);
  });

  it("headers are matched loosely: spaces, full width, a trailing (是/否), aliases; extra columns are left alone", () => {
    const r = read({ rep: [[" 报告 类型 ", "备注", "报告期间", "提交日期（yyyy-mm-dd）", "延期获批(是/否)"], ["月报", "x", "2025-09", "2025-10-05", "否"]] });
    expect(r.problems).toEqual([]);
    expect(r.reports).toEqual([{ kind: "月报", period: "2025-09", submitted: "2025-10-05", extensionApproved: false }]);
  });

  it("the sheet is found by its normalised name", () => {
    const b = book();
    const r = readInputs({ sheets: b.sheets.map((s) => (s.name === "付款记录" ? { ...s, name: " 付款 记录 " } : s)) });
    expect(r.problems).toEqual([]);
  });
});

describe("指标录入", () => {
  it("a full row is read into the engine's types", () => {
    const r = read({ ind: [IND_HEADER, indRow("2025-10", { 团队人数: "1,000", 变动人数: "２", 接通率排名: " +3 ", 排名中心数: 31.5, 管理制度落实: "否", 运营报告按时完整: true })] });
    expect(r.problems).toEqual([]);
    const expected: Record<string, unknown> = { ...emptyIndicators("2025-10") };
    for (const f of INDICATOR_FIELDS) expected[f.key] = f.kind === "yesno" ? true : 1;
    Object.assign(expected, { headcount: 1000, changed: 2, answerRank: 3, centresRanked: 31.5, rulesFollowed: false, reportsOnTime: true });
    expect(r.indicators).toEqual([expected]);
  });

  it("optional blanks are null; a row with only the month is skipped; a blank row is not a row", () => {
    const r = read({ ind: [IND_HEADER, indRow("2025-09", { 呼叫次数: null, 接通次数: "  " }), [], ["2025-10"], indRow("2025-11")] });
    expect(r.problems).toEqual([]);
    expect(r.indicators.map((i) => [i.month, i.calls, i.answered])).toEqual([["2025-09", null, null], ["2025-11", 1, 1]]);
    expect(r.locator.locate({ field: "headcount", month: "2025-11" })).toEqual({ sheet: "指标录入", cell: "B5", indicator: "团队人数" });
    expect(r.locator.locate({ field: "month", month: "2025-09" })).toEqual({ sheet: "指标录入", cell: "A2", indicator: "考核月份" });
    expect(r.locator.locate({ field: "headcount", month: "2025-10" })).toEqual({ sheet: "指标录入", cell: null, indicator: "团队人数" });
    expect(r.locator.locate({ field: "headcount" })).toEqual({ sheet: "指标录入", cell: null, indicator: "团队人数" });
  });

  it("a month given twice is located at its first row", () => {
    const r = read({ ind: [IND_HEADER, indRow("2025-10"), indRow("2025-10")] });
    expect(r.locator.locate({ field: "fraud", month: "2025-10" })).toEqual({ sheet: "指标录入", cell: "X2", indicator: "弄虚作假次数" });
  });

  it.each<[string, Cell, string, string]>([
    ["text", "九", "「团队人数」应为数字，实为「九」", '"团队人数" must be a number, got "九"'],
    ["a number with a unit", "9人", "「团队人数」应为数字，实为「9人」", '"团队人数" must be a number, got "9人"'],
    ["a trailing dot", "9.", "「团队人数」应为数字，实为「9.」", '"团队人数" must be a number, got "9."'],
    ["TRUE", true, "「团队人数」应为数字，实为「true」", '"团队人数" must be a number, got "true"'],
  ])("a count that is %s: an error at its cell with the month", (_n, value, zh, en) => {
    const r = read({ ind: [IND_HEADER, indRow("2025-10", { 团队人数: value })] });
    expect(probs(r)).toEqual([["error", "bad-value", "指标录入", "B2", "团队人数", zh]]);
    expect(probsEn(r)).toEqual([["bad-value", en, "2025-10"]]);
    expect(r.unreadable).toEqual(new Set(["指标录入!B2"]));
    expect(r.indicators[0]?.headcount).toBeNull();
  });

  it("a yes/no that is neither: an error naming the accepted words", () => {
    const r = read({ ind: [IND_HEADER, indRow("2025-10", { 管理制度落实: "大概" })] });
    expect(probs(r)).toEqual([["error", "bad-value", "指标录入", "C2", "管理制度落实", "「管理制度落实」应为 是/否（或 有/无、Y/N、√/×），实为「大概」"]]);
    expect(r.problems[0]?.messageEn).toBe('"管理制度落实" must be yes/no (是/否, 有/无, Y/N, √/×), got "大概"');
    expect(r.indicators[0]?.rulesFollowed).toBeNull();
  });

  it("a month typed as the number 2025.1: ambiguous, the row is left out", () => {
    const r = read({ ind: [IND_HEADER, indRow(2025.1)] });
    expect(probs(r)).toEqual([["error", "bad-value", "指标录入", "A2", "考核月份", "「考核月份」为数字 2025.1，无法判断是哪个月（2025.1 可能是 1 月也可能是 10 月）；请写成文本 2025-10 或 2025年10月"]]);
    expect(probsEn(r)).toEqual([["bad-value", '"考核月份" is the number 2025.1, which could be January or October; type it as text 2025-10 or 2025年10月', undefined]]);
    expect(r.indicators).toEqual([]);
  });

  it("a month that is no month: the error shows it", () => {
    const r = read({ ind: [IND_HEADER, indRow("十月")] });
    expect(probs(r)).toEqual([["error", "bad-value", "指标录入", "A2", "考核月份", "「考核月份」应为月份（如 2025-03 或 2025年3月），实为「十月」"]]);
    expect(r.problems[0]?.messageEn).toBe('"考核月份" must be a month (e.g. 2025-03 or 2025年3月), got "十月"');
  });

  it("data without a month: an error at the month cell, naming the row", () => {
    const r = read({ ind: [IND_HEADER, indRow(null)] });
    expect(probs(r)).toEqual([["error", "bad-value", "指标录入", "A2", "考核月份", "第 2 行已填数据，但「考核月份」未填写"]]);
    expect(r.problems[0]?.messageEn).toBe("row 2 has data but no month");
    expect(r.unreadable).toEqual(new Set(["指标录入!A2"]));
  });

  it("a month as a real date and as 202510", () => {
    const r = read({ ind: [IND_HEADER, indRow({ v: 45931, f: "yyyy-mm-dd" }), indRow(202511)] });
    expect(r.problems).toEqual([]);
    expect(r.indicators.map((i) => i.month)).toEqual(["2025-10", "2025-11"]);
  });
});

describe("加减分事件", () => {
  const ev = (type: Cell, over: Partial<Record<"month" | "level" | "id" | "desc" | "evidence" | "verified" | "reported", Cell>> = {}): Cell[] => [
    "month" in over ? (over.month ?? null) : "2025-10",
    type,
    "level" in over ? (over.level ?? null) : " 一般 ",
    "id" in over ? (over.id ?? null) : "A-1",
    "desc" in over ? (over.desc ?? null) : "说明",
    "evidence" in over ? (over.evidence ?? null) : "是",
    "verified" in over ? (over.verified ?? null) : "否",
    "reported" in over ? (over.reported ?? null) : null,
  ];

  it.each<[Cell, "bonus" | "penalty"]>([
    ["加分", "bonus"], ["加", "bonus"], ["加分项", "bonus"], ["+", "bonus"], ["Bonus", "bonus"], ["表扬", "bonus"],
    ["扣分", "penalty"], ["扣", "penalty"], ["扣分项", "penalty"], ["-", "penalty"], ["−", "penalty"], ["PENALTY", "penalty"], ["批评", "penalty"], [" 扣 分 ", "penalty"],
  ])("类型 %s is a %s", (type, kind) => {
    const r = read({ ev: [EV_HEADER, ev(type)] });
    expect(r.problems).toEqual([]);
    expect(r.events).toEqual([{ month: "2025-10", type: kind, level: "一般", matterId: "A-1", description: "说明", evidence: true, verified: false, reported: null }]);
  });

  it("a 类型 that is neither: an error at its cell with the month; the event is left out", () => {
    const r = read({ ev: [EV_HEADER, ev("表彰")] });
    expect(probs(r)).toEqual([["error", "bad-value", "加减分事件", "B2", "类型", "「类型」应为 加分/扣分，实为「表彰」"]]);
    expect(probsEn(r)).toEqual([["bad-value", '"类型" must be 加分 (bonus) or 扣分 (penalty), got "表彰"', "2025-10"]]);
    expect(r.events).toEqual([]);
  });

  it("no month: an error naming the row; the yes/no cells are still checked", () => {
    const r = read({ ev: [EV_HEADER, ev("加分", { month: null, evidence: "也许" })] });
    expect(probs(r)).toEqual([
      ["error", "bad-value", "加减分事件", "A2", "考核月份", "加减分事件第 2 行未填「考核月份」"],
      ["error", "bad-value", "加减分事件", "F2", "佐证材料", "「佐证材料」应为 是/否（或 有/无、Y/N、√/×），实为「也许」"],
    ]);
    expect(probsEn(r)).toEqual([
      ["bad-value", "event on row 2 has no month", undefined],
      ["bad-value", '"佐证材料" must be yes/no (是/否, 有/无, Y/N, √/×), got "也许"', undefined],
    ]);
    expect(r.events).toEqual([]);
  });

  it("a bad month and a bad 类型: both reported, the event left out", () => {
    const r = read({ ev: [EV_HEADER, ev("?", { month: "十月", verified: "x", reported: "y" })] });
    expect(r.problems.map((p) => [p.cell, p.month])).toEqual([["A2", undefined], ["B2", undefined]]);
    expect(r.events).toEqual([]);
  });

  it("bad yes/no cells carry the event's month", () => {
    const r = read({ ev: [EV_HEADER, ev("扣分", { verified: "嗯", reported: "哦" })] });
    expect(r.problems.map((p) => [p.cell, p.indicator, p.month])).toEqual([["G2", "经查属实", "2025-10"], ["H2", "乙方报送", "2025-10"]]);
    expect(r.events[0]).toMatchObject({ verified: null, reported: null });
  });

  it("a row with only a month is no event; blank optional cells are empty text", () => {
    const r = read({ ev: [EV_HEADER, ["2025-10"], ev("加分", { level: null, id: null, desc: null })] });
    expect(r.problems).toEqual([]);
    expect(r.events).toEqual([{ month: "2025-10", type: "bonus", level: "", matterId: "", description: "", evidence: true, verified: false, reported: null }]);
    expect(r.locator.locate({ field: "events[0].level" })).toEqual({ sheet: "加减分事件", cell: "C3", indicator: "级别" });
    expect(r.locator.locate({ field: "events[1].level" })).toBeNull();
    expect(r.locator.locate({ field: "events" })).toEqual({ sheet: "加减分事件", cell: null, indicator: "加减分事件" });
  });

  it("without a 类型 column: missing-column only, no per-row 类型 error", () => {
    const r = read({ ev: [["考核月份", "级别", "佐证材料", "经查属实", "乙方报送"], ["2025-10", "一般", "是", "是", "是"]] });
    expect(r.problems.map((p) => [p.code, p.indicator])).toEqual([["missing-column", "类型"]]);
    expect(r.events).toEqual([]);
  });
});

describe("报告提交", () => {
  it.each<[string, Cell, string]>([
    ["a real date", { v: 45901, f: "yyyy-mm-dd" }, "2025-09"],
    ["a year as a number", 2025, "2025"],
    ["202509 as a number", 202509, "202509"],
    ["text, trimmed", " 2025Q3 ", "2025Q3"],
  ])("报告期 as %s", (_n, period, want) => {
    const r = read({ rep: [REP_HEADER, ["季报", period, { v: 45940, f: "yyyy-mm-dd" }, "是"]] });
    expect(r.problems).toEqual([]);
    expect(r.reports).toEqual([{ kind: "季报", period: want, submitted: "2025-10-10", extensionApproved: true }]);
  });

  it.each<[string, Cell, string]>([
    ["a fraction", 2025.3, "2025.3"],
    ["a date serial out of range", { v: 0, f: "yyyy-mm-dd" }, "0"],
  ])("报告期 as %s: refused, the report left out", (_n, period, shown) => {
    const r = read({ rep: [REP_HEADER, ["月报", period, "2025-10-05", null]] });
    expect(probs(r)).toEqual([["error", "bad-value", "报告提交", "B2", "报告期", `「报告期」为数字 ${shown}，无法判断是哪个月；请写成文本（2025-09、2025Q3 或 2025）`]]);
    expect(r.problems[0]?.messageEn).toBe(`"报告期" is the number ${shown}; type it as text (2025-09, 2025Q3 or 2025)`);
    expect(r.reports).toEqual([]);
  });

  it("a bad 提交日期 is an error; the report is kept with no date", () => {
    const r = read({ rep: [REP_HEADER, ["月报", "2025-09", "下周", null]] });
    expect(probs(r)).toEqual([["error", "bad-value", "报告提交", "C2", "提交日期", "「提交日期」应为日期（如 2025-10-13），实为「下周」"]]);
    expect(r.problems[0]?.messageEn).toBe('"提交日期" must be a date (e.g. 2025-10-13), got "下周"');
    expect(r.reports).toEqual([{ kind: "月报", period: "2025-09", submitted: null, extensionApproved: null }]);
    expect(r.locator.locate({ field: "reports[0].submitted" })).toEqual({ sheet: "报告提交", cell: "C2", indicator: "提交日期" });
    expect(r.locator.locate({ field: "reports" })).toEqual({ sheet: "报告提交", cell: null, indicator: "报告提交" });
  });
});

describe("付款记录", () => {
  it.each<[Cell, number]>([[1, 1], [3, 3], ["第2笔", 2], ["三", 3], [" 4 ", 4]])("笔次 %p is instalment %p", (n, want) => {
    const r = read({ pay: [PAY_HEADER, [n, "2025-10-13", 20251020, null]] });
    expect(r.problems).toEqual([]);
    expect(r.payments).toEqual([{ number: want, invoiceDate: "2025-10-13", paidDate: "2025-10-20" }]);
  });

  it.each<[Cell, string]>([[0, "0"], [1.5, "1.5"], [-1, "-1"], ["首笔", "首笔"], [true, "true"]])("笔次 %p is refused with its cell", (n, shown) => {
    const r = read({ pay: [PAY_HEADER, [n, "2025-10-13", "2025-10-20", null]] });
    expect(probs(r)).toEqual([["error", "bad-value", "付款记录", "A2", "笔次", `「笔次」应为付款条款中的笔次，如 1、2、3（或「第2笔」），实为「${shown}」`]]);
    expect(r.problems[0]?.messageEn).toBe(`"笔次" must be an instalment number of 付款条款, e.g. 1, 2, 3 (or 第2笔), got "${shown}"`);
    expect(r.payments).toEqual([]);
  });

  it("a 收票日期 is kept when given; the instalment's row is located", () => {
    const r = read({ pay: [PAY_HEADER, [2, "2025-10-13", "2025-10-20", "2025-10-14"], [1, "2025-09-13", "2025-09-20", null]] });
    expect(r.payments).toEqual([
      { number: 2, invoiceDate: "2025-10-13", paidDate: "2025-10-20", receivedDate: "2025-10-14" },
      { number: 1, invoiceDate: "2025-09-13", paidDate: "2025-09-20" },
    ]);
    expect(r.locator.locate({ field: "instalment.1" })).toEqual({ sheet: "付款记录", cell: "A3", indicator: "笔次" });
    expect(r.locator.locate({ field: "instalment.5" })).toEqual({ sheet: "付款记录", cell: null, indicator: "笔次" });
    expect(r.locator.locate({ field: "payments[0].receivedDate" })).toEqual({ sheet: "付款记录", cell: "D2", indicator: "收票日期" });
    expect(r.locator.locate({ field: "payments[0].nothing" })).toEqual({ sheet: "付款记录", cell: null, indicator: "nothing" });
  });
});

describe("规则设置", () => {
  it("rows are read as typed; a percentage cell as the text shown; blank names skipped; each located", () => {
    const rules = sheet("规则设置", [["参数", "值"], ["合同总额", 1200000], [null, 5], ["迟付违约金", { v: 0.005, f: "0.0%" }], ["年度", "2025"]]);
    const r = read({ extra: [rules] });
    expect(r.ruleSettings).toEqual([
      { label: "合同总额", value: 1200000 },
      { label: "迟付违约金", value: "0.5%" },
      { label: "年度", value: "2025" },
    ]);
    expect(r.locator.locate({ field: "ruleSettings[1]" })).toEqual({ sheet: "规则设置", cell: "B4", indicator: "迟付违约金" });
    expect(r.locator.locate({ field: "ruleSettings[7]" })).toBeNull();
    expect(r.locator.locate({ field: "rules.lateRate" })).toEqual({ sheet: "规则设置", cell: null, indicator: "lateRate" });
  });

  it("a 规则设置 sheet without its 值 column gives no rows and the error", () => {
    const r = read({ extra: [sheet("规则设置", [["参数", "说明"], ["合同总额", 1]])] });
    expect(r.ruleSettings).toEqual([]);
    expect(r.problems.map((p) => [p.code, p.indicator])).toEqual([["missing-column", "值"]]);
  });

  it("without a 规则设置 sheet a rules path is located at the sheet's name", () => {
    const r = read();
    expect(r.locator.locate({ field: "rules.total" })).toEqual({ sheet: "规则设置", cell: null, indicator: "total" });
    expect(r.locator.locate({ field: "nowhere" })).toBeNull();
    expect(r.locator.locate({ field: "indicators[0].x" })).toBeNull();
  });
});

describe("the optional sheets' problems and cells are joined in", () => {
  it("节假日安排 and 约定调整: problems, unreadable cells and the locator", () => {
    const holidays = sheet("节假日安排", [["日期", "类型", "说明"], ["2027-02-08", "休", "春节"], ["明天", "休", null]]);
    const agreed = sheet("约定调整", [["考核月份", "序号", "约定得分", "依据"], ["2025-10", 6, "很多", "会议纪要"]]);
    const r = read({ extra: [holidays, agreed] });
    expect(r.problems.map((p) => [p.sheet, p.cell])).toEqual([["约定调整", "C2"], ["节假日安排", "A3"]]);
    expect(r.unreadable).toEqual(new Set(["约定调整!C2", "节假日安排!A3"]));
    expect(r.holidays).toEqual([{ date: "2027-02-08", kind: "休", note: "春节" }]);
    expect(r.locator.locate({ field: "holidays[0].kind" })).toEqual({ sheet: "节假日安排", cell: "B2", indicator: "类型" });
    expect(r.locator.locate({ field: "holidays" })).toMatchObject({ sheet: "节假日安排" });
    expect(r.locator.locate({ field: "agreedScores[0].score" })).toMatchObject({ sheet: "约定调整" });
  });
});

describe("every header name and alias the reader accepts (SPEC §8)", () => {
  // Written out here, not taken from the reader: each name must find its column.
  const NAMES: [sheetName: string, header: Cell[], key: string, names: string[]][] = [
    ["加减分事件", EV_HEADER, "考核月份", ["考核月份", "月份"]],
    ["加减分事件", EV_HEADER, "类型", ["类型", "事件类型", "加减分类型", "加减分"]],
    ["加减分事件", EV_HEADER, "级别", ["级别", "事件级别"]],
    ["加减分事件", EV_HEADER, "事项编号", ["事项编号", "编号"]],
    ["加减分事件", EV_HEADER, "事项说明", ["事项说明", "说明", "事项"]],
    ["加减分事件", EV_HEADER, "佐证材料", ["佐证材料"]],
    ["加减分事件", EV_HEADER, "经查属实", ["经查属实"]],
    ["加减分事件", EV_HEADER, "乙方报送", ["乙方报送"]],
    ["报告提交", REP_HEADER, "报告类型", ["报告类型"]],
    ["报告提交", REP_HEADER, "报告期", ["报告期", "报告期间"]],
    ["报告提交", REP_HEADER, "提交日期", ["提交日期"]],
    ["报告提交", REP_HEADER, "延期已获批", ["延期已获批", "延期获批", "已获批延期"]],
    ["付款记录", PAY_HEADER, "笔次", ["笔次", "付款笔次"]],
    ["付款记录", PAY_HEADER, "发票日期", ["发票日期", "开票日期"]],
    ["付款记录", PAY_HEADER, "实付日期", ["实付日期", "付款日期", "支付日期"]],
    ["付款记录", PAY_HEADER, "收票日期", ["收票日期", "收到发票日期", "发票签收日期"]],
    ["指标录入", IND_HEADER, "接通率排名", ["接通率排名", "来电接通率排名"]],
    ["指标录入", IND_HEADER, "15秒接通率排名", ["15秒接通率排名", "15s接通率排名", "来电15s内接通率排名", "15秒内接通率排名"]],
    ["指标录入", IND_HEADER, "15秒内接通数", ["15秒内接通数", "15s内接通数"]],
    ["指标录入", IND_HEADER, "按时参考人数", ["按时参考人数", "参考人数"]],
    ["指标录入", IND_HEADER, "剔除差评数", ["剔除差评数", "剔除差评"]],
  ];
  const cases = NAMES.flatMap(([s, header, key, names]) => names.map((n): [string, Cell[], string, string] => [s, header, key, n]));
  const row: Record<string, Cell[]> = {
    加减分事件: ["2025-10", "加分", "一般", "A-1", "说明", "是", "是", "否"],
    报告提交: ["月报", "2025-09", "2025-10-05", "否"],
    付款记录: [1, "2024-12-05", "2024-12-16", "2024-12-06"],
    指标录入: indRow("2025-10"),
  };
  it.each(cases)("%s: %s is read from a column named %s", (s, header, key, name) => {
    const renamed = header.map((h) => (h === key ? name : h));
    const key2 = s === "加减分事件" ? "ev" : s === "报告提交" ? "rep" : s === "付款记录" ? "pay" : "ind";
    const r = read({ [key2]: [renamed, row[s] ?? []] });
    expect(r.problems).toEqual([]);
    const col = renamed.indexOf(name) + 1;
    const field =
      s === "加减分事件"
        ? (["month", "type", "level", "matterId", "description", "evidence", "verified", "reported"][col - 1] ?? "")
        : s === "报告提交"
          ? (["kind", "period", "submitted", "extensionApproved"][col - 1] ?? "")
          : s === "付款记录"
            ? (["number", "invoiceDate", "paidDate", "receivedDate"][col - 1] ?? "")
            : (["month", ...INDICATOR_FIELDS.map((f) => f.key)][col - 1] ?? "");
    const list = s === "加减分事件" ? "events" : s === "报告提交" ? "reports" : s === "付款记录" ? "payments" : "indicators";
    const located = list === "indicators" ? r.locator.locate({ field, month: "2025-10" }) : r.locator.locate({ field: `${list}[0].${field}` });
    expect(located).toEqual({ sheet: s, cell: `${String.fromCharCode(64 + col)}2`, indicator: key });
  });

  it("a 规则设置 sheet by its aliases 参数名 | 取值, 项目 | 设置, 参数 | 参数值", () => {
    for (const [n, v] of [["参数名", "取值"], ["项目", "设置"], ["参数", "参数值"]]) {
      const r = read({ extra: [sheet("规则设置", [[n ?? "", v ?? ""], ["合同总额", 5]])] });
      expect(r.ruleSettings).toEqual([{ label: "合同总额", value: 5 }]);
    }
  });
});

describe("more boundaries", () => {
  it.each<[Cell, number | null]>([["2.5", 2.5], ["1.25", 1.25], ["约9", null], ["9.x", null]])("a count typed as %p", (value, want) => {
    const r = read({ ind: [IND_HEADER, indRow("2025-10", { 团队人数: value })] });
    expect(r.indicators[0]?.headcount).toBe(want);
    expect(r.problems.map((p) => p.cell)).toEqual(want === null ? ["B2"] : []);
  });

  it("the locator reads whole paths only, and indexes past 9", () => {
    const events = Array.from({ length: 11 }, (_x, i): Cell[] => ["2025-10", "加分", `L${i}`, null, null, "是", "是", "是"]);
    const rules = sheet("规则设置", [["参数", "值"], ...Array.from({ length: 11 }, (_x, i): Cell[] => [`参数${i}`, i])]);
    const r = read({ ev: [EV_HEADER, ...events], pay: [PAY_HEADER, ...Array.from({ length: 12 }, (_x, i): Cell[] => [i + 1, "2025-10-13", "2025-10-20"])], extra: [rules] });
    expect(r.locator.locate({ field: "events[10].level" })).toEqual({ sheet: "加减分事件", cell: "C12", indicator: "级别" });
    expect(r.locator.locate({ field: "ruleSettings[10]" })).toEqual({ sheet: "规则设置", cell: "B12", indicator: "参数10" });
    expect(r.locator.locate({ field: "instalment.12" })).toEqual({ sheet: "付款记录", cell: "A13", indicator: "笔次" });
    expect(r.locator.locate({ field: "instalment.1" })).toEqual({ sheet: "付款记录", cell: "A2", indicator: "笔次" });
    for (const field of ["xevents[0].level", "events[0].level.x", "the instalment.1", "instalment.1x", "all ruleSettings[0]", "ruleSettings[0]x"]) {
      expect(r.locator.locate({ field })).toBeNull();
    }
  });
});
