// @ts-nocheck
import { createRoot } from "react-dom/client";
import { App, editionOf, type Edition } from "./App";
import type { HostInfo } from "./host";
import { pickLocale } from "./i18n";
import type { PaneAdapter } from "./session";

/**
 * Renders the pane. Inside Office the office-js adapter comes as a small chunk of its own
 * ("excel"); inside WPS 表格 (host.ts: host "WPS") the ET adapter does ("wps"); in a plain browser
 * neither is loaded (the file mode loads ExcelJS on demand). `edition` (App's Edition) defaults to
 * the one the host implies; the single-file offline edition passes "offline" (offline.tsx).
 */
export async function mount(element: HTMLElement, host: HostInfo, edition: Edition = editionOf(host)): Promise<void> {
  const locale = pickLocale(host.language);
  document.documentElement.lang = locale;
  let adapter: PaneAdapter | undefined;
  if (host.host === "WPS") {
    const { wpsPaneAdapter } = await import(/* webpackChunkName: "wps" */ "./wps");
    adapter = wpsPaneAdapter();
  } else if (host.inOffice) {
    const { excelPaneAdapter } = await import(/* webpackChunkName: "excel" */ "./excel");
    adapter = excelPaneAdapter();
  }
  createRoot(element).render(<App host={host} locale={locale} adapter={adapter} edition={edition} />);
}
