/** @jest-environment jsdom */
// @ts-nocheck

/** ReportsEditor (reports by period with their due date; 添加报告 proposes a period not logged) and EventsEditor (a switch label that follows its state). */
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { useState } from "react";
import { EventsEditor } from "../../../src/taskpane/components/EventsEditor";
import { ReportsEditor } from "../../../src/taskpane/components/ReportsEditor";
import { STRINGS, type Locale } from "../../../src/taskpane/i18n";
import type { EventDraft, ReportDraft } from "../../../src/workbook/drafts/input-rows";
import { cssOf } from "./css";

afterEach(cleanup);

const OCTOBER_REPORTS: ReportDraft[] = [
  { row: 15, kind: "月报", period: "2025-09", submitted: "2025-10-13", extensionApproved: false },
  { row: 16, kind: "季报", period: "2025Q3", submitted: "2025-10-15", extensionApproved: null },
];

function Reports({ initial, locale = "zh-CN", logged, readOnly }: { initial: ReportDraft[]; locale?: Locale; logged?: { kind: string; period: string }[]; readOnly?: boolean }) {
  const [reports, setReports] = useState(initial);
  return (
    <FluentProvider theme={webLightTheme}>
      <ReportsEditor month="2025-10" reports={reports} problems={[]} onChange={setReports} t={STRINGS[locale]} locale={locale} logged={logged} readOnly={readOnly} />
    </FluentProvider>
  );
}

const titles = () => Array.from(document.querySelectorAll("[data-testid^=report-]")).filter((e) => /^report-\d+$/.test(e.getAttribute("data-testid") ?? "")).map((e) => e.getAttribute("aria-label"));

describe("reports by period, with their due date", () => {
  it("names each report by its period and shows its due date and sheet row", () => {
    render(<Reports initial={OCTOBER_REPORTS} />);
    expect(titles()).toEqual(["报告 1 · 2025年9月 月报", "报告 2 · 2025年第三季度 季报"]);
    expect(screen.getByTestId("report-0-due").textContent).toBe("应交日期 2025-10-10「报告提交」第 15 行");
    expect(screen.getByTestId("report-0-due").getAttribute("data-due")).toBe("2025-10-10");
    expect(screen.getByTestId("report-1-due").getAttribute("data-due")).toBe("2025-10-15");
    expect(screen.getByRole("region", { name: "报告提交" }).textContent).toContain("第4项（数据分析）按应交日期在本月的报告计分");
    const date = within(screen.getByTestId("report-0-due")).getByText("应交日期 2025-10-10");
    expect(cssOf(date)).toContain("white-space: nowrap");
  });

  it("says when a period cannot be read, and where a report typed for another month will be scored", () => {
    render(<Reports initial={[{ row: null, kind: "月报", period: "九月", submitted: "", extensionApproved: null }, { row: null, kind: "月报", period: "2025-10", submitted: "", extensionApproved: null }]} />);
    expect(screen.getByTestId("report-0-due").textContent).toBe("报告类型或所属期间无法识别，无法确定应交日期");
    expect(titles()[0]).toBe("报告 1 · 「九月」 月报");
    expect(screen.getByTestId("report-1-due").textContent).toBe("应交日期 2025-11-10计入 2025年11月的考核");
  });

  it("a report with no kind yet: its period alone", () => {
    render(<Reports initial={[{ row: null, kind: "", period: "2025-09", submitted: "", extensionApproved: null }]} />);
    expect(titles()).toEqual(["报告 1 · 2025年9月"]);
    cleanup();
    render(<Reports initial={[{ row: null, kind: "", period: "2025-09", submitted: "", extensionApproved: null }]} locale="en-US" />);
    expect(titles()).toEqual(["Report 1 · Sep 2025"]);
  });

  it("in English: the period in words, the due date, the sheet's name quoted", () => {
    render(<Reports initial={OCTOBER_REPORTS} locale="en-US" />);
    expect(titles()).toEqual(["Report 1 · Monthly report, Sep 2025", "Report 2 · Quarterly report, Q3 2025"]);
    expect(screen.getByTestId("report-0-due").textContent).toBe("Due 2025-10-10row 15 of “报告提交” (reports)");
  });
});

