/** scripts/mutation-figures.ts: the figures of `npm run mutation`, from a small hand-made Stryker json report. */
// @ts-nocheck

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { budgetFigures, fileFigures, formatFileTable, formatMutationFigures, layerFigures, layerOf, mergeReports, type MutationReport, readReport } from "../../scripts/mutation-figures";

const m = (status: string, n: number, statusReason?: string) => Array.from({ length: n }, () => (statusReason === undefined ? { status } : { status, statusReason }));
const STATIC = 'Static mutant (and "ignoreStatic" was enabled)';

/**
 * src/domain: a.ts 8 killed + 1 timeout of 10 scored (90 %), b.ts 17 of 20 (85 %) → 26 of 30 = 86.67 %;
 * src/workbook: c.ts 4 killed of 5 scored = 80 %; src/hosts: no budget.
 */
const REPORT: MutationReport = {
  files: {
    "src/domain/b.ts": { mutants: [...m("Killed", 17), ...m("Survived", 2), ...m("NoCoverage", 1), ...m("RuntimeError", 3), ...m("Ignored", 2, STATIC)] },
    "src/domain/a.ts": { mutants: [...m("Killed", 8), ...m("Timeout", 1), ...m("Survived", 1), ...m("Ignored", 4, "a memo: making the value again gives the same value"), ...m("CompileError", 1)] },
    "src/workbook/c.ts": { mutants: [...m("Killed", 4), ...m("Survived", 1)] },
    "src/hosts/file/d.ts": { mutants: [...m("Ignored", 1, STATIC)] },
  },
};

describe("per-file figures", () => {
  it("counts each status, sorted by path; the score is (killed + timeout) / (killed + timeout + survived + no coverage)", () => {
    expect(fileFigures(REPORT)).toEqual([
      { file: "src/domain/a.ts", killed: 8, survived: 1, noCoverage: 0, timeout: 1, errors: 1, ignored: 4, staticIgnored: 0, score: 90 },
      { file: "src/domain/b.ts", killed: 17, survived: 2, noCoverage: 1, timeout: 0, errors: 3, ignored: 2, staticIgnored: 2, score: 85 },
      { file: "src/hosts/file/d.ts", killed: 0, survived: 0, noCoverage: 0, timeout: 0, errors: 0, ignored: 1, staticIgnored: 1, score: null },
      { file: "src/workbook/c.ts", killed: 4, survived: 1, noCoverage: 0, timeout: 0, errors: 0, ignored: 0, staticIgnored: 0, score: 80 },
    ]);
  });

  it("refuses a status it does not know (a pending run), naming the file", () => {
    expect(() => fileFigures({ files: { "src/domain/x.ts": { mutants: [{ status: "Pending" }] } } })).toThrow('src/domain/x.ts: a mutant with status "Pending"');
  });
});

describe("layers", () => {
  it.each([
    ["src/domain/scoring.ts", "src/domain"],
    ["src/workbook/read/contract-sheets.ts", "src/workbook"],
    ["src/hosts/file/package/worksheet.ts", "src/hosts"],
    ["src/index.ts", "src"],
    ["top.ts", "."],
  ])("%s is in %s", (file, layer) => {
    expect(layerOf(file)).toBe(layer);
  });

  it("adds up the files of a layer and scores the sums (not the mean of the files' scores)", () => {
    const [domain, hosts, workbook] = layerFigures(fileFigures(REPORT));
    expect(domain).toEqual({ file: "src/domain", killed: 25, survived: 3, noCoverage: 1, timeout: 1, errors: 4, ignored: 6, staticIgnored: 2, score: (26 / 30) * 100 });
    expect(hosts).toEqual(expect.objectContaining({ file: "src/hosts", ignored: 1, score: null }));
    expect(workbook).toEqual(expect.objectContaining({ file: "src/workbook", killed: 4, survived: 1, score: 80 }));
  });

  it("holds each layer to its budget: src/domain 86.67 % < 90 % → NO; src/workbook 80 % ≥ 80 % → yes; src/hosts has none", () => {
    expect(budgetFigures(fileFigures(REPORT))).toEqual([
      { figure: "mutation score, src/domain", value: "86.67 % (26 of 30)", budget: "≥ 90 %", holds: false, note: "6 ignored, not scored: 4 disabled in the code with a reason, 2 static" },
      { figure: "mutation score, src/hosts", value: "— (0 of 0)", budget: "—", holds: null, note: "1 ignored, not scored: 0 disabled in the code with a reason, 1 static" },
      { figure: "mutation score, src/workbook", value: "80.00 % (4 of 5)", budget: "≥ 80 %", holds: true },
    ]);
  });

  it("a budgeted layer missing from the report is listed, holds? —", () => {
    const only = fileFigures({ files: { "src/domain/a.ts": REPORT.files["src/domain/a.ts"]! } });
    expect(budgetFigures(only).map((f) => [f.figure, f.value, f.budget, f.holds])).toEqual([
      ["mutation score, src/domain", "90.00 % (9 of 10)", "≥ 90 %", true],
      ["mutation score, src/workbook", "not in this report", "≥ 80 %", null],
    ]);
  });
});

