/**
 * `npm run screenshots`: pictures of the task pane at 320 × 800 (the narrowest task pane) in the
 * light and the dark theme (prefers-color-scheme; the pane follows it when Office gives no theme),
 * before and after opening assets/example-2024-2025.xlsx, into screenshots/ (git-ignored).
 * Same setup as the end-to-end test (test/e2e/harness.ts): production build, 127.0.0.1 static
 * server, Debian's chromium via playwright-core. Also prints what is wider than the pane (horizontal
 * overflow) and fails if any request left the local server.
 *   screenshots/pane-<theme>-1-start.png   just loaded (plain-browser mode)
 *   screenshots/pane-<theme>-2-opened.png  the example workbook opened (month list)
 *   screenshots/pane-<theme>-2b-scored.png the month list after 全部重算 (scores in a column)
 *   screenshots/pane-<theme>-3-month.png   month 2025-10 selected (its indicators)
 *   screenshots/pane-<theme>-4-reports.png the month's reports (by period, with their due date; after 添加报告)
 *   screenshots/pane-<theme>-5-results.png the month's results, rows 9 (A2) and 12 opened
 *   screenshots/pane-<theme>-3b-month-scrolled.png  the month page's viewport scrolled to 加减分事件 (sticky bar)
 *   screenshots/pane-<theme>-6-dialog.png  the 定稿 dialog over the month (its backdrop's width is printed)
 *   screenshots/pane-<theme>-7-settlement.png / -8-contract.png  the 付款结算 and 合同与日历 screens
 *   screenshots/pane-en-*.png              the same in English (light), after the language switch
 *   screenshots/old-webview.png            what Excel's IE11 webview shows (Excel 2016 / 2019 volume-licensed):
 *                                          the explanation bootstrap.js puts up. Chromium with IE11's missing
 *                                          features deleted before the page runs and IE11's user agent
 *                                          (test/e2e/old-webview.ts); copied to docs/old-webview.png (committed).
 * Each is the whole page; one taller than 800 px is also cut into 800 px parts (…-p1.png, -p2, …).
 */
// @ts-nocheck

import { copyFileSync, mkdirSync } from "fs";
import { join, resolve } from "path";
import type { Locator, Page } from "playwright-core";
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

/** One element (scrolled into view), and whether it sticks out of the pane. */
async function shootElement(page: Page, element: Locator, name: string): Promise<void> {
  const file = join(OUT_DIR, `${name}.png`);
  // From the whole page, at the element's place in it, scrolled to the top: a sticky bar stays at
  // its own place then instead of covering the element. A moment for an opening panel to settle.
  await page.waitForTimeout(400);
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = await element.evaluate((e) => {
    const r = e.getBoundingClientRect();
    return { x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height };
  });
  await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: Math.max(0, box.y - 8), width: WIDTH, height: box.height + 16 } });
  console.log(`${file} (${box ? `${Math.round(box.width)} × ${Math.round(box.height)} px` : "not shown"})`);
  for (const line of await overflow(page)) console.log(`  overflow: ${line}`);
}

/**
 * Each kind of month badge (data-badge) with the contrast of its text on what is behind it (its own
 * background, else its parent's…): WCAG asks for 4.5 for text this small.
 */
