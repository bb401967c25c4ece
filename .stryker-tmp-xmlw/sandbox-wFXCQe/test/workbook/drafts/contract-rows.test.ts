/**
 * The pane's 合同信息 / 付款条款 / 节假日安排 editor without React (src/workbook/drafts/contract-rows.ts):
 * loaded from the sheets (or the contract in force when they are absent), checked by the readers
 * (readContractSheets, readHolidaySheet) and the engine's calendarWithOverrides, each problem at its
 * field; planned back cell by cell, sheets created as the template makes them, refusals naming the
 * sheet and cell.
 */
// @ts-nocheck

import { defaultRules } from "../../../src/domain";
import { checkContractDraft, contractDraftChanged, loadContractDraft, newHolidayRow, newTermsRow, planContractDraft, type ContractDraft } from "../../../src/workbook/drafts/contract-rows";
import { applyPlanToSnapshot } from "../../../src/workbook/drafts/input-rows";
import type { WorkbookSnapshot } from "../../../src/workbook/model";
import { isoToSerial } from "../../../src/workbook/read/grid";
import { readInputs } from "../../../src/workbook/read/read-inputs";
import { buildTemplate } from "../../../src/workbook/sheets/template";

/** The template (12 months from 2024-12): 合同信息 and 付款条款 pre-filled with the seed, 节假日安排 empty. */
function template(): WorkbookSnapshot {
  return applyPlanToSnapshot({ sheets: [] }, { cellWrites: [], sheets: buildTemplate({ from: "2024-12", months: 12 }) });
}

/** The template without the three §9 sheets (an older workbook, like assets/example-2024-2025.xlsx). */
function older(): WorkbookSnapshot {
  const s = template();
  return { sheets: s.sheets.filter((x) => !["合同信息", "付款条款", "节假日安排"].includes(x.name)) };
}

const writes = (r: ReturnType<typeof planContractDraft>) => {
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.plan.cellWrites.flatMap((g) => g.writes.map((w) => `${g.sheet}!${w.address}=${w.value}${w.numberFormat ? ` (${w.numberFormat})` : ""}`));
};
const targets = (d: ContractDraft) => checkContractDraft(d).problems.map((p) => [p.severity, p.target, p.message]);

describe("loading", () => {
  it("reads the template's sheets as typed, with their rows", () => {
    const d = loadContractDraft(template());
    expect(d.present).toEqual({ info: true, terms: true, holidays: true });
    expect(d.info).toEqual({
      title: "陕西省公安厅出入境管理局 12367 服务热线 2024-2025 年热线运营服务及语音专线采购项目",
      partyA: "陕西省公安厅",
      partyB: "陕西省通信服务有限公司",
      termStart: "2024-12-04",
      termEnd: "2025-12-03",
      total: "689000",
      firstMonth: "2024-12",
      lastMonth: "2025-11",
      quarterlyFee: "",
    });
    expect(d.terms.map((t) => [t.row, t.number, t.share, t.from, t.to, t.notBefore, t.days])).toEqual([
      [2, "1", "40%", "", "", "2024-12-04", "10"],
      [3, "2", "50%", "2024-12", "2025-05", "2025-06-01", "30"],
      [4, "3", "10%", "2025-06", "2025-11", "2026-01-01", "30"],
    ]);
    expect(d.holidays).toEqual([]);
    expect(contractDraftChanged(d)).toBe(false);
    expect(checkContractDraft(d).problems).toEqual([]);
    expect(planContractDraft(template(), d)).toEqual({ ok: true, plan: { cellWrites: [], sheets: [] }, changed: 0 });
  });

  it("without the sheets: the contract in force, no rows, not present", () => {
    const d = loadContractDraft(older());
    expect(d.present).toEqual({ info: false, terms: false, holidays: false });
    expect(d.info.total).toBe("689000");
    expect(d.terms.map((t) => [t.row, t.number, t.share, t.condition])).toEqual(defaultRules().contract.instalments.map((i) => [null, String(i.number), `${Number(i.share) * 100}%`, i.condition]));
    expect(checkContractDraft(d).problems).toEqual([]);
  });
});

