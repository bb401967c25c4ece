/** @jest-environment jsdom */
// @ts-nocheck

/**
 * 付款结算 in the pane (SettlementScreen): the instalments' figures from the workbook, the payment
 * dates checked as typed at their fields (the reader's and settle()'s words), saved to 付款记录 cell
 * by cell, the figures re-derived after; 重算并结算 rewrites 付款结算; the lost-work flag follows the
 * edits. A Session over a FakeAdapter (test/taskpane/fixtures.ts), rendered as the shell would.
 */
import { act, cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent, { PointerEventsCheckLevel } from "@testing-library/user-event";
import { addMonths, defaultRules } from "../../../src/domain";
import { EXAMPLE_2025_10 } from "../../../src/domain/example";
import { SettlementScreen } from "../../../src/taskpane/screens/SettlementScreen";
import { isoToSerial } from "../../../src/workbook/read/grid";
import { FakeAdapter, FIRST_MONTH, workbook } from "../fixtures";
import { controls, renderScreen } from "./harness";

jest.setTimeout(30_000);
afterEach(cleanup);

/** Twelve months of SPEC §7's indicators (94.25 each, no events or reports); instalment 2 invoiced 2025-06-16, unpaid. */
function year(): FakeAdapter {
  const months = Array.from({ length: 12 }, (_, i) => addMonths(FIRST_MONTH, i));
  const adapter = new FakeAdapter(workbook({ indicators: months.map((m) => ({ ...EXAMPLE_2025_10.indicators, month: m })), events: [], reports: [] }));
  adapter.type("付款记录", "B3", "2025-06-16");
  return adapter;
}

const text = (id: string) => screen.getByTestId(id).textContent;
const input = (id: string) => screen.getByTestId(id) as HTMLInputElement;
/** What the shell's guard does on 保存后离开: calls the screen's registered save. */
async function guardSave(save: (() => Promise<boolean>) | null): Promise<boolean | null> {
  let ok: boolean | null = null;
  await act(async () => {
    ok = save ? await save() : null;
  });
  return ok;
}
const user = () => userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });

describe("figures", () => {
  it("shows each instalment's months, average, deduction, payable (figures and 大写), due date, days late and charge", async () => {
    await renderScreen(SettlementScreen, year());
    expect(text("settlement-1")).toContain("不与考核得分挂钩");
    expect(text("settlement-1-payable")).toBe("¥275,600.00");
    expect(text("settlement-2-average")).toBe("94.25（最终），低于 95 分 0.75 分");
    expect(text("settlement-2-deduction")).toBe("¥645.94"); // 0.75 × 0.5% × 172,250.00
    expect(text("settlement-2-payable")).toBe("¥343,854.06");
    expect(text("settlement-2-payable-upper")).toBe("人民币叁拾肆万叁仟捌佰伍拾肆元零陆分");
    expect(text("settlement-2-due-date")).toBe("2025-07-28（2025-06-16 后第 30 个工作日）");
    // unpaid on 2026-02-20 (the clock): 207 calendar days after the due date, 3% a day of 343,854.06
    expect(text("settlement-2-days-late")).toBe("207 天（尚未付款）");
    expect(text("settlement-2-late-charge")).toBe("¥2,135,333.71");
    expect(text("settlement-2")).toContain("逾期超过 30 天：乙方有权解除合同并要求支付合同款项的 10%");
    expect(text("settlement-3-due-date")).toBe("开票后计算");
    expect(text("settlement-3-days-late")).toBe("—");
    expect(text("settlement-totals")).toContain("应付合计¥687,708.12");
    expect(input("instalment-2-invoice-date").value).toBe("2025-06-16");
    expect(input("instalment-2-paid-date").value).toBe("");
    // every control is labelled: 3 × 3 date fields, the three buttons
    expect(controls(screen.getByTestId("screen-settlement"))).toEqual({ count: 12, unnamed: 0 });
    expect(screen.getAllByRole("textbox", { name: "发票日期" })).toHaveLength(3);
  });

  it("an instalment still being scored shows its average so far and the projected deduction, no payable yet", async () => {
    const adapter = new FakeAdapter(workbook({ indicators: [{ ...EXAMPLE_2025_10.indicators }], events: [], reports: [] }));
    await renderScreen(SettlementScreen, adapter);
    expect(screen.getByTestId("settlement-3").getAttribute("data-state")).toBe("partial");
    expect(text("settlement-3")).toContain("2025年6月 至 2025年11月（已评 1/6）");
    expect(text("settlement-3-average")).toBe("94.25（目前），低于 95 分 0.75 分");
    expect(text("settlement-3-deduction")).toBe("¥645.94（按目前水平预计）");
    expect(text("settlement-3-payable")).toBe("待 2025年6月、2025年7月、2025年8月、2025年9月、2025年11月 评分后确定");
    expect(text("settlement-2-average")).toBe("尚无评分");
    expect(screen.queryByTestId("settlement-totals")).toBeNull();
  });
});

