/**
 * SPEC §9's 合同信息 and 付款条款 as the reader takes them: absent = the seed; the seed restated =
 * the seed (same rule set); a renewal with any split; 比例 as a % cell, "40%" or 0.4 and a bare 40
 * refused; and every check §9 lists refused with its sheet and cell named.
 */
// @ts-nocheck

import { defaultRules, InstalmentTerms } from "../../../src/domain";
import type { SheetSnapshot, WorkbookSnapshot } from "../../../src/workbook/model";
import { readContractSheets, rulesWithContract, sameContract } from "../../../src/workbook/read/contract-sheets";
import { readInputs } from "../../../src/workbook/read/read-inputs";
import { type Cell, sheet } from "../../fixtures/sheet-rows";


const pct = (v: number): Cell => ({ v, f: "0%" });
const date = (iso: string): Cell => ({ v: iso, f: "@" }); // typed as text: the reader's own date parsing

/** 合同信息 of the renewal (SPEC §9's worked example), rows 2–10 in the order of the template. */
function infoRows(over: Partial<Record<string, Cell>> = {}): Cell[][] {
  const rows: [string, Cell][] = [
    ["合同名称", "陕西省公安厅出入境管理局 12367 服务热线 2026-2027 年热线运营服务及语音专线采购项目"],
    ["甲方", "陕西省公安厅"],
    ["乙方", "陕西省通信服务有限公司"],
    ["合同期起", date("2026-12-04")],
    ["合同期止", date("2027-12-03")],
    ["合同总额", 720000],
    ["首个考核月份", "2026-12"],
    ["末个考核月份", "2027-11"],
    ["季度服务费", null],
  ];
  return [["参数", "值", "说明"], ...rows.map(([k, v]): Cell[] => [k, k in over ? (over[k] ?? null) : v])];
}

/** 付款条款 rows 2–4 (A 笔次 … G 付款条件); `edit` changes cells by [row, col] (1-based). */
function termsRows(split: [Cell, Cell, Cell] = [pct(0.4), pct(0.5), pct(0.1)], edit: [number, number, Cell][] = []): Cell[][] {
  const rows: Cell[][] = [
    ["笔次", "比例", "考核月份起", "考核月份止", "最早开票日期", "付款期限（工作日）", "付款条件"],
    [1, split[0], null, null, date("2026-12-04"), 10, "合同签订后的一个月内，乙方提供等额发票，甲方收到发票后的10个工作日内支付"],
    [2, split[1], "2026-12", "2027-05", date("2027-06-01"), 30, "自项目运营至2027年6月，以2026年12月至2027年5月平均得分为准，30个工作日内支付"],
    [3, split[2], "2027-06", "2027-11", date("2028-01-01"), 30, "服务期满次月，以2027年6月至2027年11月平均得分为准，30个工作日内支付"],
  ];
  for (const [r, c, v] of edit) {
    const row = rows[r - 1] ?? (rows[r - 1] = []);
    row[c - 1] = v;
  }
  return rows;
}

function book(info: Cell[][] | null, terms: Cell[][] | null, rules?: Cell[][]): WorkbookSnapshot {
  const sheets: SheetSnapshot[] = [];
  if (info) sheets.push(sheet("合同信息", info, sheets.length));
  if (terms) sheets.push(sheet("付款条款", terms, sheets.length));
  if (rules) sheets.push(sheet("规则设置", rules, sheets.length));
  return { sheets };
}

function read(snapshot: WorkbookSnapshot) {
  // Through readInputs, so the 合同总额 of 规则设置 is seen as the run sees it.
  return readInputs(snapshot).contract;
}

