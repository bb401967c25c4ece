/**
 * What the commands share: the clock (the engine and src/workbook have none), reading an .xlsx
 * into the file adapter, saving through a temporary file so that a failure never leaves a
 * half-written output, and the option parser of freeze / unfreeze / undo.
 * Exit-code conventions of every command: 0 success, 2 bad input (nothing written), 1 failure.
 */
// @ts-nocheck

import { promises as fs } from "node:fs";
import path from "node:path";
import { ExcelFileAdapter, NotAWorkbookError, PartParseError } from "../hosts/file/file-adapter";
import { checkFileSize } from "../hosts/file/guard";
import { NODE_ZLIB } from "../hosts/file/node-zlib";

import { localNow, localToday } from "../hosts/local-time";

export { localNow, localToday };

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  /** The clock for the times written on 计算说明, 撤销记录 and 审计记录; default the computer's (tests fix it). */
  clock?: () => Date;
}


/** The command's clock: Io.clock when given (tests), else the computer's. */
export function clockOf(io: Io): Date {
  return io.clock ? io.clock() : new Date();
}

/** Writes through a temporary file in the same folder, so a failure never leaves a half-written file. */
export async function writeAtomically(file: string, data: Uint8Array): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}

/** Reads IN.xlsx into the file adapter; null (after saying why on stderr) when it cannot: exit 2. */
export async function openWorkbook(input: string, io: Io): Promise<ExcelFileAdapter | null> {
  let data: Buffer;
  try {
    // Size and kind before reading (guard.ts): a 2 GB file or a device (/dev/zero) is never read in.
    const stat = await fs.stat(input);
    const size = stat.isFile() ? checkFileSize(stat.size) : null;
    if (size === null || !size.ok) {
      io.err(`「${input}」${size?.message ?? "不是普通文件（是文件夹或设备），未读取、未写入任何内容。"}`);
      io.err(size?.messageEn ?? "not a regular file (a folder or a device). Nothing was read or written.");
      return null;
    }
    data = await fs.readFile(input);
  } catch (e) {
    io.err(`无法读取输入文件「${input}」/ cannot read "${input}": ${e instanceof Error ? e.message : String(e)}`);
    return null;
  }
  try {
    return await ExcelFileAdapter.fromBuffer(data, NODE_ZLIB);
  } catch (e) {
    if (e instanceof NotAWorkbookError) {
      io.err(`「${input}」${e.message}`);
      return null;
    }
    if (e instanceof PartParseError) {
      io.err(`「${input}」${e.messageZh}`);
      io.err(e.messageEn);
      return null;
    }
    throw e;
  }
}

/**
 * Saves the workbook to OUT.xlsx (temporary file + rename), every part the run did not change
 * carried over from the input as it was. False (after saying why on stderr; nothing written, exit 2)
 * when OUT's extension is not the one the workbook's kind calls for (.xlsm for macros).
 */
export async function saveWorkbook(adapter: ExcelFileAdapter, output: string, io: Io): Promise<boolean> {
  const kind = adapter.fileExtension();
  const given = path.extname(output).slice(1).toLowerCase();
  if (given !== kind) {
    const macros = kind === "xlsm" || kind === "xltm";
    io.err(
      `输出文件「${output}」的扩展名应为 .${kind}${macros ? "（输入是启用宏的工作簿，宏会原样保留，但 Excel 只按 .xlsm/.xltm 打开它）" : ""}，未写入任何文件。`,
    );
    io.err(`the output "${output}" should end in .${kind}${macros ? " (the input is a macro-enabled workbook: its macros are kept, and Excel opens it only under that name)" : ""}; nothing was written.`);
    return false;
  }
  await writeAtomically(output, await adapter.save());
  return true;
}

export interface ParsedArgs {
  /** Positional arguments (the input file). */
  positional: string[];
  /** Option values by their canonical name ("--month"). */
  values: Map<string, string>;
  errors: string[];
}

/**
 * Parses `IN.xlsx --name value --name=value -o OUT.xlsx`. `options` maps every accepted spelling
 * to its canonical name ("-o" → "--output"); an option given twice, an unknown option or one
 * without its value is an error (zh-CN / English).
 */
export function parseArgs(args: readonly string[], options: Readonly<Record<string, string>>): ParsedArgs {
  const positional: string[] = [];
  const values = new Map<string, string>();
  const errors: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const raw = args[i] ?? "";
    const eq = raw.startsWith("--") ? raw.indexOf("=") : -1;
    const flag = eq > 0 ? raw.slice(0, eq) : raw;
    const name = options[flag];
    if (name === undefined) {
      if (raw.startsWith("-") && raw !== "-") errors.push(`未知选项「${raw}」/ unknown option "${raw}"`);
      else positional.push(raw);
      continue;
    }
    let value: string | undefined;
    if (eq > 0) value = raw.slice(eq + 1);
    else {
      const next = args[i + 1];
      if (next !== undefined && !(next.startsWith("-") && next.length > 1)) {
        value = next;
        i++;
      }
    }
    if (value === undefined) {
      errors.push(`选项 ${flag} 缺少取值 / option ${flag} needs a value`);
      continue;
    }
    if (values.has(name)) errors.push(`选项 ${name} 重复 / option ${name} given twice`);
    values.set(name, value);
  }
  return { positional, values, errors };
}

/** The one input file, or the errors for none or several. */
export function oneInput(parsed: ParsedArgs): string | null {
  if (parsed.positional.length === 0) parsed.errors.push("缺少输入文件 IN.xlsx / missing the input file IN.xlsx");
  if (parsed.positional.length > 1) parsed.errors.push(`只能给一个输入文件，实为：${parsed.positional.join("、")} / one input file only, got: ${parsed.positional.join(", ")}`);
  return parsed.positional.length === 1 ? (parsed.positional[0] ?? null) : null;
}

/** A required option's value, or an error naming it. */
export function requiredOption(parsed: ParsedArgs, name: string, zh: string, en: string): string | null {
  const v = parsed.values.get(name);
  if (v === undefined || v.trim() === "") {
    parsed.errors.push(`缺少 ${name}（${zh}）/ missing ${name} (${en})`);
    return null;
  }
  return v.trim();
}
