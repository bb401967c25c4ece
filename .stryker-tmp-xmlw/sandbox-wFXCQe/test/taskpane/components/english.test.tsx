/** @jest-environment jsdom */
// @ts-nocheck

/**
 * English is complete: with the pane in en-US over the example workbook, no text it shows (text,
 * aria-label, title, placeholder) holds Chinese except as a quotation — inside “…”, 「…」 or "…"
 * (the workbook's own names: sheets, headers, the clerk's entries), or in an element marked
 * lang="zh-CN" (the contract's words, quoted as written, with the translation beside them; the
 * language switch's "中文").
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { readFileSync } from "fs";
import { join } from "path";
import { TextDecoder, TextEncoder } from "util";
Object.assign(globalThis, { TextDecoder, TextEncoder });
import { App } from "../../../src/taskpane/App";
import { ExcelFileAdapter } from "../../../src/hosts/file/file-adapter";
import type { PaneAdapter } from "../../../src/taskpane/session";
import { pick, polishEnglish, STRINGS } from "../../../src/taskpane/i18n";
import { CONTRACT_STRINGS, SETTLEMENT_STRINGS } from "../../../src/taskpane/screens/settlement-strings";

jest.mock("@microsoft/office-js-helpers", () => ({ Utilities: { isAddin: true, host: "EXCEL", log: jest.fn() } }));
jest.setTimeout(60_000);
afterEach(cleanup);

const EXAMPLE = readFileSync(join(__dirname, "..", "..", "..", "assets", "example-2024-2025.xlsx"));
const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;
const QUOTED = /“[^”\n]{0,120}”|「[^」\n]{0,120}」|"[^"\n]{0,120}"/g;

/** The Chinese left in a text once its quotations are taken out; "" when none. */
export function unquotedChinese(text: string): string {
  return text
    .replace(QUOTED, " ")
    .split(/\s+/)
    .filter((w) => CJK.test(w))
    .join(" ");
}

/**
 * Every piece of shown text (and accessible name) under `root` with Chinese outside quotations,
 * except inside lang="zh-*". A piece is the whole text of an element that holds text itself (so a
 * quotation split by an inline child stays whole).
 */
export function chineseOutsideQuotations(root: Element): string[] {
  const copy = root.cloneNode(true) as Element;
  for (const zh of Array.from(copy.querySelectorAll('[lang^="zh"]'))) zh.remove();
  const out: string[] = [];
  const walk = (el: Element) => {
    for (const attr of ["aria-label", "title", "placeholder", "aria-valuetext"]) {
      const v = el.getAttribute(attr);
      if (v && unquotedChinese(v)) out.push(`${attr}: ${v}`);
    }
    const ownText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? "").trim() !== "");
    if (ownText) {
      const text = (el.textContent ?? "").replace(/\s+/g, " ").trim();
      if (unquotedChinese(text)) out.push(text);
    }
    for (const child of Array.from(el.children)) if (!ownText || child.getAttribute("aria-label") || child.getAttribute("title")) walk(child);
  };
  walk(copy);
  return [...new Set(out)];
}

async function openEnglish(): Promise<void> {
  const file = await ExcelFileAdapter.fromBuffer(new Uint8Array(EXAMPLE));
  const adapter: PaneAdapter = { read: () => file.read(), apply: (p) => file.apply(p), select: async () => {} };
  render(<App host={{ inOffice: true, host: "Excel", platform: "PC", language: "en-US", dark: false }} locale="en-US" adapter={adapter} now={() => new Date(2025, 10, 20, 9, 30)} />);
  await screen.findByTestId("month-2025-10", {}, { timeout: 30_000 });
}

/** Opens every collapsed accordion header under the document (results, explanations, problems). */
async function openAll(): Promise<void> {
  for (let round = 0; round < 3; round++) {
    const closed = Array.from(document.querySelectorAll<HTMLElement>('button[aria-expanded="false"]')).filter((b) => b.closest(".fui-AccordionHeader"));
    if (closed.length === 0) return;
    for (const b of closed) await act(async () => fireEvent.click(b));
  }
}

describe("the checker", () => {
  it("finds Chinese outside quotations and nowhere else", () => {
    expect(unquotedChinese("Indicators (指标录入)")).toBe("(指标录入)");
    expect(unquotedChinese("Indicators (sheet “指标录入”)")).toBe("");
    expect(unquotedChinese("sheet “2025年10月”, cell H2 (month score)")).toBe("");
    expect(unquotedChinese("A2 (「5分扣完为止」) applies")).toBe("");
    expect(unquotedChinese("Freeze (定稿)")).toBe("(定稿)");
    const div = document.createElement("div");
    div.innerHTML = `<p>Contract text: <q lang="zh-CN">每件扣 2 分</q></p><button aria-label="删除">x</button><span>团队 9 人</span>`;
    expect(chineseOutsideQuotations(div)).toEqual(["aria-label: 删除", "团队 9 人"]);
  });
});

