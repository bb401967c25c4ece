/** @jest-environment jsdom */
// @ts-nocheck

/** ProblemList: every problem with its place; "另见第 N 条" shown with that entry's sheet and cell, selectable in Excel; dates unbroken. */
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { ProblemList, seeAlsoEntry } from "../../../src/taskpane/components/ProblemList";
import { STRINGS, type Locale } from "../../../src/taskpane/i18n";
import type { PaneProblem } from "../../../src/taskpane/session";
import { cssOf } from "./css";

afterEach(cleanup);

const DUPLICATE: PaneProblem = {
  severity: "error",
  message: "月报 2025-09 登记了两次（另见第 1 条）",
  messageEn: "月报 2025-09 is recorded twice (see also entry 1)",
  sheet: "报告提交",
  cell: "B4",
  indicator: "报告期",
  month: "2025-10",
  code: "duplicate-report",
};

function show(problems: PaneProblem[], canSelect: boolean, locale: Locale = "zh-CN", onSelect = jest.fn()) {
  render(
    <FluentProvider theme={webLightTheme}>
      <ProblemList problems={problems} t={STRINGS[locale]} locale={locale} canSelect={canSelect} onSelect={onSelect} label="问题" seeAlso={(sheet, n) => (sheet === "报告提交" && n === 1 ? { sheet, cell: "B2" } : null)} />
    </FluentProvider>,
  );
  return onSelect;
}

describe("另见第 N 条", () => {
  it("reads the entry a message points to", () => {
    expect(seeAlsoEntry(DUPLICATE)).toBe(1);
    expect(seeAlsoEntry({ message: "x", messageEn: "y (see also entry 16)" })).toBe(16);
    expect(seeAlsoEntry({ message: "团队人数为负", messageEn: "negative" })).toBeNull();
  });

  it("inside Excel: the other row's place is a button that selects it", () => {
    const onSelect = show([DUPLICATE], true);
    expect(screen.getByRole("button", { name: /工作表「报告提交」单元格 B4（报告期）/ })).toBeTruthy();
    const other = screen.getByTestId("see-also");
    expect(other.textContent).toBe("另见：工作表「报告提交」单元格 B2");
    fireEvent.click(other);
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ sheet: "报告提交", cell: "B2" }));
  });

  it("in a browser: the place written out; in English with the names quoted", () => {
    show([DUPLICATE], false, "en-US");
    expect(screen.getByTestId("see-also").tagName).not.toBe("BUTTON");
    expect(screen.getByTestId("see-also").textContent).toBe("See also: sheet “报告提交”, cell B2");
    const item = screen.getByRole("listitem");
    expect(item.textContent).toContain("sheet “报告提交”, cell B4 (period)");
    expect(item.textContent).toContain("monthly report 2025-09 is recorded twice (see also entry 1)");
  });

  it("nothing more for a message without one, or a place not known", () => {
    show([{ ...DUPLICATE, message: "月报 2025-09 登记了两次（另见第 7 条）", messageEn: "(see also entry 7)" }, { ...DUPLICATE, message: "提交日期 2025-10-13 晚于应交日期", messageEn: "late", code: "late" }], true);
    expect(screen.queryByTestId("see-also")).toBeNull();
    expect(screen.getAllByRole("listitem")).toHaveLength(2);
  });
});

it("keeps a message's dates on one line", () => {
  show([{ ...DUPLICATE, message: "提交日期 2025-10-13 晚于应交日期 2025-10-10", code: "late" }], false);
  const dates = Array.from(document.querySelectorAll("span")).filter((s) => /^\d{4}-\d{2}-\d{2}$/.test(s.textContent ?? ""));
  expect(dates.map((d) => d.textContent)).toEqual(["2025-10-13", "2025-10-10"]);
  for (const d of dates) expect(cssOf(d)).toContain("white-space: nowrap");
});