describe("checking (the readers' own rules)", () => {
  it("names every problem at its field, 付款条款's too while 合同信息 has one", () => {
    const d = loadContractDraft(template());
    d.info.termEnd = "2024-12-01";
    d.terms[1] = { ...(d.terms[1] as ContractDraft["terms"][number]), share: "40" };
    d.holidays.push({ row: null, date: "2027-02-08", kind: "休", note: "春节" }, { row: null, date: "2027-02-3x", kind: "放", note: "" });
    expect(targets(d)).toEqual([
      ["error", "info.termEnd", "合同期止 2024-12-01 应晚于合同期起 2024-12-04（B5）"],
      ["error", "terms.1.share", "「比例」为「40」，请写成百分比「40%」（或小数 0.4）"],
      ["error", "holidays.1.date", "「日期」应为一个日期（如 2027-02-08，一行填一天），实为「2027-02-3x」"],
      ["error", "holidays.1.kind", "「类型」应为 休（放假）或 班（调休上班），实为「放」"],
    ]);
  });

  it("shares must add up to 100%; periods must not overlap; a date must be real", () => {
    const d = loadContractDraft(template());
    d.terms[2] = { ...(d.terms[2] as ContractDraft["terms"][number]), share: "20%" };
    expect(targets(d)).toEqual([["error", "terms.2.share", "各笔比例之和应为 100%，实为 110%（第1笔 40% + 第2笔 50% + 第3笔 20%）"]]);
    d.terms[2] = { ...(d.terms[2] as ContractDraft["terms"][number]), share: "0.1", from: "2025-05" };
    expect(targets(d)).toEqual([["error", "terms.2.from", "第3笔的考核期间 2025-05 至 2025-11 与第2笔的 2024-12 至 2025-05（第 3 行）重叠：同一个月只能计入一笔"]]);
    d.terms[2] = { ...(d.terms[2] as ContractDraft["terms"][number]), from: "2025-06", notBefore: "2026-02-30" };
    expect(targets(d)).toEqual([["error", "terms.2.notBefore", "「最早开票日期」应为真实存在的日期（如 2025-06-01），实为「2026-02-30」"]]);
  });

  it("a day given twice is an error; a row that disagrees with the library's calendar a warning naming both", () => {
    const d = loadContractDraft(template());
    d.holidays.push({ row: null, date: "2025-10-01", kind: "班", note: "" });
    expect(targets(d)).toEqual([
      ["warning", "holidays.0.kind", "「节假日安排」2025-10-01（星期三）填为「班」，而内置节假日日历（chinese-days）该日为休息日（国庆节）；以本表为准（国务院办公厅通知为较新来源），请核对"],
    ]);
    d.holidays.push({ row: null, date: "2025年10月1日", kind: "班", note: "" });
    expect(targets(d)[0]).toEqual(["error", "holidays.1.date", "2025-10-01 在「节假日安排」中登记了两次（另见第 1 条）"]);
  });

  it("合同总额 in both 合同信息 and 规则设置 must agree", () => {
    const d = loadContractDraft(template());
    d.info.total = "720000";
    expect(checkContractDraft(d, [{ label: "合同总额", value: 689000 }]).problems.map((p) => [p.target, p.code])).toEqual([["info.total", "total-conflict"]]);
  });
});

