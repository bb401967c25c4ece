/** @jest-environment jsdom */
// @ts-nocheck

/** ResultsView: the month's score large, item scores in a column, no "−0.00", English beside the contract's words, A2 said for row 9. */
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { defaultRules, scoreMonth, type MonthScore, type RuleSet } from "../../../src/domain";
import { EXAMPLE_2025_10 } from "../../../src/domain/example";
import { ResultsView, shownScore } from "../../../src/taskpane/components/ResultsView";
import { noNegativeZero } from "../../../src/taskpane/components/text";
import { STRINGS, type Locale } from "../../../src/taskpane/i18n";
import { cssOf } from "./css";

afterEach(cleanup);

function score(rules: RuleSet = defaultRules(), ticketsPassed = EXAMPLE_2025_10.indicators.ticketsPassed): MonthScore {
  const r = scoreMonth({ ...EXAMPLE_2025_10.indicators, ticketsPassed }, EXAMPLE_2025_10.events, EXAMPLE_2025_10.reports, rules);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join("; "));
  return r.value;
}

function show(s: MonthScore | null, locale: Locale = "zh-CN", rules?: RuleSet) {
  render(
    <FluentProvider theme={webLightTheme}>
      <ResultsView score={s} t={STRINGS[locale]} locale={locale} rules={rules} />
    </FluentProvider>,
  );
}

/** Opens an item's panel (Fluent renders a closed panel's content not at all). */
function open(no: number): HTMLElement {
  const item = document.querySelector(`[data-item="${no}"]`) as HTMLElement;
  fireEvent.click(within(item).getByRole("button"));
  return item;
}

describe("the month's score", () => {
  it("is its label and a large figure, the text kept as 考核得分 93.25", () => {
    show(score());
    const total = screen.getByTestId("month-total");
    expect(total.textContent).toBe("考核得分 93.25");
    const figure = total.lastElementChild as HTMLElement;
    expect(figure.textContent).toBe("93.25");
    // Fluent's title2 (28 px: fontSizeHero700), not a 12 px caption
    expect(cssOf(figure)).toContain("font-size: var(--fontSizeHero700)");
    expect(cssOf(figure)).toContain("font-variant-numeric: tabular-nums");
  });

  it("says when the month is not scored", () => {
    show(null);
    expect(screen.getByTestId("results").textContent).toContain("本月尚未评分。");
    expect(screen.queryByTestId("month-total")).toBeNull();
  });
});

describe("item scores", () => {
  it("stand in a column of their own: score / 满分, tabular figures, never −0.00", () => {
    show(score());
    expect(screen.getByTestId("item-score-9").textContent).toBe("9.75 / 10");
    expect(screen.getByTestId("item-score-1").textContent).toBe("9.00 / 10");
    expect(screen.getByTestId("item-score-11").textContent).toBe("1.00");
    expect(screen.getByTestId("item-score-12").textContent).toBe("0.00");
    expect(screen.getByTestId("item-score-13").textContent).toBe("-2.00");
    expect(screen.getByTestId("item-score-14").textContent).toBe("0.00");
    const cell = screen.getByTestId("item-score-9");
    expect(getComputedStyle(cell).fontVariantNumeric).toBe("tabular-nums");
    expect(getComputedStyle(cell).textAlign).toBe("end");
    expect(getComputedStyle(cell).whiteSpace).toBe("nowrap");
  });

  it("shows the engine's explanation without −0.00 (a sign before a zero), keeping subtractions", () => {
    show(score());
    const row12 = open(12);
    expect(row12.textContent).toContain("合计 0.00");
    expect(row12.textContent).not.toMatch(/[−-]0\.00/);
    const row14 = open(14);
    expect(row14.textContent).toContain("弄虚作假 0 次 × 5 = 0.00");
    const row9 = open(9);
    expect(row9.textContent).toContain("10 − 0.25 = 9.75");
  });

  it("keeps dates on one line", () => {
    show(score());
    const row4 = open(4);
    const dates = Array.from(row4.querySelectorAll("span")).filter((s) => /^\d{4}-\d{2}-\d{2}$/.test(s.textContent ?? ""));
    expect(dates.map((d) => d.textContent)).toEqual(expect.arrayContaining(["2025-10-10", "2025-10-13"]));
    for (const d of dates) expect(getComputedStyle(d).whiteSpace).toBe("nowrap");
  });
});

