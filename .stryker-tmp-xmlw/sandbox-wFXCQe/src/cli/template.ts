/**
 * `hotline-scorecard template [--from 2026-12] [--to 2027-11 | --months 12] [--term-start 2026-12-04]
 * [--term-end 2027-12-03] [--total 720000] -o FILE.xlsx [--force]`: writes a fresh workbook for a
 * contract (SPEC §9) — one 附件二 sheet per scored month, 合同信息 and 付款条款 pre-filled (the seed's
 * 40/50/10 split and periods shifted to the term, ready to edit), and the input sheets (指标录入,
 * 加减分事件, 报告提交, 付款记录, 规则设置, 节假日安排). Bad arguments: exit 2, nothing written.
 * An existing file is kept unless --force.
 */
// @ts-nocheck

import { existsSync } from "fs";
import { writeFile } from "fs/promises";
import { addDays, addMonths, dec, defaultRules, IsoDate, MonthKey, monthOf, monthRange, parseDate, parseMonth, yuanText } from "../domain";
import { writeNewWorkbook } from "../hosts/file/new-workbook";
import { NODE_ZLIB } from "../hosts/file/node-zlib";
import { buildTemplate, templateContract, templatePlan } from "../workbook/sheets/template";
import type { Io } from "./io";

const SEED = defaultRules().contract;
const SEED_MONTHS = monthRange(SEED.firstMonth, SEED.lastMonth).length;

export const TEMPLATE_USAGE = `用法 / usage:
  hotline-scorecard template [--from 2026-12] [--to 2027-11 | --months 12]
                             [--term-start 2026-12-04] [--term-end 2027-12-03] [--total 720000]
                             -o FILE.xlsx [--force]
    --from        首个考核月份（默认合同期起所在月，否则 ${SEED.firstMonth}）/ first scored month
    --to          末个考核月份（与 --months 二选一）/ last scored month (or --months)
    --months      考核月数 1–36（默认 ${SEED_MONTHS}）/ number of scored months
    --term-start  合同期起（默认按原合同顺延：首个考核月份的 ${SEED.termStart.slice(8)} 日）/ first day of the term
    --term-end    合同期止（默认末个考核月份次月的 ${SEED.termEnd.slice(8)} 日）/ last day of the term
    --total       合同总额（元，含税；默认 ${SEED.total}）/ the contract total
    -o            输出文件 .xlsx / output file
    --force       覆盖已存在的文件 / overwrite an existing file
  写入「合同信息」「付款条款」（按 40%/50%/10% 及原合同的考核期间顺延，可直接修改）、每月考核表及录入表。
  writes 合同信息 and 付款条款 (the seed's split and periods shifted to the term, ready to edit), the monthly sheets and the input sheets.`;

export interface TemplateArgs {
  /** First and last scored month. */
  from: MonthKey;
  to: MonthKey;
  /** Number of scored months (from … to). */
  months: number;
  termStart: IsoDate | null;
  termEnd: IsoDate | null;
  /** 合同总额 as a decimal string; null = the seed's. */
  total: string | null;
  output: string;
  force: boolean;
}

