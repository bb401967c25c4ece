/**
 * The printed forms (issue 15 point 9). 付款结算: A4 portrait at 100 % (the form's A–G fit the
 * width, so no text prints below its own size, 9 pt the smallest), manual page breaks between
 * blocks only, the totals with both signature blocks (经办人, 审核人, 负责人, 日期) on one page,
 * as few pages as whole blocks allow, nothing but the form in the print area. A monthly 附件二 of
 * the template: one landscape A4 page with its signature lines.
 *
 * Pages are worked out from the spec's own row heights and A4's printable height at the scale
 * (print-layout.ts simulatePages, itself checked against hand-worked figures first), then, where
 * LibreOffice is installed, from the PDF LibreOffice prints of the files the command line writes.
 */
// @ts-nocheck

import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { dec, Dec, defaultRules, MonthKey, monthRange, PaymentRecord, settle } from "../../../src/domain";
import { renderWorksheet, type StyleAllocator } from "../../../src/hosts/file/package/render-sheet";
import { parseA1, SheetSpec } from "../../../src/workbook/model";
import { buildPaymentSheet, PRINT_SCALE, SIGNATURE_ROLES } from "../../../src/workbook/sheets/payment-sheet";
import {
  A4_POINTS,
  areaWidthPoints,
  planRowBreaks,
  printablePoints,
  printBounds,
  repeatedRows,
  rowPoints,
  scaleOf,
  simulatePages,
} from "../../../src/workbook/sheets/print-layout";
import { buildMonthSheet, SCORECARD_LAYOUT } from "../../../src/workbook/sheets/template";
import { checkParts } from "../../fixtures/ooxml-schema";
import { runCli } from "../../fixtures/cli";

jest.setTimeout(240_000);

const ROOT = path.resolve(__dirname, "..", "..", "..");
const EXAMPLE = path.join(ROOT, "assets", "example-2024-2025.xlsx");
const MONTHS = monthRange("2024-12", "2025-11");

function season(scores: string[], payments: PaymentRecord[], asOf: string): SheetSpec {
  const totals: Record<MonthKey, Dec> = {};
  MONTHS.forEach((m, i) => (totals[m] = dec(scores[i] ?? "96")));
  const s = settle(totals, payments, defaultRules(), { asOf });
  if (!s.ok) throw new Error(JSON.stringify(s.errors));
  return buildPaymentSheet({ settlement: s.value, monthTotals: totals, warnings: s.warnings, rules: defaultRules(), asOf, generatedAt: `${asOf} 10:00` });
}

/** The example's season (assets/example-2024-2025.xlsx): three instalments paid, four months below 95. */
const EXAMPLE_LIKE = season(
  ["94.87", "96.25", "92.65", "95.00", "90.00", "98.00", "98.91", "100.00", "101.00", "96.00", "93.25", "98.00"],
  [
    { number: 1, invoiceDate: "2024-12-10", paidDate: "2024-12-20" },
    { number: 2, invoiceDate: "2025-06-16", paidDate: "2025-07-28" },
    { number: 3, invoiceDate: "2025-12-05", paidDate: "2026-01-09" },
  ],
  "2026-01-31",
);
/** A bad year: every month below 95 (12 warnings), instalment 2 paid late, instalment 3 unpaid and 30+ days overdue. */
const BAD_YEAR = season(
  ["90", "91", "92", "93", "94", "89", "88", "90.5", "91.25", "92.75", "93.5", "94.5"],
  [
    { number: 1, invoiceDate: "2024-12-10", paidDate: "2024-12-20" },
    { number: 2, invoiceDate: "2025-06-16", paidDate: "2025-09-30" },
    { number: 3, invoiceDate: "2025-12-05", paidDate: null },
  ],
  "2026-04-30",
);
/** Mid-year: instalment 3 still in progress (its block is the forecast), nothing invoiced after the first. */
const MID_YEAR = (() => {
  const totals: Record<MonthKey, Dec | null> = {};
  MONTHS.forEach((m, i) => (totals[m] = i < 8 ? dec(["97", "94", "96", "95.5", "98", "93", "96", "97"][i] ?? "96") : null));
  const scored = Object.fromEntries(Object.entries(totals).filter(([, v]) => v !== null)) as Record<MonthKey, Dec>;
  // settle() on the instalments whose months are all scored (as the workbook layer does), the sheet on the whole contract.
  const settledOnly = { ...defaultRules(), contract: { ...defaultRules().contract, instalments: defaultRules().contract.instalments.filter((i) => i.number !== 3) } };
  const s = settle(scored, [{ number: 1, invoiceDate: "2024-12-10", paidDate: "2024-12-20" }], settledOnly, { asOf: "2025-08-15" });
  if (!s.ok) throw new Error(JSON.stringify(s.errors));
  return buildPaymentSheet({ settlement: s.value, monthTotals: totals, warnings: s.warnings, rules: defaultRules(), asOf: "2025-08-15" });
})();

