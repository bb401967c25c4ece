/**
 * Entry of the single-file offline edition (dist/hotline-scorecard-offline.html, made by
 * webpack.config.js's OfflineEditionPlugin): the pane in plain-browser mode, for a clerk without
 * Excel, in WPS, or on a closed network, who double-clicks the file.
 *
 * Unlike index.tsx there is no bootstrap, no office.js and no second chunk: the whole bundle
 * (React, Fluent UI, the app and the .xlsx file adapter) is one script inlined in the page, so
 * nothing is fetched from file:// (Firefox treats every file as its own origin and would refuse
 * it) or from anywhere else. office.js is never loaded, so detectHost() finds no Office and the
 * pane opens in its browser mode: open a local workbook, work on it, download the result. Its
 * status line says it is the offline edition (a finished edition, not the browser preview).
 */
// @ts-nocheck

import { detectHost } from "./host";
import { mount } from "./mount";

async function start(): Promise<void> {
  const root = document.getElementById("root");
  if (!root) return;
  const host = await detectHost();
  await mount(root, { ...host, inOffice: false, host: null, platform: null }, "offline");
}

start().catch((e: unknown) => {
  const root = document.getElementById("root");
  if (root) root.textContent = `加载失败 / Failed to load: ${e instanceof Error ? e.message : String(e)}`;
});