describe("absent, restated, renewed", () => {
  it("no sheets: the seed contract (null), no problem, the same rule set", () => {
    const c = readContractSheets({ sheets: [] });
    expect(c).toEqual({ contract: null, infoSheet: null, termsSheet: null, problems: [] });
    expect(rulesWithContract(c.contract)).toBe(defaultRules());
  });

  it("the seed restated (numbers as typed: 689000, 40%) is the seed: the same rule set, so the same results", () => {
    const seed = defaultRules().contract;
    const [one, two, three] = seed.instalments as [InstalmentTerms, InstalmentTerms, InstalmentTerms];
    const info = infoRows({ 合同名称: seed.title, 合同期起: date("2024-12-04"), 合同期止: date("2025-12-03"), 合同总额: 689000, 首个考核月份: "2024-12", 末个考核月份: "2025-11" });
    const terms: Cell[][] = [
      ["笔次", "比例", "考核月份起", "考核月份止", "最早开票日期", "付款期限（工作日）", "付款条件"],
      [1, pct(0.4), null, null, date("2024-12-04"), 10, one.condition],
      [2, "50%", "2024-12", "2025-05", date("2025-06-01"), 30, two.condition],
      [3, 0.1, "2025-06", "2025-11", date("2026-01-01"), 30, three.condition],
    ];
    const c = read(book(info, terms));
    expect(c.problems).toEqual([]);
    expect(c.contract && sameContract(c.contract, seed)).toBe(true);
    expect(rulesWithContract(c.contract)).toBe(defaultRules());
  });

  it("the renewal of SPEC §9 with 30/60/10: every term as typed, a rule set named after the contract", () => {
    const c = read(book(infoRows(), termsRows(["30%", "60%", "10%"])));
    expect(c.problems).toEqual([]);
    expect(c.contract).toMatchObject({
      title: "陕西省公安厅出入境管理局 12367 服务热线 2026-2027 年热线运营服务及语音专线采购项目",
      termStart: "2026-12-04",
      termEnd: "2027-12-03",
      total: "720000",
      quarterlyFee: null,
      firstMonth: "2026-12",
      lastMonth: "2027-11",
    });
    expect(c.contract?.instalments.map((i) => [i.number, i.share, i.months, i.invoiceNotBefore, i.dueWorkingDays])).toEqual([
      [1, "0.3", null, "2026-12-04", 10],
      [2, "0.6", { from: "2026-12", to: "2027-05" }, "2027-06-01", 30],
      [3, "0.1", { from: "2027-06", to: "2027-11" }, "2028-01-01", 30],
    ]);
    const rules = rulesWithContract(c.contract);
    expect(rules.version).toBe(`${defaultRules().version}+合同信息`);
    expect(rules.name).toBe("陕西省公安厅出入境管理局 12367 服务热线 2026-2027 年热线运营服务及语音专线采购项目（按工作簿「合同信息」「付款条款」）");
  });

  it("any number of instalments, in any row order, a blank 付款条件 worded from the terms, 季度服务费 as given", () => {
    const terms: Cell[][] = [
      ["笔次", "比例", "考核月份起", "考核月份止", "最早开票日期", "付款期限（工作日）", "付款条件"],
      [4, "25%", "2027-09", "2027-11", null, 15, null],
      [1, "25%", null, null, null, 10, "首付"],
      [2, "25%", "2026-12", "2027-02", null, 30, "二"],
      [3, "25%", "2027-03", "2027-08", null, 30, "三"],
    ];
    const c = read(book(infoRows({ 季度服务费: 200000 }), terms));
    expect(c.problems).toEqual([]);
    expect(c.contract?.quarterlyFee).toBe("200000");
    expect(c.contract?.instalments.map((i) => i.number)).toEqual([1, 2, 3, 4]);
    expect(c.contract?.instalments[3]?.condition).toBe("以2027年9月至2027年11月平均得分为准，乙方提供等额发票，甲方收到发票后的15个工作日内支付");
  });
});

describe("比例: a % cell, \"40%\" or 0.4; a bare 40 asks for \"40%\"", () => {
  const cases: [string, Cell, string | null][] = [
    ["a number in a % cell", pct(0.4), "0.4"],
    ["the text 40%", "40%", "0.4"],
    ["full-width ４０％", "４０％", "0.4"],
    ["0.4", 0.4, "0.4"],
    ["text 0.4", "0.4", "0.4"],
  ];
  it.each(cases)("%s → %s", (_name, value, share) => {
    const c = read(book(infoRows(), termsRows([value, pct(0.5), pct(0.1)])));
    expect(c.problems).toEqual([]);
    expect(c.contract?.instalments[0]?.share).toBe(share);
  });

  it.each([
    ["a bare 40", 40, "「比例」为 40，请写成百分比「40%」（或小数 0.4）"],
    ["the text 40", "40", "「比例」为「40」，请写成百分比「40%」（或小数 0.4）"],
    ["0%", pct(0), "「比例」应大于 0% 且不超过 100%，实为「0%」"],
    ["words", "四成", "「比例」应为百分比，如 40%（或 0.4），实为「四成」"],
  ] as [string, Cell, string][])("refuses %s, naming 付款条款 B2", (_name, value, message) => {
    const c = read(book(infoRows(), termsRows([value, pct(0.5), pct(0.1)])));
    expect(c.contract).toBeNull();
    expect(c.problems.map((p) => [p.sheet, p.cell, p.indicator, p.message])).toEqual([["付款条款", "B2", "比例", message]]);
  });
});

