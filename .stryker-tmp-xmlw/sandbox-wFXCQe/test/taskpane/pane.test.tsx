/** @jest-environment jsdom */
// @ts-nocheck

import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";

jest.setTimeout(30_000);

// jsdom matches every one of Fluent's (griffel's) atomic CSS rules on each getComputedStyle call,
// ~30 ms each here, and a Dropdown's popup positioning makes hundreds of calls. No test looks at
// computed styles, so they are cached per element (the rules themselves are left as they are).
const realComputedStyle = window.getComputedStyle.bind(window);
const computedStyles = new WeakMap<Element, CSSStyleDeclaration>();
window.getComputedStyle = ((element: Element, pseudo?: string | null) => {
  if (pseudo) return realComputedStyle(element, pseudo);
  let style = computedStyles.get(element);
  if (!style) computedStyles.set(element, (style = realComputedStyle(element)));
  return style;
}) as typeof window.getComputedStyle;
import userEvent, { PointerEventsCheckLevel } from "@testing-library/user-event";
import { webcrypto } from "crypto";
import { TextEncoder } from "util";
import { App } from "../../src/taskpane/App";
import type { HostInfo } from "../../src/taskpane/host";
import { FakeAdapter, indicatorColumn, indicatorRow, OCTOBER, workbook } from "./fixtures";
import { withJsdomLayout } from "../fixtures/jsdom-layout";

const EXCEL: HostInfo = { inOffice: true, host: "Excel", platform: "PC", language: "zh-CN", dark: false };
const BROWSER: HostInfo = { inOffice: false, host: null, platform: null, language: "zh-CN", dark: false };
const NOW = () => new Date(2025, 10, 20, 9, 30);

// The add-in path loads office-js-helpers to confirm the host: the test stands in for it.
jest.mock("@microsoft/office-js-helpers", () => ({ Utilities: { isAddin: true, host: "EXCEL", log: jest.fn() } }));

afterEach(cleanup);

/**
 * Matches the element whose whole text is `text` (the deepest such): the pane keeps dates and
 * figures inside a message on one line with spans of their own (components/text.tsx Unbroken).
 */
const whole =
  (text: string) =>
  (_content: string, el: Element | null): boolean =>
    el !== null && el.textContent === text && !Array.from(el.children).some((c) => c.textContent === text);

async function openPane(adapter: FakeAdapter, host: HostInfo = EXCEL) {
  const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
  render(<App host={host} locale={host.language === "en-US" ? "en-US" : "zh-CN"} adapter={adapter} now={NOW} />);
  await screen.findByTestId("month-2025-10");
  return user;
}

/** The template's 2025年10月 with its 考核得分 (H2) as the engine computes it: the month reads as scored, not 需要重新计算. */
function withTotal(adapter: FakeAdapter, total = 93.25, sheet = "2025年10月"): FakeAdapter {
  adapter.type(sheet, "H2", total);
  return adapter;
}

async function openMonth(user: ReturnType<typeof userEvent.setup>, month: string) {
  await user.click(screen.getByTestId(`month-${month}`));
  await waitFor(() => expect(document.getElementById("month-heading")).not.toBeNull());
}

describe("month list", () => {
  it("shows every monthly sheet with its status: scored, incomplete, errors, not started", async () => {
    const adapter = new FakeAdapter(
      workbook({
        ...OCTOBER,
        indicators: [
          ...OCTOBER.indicators!,
          { month: "2025-09", headcount: 9, trainingLapses: 0 },
          { ...OCTOBER.indicators![0], month: "2025-08", ticketsPassed: 120 },
        ],
      }),
    );
    withTotal(adapter);
    await openPane(adapter);
    const state = (m: string) => screen.getByTestId(`month-${m}`);
    expect(state("2025-10").getAttribute("data-state")).toBe("scored");
    expect(state("2025-10").textContent).toContain("考核得分 93.25");
    expect(state("2025-09").getAttribute("data-state")).toBe("incomplete");
    expect(state("2025-09").textContent).toContain("未填完（缺 17 项）");
    expect(state("2025-08").getAttribute("data-state")).toBe("errors");
    expect(state("2025-08").textContent).toContain("有 1 个错误");
    expect(state("2024-12").getAttribute("data-state")).toBe("not-started");
    expect(document.querySelectorAll("[data-testid^=month-]").length).toBe(12);
    expect(screen.getByTestId("status").textContent).toMatch(/^已读取工作簿：12 个考核月份，18 个错误，\d+ 条提示。$/);
    // instalment 3 (2025-06…11) has one month scored so far; instalment 2 none
    expect(screen.getByTestId("instalment-3").textContent).toContain("已评 1/6 个月，平均 93.25 分");
    expect(screen.getByTestId("instalment-2").textContent).toContain("已评 0/6 个月尚无评分，扣款未知");
    expect(adapter.plans).toEqual([]); // reading and scoring writes nothing
  });
});

