/**
 * 合同信息 and 付款条款 (SPEC §9), cell by cell: each way a clerk may type a value (a real date, a
 * serial, 20261204, a month as a date or 202612, "720,000.00", "30个工作日", "第2笔") read to the
 * right value, and each refusal with the sheet, the cell, the code and the exact zh-CN message the
 * clerk reads. Written from Stryker's survivors over src/workbook/read/contract-sheets.ts.
 */
// @ts-nocheck

import { defaultRules, InstalmentTerms } from "../../../src/domain";
import type { SheetSnapshot, WorkbookSnapshot } from "../../../src/workbook/model";
import { conditionWords, readContractSheets, rulesWithContract, sameContract, type ContractTerms } from "../../../src/workbook/read/contract-sheets";
import { isoToSerial } from "../../../src/workbook/read/grid";
import { type Cell, sheet } from "../../fixtures/sheet-rows";


const pct = (v: number): Cell => ({ v, f: "0%" });
const text = (v: string): Cell => ({ v, f: "@" });

const INFO: [string, Cell][] = [
  ["合同名称", "2026-2027 年热线运营服务"],
  ["甲方", "陕西省公安厅"],
  ["乙方", "陕西省通信服务有限公司"],
  ["合同期起", text("2026-12-04")],
  ["合同期止", text("2027-12-03")],
  ["合同总额", 720000],
  ["首个考核月份", "2026-12"],
  ["末个考核月份", "2027-11"],
  ["季度服务费", null],
];

/** 合同信息: 参数 in A, 值 in B (rows 2–10 in the order of INFO); `over` replaces values, `drop` leaves rows out. */
function infoRows(over: Partial<Record<string, Cell>> = {}, drop: string[] = [], header: [string, string] = ["参数", "值"]): Cell[][] {
  return [header, ...INFO.filter(([k]) => !drop.includes(k)).map(([k, v]): Cell[] => [k, k in over ? (over[k] ?? null) : v])];
}

const TERMS_HEADER: Cell[] = ["笔次", "比例", "考核月份起", "考核月份止", "最早开票日期", "付款期限（工作日）", "付款条件"];

/** 付款条款 rows 2–4 (the renewal's 40/50/10); `edit` changes cells by [row, col] (1-based). */
function termsRows(edit: [number, number, Cell][] = []): Cell[][] {
  const rows: Cell[][] = [
    [...TERMS_HEADER],
    [1, pct(0.4), null, null, text("2026-12-04"), 10, "首付"],
    [2, pct(0.5), "2026-12", "2027-05", text("2027-06-01"), 30, "二期"],
    [3, pct(0.1), "2027-06", "2027-11", text("2028-01-01"), 30, "三期"],
  ];
  for (const [r, c, v] of edit) {
    const row = rows[r - 1] ?? (rows[r - 1] = []);
    row[c - 1] = v;
  }
  return rows;
}

function book(info: Cell[][] | null, terms: Cell[][] | null): WorkbookSnapshot {
  const sheets: SheetSnapshot[] = [];
  if (info) sheets.push(sheet("合同信息", info, sheets.length));
  if (terms) sheets.push(sheet("付款条款", terms, sheets.length));
  return { sheets };
}

const where = (c: ReturnType<typeof readContractSheets>) => c.problems.map((p) => [p.severity, p.code, p.sheet, p.cell, p.indicator, p.message]);

/** The one error of a refused read, as [code, sheet, cell, indicator, message]. */
function refusal(snapshot: WorkbookSnapshot, rules?: Parameters<typeof readContractSheets>[1]) {
  const c = readContractSheets(snapshot, rules);
  expect(c.contract).toBeNull();
  expect(c.problems).toHaveLength(1);
  const p = c.problems[0]!;
  expect(p.severity).toBe("error");
  return [p.code, p.sheet, p.cell, p.indicator, p.message];
}

function contractOf(snapshot: WorkbookSnapshot, rules?: Parameters<typeof readContractSheets>[1]): ContractTerms {
  const c = readContractSheets(snapshot, rules);
  expect(where(c)).toEqual([]);
  if (!c.contract) throw new Error("no contract");
  return c.contract;
}

