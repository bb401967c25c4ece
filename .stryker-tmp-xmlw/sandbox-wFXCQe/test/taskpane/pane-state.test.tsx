/** @jest-environment jsdom */
// @ts-nocheck

/**
 * The pane's behaviour over its state model (issue 15 points 1, 2, 3, 7 and the month page's
 * layout of point 6): a save writes only valid input; typed work is never dropped without asking;
 * what the pane shows is what the workbook holds or is marked 「需要重新计算」; empty months say
 * what is missing and the actions that cannot work are disabled with the reason.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";

jest.setTimeout(30_000);

// As in pane.test.tsx: computed styles cached per element (jsdom is slow at Fluent's atomic CSS).
const realComputedStyle = window.getComputedStyle.bind(window);
const computedStyles = new WeakMap<Element, CSSStyleDeclaration>();
window.getComputedStyle = ((element: Element, pseudo?: string | null) => {
  if (pseudo) return realComputedStyle(element, pseudo);
  let style = computedStyles.get(element);
  if (!style) computedStyles.set(element, (style = realComputedStyle(element)));
  return style;
}) as typeof window.getComputedStyle;
import userEvent, { PointerEventsCheckLevel } from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import type { HostInfo } from "../../src/taskpane/host";
import { FakeAdapter, indicatorColumn, indicatorRow, OCTOBER, workbook } from "./fixtures";
import { withJsdomLayout } from "../fixtures/jsdom-layout";

const EXCEL: HostInfo = { inOffice: true, host: "Excel", platform: "PC", language: "zh-CN", dark: false };
const BROWSER: HostInfo = { inOffice: false, host: null, platform: null, language: "zh-CN", dark: false };
const NOW = () => new Date(2025, 10, 20, 9, 30);

jest.mock("@microsoft/office-js-helpers", () => ({ Utilities: { isAddin: true, host: "EXCEL", log: jest.fn() } }));

afterEach(cleanup);

type User = ReturnType<typeof userEvent.setup>;

const whole =
  (text: string) =>
  (_content: string, el: Element | null): boolean =>
    el !== null && el.textContent === text && !Array.from(el.children).some((c) => c.textContent === text);

/** The template's 2025年10月 with its 考核得分 written (93.25, what the inputs give). */
function scoredOctober(mode: "excel" | "file" = "excel"): FakeAdapter {
  const a = new FakeAdapter(workbook(OCTOBER), mode);
  a.type("2025年10月", "H2", 93.25);
  return a;
}

async function openExcel(adapter: FakeAdapter): Promise<User> {
  const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
  render(<App host={EXCEL} locale="zh-CN" adapter={adapter} now={NOW} />);
  await screen.findByTestId("month-2025-10");
  return user;
}

/** Browser mode with `adapter` opened as 考核.xlsx. */
async function openBrowser(adapter: FakeAdapter, download = jest.fn(), openFile = jest.fn(async () => adapter)) {
  const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
  render(<App host={BROWSER} locale="zh-CN" openFile={openFile} download={download} now={NOW} />);
  await chooseFile("考核.xlsx");
  await screen.findByTestId("month-2025-10");
  return { user, download, openFile };
}

async function chooseFile(name: string) {
  const file = new File([Uint8Array.from([80, 75, 3, 4])], name);
  Object.defineProperty(file, "arrayBuffer", { value: async () => new ArrayBuffer(4) });
  await act(async () => {
    fireEvent.change(screen.getByTestId("file-input"), { target: { files: [file] } });
  });
}

async function openMonth(user: User, month: string) {
  await user.click(screen.getByTestId(`month-${month}`));
  await waitFor(() => expect(document.getElementById("month-heading")).not.toBeNull());
}

async function typeInto(user: User, key: string, value: string) {
  const input = screen.getByTestId(`field-${key}`);
  await user.clear(input);
  if (value !== "") await user.type(input, value);
}

const guard = () => screen.queryByTestId("guard-dialog");