describe("SPEC §9's checks: each an error naming its cell, and no contract", () => {
  const cases: { check: string; snapshot: WorkbookSnapshot; sheet: string; cell: string | null; message: string }[] = [
    {
      check: "shares add up to exactly 100% (named at the last 比例)",
      snapshot: book(infoRows(), termsRows([pct(0.4), pct(0.5), pct(0.2)])),
      sheet: "付款条款",
      cell: "B4",
      message: "各笔比例之和应为 100%，实为 110%（第1笔 40% + 第2笔 50% + 第3笔 20%）",
    },
    {
      check: "a period inside the scored months",
      snapshot: book(infoRows(), termsRows(undefined, [[3, 3, "2026-11"]])),
      sheet: "付款条款",
      cell: "C3",
      message: "考核月份起 2026-11 不在考核月份 2026-12 至 2027-11 内（「合同信息」的首个/末个考核月份）",
    },
    {
      check: "periods do not overlap (named at the later one's 考核月份起)",
      snapshot: book(infoRows(), termsRows(undefined, [[4, 3, "2027-05"]])),
      sheet: "付款条款",
      cell: "C4",
      message: "第3笔的考核期间 2027-05 至 2027-11 与第2笔的 2026-12 至 2027-05（第 3 行）重叠：同一个月只能计入一笔",
    },
    {
      check: "考核月份起 ≤ 止",
      snapshot: book(infoRows(), termsRows(undefined, [[3, 4, "2026-11"], [3, 3, "2027-05"]])),
      sheet: "付款条款",
      cell: "D3",
      message: "考核月份止 2026-11 早于考核月份起 2027-05（C3）",
    },
    {
      check: "both period months or neither",
      snapshot: book(infoRows(), termsRows(undefined, [[3, 4, null]])),
      sheet: "付款条款",
      cell: "D3",
      message: "「考核月份起」与「考核月份止」应同时填写（本笔与考核得分挂钩）或同时留空（不挂钩），第 3 行只填了一个",
    },
    {
      check: "最早开票日期 a real date",
      snapshot: book(infoRows(), termsRows(undefined, [[3, 5, "2027-02-30"]])),
      sheet: "付款条款",
      cell: "E3",
      message: "「最早开票日期」应为真实存在的日期（如 2025-06-01），实为「2027-02-30」",
    },
    {
      check: "付款期限 a whole number of working days",
      snapshot: book(infoRows(), termsRows(undefined, [[3, 6, "一个月"]])),
      sheet: "付款条款",
      cell: "F3",
      message: "「付款期限（工作日）」应为工作日天数（不小于 0 的整数，如 30），实为「一个月」",
    },
    {
      check: "笔次 given once",
      snapshot: book(infoRows(), termsRows(undefined, [[4, 1, 2]])),
      sheet: "付款条款",
      cell: "A4",
      message: "第2笔在「付款条款」中出现两次（另见第 3 行）",
    },
    {
      check: "合同期起 a real date",
      snapshot: book(infoRows({ 合同期起: date("2026-02-30") }), termsRows()),
      sheet: "合同信息",
      cell: "B5",
      message: "「合同期起」应为真实存在的日期（如 2025-06-01），实为「2026-02-30」",
    },
    {
      check: "合同期起 < 合同期止 (named at 合同期止)",
      snapshot: book(infoRows({ 合同期止: date("2026-12-04") }), termsRows()),
      sheet: "合同信息",
      cell: "B6",
      message: "合同期止 2026-12-04 应晚于合同期起 2026-12-04（B5）",
    },
    {
      check: "a 合同总额 in 规则设置 and in 合同信息 that differ (naming both cells)",
      snapshot: book(infoRows(), termsRows(), [["参数", "值"], ["合同总额", 700000]]),
      sheet: "合同信息",
      cell: "B7",
      message: "合同总额在「合同信息」B7 为 720000，在「规则设置」B2 为 700000，两处不一致；请只保留一处（建议保留「合同信息」）",
    },
    {
      check: "the required parameters of 合同信息",
      snapshot: book(infoRows({ 末个考核月份: null }), termsRows()),
      sheet: "合同信息",
      cell: "B9",
      message: "「末个考核月份」未填写（如 2025-11）",
    },
    {
      check: "a parameter 合同信息 does not know",
      snapshot: book([...infoRows(), ["合同编号", "X-1"]], termsRows()),
      sheet: "合同信息",
      cell: "A11",
      message: "未知的合同参数「合同编号」；可用：合同名称、甲方、乙方、合同期起、合同期止、合同总额、首个考核月份、末个考核月份、季度服务费",
    },
    {
      check: "合同信息 for other months without 付款条款 (the seed's periods do not fit)",
      snapshot: book(infoRows(), null),
      sheet: "付款条款",
      cell: null,
      message: "工作簿没有「付款条款」工作表，默认付款条款的考核期间（第2笔 2024-12 至 2025-05、第3笔 2025-06 至 2025-11）不在考核月份 2026-12 至 2027-11 内；请添加「付款条款」（命令 template 会生成）",
    },
  ];
  it.each(cases)("$check", (c) => {
    const read1 = read(c.snapshot);
    expect(read1.contract).toBeNull();
    expect(read1.problems.map((p) => [p.severity, p.sheet, p.cell, p.message])).toEqual([["error", c.sheet, c.cell, c.message]]);
  });

  it("the same 合同总额 in both sheets is no conflict; 规则设置's alone is taken when 合同信息 leaves it out", () => {
    expect(read(book(infoRows(), termsRows(), [["参数", "值"], ["合同总额", "720,000.00"]])).problems).toEqual([]);
    const onlyRules = read(book(infoRows({ 合同总额: null }), termsRows(), [["参数", "值"], ["合同总额", 700000]]));
    expect(onlyRules.problems).toEqual([]);
  });
});
