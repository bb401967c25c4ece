/**
 * Issue 17: the pane's 合同与日历 editor (src/workbook/drafts/contract-rows.ts) on small in-memory
 * sheets: each way a cell is shown in the form (dates, months, shares, remarks), which sections
 * changed, the checks' problems at their field, and the writes — values with their number formats,
 * new rows, blanked rows, created sheets — with every refusal's message, sheet and cell. Written
 * from Stryker's survivors over that file.
 */
// @ts-nocheck

import { defaultRules, type RuleSet } from "../../../src/domain";
import {
  checkContractDraft,
  contractDraftChanged,
  contractDraftChanges,
  loadContractDraft,
  newHolidayRow,
  newTermsRow,
  planContractDraft,
  type ContractDraft,
  type HolidayRowDraft,
  type TermsRowDraft,
} from "../../../src/workbook/drafts/contract-rows";
import type { PlanResult } from "../../../src/workbook/drafts/payment-rows";
import type { WorkbookSnapshot } from "../../../src/workbook/model";
import { isoToSerial } from "../../../src/workbook/read/grid";
import { type Cell, sheet } from "../../fixtures/sheet-rows";

const D = (iso: string): Cell => ({ v: isoToSerial(iso), f: "yyyy-mm-dd" });
const pct = (v: number): Cell => ({ v, f: "0%" });
const INFO: Cell[][] = [
  ["参数", "值"],
  ["合同名称", "热线服务"],
  ["甲方", "甲单位"],
  ["乙方", "乙公司"],
  ["合同期起", D("2024-12-04")],
  ["合同期止", D("2025-12-03")],
  ["合同总额", 689000],
  ["首个考核月份", "2024-12"],
  ["末个考核月份", "2025-11"],
];
const TERMS: Cell[][] = [
  ["笔次", "比例", "考核月份起", "考核月份止", "最早开票日期", "付款期限（工作日）", "付款条件"],
  [1, pct(0.4), null, null, D("2024-12-04"), 10, "签订后支付"],
  [2, pct(0.5), "2024-12", "2025-05", D("2025-06-01"), 30, "上半期"],
  [3, pct(0.1), "2025-06", "2025-11", D("2026-01-01"), 30, "下半期"],
];
const HOLIDAYS: Cell[][] = [["日期", "类型", "说明"]];

function book(s: { info?: Cell[][] | null; terms?: Cell[][] | null; holidays?: Cell[][] | null } = {}): WorkbookSnapshot {
  const sheets = [sheet("说明", [["x"]])];
  if (s.info !== null) sheets.push(sheet("合同信息", s.info ?? INFO));
  if (s.terms !== null) sheets.push(sheet("付款条款", s.terms ?? TERMS));
  if (s.holidays !== null) sheets.push(sheet("节假日安排", s.holidays ?? HOLIDAYS));
  return { sheets: sheets.map((x, index) => ({ ...x, index })) };
}
const none = () => book({ info: null, terms: null, holidays: null });
const writes = (r: PlanResult) => {
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.plan.cellWrites.flatMap((g) => g.writes.map((w) => `${g.sheet}!${w.address}=${typeof w.value === "string" ? `"${w.value}"` : String(w.value)}${w.numberFormat ? ` (${w.numberFormat})` : ""}`));
};
const refused = (r: PlanResult) => {
  if (r.ok) throw new Error("planned");
  return r.problems;
};
const term = (d: ContractDraft, i: number, patch: Partial<TermsRowDraft>) => {
  d.terms[i] = { ...(d.terms[i] as TermsRowDraft), ...patch };
};
const holiday = (patch: Partial<HolidayRowDraft>): HolidayRowDraft => ({ row: null, date: "", kind: "", note: "", ...patch });