describe("合同信息: each value as a clerk may type it", () => {
  it.each<[string, Cell, string]>([
    ["a real date (a date-formatted serial)", { v: isoToSerial("2026-12-05"), f: "yyyy-mm-dd" }, "2026-12-05"],
    ["a serial in a General cell", { v: isoToSerial("2026-12-05"), f: "General" }, "2026-12-05"],
    ["the number 20261205", 20261205, "2026-12-05"],
    ["text 2026年12月5日", "2026年12月5日", "2026-12-05"],
  ])("合同期起 as %s", (_n, value, iso) => {
    expect(contractOf(book(infoRows({ 合同期起: value }), termsRows())).termStart).toBe(iso);
  });

  it.each<[string, Cell, string]>([
    ["the number 20260230 (no such day)", 20260230, "「合同期起」应为真实存在的日期（如 2025-06-01），实为「20260230」"],
    ["a date-formatted 0", { v: 0, f: "yyyy-mm-dd" }, "「合同期起」应为真实存在的日期（如 2025-06-01），实为「0」"],
    ["TRUE", true, "「合同期起」应为真实存在的日期（如 2025-06-01），实为「true」"],
  ])("refuses 合同期起 as %s at B5", (_n, value, message) => {
    expect(refusal(book(infoRows({ 合同期起: value }), termsRows()))).toEqual(["bad-value", "合同信息", "B5", "合同期起", message]);
  });

  it.each<[string, Cell, string]>([
    ["a date-formatted serial", { v: isoToSerial("2026-12-15"), f: "yyyy-mm" }, "2026-12"],
    ["the number 202612", 202612, "2026-12"],
    ["text 2026年12月", "2026年12月", "2026-12"],
  ])("首个考核月份 as %s", (_n, value, month) => {
    expect(contractOf(book(infoRows({ 首个考核月份: value }), termsRows())).firstMonth).toBe(month);
  });

  it.each<[string, Cell, string]>([
    ["the number 2026.12", 2026.12, "「首个考核月份」为数字 2026.12，无法判断是哪个月（2025.1 可能是 1 月也可能是 10 月）；请写成文本 2025-10 或 2025年10月"],
    ["the number 12", 12, "「首个考核月份」应为月份（如 2025-06 或 2025年6月），实为「12」"],
    ["words", "十二月", "「首个考核月份」应为月份（如 2025-06 或 2025年6月），实为「十二月」"],
    ["a date-formatted 0", { v: 0, f: "yyyy-mm" }, "「首个考核月份」应为月份（如 2025-06 或 2025年6月），实为「0」"],
    ["TRUE", true, "「首个考核月份」应为月份（如 2025-06 或 2025年6月），实为「true」"],
  ])("refuses 首个考核月份 as %s at B8", (_n, value, message) => {
    expect(refusal(book(infoRows({ 首个考核月份: value }), termsRows()))).toEqual(["bad-value", "合同信息", "B8", "首个考核月份", message]);
  });

  it.each<[string, Cell, string]>([
    ["720,000.00", "720,000.00", "720000"],
    ["¥720000元", "¥720000元", "720000"],
    ["full width ７２００００", "７２００００", "720000"],
    ["720000.5", 720000.5, "720000.5"],
  ])("合同总额 %s → %s", (_n, value, total) => {
    expect(contractOf(book(infoRows({ 合同总额: value }), termsRows())).total).toBe(total);
  });

  it.each<[string, Cell, string]>([
    ["0", 0, "「合同总额」应为大于 0 的金额（元），如 720000，实为「0」"],
    ["-5", "-5", "「合同总额」应为大于 0 的金额（元），如 720000，实为「-5」"],
    ["words", "七十二万", "「合同总额」应为大于 0 的金额（元），如 720000，实为「七十二万」"],
  ])("refuses 合同总额 %s at B7", (_n, value, message) => {
    expect(refusal(book(infoRows({ 合同总额: value }), termsRows()))).toEqual(["bad-value", "合同信息", "B7", "合同总额", message]);
  });

  it("季度服务费 given is kept as typed; blank is null (the default from the term)", () => {
    expect(contractOf(book(infoRows({ 季度服务费: "180,000" }), termsRows())).quarterlyFee).toBe("180000");
    expect(contractOf(book(infoRows(), termsRows())).quarterlyFee).toBeNull();
    expect(contractOf(book(infoRows({}, ["季度服务费"]), termsRows())).quarterlyFee).toBeNull();
  });

  it("every term as the sheet gives it, trimmed", () => {
    const c = contractOf(book(infoRows({ 甲方: "  委托方甲  ", 乙方: "受托方乙 " }), termsRows()));
    expect([c.title, c.partyA, c.partyB, c.termStart, c.termEnd, c.total, c.firstMonth, c.lastMonth]).toEqual([
      "2026-2027 年热线运营服务",
      "委托方甲",
      "受托方乙",
      "2026-12-04",
      "2027-12-03",
      "720000",
      "2026-12",
      "2027-11",
    ]);
  });
});

describe("合同信息: its header and its rows", () => {
  it.each<[string, [string, string]]>([
    ["参数名 | 参数值", ["参数名", "参数值"]],
    ["项目 | 内容", ["项目", "内容"]],
    ["参数 | 取值", ["参数", "取值"]],
  ])("a header %s is found", (_n, header) => {
    expect(contractOf(book(infoRows({}, [], header), termsRows())).partyA).toBe("陕西省公安厅");
  });

  it("a header found below a title row, with the value column left of the name column", () => {
    const rows: Cell[][] = [["合同信息（填写说明见右）"], ["值", "参数"], ...INFO.map(([k, v]): Cell[] => [v, k])];
    expect(contractOf(book(rows, termsRows())).total).toBe("720000");
  });

  it.each<[string, Cell[][]]>([
    ["no header at all", INFO.map(([k, v]): Cell[] => [k, v])],
    ["参数 without 值", [["参数", "说明"], ...INFO.map(([k, v]): Cell[] => [k, v])]],
    ["值 without 参数", [["名称", "值"], ...INFO.map(([k, v]): Cell[] => [k, v])]],
  ])("refuses %s, naming the sheet", (_n, rows) => {
    const c = readContractSheets(book(rows, termsRows()));
    expect(c.contract).toBeNull();
    expect(where(c)[0]).toEqual(["error", "no-header", "合同信息", null, "参数、值", "工作表「合同信息」找不到表头行（应有：参数、值）"]);
  });

  it("a parameter given twice: named at its second row, pointing at the first value cell", () => {
    const rows = [...infoRows(), ["甲方", "另一个甲方"]];
    expect(refusal(book(rows, termsRows()))).toEqual(["duplicate-setting", "合同信息", "A11", "甲方", "合同参数「甲方」出现两次（另见 B3）"]);
  });

  it("a parameter given twice under an alias is the same parameter", () => {
    const rows = [...infoRows(), ["委托方", "另一个甲方"]];
    expect(refusal(book(rows, termsRows()))).toEqual(["duplicate-setting", "合同信息", "A11", "委托方", "合同参数「甲方」出现两次（另见 B3）"]);
  });

  it("a required parameter left out of the sheet: the sheet named, no cell", () => {
    expect(refusal(book(infoRows({}, ["甲方"]), termsRows()))).toEqual(["missing", "合同信息", null, "甲方", "工作表「合同信息」缺少参数「甲方」（委托方（甲方））"]);
  });

  it("a required parameter blank: its value cell named", () => {
    expect(refusal(book(infoRows({ 合同名称: "  " }), termsRows()))).toEqual(["missing", "合同信息", "B2", "合同名称", "「合同名称」未填写（印在「付款结算」表头）"]);
    expect(refusal(book(infoRows({ 合同总额: null }), termsRows()))).toEqual(["missing", "合同信息", "B7", "合同总额", "「合同总额」未填写（服务费总额（元，含税））"]);
  });

  it("rows with a blank 参数 are skipped", () => {
    const rows = [...infoRows(), [null, "孤立的值"], ["", "另一个"]];
    expect(contractOf(book(rows, termsRows())).partyB).toBe("陕西省通信服务有限公司");
  });

  it("the last scored month before the first: named at 末个考核月份, pointing at 首个考核月份", () => {
    expect(refusal(book(infoRows({ 首个考核月份: "2027-12" }), termsRows()))).toEqual([
      "bad-contract",
      "合同信息",
      "B9",
      "末个考核月份",
      "末个考核月份 2027-11 早于首个考核月份 2027-12（B8）",
    ]);
  });

  it("the same first and last month is a one-month term", () => {
    const terms: Cell[][] = [[...TERMS_HEADER], [1, "100%", "2027-01", "2027-01", null, 30, null]];
    const c = contractOf(book(infoRows({ 首个考核月份: "2027-01", 末个考核月份: "2027-01" }), terms));
    expect([c.firstMonth, c.lastMonth, c.instalments.length]).toEqual(["2027-01", "2027-01", 1]);
  });

  it("合同期止 before 合同期起 is refused (not only the same day)", () => {
    expect(refusal(book(infoRows({ 合同期止: text("2026-12-03") }), termsRows()))).toEqual([
      "bad-contract",
      "合同信息",
      "B6",
      "合同期止",
      "合同期止 2026-12-03 应晚于合同期起 2026-12-04（B5）",
    ]);
    expect(contractOf(book(infoRows({ 合同期止: text("2026-12-05") }), termsRows())).termEnd).toBe("2026-12-05");
  });
});

