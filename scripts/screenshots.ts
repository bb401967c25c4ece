/**
 * `npm run screenshots`: pictures of the task pane at 320 × 800 (the narrowest task pane) in the
 * light and the dark theme (prefers-color-scheme; the pane follows it when Office gives no theme),
 * before and after opening assets/example-2024-2025.xlsx, into screenshots/ (git-ignored).
 * Same setup as the end-to-end test (test/e2e/harness.ts): production build, 127.0.0.1 static
 * server, Debian's chromium via playwright-core. Also prints what is wider than the pane (horizontal
 * overflow) and fails if any request left the local server.
 *   screenshots/pane-<theme>-1-start.png   just loaded (plain-browser mode)
 *   screenshots/pane-<theme>-2-opened.png  the example workbook opened (month list)
 *   screenshots/pane-<theme>-3-month.png   month 2025-10 selected (its indicators)
 *   screenshots/old-webview.png            what Excel's IE11 webview shows (Excel 2016 / 2019 volume-licensed):
 *                                          the explanation bootstrap.js puts up. Chromium with IE11's missing
 *                                          features deleted before the page runs and IE11's user agent
 *                                          (test/e2e/old-webview.ts); copied to docs/old-webview.png (committed).
 * Each is the whole page; one taller than 800 px is also cut into 800 px parts (…-p1.png, -p2, …).
 */
import { copyFileSync, mkdirSync } from "fs";
import { join, resolve } from "path";
import type { Page } from "playwright-core";
import { E2EHarness } from "../test/e2e/harness";
import { openAsWebview } from "../test/e2e/old-webview";

const OUT_DIR = resolve(__dirname, "..", "screenshots");
const DOCS_DIR = resolve(__dirname, "..", "docs");
const EXAMPLE = resolve(__dirname, "..", "assets", "example-2024-2025.xlsx");
const WIDTH = 320;
const HEIGHT = 800;

/** Elements sticking out of the viewport on the right, or scrolling sideways themselves. */
async function overflow(page: Page): Promise<string[]> {
  // No named functions inside: tsx (esbuild keepNames) would wrap them in a __name() the page lacks.
  return page.evaluate((width) => {
    const out: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth) out.push(`page scrolls sideways: ${doc.scrollWidth}px wide in ${doc.clientWidth}px`);
    for (const el of Array.from(document.body.querySelectorAll("*"))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const id = el.getAttribute("data-testid");
      const what = `<${el.tagName.toLowerCase()}${id ? ` data-testid="${id}"` : ""}> "${(el.textContent ?? "").trim().slice(0, 30)}"`;
      if (r.right > width + 0.5) out.push(`${what} right edge at ${Math.round(r.right)}px`);
      else if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== "visible" && el.clientWidth > 0) {
        out.push(`${what} scrolls sideways (${el.scrollWidth}px in ${el.clientWidth}px)`);
      }
    }
    return out.slice(0, 20);
  }, WIDTH);
}

/**
 * `inPage: false` for a page whose globals were taken away (the old-webview stand-in deletes
 * globalThis, which page.evaluate needs): the height from the layout, no overflow check.
 */
async function shoot(page: Page, name: string, inPage = true): Promise<void> {
  const file = join(OUT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  const issues = inPage ? await overflow(page) : [];
  const height = inPage
    ? await page.evaluate(() => document.documentElement.scrollHeight)
    : Math.max(HEIGHT, Math.ceil((await page.locator("body").boundingBox())?.height ?? 0));
  // A tall page also in screen-sized parts (name-p1.png, -p2, …): easier to look at than one long strip.
  const parts = height > HEIGHT ? Math.ceil(height / HEIGHT) : 0;
  for (let i = 0; i < parts; i++) {
    const y = i * HEIGHT;
    await page.screenshot({ path: join(OUT_DIR, `${name}-p${i + 1}.png`), fullPage: true, clip: { x: 0, y, width: WIDTH, height: Math.min(HEIGHT, height - y) } });
  }
  console.log(`${file} (page ${height}px tall${parts ? `; also in ${parts} parts` : ""})${!inPage ? " (overflow not checked)" : issues.length ? "" : ", nothing wider than the pane"}`);
  for (const line of issues) console.log(`  overflow: ${line}`);
}

async function main(): Promise<void> {
  mkdirSync(OUT_DIR, { recursive: true });
  const harness = await E2EHarness.start();
  try {
    for (const theme of ["light", "dark"] as const) {
      const session = await harness.openPane({ colorScheme: theme, width: WIDTH, height: HEIGHT });
      const { page } = session;
      await page.getByRole("heading", { level: 1 }).waitFor({ timeout: 30_000 });
      await shoot(page, `pane-${theme}-1-start`);

      const fileInput = page.getByTestId("file-input");
      if ((await fileInput.count()) === 0) {
        console.log(`  (no data-testid="file-input" in this build: no pictures of an opened workbook)`);
      } else {
        await fileInput.setInputFiles(EXAMPLE);
        const month = page.getByTestId("month-2025-10");
        await month.waitFor({ timeout: 30_000 });
        await shoot(page, `pane-${theme}-2-opened`);
        await month.click();
        await page.getByTestId("field-headcount").waitFor({ timeout: 30_000 });
        await shoot(page, `pane-${theme}-3-month`);
      }
      for (const e of [...session.pageErrors, ...session.consoleErrors]) console.log(`  page error: ${e}`);
      await session.close();
    }

    const old = await openAsWebview(harness, { engine: "trident", width: WIDTH, height: HEIGHT });
    await old.page.waitForSelector("html[data-boot=unsupported]", { state: "attached", timeout: 30_000 });
    await shoot(old.page, "old-webview", false);
    for (const e of old.pageErrors) console.log(`  page error: ${e}`);
    await old.close();
    mkdirSync(DOCS_DIR, { recursive: true });
    copyFileSync(join(OUT_DIR, "old-webview.png"), join(DOCS_DIR, "old-webview.png"));
    console.log(`copied to ${join(DOCS_DIR, "old-webview.png")}`);

    const foreign = harness.foreignRequests();
    console.log(`${harness.requests.length} requests, ${foreign.length} outside ${harness.origin}`);
    if (foreign.length > 0) {
      for (const r of foreign) console.error(`  left the local server: ${r.method} ${r.url}`);
      process.exitCode = 1;
    }
  } finally {
    await harness.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack ?? e.message : String(e));
  process.exitCode = 1;
});
