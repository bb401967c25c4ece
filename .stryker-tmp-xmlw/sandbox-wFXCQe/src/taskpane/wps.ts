/**
 * The WPS add-in path's workbook: the ET adapter (src/hosts/wps/wps-adapter.ts) over the open
 * workbook of WPS 表格, plus selecting a cell (so a problem's button takes the clerk to the sheet
 * and cell it names) and what the WPS edition leaves out, in the clerk's terms. Loaded by
 * mount.tsx only when host.ts found WPS (the `wps` global of a WPS add-in page).
 */
// @ts-nocheck

import type { EtApplication, WpsGlobal } from "../hosts/wps/et-types";
import { WpsAdapter } from "../hosts/wps/wps-adapter";
import type { PaneAdapter, PaneLimitation } from "./session";

interface WpsPageGlobals {
  wps?: WpsGlobal;
  Application?: EtApplication;
}

/**
 * ET's Application, looked up at each use: `wps.EtApplication()` (Kingsoft's add-in templates),
 * else the `Application` global some builds give the page (pi-for-excel getWpsEtApplication).
 */
export function etApplication(g: WpsPageGlobals = globalThis as WpsPageGlobals): EtApplication {
  const wps = g.wps;
  if (wps && typeof wps.EtApplication === "function") {
    try {
      const app = wps.EtApplication();
      if (app) return app;
    } catch {
      // some builds throw from the accessor; the global below stands
    }
  }
  if (g.Application) return g.Application;
  throw Object.assign(new Error("找不到 WPS 表格的 Application / no WPS Spreadsheets Application"), {
    messageZh: "找不到 WPS 表格（wps.EtApplication）。请在 WPS 表格中从「12367 考核」选项卡打开本窗格。",
    messageEn: "WPS Spreadsheets was not found (wps.EtApplication). Open this pane from the 12367 考核 tab in WPS Spreadsheets.",
  });
}

/** Shows the sheet and selects the cell (or just shows the sheet when there is no cell). */
export function selectInWps(app: EtApplication, sheet: string, cell: string | null): void {
  const book = app.ActiveWorkbook;
  if (!book) return;
  const ws = book.Worksheets.Item(sheet);
  ws.Activate();
  if (cell) ws.Range(cell).Select();
}

/** The pane's adapter inside WPS 表格. */
export function wpsPaneAdapter(app: () => EtApplication = () => etApplication()): PaneAdapter {
  const adapter = new WpsAdapter(app);
  return {
    read: () => adapter.read(),
    apply: (plan) => adapter.apply(plan),
    select: async (sheet, cell) => selectInWps(app(), sheet, cell),
    limitations: (): PaneLimitation[] => adapter.skipped.map((s) => ({ feature: s.feature, messageZh: s.messageZh, messageEn: s.messageEn })),
  };
}
