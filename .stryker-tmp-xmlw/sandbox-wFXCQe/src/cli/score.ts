/**
 * `hotline-scorecard score IN.xlsx -o OUT.xlsx [--json] [--as-of YYYY-MM-DD]` (SPEC §8): reads the
 * workbook, scores every monthly scorecard, settles the instalments, and writes the scored copy —
 * only the owned cells change. Exit 0 on success; 2 on bad input, with every problem on stderr
 * (sheet, cell, indicator) and no output file; 1 on an unexpected failure.
 */
// @ts-nocheck

import { isIsoDate, IsoDate, yuanText, fixed2 } from "../domain";
import { problemLine } from "../workbook/read/located";
import { buildPaymentSheet } from "../workbook/sheets/payment-sheet";
import { runWorkbookAsync, RunResult } from "../workbook/plan";
import { clockOf, localNow, localToday, openWorkbook, saveWorkbook } from "./io";
import type { Io } from "./io";
import { formatTable } from "./table";

export { localToday };

export const SCORE_USAGE = `用法 / usage:
  hotline-scorecard score IN.xlsx -o OUT.xlsx [--json] [--as-of YYYY-MM-DD]
    -o, --output FILE   评分后的工作簿写到此处 / where the scored workbook is written
    --json              在标准输出打印 JSON 结果 / print the result as JSON on stdout
    --as-of DATE        计算逾期天数的"今天"（默认本机当天）/ "today" for days late (default: local today)`;

export interface ScoreArgs {
  input: string;
  output: string;
  json: boolean;
  asOf: IsoDate;
}

export function parseScoreArgs(args: readonly string[], today: IsoDate): { ok: true; value: ScoreArgs } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const positional: string[] = [];
  let output: string | null = null;
  let json = false;
  let asOf: IsoDate = today;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    const next = () => {
      const v = args[i + 1];
      i++;
      if (v === undefined || v.startsWith("--")) {
        errors.push(`选项 ${a} 缺少取值 / option ${a} needs a value`);
        return null;
      }
      return v;
    };
    if (a === "-o" || a === "--output") output = next() ?? output;
    else if (a.startsWith("--output=")) output = a.slice("--output=".length);
    else if (a === "--json") json = true;
    else if (a === "--as-of" || a.startsWith("--as-of=")) {
      const v = a === "--as-of" ? next() : a.slice("--as-of=".length);
      if (v !== null) {
        if (isIsoDate(v)) asOf = v;
        else errors.push(`--as-of「${v}」不是有效日期（应如 2025-12-05）/ --as-of "${v}" is not a date (YYYY-MM-DD)`);
      }
    } else if (a.startsWith("-") && a !== "-") errors.push(`未知选项「${a}」/ unknown option "${a}"`);
    else positional.push(a);
  }
  if (positional.length === 0) errors.push("缺少输入文件 IN.xlsx / missing the input file IN.xlsx");
  if (positional.length > 1) errors.push(`只能给一个输入文件，实为：${positional.join("、")} / one input file only, got: ${positional.join(", ")}`);
  if (output === null) errors.push("缺少 -o OUT.xlsx / missing -o OUT.xlsx");
  if (errors.length > 0 || output === null) return { ok: false, errors };
  return { ok: true, value: { input: positional[0] ?? "", output, json, asOf } };
}

/** The readable summary: months and totals, then instalments. */
export function summaryLines(result: RunResult): string[] {
  const lines: string[] = [];
  const sheetOf = new Map(result.scorecards.map((c) => [c.month, c.sheet]));
  lines.push(
    formatTable(
      ["考核月份", "工作表", "考核得分"],
      result.scores.map((s) => [s.month, sheetOf.get(s.month) ?? "（无考核表）", fixed2(s.total)]),
    ),
  );
  if (result.settlement) {
    lines.push("");
    lines.push(
      formatTable(
        ["笔次", "考核月份", "平均分", "扣款", "应付", "大写"],
        result.settlement.instalments.map((i) => [
          String(i.number),
          i.months.length > 0 ? `${i.months[0]}…${i.months[i.months.length - 1]}` : "—",
          i.average === null ? "—" : fixed2(i.average),
          yuanText(i.deduction),
          yuanText(i.payable),
          i.payableUpper,
        ]),
      ),
    );
  }
  if (result.pendingInstalments.length > 0) lines.push(`暂不结算 / pending: 第 ${result.pendingInstalments.join("、")} 笔（考核月份未齐）`);
  return lines;
}

export async function runScore(args: string[], io: Io, today: IsoDate = localToday(clockOf(io))): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    io.out(SCORE_USAGE);
    return 0;
  }
  const parsed = parseScoreArgs(args, today);
  if (!parsed.ok) {
    for (const e of parsed.errors) io.err(e);
    io.err(SCORE_USAGE);
    return 2;
  }
  const { input, output, json, asOf } = parsed.value;

  const adapter = await openWorkbook(input, io);
  if (!adapter) return 2;

  const snapshot = await adapter.read();
  const result = await runWorkbookAsync(snapshot, { asOf, buildPaymentSheet, now: localNow(clockOf(io)) });
  if (!result.ok || !result.plan) {
    for (const p of result.errors) io.err(problemLine(p));
    if (result.errors.length === 0) io.err("无法结算，未写入任何文件 / cannot settle; nothing written");
    io.err(`共 ${result.errors.length} 个错误，未写入任何文件 / ${result.errors.length} error(s); nothing was written`);
    return 2;
  }
  if (result.scorecards.length === 0 && result.scores.length === 0)
    io.err("提示：工作簿中没有找到月度考核表，也没有已填写的月份 / note: no monthly scorecard and no month with data found");

  await adapter.apply(result.plan);
  if (!(await saveWorkbook(adapter, output, io))) return 2;

  if (json) {
    io.out(JSON.stringify(result.json, null, 2));
    return 0;
  }
  for (const line of summaryLines(result)) io.out(line);
  for (const w of result.warnings) io.out(`提示：${problemLine(w, false)}`);
  io.out(`已写入 / written: ${output}`);
  return 0;
}
