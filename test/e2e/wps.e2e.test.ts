/**
 * The pane as WPS 表格 runs it: the production build (test/e2e/harness.ts) in chromium, with a `wps`
 * global injected before the page's scripts (context.addInitScript): the fake ET object model
 * (test/hosts/wps/fake-et.ts, bundled for the browser with esbuild) holding the example workbook.
 * host.ts finds WPS, mount.tsx loads the "wps" chunk, and a month's 计算本月 goes through the fake
 * ET bridge; the test then reads the fake's cells back out of the page.
 * Then the WPS add-in itself (scripts/build-wps.mjs: webpack.wps.config.js, no office.js, lowered to
 * ES2018) served the same way: WPS found, the months listed, office.js never asked for.
 */
import { spawnSync } from "child_process";
import { buildSync } from "esbuild";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { exampleWorkbook } from "../hosts/conformance";
import { CHROMIUM, E2EHarness, NO_BROWSER, REPO_ROOT } from "./harness";

jest.setTimeout(240_000);

if (!CHROMIUM) {
  it("has a Chromium to drive", () => {
    throw Object.assign(new Error(NO_BROWSER), { stack: NO_BROWSER });
  });
}
const describeInBrowser = CHROMIUM ? describe : describe.skip;

type Dumped = { name: string; protected: boolean; cells: Record<string, { value: unknown; formula?: string; numberFormat?: string }> }[];

/** The fake ET for the page: `window.wps` over the seeded workbook, `window.__fakeEt` to read it back. */
async function initScript(options: Record<string, unknown> = {}): Promise<string> {
  const seed = (await exampleWorkbook()).sheets;
  const bundle = buildSync({
    stdin: {
      contents: `import { dump, fakeEt, seededState } from "./fake-et";
        const fake = fakeEt(seededState(SEED, OPTIONS));
        window.wps = fake.wps;
        fake.state.logging = true;
        window.__fakeEt = { dump: () => dump(fake.state), calls: () => fake.state.calls, ignoredValueWrites: () => fake.state.ignoredValueWrites, displayAlerts: () => fake.state.displayAlerts, xmlSheets: () => fake.state.log.filter((l) => l.endsWith('.Value(11,"<xml…>")')).length };`,
      resolveDir: join(REPO_ROOT, "test", "hosts", "wps"),
      loader: "ts",
    },
    bundle: true,
    write: false,
    format: "iife",
    target: "es2018",
    define: { SEED: JSON.stringify(seed), OPTIONS: JSON.stringify(options) },
  });
  return bundle.outputFiles[0]?.text ?? "";
}

/** The month's 考核得分 in a dumped sheet: the first number right of the label's cell, in its row. */
function total(sheets: Dumped, name: string): unknown {
  const sheet = sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const label = Object.entries(sheet.cells).find(([, c]) => typeof c.value === "string" && c.value.replace(/\s+/g, "").replace(/[：:]$/, "") === "考核得分");
  if (!label) throw new Error(`${name}: no 考核得分 label`);
  const m = /^([A-Z]+)(\d+)$/.exec(label[0]);
  const row = m?.[2];
  const col = (m?.[1] ?? "A").charCodeAt(0);
  for (let c = col + 1; c <= 90; c++) {
    const cell = sheet.cells[`${String.fromCharCode(c)}${row}`];
    if (cell && typeof cell.value === "number") return cell.value;
  }
  return null;
}

