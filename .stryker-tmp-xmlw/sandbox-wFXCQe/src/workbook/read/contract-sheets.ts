/**
 * SPEC §9: the contract's terms as workbook data.
 *
 * 合同信息 — two columns 参数 | 值: 合同名称, 甲方, 乙方, 合同期起, 合同期止, 合同总额, 首个考核月份,
 * 末个考核月份, 季度服务费 (optional).
 * 付款条款 — one row per instalment: 笔次 | 比例 | 考核月份起 | 考核月份止 | 最早开票日期 |
 * 付款期限（工作日） | 付款条件.
 *
 * Found by sheet name, headers and parameter names matched after normalization (as 规则设置 and the
 * input sheets are). Every check §9 lists is made here, where the cells are known, and each error
 * names its cell: shares add up to exactly 100% (比例 as a % cell, "40%" or 0.4; a bare 40 asks for
 * "40%"); 考核月份起 ≤ 止; periods inside the scored months and not overlapping; real dates;
 * 合同期起 < 合同期止; a 合同总额 in both 规则设置 and 合同信息 that differ. Absent sheets mean the
 * seed contract (defaultRules().contract), so every older workbook keeps its results.
 */
// @ts-nocheck

import { dec, defaultRules, InstalmentTerms, IsoDate, MonthKey, monthLabel, RuleSet } from "../../domain";
import { findRuleSetting, RuleSettingRow } from "../../domain/rule-settings";
import { SheetGrid } from "./grid";
import { located, LocatedProblem } from "./located";
import { a1, CellRef, ReadCell, WorkbookSnapshot } from "../model";
import { looseHeader, normalizeHeader, normalizeText } from "./normalize";
import { INPUT_SHEETS } from "./sheet-names";
import { bad, cellDate, cellMonth, findSheet, HEADER_SEARCH_ROWS, isBlank, ok, type Read, readText, shown } from "./cells";

export type ContractTerms = RuleSet["contract"];

/** What the two sheets gave. */
export interface ContractSheets {
  /**
   * The contract: the sheets' terms over the seed's. Null when neither sheet is in the workbook
   * (the seed applies), and when the sheets hold an error (in `problems`: the run is refused).
   */
  contract: ContractTerms | null;
  /** The sheets found (their names as the workbook spells them); null when absent. */
  infoSheet: string | null;
  termsSheet: string | null;
  /** Errors and warnings, each naming its sheet and cell. */
  problems: LocatedProblem[];
}

/** 规则设置 as read-inputs reads it: the rows and, per row, where its value is. */
export interface RuleRowsRead {
  rows: readonly RuleSettingRow[] | null;
  cells: readonly { value: CellRef }[];
}

// ------------------------------------------------------------------------------------ 合同信息

type InfoKey = "title" | "partyA" | "partyB" | "termStart" | "termEnd" | "total" | "firstMonth" | "lastMonth" | "quarterlyFee";

interface InfoParam {
  key: InfoKey;
  label: string;
  aliases: readonly string[];
  kind: "text" | "date" | "month" | "amount";
  required: boolean;
  /** Shown in the template's 说明 column. */
  help: string;
}

export const CONTRACT_INFO_PARAMS: readonly InfoParam[] = [
  { key: "title", label: "合同名称", aliases: ["项目名称", "合同项目名称"], kind: "text", required: true, help: "印在「付款结算」表头" },
  { key: "partyA", label: "甲方", aliases: ["委托方", "甲方名称", "委托方(甲方)"], kind: "text", required: true, help: "委托方（甲方）" },
  { key: "partyB", label: "乙方", aliases: ["受托方", "乙方名称", "受托方(乙方)"], kind: "text", required: true, help: "受托方（乙方）" },
  { key: "termStart", label: "合同期起", aliases: ["合同期开始", "服务期起", "合同开始日期", "合同起始日期"], kind: "date", required: true, help: "服务期第一天（日期）" },
  { key: "termEnd", label: "合同期止", aliases: ["合同期结束", "服务期止", "合同结束日期", "合同截止日期"], kind: "date", required: true, help: "服务期最后一天（日期），须晚于合同期起" },
  { key: "total", label: "合同总额", aliases: ["合同金额", "服务费总额"], kind: "amount", required: true, help: "服务费总额（元，含税）" },
  { key: "firstMonth", label: "首个考核月份", aliases: ["首个考核月", "考核月份起", "第一个考核月份"], kind: "month", required: true, help: "如 2024-12" },
  { key: "lastMonth", label: "末个考核月份", aliases: ["末个考核月", "考核月份止", "最后一个考核月份"], kind: "month", required: true, help: "如 2025-11" },
  { key: "quarterlyFee", label: "季度服务费", aliases: ["季度费用"], kind: "amount", required: false, help: "可不填：默认 合同总额 ÷ (考核月数 ÷ 3)" },
];

