/**
 * The house rules, read off the source: arrows run one way (domain ← workbook ← hosts ← taskpane /
 * cli), the host-free layers import no host library or Node built-in, and no module imports itself
 * back through others. A move or an import that breaks the layout fails here, naming the file.
 */
// @ts-nocheck

import { readdirSync, readFileSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";

const SRC = path.resolve(__dirname, "../../src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

/** Every module specifier of a file: static imports and re-exports, import(), require(). */
function specifiers(text: string): string[] {
  const out: string[] = [];
  const re = /(?:^|[^\w.])(?:import|export)\s[^;]*?\sfrom\s*["']([^"']+)["']|(?:^|[^\w.])import\s*["']([^"']+)["']|\bimport\(\s*(?:\/\*[^*]*\*\/\s*)?["']([^"']+)["']\s*\)|\brequire(?:\.resolve)?\(\s*["']([^"']+)["']/gm;
  for (const m of text.matchAll(re)) out.push((m[1] ?? m[2] ?? m[3] ?? m[4]) as string);
  return out;
}

function resolveLocal(from: string, spec: string): string {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  throw new Error(`${path.relative(SRC, from)} imports "${spec}", which is not a file`);
}

const layerOf = (file: string) => path.relative(SRC, file).split(path.sep)[0] ?? "";

const FILES = sourceFiles(SRC);
const GRAPH = new Map<string, { local: string[]; packages: string[] }>(
  FILES.map((file) => {
    const specs = specifiers(readFileSync(file, "utf8"));
    return [
      file,
      {
        local: specs.filter((s) => s.startsWith(".")).map((s) => resolveLocal(file, s)),
        packages: specs.filter((s) => !s.startsWith(".")),
      },
    ];
  }),
);

/** Which layers each layer may import (itself included). */
const MAY_IMPORT: Record<string, readonly string[]> = {
  domain: ["domain"],
  workbook: ["domain", "workbook"],
  hosts: ["domain", "workbook", "hosts"],
  taskpane: ["domain", "workbook", "hosts", "taskpane"],
  cli: ["domain", "workbook", "hosts", "cli"],
};

/** The packages the pure layers may use: small libraries of data and arithmetic, nothing of a host. */
const PURE_PACKAGES: Record<string, readonly string[]> = {
  domain: ["decimal.js", "chinese-days", "nzh"],
  workbook: ["decimal.js"],
};

/** "nzh/cn" → "nzh", "@scope/pkg/x" → "@scope/pkg". */
const packageName = (spec: string) => spec.split("/").slice(0, spec.startsWith("@") ? 2 : 1).join("/");

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

describe("the layout of src/", () => {
  it("has exactly the five rooms", () => {
    expect(readdirSync(SRC).filter((n) => statSync(path.join(SRC, n)).isDirectory()).sort()).toEqual(["cli", "domain", "hosts", "taskpane", "workbook"]);
  });

  it("sees the import graph (the reader is not blind: known arrows are found)", () => {
    const plan = GRAPH.get(path.join(SRC, "workbook/plan.ts"));
    expect(plan?.local).toContain(path.join(SRC, "workbook/read/find-scorecards.ts"));
    expect(GRAPH.get(path.join(SRC, "hosts/file/package/xml.ts"))?.packages).toContain("saxes");
    expect(GRAPH.get(path.join(SRC, "taskpane/file.ts"))?.local).toContain(path.join(SRC, "hosts/file/file-adapter.ts"));
  });

  it("runs its arrows one way: domain ← workbook ← hosts ← taskpane / cli", () => {
    const wrong: string[] = [];
    for (const [file, { local }] of GRAPH) {
      const from = layerOf(file);
      const allowed = MAY_IMPORT[from];
      if (!allowed) throw new Error(`${path.relative(SRC, file)} is outside the five rooms`);
      for (const target of local) {
        if (!allowed.includes(layerOf(target))) wrong.push(`${path.relative(SRC, file)} → ${path.relative(SRC, target)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("keeps domain and workbook host-free: no ExcelJS, office-js, React or Node built-in", () => {
    const wrong: string[] = [];
    for (const [file, { packages }] of GRAPH) {
      const allowed = PURE_PACKAGES[layerOf(file)];
      if (!allowed) continue;
      for (const p of packages) if (!allowed.includes(packageName(p)) || NODE_BUILTINS.has(p)) wrong.push(`${path.relative(SRC, file)} imports ${p}`);
    }
    expect(wrong).toEqual([]);
  });

  it("has no import circles", () => {
    const cycles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const stack: string[] = [];
    const visit = (file: string): void => {
      state.set(file, "open");
      stack.push(file);
      for (const next of GRAPH.get(file)?.local ?? []) {
        if (state.get(next) === "open") cycles.push([...stack.slice(stack.indexOf(next)), next].map((f) => path.relative(SRC, f)).join(" → "));
        else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(file, "done");
    };
    for (const file of FILES) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });
});