describe("loading: each cell as the form shows it", () => {
  it("合同信息 under a title row: names and aliases (strict and loose), the first of a parameter twice, blank labels skipped", () => {
    const d = loadContractDraft(
      book({
        info: [
          ["甲方", "表头上方的行"],
          ["参数", "值", "说明"],
          ["项目名称", " 热线 "],
          ["委托方", "甲单位"],
          ["甲方", "第二个甲方"],
          [null, "无名"],
          ["乙方（全称）", "乙公司"],
          ["合同期起", D("2024-12-04")],
          ["合同期止", " 明年 "],
          ["合同总额", 689000],
          ["首个考核月份", 2024.12],
          ["末个考核月份", D("2025-11-30")],
        ],
      }),
    );
    expect(d.info).toEqual({
      title: "热线",
      partyA: "甲单位",
      partyB: "乙公司",
      termStart: "2024-12-04",
      termEnd: "明年",
      total: "689000",
      firstMonth: "2024.12",
      lastMonth: "2025-11",
      quarterlyFee: "",
    });
    expect(d.present).toEqual({ info: true, terms: true, holidays: true });
  });

  it("付款条款: a % cell as 40%, a fraction as typed, months and dates however written, a missing column blank", () => {
    const d = loadContractDraft(
      book({
        terms: [
          ["笔次", "比例", "考核月份起", "考核月份止", "最早开票日期", "付款期限", "备注"],
          [" 1 ", pct(0.123), 202412, "2025.05", " 开票后 ", 30, "x"],
          [],
          [null, null, null, null, null, null, "只有备注"],
          [2, 0.35, { v: isoToSerial("2025-06-15"), f: "yyyy-mm-dd" }, "2025-11", D("2026-01-01"), " 20 "],
          [3, " 40 "],
        ],
      }),
    );
    expect(d.terms).toEqual([
      { row: 2, number: "1", share: "12.3%", from: "2024-12", to: "2025-05", notBefore: "开票后", days: "30", condition: "" },
      { row: 5, number: "2", share: "0.35", from: "2025-06", to: "2025-11", notBefore: "2026-01-01", days: "20", condition: "" },
      { row: 6, number: "3", share: "40", from: "", to: "", notBefore: "", days: "", condition: "" },
    ]);
  });

  it("节假日安排: dates, kinds and notes as typed; a row with only a 说明 is a remark and left out", () => {
    const d = loadContractDraft(
      book({ holidays: [["日期", "类型", "说明"], [D("2027-02-06"), "休", " 春节 "], [null, null, "只是备注"], [null, "班"], ["2027-02-3x", null], [" 20270213 ", "上班", null]] }),
    );
    expect(d.holidays).toEqual([
      { row: 2, date: "2027-02-06", kind: "休", note: "春节" },
      { row: 4, date: "", kind: "班", note: "" },
      { row: 5, date: "2027-02-3x", kind: "", note: "" },
      { row: 6, date: "2027-02-13", kind: "上班", note: "" },
    ]);
    expect(loadContractDraft(book({ holidays: [["日期", "类型"], [D("2027-02-06"), "休"]] })).holidays).toEqual([{ row: 2, date: "2027-02-06", kind: "休", note: "" }]);
  });

  it("sheets without a header are present, and show the contract in force; absent sheets are not present", () => {
    const noHeader = loadContractDraft(book({ info: [["值"], ["甲单位"]], terms: [["随便"], [1]] }));
    expect(noHeader.present).toEqual({ info: true, terms: true, holidays: true });
    expect(noHeader.info.title).toBe(defaultRules().contract.title);
    expect(noHeader.terms).toHaveLength(defaultRules().contract.instalments.length);
    expect(loadContractDraft(book({ info: null, terms: null })).present).toEqual({ info: false, terms: false, holidays: true });
  });

  it("the contract in force: a 季度服务费 and an instalment without 最早开票日期 or months", () => {
    const base = defaultRules();
    const rules: RuleSet = {
      ...base,
      contract: {
        ...base.contract,
        quarterlyFee: "172250.5",
        instalments: [{ number: 1, share: "1", months: null, dueWorkingDays: 15, condition: "一次付清", invoiceNotBefore: null }],
      },
    };
    const d = loadContractDraft(none(), rules);
    expect(d.info.quarterlyFee).toBe("172250.5");
    expect(d.terms).toEqual([{ row: null, number: "1", share: "100%", from: "", to: "", notBefore: "", days: "15", condition: "一次付清" }]);
    expect(d.holidays).toEqual([]);
  });
});

