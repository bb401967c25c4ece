/**
 * The command line's start (bin/hotline-scorecard.js): V8's interrupt budget is raised before the
 * bundle is compiled (issue 13's whole-process budget: on two cores TurboFan's background compiles of
 * a short run compete with the garbage collector; `npm run bench -- --only=process` measures it). The
 * flag must come first: V8 checks a code cache against the flags it was made under, so a flag set
 * after the bundle's vm.Script would leave every run's cache made and checked under different flags.
 */
// @ts-nocheck

import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";

const BIN = path.join(__dirname, "..", "..", "bin", "hotline-scorecard.js");
const LIB = path.join(__dirname, "..", "..", "lib");
const EXAMPLE = path.join(__dirname, "..", "..", "assets", "example-2024-2025.xlsx");

describe("the command line's start", () => {
  const source = readFileSync(BIN, "utf8");

  it("raises V8's interrupt budget to four times Node 20's default, before the bundle is compiled", () => {
    const flag = source.indexOf('require("v8").setFlagsFromString("--interrupt-budget=270336");');
    const compile = source.indexOf("new vm.Script(");
    expect(flag).toBeGreaterThan(0);
    expect(compile).toBeGreaterThan(flag);
    expect(270336).toBe(4 * 66 * 1024);
    // Set once, nowhere else: a second setting later on would be made after the compile.
    expect(source.split("setFlagsFromString").length).toBe(2);
  });

  it("still starts: --help answers with the usage and exit 0 under the raised budget", () => {
    const r = spawnSync(process.execPath, [BIN, "--help"], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("hotline-scorecard score");
    expect(r.stderr).toBe("");
  });

  it("works on a Node 20 older than 20.15, which has no zlib.crc32: the same scores, a zip whose checksums hold, no code cache touched", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bin-start-"));
    try {
      const preload = path.join(dir, "no-crc32.js");
      writeFileSync(preload, 'require("zlib").crc32 = undefined;\n');
      const caches = () => readdirSync(LIB).filter((f) => f.endsWith(".cache")).sort();
      const score = (extra: string[], out: string) => spawnSync(process.execPath, [...extra, BIN, "score", EXAMPLE, "-o", out, "--json", "--as-of", "2025-12-31"], { encoding: "utf8" });
      const usual = score([], path.join(dir, "usual.xlsx"));
      expect(usual.status).toBe(0);
      const before = caches();
      const old = score(["--require", preload], path.join(dir, "old.xlsx"));
      expect(old.stderr).toBe("");
      expect(old.status).toBe(0);
      expect(JSON.parse(old.stdout)).toEqual(JSON.parse(usual.stdout));
      expect(caches()).toEqual(before);
      // JSZip checks every entry's CRC-32 against its content: the JavaScript CRC-32 wrote them.
      const zip = await JSZip.loadAsync(readFileSync(path.join(dir, "old.xlsx")), { checkCRC32: true });
      const sheet = await zip.file("xl/worksheets/sheet1.xml")?.async("string");
      expect(sheet).toContain("<sheetData>");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
