/**
 * The spellings a 加减分事件's 级别 may take (rules.ts PENALTY_LADDERS and BONUS_LEVELS, issue 17:
 * import-time tables tested by what they are for): each spelling of each level, in an event, is
 * scored at that level's points — the contract's (row 11: 群众 +1, 市级及以上 +10; row 12 as SPEC's
 * A4 reads it: 市级及以下 −10, 省级 −20, 国家级 −50; or the alternative ladder −10 / −20 / −50).
 * The spellings are pinned here for review.
 */
// @ts-nocheck

import { BONUS_LEVELS, PENALTY_LADDERS, STEP_MODE_LABELS, DEDUCTION_BASE_LABELS, STEP_MODES } from "../../src/domain";
import { event, itemOf, ok, perfectMonth, rules } from "./builders";
import { scoreMonth } from "../../src/domain";

const BONUS: [string, number][] = [
  ["群众", 1], ["群众表扬", 1], ["个人", 1],
  ["市级及以上", 10], ["市级以上", 10], ["市级", 10], ["省级", 10], ["国家级", 10], ["部级", 10], ["领导", 10], ["媒体", 10],
];
const DEFAULT_LADDER: [string, number][] = [
  ["市级及以下", 10], ["市级以下", 10], ["市级", 10], ["区县级", 10], ["县级", 10],
  ["省级", 20], ["省级单位", 20],
  ["国家级", 50], ["部级", 50], ["国家级/部级", 50], ["国家级及部级", 50], ["中央级", 50],
];
const ALTERNATIVE_LADDER: [string, number][] = [
  ["市级以下", 10], ["区县级", 10], ["县级", 10],
  ["市级", 20],
  ["省级及以上", 50], ["省级", 50], ["部级", 50], ["国家级", 50], ["省级以上", 50],
];

function points(no: 11 | 12, level: string, ladder: "default" | "alternative" = "default"): string {
  const r = rules({ options: { penaltyLadder: ladder } });
  const ev = event({ type: no === 11 ? "bonus" : "penalty", level, matterId: `M-${level}` });
  return itemOf(ok(scoreMonth(perfectMonth(), [ev], [], r)), no).score.toString();
}

describe("a level's spellings", () => {
  it("are the reviewed lists", () => {
    const spellings = (levels: readonly { label: string; aliases: readonly string[]; points: number }[]) => levels.flatMap((l) => [l.label, ...l.aliases].map((s) => [s, l.points]));
    expect(spellings(BONUS_LEVELS)).toEqual(BONUS);
    expect(spellings(PENALTY_LADDERS.default.levels)).toEqual(DEFAULT_LADDER);
    expect(spellings(PENALTY_LADDERS.alternative.levels)).toEqual(ALTERNATIVE_LADDER);
    expect(PENALTY_LADDERS.default.label).toBe("市级及以下 −10，省级 −20，国家级/部级 −50");
    expect(PENALTY_LADDERS.alternative.label).toBe("市级以下 −10，市级 −20，省级及以上 −50");
  });

  it.each(BONUS)("a bonus at 「%s」 is +%i", (level, p) => {
    expect(points(11, level)).toBe(String(p));
  });
  it.each(DEFAULT_LADDER)("a penalty at 「%s」 is −%i (the default ladder)", (level, p) => {
    expect(points(12, level)).toBe(String(-p));
  });
  it.each(ALTERNATIVE_LADDER)("a penalty at 「%s」 is −%i (the alternative ladder)", (level, p) => {
    expect(points(12, level, "alternative")).toBe(String(-p));
  });

  it("the words of the 规则设置 options, as the sheet shows them", () => {
    expect(STEP_MODES).toEqual(["proportional", "floor", "ceil"]);
    expect(STEP_MODE_LABELS).toEqual({ proportional: "按比例", floor: "整步", ceil: "起步" });
    expect(DEDUCTION_BASE_LABELS).toEqual({ quarterlyFee: "季度服务费", instalment: "本笔款项", periodFee: "本期服务费" });
  });
});
