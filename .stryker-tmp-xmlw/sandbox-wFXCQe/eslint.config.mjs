// @ts-nocheck
// Flat config: typescript-eslint's recommended rules plus every rule of Microsoft's office-addins
// plugin (load-before-read, sync-after-load, no sync in loops, ...). Formatting is not linted.
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";

const officeRules = Object.fromEntries(Object.keys(officeAddins.rules).map((name) => [`office-addins/${name}`, "error"]));

export default tseslint.config(
  { ignores: ["dist/**", "dist-wps/**", "lib/**", "reports/**", ".stryker-tmp/**", "stryker.config.mjs", "jest.stryker.config.js", "node_modules/**", "coverage/**", "bin/**", "*.config.js", "*.config.mjs", "test-results/**"] },
  ...tseslint.configs.recommended,
  {
    // The few plain CommonJS files (test/global-setup.js, scripts/chromium.js) run without a compiler.
    files: ["**/*.js"],
    languageOptions: { sourceType: "commonjs", globals: { require: "readonly", module: "writable", process: "readonly", __dirname: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    rules: {
      ...officeRules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
);