describe("planning", () => {
  it("writes the changed 合同信息 values only, dates as dates", () => {
    const snapshot = template();
    const d = loadContractDraft(snapshot);
    d.info.partyB = "某某通信服务有限公司";
    d.info.termStart = "2024年12月5日";
    expect(writes(planContractDraft(snapshot, d))).toEqual([`合同信息!B4=某某通信服务有限公司 (@)`, `合同信息!B5=${isoToSerial("2024-12-05")} (yyyy-mm-dd)`]);
  });

  it("writes changed 付款条款 cells, appends a new instalment and blanks a removed one", () => {
    const snapshot = template();
    const d = loadContractDraft(snapshot);
    d.terms[1] = { ...(d.terms[1] as ContractDraft["terms"][number]), share: "45%" };
    d.terms[2] = { ...(d.terms[2] as ContractDraft["terms"][number]), share: "10%", condition: "服务期满次月支付" };
    d.terms.push({ ...newTermsRow(d), share: "5%" });
    expect(d.terms[3]?.number).toBe("4");
    const r = planContractDraft(snapshot, d);
    expect(writes(r)).toEqual(["付款条款!B3=0.45 (0%)", "付款条款!G4=服务期满次月支付", "付款条款!A5=4", "付款条款!B5=0.05 (0%)", "付款条款!F5=30"]);
    const after = readInputs(applyPlanToSnapshot(snapshot, r.ok ? r.plan : { cellWrites: [], sheets: [] })).contract.contract;
    expect(after?.instalments.map((i) => [i.number, i.share, i.dueWorkingDays])).toEqual([
      [1, "0.4", 10],
      [2, "0.45", 30],
      [3, "0.1", 30],
      [4, "0.05", 30],
    ]);

    const removed = loadContractDraft(snapshot);
    removed.terms = removed.terms.filter((t) => t.number !== "3");
    removed.terms[1] = { ...(removed.terms[1] as ContractDraft["terms"][number]), share: "60%" };
    expect(writes(planContractDraft(snapshot, removed))).toEqual([
      "付款条款!B3=0.6 (0%)",
      "付款条款!A4=null",
      "付款条款!B4=null",
      "付款条款!C4=null",
      "付款条款!D4=null",
      "付款条款!E4=null",
      "付款条款!F4=null",
      "付款条款!G4=null",
    ]);
  });

  it("adds holiday rows under the header of the template's empty 节假日安排, then removes one", () => {
    const snapshot = template();
    const d = loadContractDraft(snapshot);
    d.holidays.push({ ...newHolidayRow(), date: "2027-02-06", note: "春节" }, { row: null, date: "2027-02-13", kind: "上班", note: "春节调休" });
    const r = planContractDraft(snapshot, d);
    expect(writes(r)).toEqual([
      `节假日安排!A2=${isoToSerial("2027-02-06")} (yyyy-mm-dd)`,
      "节假日安排!B2=休",
      "节假日安排!C2=春节",
      `节假日安排!A3=${isoToSerial("2027-02-13")} (yyyy-mm-dd)`,
      "节假日安排!B3=班",
      "节假日安排!C3=春节调休",
    ]);
    const after = applyPlanToSnapshot(snapshot, r.ok ? r.plan : { cellWrites: [], sheets: [] });
    expect(readInputs(after).holidays).toEqual([
      { date: "2027-02-06", kind: "休", note: "春节" },
      { date: "2027-02-13", kind: "班", note: "春节调休" },
    ]);
    const again = loadContractDraft(after);
    expect(again.holidays.map((h) => h.row)).toEqual([2, 3]);
    again.holidays = again.holidays.slice(1);
    expect(writes(planContractDraft(after, again))).toEqual(["节假日安排!A2=null", "节假日安排!B2=null", "节假日安排!C2=null"]);
  });

  it("creates an absent sheet whole, as the template makes it, with the draft's values", () => {
    const snapshot = older();
    const d = loadContractDraft(snapshot);
    d.info.partyB = "某某通信服务有限公司";
    d.holidays.push({ row: null, date: "2027-02-06", kind: "休", note: "春节" });
    const r = planContractDraft(snapshot, d);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.plan.cellWrites).toEqual([]);
    expect(r.plan.sheets.map((s) => s.name)).toEqual(["合同信息", "节假日安排"]);
    const after = readInputs(applyPlanToSnapshot(snapshot, r.plan));
    expect(after.contract.contract?.partyB).toBe("某某通信服务有限公司");
    expect(after.contract.contract?.total).toBe("689000");
    expect(after.holidays).toEqual([{ date: "2027-02-06", kind: "休", note: "春节" }]);
    expect(after.problems.filter((p) => p.severity === "error" && ["合同信息", "付款条款", "节假日安排"].includes(p.sheet ?? ""))).toEqual([]);
  });

  it("refuses a draft with an error, naming the sheet and the cell; nothing is planned", () => {
    const snapshot = template();
    const d = loadContractDraft(snapshot);
    d.info.total = "-5";
    d.terms[0] = { ...(d.terms[0] as ContractDraft["terms"][number]), days: "十" };
    expect(planContractDraft(snapshot, d)).toEqual({
      ok: false,
      problems: [
        { sheet: "合同信息", cell: "B7", message: "「合同总额」应为大于 0 的金额（元），如 720000，实为「-5」", messageEn: '"合同总额" must be an amount > 0 (yuan), e.g. 720000, got "-5"' },
        {
          sheet: "付款条款",
          cell: "F2",
          message: "「付款期限（工作日）」应为工作日天数（不小于 0 的整数，如 30），实为「十」",
          messageEn: '"付款期限（工作日）" must be a whole number of working days (e.g. 30), got "十"',
        },
      ],
    });
  });

  it("does not write over a row changed in the workbook since the draft was loaded", () => {
    const snapshot = template();
    const d = loadContractDraft(snapshot);
    d.terms[2] = { ...(d.terms[2] as ContractDraft["terms"][number]), days: "20" };
    d.info.partyA = "甲方新名称";
    const meanwhile = applyPlanToSnapshot(snapshot, {
      cellWrites: [
        { sheet: "付款条款", writes: [{ address: "G4", value: "改过的条件" }] },
        { sheet: "合同信息", writes: [{ address: "B3", value: "陕西省公安厅出入境管理局" }] },
      ],
      sheets: [],
    });
    expect(planContractDraft(meanwhile, d)).toEqual({
      ok: false,
      problems: [
        {
          sheet: "合同信息",
          cell: "B3",
          message: "「合同信息」的「甲方」在载入后已在工作簿中被修改（现为「陕西省公安厅出入境管理局」），未保存；请重新读取后再编辑",
          messageEn: '"甲方" in 合同信息 changed in the workbook since it was loaded (now "陕西省公安厅出入境管理局"): not saved; reload and edit again',
        },
        {
          sheet: "付款条款",
          cell: "A4",
          message: "工作表「付款条款」第 4 行（付款条款）在载入后已被修改或移动，未保存；请重新读取后再编辑",
          messageEn: 'sheet "付款条款" row 4 (payment terms) changed in the workbook since it was loaded: not saved; reload and edit again',
        },
      ],
    });
  });
});