// ------------------------------------------------------------------------------------ 付款条款

type TermsKey = "number" | "share" | "from" | "to" | "notBefore" | "days" | "condition";

interface TermsColumn {
  key: TermsKey;
  header: string;
  aliases: readonly string[];
  required: boolean;
}

export const PAYMENT_TERMS_COLUMNS: readonly TermsColumn[] = [
  { key: "number", header: "笔次", aliases: ["付款笔次"], required: true },
  { key: "share", header: "比例", aliases: ["付款比例", "支付比例"], required: true },
  { key: "from", header: "考核月份起", aliases: ["考核起始月份", "考核月份(起)"], required: true },
  { key: "to", header: "考核月份止", aliases: ["考核结束月份", "考核月份(止)"], required: true },
  { key: "notBefore", header: "最早开票日期", aliases: ["开票日期不早于", "最早开票日"], required: false },
  { key: "days", header: "付款期限（工作日）", aliases: ["付款期限", "付款期限(工作日)", "付款工作日"], required: true },
  { key: "condition", header: "付款条件", aliases: ["条件"], required: false },
];

// ------------------------------------------------------------------------------------ cells

/** A date: a real Excel date, a serial, 20261204, or text. */
function readDate(cell: ReadCell | undefined, label: string): Read<IsoDate | null> {
  const d = cellDate(cell);
  if (d !== undefined) return ok(d);
  const v = shown(cell?.value);
  return bad(`「${label}」应为真实存在的日期（如 2025-06-01），实为「${v}」`, `"${label}" must be a real date (e.g. 2025-06-01), got "${v}"`);
}

/** A month: "2025-03", "2025年3月", a real date, 202503. */
function readMonth(cell: ReadCell | undefined, label: string): Read<MonthKey | null> {
  const m = cellMonth(cell);
  const v = shown(cell?.value);
  if (m === "ambiguous")
    return bad(`「${label}」为数字 ${v}，无法判断是哪个月（2025.1 可能是 1 月也可能是 10 月）；请写成文本 2025-10 或 2025年10月`, `"${label}" is the number ${v}, which could be January or October; type it as text 2025-10`);
  if (m !== undefined) return ok(m);
  return bad(`「${label}」应为月份（如 2025-06 或 2025年6月），实为「${v}」`, `"${label}" must be a month (e.g. 2025-06), got "${v}"`);
}

/** An amount in 元 > 0: 720000, "720,000.00", "¥720000", "720000元". */
function readAmount(cell: ReadCell | undefined, label: string): Read<string | null> {
  const v = cell?.value ?? null;
  if (isBlank(v)) return ok(null);
  const t = typeof v === "number" ? String(v) : normalizeText(String(v)).replace(/[,元¥￥]/g, "");
  if (/^[-+]?\d+(\.\d+)?$/.test(t) && dec(t).greaterThan(0)) return ok(dec(t).toString());
  return bad(`「${label}」应为大于 0 的金额（元），如 720000，实为「${shown(v)}」`, `"${label}" must be an amount > 0 (yuan), e.g. 720000, got "${shown(v)}"`);
}

/**
 * 比例: a number in a cell formatted as %, the text "40%", or 0.4. A bare 40 (or "40") is refused
 * and asks for "40%": 40 could be a typo of 0.40 or of 40%, and a guess would move money.
 */
