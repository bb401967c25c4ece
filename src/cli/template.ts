/**
 * `hotline-scorecard template [--from 2024-12] [--months 12] -o FILE.xlsx [--force]`: writes a
 * fresh workbook — one 附件二 sheet per month and the input sheets (指标录入, 加减分事件, 报告提交,
 * 付款记录, 规则设置). Bad arguments: exit 2, nothing written. An existing file is kept unless --force.
 */
import { existsSync } from "fs";
import { writeFile } from "fs/promises";
import { addMonths, DEFAULT_RULES, monthRange, parseMonth } from "../domain";
import { writeNewWorkbook } from "../hosts/file/new-workbook";
import { buildTemplate, templatePlan } from "../workbook/sheets/template";
import type { Io } from "./io";

export const TEMPLATE_USAGE = `用法 / usage:
  hotline-scorecard template [--from 2024-12] [--months 12] -o FILE.xlsx [--force]
    --from     第一个考核月份（默认合同首月 ${DEFAULT_RULES.contract.firstMonth}）/ first month (default: the contract's first)
    --months   月份数 1–36（默认合同期 ${monthRange(DEFAULT_RULES.contract.firstMonth, DEFAULT_RULES.contract.lastMonth).length} 个月）/ number of months
    -o         输出文件 .xlsx / output file
    --force    覆盖已存在的文件 / overwrite an existing file`;

export interface TemplateArgs {
  from: string;
  months: number;
  output: string;
  force: boolean;
}

/** Parses the arguments; returns the problems (zh-CN / English) instead when they are bad. */
export function parseTemplateArgs(args: readonly string[]): { ok: true; value: TemplateArgs } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  let from: string = DEFAULT_RULES.contract.firstMonth;
  let months = monthRange(DEFAULT_RULES.contract.firstMonth, DEFAULT_RULES.contract.lastMonth).length;
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
    switch (flag) {
      case "--from": {
        once("--from");
        const v = takeValue();
        if (v === null) break;
        const m = parseMonth(v);
        if (m === null) errors.push(`--from「${v}」不是月份，应如 2024-12 / --from "${v}" is not a month, expected e.g. 2024-12`);
        else from = m;
        break;
      }
      case "--months": {
        once("--months");
        const v = takeValue();
        if (v === null) break;
        const n = /^\d+$/.test(v.trim()) ? Number(v.trim()) : NaN;
        if (!Number.isInteger(n) || n < 1 || n > 36) errors.push(`--months「${v}」应为 1–36 的整数 / --months "${v}" must be a whole number 1–36`);
        else months = n;
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
  if (errors.length > 0 || output === null) return { ok: false, errors };
  return { ok: true, value: { from, months, output, force } };
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
  const { from, months, output, force } = parsed.value;
  if (!force && existsSync(output)) {
    io.err(`文件「${output}」已存在，未覆盖；如需覆盖请加 --force / "${output}" exists and was not overwritten; add --force to replace it`);
    return 2;
  }
  const buffer = await writeNewWorkbook(templatePlan(buildTemplate({ from, months })));
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
  const last = addMonths(from, months - 1);
  io.out(`已生成模板 ${output}：${months} 个月（${from} 至 ${last}）的考核表及 指标录入、加减分事件、报告提交、付款记录、规则设置`);
  io.out(`template written to ${output}: ${months} monthly sheet(s) ${from} … ${last} and the input sheets`);
  return 0;
}

