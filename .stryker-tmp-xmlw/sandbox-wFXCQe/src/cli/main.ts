/**
 * hotline-scorecard: the same engine as the add-in, over .xlsx files, for batch use and as the
 * no-Excel way to run the main job. Exit codes: 0 success, 2 bad input (nothing written), 1 failure.
 */
// @ts-nocheck

import type { Io } from "./io";

export type { Io };

/**
 * The file adapter's refusals (PartParseError, SheetConflictError), told by name so that `--help`
 * does not load the file layer to check: both carry the message in both languages.
 */
function isRefusal(e: unknown): e is Error & { messageZh: string; messageEn: string } {
  return e instanceof Error && (e.name === "PartParseError" || e.name === "SheetConflictError") && typeof (e as { messageZh?: unknown }).messageZh === "string";
}

const USAGE = `用法 / usage:
  hotline-scorecard demo                      SPEC §7 示例的评分表与结算示例
  hotline-scorecard score IN.xlsx -o OUT.xlsx [--json] [--as-of YYYY-MM-DD]
                                              评分并写出工作簿（只写得分单元格与程序拥有的表）/ score a workbook
  hotline-scorecard template [--from 2026-12] [--to 2027-11 | --months 12] [--term-start 2026-12-04]
                             [--term-end 2027-12-03] [--total 720000] -o FILE.xlsx [--force]
                                              新合同的空白工作簿（合同信息、付款条款、每月附件二、录入表）/ a fresh workbook for a contract
  hotline-scorecard undo IN.xlsx -o OUT.xlsx  撤销上次写入（按「撤销记录」恢复原内容）/ undo the last write
  hotline-scorecard freeze IN.xlsx --month 2025-10 --by 张三 -o OUT.xlsx [--note …]
                                              定稿：记入「审计记录」并保护该月考核表 / freeze a month for signature
  hotline-scorecard unfreeze IN.xlsx --month 2025-10 --by 张三 --reason "…" -o OUT.xlsx
                                              解除定稿（须注明原因，记入「审计记录」）/ unfreeze a month, with a reason
  hotline-scorecard --help                    本说明`;

type Command = (args: string[], io: Io) => Promise<number> | number;

/**
 * Each command is loaded when it is run, so that `--help` or `demo` never loads ExcelJS (a third of
 * a second of a process's start) and `template` does not load the scorer.
 */
const COMMANDS: Record<string, Command> = {
  demo: async (_args, io) => (await import("./demo")).runDemo(io.out),
  score: async (args, io) => (await import("./score")).runScore(args, io),
  template: async (args, io) => (await import("./template")).runTemplate(args, io),
  undo: async (args, io) => (await import("./undo")).runUndo(args, io),
  freeze: async (args, io) => (await import("./freeze")).runFreeze(args, io),
  unfreeze: async (args, io) => (await import("./freeze")).runUnfreeze(args, io),
};

export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.out(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`未知命令「${name}」/ unknown command "${name}"\n${USAGE}`);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (e) {
    // Refused by the workbook as it stands (a part that cannot be parsed, a product sheet's name
    // held by a chart sheet): the clerk's to fix, not a failure of ours; nothing was written.
    if (isRefusal(e)) {
      io.err(e.messageZh);
      io.err(e.messageEn);
      return 2;
    }
    io.err(`意外错误 / unexpected failure: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return 1;
  }
}

