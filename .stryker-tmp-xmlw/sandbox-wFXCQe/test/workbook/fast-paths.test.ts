/**
 * The workbook layer's speed-ups give the results of the plain code they replace (fast-check,
 * seeded): normalizeText's already-normal check and memos, parseA1 read character by character,
 * a1's column letters made once, and SheetGrid's rows kept as arrays.
 */
// @ts-nocheck

import fc from "fast-check";
import { SheetGrid } from "../../src/workbook/read/grid";
import { a1, columnLetter, parseA1, ReadCell } from "../../src/workbook/model";
import { looseHeader, normalizeHeader, normalizeText } from "../../src/workbook/read/normalize";

const SEED = 7_2026;

/** normalizeText, normalizeHeader and looseHeader as they were written, without memo or shortcut. */
const BRACKETS: Record<string, string> = { "【": "[", "】": "]", "〔": "(", "〕": ")", "〖": "[", "〗": "]", "［": "[", "］": "]", "｛": "{", "｝": "}", "〈": "<", "〉": ">", "《": "<", "》": ">" };
function normalizeReference(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, "")
    .replace(/[【】〔〕〖〗［］｛｝〈〉《》]/g, (c) => BRACKETS[c] ?? c)
    .toLowerCase();
}
const headerReference = (text: string) => normalizeReference(text).replace(/\((?:是\/否|否\/是|有\/无|无\/有|y\/n|yes\/no|是否|有无)\)$/, "");
const looseReference = (text: string) => headerReference(text).replace(/\([^()]*\)$/, "");

/** Text as clerks type it: ASCII, CJK, full-width forms, brackets, spaces of every kind, and anything else. */
const clerkText: fc.Arbitrary<string> = fc.oneof(
  fc
    .array(fc.constantFrom("团", "队", "人", "数", "考核", "月份", "a", "B", "z", "Z", "1", "0", "(", ")", "（", "）", "/", "是", "否", "Ｙ", "ｎ", "２", "【", "】", "《", " ", "\u3000", "\u00a0", "\n", "\u200b", "\ufeff", "：", ":", "ﬁ", "Ⅻ", "㈱", "⼈", "\u0301", "e", "ß", "İ"), { maxLength: 12 })
    .map((parts) => parts.join("")),
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.string({ unit: "binary", maxLength: 12 }),
);

describe("normalizeText with its already-normal check and memo", () => {
  it("gives what NFKC, space removal, bracket mapping and lower case give, first time and again", () => {
    fc.assert(
      fc.property(clerkText, (text) => {
        const expected = [normalizeReference(text), headerReference(text), looseReference(text)];
        const once = [normalizeText(text), normalizeHeader(text), looseHeader(text)];
        const twice = [normalizeText(text), normalizeHeader(text), looseHeader(text)];
        return once.every((v, i) => v === expected[i]) && twice.every((v, i) => v === expected[i]);
      }),
      { seed: SEED, numRuns: 5000 },
    );
  });

  it("returns an already-normal text as it is and still normalizes what only looks plain", () => {
    for (const text of ["团队人数", "x月完成情况", "2025-10", "a(b)", "考核得分:"]) expect(normalizeText(text)).toBe(text);
    expect(normalizeText("Team")).toBe("team");
    expect(normalizeText("团 队")).toBe("团队");
    expect(normalizeText("⼈数")).toBe("人数"); // a Kangxi radical, outside U+4E00–U+9FFF
    expect(normalizeText("e\u0301")).toBe("é");
  });
});

/** parseA1 as it was written: the regular expression over the upper-cased text. */
function parseA1Reference(address: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(address.toUpperCase());
  if (!m) throw new RangeError(`not an A1 address: ${address}`);
  let col = 0;
  for (const ch of m[1] ?? "") col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

function outcome(f: () => unknown): string {
  try {
    return JSON.stringify(f());
  } catch (e) {
    return `threw ${String(e)}`;
  }
}

describe("A1 addresses", () => {
  it("parseA1 reads (or refuses) every text as the regular expression does", () => {
    const pieces = fc.constantFrom("A", "z", "XFD", "$", "1", "07", "1048576", "ß", "ı", "ﬀ", "Ａ", "١", "@", "[", "`", "{", " ", "-", "");
    fc.assert(
      fc.property(fc.oneof(fc.array(pieces, { maxLength: 5 }).map((p) => p.join("")), fc.string({ maxLength: 8 })), (text) => outcome(() => parseA1(text)) === outcome(() => parseA1Reference(text))),
      { seed: SEED, numRuns: 5000 },
    );
  });

  it("a1 names every column as columnLetter does", () => {
    for (let col = 1; col <= 2000; col++) expect(a1(7, col)).toBe(`${columnLetter(col)}7`);
    expect(a1(3, 0)).toBe("3");
    expect(a1(3, 16384)).toBe("XFD3");
    expect(parseA1(a1(1048576, 16384))).toEqual({ row: 1048576, col: 16384 });
  });
});

/** SheetGrid as it was written: a map of maps. */
class ReferenceGrid {
  private readonly byRow = new Map<number, Map<number, ReadCell>>();
  readonly rows: number[];
  constructor(cells: ReadCell[]) {
    for (const cell of cells) {
      let row = this.byRow.get(cell.row);
      if (!row) {
        row = new Map();
        this.byRow.set(cell.row, row);
      }
      row.set(cell.col, cell);
    }
    this.rows = [...this.byRow.keys()].sort((a, b) => a - b);
  }
  cell(row: number, col: number): ReadCell | undefined {
    return this.byRow.get(row)?.get(col);
  }
  rowCells(row: number): ReadCell[] {
    const r = this.byRow.get(row);
    return r ? [...r.values()].sort((a, b) => a.col - b.col) : [];
  }
}

describe("SheetGrid", () => {
  it("finds the same cells as a map of maps, whatever the order of the snapshot and with a cell given twice", () => {
    const cellArb = fc.record({ row: fc.integer({ min: 1, max: 6 }), col: fc.integer({ min: 1, max: 8 }), value: fc.oneof(fc.string({ maxLength: 3 }), fc.integer()) });
    fc.assert(
      fc.property(fc.array(cellArb, { maxLength: 40 }), fc.boolean(), (raw, rowMajor) => {
        const cells: ReadCell[] = raw.map((c) => ({ ...c, numberFormat: "General" }));
        if (rowMajor) cells.sort((a, b) => a.row - b.row || a.col - b.col);
        const grid = new SheetGrid({ name: "表", index: 0, cells, merges: [] });
        const reference = new ReferenceGrid(cells);
        if (JSON.stringify(grid.rows) !== JSON.stringify(reference.rows)) return false;
        for (let row = 0; row <= 7; row++) {
          const mine = grid.rowCells(row);
          const theirs = reference.rowCells(row);
          if (mine.length !== theirs.length || mine.some((c, i) => c !== theirs[i])) return false;
          for (let col = 0; col <= 9; col++) if (grid.cell(row, col) !== reference.cell(row, col)) return false;
        }
        return true;
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it("gives a fresh array of a row's cells each time", () => {
    const grid = new SheetGrid({ name: "表", index: 0, cells: [{ row: 1, col: 1, value: "a", numberFormat: "General" }, { row: 1, col: 2, value: "b", numberFormat: "General" }], merges: [] });
    grid.rowCells(1).pop();
    expect(grid.rowCells(1).map((c) => c.value)).toEqual(["a", "b"]);
  });
});