describe("合同总额 in 规则设置 too", () => {
  const rules = (value: string | number | boolean | null, cell: string | null = "B5") => ({ rows: [{ label: "首月", value: "x" }, { label: "合同总额", value }], cells: [{ value: { sheet: "规则设置", cell: "B4", indicator: "首月" } }, { value: { sheet: "规则设置", cell, indicator: "合同总额" } }] });

  it.each<[string, string | number | boolean | null]>([
    ["the same amount typed otherwise", "720,000.00元"],
    ["blank", "  "],
    ["null", null],
    ["unreadable (规则设置's own error)", "七十二万"],
  ])("%s: no conflict", (_n, value) => {
    expect(contractOf(book(infoRows(), termsRows()), rules(value)).total).toBe("720000");
  });

  it("a different amount: the error names both cells, at 合同信息's", () => {
    expect(refusal(book(infoRows(), termsRows()), rules("700,000元"))).toEqual([
      "total-conflict",
      "合同信息",
      "B7",
      "合同总额",
      "合同总额在「合同信息」B7 为 720000，在「规则设置」B5 为 700000，两处不一致；请只保留一处（建议保留「合同信息」）",
    ]);
  });

  it("a different amount whose 规则设置 cell is not known names the sheet alone", () => {
    const r = { rows: [{ label: "合同总额", value: 700000 }], cells: [] };
    expect(refusal(book(infoRows(), termsRows()), r)[4]).toBe("合同总额在「合同信息」B7 为 720000，在「规则设置」 为 700000，两处不一致；请只保留一处（建议保留「合同信息」）");
    const noCell = rules(700000, null);
    expect(refusal(book(infoRows(), termsRows()), noCell)[4]).toBe("合同总额在「合同信息」B7 为 720000，在「规则设置」 为 700000，两处不一致；请只保留一处（建议保留「合同信息」）");
  });

  it("合同信息 without 合同总额: 规则设置's is enough (no missing error), the seed's total stays for readInputs to override", () => {
    const c = contractOf(book(infoRows({}, ["合同总额"]), termsRows()), rules(700000));
    expect(c.total).toBe(defaultRules().contract.total);
  });

  it("合同信息 without 合同总额 and no usable one in 规则设置: missing", () => {
    expect(refusal(book(infoRows({}, ["合同总额"]), termsRows()), rules("abc"))[0]).toBe("missing");
  });
});

