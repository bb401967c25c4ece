/**
 * A new .xlsx rendered from a plan: the file host's half of `hotline-scorecard template` (the
 * workbook layer's templatePlan says what the sheets hold; this renders them with ExcelJS). The
 * plan's sheets are created in order, then its cell writes go into them, as a clerk would type.
 */
import ExcelJS from "exceljs";
import type { WritePlan } from "../../workbook/model";
import { fitPlan } from "../../workbook/sheets/excel-limits";
import { applyCellWrites, writeSheetSpec } from "./exceljs-sheet";

/** A fixed creation time, so that the same plan always gives the same file. */
const CREATED = new Date(Date.UTC(2024, 11, 1));

/** An ExcelJS workbook holding the plan's sheets and cell writes (for callers that add more by hand). */
export function newWorkbook(given: WritePlan): ExcelJS.Workbook {
  const plan = fitPlan(given); // Excel's limits (src/workbook/sheets/excel-limits.ts)
  const wb = new ExcelJS.Workbook();
  // Excel calculates every formula when it opens the file (ExcelJS computes no cached values).
  wb.calcProperties = { fullCalcOnLoad: true };
  wb.creator = "hotline-scorecard";
  wb.created = CREATED;
  wb.modified = CREATED;
  for (const spec of plan.sheets) writeSheetSpec(wb, spec);
  for (const { sheet, writes } of plan.cellWrites) {
    const ws = wb.getWorksheet(sheet);
    if (!ws) throw new Error(`the plan writes into 「${sheet}」, which it does not create`);
    applyCellWrites(ws, writes);
  }
  return wb;
}

/** The plan as the bytes of a new .xlsx file. */
export async function writeNewWorkbook(plan: WritePlan): Promise<Buffer> {
  const data = await newWorkbook(plan).xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}
