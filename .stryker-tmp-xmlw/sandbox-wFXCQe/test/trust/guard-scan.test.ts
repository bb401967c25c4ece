/**
 * The guard's light scan (issue 13, speed): parts too small to hold more rows or cells than the
 * limits allow are not counted, only their head is decoded (a worksheet's <dimension>) and a DTD is
 * looked for at each "!" of the bytes. Those shortcuts must refuse what the full scan refuses: a DTD
 * wherever it sits (behind other "!"s, across the 64 KB slices a part is scanned in, in a part that
 * is not a sheet), a <dimension> over the limit however late in the head it comes.
 */
// @ts-nocheck

import JSZip from "jszip";
import { inspectXlsx } from "../../src/hosts/file/guard";
import { nodeInflateSync } from "../../src/hosts/file/node-zlib";
import { exampleWorkbook } from "../fixtures/workbooks";

const SHEET = "xl/worksheets/sheet1.xml";
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const DTD = '<!DOCTYPE x [<!ENTITY a "a">]>';

/** The example workbook with `part` replaced, stored (method 0) or deflated. */
async function withPart(part: string, text: string, stored: boolean): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync((await exampleWorkbook()).buffer);
  zip.file(part, text, stored ? { compression: "STORE" } : { compression: "DEFLATE" });
  return zip.generateAsync({ type: "uint8array", compression: stored ? "STORE" : "DEFLATE" });
}

/** A worksheet whose DTD starts `at` characters in (ASCII padding in a comment before it). */
function sheetWithDtdAt(at: number): string {
  const head = '<?xml version="1.0"?><!--';
  const pad = "x".repeat(Math.max(0, at - head.length - 3));
  return `${head}${pad}-->${DTD}<worksheet ${NS}><sheetData/></worksheet>`;
}

describe("the guard's light scan refuses what the full scan refuses", () => {
  // Slices of 64 KB: a DTD whose "<" is the last byte of a slice, whose "!" is, and one inside.
  it.each([
    ["at the start", 40],
    ["its '!' the last byte of the first 64 KB slice", 65_534],
    ["its '<' the last byte of the first slice, its '!' the first of the second", 65_535],
    ["split after '<!DOC'", 65_536 - 5],
    ["deep in the second slice", 100_000],
  ])("a DTD in a stored worksheet, %s", async (_name, at) => {
    for (const stored of [true, false]) {
      const text = sheetWithDtdAt(at);
      expect(text.indexOf("<!DOCTYPE")).toBe(Math.max(at, 40));
      const bytes = await withPart(SHEET, text, stored);
      for (const v of [await inspectXlsx(bytes), await inspectXlsx(bytes, { inflateSync: nodeInflateSync })]) {
        expect(v.ok).toBe(false);
        if (v.ok) continue;
        expect(v.code).toBe("dtd");
        expect(v.part).toBe(SHEET);
      }
    }
  });

  it("a DTD behind formulas full of '!' (other sheets' cells), and in a part that is not a sheet", async () => {
    const formulas = Array.from({ length: 2000 }, (_, i) => `<c r="A${i + 1}"><f>汇总!B${i + 1}+'x y'!C1</f></c>`).join("");
    const late = `<?xml version="1.0"?><worksheet ${NS}><sheetData><row r="1">${formulas}</row></sheetData><!-- ! --></worksheet>`;
    const sheet = late.replace("<!-- ! -->", `<!-- ! -->${"!".repeat(10)}`).replace(`<?xml version="1.0"?>`, `<?xml version="1.0"?>${DTD}`);
    const v1 = await inspectXlsx(await withPart(SHEET, sheet, false), { inflateSync: nodeInflateSync });
    expect(v1.ok ? null : v1.code).toBe("dtd");
    // The same formulas without a DTD pass: the "!"s alone are not a DTD.
    expect((await inspectXlsx(await withPart(SHEET, late, false), { inflateSync: nodeInflateSync })).ok).toBe(true);
    const styles = `<?xml version="1.0"?>${DTD}<styleSheet ${NS}/>`;
    const v2 = await inspectXlsx(await withPart("xl/styles.xml", styles, true));
    expect(v2.ok ? null : [v2.code, v2.part]).toEqual(["dtd", "xl/styles.xml"]);
  });

  it("counts where the bytes could hold too many: 200,001 bare '<row>' tags (5 bytes each) and 2,000,001 '<c>' (3 each) are refused", async () => {
    const rows = `<?xml version="1.0"?><worksheet ${NS}><sheetData>${"<row>".repeat(200_001)}</sheetData></worksheet>`;
    const v1 = await inspectXlsx(await withPart(SHEET, rows, false), { inflateSync: nodeInflateSync });
    expect(v1.ok ? null : v1.code).toBe("too-many-rows");
    const cells = `<?xml version="1.0"?><worksheet ${NS}><sheetData><row>${"<c>".repeat(2_000_001)}</row></sheetData></worksheet>`;
    const v2 = await inspectXlsx(await withPart(SHEET, cells, false), { inflateSync: nodeInflateSync });
    expect(v2.ok ? null : v2.code).toBe("too-many-cells");
  });

  it("a <dimension> over the row limit after 10 KB of head is still read (the head is decoded 4 KB at a time)", async () => {
    const pad = `<sheetPr><tabColor rgb="FF00FF00"/></sheetPr><!--${"y".repeat(10_000)}-->`;
    const text = `<?xml version="1.0"?><worksheet ${NS}>${pad}<dimension ref="A1:B300000"/><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`;
    const v = await inspectXlsx(await withPart(SHEET, text, false), { inflateSync: nodeInflateSync });
    expect(v.ok ? null : v.code).toBe("too-many-rows");
    if (!v.ok) expect(v.message).toContain("A1:B300000 有 300,000 行");
    // Under the limit, the same head passes.
    const fine = text.replace("A1:B300000", "A1:B200000");
    expect((await inspectXlsx(await withPart(SHEET, fine, false), { inflateSync: nodeInflateSync })).ok).toBe(true);
  });
});