describe("the printed figures", () => {
  it("a per-file table, the layers under a rule, then the bench's figure | value | budget | holds? table", () => {
    expect(formatMutationFigures(REPORT).split("\n")).toEqual([
      "file                | killed | survived | no coverage | timeout | errors | ignored (static) |   score",
      "--------------------|--------|----------|-------------|---------|--------|------------------|--------",
      "src/domain/a.ts     |      8 |        1 |           0 |       1 |      1 |            4 (0) | 90.00 %",
      "src/domain/b.ts     |     17 |        2 |           1 |       0 |      3 |            2 (2) | 85.00 %",
      "src/hosts/file/d.ts |      0 |        0 |           0 |       0 |      0 |            1 (1) |       —",
      "src/workbook/c.ts   |      4 |        1 |           0 |       0 |      0 |            0 (0) | 80.00 %",
      "--------------------|--------|----------|-------------|---------|--------|------------------|--------",
      "src/domain (all)    |     25 |        3 |           1 |       1 |      4 |            6 (2) | 86.67 %",
      "src/hosts (all)     |      0 |        0 |           0 |       0 |      0 |            1 (1) |       —",
      "src/workbook (all)  |      4 |        1 |           0 |       0 |      0 |            0 (0) | 80.00 %",
      "",
      "figure                       | value              | budget | holds?",
      "-----------------------------|--------------------|--------|-------",
      "mutation score, src/domain   | 86.67 % (26 of 30) | ≥ 90 % | NO",
      "mutation score, src/hosts    | — (0 of 0)         | —      | —",
      "mutation score, src/workbook | 80.00 % (4 of 5)   | ≥ 80 % | yes",
      "",
      "* mutation score, src/domain: 6 ignored, not scored: 4 disabled in the code with a reason, 2 static",
      "* mutation score, src/hosts: 1 ignored, not scored: 0 disabled in the code with a reason, 1 static",
    ]);
  });

  it("a report with no file says so", () => {
    expect(formatMutationFigures({ files: {} })).toBe("No mutated file in this report.");
  });

  it("the table alone for one file (the file column as wide as its layer's row)", () => {
    expect(formatFileTable(fileFigures({ files: { "src/workbook/c.ts": REPORT.files["src/workbook/c.ts"]! } })).split("\n")[2]).toBe("src/workbook/c.ts  |      4 |        1 |           0 |       0 |      0 |            0 (0) | 80.00 %");
  });
});

describe("several reports (runs narrowed with --mutate) read as one", () => {
  it("keeps the files of each; a file in a later report replaces the earlier one", () => {
    const later: MutationReport = { files: { "src/domain/a.ts": { mutants: [...m("Killed", 10)] }, "src/domain/e.ts": { mutants: [...m("Survived", 1)] } } };
    const merged = fileFigures(mergeReports([REPORT, later]));
    expect(merged.map((f) => [f.file, f.killed, f.survived, f.score])).toEqual([
      ["src/domain/a.ts", 10, 0, 100],
      ["src/domain/b.ts", 17, 2, 85],
      ["src/domain/e.ts", 0, 1, 0],
      ["src/hosts/file/d.ts", 0, 0, null],
      ["src/workbook/c.ts", 4, 1, 80],
    ]);
  });
});

describe("reading a report", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "mutation-figures-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("reads Stryker's json (extra fields are ignored)", () => {
    const file = path.join(dir, "mutation.json");
    writeFileSync(file, JSON.stringify({ schemaVersion: "1.0", thresholds: { high: 90, low: 80 }, ...REPORT }));
    expect(fileFigures(readReport(file)).map((f) => [f.file, f.score])).toEqual([
      ["src/domain/a.ts", 90],
      ["src/domain/b.ts", 85],
      ["src/hosts/file/d.ts", null],
      ["src/workbook/c.ts", 80],
    ]);
  });

  it("refuses a json without files, naming the file", () => {
    const file = path.join(dir, "other.json");
    writeFileSync(file, JSON.stringify({ schemaVersion: "1.0" }));
    expect(() => readReport(file)).toThrow(`${file} is not a Stryker json report (no "files")`);
  });
});
