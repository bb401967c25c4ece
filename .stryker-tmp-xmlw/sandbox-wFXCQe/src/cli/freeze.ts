/**
 * `hotline-scorecard freeze IN.xlsx --month 2025-10 --by 张三 -o OUT.xlsx [--note …] [--as-of DATE]`:
 * 定稿 — freezes a month for signature. Refused (exit 2, nothing written) unless the month scores
 * without errors; records the 审计记录 row (time, rule set, SHA-256 fingerprint of the month's
 * inputs and scores, its cells) and protects the month's scorecard sheet (no password).
 *
 * `hotline-scorecard unfreeze IN.xlsx --month 2025-10 --by 张三 --reason "…" -o OUT.xlsx`:
 * 解除定稿 — on purpose, with a reason, recorded in 审计记录; the sheet is unprotected and the next
 * score run rewrites the month.
 */
// @ts-nocheck

import { isIsoDate, IsoDate, monthLabel, MonthKey, parseMonth } from "../domain";
import { problemLine } from "../workbook/read/located";
import { planFreezeMonth, planUnfreezeMonth, TrustResult } from "../workbook/plan";
import { xmlSafeText } from "../workbook/sheets/excel-limits";
import { clockOf, localNow, localToday, oneInput, openWorkbook, ParsedArgs, parseArgs, requiredOption, saveWorkbook } from "./io";
import type { Io } from "./io";

export const FREEZE_USAGE = `用法 / usage:
  hotline-scorecard freeze IN.xlsx --month 2025-10 --by 张三 -o OUT.xlsx [--note 说明] [--as-of YYYY-MM-DD]
    --month    要定稿的考核月份 / the month to freeze
    --by       定稿人（记入「审计记录」）/ who freezes it (recorded)
    --note     说明（可选）/ a note (optional)
    -o         输出文件 / output file
  定稿后该月考核表受保护（无密码，仅防误改），以后的评分不再改写该月；该月输入或得分如有改动，每次评分都会提示。`;

export const UNFREEZE_USAGE = `用法 / usage:
  hotline-scorecard unfreeze IN.xlsx --month 2025-10 --by 张三 --reason "原因" -o OUT.xlsx
    --month    要解除定稿的考核月份 / the month to unfreeze
    --by       操作人（记入「审计记录」）/ who unfreezes it (recorded)
    --reason   解除原因（必填，记入「审计记录」）/ why (required, recorded)
    -o         输出文件 / output file`;

const COMMON: Record<string, string> = { "-o": "--output", "--output": "--output", "--month": "--month", "--by": "--by" };

interface Parsed {
  input: string;
  output: string;
  month: MonthKey;
  who: string;
}

function parseCommon(parsed: ParsedArgs): Parsed | null {
  const input = oneInput(parsed);
  const output = requiredOption(parsed, "--output", "输出文件 -o OUT.xlsx", "the output file -o OUT.xlsx");
  const monthText = requiredOption(parsed, "--month", "考核月份，如 2025-10", "the month, e.g. 2025-10");
  // Texts that go into the workbook: the characters XML 1.0 cannot hold (a U+0001 pasted in a
  // terminal) removed before anything else looks at them — a name of such characters alone is missing.
  cleanText(parsed, "--by");
  const who = requiredOption(parsed, "--by", "操作人姓名", "who does it");
  let month: MonthKey | null = null;
  if (monthText !== null) {
    month = parseMonth(monthText);
    if (month === null) parsed.errors.push(`--month「${monthText}」不是月份，应如 2025-10 / --month "${monthText}" is not a month, expected e.g. 2025-10`);
  }
  if (parsed.errors.length > 0 || input === null || output === null || month === null || who === null) return null;
  return { input, output, month, who };
}

/** The option's value with the characters XML 1.0 cannot hold removed (src/workbook/sheets/excel-limits.ts). */
function cleanText(parsed: ParsedArgs, name: string): void {
  const v = parsed.values.get(name);
  if (v !== undefined) parsed.values.set(name, xmlSafeText(v));
}

