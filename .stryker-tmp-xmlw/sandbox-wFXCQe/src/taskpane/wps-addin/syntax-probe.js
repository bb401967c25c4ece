// @ts-nocheck
// Syntax probe of the WPS pane, loaded by bootstrap.js before the bundle: written in the newest
// syntax the WPS build keeps (ES2018: object rest/spread, async iteration, regular expression named
// groups; the WPS build lowers everything newer, scripts/build-wps.mjs). A Chromium too old to parse
// it never sets the flag, and the pane shows its explanation instead of a blank page.
(() => {
  const { a, ...rest } = { a: 1, b: 2 };
  const spread = { ...rest, c: 3 };
  const m = /(?<year>\d{4})-(?<month>\d{2})/u.exec("2025-10");
  async function* gen() {
    yield a;
  }
  window.hotline12367SyntaxOk = typeof gen === "function" && spread.b === 2 && m !== null && m.groups.year === "2025";
})();
