/**
 * Entry of the task pane. Kept tiny on purpose: it waits for Office (or finds none: plain-browser
 * mode), then loads React, Fluent UI and the app as a second chunk.
 */
// @ts-nocheck

import { detectHost } from "./host";

async function boot(): Promise<void> {
  const host = await detectHost();
  const { mount } = await import(/* webpackChunkName: "app" */ "./mount");
  const root = document.getElementById("root");
  if (root) await mount(root, host);
}

boot().catch((e: unknown) => {
  const root = document.getElementById("root");
  if (root) root.textContent = `加载失败 / Failed to load: ${e instanceof Error ? e.message : String(e)}`;
});
