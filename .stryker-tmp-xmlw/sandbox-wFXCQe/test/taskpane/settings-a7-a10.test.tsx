/** @jest-environment jsdom */
// @ts-nocheck

/**
 * The pane's settings show SPEC §5 A7–A10 as choices with the contract's defaults, and the A2 hint
 * says what is true under the contract's rates (row 9 never falls below 5.5).
 */
import { cleanup, render, screen } from "@testing-library/react";
import userEvent, { PointerEventsCheckLevel } from "@testing-library/user-event";
import { SettingsPanel, settingTestId } from "../../src/taskpane/components/SettingsPanel";
import { STRINGS } from "../../src/taskpane/i18n";
import { loadSettingsDraft, validateSettingsDraft } from "../../src/workbook/drafts/input-rows";

jest.setTimeout(30_000);
afterEach(cleanup);

const OPTIONS = [
  { label: "同一事项计分范围", value: "整个合同期", other: "同一月内" },
  { label: "扣分事项多级通报", value: "只扣一次", other: "每次都扣" },
  { label: "乙方报送要求", value: "全部加分", other: "仅群众表扬" },
  { label: "付款期限起算", value: "不早于最早开票日期", other: "自发票日期" },
];

describe("the pane's 规则设置 for A7–A10", () => {
  it("loads each at the contract default, and the engine accepts those values", () => {
    const draft = loadSettingsDraft({ sheets: [] });
    for (const o of OPTIONS) expect(draft.values[o.label]).toBe(o.value);
    expect(validateSettingsDraft(draft)).toEqual({});
  });

  it.each(OPTIONS)("$label: a choice showing $value, offering $other", async ({ label, value, other }) => {
    const onChange = jest.fn();
    const draft = loadSettingsDraft({ sheets: [] });
    render(<SettingsPanel draft={draft} problems={{}} onChange={onChange} onSave={jest.fn()} onReset={jest.fn()} t={STRINGS["zh-CN"]} locale="zh-CN" />);
    const choice = screen.getByTestId(settingTestId(label));
    expect(choice.getAttribute("role")).toBe("combobox");
    expect(choice.textContent).toContain(value);
    const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
    await user.click(choice);
    await user.click(await screen.findByRole("option", { name: other }));
    expect(onChange).toHaveBeenCalledWith(label, other);
  });

  it("the A2 hint is true under the contract's rates", () => {
    render(<SettingsPanel draft={loadSettingsDraft({ sheets: [] })} problems={{}} onChange={jest.fn()} onSave={jest.fn()} onReset={jest.fn()} t={STRINGS["zh-CN"]} locale="zh-CN" />);
    expect(screen.getByText(/准确率为 0 时最多扣 4\.5 分（最低 5\.5 分）/)).toBeTruthy();
    expect(screen.queryByText(/可扣至 0 分/)).toBeNull();
    expect(STRINGS["en-US"].settingHint("质检扣分上限")).toContain("loses at most 4.5 (lowest 5.5)");
  });
});
