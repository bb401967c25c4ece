/**
 * Issue 17: the settings panel and the plan helpers of src/workbook/drafts/input-rows.ts on small
 * in-memory snapshots — 规则设置 loaded, checked (the engine's words at the parameter), created
 * whole or written into its rows; a plan applied to a snapshot; plans merged. Exact cells and
 * messages. Written from Stryker's survivors.
 */
// @ts-nocheck

import { defaultRules, loadRules } from "../../../src/domain";
import { RULE_SETTINGS } from "../../../src/domain/rule-settings";
import {
  applyPlanToSnapshot,
  buildRuleSettingsSheet,
  loadSettingsDraft,
  mergePlans,
  planSettingsDraft,
  rulesOfSettings,
  settingText,
  SettingsDraft,
  stepModesOf,
  stepModesText,
  validateSettingsDraft,
} from "../../../src/workbook/drafts/input-rows";
import type { WorkbookSnapshot, WritePlan } from "../../../src/workbook/model";
import { type Cell, sheet } from "../../fixtures/sheet-rows";

const rulesBook = (rows: Cell[][] | null): WorkbookSnapshot => ({ sheets: [sheet("说明", [["x"]]), ...(rows ? [sheet("规则设置", rows, 1)] : [])] });
const edit = (d: SettingsDraft, values: Record<string, string>): SettingsDraft => ({ ...d, values: { ...d.values, ...values } });

describe("settingText: a rule set's value as a clerk types it", () => {
  it("the three parameters worded here, and the others' defaults", () => {
    const r = defaultRules();
    expect(settingText("扣款基数", r)).toBe("季度服务费");
    expect(settingText("部分扣分方式", r)).toBe("按比例");
    expect(settingText("扣分层级", r)).toBe("市级及以下/省级/国家级");
    expect(settingText("合同总额", r)).toBe(r.contract.total);
    expect(settingText("总分封顶100", r)).toBe("否");
    expect(settingText("没有这个参数", r)).toBe("");
  });

  it("other options: another base, the alternative ladder, modes that differ", () => {
    const loaded = loadRules({ options: { deductionBase: "instalment", penaltyLadder: "alternative", ticketQualitySteps: "floor" } });
    if (!loaded.ok) throw new Error("rules refused");
    const r = loaded.value;
    expect(settingText("扣款基数", r)).toBe("本笔款项");
    expect(settingText("扣分层级", r)).toBe("市级以下/市级/省级及以上");
    expect(settingText("部分扣分方式", r)).toBe("满意率:按比例,质检:整步,结算:按比例");
  });

  it("stepModesText: one word when the three agree; stepModesOf reads both forms back, null when unreadable", () => {
    expect(stepModesText({ satisfactionSteps: "ceil", ticketQualitySteps: "ceil", settlementSteps: "ceil" })).toBe("起步");
    expect(stepModesText({ satisfactionSteps: "floor", ticketQualitySteps: "proportional", settlementSteps: "ceil" })).toBe("满意率:整步,质检:按比例,结算:起步");
    expect(stepModesOf("满意率:整步,质检:按比例,结算:起步")).toEqual({ satisfactionSteps: "floor", ticketQualitySteps: "proportional", settlementSteps: "ceil" });
    expect(stepModesOf("整步")).toEqual({ satisfactionSteps: "floor", ticketQualitySteps: "floor", settlementSteps: "floor" });
    expect(stepModesOf("随便")).toBeNull();
  });
});

describe("loadSettingsDraft", () => {
  it("the contract defaults when there is no sheet (not present)", () => {
    const d = loadSettingsDraft(rulesBook(null));
    expect(d.present).toBe(false);
    expect(Object.keys(d.values)).toEqual(RULE_SETTINGS.map((x) => x.label));
    expect(d.values["部分扣分方式"]).toBe("按比例");
    expect(d.values["总分不低于0"]).toBe("否");
    expect(d.origin).toEqual(d.values);
    expect(d.origin).not.toBe(d.values);
  });

  it("the sheet's values by their labels (aliases too), trimmed; a real boolean as 是/否; a blank keeps the default", () => {
    const d = loadSettingsDraft(rulesBook([["参数", "值"], ["扣款基础", " 本笔款项 "], ["总分封顶100", true], ["总分不低于0", false], ["达标分", 90], ["平均分取整", "  "]]));
    expect(d.present).toBe(true);
    expect(d.values["扣款基数"]).toBe("本笔款项");
    expect(d.values["总分封顶100"]).toBe("是");
    expect(d.values["总分不低于0"]).toBe("否");
    expect(d.values["达标分"]).toBe("90");
    expect(d.values["平均分取整"]).toBe("是");
  });
});

