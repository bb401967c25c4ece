/**
 * The add-in path's workbook: the office-js adapter (src/hosts/excel/excel-adapter.ts) plus selecting
 * a cell, so a problem's button can take the clerk to the sheet and cell it names. Loaded by
 * mount.tsx only inside Office.
 */
import { ExcelAdapter } from "../hosts/excel/excel-adapter";
import type { PaneAdapter } from "./session";

/** Shows the sheet and selects the cell (or just shows the sheet when there is no cell). */
export async function selectInExcel(sheet: string, cell: string | null): Promise<void> {
  await Excel.run(async (context) => {
    const worksheet = context.workbook.worksheets.getItem(sheet);
    worksheet.activate();
    if (cell) worksheet.getRange(cell).select();
    await context.sync();
  });
}

export function excelPaneAdapter(adapter: ExcelAdapter = new ExcelAdapter()): PaneAdapter {
  return {
    read: () => adapter.read(),
    apply: (plan) => adapter.apply(plan),
    select: selectInExcel,
  };
}
