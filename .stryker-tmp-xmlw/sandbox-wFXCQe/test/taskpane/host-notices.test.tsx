/** @jest-environment jsdom */
// @ts-nocheck

/**
 * Issue 14, points 4 and 8 on the pane side: what this Excel cannot do (the adapter's `skipped`,
 * through PaneAdapter.limitations) is shown once, with its effect on the clerk, in zh-CN and en-US;
 * a write that stopped part way (ApplyIncompleteError, matched by shape) says what was written and
 * what was not, and what to do. The adapter is a fake; the texts and roles are asserted.
 */
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";

jest.setTimeout(30_000);

// As in pane.test.tsx: jsdom's getComputedStyle is slow over Fluent's atomic CSS; cache it per element.
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
import { describeSkipped, excelPaneAdapter } from "../../src/taskpane/excel";
import type { HostInfo } from "../../src/taskpane/host";
import { asIncompleteWrite, Session, type PaneLimitation } from "../../src/taskpane/session";
import { applyPlanToSnapshot } from "../../src/workbook/drafts/input-rows";
import type { WorkbookSnapshot, WritePlan } from "../../src/workbook/model";
import { FakeAdapter, OCTOBER, workbook } from "./fixtures";
import { withJsdomLayout } from "../fixtures/jsdom-layout";

jest.mock("@microsoft/office-js-helpers", () => ({ Utilities: { isAddin: true, host: "EXCEL", log: jest.fn() } }));

const EXCEL: HostInfo = { inOffice: true, host: "Excel", platform: "PC", language: "zh-CN", dark: false };
const NOW = () => new Date(2025, 10, 20, 9, 30);

afterEach(cleanup);

// Fluent's MessageBar (layout "auto", the pane's generic error bar) watches its width; jsdom has no ResizeObserver.
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
if (typeof window.ResizeObserver === "undefined") window.ResizeObserver = NoResizeObserver as unknown as typeof ResizeObserver;

withJsdomLayout();

/** The adapter's SkippedFeature as it is today (message / messageEn). */
const SKIPPED = {
  merges: { feature: "merged areas", requirement: "ExcelApi 1.13", message: "此版本的 Excel 不支持读取合并单元格（需要 ExcelApi 1.13），已跳过。", messageEn: "skipped" },
  validation: { feature: "data validation", requirement: "ExcelApi 1.8", message: "已跳过下拉列表", messageEn: "skipped" },
  pageLayout: { feature: "page layout", requirement: "ExcelApi 1.9", message: "已跳过打印设置", messageEn: "skipped" },
};

const MERGES_ZH = "此版本 Excel 不支持读取合并单元格（需 ExcelApi 1.13）：含合并标签的考核表将被拒绝，请用 Excel 2021 或更新版本，或在浏览器中打开本地文件。";
const MERGES_EN = "This Excel cannot read merged cells (needs ExcelApi 1.13): a scorecard whose labels are merged is refused. Use Excel 2021 or later, or open the local file in a browser.";

/** The ApplyIncompleteError the adapter throws, by shape (name, messageZh/En, done, notDone). */
class ApplyIncompleteError extends Error {
  override name = "ApplyIncompleteError";
  constructor(
    readonly messageZh: string,
    readonly messageEn: string,
    readonly done: string[],
    readonly notDone: string[],
  ) {
    super(messageEn);
  }
}

/**
 * The fake adapter of pane.test.tsx, plus what a host lacks (reported by read() for merges, by
 * apply() for the other two, as the Excel adapter does) and a write that stops after its first part.
 */
class LimitedAdapter extends FakeAdapter {
  skipped: { feature: string; requirement: string; message: string; messageEn: string }[] = [];
  failNextApply = false;

  constructor(
    snapshot: WorkbookSnapshot,
    readonly onRead: (keyof typeof SKIPPED)[],
    readonly onApply: (keyof typeof SKIPPED)[] = [],
  ) {
    super(snapshot);
  }

  override async read(): Promise<WorkbookSnapshot> {
    this.skipped = this.onRead.map((k) => SKIPPED[k]);
    return super.read();
  }