function readShare(cell: ReadCell | undefined, label: string): Read<string | null> {
  const v = cell?.value ?? null;
  if (isBlank(v)) return ok(null);
  const outOfRange = (d: string) => bad<string | null>(`「${label}」应大于 0% 且不超过 100%，实为「${d}」`, `"${label}" must be more than 0% and at most 100%, got "${d}"`);
  let share: string;
  if (typeof v === "number") {
    const percentCell = (cell?.numberFormat ?? "").includes("%");
    if (!percentCell && v > 1)
      return bad(`「${label}」为 ${v}，请写成百分比「${v}%」（或小数 ${dec(v).div(100).toString()}）`, `"${label}" is ${v}: write it as "${v}%" (or the fraction ${dec(v).div(100).toString()})`);
    share = dec(String(v)).toString();
  } else if (typeof v === "string") {
    const t = normalizeText(v);
    const percent = /^([-+]?\d+(?:\.\d+)?)%$/.exec(t);
    if (percent) share = dec(percent[1] ?? "0").div(100).toString();
    else if (/^[-+]?\d+(\.\d+)?$/.test(t)) {
      if (dec(t).greaterThan(1)) return bad(`「${label}」为「${v}」，请写成百分比「${t}%」（或小数 ${dec(t).div(100).toString()}）`, `"${label}" is "${v}": write it as "${t}%" (or the fraction ${dec(t).div(100).toString()})`);
      share = dec(t).toString();
    } else return bad(`「${label}」应为百分比，如 40%（或 0.4），实为「${v}」`, `"${label}" must be a percentage such as 40% (or 0.4), got "${v}"`);
  } else return bad(`「${label}」应为百分比，如 40%（或 0.4），实为「${shown(v)}」`, `"${label}" must be a percentage such as 40% (or 0.4), got "${shown(v)}"`);
  if (dec(share).lessThanOrEqualTo(0) || dec(share).greaterThan(1)) return outOfRange(`${dec(share).times(100).toString()}%`);
  return ok(share);
}

/** A whole number ≥ 0 of working days. */
function readDays(cell: ReadCell | undefined, label: string): Read<number | null> {
  const v = cell?.value ?? null;
  if (isBlank(v)) return ok(null);
  const t = typeof v === "number" ? String(v) : normalizeText(String(v)).replace(/个?工作日$/, "").replace(/天$/, "");
  if (/^\d+$/.test(t)) return ok(Number(t));
  return bad(`「${label}」应为工作日天数（不小于 0 的整数，如 30），实为「${shown(v)}」`, `"${label}" must be a whole number of working days (e.g. 30), got "${shown(v)}"`);
}

/** 笔次: 1, 2, 3 … ("第2笔" too). */
function readNumber(cell: ReadCell | undefined, label: string): Read<number | null> {
  const v = cell?.value ?? null;
  if (isBlank(v)) return ok(null);
  if (typeof v === "number" && Number.isInteger(v) && v >= 1) return ok(v);
  if (typeof v === "string") {
    const m = /^第?(\d+)笔?$/.exec(normalizeText(v));
    if (m && Number(m[1]) >= 1) return ok(Number(m[1]));
  }
  return bad(`「${label}」应为 1、2、3 …（正整数），实为「${shown(v)}」`, `"${label}" must be 1, 2, 3 … (a whole number ≥ 1), got "${shown(v)}"`);
}


/** Normalized name → the first of the given names lists that holds it (strict first, then loose). */
function matcher<T>(items: readonly T[], names: (t: T) => readonly string[]): (text: string) => T | undefined {
  const strict = new Map<string, T>();
  for (const item of items) for (const n of names(item)) if (!strict.has(normalizeHeader(n))) strict.set(normalizeHeader(n), item);
  const loose = new Map<string, T>();
  for (const item of items) for (const n of names(item)) if (!loose.has(looseHeader(n))) loose.set(looseHeader(n), item);
  return (text) => strict.get(normalizeHeader(text)) ?? strict.get(looseHeader(text)) ?? loose.get(looseHeader(text));
}