describe("添加报告", () => {
  it("proposes the next period not yet logged, never a duplicate", () => {
    render(<Reports initial={OCTOBER_REPORTS.slice(0, 1)} />);
    fireEvent.click(screen.getByTestId("add-report"));
    expect(titles()).toEqual(["报告 1 · 2025年9月 月报", "报告 2 · 2025年第三季度 季报"]);
    expect(screen.getByTestId("report-1-due").getAttribute("data-due")).toBe("2025-10-15");
    fireEvent.click(screen.getByTestId("add-report"));
    expect(titles()[2]).toBe("报告 3 · 2025年10月 月报");
    expect(screen.getByTestId("report-2-due").textContent).toBe("应交日期 2025-11-10计入 2025年11月的考核");
  });

  it("skips periods logged for other months (the whole 报告提交), however they were written", () => {
    render(<Reports initial={OCTOBER_REPORTS} logged={[{ kind: "月报", period: "2025年10月" }]} />);
    fireEvent.click(screen.getByTestId("add-report"));
    expect(titles()[2]).toBe("报告 3 · 2025年11月 月报");
  });

  it("is not offered for a frozen month", () => {
    render(<Reports initial={OCTOBER_REPORTS} readOnly />);
    expect(screen.queryByTestId("add-report")).toBeNull();
  });
});

describe("the evidence switch", () => {
  function Events({ initial, locale = "zh-CN" }: { initial: EventDraft[]; locale?: Locale }) {
    const [events, setEvents] = useState(initial);
    return (
      <FluentProvider theme={webLightTheme}>
        <EventsEditor events={events} problems={[]} ladder="default" onChange={setEvents} t={STRINGS[locale]} locale={locale} />
      </FluentProvider>
    );
  }
  const event = (evidence: boolean | null, row: number | null = 7): EventDraft => ({ row, type: "bonus", level: "群众", matterId: "BY-1", description: "", evidence, verified: true, reported: true });

  it("is labelled by its state: 有 when on, 无 when off, 未填写 when blank", () => {
    render(<Events initial={[event(false), event(true), event(null, null)]} />);
    const card = (i: number) => screen.getByTestId(`event-${i}`);
    expect(within(card(0)).getByRole("switch", { name: "佐证材料（无）" })).not.toBeNull();
    expect(within(card(1)).getByRole("switch", { name: "佐证材料（有）" })).not.toBeNull();
    expect(within(card(2)).getByRole("switch", { name: "佐证材料（未填写）" })).not.toBeNull();
    fireEvent.click(within(card(0)).getByRole("switch", { name: "佐证材料（无）" }));
    expect((within(card(0)).getByRole("switch", { name: "佐证材料（有）" }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(card(0)).getByRole("switch", { name: "佐证材料（有）" }));
    expect((within(card(0)).getByRole("switch", { name: "佐证材料（无）" }) as HTMLInputElement).checked).toBe(false);
    // the card says which row of 加减分事件 it is
    expect(card(0).textContent).toContain("「加减分事件」第 7 行");
    expect(card(2).textContent).not.toContain("第");
  });

  it("in English", () => {
    render(<Events initial={[event(false), event(true)]} locale="en-US" />);
    expect(screen.getByRole("switch", { name: "Evidence attached: no" })).not.toBeNull();
    expect(screen.getByRole("switch", { name: "Evidence attached: yes" })).not.toBeNull();
  });
});

describe("every problem has a place on screen", () => {
  it("a problem of a report that belongs to no field is shown on its card; a field's under the field", () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <ReportsEditor
          month="2025-10"
          reports={OCTOBER_REPORTS}
          problems={[
            { severity: "error", code: "duplicate-report", message: "月报 2025-09 登记了两次（另见第 1 条）", messageEn: "月报 2025-09 is recorded twice (see also entry 1)", target: { kind: "report", index: 1, key: "period" } },
            { severity: "warning", code: "x", message: "本行另有问题", messageEn: "something else on this row", target: { kind: "report", index: 0, key: "row" } },
          ]}
          onChange={() => {}}
          t={STRINGS["zh-CN"]}
          locale="zh-CN"
        />
      </FluentProvider>,
    );
    expect(screen.getByTestId("report-0-problems").textContent).toBe("本行另有问题");
    expect(screen.queryByTestId("report-1-problems")).toBeNull();
    expect(within(screen.getByTestId("report-1")).getByText("月报 2025-09 登记了两次（另见第 1 条）")).toBeTruthy();
    // "第 1 条" is the card titled 报告 1
    expect(titles()[0]).toMatch(/^报告 1 · /);
  });

  it("an event's too, in English with its Chinese quoted", () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <EventsEditor
          events={[{ row: 3, type: "bonus", level: "群众", matterId: "", description: "", evidence: true, verified: true, reported: true }]}
          problems={[{ severity: "error", code: "m", message: "考核月份不在考核期内", messageEn: "month not in the 指标录入 sheet", target: { kind: "event", index: 0, key: "month" } }]}
          ladder="default"
          onChange={() => {}}
          t={STRINGS["en-US"]}
          locale="en-US"
        />
      </FluentProvider>,
    );
    expect(screen.getByTestId("event-0-problems").textContent).toBe("month not in the “指标录入” sheet");
  });
});
