/**
 * The command line's build loads fflate on first use (scripts/lazy-fflate.mjs): its start does not
 * pay for fflate's tables. The forwarders must behave as fflate itself: a small program importing
 * the three names the project uses is built with the plugin and run: it must round-trip data
 * through them, and fflate's module body must be behind the first call.
 */
// @ts-nocheck

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

it("forwards deflateSync, inflateSync and Inflate to fflate, loading it only at the first call", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "lazy-fflate-"));
  try {
    const entry = path.join(dir, "entry.mjs");
    writeFileSync(
      entry,
      `import { deflateSync, inflateSync, Inflate } from "fflate";
const data = new TextEncoder().encode("考核得分".repeat(1000));
const packed = deflateSync(data, { level: 1 });
const back = inflateSync(packed, { out: new Uint8Array(data.length) });
const chunks = [];
const stream = new Inflate((chunk) => chunks.push(chunk));
stream.push(packed, true);
const streamed = Buffer.concat(chunks);
console.log(JSON.stringify({ size: data.length, same: Buffer.from(back).equals(Buffer.from(data)), streamed: streamed.equals(Buffer.from(data)), isInflate: typeof stream.push }));
`,
    );
    const build = path.join(dir, "build.mjs");
    const out = path.join(dir, "out.cjs");
    writeFileSync(
      build,
      `import { build } from ${JSON.stringify(require.resolve("esbuild"))};
import { lazyFflate } from ${JSON.stringify(path.join(ROOT, "scripts", "lazy-fflate.mjs"))};
await build({ entryPoints: [${JSON.stringify(entry)}], outfile: ${JSON.stringify(out)}, bundle: true, platform: "node", format: "cjs", nodePaths: [${JSON.stringify(path.join(ROOT, "node_modules"))}], plugins: [lazyFflate], logLevel: "error" });
`,
    );
    execFileSync(process.execPath, [build], { cwd: ROOT });
    const bundled = readFileSync(out, "utf8");
    // fflate's module body sits inside a function run on the first call, not at the top level.
    expect(bundled).toMatch(/real \?\?= require_\w+\(\)/);
    const result = JSON.parse(execFileSync(process.execPath, [out], { encoding: "utf8" })) as Record<string, unknown>;
    expect(result).toEqual({ size: 12000, same: true, streamed: true, isInflate: "function" });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