  override async apply(plan: WritePlan): Promise<void> {
    this.skipped = this.onApply.map((k) => SKIPPED[k]);
    if (!this.failNextApply) return super.apply(plan);
    this.failNextApply = false;
    // the first batch: 撤销记录 and the first sheet's cells; the rest never arrives
    const first: WritePlan = { cellWrites: plan.cellWrites.slice(0, 1), sheets: plan.sheets.filter((s) => s.name === "撤销记录") };
    this.plans.push(first);
    this.snapshot = applyPlanToSnapshot(this.snapshot, first);
    throw new ApplyIncompleteError("第 2 批写入失败：工作表受保护", "batch 2 of 2 failed: the sheet is protected", ["撤销记录", "2024年12月 考核得分"], ["2025年10月 考核得分", "2025年11月 考核得分"]);
  }
}

/** Every non-empty cell of every sheet, "sheet!R,C=value", sorted. */
function cellsOf(snapshot: WorkbookSnapshot): string[] {
  return snapshot.sheets.flatMap((sh) => sh.cells.filter((c) => c.value !== null && c.value !== "").map((c) => `${sh.name}!${c.row},${c.col}=${String(c.value)}`)).sort();
}

/** LimitedAdapter as the pane gets it inside Excel: through excelPaneAdapter (skipped → limitations). */
function paneAdapter(a: LimitedAdapter) {
  return Object.assign(excelPaneAdapter(a), { select: a.select });
}

async function openPane(adapter: LimitedAdapter, locale: "zh-CN" | "en-US" = "zh-CN") {
  const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
  render(<App host={{ ...EXCEL, language: locale }} locale={locale} adapter={paneAdapter(adapter)} now={NOW} />);
  await screen.findByTestId("month-2025-10");
  return user;
}

async function tabTo(user: ReturnType<typeof userEvent.setup>, target: () => Element | null, back = false, max = 80) {
  for (let i = 0; i < max; i++) {
    if (target() !== null && document.activeElement === target()) return;
    await user.tab({ shift: back });
  }
  throw new Error(`Tab did not reach the element; focus is on ${document.activeElement?.outerHTML.slice(0, 120)}`);
}