describe("the engine's English messages as the pane shows them", () => {
  it("quotes Chinese names, says report kinds and clause numbers in English, leaves quotations alone", () => {
    expect(polishEnglish("reminder: 月报 2025-11 is due 2025-12-10, after the last scored month (2025-11): not recorded in 报告提交 yet")).toBe(
      "reminder: monthly report 2025-11 is due 2025-12-10, after the last scored month (2025-11): not recorded in “报告提交” yet",
    );
    expect(polishEnglish("2025Q1 (2025-01, 2025-02, 2025-03): turnover adds up to 40.00%, above the contract's 20% per quarter (§一(三)6)")).toBe(
      "2025Q1 (2025-01, 2025-02, 2025-03): turnover adds up to 40.00%, above the contract's 20% per quarter (§1(3)6)",
    );
    expect(polishEnglish('sheet "流水账" is large; “付款结算” stays; 年报 2025 and 季报 2025Q4')).toBe('sheet "流水账" is large; “付款结算” stays; annual report 2025 and quarterly report 2025Q4');
    expect(polishEnglish("month 2025年10月 appears twice in 指标录入")).toBe("month “2025年10月” appears twice in “指标录入”");
    expect(polishEnglish("no Chinese here")).toBe("no Chinese here");
    for (const text of ["not recorded in 报告提交 yet", "a、b（c）", "第3笔 in 付款记录"]) expect(unquotedChinese(polishEnglish(text))).toBe("");
  });

  it("is what pick shows in English; Chinese is shown as it is", () => {
    const p = { message: "「报告提交」中月报 2025-11 未登记", messageEn: "月报 2025-11 is not recorded in 报告提交" };
    expect(pick("en-US", p)).toBe("monthly report 2025-11 is not recorded in “报告提交”");
    expect(pick("zh-CN", p)).toBe("「报告提交」中月报 2025-11 未登记");
    expect(pick("en-US", { message: "只有中文" })).toBe("只有中文");
  });

  it("every en-US string of the pane's words holds Chinese only as a quotation", () => {
    const en = STRINGS["en-US"];
    // Arguments with no Chinese in them (a function echoing a Chinese argument proves nothing).
    const ARGS: unknown[][] = [[], ["2025-10"], [3, 2, 1], ["2025-10", "2025-09"], [true], [false], ["5", "5.00", "4.5", true, false], ["5", "5.00", "9", false, false]];
    const failing: string[] = [];
    let count = 0;
    for (const [key, value] of Object.entries(en)) {
      if (key === "otherLanguage") continue; // "中文", shown with lang="zh-CN"
      const outs: unknown[] = [];
      if (typeof value === "function") {
        for (const a of ARGS) {
          try {
            outs.push((value as (...x: unknown[]) => unknown)(...a));
          } catch {
            // a function that needs other arguments
          }
        }
      } else outs.push(value);
      for (const out of outs) {
        if (typeof out !== "string") continue;
        count++;
        if (unquotedChinese(out) !== "" && !failing.includes(key)) failing.push(key);
      }
    }
    expect(count).toBeGreaterThan(200);
    expect(failing).toEqual([]);
    expect(en.undoRefused).toBe("The undo record (“撤销记录”) cannot be used: no undo.");
    // the functions that take names from the workbook quote them
    expect(unquotedChinese(en.place("指标录入", "D12", "团队人数"))).toBe("");
    expect(en.place("指标录入", "D12", "团队人数")).toBe("sheet “指标录入”, cell D12 (team headcount)");
    expect(en.place("报告提交", null, "报告提交")).toBe("sheet “报告提交” (reports)");
    expect(en.optionLabel("自定义")).toBe("“自定义”");
    expect(en.reportPeriodTitle("月报", "九月")).toBe("Monthly report, “九月”");
    expect(en.headerName("备注")).toBe("“备注”");
  });
});

