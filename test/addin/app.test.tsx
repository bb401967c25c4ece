/** @jest-environment jsdom */
import { act, cleanup, render, screen } from "@testing-library/react";
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { detectHost, luminance, type HostInfo } from "../../src/taskpane/host";
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
    expect(screen.getByRole("status").textContent).toBe("已连接 Excel（网页版）");
    expect(screen.getByRole("heading", { level: 2 }).textContent).toBe("考核月份");
    expect(screen.getByRole("region", { name: "考核月份" }).textContent).toContain("2024年12月至2025年11月");
    expect(screen.getByText("此版本尚未读取工作簿。")).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/Scorecard|Excel on/);
  });

  it("renders the en-US shell in a plain browser", () => {
    render(<App host={BROWSER} locale="en-US" />);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("12367 Scorecard Assistant");
    expect(screen.getByRole("status").textContent).toBe("Preview mode: not opened in Excel; no workbook is read or written.");
    expect(screen.getByRole("heading", { level: 2 }).textContent).toBe("Scorecard months");
    expect(screen.getByText("This version does not read the workbook yet.")).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it("names the platform in English too, and has the same keys in both languages", () => {
    render(<App host={{ ...EXCEL_WEB, platform: "PC" }} locale="en-US" />);
    expect(screen.getByRole("status").textContent).toBe("Connected to Excel Windows desktop");
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
    await act(async () => mount(root, { ...EXCEL_WEB, language: "en-GB" }));
    expect(document.documentElement.lang).toBe("en-US");
    expect(root.querySelector("h1")?.textContent).toBe("12367 Scorecard Assistant");
    root.remove();
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