describe("which sections changed", () => {
  it("a change of spaces only is none; a row added, removed or moved is one", () => {
    const d = loadContractDraft(book());
    expect(contractDraftChanges(d)).toEqual({ info: false, terms: false, holidays: false });
    d.info.title = " 热线服务 ";
    term(d, 0, { condition: " 签订后支付  " });
    expect(contractDraftChanged(d)).toBe(false);
    d.info.title = "新名称";
    expect(contractDraftChanges(d)).toEqual({ info: true, terms: false, holidays: false });
    expect(contractDraftChanged(d)).toBe(true);
    const t = loadContractDraft(book());
    term(t, 2, { row: 9 });
    expect(contractDraftChanges(t)).toEqual({ info: false, terms: true, holidays: false });
    expect(contractDraftChanged(t)).toBe(true);
    const h = loadContractDraft(book());
    h.holidays.push(newHolidayRow());
    expect(contractDraftChanges(h)).toEqual({ info: false, terms: false, holidays: true });
    expect(contractDraftChanged(h)).toBe(true);
    const less = loadContractDraft(book());
    less.terms.pop();
    expect(contractDraftChanges(less).terms).toBe(true);
  });

  it("new rows: the next 笔次 after the largest readable one, 30 days; a holiday 休", () => {
    const d = loadContractDraft(book());
    term(d, 1, { number: "第2笔" });
    expect(newTermsRow(d)).toEqual({ row: null, number: "4", share: "", from: "", to: "", notBefore: "", days: "30", condition: "" });
    expect(newTermsRow({ ...d, terms: [] }).number).toBe("1");
    expect(newTermsRow({ ...d, terms: [{ ...newTermsRow(d), number: "x" }] }).number).toBe("1");
    expect(newHolidayRow()).toEqual({ row: null, date: "", kind: "休", note: "" });
  });
});

describe("checking", () => {
  it("while 合同信息 has an error, 付款条款 is checked with the other values as typed", () => {
    const d = loadContractDraft(book());
    d.info.termStart = "坏";
    d.info.firstMonth = "2025-01";
    expect(checkContractDraft(d).problems.map((p) => [p.severity, p.code, p.target])).toEqual([
      ["error", "bad-value", "info.termStart"],
      ["error", "bad-period", "terms.1.from"],
    ]);
    expect(checkContractDraft(d).contract).toBeNull();
  });

  it("the second pass reports only 付款条款: 合同信息's problems are the first pass's", () => {
    const d = loadContractDraft(book());
    d.info.total = "很多";
    const problems = checkContractDraft(d, [{ label: "合同总额", value: 720000 }]).problems;
    expect(problems.map((p) => [p.code, p.target, p.message])).toEqual([["bad-value", "info.total", "「合同总额」应为大于 0 的金额（元），如 720000，实为「很多」"]]);
  });

  it("holiday rows are checked against the calendar only when the sheet reads; a warning keeps the contract", () => {
    const d = loadContractDraft(book());
    d.holidays.push(holiday({ date: "2025-10-01", kind: "班" }), holiday({ date: "坏日子", kind: "休" }));
    expect(checkContractDraft(d).problems.map((p) => [p.severity, p.target])).toEqual([["error", "holidays.1.date"]]);
    d.holidays.pop();
    const ok = checkContractDraft(d);
    expect(ok.problems.map((p) => [p.severity, p.target])).toEqual([["warning", "holidays.0.kind"]]);
    expect(ok.contract?.title).toBe("热线服务");
  });

  it("a date given twice: the calendar's error at the second row; errors before warnings", () => {
    const d = loadContractDraft(book());
    d.holidays.push(holiday({ date: "2025-10-01", kind: "班" }), holiday({ date: "2025年10月1日", kind: "班" }));
    const problems = checkContractDraft(d).problems;
    expect(problems[0]).toMatchObject({ severity: "error", target: "holidays.1.date" });
    expect(problems.every((p, i) => i === 0 || p.severity === "warning" || problems[i - 1]?.severity === "error")).toBe(true);
  });
});

