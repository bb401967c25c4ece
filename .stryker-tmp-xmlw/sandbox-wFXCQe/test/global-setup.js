// @ts-nocheck
// Before any suite: compile the command line (scripts/build-cli.mjs, well under a second), so the
// tests that run bin/hotline-scorecard.js as a process run the current source, whether jest was
// started by `npm test` or on its own.
const { execFileSync } = require("node:child_process");
const path = require("node:path");

module.exports = async () => {
  execFileSync(process.execPath, [path.join(__dirname, "..", "scripts", "build-cli.mjs"), "--quiet"], { stdio: "inherit" });
};