const text = (spec: SheetSpec, address: string) => spec.cells.find((c) => c.address === address)?.value;

/** First rows of the blocks, from the words in column A: the header, each instalment, the warnings, the totals. */
function blockStarts(spec: SheetSpec): number[] {
  const starts = [1];
  for (const c of spec.cells) {
    const { row, col } = parseA1(c.address);
    if (col === 1 && typeof c.value === "string" && (/^第\d+笔　/.test(c.value) || c.value === "提示：会影响付款的事项" || /^合计/.test(c.value))) starts.push(row);
  }
  return starts.sort((a, b) => a - b);
}

function rowOf(spec: SheetSpec, predicate: (v: string) => boolean): number[] {
  return spec.cells.filter((c) => typeof c.value === "string" && predicate(c.value)).map((c) => parseA1(c.address).row);
}

function pageOf(pages: { first: number; last: number }[], row: number): number {
  return pages.findIndex((p) => p.first <= row && row <= p.last);
}

describe("the page simulation (print-layout.ts), on hand-worked figures", () => {
  // A4 portrait, margins 0.5 in top and bottom: 841.89 − 72 = 769.89 pt a page at 100 %.
  const base = (rows: number, heights: Record<number, number>, print: Partial<NonNullable<SheetSpec["print"]>> = {}): SheetSpec => ({
    name: "t",
    cells: [{ address: `A${rows}`, value: "x" }],
    merges: [],
    rowHeights: heights,
    print: { orientation: "portrait", paperSize: "A4", printArea: `A1:A${rows}`, margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5 }, ...print },
  });

  it("A4's printable area: 595.28 − 0.8 × 72 = 537.68 wide, 769.89 tall; landscape swaps them", () => {
    expect(A4_POINTS).toEqual({ width: 595.28, height: 841.89 });
    const p = printablePoints({ orientation: "portrait", paperSize: "A4", margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5 } });
    expect(p.width).toBeCloseTo(537.68, 2);
    expect(p.height).toBeCloseTo(769.89, 2);
    const l = printablePoints({ orientation: "landscape", paperSize: "A4", margins: { left: 0.3, right: 0.3, top: 0.4, bottom: 0.4 } });
    expect([l.width, l.height].map((x) => Math.round(x * 100) / 100)).toEqual([798.69, 537.68]);
  });

  it("rows fill a page to 769.89 pt: 51 rows of 15 pt (765) on page 1, the 52nd (780) on page 2", () => {
    const pages = simulatePages(base(60, {}));
    expect(pages.map((p) => [p.first, p.last])).toEqual([
      [1, 51],
      [52, 60],
    ]);
  });

  it("repeated rows take their share of every page after the first: 1:2 at 40 + 40 pt leave 689.89 for rows 52 on", () => {
    const pages = simulatePages(base(120, { 1: 40, 2: 40 }, { repeatRows: "1:2" }));
    // page 1: 80 + 15 n ≤ 769.89 → rows 1–47 (80 + 45 × 15 = 755); page 2: 80 + 15 n ≤ 769.89 → 45 rows (48–92); page 3: 93–120.
    expect(pages.map((p) => [p.first, p.last])).toEqual([
      [1, 47],
      [48, 92],
      [93, 120],
    ]);
    expect(repeatedRows({ orientation: "portrait", paperSize: "A4", repeatRows: "1:2" })).toEqual([1, 2]);
  });

  it("a manual break ends the page; at 50 % a page holds twice the points", () => {
    expect(simulatePages(base(60, {}, { rowBreaks: [10, 30] })).map((p) => [p.first, p.last])).toEqual([
      [1, 10],
      [11, 30],
      [31, 60],
    ]);
    expect(simulatePages(base(110, {}, { scale: 50 })).map((p) => [p.first, p.last])).toEqual([
      [1, 102],
      [103, 110],
    ]);
  });

  it("planRowBreaks: whole blocks while they fit in 97 % of the page, a break before the one that does not; a block taller than a page breaks inside", () => {
    const h = () => 10;
    // capacity 100 → 97: blocks of 40, 40, 30 → [40, 40] (80), then 30 on page 2 (titles 5 + 30).
    expect(planRowBreaks([{ first: 1, last: 4 }, { first: 5, last: 8 }, { first: 9, last: 11 }], h, 100, 5)).toEqual([8]);
    // blocks 20, 150: 150 does not fit after 20 → break after 2; then 150 rows of 10: 5 + 9 × 10 = 95 → after row 11, …
    expect(planRowBreaks([{ first: 1, last: 2 }, { first: 3, last: 17 }], h, 100, 5)).toEqual([2, 11]);
    expect(planRowBreaks([{ first: 1, last: 3 }], h, 100, 5)).toEqual([]);
  });
});