describe("保存本月输入 (point 1)", () => {
  it("writes nothing when a value fails 计算本月's checks, and shows every error at its field", async () => {
    const adapter = scoredOctober();
    const user = await openExcel(adapter);
    await openMonth(user, "2025-10");
    await typeInto(user, "headcount", "-1");
    await typeInto(user, "answerRank", "0");
    await typeInto(user, "ticketsPassed", "120");
    await user.click(screen.getByTestId("save-month"));
    await waitFor(() => expect(screen.getByTestId("status").textContent).toBe("有 3 个错误，未写入任何内容。"));
    expect(adapter.plans).toEqual([]);
    for (const key of ["headcount", "answerRank", "ticketsPassed"]) expect(screen.getByTestId(`field-${key}`).getAttribute("aria-invalid")).toBe("true");
    // at the field (its validation message) and in the refusal's list
    expect(screen.getAllByText(whole("「团队人数」不能为负数，实为 -1")).length).toBeGreaterThanOrEqual(2);
    // the refusal names each cell
    const refusal = screen.getByTestId("refusal");
    const row = indicatorRow("2025-10");
    expect(refusal.textContent).toContain(`单元格 ${indicatorColumn("headcount")}${row}（团队人数）`);
    expect(refusal.textContent).toContain(`单元格 ${indicatorColumn("answerRank")}${row}（接通率排名）`);
    expect(refusal.textContent).toContain(`单元格 ${indicatorColumn("ticketsPassed")}${row}（合格工单数）`);
    // the edits stay in the form
    expect((screen.getByTestId("field-headcount") as HTMLInputElement).value).toBe("-1");
  });
});

describe("one truth (point 3)", () => {
  it("right after opening, a month whose 考核得分 cell is empty says 需要重新计算, not the engine's score", async () => {
    const adapter = new FakeAdapter(workbook(OCTOBER));
    const user = await openExcel(adapter);
    const item = screen.getByTestId("month-2025-10");
    expect(item.getAttribute("data-state")).toBe("stale");
    expect(item.textContent).toBe("2025年10月需要重新计算");
    expect(item.textContent).not.toContain("93.25");
    await openMonth(user, "2025-10");
    expect(screen.getByTestId("month-score").getAttribute("data-state")).toBe("stale");
    expect(screen.getByTestId("month-score").textContent).toBe("需要重新计算");
    expect(screen.getByTestId("stale-notice").textContent).toBe("工作簿中的考核得分（2025年10月!H2）为空，与按现有输入计算的结果不一致。点「计算本月」写入得分。");
    await user.click(screen.getByRole("button", { name: "各项得分与说明" }));
    expect(screen.queryByTestId("month-total")).toBeNull();
    await user.click(screen.getByTestId("compute-month"));
    await waitFor(() => expect(screen.getByTestId("month-score").getAttribute("data-state")).toBe("scored"));
    expect(screen.getByTestId("month-score").textContent).toBe("考核得分93.25");
    expect(adapter.cell("2025年10月", "H2")).toBe(93.25);
    expect(screen.queryByTestId("stale-notice")).toBeNull();
  });

  it("a value typed in the workbook's 考核得分 that is not what the inputs give is not shown as the score", async () => {
    const adapter = new FakeAdapter(workbook(OCTOBER));
    adapter.type("2025年10月", "H2", 99);
    await openExcel(adapter);
    expect(screen.getByTestId("month-2025-10").getAttribute("data-state")).toBe("stale");
  });

  it("after a save the month needs recomputing until 计算本月; while editing, bar and problems speak of the form", async () => {
    const adapter = scoredOctober();
    const user = await openExcel(adapter);
    await openMonth(user, "2025-10");
    const below93 = "2025年10月考核得分 93.25 低于达标分 95，将拉低本期平均分";
    expect(screen.getByTestId("month-problems").getAttribute("data-source")).toBe("workbook");
    expect(screen.getAllByText(whole(below93))).toHaveLength(1);
    // no complaints: the form's inputs now give 95.25 — the problems are the form's, marked not computed
    await typeInto(user, "complaints", "0");
    expect(screen.getByTestId("draft-pending").textContent).toBe("表单有未保存的修改：得分尚未按修改计算");
    expect(screen.queryAllByText(whole(below93))).toHaveLength(0);
    expect(screen.queryByTestId("month-problems")?.getAttribute("data-source") ?? "draft").toBe("draft");
    await user.click(screen.getByTestId("save-month"));
    await waitFor(() => expect(adapter.plans.length).toBe(1));
    await waitFor(() => expect(screen.getByTestId("month-score").getAttribute("data-state")).toBe("stale"));
    expect(screen.getByTestId("stale-notice").textContent).toContain("为 93.25");
    expect(screen.queryByTestId("draft-pending")).toBeNull();
    await user.click(screen.getByTestId("compute-month"));
    await waitFor(() => expect(screen.getByTestId("month-score").textContent).toBe("考核得分95.25"));
    expect(screen.getByTestId("month-score").getAttribute("data-state")).toBe("scored");
  });
});