describe("month form", () => {
  it("shows the SPEC §6 messages while typing", async () => {
    const user = await openPane(new FakeAdapter(workbook(OCTOBER)));
    await openMonth(user, "2025-10");
    const headcount = screen.getByTestId("field-headcount") as HTMLInputElement;
    expect(headcount.value).toBe("9");
    await user.clear(headcount);
    await user.type(headcount, "-1");
    expect(await screen.findByText("「团队人数」不能为负数，实为 -1")).toBeTruthy();
    expect(headcount.getAttribute("aria-invalid")).toBe("true");

    const passed = screen.getByTestId("field-ticketsPassed");
    await user.clear(passed);
    await user.type(passed, "101");
    expect(await screen.findByText("「合格工单数」101 大于「抽检工单数」100")).toBeTruthy();

    await user.clear(headcount);
    await user.type(headcount, "9");
    await waitFor(() => expect(screen.queryByText("「团队人数」不能为负数，实为 -1")).toBeNull());
    // a blank field says so once it was touched
    await user.clear(headcount);
    expect(await screen.findByText("2025年10月「团队人数」未填写")).toBeTruthy();
  });

  it("计算本月 writes the edited inputs and the month's scores in one plan", async () => {
    const adapter = new FakeAdapter(workbook(OCTOBER));
    const user = await openPane(adapter);
    await openMonth(user, "2025-10");
    const row = indicatorRow("2025-10");
    await user.clear(screen.getByTestId("field-headcount"));
    await user.type(screen.getByTestId("field-headcount"), "10");
    await user.clear(screen.getByTestId("field-examSat"));
    await user.type(screen.getByTestId("field-examSat"), "10");
    await user.click(screen.getByTestId("compute-month"));
    await waitFor(() => expect(adapter.plans.length).toBe(1));
    expect(adapter.written("指标录入")).toEqual([`${indicatorColumn("headcount")}${row}=10`, `${indicatorColumn("examSat")}${row}=10`]);
    // the template's 2025年10月 sheet: 考核得分 in H2, 队伍建设 (row 1 of the table) in H4, 考试覆盖率 in H13
    const oct = adapter.written("2025年10月");
    expect(oct).toContain("H2=94.25");
    expect(oct).toContain("H4=10");
    expect(oct).toContain("H13=10");
    // the bar's 考核得分 is the workbook's, now written
    await waitFor(() => expect(screen.getByTestId("month-score").getAttribute("data-state")).toBe("scored"));
    expect(screen.getByTestId("month-score").textContent).toBe("考核得分94.25");
    expect(screen.getByTestId("status").textContent).toMatch(/^已评分 1 个月，写入 \d+ 个单元格。$/);
    // the form now holds what the workbook holds
    expect((screen.getByTestId("field-headcount") as HTMLInputElement).value).toBe("10");
  });

  it("refuses to write a month with errors, and says why", async () => {
    const adapter = new FakeAdapter(workbook(OCTOBER));
    const user = await openPane(adapter);
    await openMonth(user, "2025-10");
    await user.clear(screen.getByTestId("field-headcount"));
    await user.type(screen.getByTestId("field-headcount"), "9.5");
    await user.click(screen.getByTestId("compute-month"));
    expect(await screen.findByText("有 1 个错误，未写入任何内容。")).toBeTruthy();
    expect(adapter.plans).toEqual([]);
  });

  it("保存本月输入 writes the events and reports editors into their sheets", async () => {
    const adapter = new FakeAdapter(workbook(OCTOBER));
    const user = await openPane(adapter);
    await openMonth(user, "2025-10");
    // the two sections are collapsed (nothing wrong in them): open them
    expect(screen.getByTestId("events-summary").textContent).toBe(" · 2 条");
    expect(screen.getByTestId("reports-summary").textContent).toBe(" · 1 条");
    expect(screen.queryByTestId("event-1")).toBeNull();
    await user.click(within(screen.getByTestId("events-section")).getByRole("button", { name: /^加减分事件/ }));
    await user.click(within(screen.getByTestId("reports-section")).getByRole("button", { name: /^报告提交/ }));
    // the second bonus lacked evidence: switch it on; remove the report; add a penalty
    const second = screen.getByTestId("event-1");
    await user.click(within(second).getByRole("switch", { name: /^佐证材料/ }));
    await user.click(screen.getByText("删除报告 1"));
    await user.click(screen.getByText("添加事件"));
    const third = screen.getByTestId("event-2");
    await user.click(within(third).getByLabelText("类型"));
    await user.click(screen.getByText("扣分", { selector: "[role=option]" }));
    await user.click(within(third).getByRole("combobox", { name: "级别" }));
    await user.click(screen.getByText("省级", { selector: "[role=option]" }));
    await user.type(within(third).getByLabelText("事项编号"), "KF-9");
    await user.click(within(third).getByRole("switch", { name: /^经查属实/ }));
    await user.click(screen.getByTestId("save-month"));
    await waitFor(() => expect(adapter.plans.length).toBe(1));
    expect(adapter.written("加减分事件")).toEqual(["F3=有", "A4=2025-10", "B4=扣分", "C4=省级", "D4=KF-9", "G4=是"]);
    expect(adapter.written("报告提交")).toEqual(["A2=null", "B2=null", "C2=null", "D2=null"]);
    expect(screen.getByTestId("status").textContent).toBe("已保存 10 个单元格到输入工作表。");
  });
});