describe.each([
  ["the example's season", EXAMPLE_LIKE, 3],
  // Every block on a page of its own but the header with instalment 1: no two neighbours fit one page.
  ["a bad year (12 warnings, late and overdue payments)", BAD_YEAR, 5],
  ["mid-year (instalment 3 in progress)", MID_YEAR, 2],
])("付款结算 prints legibly: %s", (_label, spec, expectedPages) => {
  const print = spec.print!;
  const pages = simulatePages(spec);
  const area = printBounds(spec);

  it("A4 portrait at a fixed 100 % (not fit-to: Excel ignores manual breaks under fit-to), rows 1–2 on every page", () => {
    expect(print).toMatchObject({ orientation: "portrait", paperSize: "A4", scale: 100, repeatRows: "1:2" });
    expect(print.fitToWidth).toBeUndefined();
    expect(PRINT_SCALE).toBe(100);
  });

  it("one page wide: the print area A–G (509.25 pt) fits the printable width (537.68 pt) at the scale", () => {
    expect([area.left, area.right]).toEqual([1, 7]);
    expect(areaWidthPoints(spec)).toBe(509.25);
    expect(areaWidthPoints(spec) * scaleOf(print)).toBeLessThanOrEqual(printablePoints(print).width);
  });

  it("no text below 9 pt at the print scale (every font in the print area × the scale)", () => {
    const sizes = spec.cells
      .filter((c) => typeof c.value === "string" || typeof c.value === "number")
      .filter((c) => {
        const { row, col } = parseA1(c.address);
        return row >= area.top && row <= area.bottom && col >= area.left && col <= area.right;
      })
      .map((c) => (c.style?.fontSize ?? 11) * scaleOf(print));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(9);
    expect(sizes.filter((s) => s === 9).length).toBeGreaterThan(0); // the 9 pt notes print at 9 pt
  });

  it(`${expectedPages} pages, every page within A4's printable height at the scale, each row height set`, () => {
    const capacity = printablePoints(print).height / scaleOf(print);
    expect(pages).toHaveLength(expectedPages);
    for (const p of pages) expect(p.used).toBeLessThanOrEqual(capacity);
    for (let r = area.top; r <= area.bottom; r++) expect(spec.rowHeights?.[r]).toBeGreaterThan(0);
  });

  it("every page break falls between two blocks, and each break is needed (the next block would not have fitted)", () => {
    const starts = blockStarts(spec);
    const breaks = print.rowBreaks ?? [];
    expect(breaks.length).toBe(expectedPages - 1);
    for (const b of breaks) expect(starts).toContain(b + 1);
    // Fewest pages: the block after each break would not have fitted on the page before it.
    const capacity = (printablePoints(print).height / scaleOf(print)) * 0.97;
    for (const b of breaks) {
      const page = pages[pageOf(pages, b)]!;
      const nextStart = b + 1;
      const nextEnd = (starts.find((s) => s > nextStart) ?? area.bottom + 1) - 1;
      let next = 0;
      for (let r = nextStart; r <= nextEnd; r++) next += rowPoints(spec, r);
      expect(page.used + next).toBeGreaterThan(capacity);
    }
  });

  it("the totals and both signature blocks (经办人, 审核人, 负责人, 日期) are on one page, the last", () => {
    const totals = rowOf(spec, (v) => /^合计/.test(v))[0]!;
    const signed = rowOf(spec, (v) => /（签字）|^日期：|（盖章）/.test(v));
    expect(signed).toHaveLength(2 * (SIGNATURE_ROLES.length + 2));
    const page = pageOf(pages, totals);
    expect(page).toBe(pages.length - 1);
    for (const r of signed) expect(pageOf(pages, r)).toBe(page);
    expect(Math.max(...signed)).toBe(area.bottom);
  });

  it("the signature blocks hold 经办人, 审核人 and 负责人 for each party", () => {
    expect(SIGNATURE_ROLES).toEqual(["经办人", "审核人", "负责人"]);
    for (const role of SIGNATURE_ROLES) {
      const rows = rowOf(spec, (v) => v === `${role}（签字）：________________`);
      expect(rows).toHaveLength(2);
      expect(rows[0]).toBe(rows[1]);
      expect(text(spec, `A${rows[0]}`)).toBe(`${role}（签字）：________________`);
      expect(text(spec, `E${rows[0]}`)).toBe(`${role}（签字）：________________`);
    }
  });

  it("nothing but the form is printed: the overview, forecast and chart note (I–L) and the note on how the sheet is made are outside the print area", () => {
    const chartNote = spec.cells.find((c) => typeof c.value === "string" && c.value.includes("命令行生成的文件不含图表"));
    const madeBy = spec.cells.find((c) => typeof c.value === "string" && c.value.startsWith("本表由程序"));
    expect(parseA1(chartNote?.address ?? "A1").col).toBeGreaterThan(area.right);
    expect(parseA1(madeBy?.address ?? "A1").row).toBeGreaterThan(area.bottom);
    for (const c of spec.cells) if (parseA1(c.address).col > area.right) expect(parseA1(c.address).col).toBeGreaterThanOrEqual(9);
  });
});

