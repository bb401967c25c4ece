/**
 * Where the pane runs, from Office.onReady's answer (the official host/platform report).
 * @microsoft/office-js-helpers' Utilities.host / isAddin was tried: it type-checks only with
 * skipLibCheck (its d.ts has TS1319 under TS 5.8), it is a 56 KB minified UMD bundle of core-js 2,
 * lodash and rxjs 5 from 2018, and it reads the same Office.context.host; so it is not used.
 */

export interface HostInfo {
  /** True inside an Office application (Office.onReady reported a host). */
  inOffice: boolean;
  /** Office.HostType, e.g. "Excel"; null in a plain browser. */
  host: string | null;
  /** Office.PlatformType, e.g. "PC", "OfficeOnline", "Mac"; null in a plain browser. */
  platform: string | null;
  /** BCP 47: Office's display language, else the browser's. */
  language: string;
  /** Dark UI: Office's theme when it has one, else the system's (prefers-color-scheme). */
  dark: boolean;
}

/** The globals detectHost looks at, injectable for tests. */
export interface HostEnvironment {
  office?: typeof Office;
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

export async function detectHost(env: HostEnvironment = {}): Promise<HostInfo> {
  const office = env.office ?? (typeof Office === "undefined" ? undefined : Office);
  const browserLanguage = env.navigatorLanguage ?? (typeof navigator === "undefined" ? "zh-CN" : navigator.language);
  const prefersDark = env.prefersDark ?? systemPrefersDark;
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
