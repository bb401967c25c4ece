/**
 * Excel's own limits, kept by everything the product writes, on both hosts. Host-free: the plans
 * are fitted where they are made (plan.ts) and the adapters fit what they are given once more as a
 * last line (a plan made elsewhere, the pane's form drafts).
 *
 * - A cell holds at most 32,767 characters (UTF-16 code units, what Excel's LEN counts). Longer text
 *   (a long --note / --reason, an event description copied into 完成情况 or 计算说明) is never written
 *   whole: it is cut, a surrogate pair never split, and ends with a visible marker
 *   "…（以下省略 N 字）" (N: the code units left out), the whole within the limit.
 * - A row is at most 409 points high: a height computed from text length is clamped.
 * - Characters XML 1.0 cannot hold (U+0000–U+0008, U+000B, U+000C, U+000E–U+001F, U+FFFE, U+FFFF)
 *   are removed; a lone surrogate (half of a pair, not a character) is replaced by U+FFFD, the
 *   replacement character — what encoding it as UTF-8 would give anyway, now the same on both hosts.
 *   Tab, line feed and carriage return stay.
 */
// @ts-nocheck

import type { CellWrite, SheetSpec, WritePlan } from "../model";

/** Characters per cell (Excel's limit). */
export const MAX_CELL_TEXT = 32_767;
/** Row height in points (Excel's limit). */
export const MAX_ROW_HEIGHT = 409;

const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const FORBIDDEN_ALL = new RegExp(FORBIDDEN.source, "g");

/** The text with the characters XML 1.0 forbids removed (a lone surrogate replaced by U+FFFD). */
export function xmlSafeText(text: string): string {
  if (!FORBIDDEN.test(text)) return text;
  return text.replace(FORBIDDEN_ALL, (c) => (c.length === 1 && c.charCodeAt(0) >= 0xd800 && c.charCodeAt(0) <= 0xdfff ? "\ufffd" : ""));
}

/** The marker that ends a cut text. */
export function cutMarker(omitted: number): string {
  return `…（以下省略 ${omitted} 字）`;
}

/** True when `text` ends with a cut marker (the text was cut to fit a cell). */
export function isCutText(text: string): boolean {
  return /…（以下省略 \d+ 字）$/.test(text);
}

/** The text cut to `max` characters with the marker at its end; as it is when it fits. */
export function cutText(text: string, max = MAX_CELL_TEXT): string {
  if (text.length <= max) return text;
  // The marker's length depends on how many digits the number it holds has: the digit count that agrees with itself.
  // Stryker disable next-line EqualityOperator: a count of 16 digits needs a text of 10^15 characters: "< 16" cuts every text there is the same
  for (let digits = 1; digits <= 16; digits++) {
    let end = max - cutMarker(0).length - (digits - 1);
    if (String(text.length - end).length !== digits) continue;
    const last = text.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff) end--; // never split a surrogate pair (one character shorter then)
    return text.slice(0, end) + cutMarker(text.length - end);
  }
  // Stryker disable next-line StringLiteral: not reached for any text a string can hold (see the loop above)
  throw new RangeError(`text too long to cut: ${text.length}`);
}

/** A cell's text as it may be written: XML-safe, within 32,767 characters. */
export function fitCellText(text: string): string {
  return cutText(xmlSafeText(text));
}

/** A row height Excel accepts (at most 409 points). */
export function fitRowHeight(height: number): number {
  // Stryker disable next-line EqualityOperator: at exactly 409 both branches give 409
  return height > MAX_ROW_HEIGHT ? MAX_ROW_HEIGHT : height;
}

/** The write as it may be written (the same object when nothing changes). */
export function fitWrite(w: CellWrite): CellWrite {
  const value = typeof w.value === "string" ? fitCellText(w.value) : w.value;
  const formula = w.formula === undefined ? undefined : xmlSafeText(w.formula);
  if (value === w.value && formula === w.formula) return w;
  const out: CellWrite = { ...w, value };
  if (formula !== undefined) out.formula = formula;
  return out;
}

function fitWrites(writes: CellWrite[]): CellWrite[] {
  let out: CellWrite[] | null = null;
  for (let i = 0; i < writes.length; i++) {
    const w = writes[i] as CellWrite;
    const f = fitWrite(w);
    if (f !== w) (out ??= writes.slice())[i] = f;
  }
  return out ?? writes;
}

/** The sheet as it may be written: its texts fitted, its row heights clamped (the same object when nothing changes). */
export function fitSheetSpec(spec: SheetSpec): SheetSpec {
  const cells = fitWrites(spec.cells);
  let rowHeights = spec.rowHeights;
  for (const [row, h] of Object.entries(spec.rowHeights ?? {})) {
    if (fitRowHeight(h) === h) continue;
    if (rowHeights === spec.rowHeights) rowHeights = { ...spec.rowHeights };
    (rowHeights as Record<number, number>)[Number(row)] = fitRowHeight(h);
  }
  const validations = spec.validations?.map((v) => (v.values.some((x) => xmlSafeText(x) !== x) ? { ...v, values: v.values.map(xmlSafeText) } : v));
  // Stryker disable next-line OptionalChaining: validations is only defined when spec.validations is
  const validationsChanged = validations !== undefined && validations.some((v, i) => v !== spec.validations?.[i]);
  if (cells === spec.cells && rowHeights === spec.rowHeights && !validationsChanged) return spec;
  const out: SheetSpec = { ...spec, cells };
  if (rowHeights !== undefined) out.rowHeights = rowHeights;
  if (validationsChanged) out.validations = validations;
  return out;
}

/**
 * Plans fitPlan made or found fitting: the adapters fit every plan once more as a last line, and a
 * plan made by plan.ts has just been fitted (the second pass was ~2 % of a 120-month score). Plans
 * are values: nothing changes one after it is made.
 */
const FITTED = new WeakSet<WritePlan>();

/** The plan as it may be written: every text fitted, every row height clamped. Idempotent; the input is not changed. */
export function fitPlan(plan: WritePlan): WritePlan {
  // Stryker disable next-line ConditionalExpression: a memo: fitting a fitted plan again changes nothing and returns it as it is
  if (FITTED.has(plan)) return plan;
  const fitted = fitPlanOnce(plan);
  FITTED.add(fitted);
  return fitted;
}

function fitPlanOnce(plan: WritePlan): WritePlan {
  let changed = false;
  const cellWrites = plan.cellWrites.map((g) => {
    const writes = fitWrites(g.writes);
    if (writes === g.writes) return g;
    changed = true;
    return { ...g, writes };
  });
  const sheets = plan.sheets.map((s) => {
    const f = fitSheetSpec(s);
    if (f !== s) changed = true;
    return f;
  });
  return changed ? { ...plan, cellWrites, sheets } : plan;
}
