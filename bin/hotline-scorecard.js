#!/usr/bin/env node
// The command line, compiled ahead of time (scripts/build-cli.mjs, run by npm's prepare on
// `npm ci` / `npm install`): plain JavaScript at start, no TypeScript compiler.
"use strict";
const path = require("path");
const compiled = path.join(__dirname, "..", "lib", "hotline-scorecard.js");
try {
  require.resolve(compiled);
} catch {
  process.stderr.write(
    "hotline-scorecard 尚未编译：请在项目目录运行 npm run build:cli（npm ci 会自动编译）\n" +
      "hotline-scorecard is not compiled: run `npm run build:cli` in the project folder (npm ci does it)\n",
  );
  process.exit(1);
}
require(compiled);
