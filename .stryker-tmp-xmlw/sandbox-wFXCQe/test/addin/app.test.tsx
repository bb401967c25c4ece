/** @jest-environment jsdom */
// @ts-nocheck

import { act, cleanup, render, screen } from "@testing-library/react";
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { confirmExcelHost, describeError, detectHost, logOfficeError, luminance, type HostInfo } from "../../src/taskpane/host";
import { STRINGS, pickLocale } from "../../src/taskpane/i18n";
import { mount } from "../../src/taskpane/mount";

const EXCEL_WEB: HostInfo = { inOffice: true, host: "Excel", platform: "OfficeOnline", language: "zh-CN", dark: false };
const BROWSER: HostInfo = { inOffice: false, host: null, platform: null, language: "en-US", dark: false };

afterEach(cleanup);

describe("App", () => {
  it("renders the zh-CN shell inside Excel", () => {
    render(<App host={EXCEL_WEB} locale="zh-CN" />);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("12367 考核助手");
    expect(screen.getByText("服务热线月度质量考核（附件二）与合同结算")).toBeTruthy();
    expect(screen.getByTestId("status").textContent).toBe("已连接 Excel（网页版）");
    // inside Excel there is no file to open or download
    expect(screen.queryByTestId("file-input")).toBeNull();
    expect(screen.queryByTestId("download")).toBeNull();
    expect(screen.getByRole("button", { name: "English" }).getAttribute("lang")).toBe("en-US");
    expect(document.body.textContent).not.toMatch(/Scorecard|Excel on/);
  });

  it("renders the en-US shell in a plain browser, ready to open a local workbook", () => {
    render(<App host={BROWSER} locale="en-US" />);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("12367 Scorecard Assistant");
    expect(screen.getByTestId("status").textContent).toBe("Preview mode: not opened in Excel. Open a local .xlsx workbook to try it; the result is saved as a download.");
    expect(screen.getByLabelText("Open a workbook (.xlsx)")).toBe(screen.getByTestId("file-input"));
    expect(screen.getByTestId("file-input").getAttribute("accept")).toContain(".xlsx");
    expect(screen.getByTestId("download")).toHaveProperty("disabled", true);
    expect(screen.getByText("Open a workbook first.")).toBeTruthy();
    // only the language switch names the other language in its own script
    expect(screen.getByRole("button", { name: "中文" }).getAttribute("lang")).toBe("zh-CN");
    expect(document.body.textContent?.replace("中文", "")).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it("names the platform in English too, and has the same keys in both languages", () => {
    render(<App host={{ ...EXCEL_WEB, platform: "PC" }} locale="en-US" />);
    expect(screen.getByTestId("status").textContent).toBe("Connected to Excel Windows desktop");
    expect(Object.keys(STRINGS["en-US"]).sort()).toEqual(Object.keys(STRINGS["zh-CN"]).sort());
  });

  it("follows the host's dark theme", () => {
    const { container } = render(<App host={{ ...EXCEL_WEB, dark: true }} locale="zh-CN" />);
    // griffel inserts its rules through the CSSOM (insertRule), not as <style> text
    const css = Array.from(document.styleSheets)
      .flatMap((sheet) => Array.from(sheet.cssRules).map((rule) => rule.cssText))
      .join("\n");
    expect(css).toContain(`--colorNeutralBackground1: ${webDarkTheme.colorNeutralBackground1}`);
    expect(webDarkTheme.colorNeutralBackground1).not.toBe(webLightTheme.colorNeutralBackground1);
    expect(container.firstElementChild?.getAttribute("lang")).toBe("zh-CN");
  });
});

describe("mount", () => {
  it("picks the language from the host and sets <html lang>", async () => {
    const root = document.createElement("div");
    document.body.appendChild(root);
    await act(async () => mount(root, { ...BROWSER, language: "en-GB" }));
    expect(document.documentElement.lang).toBe("en-US");
    expect(root.querySelector("h1")?.textContent).toBe("12367 Scorecard Assistant");
    root.remove();
  });
});

describe("office-js-helpers (add-in path, loaded on demand)", () => {
  const helpers = (host: string, isAddin: boolean, log = jest.fn()) => async () => ({ Utilities: { host, isAddin, log } }) as never;

  it("confirms the host is Excel, names another host, and says null outside an add-in", async () => {
    expect(await confirmExcelHost(helpers("EXCEL", true))).toBe("EXCEL");
    expect(await confirmExcelHost(helpers("WORD", true))).toBe("WORD");
    expect(await confirmExcelHost(helpers("WEB", false))).toBeNull();
  });

  it("logs an error with Utilities.log and never throws", async () => {
    const log = jest.fn();
    const error = new Error("boom");
    await logOfficeError(error, helpers("EXCEL", true, log));
    expect(log).toHaveBeenCalledWith(error);
    await expect(logOfficeError(error, async () => Promise.reject(new Error("chunk failed")))).resolves.toBeUndefined();
  });

  it("shows an office-js error with its code and location, and a bilingual error in both languages", () => {
    const officeError = Object.assign(new Error("The requested resource doesn't exist."), { code: "ItemNotFound", debugInfo: { errorLocation: "WorksheetCollection.getItem" } });
    expect(describeError(officeError)).toEqual([
      "The requested resource doesn't exist. (ItemNotFound, WorksheetCollection.getItem)",
      "The requested resource doesn't exist. (ItemNotFound, WorksheetCollection.getItem)",
    ]);
    expect(describeError({ message: "x", messageZh: "工作簿含有无法保留的内容", messageEn: "the workbook holds content this tool cannot keep" })).toEqual(["工作簿含有无法保留的内容", "the workbook holds content this tool cannot keep"]);
    expect(describeError("plain")).toEqual(["plain", "plain"]);
  });
});

describe("pickLocale", () => {
  it("maps zh-* to zh-CN, en-* to en-US and anything else to zh-CN", () => {
    expect(["zh-CN", "zh-TW", "ZH", "en-US", "en-GB", "en", "fr-FR", "", null, undefined].map(pickLocale)).toEqual([
      "zh-CN", "zh-CN", "zh-CN", "en-US", "en-US", "en-US", "zh-CN", "zh-CN", "zh-CN", "zh-CN",
    ]);
  });
});

describe("detectHost", () => {
  it("works without Office at all (plain browser): browser language and colour scheme", async () => {
    expect(await detectHost({ navigatorLanguage: "en-US", prefersDark: () => true })).toEqual({
      inOffice: false, host: null, platform: null, language: "en-US", dark: true,
    });
  });

  it("treats office.js loaded outside Office (onReady without a host) as a plain browser", async () => {
    const office = { onReady: async () => ({ host: null, platform: null }) } as unknown as typeof Office;
    expect(await detectHost({ office, navigatorLanguage: "zh-CN", prefersDark: () => false })).toMatchObject({ inOffice: false, language: "zh-CN", dark: false });
  });

  it("inside Excel: Office's display language and theme win over the browser's", async () => {
    const office = {
      onReady: async () => ({ host: "Excel", platform: "PC" }),
      context: { displayLanguage: "en-US", officeTheme: { isDarkTheme: true, bodyBackgroundColor: "#FFFFFF" } },
    } as unknown as typeof Office;
    expect(await detectHost({ office, navigatorLanguage: "zh-CN", prefersDark: () => false })).toEqual({
      inOffice: true, host: "Excel", platform: "PC", language: "en-US", dark: true,
    });
  });

  it("falls back to the theme's background colour when the host has no isDarkTheme", async () => {
    const office = {
      onReady: async () => ({ host: "Excel", platform: "Mac" }),
      context: { displayLanguage: "zh-CN", officeTheme: { bodyBackgroundColor: "#262626" } },
    } as unknown as typeof Office;
    expect((await detectHost({ office, prefersDark: () => false })).dark).toBe(true);
    expect(luminance("#FFFFFF")).toBeCloseTo(1);
    expect(luminance("#000000")).toBe(0);
    expect(luminance("white")).toBeNaN();
  });
});