function usageError(parsed: ParsedArgs, usage: string, io: Io): number {
  for (const e of parsed.errors) io.err(e);
  io.err(usage);
  return 2;
}

/** Prints the refusal (every problem, then the "nothing written" line): exit 2. */
function refusal(result: Extract<TrustResult, { ok: false }>, io: Io): number {
  for (const p of result.errors) io.err(problemLine(p));
  io.err(`共 ${result.errors.length} 个错误，未写入任何文件 / ${result.errors.length} error(s); nothing was written`);
  return 2;
}

export async function runFreeze(args: string[], io: Io): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    io.out(FREEZE_USAGE);
    return 0;
  }
  const parsed = parseArgs(args, { ...COMMON, "--note": "--note", "--as-of": "--as-of" });
  cleanText(parsed, "--note");
  const common = parseCommon(parsed);
  const asOfText = parsed.values.get("--as-of");
  let asOf: IsoDate = localToday(clockOf(io));
  if (asOfText !== undefined) {
    if (isIsoDate(asOfText)) asOf = asOfText;
    else parsed.errors.push(`--as-of「${asOfText}」不是有效日期（应如 2025-12-05）/ --as-of "${asOfText}" is not a date (YYYY-MM-DD)`);
  }
  if (!common || parsed.errors.length > 0) return usageError(parsed, FREEZE_USAGE, io);

  const adapter = await openWorkbook(common.input, io);
  if (!adapter) return 2;
  const now = localNow(clockOf(io));
  const note = parsed.values.get("--note");
  const result = await planFreezeMonth(await adapter.read(), { month: common.month, who: common.who, now, ...(note !== undefined ? { note } : {}) }, { asOf });
  if (!result.ok) return refusal(result, io);
  await adapter.apply(result.plan);
  if (!(await saveWorkbook(adapter, common.output, io))) return 2;

  io.out(`已定稿 / frozen: ${monthLabel(common.month)}（${common.who}，${now}）`);
  io.out(`指纹 / fingerprint (SHA-256): ${result.fingerprint}`);
  if (result.cellsWritten > 0) io.out(`写入该月得分单元格 ${result.cellsWritten} 个，原内容已记入「撤销记录」/ ${result.cellsWritten} owned cell(s) written; their previous content is kept in 撤销记录`);
  io.out(`工作表「${result.sheet ?? ""}」已保护（无密码，仅防误改）/ sheet protected (no password: a guard against slips, not a lock)`);
  for (const w of result.warnings) io.out(`提示：${problemLine(w, false)}`);
  io.out(`已写入 / written: ${common.output}`);
  return 0;
}

export async function runUnfreeze(args: string[], io: Io): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    io.out(UNFREEZE_USAGE);
    return 0;
  }
  const parsed = parseArgs(args, { ...COMMON, "--reason": "--reason" });
  cleanText(parsed, "--reason");
  const common = parseCommon(parsed);
  const reason = requiredOption(parsed, "--reason", "解除定稿的原因", "why the month is unfrozen");
  if (!common || reason === null || parsed.errors.length > 0) return usageError(parsed, UNFREEZE_USAGE, io);

  const adapter = await openWorkbook(common.input, io);
  if (!adapter) return 2;
  const now = localNow(clockOf(io));
  const result = planUnfreezeMonth(await adapter.read(), { month: common.month, who: common.who, now, reason });
  if (!result.ok) return refusal(result, io);
  await adapter.apply(result.plan);
  if (!(await saveWorkbook(adapter, common.output, io))) return 2;

  io.out(`已解除定稿 / unfrozen: ${monthLabel(common.month)}（${common.who}，${now}，原因：${reason}）`);
  if (result.sheet) io.out(`工作表「${result.sheet}」已取消保护；下次评分将重新写入该月 / sheet unprotected; the next score run rewrites the month`);
  io.out(`已写入 / written: ${common.output}`);
  return 0;
}