describe("a monthly 附件二 of the template prints on one landscape A4 page with its signature lines", () => {
  const spec = buildMonthSheet("2025-10");
  const print = spec.print!;
  const L = SCORECARD_LAYOUT;

  it("landscape A4, fit to 1 page wide and 1 page tall, the print area down to the date row under the signatures", () => {
    expect(print).toMatchObject({ orientation: "landscape", paperSize: "A4", fitToWidth: true, fitToHeight: true, printArea: `A1:I${L.dateRow}` });
    expect(text(spec, `B${L.signatureRow}`)).toBe("客户方签字：");
    expect(text(spec, `E${L.signatureRow}`)).toBe("运营提供方签字：");
    expect(text(spec, `B${L.dateRow}`)).toBe("日期：");
  });

  it("the fit scale it takes is about 70 % (the width 1136.25 pt and the height 757.5 pt both near the page's 798.69 × 537.68)", () => {
    const page = printablePoints(print);
    let height = 0;
    for (let r = 1; r <= L.dateRow; r++) height += rowPoints(spec, r);
    for (let r = 1; r <= L.dateRow; r++) expect(spec.rowHeights?.[r]).toBeGreaterThan(0);
    const width = areaWidthPoints(spec);
    expect(width).toBe(1136.25);
    expect(height).toBe(757.5);
    const scale = Math.min(page.width / width, page.height / height);
    expect(scale).toBeGreaterThan(0.7);
    // At that scale the whole sheet is one page: simulated with the scale fixed, one page.
    expect(simulatePages({ ...spec, print: { ...print, fitToWidth: false, scale: Math.floor(scale * 100) } })).toHaveLength(1);
  });

  it("leaves room in 完成情况 for what scoring writes there: the reports row and the bonus row are the tallest", () => {
    const h = spec.rowHeights ?? {};
    const reports = L.firstItemRow + 3; // 序号 4 数据分析
    const bonus = L.firstItemRow + 10; // 序号 11 加分项
    expect(h[reports]).toBe(60);
    expect(h[bonus]).toBe(60);
    expect(h[L.firstItemRow]).toBe(33);
  });
});

