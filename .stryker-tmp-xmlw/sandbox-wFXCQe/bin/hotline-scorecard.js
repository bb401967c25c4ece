#!/usr/bin/env node
// @ts-nocheck
// The command line, compiled ahead of time (scripts/build-cli.mjs, run by npm's prepare on
// `npm ci` / `npm install`): plain JavaScript at start, no TypeScript compiler.
//
// V8's code cache: the bundle is compiled through vm.Script with the bytecode a previous `score`
// run left beside it (lib/hotline-scorecard.js.cache), so a clerk's run does not parse and compile
// the ~0.8 MB bundle's functions again (~25 ms of a ~0.4 s run on a 120-month book). V8 checks a
// cache against its own version and flags but, of the source, only its length: so the cache's name
// carries the bundle's length and CRC-32, and a rebuilt bundle does not meet bytecode of another
// build (two builds of one length would have to share a CRC-32: one chance in 4 billion, and lib/
// is written only by the build). zlib's CRC-32, not a SHA-256: zlib is loaded by the bundle anyway,
// and loading Node's crypto module and hashing cost ~3 ms of every start. A missing or rejected cache is made anew after the next `score` (written to a temporary
// file and renamed, so two runs at once never leave half a file; caches of other builds removed).
// Where lib/ is read-only, nothing is cached and nothing fails.
"use strict";
// V8's optimizing compiler tuned for a run of a fraction of a second: a function is optimized once it
// has used four times V8's default interrupt budget (66 KB of bytecode run, Node 20's V8 11.3), so
// only what stays hot is compiled. By default a 120-month score has TurboFan compile so much on the
// other core (callgrind: ~1.9 G instructions on background threads, mostly graph reduction, beside
// ~2.4 G on the main thread) that on two cores it competes with the garbage collector's helpers:
// set here, the whole process took 55 ms less (426 → 361 ms, medians of 30 interleaved runs; 2× and
// 8× the default gave −53 and −44 ms). Set before the bundle is compiled, so the code cache below is
// made and checked under the same flags (V8 rejects a cache made under other ones). Node's
// documentation warns that a flag set after start may do nothing: this one is read whenever a
// function's budget is set, and the bench (npm run bench -- --only=process) shows the effect.
require("v8").setFlagsFromString("--interrupt-budget=270336");
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const zlib = require("zlib");
const Module = require("module");

const compiled = path.join(__dirname, "..", "lib", "hotline-scorecard.js");
let bytes;
try {
  bytes = fs.readFileSync(compiled);
} catch {
  process.stderr.write(
    "hotline-scorecard 尚未编译：请在项目目录运行 npm run build:cli（npm ci 会自动编译）\n" +
      "hotline-scorecard is not compiled: run `npm run build:cli` in the project folder (npm ci does it)\n",
  );
  process.exit(1);
}

const source = bytes.toString("utf8");
// zlib.crc32 came with Node 20.15: on an older Node 20 nothing is cached (the bundle is compiled on
// every run, as where lib/ is read-only).
const cacheFile = typeof zlib.crc32 === "function" ? `${compiled}.${source.length.toString(36)}-${zlib.crc32(bytes).toString(16).padStart(8, "0")}.cache` : null;
let cachedData;
try {
  cachedData = cacheFile === null ? undefined : fs.readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const script = new vm.Script(Module.wrap(source), { filename: compiled, cachedData });
if (cacheFile !== null && process.argv[2] === "score" && (cachedData === undefined || script.cachedDataRejected)) {
  process.once("exit", (code) => {
    if (code !== 0) return;
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(tmp, script.createCachedData());
      fs.renameSync(tmp, cacheFile);
      const dir = path.dirname(compiled);
      const mine = path.basename(cacheFile);
      for (const f of fs.readdirSync(dir)) if (f.startsWith(`${path.basename(compiled)}.`) && f.endsWith(".cache") && f !== mine) fs.rmSync(path.join(dir, f), { force: true });
    } catch {
      try {
        fs.rmSync(tmp, { force: true });
      } catch {
        // nothing to clean
      }
    }
  });
}

// The bundle as a CommonJS module of its own, as require(compiled) would make it.
const bundle = new Module(compiled, module);
bundle.filename = compiled;
bundle.paths = Module._nodeModulePaths(path.dirname(compiled));
const localRequire = (id) => bundle.require(id);
localRequire.resolve = (request) => Module._resolveFilename(request, bundle);
localRequire.main = require.main;
localRequire.cache = Module._cache;
script.runInThisContext().call(bundle.exports, bundle.exports, localRequire, bundle, compiled, path.dirname(compiled));