describe("what this Excel cannot do (point 8)", () => {
  it("maps each skipped feature to its effect on the clerk, zh-CN and en-US", () => {
    expect(describeSkipped(SKIPPED.merges)).toEqual({ feature: "merged areas", messageZh: MERGES_ZH, messageEn: MERGES_EN });
    const dropdowns = describeSkipped(SKIPPED.validation);
    expect(dropdowns.messageZh).toBe("此版本 Excel 不支持下拉列表（需 ExcelApi 1.8）：付款记录、加减分事件等输入表的输入列不会添加下拉列表，请按表头手工填写；计算时仍会逐项检查。");
    expect(dropdowns.messageEn).toContain("the input columns of “付款记录”, “加减分事件” and the other input sheets get none");
    const print = describeSkipped(SKIPPED.pageLayout);
    expect(print.messageZh).toBe("此版本 Excel 不支持打印设置（需 ExcelApi 1.9）：付款结算表的纸张、打印区域和打印标题不会设置，打印前请在「页面布局」中手工设置（A4、打印区域、标题行）。");
    expect(print.messageEn).toContain("the paper, print area and print titles of “付款结算” are not set. Set them by hand");
    // the adapter's renamed field (messageZh) and a feature the pane does not know: its own words
    expect(describeSkipped({ feature: "sparklines", requirement: "ExcelApi 1.99", messageZh: "不支持迷你图", messageEn: "no sparklines" })).toEqual({ feature: "sparklines", messageZh: "不支持迷你图", messageEn: "no sparklines" });
    // known by its requirement set alone
    expect(describeSkipped({ feature: "x", requirement: "ExcelApi 1.13" }).messageZh).toBe(MERGES_ZH);
  });

  it("the session gathers them over reads and writes, each feature once", async () => {
    const a = new LimitedAdapter(workbook(OCTOBER), ["merges"], ["validation", "merges"]);
    const session = new Session(paneAdapter(a), { now: NOW });
    expect(session.limitations()).toEqual([]);
    await session.load();
    expect(session.limitations().map((l) => l.feature)).toEqual(["merged areas"]);
    await session.recomputeAll(null);
    await session.whenRefreshed();
    expect(session.limitations().map((l) => l.feature)).toEqual(["merged areas", "data validation"]);
    // an adapter without limitations(): none
    const plain = new Session(new FakeAdapter(workbook(OCTOBER)), { now: NOW });
    await plain.load();
    expect(plain.limitations()).toEqual<PaneLimitation[]>([]);
  });

  it("shows them after the read, with their effects, in zh-CN", async () => {
    await openPane(new LimitedAdapter(workbook(OCTOBER), ["merges", "validation", "pageLayout"]));
    const bar = await screen.findByRole("group", { name: "此版本 Excel 的限制" });
    const items = within(bar)
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(items).toEqual([
      MERGES_ZH,
      "此版本 Excel 不支持下拉列表（需 ExcelApi 1.8）：付款记录、加减分事件等输入表的输入列不会添加下拉列表，请按表头手工填写；计算时仍会逐项检查。",
      "此版本 Excel 不支持打印设置（需 ExcelApi 1.9）：付款结算表的纸张、打印区域和打印标题不会设置，打印前请在「页面布局」中手工设置（A4、打印区域、标题行）。",
    ]);
    expect(within(bar).getByRole("button", { name: "知道了" })).toBeTruthy();
  });

  it("in en-US, and after a write that found one more; once, not per action; 知道了 hides it until a new one", async () => {
    const a = new LimitedAdapter(workbook(OCTOBER), ["merges"], ["pageLayout"]);
    const user = await openPane(a, "en-US");
    const bar = await screen.findByRole("group", { name: "What this Excel cannot do" });
    expect(within(bar).getAllByRole("listitem").map((li) => li.textContent)).toEqual([MERGES_EN]);
    await user.click(screen.getByTestId("recompute-all"));
    await waitFor(() => expect(within(screen.getByRole("group", { name: "What this Excel cannot do" })).getAllByRole("listitem")).toHaveLength(2));
    expect(screen.getAllByRole("group", { name: "What this Excel cannot do" })).toHaveLength(1);
    expect(screen.getByRole("group", { name: "What this Excel cannot do" }).textContent).toContain(
      "This Excel cannot set up printing (needs ExcelApi 1.9): the paper, print area and print titles of “付款结算” are not set. Set them by hand under Page Layout (A4, print area, title rows) before printing.",
    );
    // keyboard: Tab reaches the bar's button (it comes just before the toolbar), Enter dismisses it and focus goes to the toolbar
    await tabTo(user, () => screen.getByTestId("recompute-all"));
    await tabTo(user, () => screen.queryByRole("button", { name: "Got it" }), true);
    expect(screen.getByRole("group", { name: "What this Excel cannot do" }).contains(document.activeElement)).toBe(true);
    await user.keyboard("{Enter}");
    await waitFor(() => expect(screen.queryByRole("group", { name: "What this Excel cannot do" })).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("recompute-all")));
    // the same limitations on the next actions: not repeated
    const plans = a.plans.length;
    await user.click(screen.getByTestId("recompute-all"));
    await waitFor(() => expect(a.plans.length).toBe(plans + 1));
    await user.click(screen.getByTestId("reload"));
    await waitFor(() => expect(screen.getByTestId("status").textContent).toMatch(/^Workbook read/));
    expect(screen.queryByRole("group", { name: "What this Excel cannot do" })).toBeNull();
    // a limitation not seen before brings it back, with all of them
    a.onApply.push("validation");
    await user.click(screen.getByTestId("recompute-all"));
    const again = await screen.findByRole("group", { name: "What this Excel cannot do" });
    expect(within(again).getAllByRole("listitem")).toHaveLength(3);
  });

  it("is not shown when this Excel can do everything", async () => {
    const a = new LimitedAdapter(workbook(OCTOBER), []);
    const user = await openPane(a);
    await user.click(screen.getByTestId("recompute-all"));
    await waitFor(() => expect(a.plans.length).toBe(1));
    expect(screen.queryByTestId("limitations")).toBeNull();
    expect(screen.queryByRole("group", { name: "此版本 Excel 的限制" })).toBeNull();
  });
});