describe("planning: values and formats", () => {
  it("合同信息: text as @ text, amounts as numbers (commas and 元 dropped), dates as date serials", () => {
    const wb = book();
    const d = loadContractDraft(wb);
    d.info.title = " 新名称 ";
    d.info.total = "¥689,000.50元";
    d.info.termEnd = "2025年12月3日 ";
    expect(writes(planContractDraft(wb, d))).toEqual(['合同信息!B2="新名称" (@)', `合同信息!B6=${isoToSerial("2025-12-03")} (yyyy-mm-dd)`, "合同信息!B7=689000.5"]);
    d.info.termEnd = "2025-12-05";
    expect(writes(planContractDraft(wb, d))).toContain(`合同信息!B6=${isoToSerial("2025-12-05")} (yyyy-mm-dd)`);
  });

  it("a parameter the sheet lacks gets a row (参数 and 值) at the first empty row", () => {
    const wb = book();
    const d = loadContractDraft(wb);
    d.info.quarterlyFee = "172250.75";
    expect(writes(planContractDraft(wb, d))).toEqual(['合同信息!A10="季度服务费"', "合同信息!B10=172250.75"]);
  });

  it("付款条款 shares: 40% and 0.4 as 0.4 in a 0% cell, 12.55% in 0.00%, 0.25 and 1; other spellings as typed", () => {
    const wb = book({ terms: [TERMS[0] as Cell[], [1, pct(0.4), null, null, null, 10], [2, pct(0.6), null, null, null, 30]] });
    const plan = (a: string, b: string) => {
      const d = loadContractDraft(wb);
      term(d, 0, { share: a });
      term(d, 1, { share: b });
      return writes(planContractDraft(wb, d));
    };
    expect(plan("40％", "0.6")).toEqual(["付款条款!B2=0.4 (0%)", "付款条款!B3=0.6 (0%)"]);
    expect(plan("12.55%", "87.45%")).toEqual(["付款条款!B2=0.1255 (0.00%)", "付款条款!B3=0.8745 (0.00%)"]);
    expect(plan("0.25", "0.75")).toEqual(["付款条款!B2=0.25 (0%)", "付款条款!B3=0.75 (0%)"]);
    expect(plan("+40%", "+0.6")).toEqual(['付款条款!B2="+40%"', '付款条款!B3="+0.6"']);
    const one = loadContractDraft(wb);
    one.terms = [{ ...(one.terms[0] as TermsRowDraft), share: "1" }];
    expect(writes(planContractDraft(wb, one))).toEqual(["付款条款!B2=1 (0%)", ..."ABCDEFG".split("").map((c) => `付款条款!${c}3=null`)]);
    one.terms = [{ ...(one.terms[0] as TermsRowDraft), share: "+1" }];
    expect(writes(planContractDraft(wb, one))[0]).toBe('付款条款!B2="+1"');
    one.terms = [{ ...(one.terms[0] as TermsRowDraft), share: "1.0" }];
    expect(writes(planContractDraft(wb, one))[0]).toBe('付款条款!B2="1.0"');
  });

  it("付款条款 numbers: plain digits as numbers, 第2笔 and 30个工作日 as typed; a change of spaces is not written", () => {
    const wb = book();
    const d = loadContractDraft(wb);
    term(d, 1, { number: "第2笔", days: " 20 ", condition: " 上半期 " });
    term(d, 2, { days: "30个工作日" });
    expect(writes(planContractDraft(wb, d))).toEqual(['付款条款!A3="第2笔"', "付款条款!F3=20", '付款条款!F4="30个工作日"']);
  });

  it("a new blank row (spaces only) writes nothing; an unchanged row changed meanwhile in the workbook is not refused", () => {
    const wb = book();
    const d = loadContractDraft(wb);
    d.terms.push({ row: null, number: " ", share: "", from: "", to: "", notBefore: "  ", days: "", condition: "" });
    term(d, 0, { condition: "签订后一个月内支付" });
    const meanwhile = book({ terms: TERMS.map((r, i) => (i === 3 ? [...r.slice(0, 6), "改过"] : r)) });
    expect(writes(planContractDraft(meanwhile, d))).toEqual(['付款条款!G2="签订后一个月内支付"']);
  });

  it("a removed row: only the columns the sheet has are blanked", () => {
    const wb = book({ terms: [["笔次", "比例", "付款期限"], [1, pct(0.4), 10], [2, pct(0.6), 30], [3, null, 5]] });
    const d = loadContractDraft(wb);
    expect(d.terms.map((t) => t.row)).toEqual([2, 3, 4]);
    d.terms = d.terms.slice(0, 2);
    expect(writes(planContractDraft(wb, d))).toEqual(["付款条款!A4=null", "付款条款!B4=null", "付款条款!C4=null"]);
  });
});

