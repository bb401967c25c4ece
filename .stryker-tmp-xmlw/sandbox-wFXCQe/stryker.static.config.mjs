// @ts-nocheck
// 
/**
 * Stryker over import-time tables (issue 17): `ignoreStatic: false`, so the mutants of code that runs
 * when a module loads (the contract's 附件二 rows, the 指标录入 columns, the 规则设置 words) are run
 * too — each against every test in the set, which is why the set is narrowed with STRYKER_TEST_FILES
 * to the suites that read those tables. The report goes to reports/mutation/static-<STRYKER_REPORT>.json.
 *   STRYKER_REPORT=scorecard STRYKER_TEST_FILES="test/domain/scorecard-contract.test.ts,…" \
 *     npx stryker run stryker.static.config.mjs --mutate src/domain/scorecard.ts
 */
import base from "./stryker.config.mjs";

const name = process.env.STRYKER_REPORT ?? "run";
export default {
  ...base,
  ignoreStatic: false,
  incrementalFile: `reports/stryker-incremental-static-${name}.json`,
  tempDirName: `.stryker-tmp-static-${name}`,
  concurrency: 1,
  reporters: ["clear-text", "json"],
  jsonReporter: { fileName: `reports/mutation/static-${name}.json` },
};
