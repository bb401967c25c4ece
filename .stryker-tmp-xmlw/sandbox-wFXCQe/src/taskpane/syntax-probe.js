// @ts-nocheck
// Syntax probe, loaded by bootstrap.js before the bundle: written in the newest syntax the production
// bundle contains (ES2022: class static blocks and fields, from Fluent UI's tabster; ES2021 logical
// assignment and numeric separators; ES2020 optional chaining and ??). An engine that cannot parse
// this file (Internet Explorer 11, old Edge, Safari before 16.4) never runs it, so the flag stays
// unset and the pane shows its explanation instead of a blank page. The page's CSP has no
// 'unsafe-eval': `new Function(...)` cannot test syntax, a file can. test/addin/bootstrap.test.ts
// checks this file needs ES2022; test/e2e/old-webview.e2e.test.ts that the build needs no more.
(() => {
  class Probe {
    static ready = false;
    #value = 1_000;
    static {
      Probe.ready = true;
    }
    static holds(o) {
      return #value in o && o.#value === 1000;
    }
  }
  const found = { a: { b: null } };
  let answer = found?.a?.b ?? null;
  answer ??= Probe.ready && Probe.holds(new Probe());
  window.hotline12367SyntaxOk = answer === true;
})();
