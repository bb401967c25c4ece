import ExcelJS from "exceljs";
(async () => {
  for (const f of ["/tmp/e2e-scratch/s9.xlsx", "/tmp/e2e-scratch/s10.xlsx"]) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f);
    const s = wb.getWorksheet("2025年10月")!;
    const out: unknown[] = [s.getCell("H2").value];
    for (let r = 4; r <= 17; r++) out.push(`${s.getCell(r, 3).value}=${JSON.stringify(s.getCell(r, 8).value)}`);
    console.log(f, out.join(" | "));
  }
})();
