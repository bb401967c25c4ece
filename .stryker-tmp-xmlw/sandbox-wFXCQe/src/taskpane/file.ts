/**
 * The plain-browser path's workbook: an .xlsx opened from the computer, worked on with the same
 * package-of-parts file adapter as the command line (src/hosts/file/package/adapter.ts; fflate for
 * the zip where the command line has Node's zlib) and handed back as a download. The adapter is
 * imported on demand, as its own chunk ("xlsx"), when the first file is opened — never in the
 * initial bundle, never inside Excel.
 */
// @ts-nocheck

import type { PaneAdapter } from "./session";

/** An adapter over the file's bytes; rejects (NotAWorkbookError) when it is not an .xlsx workbook. */
export async function openWorkbookFile(bytes: ArrayBuffer): Promise<PaneAdapter> {
  const { ExcelFileAdapter } = await import(/* webpackChunkName: "xlsx" */ "../hosts/file/file-adapter");
  const adapter = await ExcelFileAdapter.fromBuffer(new Uint8Array(bytes));
  return {
    read: () => adapter.read(),
    apply: (plan) => adapter.apply(plan),
    save: () => adapter.save(),
  };
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** A macro-enabled workbook's type: an .xlsm comes back as an .xlsm, its macros kept (the adapter never touches them). */
export const XLSM_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.12";

/** What the downloaded result is called after: the opened file's name with this before its extension. */
export const RESULT_SUFFIX = "-已评分";

/**
 * The name of the download: the opened file's name with "-已评分" before the extension
 * ("example.xlsx" → "example-已评分.xlsx"), so the result never takes the place of the input in the
 * downloads folder; a result opened again keeps its name (no "-已评分-已评分"). An .xlsm stays .xlsm;
 * a name without a workbook extension gets ".xlsx".
 */
export function resultFileName(name: string): string {
  const m = /^(.*?)(\.xlsx|\.xlsm)$/i.exec(name.trim());
  const base = (m ? m[1] : name.trim()) || "workbook";
  const ext = m ? m[2] : ".xlsx";
  return `${base.endsWith(RESULT_SUFFIX) ? base : `${base}${RESULT_SUFFIX}`}${ext}`;
}

/** Hands the bytes to the browser as a file download (a Blob URL, revoked once used), named by resultFileName. */
export function downloadFile(bytes: Uint8Array, name: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: /\.xlsm$/i.test(name) ? XLSM_TYPE : XLSX_TYPE }));
  const a = doc.createElement("a");
  a.href = url;
  a.download = resultFileName(name);
  a.rel = "noopener";
  a.style.display = "none";
  doc.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