describe("a write that stopped part way (point 4)", () => {
  it("asIncompleteWrite matches ApplyIncompleteError by shape only", () => {
    const e = new ApplyIncompleteError("中", "en", ["a"], ["b"]);
    expect(asIncompleteWrite(e)).toEqual({ messageZh: "中", messageEn: "en", done: ["a"], notDone: ["b"] });
    expect(asIncompleteWrite(Object.assign(new Error("x"), { done: ["a"], notDone: [] }))).toBeNull();
    expect(asIncompleteWrite({ name: "ApplyIncompleteError", done: "a", notDone: [] })).toBeNull();
    expect(asIncompleteWrite("ApplyIncompleteError")).toBeNull();
  });

  it("says what was written and what was not, takes the focus, and 撤销上次写入 then puts the workbook back", async () => {
    const a = new LimitedAdapter(workbook(OCTOBER), []);
    const user = await openPane(a);
    expect(screen.getByTestId("undo").getAttribute("aria-disabled")).toBe("true"); // nothing written yet
    const before = cellsOf(a.snapshot);
    a.failNextApply = true;
    await user.click(screen.getByTestId("recompute-all"));
    const bar = await screen.findByRole("group", { name: "写入未完成：工作簿现在只更新了一部分" });
    await waitFor(() => expect(document.activeElement).toBe(bar));
    expect(within(bar).getByText("第 2 批写入失败：工作表受保护")).toBeTruthy();
    expect(within(bar).getByRole("list", { name: "已写入：" }).textContent).toBe("撤销记录2024年12月 考核得分");
    expect(
      within(within(bar).getByRole("list", { name: "未写入：" }))
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["2025年10月 考核得分", "2025年11月 考核得分"]);
    expect(bar.textContent).toContain("请点击「撤销上次写入」，恢复到本次操作之前的状态；或再次点击「全部重算并结算」");
    expect(screen.getByTestId("status").textContent).toBe("写入未完成，工作簿只更新了一部分。");
    expect(screen.queryByText(/^操作失败/)).toBeNull(); // not the generic error
    // the session read the workbook again: 撤销记录 is there, so 撤销上次写入 can be pressed
    await waitFor(() => expect(screen.getByTestId("undo").getAttribute("aria-disabled")).not.toBe("true"));
    expect(cellsOf(a.snapshot)).not.toEqual(before); // part of the write is in
    await user.click(screen.getByTestId("undo"));
    await user.click(await screen.findByTestId("undo-confirm"));
    await waitFor(() => expect(screen.getByTestId("status").textContent).toMatch(/^已撤销上次写入/));
    expect(screen.queryByRole("group", { name: "写入未完成：工作簿现在只更新了一部分" })).toBeNull();
    expect(a.snapshot.sheets.map((s) => s.name)).not.toContain("撤销记录");
    expect(cellsOf(a.snapshot)).toEqual(before); // exactly as before the action
  });

  it("in English", async () => {
    const a = new LimitedAdapter(workbook(OCTOBER), []);
    const user = await openPane(a, "en-US");
    a.failNextApply = true;
    await user.click(screen.getByTestId("recompute-all"));
    const bar = await screen.findByRole("group", { name: "The write did not finish: the workbook is now only partly updated" });
    await waitFor(() => expect(document.activeElement).toBe(bar));
    expect(within(bar).getByText("batch 2 of 2 failed: the sheet is protected")).toBeTruthy();
    expect(within(within(bar).getByRole("list", { name: "Written:" })).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["撤销记录", "2024年12月 考核得分"]);
    expect(within(within(bar).getByRole("list", { name: "Not written:" })).getAllByRole("listitem")).toHaveLength(2);
    expect(bar.textContent).toContain("Click “Undo last write” to restore the workbook as it was before this action, or click “Recompute all and settle” again");
  });

  it("other errors keep the generic message", async () => {
    const a = new LimitedAdapter(workbook(OCTOBER), []);
    const user = await openPane(a);
    a.apply = async () => {
      throw Object.assign(new Error("GeneralException"), { code: "GeneralException" });
    };
    await user.click(screen.getByTestId("recompute-all"));
    expect(await screen.findByText("操作失败：GeneralException (GeneralException)")).toBeTruthy();
    expect(screen.queryByTestId("incomplete-write")).toBeNull();
  });
});