/** Parses the arguments; returns the problems (zh-CN / English) instead when they are bad. */
export function parseTemplateArgs(args: readonly string[]): { ok: true; value: TemplateArgs } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  let from: MonthKey | null = null;
  let to: MonthKey | null = null;
  let months: number | null = null;
  let termStart: IsoDate | null = null;
  let termEnd: IsoDate | null = null;
  let total: string | null = null;
  let output: string | null = null;
  let force = false;
  const seen = new Set<string>();

  for (let i = 0; i < args.length; i++) {
    const raw = args[i] ?? "";
    const eq = raw.startsWith("--") ? raw.indexOf("=") : -1;
    const flag = eq > 0 ? raw.slice(0, eq) : raw;
    const inline = eq > 0 ? raw.slice(eq + 1) : undefined;
    const takeValue = (): string | null => {
      if (inline !== undefined) return inline;
      const next = args[i + 1];
      if (next === undefined || (next.startsWith("-") && next.length > 1)) {
        errors.push(`参数 ${flag} 缺少取值 / ${flag} needs a value`);
        return null;
      }
      i++;
      return next;
    };
    const once = (name: string) => {
      if (seen.has(name)) errors.push(`参数 ${name} 重复 / ${name} given twice`);
      seen.add(name);
    };
    const month = (name: string): MonthKey | null => {
      once(name);
      const v = takeValue();
      if (v === null) return null;
      const m = parseMonth(v);
      if (m === null) errors.push(`${name}「${v}」不是月份，应如 2024-12 / ${name} "${v}" is not a month, expected e.g. 2024-12`);
      return m;
    };
    const date = (name: string): IsoDate | null => {
      once(name);
      const v = takeValue();
      if (v === null) return null;
      const d = parseDate(v);
      if (d === null) errors.push(`${name}「${v}」不是真实存在的日期，应如 2026-12-04 / ${name} "${v}" is not a real date, expected e.g. 2026-12-04`);
      return d;
    };
    switch (flag) {
      case "--from":
        from = month("--from") ?? from;
        break;
      case "--to":
        to = month("--to") ?? to;
        break;
      case "--months": {
        once("--months");
        const v = takeValue();
        if (v === null) break;
        const n = /^\d+$/.test(v.trim()) ? Number(v.trim()) : NaN;
        if (!Number.isInteger(n) || n < 1 || n > 36) errors.push(`--months「${v}」应为 1–36 的整数 / --months "${v}" must be a whole number 1–36`);
        else months = n;
        break;
      }
      case "--term-start":
        termStart = date("--term-start") ?? termStart;
        break;
      case "--term-end":
        termEnd = date("--term-end") ?? termEnd;
        break;
      case "--total": {
        once("--total");
        const v = takeValue();
        if (v === null) break;
        const t = v.replace(/[,，\s元¥￥]/g, "");
        if (!/^\d+(\.\d{1,2})?$/.test(t) || dec(t).lessThanOrEqualTo(0)) errors.push(`--total「${v}」应为大于 0 的金额（元，最多两位小数），如 720000 / --total "${v}" must be an amount > 0 (yuan, at most 2 decimals), e.g. 720000`);
        else total = dec(t).toFixed(2);
        break;
      }
      case "-o":
      case "--output": {
        once("-o");
        const v = takeValue();
        if (v === null) break;
        if (!/\.xlsx$/i.test(v)) errors.push(`输出文件「${v}」应以 .xlsx 结尾 / output "${v}" must end in .xlsx`);
        else output = v;
        break;
      }
      case "--force":
      case "-f":
        if (inline !== undefined) errors.push(`--force 不带取值 / --force takes no value`);
        force = true;
        break;
      default:
        errors.push(`未知参数「${raw}」/ unknown argument "${raw}"`);
    }
  }
  if (output === null && !seen.has("-o")) errors.push("缺少输出文件 -o FILE.xlsx / missing the output file -o FILE.xlsx");
  if (termStart !== null && termEnd !== null && termStart >= termEnd)
    errors.push(`--term-end ${termEnd} 应晚于 --term-start ${termStart} / the term must end after it starts`);
  if (to !== null && months !== null) errors.push("--to 与 --months 只能给一个 / give --to or --months, not both");

  // The scored months: --from (else the month the term starts, else the seed's first month), then
  // --to, --months, or the month before the one after the term ends, else as many as the seed has.
  const first: MonthKey = from ?? (termStart !== null ? monthOf(termStart) : SEED.firstMonth);
  let last: MonthKey;
  if (to !== null) last = to;
  else if (months !== null) last = addMonths(first, months - 1);
  else if (termEnd !== null) last = addMonths(monthOf(addDays(termEnd, 1)), -1);
  else last = addMonths(first, SEED_MONTHS - 1);
  if (last < first) errors.push(`末个考核月份 ${last} 早于首个考核月份 ${first} / the last scored month ${last} is before the first ${first}`);
  const count = last < first ? 0 : monthRange(first, last).length;
  if (last >= first && count > 36) errors.push(`考核月份 ${first} 至 ${last} 共 ${count} 个月，超过 36 个月 / ${count} scored months: at most 36`);
  if (errors.length === 0) {
    const c = templateContract({ firstMonth: first, lastMonth: last, ...(termStart ? { termStart } : {}), ...(termEnd ? { termEnd } : {}) });
    if (c.termStart >= c.termEnd) errors.push(`合同期止 ${c.termEnd} 应晚于合同期起 ${c.termStart}：请给出 --term-start 与 --term-end / the term ${c.termStart} … ${c.termEnd} is empty: give --term-start and --term-end`);
  }
  if (errors.length > 0 || output === null) return { ok: false, errors };
  return { ok: true, value: { from: first, to: last, months: count, termStart, termEnd, total, output, force } };
}

export async function runTemplate(args: string[], io: Io): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    io.out(TEMPLATE_USAGE);
    return 0;
  }
  const parsed = parseTemplateArgs(args);
  if (!parsed.ok) {
    for (const e of parsed.errors) io.err(`错误 / error: ${e}`);
    io.err(TEMPLATE_USAGE);
    return 2;
  }
  const { from, to, months, termStart, termEnd, total, output, force } = parsed.value;
  const contract = templateContract({ firstMonth: from, lastMonth: to, ...(termStart ? { termStart } : {}), ...(termEnd ? { termEnd } : {}), ...(total ? { total } : {}) });
  if (!force && existsSync(output)) {
    io.err(`文件「${output}」已存在，未覆盖；如需覆盖请加 --force / "${output}" exists and was not overwritten; add --force to replace it`);
    return 2;
  }
  const buffer = await writeNewWorkbook(templatePlan(buildTemplate({ from, months, contract })), NODE_ZLIB);
  try {
    await writeFile(output, buffer, { flag: force ? "w" : "wx" });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EEXIST") {
      io.err(`文件「${output}」已存在，未覆盖；如需覆盖请加 --force / "${output}" exists and was not overwritten; add --force to replace it`);
      return 2;
    }
    if (code === "ENOENT" || code === "EACCES" || code === "EISDIR" || code === "ENOTDIR") {
      io.err(`无法写入「${output}」（${code}）/ cannot write "${output}" (${code})`);
      return 2;
    }
    throw e;
  }
  const shares = contract.instalments.map((i) => `${dec(i.share).times(100).toString()}%`).join("/");
  io.out(`已生成模板 ${output}：${months} 个月（${from} 至 ${to}）的考核表，合同信息（合同期 ${contract.termStart} 至 ${contract.termEnd}，合同总额 ${yuanText(contract.total)}${total === null ? "，未给 --total，沿用原合同金额" : ""}）、付款条款（${shares}，请按新合同核对修改），及 指标录入、加减分事件、报告提交、付款记录、规则设置、节假日安排`);
  io.out(`template written to ${output}: ${months} monthly sheet(s) ${from} … ${to}, 合同信息 (term ${contract.termStart} … ${contract.termEnd}, total ${contract.total}), 付款条款 (${shares}: check them against the new contract) and the input sheets`);
  return 0;
}