describe("the run's errors in 付款记录", () => {
  it("a row the contract has no instalment for is listed with its cell; the dates stay editable", async () => {
    const adapter = year();
    adapter.type("付款记录", "A5", 4);
    adapter.type("付款记录", "B5", "2026-03-01");
    await renderScreen(SettlementScreen, adapter);
    const errors = screen.getByTestId("payments-errors");
    expect(errors.textContent).toContain("「付款记录」有错误，应付日暂无法计算");
    expect(errors.textContent).toContain("笔次「4」应为 1/2/3（付款记录!A5）");
    expect(text("settlement-2-due-date")).toBe("—"); // invoiced, but the record cannot be settled
    expect(text("settlement-3-due-date")).toBe("开票后计算");
    expect(input("instalment-2-invoice-date").value).toBe("2025-06-16");
  });
});

describe("editing the dates", () => {
  it("checks each date as typed, at its field, and will not save while one has an error", async () => {
    const r = await renderScreen(SettlementScreen, year());
    const u = user();
    await u.type(input("instalment-2-paid-date"), "2025-06-10");
    const card2 = screen.getByTestId("settlement-2");
    expect(await within(card2).findByText("第2笔实付日期 2025-06-10 早于发票日期 2025-06-16")).toBeTruthy();
    expect(input("instalment-2-paid-date").getAttribute("aria-invalid")).toBe("true");
    await u.type(input("instalment-3-invoice-date"), "1月5");
    expect(await within(screen.getByTestId("settlement-3")).findByText("「发票日期」应为日期（如 2025-10-13），实为「1月5」")).toBeTruthy();
    expect(screen.getByTestId("save-payments").getAttribute("aria-disabled")).toBe("true");
    expect(screen.getByText("有 2 个错误，改正后才能保存。")).toBeTruthy();
    // 重算并结算 waits for the edits to be saved or discarded
    expect(screen.getByTestId("settle-all").getAttribute("aria-disabled")).toBe("true");
    expect(r.dirty[r.dirty.length - 1]).toBe(true);
    await u.click(screen.getByTestId("discard-payments"));
    expect(input("instalment-2-paid-date").value).toBe("");
    expect(input("instalment-3-invoice-date").value).toBe("");
    expect(r.dirty[r.dirty.length - 1]).toBe(false);
    expect(r.adapter.plans).toEqual([]);
  });

  it("an invoice before the contract allows it is the engine's warning: shown, and saved", async () => {
    const r = await renderScreen(SettlementScreen, year());
    const u = user();
    await u.type(input("instalment-3-invoice-date"), "2025-12-05");
    expect(await screen.findByText("第3笔发票日期 2025-12-05 早于合同约定的开票时点（2026-01-01 起）；付款期限自 2026-01-01 起算（A10）")).toBeTruthy();
    expect(screen.getByTestId("save-payments").getAttribute("aria-disabled")).toBeNull();
    await u.click(screen.getByTestId("save-payments"));
    await waitFor(() => expect(r.adapter.written("付款记录")).toEqual([`B4=${isoToSerial("2025-12-05")}`]));
  });

  it("saves an invoice date to 付款记录 (that cell only) and shows the figures it gives", async () => {
    const r = await renderScreen(SettlementScreen, year());
    const u = user();
    await u.type(input("instalment-3-invoice-date"), "2026年1月5日");
    expect(r.dirty[r.dirty.length - 1]).toBe(true);
    expect(text("settlement-3")).toContain("有未保存的修改");
    await u.click(screen.getByTestId("save-payments"));
    await waitFor(() => expect(r.adapter.plans.length).toBe(1));
    expect(r.adapter.written("付款记录")).toEqual([`B4=${isoToSerial("2026-01-05")}`]);
    expect(r.adapter.plans[0]?.cellWrites.find((g) => g.sheet === "付款记录")?.writes[0]?.numberFormat).toBe("yyyy-mm-dd");
    expect(r.described).toEqual(["已保存 1 个单元格到「付款记录」；本页数字已按新日期计算，「付款结算」表在「重算并结算」后更新。"]);
    const due = defaultRules().calendar.addWorkingDays("2026-01-05", 30);
    expect(due).toBe("2026-02-14"); // the 30th working day: a Saturday, 调休 before the Spring Festival
    await waitFor(() => expect(text("settlement-3-due-date")).toBe(`${due}（2026-01-05 后第 30 个工作日）`));
    // unpaid on 2026-02-20: 6 calendar days late, 3% a day of 68,254.06
    expect(text("settlement-3-days-late")).toBe("6 天（尚未付款）");
    expect(text("settlement-3-late-charge")).toBe("¥12,285.73");
    expect(input("instalment-3-invoice-date").value).toBe("2026-01-05");
    expect(text("payments-note")).toBe("已保存 1 个单元格到「付款记录」；本页数字已按新日期计算，「付款结算」表在「重算并结算」后更新。");
    expect(r.dirty[r.dirty.length - 1]).toBe(false);
  });

  it("a date changed in the workbook meanwhile is not written over: refused, naming the cell", async () => {
    const r = await renderScreen(SettlementScreen, year());
    const u = user();
    await u.type(input("instalment-2-paid-date"), "2025-07-28");
    r.adapter.type("付款记录", "C3", "2025-07-25");
    await u.click(screen.getByTestId("save-payments"));
    const refused = await screen.findByTestId("payments-refused");
    expect(refused.textContent).toContain("第2笔的「实付日期」在载入后已在工作簿中被修改（现为「2025-07-25」），未保存；请重新读取后再编辑（付款记录!C3）");
    expect(r.adapter.plans).toEqual([]);
    expect(r.dirty[r.dirty.length - 1]).toBe(true); // the edit is kept
  });
});

