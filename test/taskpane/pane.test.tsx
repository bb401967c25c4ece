/** @jest-environment jsdom */
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
import { App } from "../../src/taskpane/App";
import type { HostInfo } from "../../src/taskpane/host";
import { FakeAdapter, indicatorColumn, indicatorRow, OCTOBER, workbook } from "./fixtures";

const EXCEL: HostInfo = { inOffice: true, host: "Excel", platform: "PC", language: "zh-CN", dark: false };
const BROWSER: HostInfo = { inOffice: false, host: null, platform: null, language: "zh-CN", dark: false };
const NOW = () => new Date(2025, 10, 20, 9, 30);

// The add-in path loads office-js-helpers to confirm the host: the test stands in for it.
jest.mock("@microsoft/office-js-helpers", () => ({ Utilities: { isAddin: true, host: "EXCEL", log: jest.fn() } }));

afterEach(cleanup);

async function openPane(adapter: FakeAdapter, host: HostInfo = EXCEL) {
  const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
  render(<App host={host} locale={host.language === "en-US" ? "en-US" : "zh-CN"} adapter={adapter} now={NOW} />);
  await screen.findByTestId("month-2025-10");
  return user;
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
    expect(await screen.findByTestId("month-total")).toHaveProperty("textContent", "考核得分 94.25");
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
    // the second bonus lacked evidence: switch it on; remove the report; add a penalty
    const second = screen.getByTestId("event-1");
    await user.click(within(second).getByLabelText("佐证材料（有）"));
    await user.click(screen.getByText("删除报告 1"));
    await user.click(screen.getByText("添加事件"));
    const third = screen.getByTestId("event-2");
    await user.click(within(third).getByLabelText("类型"));
    await user.click(screen.getByText("扣分", { selector: "[role=option]" }));
    await user.click(within(third).getByLabelText("级别"));
    await user.click(screen.getByText("省级", { selector: "[role=option]" }));
    await user.type(within(third).getByLabelText("事项编号"), "KF-9");
    await user.click(within(third).getByLabelText("经查属实"));
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
    const button = screen.getByText("「合格工单数」120 大于「抽检工单数」100").closest("button")!;
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
    const adapter = new FakeAdapter(workbook(OCTOBER));
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
    expect(await screen.findByText("规则设置已保存。点「全部重算」按新规则写入得分。")).toBeTruthy();
    // the run now uses the option: 2025-10's turnover (22.2%) scores 5 instead of 10
    await user.click(screen.getByRole("tab", { name: "考核月份" }));
    expect(screen.getByTestId("month-2025-10").textContent).toContain("考核得分 88.25");
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
    const user = await openPane(new FakeAdapter(workbook(OCTOBER)));
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
    const adapter = new FakeAdapter(workbook(OCTOBER));
    const user = await openPane(adapter);
    expect(screen.getByTestId("month-2025-10").getAttribute("data-state")).toBe("scored");
    // the clerk types a bad value in Excel
    adapter.snapshot = workbook({ ...OCTOBER, indicators: [{ ...OCTOBER.indicators![0], headcount: -3 }] });
    await user.click(screen.getByTestId("reload"));
    await waitFor(() => expect(screen.getByTestId("month-2025-10").getAttribute("data-state")).toBe("errors"));
    expect(screen.getByText("「团队人数」不能为负数，实为 -3")).toBeTruthy();
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