const infoParam = matcher(CONTRACT_INFO_PARAMS, (p) => [p.label, ...p.aliases]);
const termsColumn = matcher(PAYMENT_TERMS_COLUMNS, (c) => [c.header, ...c.aliases]);

/** The header row (among the first rows, the one with the most known names) and its columns. */
function headerRow<K extends string>(grid: SheetGrid, match: (text: string) => { key: K } | undefined): { row: number; cols: Map<K, number>; duplicates: [K, number, number][] } | null {
  let best: { row: number; cols: Map<K, number>; duplicates: [K, number, number][] } | null = null;
  for (const row of grid.rows.slice(0, HEADER_SEARCH_ROWS)) {
    const cols = new Map<K, number>();
    const duplicates: [K, number, number][] = [];
    for (const cell of grid.rowCells(row)) {
      if (typeof cell.value !== "string") continue;
      const spec = match(cell.value);
      if (!spec) continue;
      const prev = cols.get(spec.key);
      if (prev !== undefined) duplicates.push([spec.key, prev, cell.col]);
      else cols.set(spec.key, cell.col);
    }
    if (cols.size > 0 && (!best || cols.size > best.cols.size)) best = { row, cols, duplicates };
  }
  return best;
}

// ------------------------------------------------------------------------------------ the reader

interface InfoValue {
  cell: CellRef;
  read: ReadCell | undefined;
}

/**
 * Reads and checks 合同信息 and 付款条款. `ruleRows` (规则设置 as read) is needed for one check: a
 * 合同总额 given in both sheets must agree.
 */
