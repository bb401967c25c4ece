/** @type {import('jest').Config} */
// @ts-nocheck

module.exports = {
  testEnvironment: "node",
  globalSetup: "<rootDir>/test/global-setup.js",
  roots: ["<rootDir>/src", "<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": [
      "ts-jest",
      {
        // Type checking is `tsc --noEmit`'s job in `npm test`; jest only transpiles.
        tsconfig: { isolatedModules: true, module: "commonjs", moduleResolution: "node", jsx: "react-jsx", esModuleInterop: true, resolveJsonModule: true },
      },
    ],
  },
};
