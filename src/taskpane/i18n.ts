/** The pane's words, zh-CN first (the manifest's DefaultLocale), en-US second. */

export type Locale = "zh-CN" | "en-US";

/** zh-* → zh-CN, en-* → en-US; any other language gets the product's own, zh-CN. */
export function pickLocale(language: string | null | undefined): Locale {
  const lang = (language ?? "").trim().toLowerCase();
  if (lang.startsWith("en")) return "en-US";
  return "zh-CN";
}

export interface Strings {
  title: string;
  subtitle: string;
  /** Shown when the pane runs inside Excel; `platform` is Office's platform name. */
  connected: (platform: string | null) => string;
  /** Shown in a plain browser (npm start, opened directly). */
  browserOnly: string;
  monthsHeading: string;
  monthsPlaceholder: string;
  notYet: string;
}

const PLATFORMS: Record<Locale, Record<string, string>> = {
  "zh-CN": { PC: "Windows 桌面版", OfficeOnline: "网页版", Mac: "Mac 版", iOS: "iPad 版", Android: "Android 版", Universal: "Windows 应用版" },
  "en-US": { PC: "Windows desktop", OfficeOnline: "on the web", Mac: "for Mac", iOS: "for iPad", Android: "for Android", Universal: "Windows app" },
};

export const STRINGS: Record<Locale, Strings> = {
  "zh-CN": {
    title: "12367 考核助手",
    subtitle: "服务热线月度质量考核（附件二）与合同结算",
    connected: (p) => `已连接 Excel${p ? `（${PLATFORMS["zh-CN"][p] ?? p}）` : ""}`,
    browserOnly: "预览模式：未在 Excel 中打开，不读取也不写入任何工作簿。",
    monthsHeading: "考核月份",
    monthsPlaceholder:
      "这里将列出工作簿中的每个考核月份（2024年12月至2025年11月）：考核得分、需要更正的输入（注明工作表、单元格和指标）以及双方签字情况。",
    notYet: "此版本尚未读取工作簿。",
  },
  "en-US": {
    title: "12367 Scorecard Assistant",
    subtitle: "Monthly hotline quality scorecard (Annex 2) and contract settlement",
    connected: (p) => `Connected to Excel${p ? ` ${PLATFORMS["en-US"][p] ?? p}` : ""}`,
    browserOnly: "Preview mode: not opened in Excel; no workbook is read or written.",
    monthsHeading: "Scorecard months",
    monthsPlaceholder:
      "Each scorecard month found in the workbook (Dec 2024 to Nov 2025) will be listed here: its total, the inputs to correct (with sheet, cell and indicator) and whether both parties have signed.",
    notYet: "This version does not read the workbook yet.",
  },
};
