/** @jest-environment jsdom */
// @ts-nocheck

/** MonthList: scores in a column (tabular figures, one box width), badges readable in both themes, instalment figures readable. */
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { MonthList, monthBadge, monthStateText } from "../../../src/taskpane/components/MonthList";
import { STRINGS, type Locale } from "../../../src/taskpane/i18n";
import type { InstalmentStatus, MonthStatus } from "../../../src/taskpane/session";
import { cssOf } from "./css";

afterEach(cleanup);

const month = (m: string, patch: Partial<MonthStatus>): MonthStatus => ({
  month: m,
  sheet: `${m.slice(0, 4)}年${Number(m.slice(5))}月`,
  state: "scored",
  total: null,
  computed: null,
  held: null,
  totalCell: null,
  errors: 0,
  missing: 0,
  belowThreshold: false,
  frozen: null,
  ...patch,
});

const MONTHS: MonthStatus[] = [
  month("2025-08", { state: "scored", total: "100.00" }),
  month("2025-09", { state: "scored", total: "93.25", belowThreshold: true }),
  month("2025-10", { state: "scored", total: "95.50", frozen: { at: "2025-11-05 14:30", who: "张三", changed: false } }),
  month("2025-11", { state: "incomplete", missing: 17 }),
  month("2025-12", { state: "errors", errors: 2 }),
  month("2026-01", { state: "not-started", sheet: null }),
  month("2026-02", { state: "stale", computed: "94.25", held: null }),
];

const INSTALMENTS: InstalmentStatus[] = [
  { number: 2, amount: "¥172,250.00", months: ["2025-06", "2025-07"], monthsScored: 2, average: "94.25", deduction: "¥645.94", final: false, payable: null, stale: [] },
  { number: 3, amount: "¥172,250.00", months: ["2025-08"], monthsScored: 1, average: "100.00", deduction: "-¥0.00", final: true, payable: "¥172,250.00", stale: [] },
];

function show(locale: Locale = "zh-CN", dark = false, onOpen = jest.fn()) {
  render(
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme}>
      <MonthList months={MONTHS} instalments={INSTALMENTS} t={STRINGS[locale]} onOpen={onOpen} />
    </FluentProvider>,
  );
  return onOpen;
}

describe("the month list", () => {
  it("keeps every month's test id, state and badge text", () => {
    const onOpen = show();
    expect(screen.getByTestId("month-2025-09").getAttribute("data-state")).toBe("scored");
    expect(screen.getByTestId("month-2025-09").querySelector("[data-badge]")?.textContent).toBe("考核得分 93.25（未达标）");
    expect(screen.getByTestId("month-2025-10").getAttribute("data-frozen")).toBe("true");
    expect(screen.getByTestId("month-2025-11").textContent).toContain("未填完（缺 17 项）");
    expect(screen.getByTestId("month-2026-01").textContent).toContain("未开始（无考核表）");
    expect(screen.getByTestId("month-2026-02").querySelector("[data-badge]")?.textContent).toBe("需要重新计算");
    fireEvent.click(screen.getByTestId("month-2025-11"));
    expect(onOpen).toHaveBeenCalledWith("2025-11");
  });

  it("lines the scores up: the same name column, each score in a box of tabular figures aligned right", () => {
    show();
    const figures = ["2025-08", "2025-09", "2025-10"].map((m) => screen.getByTestId(`month-${m}`).querySelector("[data-figure]") as HTMLElement);
    expect(figures.map((f) => f.textContent)).toEqual(["100.00", "93.25", "95.50"]);
    const css = figures.map(cssOf);
    for (const c of css) {
      expect(c).toContain("font-variant-numeric: tabular-nums");
      expect(c).toContain("text-align: end");
      expect(c).toContain("min-width: 6ch");
    }
    // one rule for all: the same classes on every figure, the same grid on every row
    expect(new Set(figures.map((f) => f.className)).size).toBe(1);
    expect(cssOf(screen.getByTestId("month-2025-08"))).toContain("grid-template-columns: 6.5em minmax(0, 1fr)");
    // the month's name never wraps ("2025年10月" on one line)
    expect(cssOf(screen.getByTestId("month-2025-10").firstElementChild!)).toContain("white-space: nowrap");
  });

  it("gives every state a badge readable in light and dark (no 'subtle': white on transparent)", () => {
    for (const m of MONTHS) {
      const look = monthBadge(m);
      expect(look.color).not.toBe("subtle");
      expect(look.appearance === "ghost" && look.color === "informative").toBe(false);
    }
    expect(monthBadge(MONTHS[5]!)).toEqual({ color: "informative", appearance: "outline" });
    expect(monthBadge(MONTHS[1]!)).toEqual({ color: "warning", appearance: "filled" });
    expect(monthBadge(MONTHS[6]!)).toEqual({ color: "severe", appearance: "tint" });
    for (const dark of [false, true]) {
      show("zh-CN", dark);
      const badge = screen.getByTestId("month-2026-01").querySelector("[data-badge]") as HTMLElement;
      // Fluent's informative outline: its own foreground token, never the static inverted (white) one
      expect(cssOf(badge)).toMatch(/color: var\(--colorNeutralForeground3\)/);
      expect(cssOf(badge)).not.toContain("colorNeutralForegroundStaticInverted");
      cleanup();
    }
  });

  it("says the states in English", () => {
    expect(MONTHS.map((m) => monthStateText(STRINGS["en-US"], m))).toEqual(["Score 100.00", "Score 93.25 (below the pass mark)", "Score 95.50", "Incomplete (17 missing)", "2 errors", "Not started", "Needs recomputing"]);
  });
});

describe("the instalments", () => {
  it("shows the deduction as body text in bold, figures tabular, dates and amounts unbroken, no −0.00", () => {
    show();
    const two = screen.getByTestId("instalment-2");
    expect(two.textContent).toBe("第2笔 ¥172,250.00已评 2/2 个月，平均 94.25 分按目前水平扣款 ¥645.94");
    const deduction = Array.from(two.children).find((c) => c.textContent === "按目前水平扣款 ¥645.94") as HTMLElement;
    expect(deduction.className).toContain("fui-Body1");
    expect(cssOf(deduction)).toContain("font-weight: var(--fontWeightSemibold)");
    expect(cssOf(two)).toContain("font-variant-numeric: tabular-nums");
    const amount = Array.from(two.querySelectorAll("span")).find((s) => s.textContent === "¥645.94") as HTMLElement;
    expect(cssOf(amount)).toContain("white-space: nowrap");
    expect(screen.getByTestId("instalment-3").textContent).toContain("扣款 ¥0.00");
    expect(screen.getByTestId("instalment-3").textContent).not.toContain("-¥0.00");
  });
});
