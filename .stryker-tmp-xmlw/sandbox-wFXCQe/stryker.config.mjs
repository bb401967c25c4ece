// @ts-nocheck
// 
/**
 * `npm run mutation`: Stryker over the rules (src/domain) and the host-free workbook layer
 * (src/workbook: the reader, the planner, the owned sheets), with the jest suites of those layers
 * (jest.stryker.config.js). Incremental: results are kept in reports/stryker-incremental.json and a
 * rerun only tests the mutants of changed code or tests. Not part of `npm test` (too slow for CI).
 * `npm run mutation -- --mutate src/domain/calendar.ts` narrows it to some files.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  mutate: ["src/domain/**/*.ts", "src/workbook/**/*.ts", "!src/**/index.ts"],
  testRunner: "jest",
  jest: { projectType: "custom", configFile: "jest.stryker.config.js", enableFindRelatedTests: false },
  coverageAnalysis: "perTest",
  // Mutants in code that runs when a module loads (tables built at import) need every test run
  // for each of them: hours. They are reported as ignored; issue 17 moves such code into functions.
  ignoreStatic: true,
  incremental: true,
  incrementalFile: "reports/stryker-incremental.json",
  concurrency: 2,
  timeoutMS: 20000,
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: ".stryker-tmp",
  // Not copied into the sandbox: other runs' sandboxes (a run narrowed to one file may use its own
  // --tempDirName), the builds (dist/ holds office.js, which the instrumenter cannot parse) and reports.
  ignorePatterns: ["/.stryker-tmp*", "/dist", "/dist-wps", "/reports", "/screenshots", "/preview", "/lib/*.cache"],
  cleanTempDir: "always",
};
