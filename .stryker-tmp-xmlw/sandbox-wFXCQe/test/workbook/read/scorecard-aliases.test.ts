/**
 * The other spellings clerks use for a row's 考核指标 (SCORECARD_ITEMS' aliases, issue 17: an
 * import-time table tested by what it is for). Each spelling, written in a scorecard as the row's
 * only name (no 序号 beside it), is found as that row; the list is pinned here for review, so that
 * a spelling added or lost is a decision, not an accident. And the English names the pane shows.
 */
// @ts-nocheck

import { SCORECARD_ITEMS, SCORECARD_RULES_EN } from "../../../src/domain";
import type { WorkbookSnapshot } from "../../../src/workbook/model";
import { findScorecards } from "../../../src/workbook/read/find-scorecards";
import { type Cell, sheet } from "../../fixtures/sheet-rows";

/** Reviewed list: the spellings found in clerks' workbooks (and the contract's own 15s / 15秒). */
const ALIASES: Record<number, string[]> = {
  1: [],
  2: ["管理制度"],
  3: ["人员月流动率", "月流动率", "人员流动率"],
  4: [],
  5: ["培训与文化"],
  6: ["接通率"],
  7: ["来电15秒内接通率", "15s内接通率", "15秒内接通率", "15秒接通率"],
  8: ["服务满意率", "满意率"],
  9: ["质检准确率", "工单质检"],
  10: ["考试"],
  11: ["加分"],
  12: ["扣分"],
  13: ["有效投诉"],
  14: [],
};

const HEADER: Cell[] = ["序号", "考核项目", "考核指标", "满分", "评分细则", "X月完成情况", "单项得分"];

/** A scorecard whose rows are named `name(item)`, with no 序号. */
function rowsFound(name: (no: number) => string): number[] {
  const items = SCORECARD_ITEMS.map((i): Cell[] => [null, i.section, name(i.no), i.max, "细则", null, null]);
  const s = sheet("十月", [["12367 热线考核表"], ["考核月份", "2025年10月", null, "考核得分", null], HEADER, ...items], 0);
  const r = findScorecards({ sheets: [{ ...s, merges: [] }] } as WorkbookSnapshot);
  expect(r.problems).toEqual([]);
  return (r.scorecards[0]?.items ?? []).map((i) => i.row);
}

describe("a row's other names", () => {
  it("are the reviewed list", () => {
    expect(Object.fromEntries(SCORECARD_ITEMS.map((i) => [i.no, [...i.aliases]]))).toEqual(ALIASES);
  });

  const cases = Object.entries(ALIASES).flatMap(([no, names]) => names.map((alias) => [Number(no), alias] as const));
  it.each(cases)("item %i found when its row says only 「%s」", (no, alias) => {
    const indicator = (n: number) => (n === no ? alias : (SCORECARD_ITEMS[n - 1]?.indicator as string));
    expect(rowsFound(indicator)).toEqual(SCORECARD_ITEMS.map((i) => i.no + 3));
  });

  it("the contract's own names find every row", () => {
    expect(rowsFound((n) => SCORECARD_ITEMS[n - 1]?.indicator as string)).toEqual(SCORECARD_ITEMS.map((i) => i.no + 3));
  });
});

describe("the English the pane shows beside the contract's words", () => {
  it("names every row and translates every rule, each its own", () => {
    const names = SCORECARD_ITEMS.map((i) => i.indicatorEn);
    expect(new Set(names).size).toBe(14);
    expect(names.every((n) => /^[A-Z][\x20-\x7e]+$/.test(n))).toBe(true);
    const rules = SCORECARD_ITEMS.map((i) => SCORECARD_RULES_EN[i.no] ?? "");
    expect(new Set(rules).size).toBe(14);
    expect(rules.every((r) => r.length > 40 && !/[\u4e00-\u9fff]/.test(r))).toBe(true);
    // The rules' numbers are the contract's: each English rule carries the points its row's rule does.
    for (const i of SCORECARD_ITEMS) {
      const points = [...i.rule.matchAll(/(\d+(?:\.\d+)?)\s*分/g)].map((m) => m[1]);
      for (const p of points) expect([i.no, (SCORECARD_RULES_EN[i.no] ?? "").includes(p as string)]).toEqual([i.no, true]);
    }
  });
});