describe("付款条款: each value as a clerk may type it", () => {
  const instalment = (edit: [number, number, Cell][], n = 0): InstalmentTerms => {
    const i = contractOf(book(infoRows(), termsRows(edit))).instalments[n];
    if (!i) throw new Error("no instalment");
    return i;
  };

  it.each<[string, Cell, number]>([
    ["30", 30, 30],
    ["text 30个工作日", "30个工作日", 30],
    ["text 30工作日", "30工作日", 30],
    ["text 30天", "30天", 30],
    ["0", 0, 0],
  ])("付款期限 %s", (_n, value, days) => {
    expect(instalment([[3, 6, value]], 1).dueWorkingDays).toBe(days);
  });

  it.each<[string, Cell]>([
    ["30.5", 30.5],
    ["-1", -1],
    ["text 三十天", "三十天"],
  ])("refuses 付款期限 %s at F3", (_n, value) => {
    expect(refusal(book(infoRows(), termsRows([[3, 6, value]])))).toEqual(["bad-value", "付款条款", "F3", "付款期限（工作日）", `「付款期限（工作日）」应为工作日天数（不小于 0 的整数，如 30），实为「${String(value)}」`]);
  });

  it.each<[string, Cell]>([
    ["第1笔", "第1笔"],
    ["1笔", "1笔"],
    ["text 1", "1"],
  ])("笔次 %s → 1", (_n, value) => {
    expect(instalment([[2, 1, value]]).number).toBe(1);
  });

  it.each<[string, Cell]>([
    ["0", 0],
    ["1.5", 1.5],
    ["第0笔", "第0笔"],
    ["一", "一"],
    ["TRUE", true],
  ])("refuses 笔次 %s at A2", (_n, value) => {
    expect(refusal(book(infoRows(), termsRows([[2, 1, value]])))).toEqual(["bad-value", "付款条款", "A2", "笔次", `「笔次」应为 1、2、3 …（正整数），实为「${String(value)}」`]);
  });

  it.each<[string, Cell, string]>([
    ["40 in a % cell (4000%)", { v: 40, f: "0%" }, "「比例」应大于 0% 且不超过 100%，实为「4000%」"],
    ["150%", "150%", "「比例」应大于 0% 且不超过 100%，实为「150%」"],
    ["-40%", "-40%", "「比例」应大于 0% 且不超过 100%，实为「-40%」"],
    ["text 0", "0", "「比例」应大于 0% 且不超过 100%，实为「0%」"],
    ["1.5", 1.5, "「比例」为 1.5，请写成百分比「1.5%」（或小数 0.015）"],
    ["text 1.5", "1.5", "「比例」为「1.5」，请写成百分比「1.5%」（或小数 0.015）"],
    ["TRUE", true, "「比例」应为百分比，如 40%（或 0.4），实为「true」"],
    ["40%%", "40%%", "「比例」应为百分比，如 40%（或 0.4），实为「40%%」"],
  ])("refuses 比例 %s at B2", (_n, value, message) => {
    expect(refusal(book(infoRows(), termsRows([[2, 2, value]])))).toEqual(["bad-value", "付款条款", "B2", "比例", message]);
  });

  it("比例 exactly 100% in a one-instalment contract, and 1 typed as a number", () => {
    for (const share of ["100%", 1, pct(1)] as Cell[]) {
      const c = contractOf(book(infoRows(), [[...TERMS_HEADER], [1, share, "2026-12", "2027-11", null, 30, null]]));
      expect(c.instalments.map((i) => [i.number, i.share])).toEqual([[1, "1"]]);
    }
  });

  it("a text 40.5% is 0.405", () => {
    expect(instalment([[2, 2, "40.5%"], [4, 2, "9.5%"]]).share).toBe("0.405");
  });

  it("最早开票日期 as a real date, as 20270601 and blank", () => {
    expect(instalment([[3, 5, { v: isoToSerial("2027-06-02"), f: "yyyy/m/d" }]], 1).invoiceNotBefore).toBe("2027-06-02");
    expect(instalment([[3, 5, 20270603]], 1).invoiceNotBefore).toBe("2027-06-03");
    expect(instalment([[3, 5, null]], 1).invoiceNotBefore).toBeNull();
  });

  it("考核月份起/止 as real dates and as 202612", () => {
    expect(instalment([[3, 3, { v: isoToSerial("2026-12-01"), f: "yyyy-mm" }], [3, 4, 202705]], 1).months).toEqual({ from: "2026-12", to: "2027-05" });
  });

  it("付款条件 kept as typed (trimmed); blank is worded from the terms, with or without a period", () => {
    const c = contractOf(book(infoRows(), termsRows([[2, 7, " 首付款 "], [3, 7, null], [4, 7, "  "]])));
    expect(c.instalments.map((i) => i.condition)).toEqual([
      "首付款",
      "以2026年12月至2027年5月平均得分为准，乙方提供等额发票，甲方收到发票后的30个工作日内支付",
      "以2027年6月至2027年11月平均得分为准，乙方提供等额发票，甲方收到发票后的30个工作日内支付",
    ]);
    expect(conditionWords(10, null)).toBe("乙方提供等额发票，甲方收到发票后的10个工作日内支付");
  });

  it("optional columns may be left out: no 最早开票日期, no 付款条件", () => {
    const terms: Cell[][] = [
      ["笔次", "比例", "考核月份起", "考核月份止", "付款期限（工作日）"],
      [1, "40%", null, null, 10],
      [2, "60%", "2026-12", "2027-11", 30],
    ];
    const c = contractOf(book(infoRows(), terms));
    expect(c.instalments.map((i) => [i.number, i.invoiceNotBefore, i.condition])).toEqual([
      [1, null, "乙方提供等额发票，甲方收到发票后的10个工作日内支付"],
      [2, null, "以2026年12月至2027年11月平均得分为准，乙方提供等额发票，甲方收到发票后的30个工作日内支付"],
    ]);
  });

  it("headers by their aliases, under a title, in another order", () => {
    const terms: Cell[][] = [
      ["付款条款（据合同第十条）"],
      ["付款期限", "支付比例", "付款笔次", "考核结束月份", "考核起始月份", "开票日期不早于", "条件", "备注"],
      [10, "40%", 1, null, null, null, "首付", "x"],
      [30, "60%", 2, "2027-11", "2026-12", text("2027-12-01"), "尾款", "y"],
    ];
    const c = contractOf(book(infoRows(), terms));
    expect(c.instalments.map((i) => [i.number, i.share, i.months, i.invoiceNotBefore, i.dueWorkingDays, i.condition])).toEqual([
      [1, "0.4", null, null, 10, "首付"],
      [2, "0.6", { from: "2026-12", to: "2027-11" }, "2027-12-01", 30, "尾款"],
    ]);
  });
});