describe("empty months and actions that cannot work (point 7)", () => {
  it("计算本月 on an empty month names what is missing; 定稿 and 撤销 are disabled with the reason", async () => {
    const adapter = new FakeAdapter(workbook(OCTOBER));
    const user = await openExcel(adapter);
    expect(screen.getByTestId("undo").getAttribute("aria-disabled")).toBe("true");
    expect(screen.getByTestId("undo-reason").textContent).toBe("没有可撤销的写入。");
    expect(screen.getByTestId("undo").getAttribute("aria-describedby")).toBe("undo-reason");
    await openMonth(user, "2024-12");
    expect(screen.getByTestId("month-score").getAttribute("data-state")).toBe("not-started");
    expect(screen.getByTestId("freeze").getAttribute("aria-disabled")).toBe("true");
    expect(screen.getByTestId("freeze-reason").textContent).toBe("本月尚未开始填写，不能定稿。");
    await user.click(screen.getByTestId("freeze"));
    expect(screen.queryByRole("dialog")).toBeNull();
    await user.click(screen.getByTestId("compute-month"));
    await waitFor(() => expect(screen.getByTestId("status").textContent).toMatch(/^2024年12月尚未填写完整，缺 \d+ 项：团队人数、.*。未写入任何内容。$/));
    expect(screen.getByTestId("status").textContent).toContain("合格工单数");
    expect(adapter.plans).toEqual([]);
    // every missing field now says so
    expect(screen.getByTestId("field-headcount").getAttribute("aria-invalid")).toBe("true");
  });

  it("a month with errors cannot be frozen, and says why", async () => {
    const adapter = new FakeAdapter(workbook({ ...OCTOBER, indicators: [{ ...OCTOBER.indicators![0], ticketsPassed: 120 }] }));
    const user = await openExcel(adapter);
    await openMonth(user, "2025-10");
    expect(screen.getByTestId("freeze").getAttribute("aria-disabled")).toBe("true");
    expect(screen.getByTestId("freeze-reason").textContent).toBe("本月有错误，改正后才能定稿。");
  });
});

