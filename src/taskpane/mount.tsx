import { createRoot } from "react-dom/client";
import { App } from "./App";
import type { HostInfo } from "./host";
import { pickLocale } from "./i18n";

export function mount(element: HTMLElement, host: HostInfo): void {
  const locale = pickLocale(host.language);
  document.documentElement.lang = locale;
  createRoot(element).render(<App host={host} locale={locale} />);
}