describe("付款条款: its header and its rows refused, each naming its cell", () => {
  it("no header row", () => {
    expect(refusal(book(infoRows(), [["x", "y"], [1, "40%"]]))).toEqual([
      "no-header",
      "付款条款",
      null,
      "笔次、比例、考核月份起、考核月份止、最早开票日期、付款期限（工作日）、付款条件",
      "工作表「付款条款」找不到表头行（应有：笔次、比例、考核月份起、考核月份止、付款期限（工作日））",
    ]);
  });

  it("two 比例 columns: named at the second", () => {
    const terms = termsRows();
    terms[0]!.push("付款比例");
    expect(refusal(book(infoRows(), terms))).toEqual(["duplicate-column", "付款条款", "H1", "比例", "工作表「付款条款」有两列都是「比例」（B1 与 H1）"]);
  });

  it("a required column missing: the column named, no cell", () => {
    const terms = termsRows().map((r) => r.slice(0, 5));
    expect(refusal(book(infoRows(), terms))).toEqual(["missing-column", "付款条款", null, "付款期限（工作日）", "工作表「付款条款」的表头（第 1 行）缺少「付款期限（工作日）」列"]);
  });

  it("a header and no instalment", () => {
    expect(refusal(book(infoRows(), [[...TERMS_HEADER], [null, null, null, null, null, null, null]]))).toEqual(["missing", "付款条款", null, "笔次", "工作表「付款条款」没有任何付款条款（每笔一行）"]);
  });

  it.each<[string, number, string, string]>([
    ["笔次", 1, "A3", "付款条款第 3 行未填「笔次」（1、2、3 …）"],
    ["比例", 2, "B3", "付款条款第 3 行未填「比例」（如 40%）"],
    ["付款期限（工作日）", 6, "F3", "付款条款第 3 行未填「付款期限（工作日）」（如 30）"],
  ])("a blank %s", (indicator, col, cell, message) => {
    expect(refusal(book(infoRows(), termsRows([[3, col, null]])))).toEqual(["missing", "付款条款", cell, indicator, message]);
  });

  it("考核月份止 without 考核月份起: named at the blank 起", () => {
    expect(refusal(book(infoRows(), termsRows([[3, 3, null]])))).toEqual([
      "missing",
      "付款条款",
      "C3",
      "考核月份起",
      "「考核月份起」与「考核月份止」应同时填写（本笔与考核得分挂钩）或同时留空（不挂钩），第 3 行只填了一个",
    ]);
  });

  it("an unreadable 考核月份起 is that error alone (not also 'only one given')", () => {
    expect(refusal(book(infoRows(), termsRows([[3, 3, "十二月"]])))).toEqual(["bad-value", "付款条款", "C3", "考核月份起", "「考核月份起」应为月份（如 2025-06 或 2025年6月），实为「十二月」"]);
  });

  it("考核月份止 after the last scored month: named at D4", () => {
    expect(refusal(book(infoRows(), termsRows([[4, 4, "2027-12"]])))).toEqual(["bad-period", "付款条款", "D4", "考核月份止", "考核月份止 2027-12 不在考核月份 2026-12 至 2027-11 内（「合同信息」的首个/末个考核月份）"]);
  });

  it("the first and last scored months themselves are inside", () => {
    const terms: Cell[][] = [[...TERMS_HEADER], [1, "100%", "2026-12", "2027-11", null, 30, null]];
    expect(contractOf(book(infoRows(), terms)).instalments[0]?.months).toEqual({ from: "2026-12", to: "2027-11" });
  });

  it("without 合同信息 the periods must lie in the default contract's months, said so", () => {
    const terms: Cell[][] = [[...TERMS_HEADER], [1, "40%", null, null, null, 10, null], [2, "50%", "2024-12", "2025-05", null, 30, null], [3, "10%", "2025-06", "2025-12", null, 30, null]];
    expect(refusal(book(null, terms))).toEqual(["bad-period", "付款条款", "D4", "考核月份止", "考核月份止 2025-12 不在考核月份 2024-12 至 2025-11 内（默认合同）"]);
  });

  it("without 合同信息 a 付款条款 for the seed's months gives the seed's other terms", () => {
    const terms: Cell[][] = [[...TERMS_HEADER], [1, "50%", "2024-12", "2025-05", null, 30, "甲"], [2, "50%", "2025-06", "2025-11", null, 30, "乙"]];
    const c = contractOf(book(null, terms));
    expect([c.title, c.total, c.firstMonth, c.lastMonth, c.termStart]).toEqual([defaultRules().contract.title, defaultRules().contract.total, "2024-12", "2025-11", defaultRules().contract.termStart]);
    expect(c.instalments.map((i) => i.share)).toEqual(["0.5", "0.5"]);
  });

  it("合同信息 for the seed's months without 付款条款: the seed's instalments", () => {
    const info = infoRows({ 合同期起: text("2024-12-04"), 合同期止: text("2025-12-03"), 首个考核月份: "2024-12", 末个考核月份: "2025-11" });
    const c = readContractSheets(book(info, null));
    expect(c.problems).toEqual([]);
    expect(c.contract?.instalments).toBe(defaultRules().contract.instalments);
    expect([c.infoSheet, c.termsSheet]).toEqual(["合同信息", null]);
  });

  it("合同信息 ending a month early without 付款条款: only the instalment outside is listed", () => {
    const info = infoRows({ 合同期起: text("2024-12-04"), 合同期止: text("2025-12-03"), 首个考核月份: "2024-12", 末个考核月份: "2025-10" });
    expect(refusal(book(info, null))).toEqual([
      "missing-sheet",
      "付款条款",
      null,
      "付款条款",
      "工作簿没有「付款条款」工作表，默认付款条款的考核期间（第3笔 2025-06 至 2025-11）不在考核月份 2024-12 至 2025-10 内；请添加「付款条款」（命令 template 会生成）",
    ]);
  });

  it("shares that fall short of 100%: the sum and each share, at the last instalment's 比例", () => {
    expect(refusal(book(infoRows(), termsRows([[4, 2, "5%"]])))).toEqual(["bad-shares", "付款条款", "B4", "比例", "各笔比例之和应为 100%，实为 95%（第1笔 40% + 第2笔 50% + 第3笔 5%）"]);
  });

  it("the last instalment by number, not by row, carries the shares error", () => {
    const terms: Cell[][] = [[...TERMS_HEADER], [3, "10%", "2027-06", "2027-11", null, 30, null], [1, "40%", null, null, null, 10, null], [2, "40%", "2026-12", "2027-05", null, 30, null]];
    expect(refusal(book(infoRows(), terms)).slice(2)).toEqual(["B2", "比例", "各笔比例之和应为 100%，实为 90%（第1笔 40% + 第2笔 40% + 第3笔 10%）"]);
  });

  it("overlapping periods are named at the row further down, whatever the numbers", () => {
    const terms: Cell[][] = [[...TERMS_HEADER], [3, "10%", "2027-03", "2027-11", null, 30, null], [1, "40%", null, null, null, 10, null], [2, "50%", "2026-12", "2027-05", null, 30, null]];
    expect(refusal(book(infoRows(), terms))).toEqual(["bad-period", "付款条款", "C4", "考核月份起", "第2笔的考核期间 2026-12 至 2027-05 与第3笔的 2027-03 至 2027-11（第 2 行）重叠：同一个月只能计入一笔"]);
  });

  it("a period inside another overlaps it", () => {
    const terms: Cell[][] = [[...TERMS_HEADER], [1, "50%", "2026-12", "2027-11", null, 30, null], [2, "50%", "2027-02", "2027-03", null, 30, null]];
    expect(refusal(book(infoRows(), terms))[0]).toBe("bad-period");
  });

  it("several errors in one sheet are all reported (the read goes on past the first)", () => {
    const c = readContractSheets(book(infoRows(), termsRows([[2, 1, 0], [3, 6, "x"], [4, 2, "四成"]])));
    expect(c.contract).toBeNull();
    expect(c.problems.map((p) => p.cell)).toEqual(["A2", "F3", "B4"]);
  });
});