describe("the pane in English (example workbook)", () => {
  it("month list, instalments, problems", async () => {
    await openEnglish();
    await openAll();
    expect(document.body.textContent).toContain("Scorecard months");
    expect(chineseOutsideQuotations(document.body)).toEqual([]);
  });

  it("a month page: form, events, reports, results with every explanation open, the freeze dialog", async () => {
    await openEnglish();
    fireEvent.click(screen.getByTestId("month-2025-10"));
    await waitFor(() => expect(document.getElementById("month-heading")).not.toBeNull());
    fireEvent.click(screen.getByTestId("compute-month"));
    await waitFor(async () => {
      await openAll();
      expect(document.querySelectorAll("[data-item]").length).toBe(14);
    }, { timeout: 30_000 });
    await openAll();
    fireEvent.click(screen.getByTestId("add-report"));
    const text = document.body.textContent ?? "";
    expect(text).toContain("Scorecard row 9 (Ticket quality checks)");
    expect(text).toContain("Translation: ≥ 90%: full marks");
    expect(text).toContain("Due 2025-10-10");
    expect(chineseOutsideQuotations(document.body)).toEqual([]);
    const freeze = screen.queryByTestId("freeze");
    if (freeze && !freeze.hasAttribute("disabled") && freeze.getAttribute("aria-disabled") !== "true") {
      fireEvent.click(freeze);
      const dialog = await screen.findByTestId("freeze-dialog");
      expect(chineseOutsideQuotations(dialog)).toEqual([]);
    }
  });

  it("the rule settings", async () => {
    await openEnglish();
    fireEvent.click(screen.getByRole("tab", { name: "Rules" }));
    await waitFor(() => expect(screen.getByRole("heading", { name: "Rule settings" })).toBeTruthy());
    expect(document.body.textContent).toContain("Most points deducted for ticket quality (A2)");
    expect(chineseOutsideQuotations(document.body)).toEqual([]);
  });
});

/** Every string a table of words gives (functions called with `args`, nested records walked): key → text. */
function everyString(table: object, args: unknown[][]): [string, string][] {
  const out: [string, string][] = [];
  const visit = (key: string, value: unknown) => {
    if (typeof value === "string") out.push([key, value]);
    else if (typeof value === "function") {
      for (const a of args) {
        try {
          const r: unknown = (value as (...x: unknown[]) => unknown)(...a);
          if (typeof r === "string") out.push([key, r]);
        } catch {
          // needs other arguments
        }
      }
    } else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) visit(`${key}.${k}`, v);
  };
  for (const [k, v] of Object.entries(table)) visit(k, v);
  return out;
}

describe("the 付款结算 and 合同与日历 screens in English", () => {
  it("their en-US words hold Chinese only as a quotation", () => {
    const args: unknown[][] = [[], [2], [3, "40%", "¥275,600.00"], [["2025-06", "2025-07"], 1], ["5.00", true], ["2025-06-16", 10, "2025-06-16"], [3, false], [{ months: ["2024-12", "2025-05"], dueWorkingDays: 30, invoiceNotBefore: "2025-06-01" }]];
    const all = [...everyString(SETTLEMENT_STRINGS["en-US"], args), ...everyString(CONTRACT_STRINGS["en-US"], args)];
    expect(all.length).toBeGreaterThan(100);
    expect(all.filter(([, text]) => unquotedChinese(text) !== "").map(([k]) => k)).toEqual([]);
    expect(SETTLEMENT_STRINGS["en-US"].payableUpper).toBe("In words (“大写”)");
    expect(SETTLEMENT_STRINGS["en-US"].receivedHint).toBe("When the client (“甲方”) received the invoice; the payment term then runs from it");
    expect(SETTLEMENT_STRINGS["en-US"].conditionGloss({ months: ["2024-12", "2025-01", "2025-05"], dueWorkingDays: 30, invoiceNotBefore: null })).toBe(
      "(translation as applied here: paid within 30 working days of the invoice; the deduction follows the average score of 2024-12 to 2025-05)",
    );
  });

  it("付款结算: the contract's conditions and the amounts in 大写 marked lang=\"zh-CN\", with the English beside them", async () => {
    await openEnglish();
    fireEvent.click(screen.getByRole("tab", { name: "Settlement" }));
    await waitFor(() => expect(screen.getByRole("heading", { level: 2 }).textContent).toBe("Settlement (sheet “付款结算”)"));
    await openAll();
    const condition = screen.getByTestId("settlement-2-condition");
    expect(condition.querySelector('q[lang="zh-CN"]')?.textContent).toBe("自项目运营至2025年6月，以2024年12月至2025年5月平均得分为准，30个工作日内支付");
    expect(condition.textContent).toContain("(translation as applied here: paid within 30 working days of the invoice");
    const upper = document.querySelector('[data-testid="settlement-1-payable-upper"]');
    if (upper) expect(upper.getAttribute("lang")).toBe("zh-CN");
    expect(chineseOutsideQuotations(document.body)).toEqual([]);
  });

  it("合同与日历", async () => {
    await openEnglish();
    fireEvent.click(screen.getByRole("tab", { name: STRINGS["en-US"].tabContract }));
    await waitFor(() => expect(screen.getByRole("heading", { level: 2 }).textContent).toBe("Contract and calendar"));
    await openAll();
    expect(document.body.textContent).toContain("Payment terms (“付款条款”)");
    expect(chineseOutsideQuotations(document.body)).toEqual([]);
  });
});
