/** @jest-environment jsdom */
// @ts-nocheck

/**
 * Issue 15's loose ends in the shell (h8): the title bar, the components' props wired in the
 * screens (rules, logged reports, "另见第 N 条" places), the lost-work guard's backdrop, one toolbar
 * action for 全部重算 + 结算, and each edition's first status line.
 */
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent, { PointerEventsCheckLevel } from "@testing-library/user-event";
import { readFileSync } from "fs";
import { join } from "path";
import { TextDecoder, TextEncoder } from "util";
Object.assign(globalThis, { TextDecoder, TextEncoder });
import { App, editionOf } from "../../src/taskpane/App";
import { ExcelFileAdapter } from "../../src/hosts/file/file-adapter";
import { LimitationsBar } from "../../src/taskpane/components/HostNotices";
import { useBackdropStyles } from "../../src/taskpane/components/TrustDialogs";
import type { HostInfo } from "../../src/taskpane/host";
import { STRINGS } from "../../src/taskpane/i18n";
import { GuardDialog } from "../../src/taskpane/screens/GuardDialog";
import { seeAlsoIn } from "../../src/taskpane/screens/types";
import { Session } from "../../src/taskpane/session";
import { FakeAdapter, OCTOBER, workbook } from "./fixtures";

jest.mock("@microsoft/office-js-helpers", () => ({ Utilities: { isAddin: true, host: "EXCEL", log: jest.fn() } }));
jest.setTimeout(60_000);
afterEach(cleanup);

const EXCEL: HostInfo = { inOffice: true, host: "Excel", platform: "PC", language: "zh-CN", dark: false };
const WPS: HostInfo = { inOffice: true, host: "WPS", platform: "WPS", language: "zh-CN", dark: false };
const BROWSER: HostInfo = { inOffice: false, host: null, platform: null, language: "zh-CN", dark: false };
const NOW = () => new Date(2025, 10, 20, 9, 30);
const EXAMPLE = readFileSync(join(__dirname, "..", "..", "assets", "example-2024-2025.xlsx"));

describe("editions: the first status line", () => {
  it("says what each edition is: the add-in, the browser preview, the offline edition, WPS", () => {
    expect(editionOf(EXCEL)).toBe("addin");
    expect(editionOf(WPS)).toBe("wps");
    expect(editionOf(BROWSER)).toBe("browser");
    const status = (host: HostInfo, edition?: "offline") => {
      render(<App host={host} locale="zh-CN" edition={edition} now={NOW} />);
      const text = screen.getByTestId("status").textContent;
      cleanup();
      return text;
    };
    expect(status(BROWSER)).toBe("预览模式：未在 Excel 中打开。可打开本地 .xlsx 工作簿试用，结果通过下载保存。");
    expect(status(BROWSER, "offline")).toBe("离线版：打开本地 .xlsx 工作簿，结果通过下载保存；无需 Excel，也不联网。");
    expect(status(WPS)).toBe("已连接 WPS 表格");
    expect(status(EXCEL)).toBe("已连接 Excel（Windows 桌面版）");
  });

  it("the limitations bar names WPS inside WPS, Excel elsewhere; in English Chinese names are quoted", () => {
    const l = [{ feature: "print", messageZh: "不支持打印设置", messageEn: "the print area of 付款结算 is not set" }];
    render(<LimitationsBar limitations={l} t={STRINGS["zh-CN"]} locale="zh-CN" wps onDismiss={() => {}} />);
    expect(screen.getByText("此版本 WPS 表格的限制")).toBeTruthy();
    cleanup();
    render(<LimitationsBar limitations={l} t={STRINGS["en-US"]} locale="en-US" onDismiss={() => {}} />);
    expect(screen.getByText("What this Excel cannot do")).toBeTruthy();
    expect(screen.getByRole("listitem").textContent).toBe("the print area of “付款结算” is not set");
  });
});

describe("the shell", () => {
  it("has the title bar, and ONE toolbar action that scores every month and rebuilds 付款结算", async () => {
    const adapter = new FakeAdapter(workbook(OCTOBER));
    const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
    render(<App host={EXCEL} locale="zh-CN" adapter={adapter} now={NOW} />);
    await screen.findByTestId("month-2025-10");
    expect(screen.getByTestId("title-bar").textContent).toBe(`${STRINGS["zh-CN"].title}English`);
    const toolbar = screen.getByRole("toolbar");
    expect(Array.from(toolbar.querySelectorAll("button")).map((b) => b.textContent)).toEqual(["全部重算并结算", "撤销上次写入", "重新读取"]);
    expect(screen.queryByTestId("settle")).toBeNull();
    const button = screen.getByTestId("recompute-all");
    expect(document.getElementById(button.getAttribute("aria-describedby") ?? "")?.textContent).toBe("重新计算每个月的考核得分，并重建「付款结算」表。");
    await user.click(button);
    await waitFor(() => expect(adapter.plans.length).toBe(1));
    expect(adapter.plans[0]!.sheets.map((s) => s.name)).toContain("付款结算");
    expect(adapter.written("2025年10月")).toContain("H2=93.25");
    await waitFor(() => expect(screen.getByTestId("status").textContent).toBe("已全部重算 1 个月，并生成「付款结算」表。"));
  });

  it("the lost-work guard's backdrop is the trust dialogs' one (the whole pane wide)", () => {
    let expected = "";
    function Probe() {
      expected = useBackdropStyles().backdrop;
      return null;
    }
    render(
      <>
        <Probe />
        <GuardDialog guard={{ kind: "leave", canSave: true, edits: true, notDownloaded: false, proceed: () => {} }} t={STRINGS["zh-CN"]} onSave={() => {}} onDiscard={() => {}} onCancel={() => {}} />
      </>,
    );
    expect(expected).not.toBe("");
    const backdrop = document.querySelector(".fui-DialogSurface__backdrop");
    // griffel merges the classes: its atomic ones (right: auto; width: 100vw) are the ones to find
    const atomic = expected.split(" ").filter((c) => !c.startsWith("___"));
    expect(atomic.length).toBeGreaterThanOrEqual(2);
    expect(backdrop?.className.split(" ")).toEqual(expect.arrayContaining(atomic));
  });
});