describe("validateSettingsDraft and rulesOfSettings", () => {
  it("the engine's message at the parameter's label; nothing when every value reads", () => {
    const d = loadSettingsDraft(rulesBook(null));
    expect(validateSettingsDraft(d)).toEqual({});
    expect(rulesOfSettings(d)?.options.deductionBase).toBe("quarterlyFee");
    const bad = edit(d, { 达标分: "很多", 扣款基数: "全部" });
    const problems = validateSettingsDraft(bad);
    expect(Object.keys(problems).sort()).toEqual(["扣款基数", "达标分"].sort());
    expect(problems["达标分"]?.message).toMatch(/^规则参数「达标分」的值「很多」无效：/);
    expect(problems["达标分"]?.messageEn).toMatch(/^rule parameter "达标分" value "很多" is invalid: /);
    expect(problems["扣款基数"]?.message).toMatch(/^规则参数「扣款基数」的值「全部」无效：/);
    expect(rulesOfSettings(bad)).toBeNull();
    expect(rulesOfSettings(edit(d, { 扣款基数: "本笔款项" }))?.options.deductionBase).toBe("instalment");
  });
});

describe("buildRuleSettingsSheet", () => {
  it("参数 | 值 | 说明, a row per parameter: plain numbers as numbers, other text as text, a missing value as its default", () => {
    const spec = buildRuleSettingsSheet({ 达标分: "90", 每分扣款比例: "0.5%", 扣款基数: "本笔款项", 合同总额: " 689000.50 ", 总分封顶100: "" });
    expect(spec.name).toBe("规则设置");
    expect(spec.cells.slice(0, 3)).toEqual([
      { address: "A1", value: "参数", style: { bold: true, fill: "#D9E1F2", border: "thin" } },
      { address: "B1", value: "值", style: { bold: true, fill: "#D9E1F2", border: "thin" } },
      { address: "C1", value: "说明", style: { bold: true, fill: "#D9E1F2", border: "thin" } },
    ]);
    const value = (label: string) => {
      const i = RULE_SETTINGS.findIndex((d) => d.label === label);
      return spec.cells.find((c) => c.address === `B${i + 2}`);
    };
    const i = RULE_SETTINGS.findIndex((d) => d.label === "达标分");
    expect(spec.cells.filter((c) => new RegExp(`^[A-Z]${i + 2}$`).test(c.address))).toEqual([
      { address: `A${i + 2}`, value: "达标分", style: { bold: true, border: "thin" } },
      { address: `B${i + 2}`, value: 90, style: { border: "thin" } },
      { address: `C${i + 2}`, value: RULE_SETTINGS[i]?.help, style: { border: "thin", wrap: true } },
    ]);
    expect(value("每分扣款比例")?.value).toBe("0.5%");
    expect(value("扣款基数")?.value).toBe("本笔款项");
    expect(value("合同总额")?.value).toBe(689000.5);
    expect(value("总分封顶100")?.value).toBeNull();
    expect(value("部分扣分方式")?.value).toBe("按比例");
    expect(value("流动率20至30得分")?.value).toBe(10);
    expect(spec.cells).toHaveLength(3 + 3 * RULE_SETTINGS.length);
    expect(spec).toMatchObject({ merges: [], columnWidths: { A: 20, B: 24, C: 70 }, freezeRows: 1, tabColor: "#70AD47" });
  });

  it("a number with a trailing dot or a sign stays text", () => {
    const spec = buildRuleSettingsSheet({ 达标分: "90.", 合同总额: "-5", 每分扣款比例: "1.25" });
    const value = (label: string) => spec.cells.find((c) => c.address === `B${RULE_SETTINGS.findIndex((d) => d.label === label) + 2}`)?.value;
    expect(value("达标分")).toBe("90.");
    expect(value("合同总额")).toBe("-5");
    expect(value("每分扣款比例")).toBe(1.25);
  });
});