describe("the shell's lost-work guard", () => {
  it("is offered the screen's save while dates are edited, and saving through it writes them", async () => {
    const r = await renderScreen(SettlementScreen, year());
    expect(r.save).toBeNull();
    await user().type(input("instalment-2-paid-date"), "2025-07-28");
    await waitFor(() => expect(r.save).not.toBeNull());
    expect(await guardSave(r.save)).toBe(true);
    expect(r.adapter.written("付款记录")).toEqual([`C3=${isoToSerial("2025-07-28")}`]);
    await waitFor(() => expect(r.save).toBeNull());
    expect(r.dirty[r.dirty.length - 1]).toBe(false);
  });

  it("a save with an error resolves false and writes nothing", async () => {
    const r = await renderScreen(SettlementScreen, year());
    await user().type(input("instalment-2-paid-date"), "2025-06-01");
    await waitFor(() => expect(r.save).not.toBeNull());
    expect(await guardSave(r.save)).toBe(false);
    expect(r.adapter.plans).toEqual([]);
    expect((await screen.findByTestId("payments-refused")).textContent).toContain("第2笔实付日期 2025-06-01 早于发票日期 2025-06-16（付款记录!C3）");
  });
});

describe("重算并结算", () => {
  it("recomputes every month and rewrites 付款结算 in one action", async () => {
    const r = await renderScreen(SettlementScreen, year());
    await user().click(screen.getByTestId("settle-all"));
    await waitFor(() => expect(r.adapter.plans.length).toBe(1));
    expect(r.adapter.plans[0]?.sheets.map((s) => s.name)).toContain("付款结算");
    expect(r.runs[0]?.kind).toBe("settled");
    expect(await screen.findByTestId("payments-note")).toHaveProperty("textContent", "已重算 12 个月，「付款结算」表已更新。");
    expect(screen.getByText("重新计算每个月的得分，并重写「付款结算」工作表（不改动任何输入）。")).toBeTruthy();
  });
});

describe("English", () => {
  it("labels, figures and messages in English; the contract's words stay Chinese", async () => {
    await renderScreen(SettlementScreen, year(), "en-US");
    expect(screen.getByRole("heading", { level: 2 }).textContent).toBe("Settlement (sheet “付款结算”)");
    expect(text("settlement-2-average")).toBe("94.25 (final), 0.75 below 95");
    expect(text("settlement-2-days-late")).toBe("207 days (unpaid)");
    expect(within(screen.getByTestId("settlement-2")).getByLabelText("Invoice date")).toBe(input("instalment-2-invoice-date"));
    await user().type(input("instalment-2-paid-date"), "2025-06-10");
    expect(await screen.findByText("instalment 2 paid 2025-06-10, before its invoice 2025-06-16")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Recompute and settle" })).toBeTruthy();
  });
});