export function readContractSheets(snapshot: WorkbookSnapshot, ruleRows: RuleRowsRead = { rows: null, cells: [] }): ContractSheets {
  const problems: LocatedProblem[] = [];
  const info = findSheet(snapshot, INPUT_SHEETS.contract);
  const terms = findSheet(snapshot, INPUT_SHEETS.paymentTerms);
  const out: ContractSheets = { contract: null, infoSheet: info?.name ?? null, termsSheet: terms?.name ?? null, problems };
  if (!info && !terms) return out;
  const seed = defaultRules().contract;
  const errorAt = (where: CellRef, zh: string, en: string, code = "bad-contract") => problems.push(located("error", code, where, zh, en));

  // 合同信息 -----------------------------------------------------------------------------
  const contract: ContractTerms = { ...seed };
  const values = new Map<InfoKey, InfoValue>();
  if (info) {
    let failed = false;
    const grid = new SheetGrid(info);
    const header = headerRow<"name" | "value">(grid, (t) => {
      const n = normalizeHeader(t);
      if (["参数", "参数名", "项目"].map(normalizeHeader).includes(n)) return { key: "name" };
      if (["值", "取值", "内容", "参数值"].map(normalizeHeader).includes(n)) return { key: "value" };
      return undefined;
    });
    const nameCol = header?.cols.get("name");
    const valueCol = header?.cols.get("value");
    if (!header || nameCol === undefined || valueCol === undefined) {
      failed = true;
      errorAt({ sheet: info.name, cell: null, indicator: "参数、值" }, `工作表「${info.name}」找不到表头行（应有：参数、值）`, `sheet "${info.name}" has no header row (expected: 参数, 值)`, "no-header");
    } else {
      for (const row of grid.rows.filter((r) => r > header.row)) {
        const labelCell = grid.cell(row, nameCol);
        const label = readText(labelCell);
        if (label === "") continue;
        const param = infoParam(label);
        const at: CellRef = { sheet: info.name, cell: a1(row, nameCol), indicator: label };
        if (!param) {
          failed = true;
          errorAt(at, `未知的合同参数「${label}」；可用：${CONTRACT_INFO_PARAMS.map((p) => p.label).join("、")}`, `unknown contract parameter "${label}"`, "unknown-setting");
          continue;
        }
        const prev = values.get(param.key);
        if (prev) {
          failed = true;
          errorAt(at, `合同参数「${param.label}」出现两次（另见 ${prev.cell.cell ?? ""}）`, `contract parameter "${param.label}" appears twice (see also ${prev.cell.cell ?? ""})`, "duplicate-setting");
          continue;
        }
        values.set(param.key, { cell: { sheet: info.name, cell: a1(row, valueCol), indicator: param.label }, read: grid.cell(row, valueCol) });
      }
    }
    const got = <T>(key: InfoKey, reader: (c: ReadCell | undefined, label: string) => Read<T | null>): T | null => {
      const param = CONTRACT_INFO_PARAMS.find((p) => p.key === key) as InfoParam;
      const v = values.get(key);
      const r = reader(v?.read, param.label);
      if (!r.ok) {
        failed = true;
        errorAt(v?.cell ?? { sheet: info.name, cell: null, indicator: param.label }, r.zh, r.en, "bad-value");
        return null;
      }
      if (r.value === null && param.required && !(key === "total" && ruleTotal(ruleRows) !== null)) {
        failed = true;
        errorAt(v?.cell ?? { sheet: info.name, cell: null, indicator: param.label }, v ? `「${param.label}」未填写（${param.help}）` : `工作表「${info.name}」缺少参数「${param.label}」（${param.help}）`, v ? `"${param.label}" is blank` : `sheet "${info.name}" has no "${param.label}" parameter`, "missing");
      }
      return r.value;
    };
    const text = (c: ReadCell | undefined): Read<string | null> => ok(readText(c) === "" ? null : readText(c));
    const title = got("title", text);
    const partyA = got("partyA", text);
    const partyB = got("partyB", text);
    const termStart = got("termStart", readDate);
    const termEnd = got("termEnd", readDate);
    const total = got("total", readAmount);
    const firstMonth = got("firstMonth", readMonth);
    const lastMonth = got("lastMonth", readMonth);
    const quarterly = got("quarterlyFee", readAmount);
    if (termStart !== null && termEnd !== null && termStart >= termEnd) {
      failed = true;
      const end = values.get("termEnd")?.cell as CellRef;
      errorAt(end, `合同期止 ${termEnd} 应晚于合同期起 ${termStart}（${values.get("termStart")?.cell.cell ?? ""}）`, `the term end ${termEnd} must be after the term start ${termStart}`);
    }
    if (firstMonth !== null && lastMonth !== null && firstMonth > lastMonth) {
      failed = true;
      const last = values.get("lastMonth")?.cell as CellRef;
      errorAt(last, `末个考核月份 ${lastMonth} 早于首个考核月份 ${firstMonth}（${values.get("firstMonth")?.cell.cell ?? ""}）`, `the last scored month ${lastMonth} is before the first ${firstMonth}`);
    }
    // 合同总额 in 规则设置 too (older workbooks): both given and different is an error naming both.
    const fromRules = ruleTotal(ruleRows);
    const totalAt = values.get("total")?.cell;
    if (total !== null && fromRules !== null && totalAt && !dec(total).equals(fromRules.value)) {
      failed = true;
      const other = fromRules.cell ? `「${fromRules.cell.sheet}」${fromRules.cell.cell ?? ""}` : `「${INPUT_SHEETS.rules}」`;
      errorAt(
        totalAt,
        `合同总额在「${info.name}」${totalAt.cell ?? ""} 为 ${total}，在${other} 为 ${fromRules.value}，两处不一致；请只保留一处（建议保留「${INPUT_SHEETS.contract}」）`,
        `the contract total is ${total} in ${info.name}!${totalAt.cell ?? ""} but ${fromRules.value} in ${fromRules.cell?.sheet ?? INPUT_SHEETS.rules}!${fromRules.cell?.cell ?? ""}: keep one`,
        "total-conflict",
      );
    }
    if (failed) return out;
    contract.title = title ?? seed.title;
    contract.partyA = partyA ?? seed.partyA;
    contract.partyB = partyB ?? seed.partyB;
    contract.termStart = termStart ?? seed.termStart;
    contract.termEnd = termEnd ?? seed.termEnd;
    if (total !== null) contract.total = total;
    contract.firstMonth = firstMonth ?? seed.firstMonth;
    contract.lastMonth = lastMonth ?? seed.lastMonth;
    contract.quarterlyFee = quarterly;
  }

  // 付款条款 -----------------------------------------------------------------------------
  const scoredLabel = `${contract.firstMonth} 至 ${contract.lastMonth}`;
  const scoredFrom = info ? `（「${info.name}」的首个/末个考核月份）` : "（默认合同）";
  if (!terms) {
    // The seed's instalments, which must fit the scored months 合同信息 gives.
    const outside = contract.instalments.filter((i) => i.months && (i.months.from < contract.firstMonth || i.months.to > contract.lastMonth));
    if (outside.length > 0) {
      errorAt(
        { sheet: INPUT_SHEETS.paymentTerms, cell: null, indicator: INPUT_SHEETS.paymentTerms },
        `工作簿没有「${INPUT_SHEETS.paymentTerms}」工作表，默认付款条款的考核期间（${outside.map((i) => `第${i.number}笔 ${i.months?.from ?? ""} 至 ${i.months?.to ?? ""}`).join("、")}）不在考核月份 ${scoredLabel} 内；请添加「${INPUT_SHEETS.paymentTerms}」（命令 template 会生成）`,
        `the workbook has no "${INPUT_SHEETS.paymentTerms}" sheet and the default instalment periods lie outside the scored months ${scoredLabel}: add the sheet (the template command writes it)`,
        "missing-sheet",
      );
      return out;
    }
    out.contract = contract;
    return out;
  }

  const grid = new SheetGrid(terms);
  const header = headerRow<TermsKey>(grid, termsColumn);
  if (!header) {
    errorAt({ sheet: terms.name, cell: null, indicator: PAYMENT_TERMS_COLUMNS.map((c) => c.header).join("、") }, `工作表「${terms.name}」找不到表头行（应有：${PAYMENT_TERMS_COLUMNS.filter((c) => c.required).map((c) => c.header).join("、")}）`, `sheet "${terms.name}" has no header row`, "no-header");
    return out;
  }
  let failed = false;
  const headerOf = (key: TermsKey) => (PAYMENT_TERMS_COLUMNS.find((c) => c.key === key) as TermsColumn).header;
  for (const [key, first, second] of header.duplicates) {
    failed = true;
    errorAt({ sheet: terms.name, cell: a1(header.row, second), indicator: headerOf(key) }, `工作表「${terms.name}」有两列都是「${headerOf(key)}」（${a1(header.row, first)} 与 ${a1(header.row, second)}）`, `sheet "${terms.name}" has two "${headerOf(key)}" columns`, "duplicate-column");
  }
  for (const c of PAYMENT_TERMS_COLUMNS)
    if (c.required && !header.cols.has(c.key)) {
      failed = true;
      errorAt({ sheet: terms.name, cell: null, indicator: c.header }, `工作表「${terms.name}」的表头（第 ${header.row} 行）缺少「${c.header}」列`, `sheet "${terms.name}": the header (row ${header.row}) has no "${c.header}" column`, "missing-column");
    }
  if (failed) return out;
  const col = (key: TermsKey) => header.cols.get(key);
  const ref = (row: number, key: TermsKey): CellRef => {
    const c = col(key);
    return { sheet: terms.name, cell: c === undefined ? null : a1(row, c), indicator: headerOf(key) };
  };
  const cellAt = (row: number, key: TermsKey): ReadCell | undefined => {
    const c = col(key);
    return c === undefined ? undefined : grid.cell(row, c);
  };
  const field = <T>(row: number, key: TermsKey, reader: (c: ReadCell | undefined, label: string) => Read<T | null>): T | null => {
    const r = reader(cellAt(row, key), headerOf(key));
    if (r.ok) return r.value;
    failed = true;
    errorAt(ref(row, key), r.zh, r.en, "bad-value");
    return null;
  };
  const known = [...header.cols.values()];
  const rows = grid.rows.filter((r) => r > header.row && known.some((c) => !isBlank(grid.cell(r, c)?.value)));
  interface Parsed {
    row: number;
    number: number;
    share: string;
    months: { from: MonthKey; to: MonthKey } | null;
    notBefore: IsoDate | null;
    days: number;
    condition: string;
  }
  const parsed: Parsed[] = [];
  const numberRow = new Map<number, number>();
  for (const row of rows) {
    const number = field(row, "number", readNumber);
    const share = field(row, "share", readShare);
    const from = field(row, "from", readMonth);
    const to = field(row, "to", readMonth);
    const notBefore = field(row, "notBefore", readDate);
    const days = field(row, "days", readDays);
    const condition = readText(cellAt(row, "condition"));
    const need = (key: TermsKey, v: unknown, what: string) => {
      if (v !== null || !isBlank(cellAt(row, key)?.value)) return;
      failed = true;
      errorAt(ref(row, key), `付款条款第 ${row} 行未填「${headerOf(key)}」（${what}）`, `payment terms row ${row}: "${headerOf(key)}" is blank`, "missing");
    };
    need("number", number, "1、2、3 …");
    need("share", share, "如 40%");
    need("days", days, "如 30");
    if ((from === null) !== (to === null) && (isBlank(cellAt(row, "from")?.value) || isBlank(cellAt(row, "to")?.value))) {
      failed = true;
      const blank: TermsKey = from === null ? "from" : "to";
      errorAt(ref(row, blank), `「考核月份起」与「考核月份止」应同时填写（本笔与考核得分挂钩）或同时留空（不挂钩），第 ${row} 行只填了一个`, `"考核月份起" and "考核月份止" must both be given (tied to the scores) or both be blank, row ${row} has one`, "missing");
    }
    if (from !== null && to !== null) {
      if (from > to) {
        failed = true;
        errorAt(ref(row, "to"), `考核月份止 ${to} 早于考核月份起 ${from}（${ref(row, "from").cell ?? ""}）`, `the period ends ${to}, before it starts ${from}`, "bad-period");
      } else {
        for (const [key, m] of [["from", from], ["to", to]] as const)
          if (m < contract.firstMonth || m > contract.lastMonth) {
            failed = true;
            errorAt(ref(row, key), `${headerOf(key)} ${m} 不在考核月份 ${scoredLabel} 内${scoredFrom}`, `${m} lies outside the scored months ${scoredLabel}`, "bad-period");
          }
      }
    }
    if (number !== null) {
      const prev = numberRow.get(number);
      if (prev !== undefined) {
        failed = true;
        errorAt(ref(row, "number"), `第${number}笔在「${terms.name}」中出现两次（另见第 ${prev} 行）`, `instalment ${number} appears twice (see also row ${prev})`, "duplicate-instalment");
      } else numberRow.set(number, row);
    }
    if (number === null || share === null || days === null) continue;
    parsed.push({ row, number, share, months: from !== null && to !== null && from <= to ? { from, to } : null, notBefore, days, condition });
  }
  if (rows.length === 0) {
    errorAt({ sheet: terms.name, cell: null, indicator: "笔次" }, `工作表「${terms.name}」没有任何付款条款（每笔一行）`, `sheet "${terms.name}" lists no instalment`, "missing");
    return out;
  }
  if (failed) return out;
  parsed.sort((x, y) => x.number - y.number);

  // Shares add up to exactly 100%: named at the last instalment's 比例.
  const sum = parsed.reduce((acc, p) => acc.plus(p.share), dec(0));
  if (!sum.equals(1)) {
    const last = parsed[parsed.length - 1] as Parsed;
    errorAt(ref(last.row, "share"), `各笔比例之和应为 100%，实为 ${sum.times(100).toString()}%（${parsed.map((p) => `第${p.number}笔 ${dec(p.share).times(100).toString()}%`).join(" + ")}）`, `the shares add up to ${sum.times(100).toString()}%, not 100%`, "bad-shares");
    return out;
  }
  // Periods do not overlap: named at the later instalment's 考核月份起.
  const tied = parsed.filter((p) => p.months !== null);
  for (let i = 0; i < tied.length; i++)
    for (let j = 0; j < i; j++) {
      const a = tied[j] as Parsed;
      const b = tied[i] as Parsed;
      if (!a.months || !b.months || a.months.to < b.months.from || b.months.to < a.months.from) continue;
      const [earlier, later] = a.row < b.row ? [a, b] : [b, a];
      failed = true;
      errorAt(ref(later.row, "from"), `第${later.number}笔的考核期间 ${later.months?.from ?? ""} 至 ${later.months?.to ?? ""} 与第${earlier.number}笔的 ${earlier.months?.from ?? ""} 至 ${earlier.months?.to ?? ""}（第 ${earlier.row} 行）重叠：同一个月只能计入一笔`, `instalment ${later.number}'s period overlaps instalment ${earlier.number}'s`, "bad-period");
    }
  if (failed) return out;

  contract.instalments = parsed.map(
    (p): InstalmentTerms => ({
      number: p.number,
      share: p.share,
      months: p.months,
      dueWorkingDays: p.days,
      condition: p.condition !== "" ? p.condition : conditionWords(p.days, p.months),
      invoiceNotBefore: p.notBefore,
    }),
  );
  out.contract = contract;
  return out;
}