async function badgeContrast(page: Page): Promise<void> {
  // No named functions inside evaluate (see overflow()): colours are read there, compared here.
  const found = await page.evaluate(() => {
    const out: { kind: string; text: string; fg: string; bg: string }[] = [];
    for (const b of Array.from(document.querySelectorAll("[data-badge]"))) {
      const kind = b.getAttribute("data-badge") ?? "";
      if (out.some((o) => o.kind === kind)) continue;
      let bg = "";
      for (let e: Element | null = b; e && bg === ""; e = e.parentElement) {
        const c = getComputedStyle(e).backgroundColor;
        if (c !== "transparent" && !/rgba\(.*,\s*0\)$/.test(c)) bg = c;
      }
      out.push({ kind, text: (b.textContent ?? "").trim(), fg: getComputedStyle(b).color, bg: bg || "rgb(255, 255, 255)" });
    }
    return out;
  });
  const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
  const lum = ([r = 0, g = 0, b = 0]: number[]) => {
    const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  for (const b of found) {
    const [l1, l2] = [lum(rgb(b.fg)), lum(rgb(b.bg))];
    const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    console.log(`  badge ${b.kind} "${b.text}": ${b.fg} on ${b.bg}, contrast ${ratio.toFixed(2)}${ratio < 4.5 ? " (below 4.5)" : ""}`);
  }
}

/** The title's line: does the title wrap, is the language switch on its line? */
async function titleLine(page: Page): Promise<void> {
  const h1 = page.getByRole("heading", { level: 1 });
  const toggle = page.getByRole("button", { name: /^(English|中文)$/ });
  const [title, button, lineHeight] = [await h1.boundingBox(), await toggle.boundingBox(), await h1.evaluate((e) => parseFloat(getComputedStyle(e).lineHeight))];
  if (!title || !button) return void console.log("  title line: not found");
  const lines = Math.round(title.height / lineHeight);
  const sameLine = button.y < title.y + title.height && button.y + button.height > title.y;
  console.log(`  title: ${lines} line${lines === 1 ? "" : "s"}; language switch ${sameLine ? "on the title's line" : "below the title"}`);
}

async function main(): Promise<void> {
  mkdirSync(OUT_DIR, { recursive: true });
  const harness = await E2EHarness.start();
  try {
    for (const [theme, english] of [["light", false], ["dark", false], ["light", true]] as const) {
      const session = await harness.openPane({ colorScheme: theme, width: WIDTH, height: HEIGHT });
      const { page } = session;
      const name = english ? "en" : theme;
      await page.getByRole("heading", { level: 1 }).waitFor({ timeout: 30_000 });
      if (english) await page.getByRole("button", { name: "English" }).click();
      await titleLine(page);
      await shoot(page, `pane-${name}-1-start`);

      const fileInput = page.getByTestId("file-input");
      if ((await fileInput.count()) === 0) {
        console.log(`  (no data-testid="file-input" in this build: no pictures of an opened workbook)`);
      } else {
        await fileInput.setInputFiles(EXAMPLE);
        const month = page.getByTestId("month-2025-10");
        await month.waitFor({ timeout: 30_000 });
        await shoot(page, `pane-${name}-2-opened`);
        const tabRows = await page.evaluate(() => new Set(Array.from(document.querySelectorAll('[role="tab"]')).map((t) => Math.round(t.getBoundingClientRect().top))).size);
        console.log(`  navigation: ${tabRows} row${tabRows === 1 ? "" : "s"} of tabs`);
        await badgeContrast(page);
        // After 全部重算 the months are scored: their badges and scores in a column.
        const recompute = page.getByTestId("recompute-all");
        if ((await recompute.count()) > 0) {
          await recompute.click();
          await page.locator('[data-state="scored"]').first().waitFor({ timeout: 60_000 });
          await shootElement(page, page.locator('section[aria-labelledby="months-heading"]'), `pane-${name}-2b-scored`);
          await badgeContrast(page);
        }
        await month.click();
        await page.getByTestId("field-headcount").waitFor({ timeout: 30_000 });
        await shoot(page, `pane-${name}-3-month`);
        // The viewport scrolled down to 加减分事件: the sticky bar with the score stays at the top.
        await page.getByTestId("events-section").scrollIntoViewIfNeeded();
        await page.waitForTimeout(300);
        await page.screenshot({ path: join(OUT_DIR, `pane-${name}-3b-month-scrolled.png`) });
        console.log(`${join(OUT_DIR, `pane-${name}-3b-month-scrolled.png`)} (the viewport, scrolled)`);
        // The month's results (computed: a stale month shows none), then a report added.
        const compute = page.getByTestId("compute-month");
        if ((await compute.count()) > 0) {
          await compute.click();
          await page.locator('[data-testid="month-total"], [data-testid="results-section"]').first().waitFor({ timeout: 60_000 });
        }
        // 报告提交 is a collapsible section (closed when all is well): open it first.
        const reportsHeader = page.getByTestId("reports-section").locator("button[aria-expanded]").first();
        if ((await reportsHeader.getAttribute("aria-expanded")) === "false") await reportsHeader.click();
        await page.getByTestId("add-report").click();
        await shootElement(page, page.locator('section[aria-labelledby="reports-heading"]'), `pane-${name}-4-reports`);
        // The month page may keep its results in a collapsed section: open it first.
        const section = page.getByTestId("results-section");
        const header = section.locator("button[aria-expanded]").first();
        if ((await section.count()) > 0 && (await header.getAttribute("aria-expanded")) === "false") await header.click();
        const results = page.getByTestId("results");
        await results.locator('[data-item="9"]').waitFor({ timeout: 60_000 });
        for (const item of ["9", "12"]) await results.locator(`[data-item="${item}"] button`).first().click();
        await shootElement(page, results, `pane-${name}-5-results`);
        const freeze = page.getByTestId("freeze");
        if ((await freeze.count()) > 0) {
          await freeze.click();
          await page.getByTestId("freeze-dialog").waitFor({ timeout: 10_000 });
          const sizes = await page.evaluate(() => {
            const b = document.querySelector(".fui-DialogSurface__backdrop");
            const r = b?.getBoundingClientRect();
            return { backdrop: r ? `${Math.round(r.left)}–${Math.round(r.right)} × ${Math.round(r.height)}` : "none", viewport: `${window.innerWidth} × ${window.innerHeight}`, client: document.documentElement.clientWidth };
          });
          console.log(`  dialog backdrop ${sizes.backdrop} in a viewport of ${sizes.viewport} (client width ${sizes.client})`);
          await page.screenshot({ path: join(OUT_DIR, `pane-${name}-6-dialog.png`) });
          console.log(`${join(OUT_DIR, `pane-${name}-6-dialog.png`)} (the viewport)`);
          await page.keyboard.press("Escape");
          await page.getByTestId("freeze-dialog").waitFor({ state: "detached", timeout: 10_000 });
        }
        // 付款结算 and 合同与日历 (the month's edits, if any, discarded when asked).
        for (const [tab, shot] of [["nav-settlement", "7-settlement"], ["nav-contract", "8-contract"]] as const) {
          await page.getByTestId(tab).click();
          const discard = page.getByTestId("guard-discard");
          if (await discard.isVisible().catch(() => false)) await discard.click();
          await page.waitForTimeout(500);
          await page.evaluate(() => window.scrollTo(0, 0));
          await shoot(page, `pane-${name}-${shot}`);
        }
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
