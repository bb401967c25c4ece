/** @jest-environment jsdom */
// @ts-nocheck

/**
 * 合同与日历 in the pane (ContractScreen): 合同信息, 付款条款 and 节假日安排 from the workbook (or the
 * contract in force when the sheets are absent), checked as typed at their fields with the readers'
 * words, saved cell by cell (a missing sheet created), nothing written while an error remains; rows
 * added and removed; the lost-work flag follows the edits.
 */
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent, { PointerEventsCheckLevel } from "@testing-library/user-event";
import { ContractScreen } from "../../../src/taskpane/screens/ContractScreen";
import { applyPlanToSnapshot } from "../../../src/workbook/drafts/input-rows";
import { isoToSerial } from "../../../src/workbook/read/grid";
import { buildTemplate } from "../../../src/workbook/sheets/template";
import { FakeAdapter } from "../fixtures";
import { controls, renderScreen } from "./harness";

jest.setTimeout(30_000);
afterEach(cleanup);

function template(without: string[] = []): FakeAdapter {
  const sheets = buildTemplate({ from: "2024-12", months: 12 }).filter((s) => !without.includes(s.name));
  return new FakeAdapter(applyPlanToSnapshot({ sheets: [] }, { cellWrites: [], sheets }));
}
const input = (id: string) => screen.getByTestId(id) as HTMLInputElement;
const user = () => userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });

it("shows the three sections as the workbook has them, every control labelled", async () => {
  await renderScreen(ContractScreen, template());
  expect(input("info-total").value).toBe("689000");
  expect(input("info-termStart").value).toBe("2024-12-04");
  expect(screen.getByLabelText("合同总额（元，含税）")).toBe(input("info-total"));
  expect(input("terms-1-share").value).toBe("50%");
  expect(within(screen.getByTestId("terms-1")).getByLabelText("考核月份起")).toBe(input("terms-1-from"));
  expect(input("terms-2-notBefore").value).toBe("2026-01-01");
  expect(screen.getByText("尚无节假日安排。")).toBeTruthy();
  expect(screen.getByTestId("save-contract").getAttribute("aria-disabled")).toBe("true");
  // every control is labelled: 9 parameters, 3 × 7 terms fields and 3 remove buttons, add instalment, add a day, save, discard
  expect(controls(screen.getByTestId("screen-contract"))).toEqual({ count: 9 + 21 + 3 + 4, unnamed: 0 });
  expect(screen.getByRole("button", { name: "删除第2笔" })).toBeTruthy();
});

it("checks as typed: each error at its field, and nothing is saved while one remains", async () => {
  const r = await renderScreen(ContractScreen, template());
  const u = user();
  await u.clear(input("terms-1-share"));
  await u.type(input("terms-1-share"), "40");
  expect(await within(screen.getByTestId("terms-1")).findByText("「比例」为「40」，请写成百分比「40%」（或小数 0.4）")).toBeTruthy();
  expect(input("terms-1-share").getAttribute("aria-invalid")).toBe("true");
  expect(r.dirty[r.dirty.length - 1]).toBe(true);
  await u.clear(input("terms-1-share"));
  await u.type(input("terms-1-share"), "60%");
  expect(await screen.findByText("各笔比例之和应为 100%，实为 110%（第1笔 40% + 第2笔 60% + 第3笔 10%）")).toBeTruthy();
  expect(screen.getByText("有 1 个错误，改正后才能保存。")).toBeTruthy();
  expect(screen.getByTestId("save-contract").getAttribute("aria-disabled")).toBe("true");
  await u.click(screen.getByTestId("discard-contract"));
  expect(input("terms-1-share").value).toBe("50%");
  expect(r.dirty[r.dirty.length - 1]).toBe(false);
  expect(r.adapter.plans).toEqual([]);
});

it("saves changed cells: a new instalment, a changed share, and a holiday row", async () => {
  const r = await renderScreen(ContractScreen, template());
  const u = user();
  await u.clear(input("terms-2-share"));
  await u.type(input("terms-2-share"), "5%");
  await u.click(screen.getByTestId("terms-add"));
  await u.type(input("terms-3-share"), "5%");
  await u.click(screen.getByTestId("holiday-add"));
  await u.type(input("holiday-0-date"), "2027-02-06");
  await u.type(input("holiday-0-note"), "春节");
  await waitFor(() => expect(screen.getByTestId("save-contract").getAttribute("aria-disabled")).toBeNull());
  await u.click(screen.getByTestId("save-contract"));
  await waitFor(() => expect(r.adapter.plans.length).toBe(1));
  expect(r.adapter.written("付款条款")).toEqual(["B4=0.05", "A5=4", "B5=0.05", "F5=30"]);
  expect(r.adapter.written("节假日安排")).toEqual([`A2=${isoToSerial("2027-02-06")}`, "B2=休", "C2=春节"]);
  expect(r.described).toEqual(["已保存 7 个单元格；各月得分与付款请用「重算并结算」按新条款重新计算。"]);
  // the screen now shows the workbook: the new instalment on its row, and the contract in force has four
  await waitFor(() => expect(input("terms-3-number").value).toBe("4"));
  expect(r.session.rules?.contract.instalments.map((i) => i.number)).toEqual([1, 2, 3, 4]);
  expect(r.dirty[r.dirty.length - 1]).toBe(false);
});

it("creates 合同信息 when the workbook has none, as the template makes it", async () => {
  const r = await renderScreen(ContractScreen, template(["合同信息", "付款条款", "节假日安排"]));
  expect(screen.getByText("工作簿没有「合同信息」工作表：下面是现行合同（默认合同）的条款；修改并保存会新建该工作表。")).toBeTruthy();
  expect(screen.getByText(/^工作簿没有「节假日安排」工作表：按内置日历计算。添加行并保存会新建该工作表。（2004–2026/)).toBeTruthy();
  const u = user();
  await u.clear(input("info-partyB"));
  await u.type(input("info-partyB"), "某某通信服务有限公司");
  await u.click(screen.getByTestId("save-contract"));
  await waitFor(() => expect(r.adapter.plans.length).toBe(1));
  expect(r.adapter.plans[0]?.sheets.map((s) => s.name)).toEqual(["合同信息", "撤销记录"]);
  expect(r.adapter.cell("合同信息", "B4")).toBe("某某通信服务有限公司");
  expect(r.session.rules?.contract.partyB).toBe("某某通信服务有限公司");
});

it("English labels and messages; the sheets' names stay Chinese", async () => {
  await renderScreen(ContractScreen, template(), "en-US");
  expect(screen.getByRole("heading", { level: 2 }).textContent).toBe("Contract and calendar");
  expect(screen.getByLabelText("Contract total, yuan incl. tax (“合同总额”)")).toBe(input("info-total"));
  const u = user();
  await u.clear(input("info-termEnd"));
  await u.type(input("info-termEnd"), "2024-12-01");
  expect(await screen.findByText("the term end 2024-12-01 must be after the term start 2024-12-04")).toBeTruthy();
  expect(screen.getByRole("button", { name: "Save contract and calendar" }).getAttribute("aria-disabled")).toBe("true");
});
