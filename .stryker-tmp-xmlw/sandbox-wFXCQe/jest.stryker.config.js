// @ts-nocheck
// The jest run Stryker uses for `npm run mutation`: the suites of the code it mutates (src/domain
// and the host-free src/workbook) in the node environment, without the global set-up that compiles
// the command line (the bundle would not carry Stryker's mutants, so the process-level tests stay
// in `npm test`).
const base = require("./jest.config.js");

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  globalSetup: undefined,
  roots: ["<rootDir>/src", "<rootDir>/test"],
  // STRYKER_TESTS=domain runs the domain suites only (for a quick run over src/domain files);
  // STRYKER_TESTS=package the file mode's package-of-parts suites (src/hosts/file/package).
  // STRYKER_TEST_FILES="test/workbook/undo.test.ts,test/workbook/mutation/undo*.test.ts" runs just those
  // suites (globs from the project's root, resolved in Stryker's sandbox: the mutants are there).
  testMatch: process.env.STRYKER_TEST_FILES
    ? process.env.STRYKER_TEST_FILES.split(",").map((glob) => `<rootDir>/${glob.trim()}`)
    : process.env.STRYKER_TESTS === "domain"
      ? ["<rootDir>/test/domain/**/*.test.ts"]
      : process.env.STRYKER_TESTS === "package"
        ? ["<rootDir>/test/hosts/file/package/**/*.test.ts"]
        : process.env.STRYKER_TESTS === "workbook" // the workbook suites only (issue 17, src/workbook files)
          ? ["<rootDir>/test/workbook/**/*.test.ts"]
          : ["<rootDir>/test/domain/**/*.test.ts", "<rootDir>/test/workbook/**/*.test.ts"],
};