describe("planSettingsDraft", () => {
  it("refuses an invalid value with the engine's message at 规则设置", () => {
    const d = loadSettingsDraft(rulesBook(null));
    const r = planSettingsDraft(rulesBook(null), edit(d, { 达标分: "很多" }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ sheet: "规则设置", cell: null });
    expect(r.problems[0]?.message).toMatch(/^规则参数「达标分」的值「很多」无效：/);
  });

  it("no sheet: nothing for an unchanged draft; the whole sheet for a change, counting the changed values", () => {
    const wb = rulesBook(null);
    const d = loadSettingsDraft(wb);
    expect(planSettingsDraft(wb, d)).toEqual({ ok: true, plan: { cellWrites: [], sheets: [] }, changed: 0 });
    const r = planSettingsDraft(wb, edit(d, { 达标分: "90", 扣款基数: "本笔款项" }));
    expect(r).toEqual({ ok: true, plan: { cellWrites: [], sheets: [buildRuleSettingsSheet(edit(d, { 达标分: "90", 扣款基数: "本笔款项" }).values)] }, changed: 2 });
  });

  it("a sheet: a changed value in its row's value cell; a parameter without a row at the first empty row", () => {
    const wb = rulesBook([["规则设置"], [], ["说明", "参数", "值"], [null, "达标分", 95], [null, "扣款基础", "季度服务费"], [], [null, null, null]]);
    const d = loadSettingsDraft(wb);
    const r = planSettingsDraft(wb, edit(d, { 达标分: " 90 ", 扣款基数: "本笔款项", 总分封顶100: "是", 合同总额: d.values["合同总额"] ?? "" }));
    expect(r).toEqual({
      ok: true,
      plan: {
        cellWrites: [
          {
            sheet: "规则设置",
            writes: [
              { address: "C4", value: 90 },
              { address: "C5", value: "本笔款项" },
              { address: "B6", value: "总分封顶100" },
              { address: "C6", value: "是" },
            ],
          },
        ],
        sheets: [],
      },
      changed: 4,
    });
  });

  it("the sheet's name as the workbook spells it; blanking a value writes null", () => {
    const wb: WorkbookSnapshot = { sheets: [sheet(" 规则设置 ", [["参数", "值"], ["达标分", 90]])] };
    const d = loadSettingsDraft(wb);
    expect(d.values["达标分"]).toBe("90");
    const r = planSettingsDraft(wb, edit(d, { 达标分: "" }));
    expect(r).toEqual({ ok: true, plan: { cellWrites: [{ sheet: " 规则设置 ", writes: [{ address: "B2", value: null }] }], sheets: [] }, changed: 1 });
  });

  it("a sheet with no 参数 column: a new parameter is refused naming the column", () => {
    const wb = rulesBook([["值"], [95]]);
    const d = loadSettingsDraft(wb);
    const r = planSettingsDraft(wb, edit(d, { 达标分: "90" }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([{ message: "工作表「规则设置」没有「参数」列，无法保存该值", messageEn: 'sheet "规则设置" has no "参数" column: cannot save that value', sheet: "规则设置", cell: null }]);
  });
});

describe("applyPlanToSnapshot", () => {
  const base = (): WorkbookSnapshot => ({
    sheets: [
      { ...sheet("甲", [["a", 1], [null, { v: 2, f: "0.00" }]]), index: 0 },
      { ...sheet("乙", [["b"]]), index: 1, protected: true },
      { ...sheet("丙", [["c"]]), index: 2 },
    ],
  });

  it("writes values, keeps a cell's format unless the write gives one, removes a cell written blank, keeps formulas", () => {
    const plan: WritePlan = {
      cellWrites: [
        {
          sheet: "甲",
          writes: [
            { address: "B2", value: 3 },
            { address: "A1", value: null },
            { address: "C1", value: 45000, numberFormat: "yyyy-mm-dd" },
            { address: "D1", value: null, formula: "SUM(B1:B2)" },
          ],
        },
      ],
      sheets: [],
    };
    const out = applyPlanToSnapshot(base(), plan);
    expect(out.sheets[0]?.cells).toEqual([
      { row: 1, col: 2, value: 1, numberFormat: "General" },
      { row: 1, col: 3, value: 45000, numberFormat: "yyyy-mm-dd" },
      { row: 1, col: 4, value: null, numberFormat: "General", formula: "SUM(B1:B2)" },
      { row: 2, col: 2, value: 3, numberFormat: "0.00" },
    ]);
    expect(out.sheets[1]).toEqual({ ...base().sheets[1], protected: true });
  });

  it("refuses a write to a sheet the snapshot lacks, naming it", () => {
    expect(() => applyPlanToSnapshot(base(), { cellWrites: [{ sheet: "丁", writes: [] }], sheets: [] })).toThrow("工作表「丁」不存在 / no sheet \"丁\"");
  });

  it("replaces a sheet in place, adds a new one at the end (merges as ranges), deletes, protects and unprotects", () => {
    const plan: WritePlan = {
      cellWrites: [],
      sheets: [
        { name: "乙", cells: [{ address: "B3", value: "x" }], merges: ["C5:A4"] },
        { name: "戊", cells: [{ address: "A1", value: "y", numberFormat: "@" }], merges: ["B2"] },
      ],
      deleteSheets: ["甲"],
      protectSheets: [
        { sheet: "乙", protect: false },
        { sheet: "丙", protect: true },
      ],
    };
    const out = applyPlanToSnapshot(base(), plan);
    expect(out.sheets).toEqual([
      { name: "乙", index: 0, cells: [{ row: 3, col: 2, value: "x", numberFormat: "General" }], merges: [{ top: 4, left: 1, bottom: 5, right: 3 }] },
      { name: "丙", index: 1, cells: [{ row: 1, col: 1, value: "c", numberFormat: "General" }], merges: [], protected: true },
      { name: "戊", index: 2, cells: [{ row: 1, col: 1, value: "y", numberFormat: "@" }], merges: [{ top: 2, left: 2, bottom: 2, right: 2 }] },
    ]);
  });

  it("a replaced sheet that was protected stays protected unless the plan says otherwise; cells come sorted by row then column", () => {
    const out = applyPlanToSnapshot(base(), {
      cellWrites: [],
      sheets: [{ name: "乙", cells: [{ address: "B2", value: 2 }, { address: "A2", value: 1 }, { address: "C1", value: 0 }], merges: [] }],
    });
    expect(out.sheets[1]?.protected).toBeUndefined();
    expect(out.sheets[1]?.cells.map((c) => c.value)).toEqual([0, 1, 2]);
    expect(applyPlanToSnapshot(base(), { cellWrites: [], sheets: [] }).sheets.map((s) => s.protected)).toEqual([undefined, true, undefined]);
  });
});

describe("mergePlans", () => {
  it("one group per sheet in order of first appearance; sheets, deletions and protection (last word wins); nothing optional when empty", () => {
    const a: WritePlan = { cellWrites: [{ sheet: "甲", writes: [{ address: "A1", value: 1 }] }], sheets: [{ name: "新", cells: [], merges: [] }], protectSheets: [{ sheet: "甲", protect: true }] };
    const b: WritePlan = { cellWrites: [{ sheet: "乙", writes: [{ address: "B1", value: 2 }] }, { sheet: "甲", writes: [{ address: "A2", value: 3 }] }], sheets: [], deleteSheets: ["丙"], protectSheets: [{ sheet: "甲", protect: false }, { sheet: "乙", protect: true }] };
    expect(mergePlans(a, b)).toEqual({
      cellWrites: [
        { sheet: "甲", writes: [{ address: "A1", value: 1 }, { address: "A2", value: 3 }] },
        { sheet: "乙", writes: [{ address: "B1", value: 2 }] },
      ],
      sheets: [{ name: "新", cells: [], merges: [] }],
      deleteSheets: ["丙"],
      protectSheets: [
        { sheet: "甲", protect: false },
        { sheet: "乙", protect: true },
      ],
    });
    expect(a.cellWrites[0]?.writes).toHaveLength(1);
    expect(mergePlans({ cellWrites: [], sheets: [] })).toEqual({ cellWrites: [], sheets: [] });
  });
});