describeInBrowser("the pane in WPS 表格 (fake ET injected as the wps global)", () => {
  let harness: E2EHarness;
  beforeAll(async () => {
    harness = await E2EHarness.start();
  }, 300_000);
  afterAll(async () => {
    await harness?.close();
  });

  it("finds WPS, lists the months of the open workbook, and 计算本月 writes 2025-10's scores through the ET bridge", async () => {
    const session = await harness.openPane({ colorScheme: "light" });
    try {
      const { page, context } = session;
      await context.addInitScript({ content: await initScript() });
      await page.goto(harness.paneUrl, { waitUntil: "load" });
      const before = (await page.evaluate("window.__fakeEt.dump()")) as Dumped;
      expect(total(before, "2025年10月")).toBeNull();

      await page.getByTestId("month-2025-10").waitFor({ timeout: 60_000 });
      // The open workbook, not a file: no file bar.
      expect(await page.getByTestId("file-input").count()).toBe(0);
      await page.getByTestId("month-2025-10").click();
      await page.getByTestId("compute-month").click();
      // The month's bar shows the score the write left in the workbook (MonthScreen.tsx: month-score).
      await page.locator('[data-testid="month-score"][data-state="scored"]').filter({ hasText: "93.25" }).waitFor({ timeout: 60_000 });

      const after = (await page.evaluate("window.__fakeEt.dump()")) as Dumped;
      // SPEC §7's month as the example has it: 9 people, all 9 sat the exam: 93.25, now in the sheet.
      expect(total(after, "2025年10月")).toBe(93.25);
      // 计算本月 scores the contract year's months with it (the status says 已评分 12 个月): 2025-09 as in the file mode's test.
      expect(total(after, "2025年9月")).toBe(96);
      expect(await page.evaluate("window.__fakeEt.ignoredValueWrites()")).toBe(0);
      // The fresh sheets (撤销记录 at least) went in one Range.Value(11) each, kept as written: the pane's
      // own build made the text and checked it in the browser.
      expect(await page.evaluate("window.__fakeEt.xmlSheets()")).toBeGreaterThanOrEqual(1);
      expect(await page.getByText("不能一次写入整张表").count()).toBe(0);
      const record = after.find((s) => s.name === "撤销记录");
      expect(Object.keys(record?.cells ?? {}).length).toBeGreaterThan(10);
      expect(await page.evaluate("window.__fakeEt.displayAlerts()")).toBe(true);
      expect((await page.evaluate("window.__fakeEt.calls()")) as number).toBeGreaterThan(100);
      expect(session.pageErrors).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it("a WPS that refuses Range.Value(11) writes: 计算本月 writes the same scores the documented way and the limitations bar says so", async () => {
    const session = await harness.openPane({ colorScheme: "light" });
    try {
      const { page, context } = session;
      await context.addInitScript({ content: await initScript({ xmlSpreadsheetWrite: "throws" }) });
      await page.goto(harness.paneUrl, { waitUntil: "load" });
      await page.getByTestId("month-2025-10").waitFor({ timeout: 60_000 });
      await page.getByTestId("month-2025-10").click();
      await page.getByTestId("compute-month").click();
      await page.locator('[data-testid="month-score"][data-state="scored"]').filter({ hasText: "93.25" }).waitFor({ timeout: 60_000 });
      await page.getByText("不能一次写入整张表").first().waitFor({ timeout: 10_000 });
      const after = (await page.evaluate("window.__fakeEt.dump()")) as Dumped;
      expect(total(after, "2025年10月")).toBe(93.25);
      expect(Object.keys(after.find((s) => s.name === "撤销记录")?.cells ?? {}).length).toBeGreaterThan(10);
      expect(session.pageErrors).toEqual([]);
    } finally {
      await session.close();
    }
  });
});

describeInBrowser("the WPS add-in's own build (scripts/build-wps.mjs) with the fake ET", () => {
  let harness: E2EHarness;
  let out: string;
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), "hotline-wps-e2e-"));
    const built = spawnSync(process.execPath, [join(REPO_ROOT, "scripts", "build-wps.mjs"), `--out=${out}`], { cwd: REPO_ROOT, encoding: "utf8" });
    if (built.status !== 0) throw new Error(`build-wps failed:\n${built.stderr.slice(-3000)}`);
    harness = await E2EHarness.start({ distDir: join(out, "hotline-scorecard") });
  }, 300_000);
  afterAll(async () => {
    await harness?.close();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it("loads without office.js, finds WPS and lists the open workbook's months", async () => {
    const session = await harness.openPane({ colorScheme: "light" });
    try {
      const { page, context } = session;
      await context.addInitScript({ content: await initScript() });
      await page.goto(harness.paneUrl, { waitUntil: "load" });
      await page.getByTestId("month-2025-10").waitFor({ timeout: 60_000 });
      expect(await page.locator("html").getAttribute("data-boot")).toBe("started");
      expect(await page.getByTestId("file-input").count()).toBe(0);
      expect(harness.requests.map((r) => r.url).filter((u) => /office/i.test(u) && !/office-helpers/.test(u))).toEqual([]);
      expect(harness.foreignRequests()).toEqual([]);
      expect(session.pageErrors).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
