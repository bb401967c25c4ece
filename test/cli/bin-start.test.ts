/**
 * The command line's start (bin/hotline-scorecard.js): V8's interrupt budget is raised before the
 * bundle is compiled (issue 13's whole-process budget: on two cores TurboFan's background compiles of
 * a short run compete with the garbage collector; `npm run bench -- --only=process` measures it). The
 * flag must come first: V8 checks a code cache against the flags it was made under, so a flag set
 * after the bundle's vm.Script would leave every run's cache made and checked under different flags.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

const BIN = path.join(__dirname, "..", "..", "bin", "hotline-scorecard.js");

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
});
