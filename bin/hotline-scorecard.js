#!/usr/bin/env node
// Runs the TypeScript command line through tsx, so the bin works straight after `npm ci`.
require("tsx/cjs");
require("../src/cli/run.ts");
