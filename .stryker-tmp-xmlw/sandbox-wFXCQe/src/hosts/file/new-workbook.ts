/**
 * A new .xlsx rendered from a plan: the file host's half of `hotline-scorecard template` (the
 * workbook layer's templatePlan says what the sheets hold). The same package-of-parts adapter as
 * every other write: an empty package (ExcelFileAdapter.empty), the plan's sheets created in order,
 * then its cell writes put into them, as a clerk would type.
 */
// @ts-nocheck

import type { WritePlan } from "../../workbook/model";
import { ExcelFileAdapter, type FileAdapterOptions } from "./file-adapter";

/** The plan as the bytes of a new .xlsx file. */
export async function writeNewWorkbook(plan: WritePlan, options: FileAdapterOptions = {}): Promise<Uint8Array> {
  const adapter = ExcelFileAdapter.empty(options);
  await adapter.apply({ cellWrites: [], sheets: plan.sheets });
  await adapter.apply({ cellWrites: plan.cellWrites, sheets: [], ...(plan.protectSheets ? { protectSheets: plan.protectSheets } : {}) });
  return adapter.save();
}
