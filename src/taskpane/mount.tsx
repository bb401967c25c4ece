import { createRoot } from "react-dom/client";
import { App } from "./App";
import type { HostInfo } from "./host";
import { pickLocale } from "./i18n";
import type { PaneAdapter } from "./session";

/**
 * Renders the pane. Inside Office the office-js adapter comes as a small chunk of its own
 * ("excel"); in a plain browser nothing of it is loaded (the file mode loads ExcelJS on demand).
 */
export async function mount(element: HTMLElement, host: HostInfo): Promise<void> {
  const locale = pickLocale(host.language);
  document.documentElement.lang = locale;
  let adapter: PaneAdapter | undefined;
  if (host.inOffice) {
    const { excelPaneAdapter } = await import(/* webpackChunkName: "excel" */ "./excel");
    adapter = excelPaneAdapter();
  }
  createRoot(element).render(<App host={host} locale={locale} adapter={adapter} />);
}