describe("planning: created sheets and refusals", () => {
  it("absent sheets: only the changed section is created; cells keep the template's formats unless the value gives one", () => {
    const d = loadContractDraft(none());
    d.terms = [{ ...(d.terms[0] as TermsRowDraft) }, { ...(d.terms[1] as TermsRowDraft) }, { ...(d.terms[2] as TermsRowDraft), condition: "服务期满次月支付" }];
    const r = planContractDraft(none(), d);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.plan.sheets.map((s) => s.name)).toEqual(["付款条款"]);
    expect(r.plan.sheets[0]?.cells.find((c) => c.address === "G4")?.value).toBe("服务期满次月支付");

    const i = loadContractDraft(none());
    i.info.partyB = "新乙方";
    i.info.total = "700000";
    const ri = planContractDraft(none(), i);
    if (!ri.ok) throw new Error(JSON.stringify(ri.problems));
    expect(ri.plan.sheets.map((s) => s.name)).toEqual(["合同信息"]);
    const cell = (a: string) => ri.plan.sheets[0]?.cells.find((c) => c.address === a);
    expect(cell("B4")).toMatchObject({ value: "新乙方", numberFormat: "@" });
    expect(cell("B7")).toMatchObject({ value: 700000, numberFormat: "#,##0.00" });
    expect(cell("B5")).toMatchObject({ value: isoToSerial(defaultRules().contract.termStart), numberFormat: "yyyy-mm-dd" });
    expect(ri.changed).toBe(ri.plan.sheets[0]?.cells.filter((c) => c.value !== null).length);
  });

  it("a created 节假日安排 holds the non-blank rows from row 2, dates as dates and 上班 as 班", () => {
    const d = loadContractDraft(none());
    d.holidays.push(holiday({ date: "2027-02-06", kind: "休", note: "春节" }), holiday({}), holiday({ date: "2027-02-13", kind: "上班" }));
    const r = planContractDraft(none(), d);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.plan.sheets.map((s) => s.name)).toEqual(["节假日安排"]);
    const cells = r.plan.sheets[0]?.cells.filter((c) => /^[ABC][23]$/.test(c.address)).map((c) => [c.address, c.value, c.numberFormat])
      .sort((a, b) => String(a[0]).slice(1).localeCompare(String(b[0]).slice(1)) || String(a[0]).localeCompare(String(b[0])));
    expect(cells).toEqual([
      ["A2", isoToSerial("2027-02-06"), "yyyy-mm-dd"],
      ["B2", "休", undefined],
      ["C2", "春节", undefined],
      ["A3", isoToSerial("2027-02-13"), "yyyy-mm-dd"],
      ["B3", "班", undefined],
      ["C3", null, undefined],
    ]);
  });

  it("an empty 节假日安排 without a header is replaced by the template's; one with data is refused", () => {
    const d = loadContractDraft(book({ holidays: [] }));
    d.holidays.push(holiday({ date: "2027-02-06", kind: "休" }));
    const r = planContractDraft(book({ holidays: [] }), d);
    expect(r.ok && r.plan.sheets.map((s) => s.name)).toEqual(["节假日安排"]);
    expect(refused(planContractDraft(book({ holidays: [["随便写的"]] }), d))).toEqual([
      { message: "工作表「节假日安排」找不到表头行（应有：日期、类型），无法保存", messageEn: 'sheet "节假日安排" has no header row (日期, 类型): cannot save', sheet: "节假日安排", cell: null },
    ]);
  });

  it("合同信息 or 付款条款 present without a header: refused naming the sheet", () => {
    const d = loadContractDraft(book({ info: [["随便"]], terms: [["随便"]] }));
    d.info.partyB = "新乙方";
    term(d, 0, { condition: "新条件" });
    expect(refused(planContractDraft(book({ info: [["随便"]], terms: [["随便"]] }), d))).toEqual([
      { message: "工作表「合同信息」找不到表头行（应有：参数、值），无法保存", messageEn: 'sheet "合同信息" has no header row (参数, 值): cannot save', sheet: "合同信息", cell: null },
      { message: "工作表「付款条款」找不到表头行，无法保存", messageEn: 'sheet "付款条款" has no header row: cannot save', sheet: "付款条款", cell: null },
    ]);
  });

  it("an error's cell: none when the sheet or the row is absent; the holiday's row and column", () => {
    const d = loadContractDraft(none());
    d.info.total = "-5";
    d.holidays.push(holiday({ date: "坏", kind: "休" }));
    expect(refused(planContractDraft(none(), d)).map((p) => [p.sheet, p.cell])).toEqual([
      ["合同信息", null],
      ["节假日安排", null],
    ]);
    const wb = book({ holidays: [["日期", "类型"], ["2027-02-06", "休"]] });
    const h = loadContractDraft(wb);
    h.holidays[0] = { ...(h.holidays[0] as HolidayRowDraft), kind: "放" };
    h.info.quarterlyFee = "abc";
    term(h, 0, { notBefore: "坏" });
    h.terms.push({ ...newTermsRow(h), share: "abc" });
    expect(refused(planContractDraft(wb, h)).map((p) => [p.sheet, p.cell])).toEqual([
      ["合同信息", null],
      ["付款条款", "E2"],
      ["付款条款", null],
      ["节假日安排", "B2"],
    ]);
    const noCol = book({ terms: TERMS.map((r) => [...r.slice(0, 4), ...r.slice(5)]) });
    const n = loadContractDraft(noCol);
    term(n, 0, { notBefore: "坏" });
    expect(refused(planContractDraft(noCol, n)).map((p) => [p.sheet, p.cell])).toEqual([["付款条款", null]]);
  });

  it("a holiday row changed in the workbook since loading is refused naming 节假日安排", () => {
    const wb = book({ holidays: [["日期", "类型", "说明"], [D("2027-02-06"), "休", "春节"]] });
    const d = loadContractDraft(wb);
    d.holidays[0] = { ...(d.holidays[0] as HolidayRowDraft), note: "除夕" };
    const meanwhile = book({ holidays: [["日期", "类型", "说明"], [D("2027-02-06"), "休", "春节假期"]] });
    expect(refused(planContractDraft(meanwhile, d))).toEqual([
      {
        message: "工作表「节假日安排」第 2 行（节假日安排）在载入后已被修改或移动，未保存；请重新读取后再编辑",
        messageEn: 'sheet "节假日安排" row 2 (holiday arrangement) changed in the workbook since it was loaded: not saved; reload and edit again',
        sheet: "节假日安排",
        cell: "A2",
      },
    ]);
  });
});