describe("sameContract and rulesWithContract", () => {
  const seed = defaultRules().contract;
  const withInst = (i: number, over: Partial<InstalmentTerms>): ContractTerms => ({ ...seed, instalments: seed.instalments.map((x, j) => (j === i ? { ...x, ...over } : x)) });
  it.each<[string, ContractTerms]>([
    ["another title", { ...seed, title: "另一合同" }],
    ["another total", { ...seed, total: "689000.01" }],
    ["a quarterly fee given", { ...seed, quarterlyFee: "172250" }],
    ["one instalment fewer", { ...seed, instalments: seed.instalments.slice(0, 2) }],
    ["another number", withInst(0, { number: 4 })],
    ["another share", withInst(1, { share: "0.51" })],
    ["another period", withInst(1, { months: { from: "2024-12", to: "2025-04" } })],
    ["another term in days", withInst(2, { dueWorkingDays: 31 })],
    ["another condition", withInst(2, { condition: "另" })],
    ["another 最早开票日期", withInst(2, { invoiceNotBefore: "2026-01-02" })],
  ])("%s is another contract", (_n, other) => {
    expect(sameContract(other, seed)).toBe(false);
    expect(sameContract(seed, other)).toBe(false);
    expect(rulesWithContract(other)).not.toBe(defaultRules());
    expect(rulesWithContract(other).contract).toBe(other);
  });

  it("amounts and shares compare as numbers", () => {
    const typed: ContractTerms = { ...seed, total: "689000.00", quarterlyFee: null, instalments: seed.instalments.map((i) => ({ ...i, share: `${i.share}0` })) };
    expect(sameContract(typed, seed)).toBe(true);
    expect(sameContract({ ...seed, quarterlyFee: "172250" }, { ...seed, quarterlyFee: "172250.00" })).toBe(true);
  });

  it("rulesWithContract keeps the base when the contract is the base's, whatever base is given", () => {
    const base = { ...defaultRules(), version: "v-test" };
    expect(rulesWithContract(null, base)).toBe(base);
    expect(rulesWithContract({ ...seed }, base)).toBe(base);
    expect(rulesWithContract({ ...seed, title: "新" }, base).version).toBe("v-test+合同信息");
  });
});

