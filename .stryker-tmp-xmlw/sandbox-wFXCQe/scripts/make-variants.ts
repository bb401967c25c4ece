/**
 * Makes the LibreOffice-made variant workbooks of the preservation tests again, into
 * test/fixtures/variants/ (committed: CI has no LibreOffice). Needs `soffice` (LibreOffice 7.x) on
 * the PATH or at /usr/bin/soffice; runs it headless with a throw-away user profile in a temporary
 * folder (the machine's own profile is never touched).
 *
 *   npx tsx scripts/make-variants.ts
 *
 * - libreoffice-resave.xlsx: assets/example-2024-2025.xlsx opened and saved by LibreOffice
 *   (`soffice --convert-to xlsx`, filter "Calc MS Excel 2007 XML").
 * - libreoffice-chart.xlsx: the same, with a line chart of 团队人数 (指标录入!A1:B13) placed on the
 *   sheet 2025年10月 by a Basic macro (sheet.getCharts().addNewByName, LineDiagram), then stored with
 *   the same filter. The macro is written into the temporary profile's Standard library and run as
 *   macro:///Standard.Module1.MakeChart(…) — no Python-UNO needed.
 *
 * LibreOffice stamps the save time into docProps/core.xml, so each run gives other bytes; the tests
 * only need the files to be what LibreOffice writes.
 */
// @ts-nocheck

import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const EXAMPLE = path.join(ROOT, "assets", "example-2024-2025.xlsx");
const OUT = path.join(ROOT, "test", "fixtures", "variants");

function soffice(): string {
  for (const p of [process.env.SOFFICE, "/usr/bin/soffice", "/usr/local/bin/soffice", "/opt/libreoffice/program/soffice"]) if (p && existsSync(p)) return p;
  return "soffice";
}

const xmlEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The Basic module: loads IN hidden, puts a line chart of DATA!A1:B13 on CHART, stores OUT as .xlsx. */
const MODULE = `Sub MakeChart(inPath As String, outPath As String, chartSheet As String, dataSheet As String)
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = "Hidden"
  args(0).Value = True
  oDoc = StarDesktop.loadComponentFromURL(ConvertToURL(inPath), "_blank", 0, args())
  oSheets = oDoc.getSheets()
  oChartSheet = oSheets.getByName(chartSheet)
  Dim rng(0) As New com.sun.star.table.CellRangeAddress
  rng(0).Sheet = oSheets.getByName(dataSheet).getRangeAddress().Sheet
  rng(0).StartColumn = 0
  rng(0).StartRow = 0
  rng(0).EndColumn = 1
  rng(0).EndRow = 12
  Dim rect As New com.sun.star.awt.Rectangle
  rect.X = 20000
  rect.Y = 2000
  rect.Width = 12000
  rect.Height = 7000
  oChartSheet.getCharts().addNewByName("团队人数图", rect, rng(), True, True)
  oChart = oChartSheet.getCharts().getByName("团队人数图").getEmbeddedObject()
  oChart.setDiagram(oChart.createInstance("com.sun.star.chart.LineDiagram"))
  Dim sargs(0) As New com.sun.star.beans.PropertyValue
  sargs(0).Name = "FilterName"
  sargs(0).Value = "Calc MS Excel 2007 XML"
  oDoc.storeToURL(ConvertToURL(outPath), sargs())
  oDoc.close(True)
End Sub
`;

function run(bin: string, profile: string, args: string[]): void {
  execFileSync(bin, [`-env:UserInstallation=file://${profile}`, "--headless", "--invisible", "--norestore", ...args], { stdio: ["ignore", "inherit", "inherit"], timeout: 180_000 });
}

function main(): void {
  const bin = soffice();
  const tmp = mkdtempSync(path.join(os.tmpdir(), "make-variants-"));
  const profile = path.join(tmp, "profile");
  try {
    mkdirSync(OUT, { recursive: true });
    // 1. The plain re-save (this run also creates the profile the macro goes into).
    const resaved = path.join(tmp, "resave");
    run(bin, profile, ["--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", resaved, EXAMPLE]);
    const made = path.join(resaved, path.basename(EXAMPLE));
    if (!existsSync(made)) throw new Error(`soffice wrote nothing into ${resaved}: ${readdirSync(resaved).join(", ")}`);
    copyFileSync(made, path.join(OUT, "libreoffice-resave.xlsx"));

    // 2. The chart, by a Basic macro in the temporary profile's Standard library.
    const standard = path.join(profile, "user", "basic", "Standard");
    mkdirSync(standard, { recursive: true });
    writeFileSync(
      path.join(standard, "script.xlb"),
      `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE library:library PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "library.dtd">\n<library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard" library:readonly="false" library:passwordprotected="false">\n <library:element library:name="Module1"/>\n</library:library>\n`,
    );
    writeFileSync(
      path.join(standard, "Module1.xba"),
      `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">\n<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">${xmlEscape(MODULE)}</script:module>\n`,
    );
    const chart = path.join(tmp, "chart.xlsx");
    const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
    run(bin, profile, [`macro:///Standard.Module1.MakeChart(${[EXAMPLE, chart, "2025年10月", "指标录入"].map(q).join(",")})`]);
    if (!existsSync(chart)) throw new Error("the chart macro wrote nothing (is the Basic IDE library Standard there?)");
    copyFileSync(chart, path.join(OUT, "libreoffice-chart.xlsx"));

    for (const f of ["libreoffice-resave.xlsx", "libreoffice-chart.xlsx"]) console.log(`${path.join("test", "fixtures", "variants", f)}  ${statSync(path.join(OUT, f)).size} bytes`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main();