describe("the file mode writes the print setup (render-sheet.ts), schema-valid", () => {
  let n = 0;
  const styles: StyleAllocator = { restyle: () => ++n, highlight: () => 0 };

  it("付款结算: <pageSetup scale=\"100\"> without fitToPage, and <rowBreaks> after it, one <brk> a break", async () => {
    const { xml } = renderWorksheet(EXAMPLE_LIKE, styles);
    const breaks = EXAMPLE_LIKE.print?.rowBreaks ?? [];
    expect(xml).toContain(`<pageSetup paperSize="9" scale="100" orientation="portrait"/><rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">`);
    expect([...xml.matchAll(/<brk id="(\d+)" max="16383" man="1"\/>/g)].map((m) => Number(m[1]))).toEqual(breaks);
    expect(xml).not.toContain("fitToPage");
    expect(xml.endsWith("</rowBreaks></worksheet>")).toBe(true);
    expect((await checkParts([{ name: "xl/worksheets/sheet1.xml", data: xml }]))[0]?.errors ?? []).toEqual([]);
  });

  it("a monthly 附件二: fitToPage with fitToWidth=\"1\" fitToHeight=\"1\", no breaks", async () => {
    const { xml } = renderWorksheet(buildMonthSheet("2025-10"), styles);
    expect(xml).toContain('<pageSetUpPr fitToPage="1"/>');
    expect(xml).toContain('<pageSetup paperSize="9" fitToWidth="1" fitToHeight="1" orientation="landscape"/>');
    expect(xml).not.toContain("rowBreaks");
    expect((await checkParts([{ name: "xl/worksheets/sheet1.xml", data: xml }]))[0]?.errors ?? []).toEqual([]);
  });

  it("refuses breaks out of order and a scale outside 10–400", () => {
    const bad = (print: Partial<NonNullable<SheetSpec["print"]>>): SheetSpec => ({ ...EXAMPLE_LIKE, print: { ...EXAMPLE_LIKE.print!, ...print } });
    expect(() => renderWorksheet(bad({ rowBreaks: [20, 10] }), styles)).toThrow("invalid page breaks");
    expect(() => renderWorksheet(bad({ rowBreaks: [0] }), styles)).toThrow("invalid page breaks");
    expect(() => renderWorksheet(bad({ scale: 5 }), styles)).toThrow("invalid print scale");
  });
});

// ---------------------------------------------------------------------------------------------
// LibreOffice prints the files the command line writes.

function soffice(): string | null {
  for (const p of [process.env.SOFFICE, "/usr/bin/soffice", "/usr/local/bin/soffice", "/opt/libreoffice/program/soffice"]) if (p && existsSync(p)) return p;
  return null;
}
const SOFFICE = soffice();
const withLibreOffice = SOFFICE ? describe : describe.skip;

/** The PDF LibreOffice prints of `file` (each sheet's own print setup), as text per page, with word boxes. */
function printPdf(file: string, dir: string): { pages: string[]; bbox: string[] } {
  execFileSync(SOFFICE as string, [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", dir, file], { stdio: "ignore", timeout: 180_000 });
  const pdf = path.join(dir, `${path.basename(file, ".xlsx")}.pdf`);
  const count = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf]).toString())?.[1]);
  const pages: string[] = [];
  const bbox: string[] = [];
  for (let p = 1; p <= count; p++) {
    pages.push(execFileSync("pdftotext", ["-f", String(p), "-l", String(p), pdf, "-"]).toString());
    bbox.push(execFileSync("pdftotext", ["-bbox-layout", "-f", String(p), "-l", String(p), pdf, "-"]).toString());
  }
  return { pages, bbox };
}

/** The lines of a page (pdftotext -bbox-layout), each its words joined. */
function lines(bbox: string): string[] {
  return [...bbox.matchAll(/<line[^>]*>([\s\S]*?)<\/line>/g)].map((m) => [...(m[1] as string).matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => w[1]).join(""));
}