describe("problems", () => {
  it("inside Excel, a problem's button selects its sheet and cell", async () => {
    const adapter = new FakeAdapter(workbook({ indicators: [{ ...OCTOBER.indicators![0], ticketsPassed: 120 }] }));
    const user = await openPane(adapter);
    const button = screen.getByText(whole("「合格工单数」120 大于「抽检工单数」100")).closest("button")!;
    expect(button.textContent).toContain(`工作表「指标录入」单元格 ${indicatorColumn("ticketsPassed")}${indicatorRow("2025-10")}（合格工单数）`);
    await user.click(button);
    expect(adapter.selected).toEqual([["指标录入", `${indicatorColumn("ticketsPassed")}${indicatorRow("2025-10")}`]]);
  });
});

describe("全部重算 and 结算", () => {
  it("runs read, score and write and says what it wrote", async () => {
    const adapter = new FakeAdapter(workbook(OCTOBER));
    const user = await openPane(adapter);
    await user.click(screen.getByTestId("recompute-all"));
    await waitFor(() => expect(adapter.plans.length).toBe(1));
    expect(adapter.written("2025年10月")).toContain("H2=93.25");
    await waitFor(() => expect(screen.getByTestId("status").textContent).toBe("已全部重算 1 个月，并生成「付款结算」表。"));
    expect(adapter.plans[0]!.sheets.map((s) => s.name)).toContain("付款结算");
  });
});

describe("settings", () => {
  it("saves a changed option into its row of 规则设置", async () => {
    const adapter = withTotal(new FakeAdapter(workbook(OCTOBER)));
    const user = await openPane(adapter);
    await user.click(screen.getByRole("tab", { name: "规则设置" }));
    const a1 = screen.getByRole("textbox", { name: /流动率20至30得分/ });
    await user.clear(a1);
    await user.type(a1, "50");
    expect(await screen.findByText("规则参数「流动率20至30得分」的值「50」无效：应为 0–10 的分数")).toBeTruthy();
    expect(screen.getByTestId("save-settings")).toHaveProperty("disabled", true);
    await user.clear(a1);
    await user.type(a1, "5");
    await user.click(screen.getByTestId("save-settings"));
    await waitFor(() => expect(adapter.plans.length).toBe(1));
    // RULE_SETTINGS order in the template: 流动率20至30得分 is the 5th parameter, on row 6
    expect(adapter.written("规则设置")).toEqual(["B6=5"]);
    expect(await screen.findByText("规则设置已保存。点「全部重算并结算」按新规则写入得分。")).toBeTruthy();
    // the run now uses the option: 2025-10's turnover (22.2%) scores 5 instead of 10
    // 2025-10's turnover (22.2%) now scores 5 instead of 10: the workbook's 93.25 is no longer what the
    // inputs give, so the month needs recomputing until 全部重算 writes 88.25
    await user.click(screen.getByRole("tab", { name: "考核月份" }));
    expect(screen.getByTestId("month-2025-10").getAttribute("data-state")).toBe("stale");
    expect(screen.getByTestId("month-2025-10").textContent).toContain("需要重新计算");
    await user.click(screen.getByTestId("recompute-all"));
    await waitFor(() => expect(screen.getByTestId("month-2025-10").textContent).toContain("考核得分 88.25"));
  });

  it("creates 规则设置 when the workbook has none", async () => {
    const adapter = new FakeAdapter(workbook(OCTOBER, { rules: false }));
    const user = await openPane(adapter);
    await user.click(screen.getByRole("tab", { name: "规则设置" }));
    expect(screen.getByText("工作簿中还没有「规则设置」表（按合同默认值计算）；保存时将新建。")).toBeTruthy();
    await user.click(screen.getByRole("switch", { name: "总分封顶100" }));
    await user.click(screen.getByTestId("save-settings"));
    await waitFor(() => expect(adapter.plans.length).toBe(1));
    const sheet = adapter.plans[0]!.sheets.find((s) => s.name === "规则设置");
    expect(sheet?.cells.find((c) => c.value === "总分封顶100")).toBeTruthy();
    expect(sheet?.cells.filter((c) => c.address.startsWith("B")).map((c) => c.value)).toContain("是");
  });
});