describe("row 9 and A2 (「5分扣完为止」)", () => {
  it("says the cap does not apply under the contract's rates (at most 4.5 off, lowest 5.5)", () => {
    show(score());
    open(9);
    expect(screen.getByTestId("a2-note").textContent).toBe("A2（「5分扣完为止」）：按「规则设置」本项最多扣 5 分（最低 5.00 分）。按现行扣分标准本项最多扣 4.5 分，此上限不起作用。");
  });

  it("says whether the cap applied when the rates in force can reach it", () => {
    const steep: RuleSet = { ...defaultRules(), scoring: { ...defaultRules().scoring, ticketPointsPerStep: "2" } };
    show(score(steep, 20), "zh-CN", steep);
    open(9);
    expect(screen.getByTestId("item-score-9").textContent).toBe("5.00 / 10");
    expect(screen.getByTestId("a2-note").textContent).toBe("A2（「5分扣完为止」）：按「规则设置」本项最多扣 5 分（最低 5.00 分）。本月扣分已达上限。");
    cleanup();
    show(score(steep, 85), "zh-CN", steep);
    open(9);
    expect(screen.getByTestId("a2-note").textContent).toContain("本月未达上限。");
  });

  it("is on row 9 only", () => {
    show(score());
    for (const no of [1, 8, 10]) open(no);
    expect(screen.queryByTestId("a2-note")).toBeNull();
  });
});

describe("in English", () => {
  it("starts with the English explanation, then the contract's words in Chinese with a translation beside them", () => {
    show(score(), "en-US");
    expect(screen.getByTestId("month-total").textContent).toBe("Score 93.25");
    const row9 = open(9);
    const panel = row9.querySelector(".fui-AccordionPanel") as HTMLElement;
    const [first, contract, translation, note] = Array.from(panel.children).map((c) => c.textContent);
    expect(first).toBe("Scorecard row 9 (Ticket quality checks): 85 of 100 tickets pass (85.00%) → 9.75");
    expect(contract).toBe("Contract text: ≥90%得满分，每降低 10%扣 0.5 分，5 分扣完为止。");
    expect(panel.querySelector("q")?.getAttribute("lang")).toBe("zh-CN");
    expect(translation).toBe("Translation: ≥ 90%: full marks; 0.5 points off per 10% below; deductions stop at 5 points.");
    expect(note).toBe("A2 (“5分扣完为止”, deductions stop at 5): under the rule settings this row loses at most 5 (lowest 5.00). At the rates in force it can lose at most 4.5, so the cap does not apply.");
    expect(row9.querySelector("button")?.textContent).toBe("9. Ticket quality checks 9.75 / 10");
  });
});

describe("noNegativeZero", () => {
  it("drops the sign of a zero, never the minus of a subtraction", () => {
    expect(noNegativeZero("−0.00")).toBe("0.00");
    expect(noNegativeZero("合计 −0.00（扣分层级：市级及以下 −10）")).toBe("合计 0.00（扣分层级：市级及以下 −10）");
    expect(noNegativeZero("= -0.00; → −0")).toBe("= 0.00; → 0");
    expect(noNegativeZero("10 − 0.00 = 10.00")).toBe("10 − 0.00 = 10.00");
    expect(noNegativeZero("−0.05 and −0.5 and −20.00")).toBe("−0.05 and −0.5 and −20.00");
    expect(shownScore({ score: score().items[11]!.score })).toBe("0.00");
  });
});