/** The smallest CJK text on a page, in points: a run of CJK characters is one em (the font size) a character. */
function smallestCjk(bbox: string): number {
  let min = Infinity;
  for (const m of bbox.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]+)<\/word>/g)) {
    const word = m[3] as string;
    if (word.length >= 2 && /^[\u4e00-\u9fff]+$/.test(word)) min = Math.min(min, (Number(m[2]) - Number(m[1])) / word.length);
  }
  return min;
}

const LONE_PUNCTUATION = /^[。，、；：」』）》,.;:)]+$/;

withLibreOffice(`LibreOffice prints the written files (skipped when soffice is missing${SOFFICE ? "" : ": it is missing here"})`, () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "print-layout-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("LibreOffice prints with Calibri's metrics (Carlito), as Excel does: otherwise every column is wider and nothing here is what Excel prints", () => {
    // Debian: apt-get install fonts-crosextra-carlito (Calibri's metric-compatible replacement).
    expect(execFileSync("fc-match", ["Calibri"]).toString()).toMatch(/Carlito/);
  });

  it("付款结算 of the example, scored by the command line: 3 pages, each with the title rows; text ≥ 9 pt; the totals with 审核人 / 负责人 of both parties on the last; no developer note; no lone 。 on a line", async () => {
    const out = path.join(dir, "scored.xlsx");
    const run = await runCli(["score", EXAMPLE, "-o", out, "--as-of", "2026-01-31"], new Date("2026-01-31T10:00:00+08:00"));
    expect(run.code).toBe(0);
    const pdf = printPdf(out, dir);
    const pay = pdf.pages.map((t, i) => ({ t, b: pdf.bbox[i] as string })).filter((p) => p.t.includes("付款结算单（合同§十 服务费用及支付方式）"));
    expect(pay).toHaveLength(3);
    expect(pay.map((p) => p.t.includes("第1笔"))).toEqual([true, false, false]);
    expect(pay.map((p) => p.t.includes("第2笔") && p.t.includes("第3笔"))).toEqual([false, true, false]);
    const last = pay[2]!.t;
    for (const words of ["合计", "应付合计", "甲方（盖章）", "乙方（盖章）", "违约金条款"]) expect(last).toContain(words);
    for (const role of SIGNATURE_ROLES) expect(last.split(`${role}（签字）`).length - 1).toBe(2);
    for (const p of pay) {
      expect(p.t).not.toContain("命令行生成的文件不含图表");
      expect(p.t).not.toContain("本表由程序");
      expect(p.t).not.toContain("月度考核得分一览");
      expect(lines(p.b).filter((l) => LONE_PUNCTUATION.test(l))).toEqual([]);
      expect(smallestCjk(p.b)).toBeGreaterThanOrEqual(8.95);
    }
  });

  it("a new contract year's template (hotline-scorecard template): each of the 12 monthly 附件二 on one landscape page, its signature lines on it", async () => {
    const out = path.join(dir, "template.xlsx");
    const run = await runCli(["template", "--from", "2026-12", "--months", "12", "-o", out], new Date("2026-11-20T10:00:00+08:00"));
    expect(run.code).toBe(0);
    const pdf = printPdf(out, dir);
    const pdfName = path.join(dir, "template.pdf");
    const months = pdf.pages.filter((t) => /服务热线质量考核-\d{4}年\d{1,2}月/.test(t));
    expect(months).toHaveLength(12);
    expect(new Set(months.map((t) => /质量考核-(\d{4}年\d{1,2}月)/.exec(t)?.[1])).size).toBe(12);
    for (const t of months) {
      expect(t).toContain("客户方签字");
      expect(t).toContain("运营提供方签字");
      expect(t).toContain("弄虚作假"); // the last of the 14 rows
    }
    // Landscape: the first page is wider than tall.
    const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(execFileSync("pdfinfo", [pdfName]).toString());
    expect(Number(size?.[1])).toBeGreaterThan(Number(size?.[2]));
    expect(readFileSync(pdfName).length).toBeGreaterThan(0);
  });
});