/** The words of an instalment's condition when 付款条件 is left blank. */
export function conditionWords(days: number, months: { from: MonthKey; to: MonthKey } | null): string {
  const period = months ? `以${monthLabel(months.from)}至${monthLabel(months.to)}平均得分为准，` : "";
  return `${period}乙方提供等额发票，甲方收到发票后的${days}个工作日内支付`;
}

/** 合同总额 as 规则设置 gives it (and where), or null. */
function ruleTotal(rules: RuleRowsRead): { value: string; cell: CellRef | null } | null {
  const rows = rules.rows ?? [];
  for (const [i, row] of rows.entries()) {
    if (findRuleSetting(row.label)?.label !== "合同总额") continue;
    if (row.value === null || String(row.value).trim() === "") return null;
    const t = String(row.value).replace(/[\s,元¥￥]/g, "");
    if (!/^[-+]?\d+(\.\d+)?$/.test(t)) return null; // unreadable: 规则设置's own error
    return { value: dec(t).toString(), cell: rules.cells[i]?.value ?? null };
  }
  return null;
}

/**
 * The rule set with the contract the sheets give (base's when they give none). A contract other
 * than the base's renames the rule set, so the printed sheets say which terms they used.
 */
export function rulesWithContract(contract: ContractTerms | null, base: RuleSet = defaultRules()): RuleSet {
  if (contract === null || sameContract(contract, base.contract)) return base;
  return {
    ...base,
    version: `${base.version}+合同信息`,
    name: `${contract.title}（按工作簿「${INPUT_SHEETS.contract}」「${INPUT_SHEETS.paymentTerms}」）`,
    contract,
  };
}

const sameAmount = (a: string | null, b: string | null) => (a === null || b === null ? a === b : dec(a).equals(b));

/** The same terms, amounts and shares compared as numbers ("0.4" is "0.40", "689000" is "689000.00"). */
export function sameContract(a: ContractTerms, b: ContractTerms): boolean {
  const { instalments: ai, total: at, quarterlyFee: aq, ...aRest } = a;
  const { instalments: bi, total: bt, quarterlyFee: bq, ...bRest } = b;
  if (JSON.stringify(aRest) !== JSON.stringify(bRest) || !sameAmount(at, bt) || !sameAmount(aq, bq) || ai.length !== bi.length) return false;
  return ai.every((x, i) => {
    const y = bi[i] as InstalmentTerms;
    return (
      x.number === y.number &&
      dec(x.share).equals(y.share) &&
      JSON.stringify(x.months) === JSON.stringify(y.months) &&
      x.dueWorkingDays === y.dueWorkingDays &&
      x.condition === y.condition &&
      x.invoiceNotBefore === y.invoiceNotBefore
    );
  });
}