describe("seeAlso: the place of entry N of an input sheet", () => {
  it("is found in the input sheets as the last run read them; null before a read or for another sheet", async () => {
    expect(seeAlsoIn(null)("报告提交", 1)).toBeNull();
    const file = await ExcelFileAdapter.fromBuffer(new Uint8Array(EXAMPLE));
    const session = new Session({ read: () => file.read(), apply: (p) => file.apply(p) }, { now: NOW });
    await session.load();
    const place = seeAlsoIn(session);
    expect(place("报告提交", 1)).toMatchObject({ sheet: "报告提交", cell: "B2" });
    expect(place("报告提交", 3)).toMatchObject({ sheet: "报告提交", cell: "B4" });
    expect(place("流水账", 1)).toBeNull();
    expect(place("报告提交", 0)).toBeNull();
  });
});

describe("付款进度: one truth while months need recomputing", () => {
  it("shows no instalment figure while one of its months is 需要重新计算; the engine's once recomputed", async () => {
    const adapter = new FakeAdapter(workbook(OCTOBER));
    const session = new Session(adapter, { now: NOW });
    await session.load();
    expect(session.months().find((m) => m.month === "2025-10")?.state).toBe("stale");
    const before = session.instalments().find((i) => i.months.includes("2025-10"));
    expect(before).toMatchObject({ stale: ["2025-10"], average: null, deduction: null, payable: null, final: false });
    // the pane says so, in place of the figures
    const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
    render(<App host={EXCEL} locale="zh-CN" adapter={adapter} now={NOW} />);
    const item = await screen.findByTestId(`instalment-${before!.number}`);
    expect(item.getAttribute("data-state")).toBe("stale");
    expect(screen.getByTestId(`instalment-${before!.number}-stale`).textContent).toBe("需要重新计算：2025年10月的考核得分与工作簿不一致，点「全部重算并结算」后显示本笔的平均分和扣款。");
    await user.click(screen.getByTestId("recompute-all"));
    await waitFor(() => expect(screen.getByTestId(`instalment-${before!.number}`).getAttribute("data-state")).toBeNull());
    expect(screen.queryByTestId(`instalment-${before!.number}-stale`)).toBeNull();
    expect(screen.getByTestId(`instalment-${before!.number}`).textContent).toContain("93.25");
  });
});

describe("the month page's 加减分事件 and 报告提交 sections", () => {
  const header = (id: string) => screen.getByTestId(`${id}-section`).querySelector<HTMLButtonElement>("button[aria-expanded]")!;
  const expanded = (id: string) => header(id).getAttribute("aria-expanded");

  it("are collapsed when all is well, with how many entries they hold", async () => {
    const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
    render(<App host={EXCEL} locale="zh-CN" adapter={new FakeAdapter(workbook(OCTOBER))} now={NOW} />);
    await user.click(await screen.findByTestId("month-2025-10"));
    await waitFor(() => expect(document.getElementById("month-heading")).not.toBeNull());
    expect([expanded("events"), expanded("reports")]).toEqual(["false", "false"]);
    expect(screen.getByTestId("events-summary").textContent).toBe(" · 2 条");
    expect(screen.queryByTestId("event-0")).toBeNull();
    // the fields come first, in two columns: every indicator is there
    expect(document.querySelectorAll('[data-testid^="field-"]').length).toBe(23);
  });

  it("is open by itself while it holds an error, and says how many", async () => {
    const events = OCTOBER.events!.map((e, i) => (i === 0 ? { ...e, level: "不存在的级别" } : e));
    const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
    render(<App host={EXCEL} locale="zh-CN" adapter={new FakeAdapter(workbook({ ...OCTOBER, events }))} now={NOW} />);
    await user.click(await screen.findByTestId("month-2025-10"));
    await waitFor(() => expect(document.getElementById("month-heading")).not.toBeNull());
    expect([expanded("events"), expanded("reports")]).toEqual(["true", "false"]);
    expect(screen.getByTestId("events-summary").textContent).toBe(" · 2 条，1 个错误");
    expect(screen.getByTestId("event-0")).toBeTruthy();
    // the clerk can still close it
    await user.click(header("events"));
    expect(expanded("events")).toBe("false");
  });
});