describe("more forms, each read or refused as the contract's words require", () => {
  it.each<[string, Cell, string]>([
    ["+720000", "+720000", "720000"],
    ["720000.55", "720000.55", "720000.55"],
  ])("合同总额 %s", (_n, value, total) => {
    expect(contractOf(book(infoRows({ 合同总额: value }), termsRows())).total).toBe(total);
  });

  it.each<[string, Cell]>([
    ["约720000", "约720000"],
    ["720000x", "720000x"],
  ])("refuses 合同总额 %s", (_n, value) => {
    expect(refusal(book(infoRows({ 合同总额: value }), termsRows()))[4]).toBe(`「合同总额」应为大于 0 的金额（元），如 720000，实为「${String(value)}」`);
  });

  it.each<[string, Cell, string]>([
    ["x40%", "x40%", "「比例」应为百分比，如 40%（或 0.4），实为「x40%」"],
    ["40%x", "40%x", "「比例」应为百分比，如 40%（或 0.4），实为「40%x」"],
    ["x0.4", "x0.4", "「比例」应为百分比，如 40%（或 0.4），实为「x0.4」"],
    ["0.4x", "0.4x", "「比例」应为百分比，如 40%（或 0.4），实为「0.4x」"],
    ["text -0.4", "-0.4", "「比例」应大于 0% 且不超过 100%，实为「-40%」"],
  ])("refuses 比例 %s", (_n, value, message) => {
    expect(refusal(book(infoRows(), termsRows([[2, 2, value]])))).toEqual(["bad-value", "付款条款", "B2", "比例", message]);
  });

  it("比例 with two decimals: 40.25% and the text 0.0975", () => {
    const c = contractOf(book(infoRows(), termsRows([[2, 2, "40.25%"], [4, 2, "0.0975"]])));
    expect(c.instalments.map((i) => i.share)).toEqual(["0.4025", "0.5", "0.0975"]);
  });

  it.each<[string, Cell]>([
    ["工作日30", "工作日30"],
    ["天30", "天30"],
  ])("refuses 付款期限 %s", (_n, value) => {
    expect(refusal(book(infoRows(), termsRows([[3, 6, value]])))[4]).toBe(`「付款期限（工作日）」应为工作日天数（不小于 0 的整数，如 30），实为「${String(value)}」`);
  });

  it("a 付款条款 header below row 30 is not looked for", () => {
    const notes = Array.from({ length: 30 }, (_x, i): Cell[] => [`说明 ${i + 1}`]);
    expect(refusal(book(infoRows(), [...notes, ...termsRows()]))[0]).toBe("no-header");
    const found = contractOf(book(infoRows(), [...notes.slice(1), ...termsRows()]));
    expect(found.instalments).toHaveLength(3);
  });

  it("a data row holding a header's name is still data (the header is the row with the most names)", () => {
    const c = contractOf(book(infoRows(), termsRows([[2, 7, "条件"], [3, 7, "比例"]])));
    expect(c.instalments.map((i) => i.condition)).toEqual(["条件", "比例", "三期"]);
  });

  it("a 合同信息 value that is a header's name is still a value", () => {
    expect(contractOf(book(infoRows({ 甲方: "参数" , 乙方: "值" }), termsRows())).partyB).toBe("值");
  });

  it("two rows with a blank 笔次: each missing, not a duplicate", () => {
    const c = readContractSheets(book(infoRows(), termsRows([[2, 1, null], [3, 1, null]])));
    expect(c.problems.map((p) => [p.code, p.cell])).toEqual([
      ["missing", "A2"],
      ["missing", "A3"],
    ]);
  });

  it("periods in reverse order of the numbers do not overlap; touching in one month do", () => {
    const terms = (two: [string, string], three: [string, string]): Cell[][] => [[...TERMS_HEADER], [1, "40%", null, null, null, 10, null], [2, "50%", two[0], two[1], null, 30, null], [3, "10%", three[0], three[1], null, 30, null]];
    expect(contractOf(book(infoRows(), terms(["2027-06", "2027-11"], ["2026-12", "2027-05"]))).instalments.map((i) => i.months?.from)).toEqual([undefined, "2027-06", "2026-12"]);
    expect(refusal(book(infoRows(), terms(["2027-05", "2027-11"], ["2026-12", "2027-05"])))).toEqual(["bad-period", "付款条款", "C4", "考核月份起", "第3笔的考核期间 2026-12 至 2027-05 与第2笔的 2027-05 至 2027-11（第 3 行）重叠：同一个月只能计入一笔"]);
  });

  it("an unknown parameter: its code and words", () => {
    const c = readContractSheets(book([...infoRows(), ["合同编号", "X-1"]], termsRows()));
    expect(c.problems.map((p) => [p.code, p.cell, p.messageEn])).toEqual([["unknown-setting", "A11", 'unknown contract parameter "合同编号"']]);
  });

  it("a 合同总额 in 规则设置 excuses only a missing 合同总额, not another missing parameter", () => {
    const rules = { rows: [{ label: "合同总额", value: 720000 }], cells: [{ value: { sheet: "规则设置", cell: "B2", indicator: "合同总额" } }] };
    expect(refusal(book(infoRows({}, ["甲方"]), termsRows()), rules)[0]).toBe("missing");
  });

  it.each<[string, string | number, string | null]>([
    ["+700000", "+700000", "700000"],
    ["700000.55", "700000.55", "700000.55"],
    ["700000.5", "700000.5", "700000.5"],
    ["约700000 (规则设置's own error)", "约700000", null],
    ["700000x (规则设置's own error)", "700000x", null],
  ])("合同总额 %s in 规则设置", (_n, value, conflict) => {
    const rules = { rows: [{ label: "合同总额", value }], cells: [{ value: { sheet: "规则设置", cell: "B2", indicator: "合同总额" } }] };
    const c = readContractSheets(book(infoRows(), termsRows()), rules);
    expect(c.problems.map((p) => p.message)).toEqual(conflict === null ? [] : [`合同总额在「合同信息」B7 为 720000，在「规则设置」B2 为 ${conflict}，两处不一致；请只保留一处（建议保留「合同信息」）`]);
  });

  it("the English words of the refusals", () => {
    const en = (snapshot: WorkbookSnapshot, rules?: Parameters<typeof readContractSheets>[1]) => readContractSheets(snapshot, rules).problems.map((p) => p.messageEn);
    const totalRules = { rows: [{ label: "合同总额", value: 700000 }], cells: [{ value: { sheet: "规则设置", cell: "B2", indicator: "合同总额" } }] };
    expect([
      ...en(book(infoRows({ 合同期起: "2026-02-30" }), termsRows())),
      ...en(book(infoRows({ 首个考核月份: 2026.12 }), termsRows())),
      ...en(book(infoRows({ 首个考核月份: "十二月" }), termsRows())),
      ...en(book(infoRows({ 合同总额: 0 }), termsRows())),
      ...en(book(infoRows({ 合同期止: text("2026-12-04") }), termsRows())),
      ...en(book(infoRows({ 首个考核月份: "2027-12" }), termsRows())),
      ...en(book(infoRows({ 甲方: null }), termsRows())),
      ...en(book(infoRows({}, ["甲方"]), termsRows())),
      ...en(book(infoRows(), termsRows()), totalRules),
      ...en(book(infoRows(), null)),
      ...en(book([["x"]], termsRows())).slice(0, 1),
    ]).toEqual([
      '"合同期起" must be a real date (e.g. 2025-06-01), got "2026-02-30"',
      '"首个考核月份" is the number 2026.12, which could be January or October; type it as text 2025-10',
      '"首个考核月份" must be a month (e.g. 2025-06), got "十二月"',
      '"合同总额" must be an amount > 0 (yuan), e.g. 720000, got "0"',
      "the term end 2026-12-04 must be after the term start 2026-12-04",
      "the last scored month 2027-11 is before the first 2027-12",
      '"甲方" is blank',
      'sheet "合同信息" has no "甲方" parameter',
      "the contract total is 720000 in 合同信息!B7 but 700000 in 规则设置!B2: keep one",
      'the workbook has no "付款条款" sheet and the default instalment periods lie outside the scored months 2026-12 至 2027-11: add the sheet (the template command writes it)',
      'sheet "合同信息" has no header row (expected: 参数, 值)',
    ]);
    const noCell = { rows: [{ label: "合同总额", value: 700000 }], cells: [] };
    expect(en(book(infoRows(), termsRows()), noCell)).toEqual(["the contract total is 720000 in 合同信息!B7 but 700000 in 规则设置!: keep one"]);
    expect([
      ...en(book(infoRows(), termsRows([[2, 2, pct(0)]]))),
      ...en(book(infoRows(), termsRows([[2, 2, 40]]))),
      ...en(book(infoRows(), termsRows([[2, 2, "40"]]))),
      ...en(book(infoRows(), termsRows([[2, 2, "四成"]]))),
      ...en(book(infoRows(), termsRows([[2, 2, true]]))),
      ...en(book(infoRows(), termsRows([[3, 6, "x"]]))),
      ...en(book(infoRows(), termsRows([[2, 1, 0]]))),
      ...en(book(infoRows(), termsRows([[3, 1, null]]))),
      ...en(book(infoRows(), termsRows([[3, 3, null]]))),
      ...en(book(infoRows(), termsRows([[3, 4, "2026-11"], [3, 3, "2027-05"]]))),
      ...en(book(infoRows(), termsRows([[4, 4, "2027-12"]]))),
      ...en(book(infoRows(), termsRows([[4, 1, 2]]))),
      ...en(book(infoRows(), termsRows([[4, 2, pct(0.2)]]))),
      ...en(book(infoRows(), termsRows([[4, 3, "2027-05"]]))),
      ...en(book(infoRows(), [["x"], [1]])),
      ...en(book(infoRows(), [[...TERMS_HEADER, "比例"], [1]])),
      ...en(book(infoRows(), [TERMS_HEADER.slice(0, 5)])),
      ...en(book(infoRows(), [[...TERMS_HEADER]])),
    ]).toEqual([
      '"比例" must be more than 0% and at most 100%, got "0%"',
      '"比例" is 40: write it as "40%" (or the fraction 0.4)',
      '"比例" is "40": write it as "40%" (or the fraction 0.4)',
      '"比例" must be a percentage such as 40% (or 0.4), got "四成"',
      '"比例" must be a percentage such as 40% (or 0.4), got "true"',
      '"付款期限（工作日）" must be a whole number of working days (e.g. 30), got "x"',
      '"笔次" must be 1, 2, 3 … (a whole number ≥ 1), got "0"',
      'payment terms row 3: "笔次" is blank',
      '"考核月份起" and "考核月份止" must both be given (tied to the scores) or both be blank, row 3 has one',
      "the period ends 2026-11, before it starts 2027-05",
      "2027-12 lies outside the scored months 2026-12 至 2027-11",
      "instalment 2 appears twice (see also row 3)",
      "the shares add up to 110%, not 100%",
      "instalment 3's period overlaps instalment 2's",
      'sheet "付款条款" has no header row',
      'sheet "付款条款" has two "比例" columns',
      'sheet "付款条款": the header (row 1) has no "付款期限（工作日）" column',
      'sheet "付款条款" lists no instalment',
    ]);
  });
});

