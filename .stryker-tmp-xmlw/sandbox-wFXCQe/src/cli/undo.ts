/**
 * `hotline-scorecard undo IN.xlsx -o OUT.xlsx`: 撤销上次写入 — every cell the last write changed
 * goes back to its recorded content (value, number format, formula; blank stays blank), the owned
 * sheets that write created are deleted, and 撤销记录 is used up (removed). Cells typed in since the
 * write are named: the undo overwrites them. Refused (exit 2, nothing written) when there is no
 * record, it cannot be read, or a recorded sheet is gone or protected (a frozen month).
 */
// @ts-nocheck

import { problemLine } from "../workbook/read/located";
import { planUndo } from "../workbook/plan";
import { oneInput, openWorkbook, parseArgs, requiredOption, saveWorkbook } from "./io";
import type { Io } from "./io";

export const UNDO_USAGE = `用法 / usage:
  hotline-scorecard undo IN.xlsx -o OUT.xlsx
    按「撤销记录」把上次写入改动的单元格恢复为原内容，删除上次写入新建的整表 / undo the last write
    -o         输出文件 / output file`;

export async function runUndo(args: string[], io: Io): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    io.out(UNDO_USAGE);
    return 0;
  }
  const parsed = parseArgs(args, { "-o": "--output", "--output": "--output" });
  const input = oneInput(parsed);
  const output = requiredOption(parsed, "--output", "输出文件 -o OUT.xlsx", "the output file -o OUT.xlsx");
  if (input === null || output === null || parsed.errors.length > 0) {
    for (const e of parsed.errors) io.err(e);
    io.err(UNDO_USAGE);
    return 2;
  }

  const adapter = await openWorkbook(input, io);
  if (!adapter) return 2;
  const undo = planUndo(await adapter.read());
  if ("error" in undo) {
    for (const p of undo.problems) io.err(problemLine(p));
    io.err(`无法撤销，未写入任何文件 / cannot undo; nothing was written`);
    return 2;
  }
  await adapter.apply(undo.plan);
  if (!(await saveWorkbook(adapter, output, io))) return 2;

  if (undo.changedSince.length > 0)
    io.out(`提示：以下单元格在上次写入之后被改动过，撤销已将其恢复为写入前的原内容：${undo.changedSince.join("、")} / note: these cells were changed after the last write; the undo put back what they held before it: ${undo.changedSince.join(", ")}`);
  io.out(`已恢复 ${undo.cellsRestored} 个单元格 / ${undo.cellsRestored} cell(s) restored`);
  if (undo.deletedSheets.length > 0) io.out(`已删除上次写入新建的工作表：${undo.deletedSheets.join("、")} / sheets deleted: ${undo.deletedSheets.join(", ")}`);
  io.out(`「撤销记录」已用完并移除 / the undo record is used up and removed`);
  io.out(`已写入 / written: ${output}`);
  return 0;
}