describe("edges found by Stryker", () => {
  it("loading: a text in a % cell as typed; a month that cannot be read trimmed; a title or total that looks like a month kept whole", () => {
    const d = loadContractDraft(
      book({
        info: INFO.map((r) => (r[0] === "合同名称" ? ["合同名称", "热线服务 2025年3月"] : r[0] === "合同总额" ? ["合同总额", 202412] : r)),
        terms: [TERMS[0] as Cell[], [1, { v: "40%", f: "0%" }, " 下月 ", null, null, 10], [2, pct(0.6), null, null, null, 30]],
      }),
    );
    expect(d.info.title).toBe("热线服务 2025年3月");
    expect(d.info.total).toBe("202412");
    expect(d.terms[0]).toMatchObject({ share: "40%", from: "下月" });
  });

  it("a check with an error in 节假日安排 alone gives no contract; no instalment at all is named at the section", () => {
    const d = loadContractDraft(book());
    d.holidays.push(holiday({ date: "坏", kind: "休" }));
    const c = checkContractDraft(d);
    expect(c.problems.map((p) => p.target)).toEqual(["holidays.0.date"]);
    expect(c.contract).toBeNull();
    const empty = loadContractDraft(book());
    empty.terms = [];
    expect(checkContractDraft(empty).problems.map((p) => [p.code, p.target, p.message])).toEqual([["missing", "terms", "工作表「付款条款」没有任何付款条款（每笔一行）"]]);
  });

  it("values: spaces around a share, a number, a 笔次 written 第2; a cleared number or text written blank", () => {
    const wb = book({ info: [...INFO, ["季度服务费", 172250]] });
    const d = loadContractDraft(wb);
    term(d, 0, { share: " 40% ", number: "第1", condition: "  " });
    term(d, 1, { number: " 第2笔 ", condition: " 新条件 " });
    d.info.quarterlyFee = "";
    expect(writes(planContractDraft(wb, d))).toEqual(["合同信息!B10=null", '付款条款!A2="第1"', "付款条款!G2=null", '付款条款!A3="第2笔"', '付款条款!G3="新条件"']);
    const s = loadContractDraft(wb);
    term(s, 0, { share: " +40% " });
    term(s, 1, { share: "0.5" });
    expect(writes(planContractDraft(wb, s))).toEqual(['付款条款!B2="+40%"', "付款条款!B3=0.5 (0%)"]);
    const t = loadContractDraft(wb);
    term(t, 0, { share: " 45% " });
    term(t, 1, { share: "45%" });
    expect(writes(planContractDraft(wb, t))).toEqual(["付款条款!B2=0.45 (0%)", "付款条款!B3=0.45 (0%)"]);
  });

  it("a blank new row takes no place: the next new row goes to the first empty row", () => {
    const wb = book();
    const d = loadContractDraft(wb);
    term(d, 2, { share: "5%" });
    d.terms.push({ row: null, number: " ", share: " ", from: "", to: "", notBefore: "", days: " ", condition: "" }, { ...newTermsRow(d), share: "5%" });
    expect(writes(planContractDraft(wb, d))).toEqual(["付款条款!B4=0.05 (0%)", "付款条款!A5=4", "付款条款!B5=0.05 (0%)", "付款条款!F5=30"]);
  });

  it("a row whose only change is spaces is not written, even when the workbook changed it meanwhile", () => {
    const wb = book();
    const d = loadContractDraft(wb);
    term(d, 2, { condition: " 下半期 " });
    term(d, 0, { condition: "新" });
    const meanwhile = book({ terms: TERMS.map((r, i) => (i === 3 ? [...r.slice(0, 6), "改过"] : r)) });
    expect(writes(planContractDraft(meanwhile, d))).toEqual(['付款条款!G2="新"']);
  });

  it("blank holiday rows (spaces) are left out of a created sheet", () => {
    const d = loadContractDraft(none());
    d.holidays.push(holiday({ date: " ", kind: " ", note: " " }), holiday({ date: "2027-02-06", kind: "休" }));
    const r = planContractDraft(none(), d);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.plan.sheets[0]?.cells.find((c) => c.address === "A2")?.value).toBe(isoToSerial("2027-02-06"));
    expect(r.plan.sheets[0]?.cells.find((c) => c.address === "B2")?.value).toBe("休");
  });

  it("a created 合同信息 holds the draft's words (a month as typed), not only the contract's", () => {
    const d = loadContractDraft(none());
    d.info.firstMonth = "2024年12月";
    const r = planContractDraft(none(), d);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.plan.sheets[0]?.cells.find((c) => c.address === "B8")).toMatchObject({ value: "2024年12月", numberFormat: "@" });
  });

  it("a refusal in one section refuses the whole save, even when another section's sheet would be created", () => {
    const wb = book({ info: null });
    const d = loadContractDraft(wb);
    d.info.partyB = "新乙方";
    term(d, 2, { days: "20" });
    const meanwhile = book({ info: null, terms: TERMS.map((r, i) => (i === 3 ? [...r.slice(0, 6), "改过"] : r)) });
    expect(refused(planContractDraft(meanwhile, d)).map((p) => [p.sheet, p.cell])).toEqual([["付款条款", "A4"]]);
  });
});