describe("blank cells, 8-digit dates, 笔次 and the codes of the 付款条款 checks", () => {
  it("a 合同期起 of spaces is blank: missing, not an unreadable date", () => {
    expect(refusal(book(infoRows({ 合同期起: "   " }), termsRows()))).toEqual(["missing", "合同信息", "B5", "合同期起", "「合同期起」未填写（服务期第一天（日期））"]);
  });

  it("a 付款条款 row of spaces is no instalment", () => {
    const c = contractOf(book(infoRows(), [...termsRows(), ["  ", " ", null, null, null, "  ", null]]));
    expect(c.instalments).toHaveLength(3);
  });

  it("最早开票日期 as the numbers 19000101 and 29991231; 20270601 in a date-formatted cell is refused", () => {
    const at = (v: Cell) => readContractSheets(book(infoRows(), termsRows([[3, 5, v]])));
    expect(at(19000101).contract?.instalments[1]?.invoiceNotBefore).toBe("1900-01-01");
    expect(at(29991231).contract?.instalments[1]?.invoiceNotBefore).toBe("2999-12-31");
    expect(where(at(30000101))[0]?.[5]).toBe("「最早开票日期」应为真实存在的日期（如 2025-06-01），实为「30000101」");
    expect(where(at({ v: 20270601, f: "yyyy-mm-dd" }))).toEqual([["error", "bad-value", "付款条款", "E3", "最早开票日期", "「最早开票日期」应为真实存在的日期（如 2025-06-01），实为「20270601」"]]);
  });

  it.each<[string, Cell]>([
    ["x1", "x1"],
    ["1x", "1x"],
  ])("refuses 笔次 %s", (_n, value) => {
    expect(refusal(book(infoRows(), termsRows([[2, 1, value]])))[4]).toBe(`「笔次」应为 1、2、3 …（正整数），实为「${String(value)}」`);
  });

  it("笔次 10 as text and as 第10笔", () => {
    for (const n of ["10", "第10笔"]) {
      const c = contractOf(book(infoRows(), [[...TERMS_HEADER], [n, "100%", "2026-12", "2027-11", null, 30, null]]));
      expect(c.instalments.map((i) => i.number)).toEqual([10]);
    }
  });

  it("the codes: a period ending before it starts, an instalment twice", () => {
    expect(refusal(book(infoRows(), termsRows([[3, 4, "2026-11"], [3, 3, "2027-05"]])))).toEqual(["bad-period", "付款条款", "D3", "考核月份止", "考核月份止 2026-11 早于考核月份起 2027-05（C3）"]);
    expect(refusal(book(infoRows(), termsRows([[4, 1, 2]])))).toEqual(["duplicate-instalment", "付款条款", "A4", "笔次", "第2笔在「付款条款」中出现两次（另见第 3 行）"]);
  });

  it("a parameter twice, in English", () => {
    expect(readContractSheets(book([...infoRows(), ["甲方", "x"]], termsRows())).problems.map((p) => p.messageEn)).toEqual(['contract parameter "甲方" appears twice (see also B3)']);
  });
});

describe("which row is the header", () => {
  it("a row above with one of the names does not beat the row with all of them", () => {
    const c = contractOf(book(infoRows(), [["比例"], ...termsRows()]));
    expect(c.instalments.map((i) => i.share)).toEqual(["0.4", "0.5", "0.1"]);
  });

  it("the header written twice: the first is the header, the second a row of bad values", () => {
    const c = readContractSheets(book(infoRows(), [[...TERMS_HEADER], ...termsRows()]));
    expect(c.contract).toBeNull();
    expect(c.problems.map((p) => [p.code, p.cell]).slice(0, 2)).toEqual([
      ["bad-value", "A2"],
      ["bad-value", "B2"],
    ]);
  });
});
