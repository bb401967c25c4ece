/**
 * Where the pane runs, from Office.onReady's answer (the official host/platform report), and the
 * add-in path's use of @microsoft/office-js-helpers.
 *
 * office-js-helpers — where and why:
 * - Only in the add-in path (HostInfo.inOffice), loaded by dynamic import (`officeHelpers()`, its
 *   own chunk "office-helpers"): it is a 56 KB minified bundle of lodash and rxjs from 2018, so it is
 *   kept out of the initial bundle and never loaded in a plain browser (where its Utilities.host
 *   would also be wrong: with office.js loaded but no host it reports an add-in).
 * - Host detection, `confirmExcelHost`: once the pane is up, Utilities.isAddin / Utilities.host
 *   confirm the host is Excel; the manifest targets Excel only, and if it is loaded elsewhere the
 *   pane says so instead of failing on its first Excel call. Office.onReady stays the source of
 *   the platform and of "are we in Office at all" (it answers before any chunk is loaded).
 * - Error display, `logOfficeError`: Utilities.log prints an OfficeExtension.Error with its
 *   debugInfo (errorLocation, statement) in the developer console, for whoever supports the clerk;
 *   the pane itself shows `describeError` in a Fluent MessageBar (zh-CN / English).
 * - Not used: Utilities.initialize (Office.onReady does it), UI.notify (a banner outside React that
 *   is not Fluent), Dialog / Authenticator / Storage (nothing to sign in to or store).
 * Its typings need skipLibCheck (TS1319 under TS 5.8); tsconfig has it.
 */
// @ts-nocheck


export interface HostInfo {
  /**
   * True inside a spreadsheet application whose open workbook the pane works on: Excel
   * (Office.onReady reported a host) or WPS 表格 (host "WPS"). False in a plain browser (file mode).
   */
  inOffice: boolean;
  /** Office.HostType, e.g. "Excel"; "WPS" inside WPS 表格; null in a plain browser. */
  host: string | null;
  /** Office.PlatformType, e.g. "PC", "OfficeOnline", "Mac"; "WPS" inside WPS 表格; null in a plain browser. */
  platform: string | null;
  /** BCP 47: Office's display language, else the browser's. */
  language: string;
  /** Dark UI: Office's theme when it has one, else the system's (prefers-color-scheme). */
  dark: boolean;
}

/** The globals detectHost looks at, injectable for tests. */
export interface HostEnvironment {
  office?: typeof Office;
  /** The `wps` global of a WPS add-in page (default: globalThis.wps). */
  wps?: unknown;
  /** ET's `Application` global on builds that give one (default: globalThis.Application). */
  application?: unknown;
  navigatorLanguage?: string;
  prefersDark?: () => boolean;
}

function systemPrefersDark(): boolean {
  return typeof window !== "undefined" && typeof window.matchMedia === "function" && window.matchMedia("(prefers-color-scheme: dark)").matches;
}

/** Relative luminance of "#RRGGBB" (0 black … 1 white); NaN when it is not such a colour. */
export function luminance(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return Number.NaN;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => {
    const c = parseInt(h ?? "0", 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function officeDark(theme: Office.OfficeTheme | undefined): boolean | undefined {
  if (!theme) return undefined;
  if (typeof theme.isDarkTheme === "boolean") return theme.isDarkTheme;
  const l = luminance(theme.bodyBackgroundColor ?? "");
  return Number.isNaN(l) ? undefined : l < 0.5;
}

/**
 * True when the page runs as a WPS add-in's pane: WPS gives the page a `wps` global whose
 * EtApplication() is ET's Application (Kingsoft's wpsjs ET templates), or on some builds an
 * `Application` global that is ET's (it has ActiveWorkbook and Range). tmustier/pi-for-excel
 * src/host/detection.ts looks at the same two globals, and prefers WPS when Office is there too.
 * office.js is not loaded in the WPS build.
 */
export function detectWps(wps: unknown = (globalThis as { wps?: unknown }).wps, application: unknown = (globalThis as { Application?: unknown }).Application): boolean {
  if (typeof wps === "object" && wps !== null && typeof (wps as { EtApplication?: unknown }).EtApplication === "function") return true;
  if (typeof application !== "object" || application === null) return false;
  try {
    return "ActiveWorkbook" in application && typeof (application as { Range?: unknown }).Range === "function";
  } catch {
    return false; // a host object throwing from its accessors before the page is ready
  }
}

export async function detectHost(env: HostEnvironment = {}): Promise<HostInfo> {
  const office = env.office ?? (typeof Office === "undefined" ? undefined : Office);
  const browserLanguage = env.navigatorLanguage ?? (typeof navigator === "undefined" ? "zh-CN" : navigator.language);
  const prefersDark = env.prefersDark ?? systemPrefersDark;
  // WPS first: its pane has no Office host (office.js, when present, would answer "no host").
  if (detectWps(env.wps, env.application)) return { inOffice: true, host: "WPS", platform: "WPS", language: browserLanguage, dark: prefersDark() };
  if (!office) return { inOffice: false, host: null, platform: null, language: browserLanguage, dark: prefersDark() };

  const info = await office.onReady();
  if (!info.host) return { inOffice: false, host: null, platform: null, language: browserLanguage, dark: prefersDark() };

  let language = browserLanguage;
  let dark: boolean | undefined;
  try {
    language = office.context.displayLanguage || browserLanguage;
    dark = officeDark(office.context.officeTheme);
  } catch {
    // some hosts throw on members they do not implement; the browser's values stand
  }
  return { inOffice: true, host: String(info.host), platform: info.platform ? String(info.platform) : null, language, dark: dark ?? prefersDark() };
}

// ------------------------------------------------------------------------------ office-js-helpers

type OfficeHelpers = typeof import("@microsoft/office-js-helpers");
let helpers: Promise<OfficeHelpers> | null = null;

/** office-js-helpers, loaded once, on demand (add-in path only). */
export function officeHelpers(): Promise<OfficeHelpers> {
  helpers ??= import(/* webpackChunkName: "office-helpers" */ "@microsoft/office-js-helpers");
  return helpers;
}

/** "EXCEL" when the add-in runs in Excel; otherwise the host office-js-helpers names (null = not an add-in). */
export async function confirmExcelHost(load: () => Promise<Pick<OfficeHelpers, "Utilities">> = officeHelpers): Promise<string | null> {
  const { Utilities } = await load();
  return Utilities.isAddin ? String(Utilities.host ?? "").toUpperCase() : null;
}

/** Logs an error with office-js-helpers' Utilities.log (debugInfo of an OfficeExtension.Error). Never throws. */
export async function logOfficeError(error: unknown, load: () => Promise<Pick<OfficeHelpers, "Utilities">> = officeHelpers): Promise<void> {
  try {
    const { Utilities } = await load();
    Utilities.log(error instanceof Error ? error : String(error));
  } catch {
    // the console is a convenience: the pane has already shown the error
  }
}

interface OfficeErrorLike {
  message: string;
  code?: string;
  debugInfo?: { errorLocation?: string; message?: string };
  messageZh?: string;
  messageEn?: string;
}

/** An error as the pane shows it: [zh-CN, English]; office-js errors with their code and location. */
export function describeError(error: unknown): [string, string] {
  if (typeof error === "object" && error !== null && "message" in error) {
    const e = error as OfficeErrorLike;
    if (e.messageZh && e.messageEn) return [e.messageZh, e.messageEn];
    const where = [e.code, e.debugInfo?.errorLocation].filter(Boolean).join(", ");
    const text = where ? `${e.message} (${where})` : e.message;
    return [text, text];
  }
  return [String(error), String(error)];
}
