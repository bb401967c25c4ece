#!/usr/bin/env node
// @ts-nocheck
/**
 * Compiles the command line ahead of time: esbuild bundles src/cli/run.ts, the project's modules
 * and the packages they use (saxes, fflate, decimal.js, chinese-days, nzh) into one CommonJS file,
 * lib/hotline-scorecard.js, which bin/hotline-scorecard.js runs with plain node: no TypeScript
 * compiler at start, and one file to read instead of a tree of modules.
 *
 * The command line no longer reaches ExcelJS (the file mode edits the workbook's parts in place,
 * src/hosts/file/package). Should an import bring it back, its streaming reader and writer and its
 * CSV module stay out of the bundle (they pull archiver, unzipper, fast-csv and ~300 more modules):
 * each is replaced by a stub that throws, naming itself, if anything touches it. Not minified: a
 * stack trace names real functions.
 *
 * Runs on `npm ci` / `npm install` (the package's prepare script) and first thing in `npm test`
 * (jest's bin tests run the bundle), in well under a second.
 */
import { build } from "esbuild";
import { lazyFflate } from "./lazy-fflate.mjs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outfile = join(root, "lib", "hotline-scorecard.js");

/** ExcelJS modules the product never reaches, by the specifier ExcelJS requires them with. */
const UNUSED_EXCELJS = /^(\.\.\/csv\/csv|\.\/stream\/xlsx\/workbook-writer|\.\/stream\/xlsx\/workbook-reader)$/;

const leaveOutUnused = {
  name: "leave-out-unused-exceljs",
  setup(b) {
    b.onResolve({ filter: UNUSED_EXCELJS }, (args) =>
      /[\\/]node_modules[\\/]exceljs[\\/]/.test(args.importer) ? { path: args.path, namespace: "left-out" } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "left-out" }, (args) => ({
      loader: "js",
      contents: `const fail = () => { throw new Error(${JSON.stringify(`exceljs ${args.path} is not in the command line's build (scripts/build-cli.mjs)`)}); };
module.exports = new Proxy(function leftOut() {}, { get: fail, apply: fail, construct: fail });`,
    }));
  },
};

await build({
  entryPoints: [join(root, "src", "cli", "run.ts")],
  outfile,
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  plugins: [leaveOutUnused, lazyFflate],
  sourcemap: "linked",
  logLevel: "warning",
  legalComments: "none",
});
if (!process.argv.includes("--quiet")) console.log(`built ${outfile.slice(root.length + 1)}`);