describe("no typed work lost without consent (point 2)", () => {
  it("← 返回月份列表 with edits asks: 取消 keeps them, 保存后离开 writes them, 放弃修改 drops them", async () => {
    const adapter = scoredOctober();
    const user = await openExcel(adapter);
    await openMonth(user, "2025-10");
    await typeInto(user, "headcount", "10");
    const back = () => screen.getByText("← 返回月份列表").closest("button")!;
    await user.click(back());
    await waitFor(() => expect(guard()).not.toBeNull());
    expect(guard()!.textContent).toContain("本月表单中的修改还没有写入工作簿，离开后将丢失。");
    await user.click(screen.getByTestId("guard-cancel"));
    await waitFor(() => expect(guard()).toBeNull());
    expect((screen.getByTestId("field-headcount") as HTMLInputElement).value).toBe("10");

    await user.click(back());
    await user.click(await screen.findByTestId("guard-save"));
    await waitFor(() => expect(screen.queryByTestId("month-2025-10")).not.toBeNull());
    expect(adapter.written("指标录入")).toEqual([`${indicatorColumn("headcount")}${indicatorRow("2025-10")}=10`]);

    await openMonth(user, "2025-10");
    await typeInto(user, "headcount", "11");
    await user.click(back());
    await user.click(await screen.findByTestId("guard-discard"));
    await waitFor(() => expect(screen.queryByTestId("month-2025-10")).not.toBeNull());
    expect(adapter.plans.length).toBe(1);
    await openMonth(user, "2025-10");
    expect((screen.getByTestId("field-headcount") as HTMLInputElement).value).toBe("10");
  });

  it("Escape closes the question and keeps the edit", async () => {
    const adapter = scoredOctober();
    const user = await openExcel(adapter);
    await openMonth(user, "2025-10");
    await typeInto(user, "headcount", "10");
    await user.click(screen.getByText("← 返回月份列表").closest("button")!);
    await waitFor(() => expect(guard()).not.toBeNull());
    await user.keyboard("{Escape}");
    await waitFor(() => expect(guard()).toBeNull());
    expect((screen.getByTestId("field-headcount") as HTMLInputElement).value).toBe("10");
    expect(adapter.plans).toEqual([]);
  });

  it("a refused 保存后离开 stays on the month with the errors shown", async () => {
    const adapter = scoredOctober();
    const user = await openExcel(adapter);
    await openMonth(user, "2025-10");
    await typeInto(user, "headcount", "-1");
    await user.click(screen.getByText("← 返回月份列表").closest("button")!);
    await user.click(await screen.findByTestId("guard-save"));
    await waitFor(() => expect(screen.getByTestId("status").textContent).toBe("有 1 个错误，未写入任何内容。"));
    expect(document.getElementById("month-heading")).not.toBeNull();
    expect(adapter.plans).toEqual([]);
  });

  it("another screen keeps the month's edits: back on 考核月份 they are still there", async () => {
    const user = await openExcel(scoredOctober());
    await openMonth(user, "2025-10");
    await typeInto(user, "headcount", "10");
    await user.click(screen.getByRole("tab", { name: "付款结算" }));
    expect(guard()).toBeNull();
    await user.click(screen.getByRole("tab", { name: "考核月份" }));
    expect((screen.getByTestId("field-headcount") as HTMLInputElement).value).toBe("10");
  });

  it("leaving 规则设置 with edits asks, and 保存后离开 saves them", async () => {
    const adapter = scoredOctober();
    const user = await openExcel(adapter);
    await user.click(screen.getByRole("tab", { name: "规则设置" }));
    const a1 = screen.getByRole("textbox", { name: /流动率20至30得分/ });
    await user.clear(a1);
    await user.type(a1, "5");
    await user.click(screen.getByRole("tab", { name: "考核月份" }));
    await user.click(await screen.findByTestId("guard-save"));
    await waitFor(() => expect(screen.queryByTestId("month-2025-10")).not.toBeNull());
    expect(adapter.written("规则设置")).toEqual(["B6=5"]);
  });

  it("下载结果 with edits asks: 保存后下载 includes them, 放弃修改 downloads without them, 取消 downloads nothing", async () => {
    const adapter = scoredOctober("file");
    const { user, download } = await openBrowser(adapter);
    await openMonth(user, "2025-10");
    await typeInto(user, "headcount", "10");
    await user.click(screen.getByTestId("download"));
    await waitFor(() => expect(guard()).not.toBeNull());
    expect(guard()!.textContent).toContain("直接下载的文件不包含这些修改");
    await user.click(screen.getByTestId("guard-cancel"));
    expect(download).not.toHaveBeenCalled();

    await user.click(screen.getByTestId("download"));
    await user.click(await screen.findByTestId("guard-save"));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1));
    expect(adapter.written("指标录入")).toEqual([`${indicatorColumn("headcount")}${indicatorRow("2025-10")}=10`]);

    await typeInto(user, "headcount", "12");
    await user.click(screen.getByTestId("download"));
    await user.click(await screen.findByTestId("guard-discard"));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(2));
    expect(adapter.plans.length).toBe(1);
    expect((screen.getByTestId("field-headcount") as HTMLInputElement).value).toBe("10");
  });

  it("opening another file asks while there are edits or results not downloaded", async () => {
    const adapter = scoredOctober("file");
    const second = new FakeAdapter(workbook(OCTOBER), "file");
    const openFile = jest.fn(async () => adapter).mockImplementationOnce(async () => adapter);
    const { user } = await openBrowser(adapter, jest.fn(), openFile);
    // nothing at stake: opens at once
    await chooseFile("二.xlsx");
    await waitFor(() => expect(screen.getByTestId("file-name").textContent).toBe("当前文件：二.xlsx"));
    expect(guard()).toBeNull();
    openFile.mockImplementation(async () => second);
    // a write not downloaded
    await user.click(screen.getByTestId("recompute-all"));
    await waitFor(() => expect(screen.getByTestId("not-downloaded").textContent).toBe("已修改，尚未下载"));
    await chooseFile("三.xlsx");
    await waitFor(() => expect(guard()).not.toBeNull());
    expect(guard()!.textContent).toContain("打开「三.xlsx」会关闭当前工作簿");
    expect(guard()!.textContent).toContain("当前工作簿中已写入的结果还没有下载。");
    expect(screen.queryByTestId("guard-save")).toBeNull();
    await user.click(screen.getByTestId("guard-cancel"));
    expect(openFile).toHaveBeenCalledTimes(2);
    expect(screen.getByTestId("file-name").textContent).toBe("当前文件：二.xlsx");
    // an edit in a month, then 放弃并打开
    await openMonth(user, "2025-10");
    await typeInto(user, "headcount", "10");
    await chooseFile("三.xlsx");
    await user.click(await screen.findByTestId("guard-discard"));
    await waitFor(() => expect(screen.getByTestId("file-name").textContent).toBe("当前文件：三.xlsx"));
    expect(openFile).toHaveBeenCalledTimes(3);
    expect(document.getElementById("month-heading")).toBeNull();
  });

  it("closing the tab asks (beforeunload) while there are edits or results not downloaded, and not otherwise", async () => {
    const adapter = scoredOctober("file");
    const { user, download } = await openBrowser(adapter);
    const unload = () => {
      const e = new Event("beforeunload", { cancelable: true });
      window.dispatchEvent(e);
      return e.defaultPrevented;
    };
    expect(unload()).toBe(false);
    await openMonth(user, "2025-10");
    await typeInto(user, "headcount", "10");
    expect(unload()).toBe(true);
    await user.click(screen.getByTestId("compute-month"));
    await waitFor(() => expect(adapter.plans.length).toBe(1));
    // written to the workbook in memory, not downloaded yet: still asks
    expect(unload()).toBe(true);
    await user.click(screen.getByTestId("download"));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1));
    expect(unload()).toBe(false);
  });
});

describe("the month page's keyboard path (point 6)", () => {
  withJsdomLayout();
  it("from the month's heading: 计算本月 in 1 Tab and the first field in at most 4", async () => {
    const user = await openExcel(scoredOctober());
    screen.getByTestId("month-2025-10").focus();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(document.activeElement?.id).toBe("month-heading"));
    const tabsTo = async (el: Element) => {
      for (let i = 1; i <= 30; i++) {
        await user.tab();
        if (document.activeElement === el) return i;
      }
      return Infinity;
    };
    expect(await tabsTo(screen.getByTestId("compute-month"))).toBe(1);
    document.getElementById("month-heading")!.focus();
    expect(await tabsTo(screen.getByTestId("field-headcount"))).toBeLessThanOrEqual(4);
    // the bar with the score and the actions comes before the fields
    const bar = screen.getByTestId("month-bar");
    expect(within(bar).getByTestId("month-score").textContent).toBe("考核得分93.25");
    expect(bar.compareDocumentPosition(screen.getByTestId("field-headcount")) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });
});