describe("language", () => {
  it("switches between Chinese and English", async () => {
    const user = await openPane(withTotal(new FakeAdapter(workbook(OCTOBER))));
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("12367 考核助手");
    await user.click(screen.getByRole("button", { name: "English" }));
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("12367 Scorecard Assistant");
    expect(screen.getByTestId("month-2025-10").textContent).toContain("Oct 2025");
    expect(screen.getByTestId("month-2025-10").textContent).toContain("Score 93.25");
    expect(screen.getByTestId("status").textContent).toMatch(/^Workbook read: 12 months, 0 errors/);
    expect(document.documentElement.lang).toBe("en-US");
    await openMonth(user, "2025-10");
    expect(screen.getByText("Team headcount")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "中文" }));
    expect(screen.getByText("团队人数")).toBeTruthy();
    expect(document.documentElement.lang).toBe("zh-CN");
  });
});

describe("keyboard", () => {
  it("opens a month with Enter, focuses its heading, and goes back to the same month", async () => {
    const user = await openPane(new FakeAdapter(workbook(OCTOBER)));
    screen.getByTestId("month-2025-10").focus();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(document.activeElement?.id).toBe("month-heading"));
    expect(document.activeElement?.textContent).toBe("2025年10月");
    const back = screen.getByText("← 返回月份列表").closest("button")!;
    back.focus();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("month-2025-10")));
  });
});

describe("重新读取", () => {
  it("picks up an edit made in the workbook meanwhile", async () => {
    const adapter = withTotal(new FakeAdapter(workbook(OCTOBER)));
    const user = await openPane(adapter);
    expect(screen.getByTestId("month-2025-10").getAttribute("data-state")).toBe("scored");
    // the clerk types a bad value in Excel
    adapter.snapshot = workbook({ ...OCTOBER, indicators: [{ ...OCTOBER.indicators![0], headcount: -3 }] });
    await user.click(screen.getByTestId("reload"));
    await waitFor(() => expect(screen.getByTestId("month-2025-10").getAttribute("data-state")).toBe("errors"));
    expect(screen.getByText(whole("「团队人数」不能为负数，实为 -3"))).toBeTruthy();
    expect(adapter.plans).toEqual([]);
  });
});

describe("plain browser", () => {
  it("opens a local file, works on it, and downloads the result", async () => {
    const adapter = new FakeAdapter(workbook(OCTOBER), "file");
    const openFile = jest.fn(async () => adapter);
    const download = jest.fn();
    const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
    render(<App host={BROWSER} locale="zh-CN" openFile={openFile} download={download} now={NOW} />);
    expect(screen.getByTestId("status").textContent).toContain("预览模式");
    expect(screen.getByTestId("download")).toHaveProperty("disabled", true);
    const file = new File([Uint8Array.from([80, 75, 3, 4])], "考核.xlsx");
    Object.defineProperty(file, "arrayBuffer", { value: async () => new ArrayBuffer(4) });
    await act(async () => {
      fireEvent.change(screen.getByTestId("file-input"), { target: { files: [file] } });
    });
    await screen.findByTestId("month-2025-10");
    expect(openFile).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId("status").textContent).toMatch(/^已打开「考核.xlsx」。已读取工作簿：12 个考核月份/);
    await user.click(screen.getByTestId("recompute-all"));
    await waitFor(() => expect(adapter.plans.length).toBe(1));
    await user.click(screen.getByTestId("download"));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1));
    expect(download.mock.calls[0]![1]).toBe("考核.xlsx");
    expect(Array.from(download.mock.calls[0]![0] as Uint8Array)).toEqual([80, 75, 3, 4]);
    // no Excel to select a cell in: problems are text, not buttons
    expect(screen.queryByRole("button", { name: /工作表「/ })).toBeNull();
  });
});

