/**
 * A1 rectangles as the WPS adapter and its XML Spreadsheet text name them (no "$" kept, no sheet).
 */
import { type MergedRange, a1, parseA1 } from "../../workbook/model";

/** "A1:C3", "B2", "$A$1:$B$2" or "表!A1:B2" → bounds. */
export function boundsOf(address: string): MergedRange {
  const clean = address.replace(/\$/g, "");
  const [from = "", to = from] = clean.slice(clean.lastIndexOf("!") + 1).split(":");
  const a = parseA1(from);
  const b = parseA1(to);
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

/** Bounds → "A1:C3", or "B2" for one cell. */
export function rectAddress(r: MergedRange): string {
  const from = a1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? from : `${from}:${a1(r.bottom, r.right)}`;
}