describe("screenshot review fixes", () => {
  it("month badges: green only at 95 and above; below it, errors, not started and frozen each look different", async () => {
    const adapter = new FakeAdapter(
      workbook({
        ...OCTOBER,
        indicators: [...OCTOBER.indicators!, { ...OCTOBER.indicators![0], month: "2025-09", ticketsPassed: 120 }],
      }),
    );
    withTotal(adapter);
    await openPane(adapter);
    const badge = (m: string) => screen.getByTestId(`month-${m}`).querySelector("[data-badge]")!;
    // 2025-10 scores 93.25 < 95
    expect(badge("2025-10").getAttribute("data-badge")).toBe("scored-below");
    expect(badge("2025-10").className).toContain("fui-Badge");
    expect(badge("2025-10").textContent).toBe("考核得分 93.25（未达标）");
    expect(badge("2025-09").getAttribute("data-badge")).toBe("errors");
    expect(badge("2024-12").getAttribute("data-badge")).toBe("not-started");
    expect(badge("2024-12").textContent).toBe("未开始");
    expect(screen.getByTestId("month-2025-10").querySelector('[data-badge="frozen"]')).toBeNull();
  });

  it("a month at 95 or above gets the success badge", async () => {
    const adapter = withTotal(new FakeAdapter(workbook({ ...OCTOBER, indicators: [{ ...OCTOBER.indicators![0], month: "2025-10", complaints: 0 }] })), 95.25);
    await openPane(adapter);
    const badge = screen.getByTestId("month-2025-10").querySelector("[data-badge]")!;
    expect(badge.getAttribute("data-badge")).toBe("scored");
    expect(badge.textContent).toBe("考核得分 95.25");
  });

  it("the month view says each problem once, puts the fields before the item scores, and keeps those collapsed", async () => {
    const user = await openPane(withTotal(new FakeAdapter(workbook(OCTOBER))));
    await openMonth(user, "2025-10");
    const below = "2025年10月考核得分 93.25 低于达标分 95，将拉低本期平均分";
    expect(screen.getAllByText(whole(below))).toHaveLength(1);
    expect(screen.getByTestId("month-score").textContent).toBe("考核得分93.25");
    // the item scores and explanations: after the form, collapsed until asked for
    expect(screen.queryByTestId("results")).toBeNull();
    const header = screen.getByRole("button", { name: "各项得分与说明" });
    const form = screen.getByTestId("field-headcount");
    expect(form.compareDocumentPosition(header) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await user.click(header);
    expect((await screen.findByTestId("month-total")).textContent).toBe("考核得分 93.25");
  });

  it("sets color-scheme on the document for the dark theme", async () => {
    await openPane(new FakeAdapter(workbook(OCTOBER)), { ...EXCEL, dark: true });
    expect(document.documentElement.style.colorScheme).toBe("dark");
    cleanup();
    await openPane(new FakeAdapter(workbook(OCTOBER)), EXCEL);
    expect(document.documentElement.style.colorScheme).toBe("light");
  });

  it("shows the open file's name beside the file button", async () => {
    const adapter = new FakeAdapter(workbook(OCTOBER), "file");
    render(<App host={BROWSER} locale="zh-CN" openFile={async () => adapter} download={jest.fn()} now={NOW} />);
    expect(screen.getByTestId("file-name").textContent).toBe("未打开文件");
    // the native input is hidden; the button carries its label's words and opens it
    const input = screen.getByTestId("file-input") as HTMLInputElement;
    const click = jest.spyOn(input, "click").mockImplementation(() => {});
    await userEvent.setup().click(screen.getByRole("button", { name: "打开工作簿（.xlsx）" }));
    expect(click).toHaveBeenCalledTimes(1);
    const file = new File([Uint8Array.from([80, 75, 3, 4])], "考核.xlsx");
    Object.defineProperty(file, "arrayBuffer", { value: async () => new ArrayBuffer(4) });
    await act(async () => {
      fireEvent.change(input, { target: { files: [file] } });
    });
    await screen.findByTestId("month-2025-10");
    expect(screen.getByTestId("file-name").textContent).toBe("当前文件：考核.xlsx");
  });
});

describe("定稿, 解除定稿 and 撤销上次写入 by keyboard only", () => {
  withJsdomLayout();
  const crypto = Object.getOwnPropertyDescriptor(globalThis, "crypto");
  const encoder = Object.getOwnPropertyDescriptor(globalThis, "TextEncoder");
  beforeAll(() => {
    // 定稿 fingerprints the month with Web Crypto and TextEncoder, which jsdom lacks: Node's stand in.
    Object.defineProperty(globalThis, "crypto", { configurable: true, value: webcrypto });
    if (!encoder) Object.defineProperty(globalThis, "TextEncoder", { configurable: true, writable: true, value: TextEncoder });
    // jsdom has no ResizeObserver: a MessageBar that reflows (the error bar) needs one.
    (window as unknown as { ResizeObserver: unknown }).ResizeObserver ??= class {
      observe() {}
      unobserve() {}
      disconnect() {}
    };
  });
  afterAll(() => {
    if (crypto) Object.defineProperty(globalThis, "crypto", crypto);
    if (!encoder) delete (globalThis as { TextEncoder?: unknown }).TextEncoder;
  });

  /** Presses Tab (Shift+Tab when `back`) until `target` has the focus; fails after `max` presses. */
  async function tabTo(user: ReturnType<typeof userEvent.setup>, target: () => Element | null, back = false, max = 80) {
    for (let i = 0; i < max; i++) {
      if (target() !== null && document.activeElement === target()) return;
      await user.tab({ shift: back });
    }
    throw new Error(`Tab did not reach the element; focus is on ${document.activeElement?.outerHTML.slice(0, 120)}`);
  }
  const dialog = () => screen.queryByRole("dialog");

  it("freezes, unfreezes (who and a reason) and undoes the last write without a mouse", async () => {
    const adapter = new FakeAdapter(workbook(OCTOBER));
    const user = await openPane(adapter);
    const sheet = "2025年10月";
    expect(adapter.cell(sheet, "H2")).toBeUndefined(); // the template's scorecard is not scored yet

    // open the month: Tab to it, Enter
    await tabTo(user, () => screen.getByTestId("month-2025-10"));
    await user.keyboard("{Enter}");
    await waitFor(() => expect(document.activeElement?.id).toBe("month-heading"));

    // 定稿: Tab to the button, Space opens the dialog with the focus in its name field
    await tabTo(user, () => screen.queryByTestId("freeze"));
    await user.keyboard(" ");
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("freeze-who")));
    expect(dialog()?.textContent).toContain("定稿 2025年10月");
    // Enter with no name: refused in the dialog, nothing written
    await user.keyboard("{Enter}");
    expect(await screen.findByText("请填写姓名")).toBeTruthy();
    expect(adapter.plans).toEqual([]);
    await user.keyboard("张三{Enter}");
    await waitFor(() => expect(adapter.plans.length).toBe(1));
    await waitFor(() => expect(screen.getByTestId("status").textContent).toBe("已定稿：2025年10月（张三），考核表已保护。"));
    expect(dialog()).toBeNull();
    const frozen = adapter.plans[0]!;
    expect(frozen.protectSheets).toEqual([{ sheet, protect: true }]);
    expect(frozen.sheets.map((s) => s.name)).toEqual(["审计记录", "计算说明", "撤销记录"]);
    expect(adapter.cell(sheet, "H2")).toBe(93.25);
    expect(adapter.cell("审计记录", "F4")).toBe("张三");
    // the month is read-only now, says so, and carries the badge; the button is now 解除定稿
    expect(screen.getByTestId("frozen-notice").textContent).toContain("本月已于 2025-11-20 09:30 定稿（张三）");
    expect(screen.getByTestId("field-headcount")).toHaveProperty("readOnly", true);
    expect(screen.queryByTestId("save-month")).toBeNull();
    expect(screen.queryByTestId("compute-month")).toBeNull();
    expect(screen.getByRole("region", { name: "2025年10月" }).querySelector('[data-badge="frozen"]')?.textContent).toBe("已定稿");
    // focus went back to the button, which is now 解除定稿
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("unfreeze")));

    // 解除定稿: Enter opens it with the last name; a reason is required
    await user.keyboard("{Enter}");
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("unfreeze-who")));
    expect((screen.getByTestId("unfreeze-who") as HTMLInputElement).value).toBe("张三");
    await user.keyboard("{Enter}");
    expect(await screen.findByText("请注明解除定稿的原因")).toBeTruthy();
    expect(adapter.plans.length).toBe(1);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByTestId("unfreeze-reason"));
    await user.keyboard("甲方复核更正");
    // focus stays in the dialog: Tab goes to its buttons, never out of it
    await tabTo(user, () => screen.getByTestId("unfreeze-confirm"));
    for (let i = 0; i < 6; i++) {
      await user.tab();
      expect(dialog()?.contains(document.activeElement)).toBe(true);
    }
    await tabTo(user, () => screen.getByTestId("unfreeze-confirm"));
    await user.keyboard("{Enter}");
    await waitFor(() => expect(adapter.plans.length).toBe(2));
    await waitFor(() => expect(screen.getByTestId("status").textContent).toBe("已解除定稿：2025年10月，下次评分将重新写入该月。"));
    expect(adapter.plans[1]!.protectSheets).toEqual([{ sheet, protect: false }]);
    expect(adapter.cell("审计记录", "B5")).toBe("解除定稿");
    expect(adapter.cell("审计记录", "G5")).toBe("解除原因：甲方复核更正");
    expect(screen.queryByTestId("frozen-notice")).toBeNull();
    expect(screen.getByTestId("field-headcount")).toHaveProperty("readOnly", false);

    // 撤销上次写入 (the freeze's cell writes; 审计记录 stays): the clerk had typed in H2 meanwhile
    adapter.type(sheet, "H2", 90);
    await tabTo(user, () => screen.getByTestId("undo"), true);
    await user.keyboard("{Enter}");
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("undo-confirm")));
    expect(screen.getByTestId("undo-changed-since").textContent).toBe(`${sheet}!H2`);
    expect(dialog()?.textContent).toContain("恢复 29 个单元格。");
    expect(dialog()?.textContent).toContain("以下 1 个单元格在上次写入之后又被改动过，撤销会覆盖这些改动");
    await user.keyboard("{Enter}");
    await waitFor(() => expect(adapter.plans.length).toBe(3));
    await waitFor(() => expect(screen.getByTestId("status").textContent).toBe("已撤销上次写入：恢复 29 个单元格（其中 1 个在写入后被改动过）。"));
    expect(adapter.cell(sheet, "H2")).toBeUndefined();
    expect(adapter.snapshot.sheets.map((s) => s.name)).not.toContain("撤销记录");
    expect(adapter.snapshot.sheets.map((s) => s.name)).toContain("审计记录");
    // nothing left to undo: the button stays focusable but is disabled
    expect(screen.getByTestId("undo").getAttribute("aria-disabled")).toBe("true");
  });

  it("does not freeze over unsaved edits of the form", async () => {
    const adapter = new FakeAdapter(workbook(OCTOBER));
    const user = await openPane(adapter);
    await openMonth(user, "2025-10");
    await user.clear(screen.getByTestId("field-headcount"));
    await user.type(screen.getByTestId("field-headcount"), "10");
    await user.click(screen.getByTestId("freeze"));
    await waitFor(() => expect(dialog()).not.toBeNull());
    expect(dialog()?.textContent).toContain("表单中有未保存的修改，定稿只按工作簿中的数据。");
    expect(screen.getByTestId("freeze-confirm")).toHaveProperty("disabled", true);
    await user.type(screen.getByTestId("freeze-who"), "张三{Enter}");
    expect(adapter.plans).toEqual([]);
  });

  it("Escape cancels a confirmation and writes nothing", async () => {
    const adapter = new FakeAdapter(workbook(OCTOBER));
    const user = await openPane(adapter);
    await tabTo(user, () => screen.getByTestId("month-2025-10"));
    await user.keyboard("{Enter}");
    await tabTo(user, () => screen.queryByTestId("freeze"));
    await user.keyboard("{Enter}");
    await waitFor(() => expect(dialog()).not.toBeNull());
    await user.keyboard("张三{Escape}");
    await waitFor(() => expect(dialog()).toBeNull());
    expect(adapter.plans).toEqual([]);
  });
});
