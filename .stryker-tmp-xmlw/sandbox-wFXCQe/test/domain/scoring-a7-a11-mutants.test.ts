/**
 * SPEC §5 A7–A9 and A11 in scoring.ts, as the clerk reads them: the exact zh-CN words of each
 * refusal and warning, the field each names, the 完成情况 lines of rows 11 and 12, the boundaries
 * of 约定调整 (序号 1 and 10, the floor and 满分 themselves), and the reminders for reports outside
 * the term. Written from Stryker's survivors over the A7–A11 code of src/domain/scoring.ts.
 */
// @ts-nocheck

import {
  checkAgreedScores,
  defaultRules,
  fixed2,
  itemBounds,
  normalizeMatterId,
  reportsOutsideTerm,
  scoreMonth,
  scoreMonths,
  type AgreedScore,
  type MonthScore,
  type Outcome,
  type Problem,
  type ScoreEvent,
} from "../../src/domain";
import { event, itemOf, ok, perfectMonth, rules } from "./builders";

const errorsOf = (o: Outcome<MonthScore>) => {
  if (o.ok) return [];
  expect(o.errors.map((e) => e.severity)).toEqual(o.errors.map(() => "error"));
  return o.errors.map((e) => [e.field, e.code, e.message]);
};
const warningsOf = (o: { warnings: Problem[] }, code: string) => {
  const list = o.warnings.filter((w) => w.code === code);
  expect(list.map((w) => w.severity)).toEqual(list.map(() => "warning"));
  return list.map((w) => [w.field, w.message]);
};
const englishOf = (o: { warnings: Problem[]; errors?: Problem[] } | Outcome<MonthScore>, code: string) => [...o.warnings, ...("errors" in o && o.errors ? o.errors : [])].filter((p) => p.code === code).map((p) => p.messageEn);

const OCT = perfectMonth("2025-10");
const month = (events: ScoreEvent[], r = defaultRules()) => scoreMonth(OCT, events, [], r);

// ------------------------------------------------------------------------------------ A7 / A8 / A9

describe("normalizeMatterId", () => {
  it.each([
    [" BY-101 ", "by-101"],
    ["ＢＹ－１０１", "by-101"],
    ["BY\u3000101", "by101"],
    ["BY\u00a0101", "by101"],
    ["BY\u200b101", "by101"],
    ["\ufeffBY 1 0 1\t\n", "by101"],
    ["", ""],
  ])("%j → %j", (raw, id) => {
    expect(normalizeMatterId(raw)).toBe(id);
  });
  it("a missing id is no id", () => {
    expect(normalizeMatterId(undefined as unknown as string)).toBe("");
    expect(normalizeMatterId(null as unknown as string)).toBe("");
  });
});

describe("row 11: a bonus scored 0, in the contract's words, at the field it lacks", () => {
  it.each<[string, Partial<ScoreEvent>, string, string, string]>([
    ["no evidence", { evidence: false }, "events[0].evidence", "加分事项 BY-9「来电致谢」无佐证材料，按合同「佐证材料不充分、不完整，或经核查不属实的不加分」，计 0 分", "事项 BY-9「来电致谢」（群众）无佐证材料，不加分"],
    ["not verified", { verified: false }, "events[0].verified", "加分事项 BY-9「来电致谢」未经查属实，按合同「佐证材料不充分、不完整，或经核查不属实的不加分」，计 0 分", "事项 BY-9「来电致谢」（群众）未经查属实，不加分"],
    ["not reported (群众)", { reported: false }, "events[0].reported", "加分事项 BY-9「来电致谢」非乙方报送，按合同加分须「由乙方主动进行报送」，计 0 分", "事项 BY-9「来电致谢」（群众）非乙方报送，不加分"],
    ["not reported (市级及以上, A9 default)", { reported: false, level: "市级及以上" }, "events[0].reported", "加分事项 BY-9「来电致谢」非乙方报送，按合同加分须「由乙方主动进行报送」（A9：市级及以上表扬同样要求），计 0 分", "事项 BY-9「来电致谢」（市级及以上）非乙方报送，不加分"],
    [
      "lacking all three: each named, both clauses",
      { evidence: false, verified: false, reported: false },
      "events[0].evidence",
      "加分事项 BY-9「来电致谢」无佐证材料、未经查属实、非乙方报送，按合同「佐证材料不充分、不完整，或经核查不属实的不加分」及加分须「由乙方主动进行报送」，计 0 分",
      "事项 BY-9「来电致谢」（群众）无佐证材料、未经查属实、非乙方报送，不加分",
    ],
    ["evidence given as something other than true", { evidence: "有" as unknown as boolean }, "events[0].evidence", "加分事项 BY-9「来电致谢」无佐证材料，按合同「佐证材料不充分、不完整，或经核查不属实的不加分」，计 0 分", "事项 BY-9「来电致谢」（群众）无佐证材料，不加分"],
  ])("%s", (_n, over, field, message, summary) => {
    const o = month([event({ matterId: "BY-9", description: "来电致谢", ...over })]);
    expect(warningsOf(o, "bonus-kept-at-zero")).toEqual([[field, message]]);
    const row11 = itemOf(ok(o), 11);
    expect(fixed2(row11.score)).toBe("0.00");
    expect(row11.summary).toBe(summary);
    expect(row11.inputs).toEqual({ 计分加分事件: "0" });
  });

  it("an event without id or description is named by its row", () => {
    const o = month([event({}), event({ evidence: false })]);
    expect(warningsOf(o, "bonus-kept-at-zero")).toEqual([["events[1].evidence", "加分事项 第2条无佐证材料，按合同「佐证材料不充分、不完整，或经核查不属实的不加分」，计 0 分"]]);
    expect(o.warnings.find((w) => w.code === "bonus-kept-at-zero")?.messageEn).toBe("bonus #2 scored 0: no evidence");
  });

  it("the English line says why, and about reporting when that is lacking", () => {
    const o = month([event({ matterId: "B-1", reported: false, verified: false })]);
    expect(o.warnings.find((w) => w.code === "bonus-kept-at-zero")?.messageEn).toBe("bonus B-1 scored 0: not verified, not reported by the operator (the contract: a bonus must be reported by the operator, 由乙方主动进行报送)");
  });

  it("A9 crowdOnly: a 市级及以上 praise not reported counts, said on its line; a 群众 one does not", () => {
    const r = rules({ options: { bonusReportRequired: "crowdOnly" } });
    const o = month([event({ matterId: "C-1", description: "省厅表扬", level: "市级及以上", reported: false }), event({ matterId: "C-2", reported: false })], r);
    const row11 = itemOf(ok(o), 11);
    expect(fixed2(row11.score)).toBe("10.00");
    expect(row11.summary).toBe("事项 C-2（群众）非乙方报送，不加分；事项 C-1「省厅表扬」（市级及以上）+10（非乙方报送；A9：仅群众表扬需乙方报送）");
    expect(warningsOf(o, "bonus-kept-at-zero").map((w) => w[0])).toEqual(["events[1].reported"]);
  });

  it("A9 crowdOnly: a 市级及以上 praise that was reported has no waiver note", () => {
    const r = rules({ options: { bonusReportRequired: "crowdOnly" } });
    const s = ok(month([event({ matterId: "C-1", level: "市级及以上" })], r));
    expect(itemOf(s, 11).summary).toBe("事项 C-1（市级及以上）+10");
  });

  it("A9 crowdOnly still requires evidence and verification of a 市级及以上 praise", () => {
    const r = rules({ options: { bonusReportRequired: "crowdOnly" } });
    const o = month([event({ matterId: "C-1", level: "市级及以上", reported: false, evidence: false })], r);
    expect(warningsOf(o, "bonus-kept-at-zero")).toEqual([["events[0].evidence", "加分事项 C-1无佐证材料，按合同「佐证材料不充分、不完整，或经核查不属实的不加分」，计 0 分"]]);
  });

  it("a bonus level it does not know is an error naming the levels", () => {
    const o = month([event({ level: "街道" })]);
    expect(errorsOf(o)).toEqual([["events[0].level", "bad-level", "加分事件的级别「街道」应为 群众 / 市级及以上"]]);
    expect(englishOf(o, "bad-level")).toEqual(['bonus level "街道" must be one of 群众, 市级及以上']);
  });

  it("a level by alias or with its words in brackets", () => {
    const s = ok(month([event({ matterId: "A", level: " 群众 表扬 " }), event({ matterId: "B", level: "省级（表扬信）" })]));
    expect(fixed2(itemOf(s, 11).score)).toBe("11.00");
  });
});

describe("row 11 and row 12 lines: one matter once (A7 within a month), A8", () => {
  it("two bonuses of one matter at one level: the first is kept, the second said to be a repeat", () => {
    const s = ok(month([event({ matterId: "BY-7", description: "第一次" }), event({ matterId: "by-7", description: "第二次" })]));
    const row11 = itemOf(s, 11);
    expect(fixed2(row11.score)).toBe("1.00");
    expect(row11.summary).toBe("事项 by-7 重复（群众），同一事项只计一次；事项 BY-7「第一次」（群众）+1");
    expect(row11.inputs).toEqual({ 计分加分事件: "1" });
    expect(row11.explanation).toContain("事项 by-7 重复（群众），同一事项只计一次；事项 BY-7「第一次」（群众）+1，合计 +1.00");
    expect(row11.explanationEn.endsWith("): 1 bonus event(s) counted → +1.00")).toBe(true);
  });

  it("the higher level of one matter is kept, whichever comes first", () => {
    for (const order of [0, 1]) {
      const pair = [event({ matterId: "M", level: "群众" }), event({ matterId: "M", level: "市级及以上" })];
      const s = ok(month(order === 0 ? pair : [...pair].reverse()));
      expect(fixed2(itemOf(s, 11).score)).toBe("10.00");
    }
  });

  it("bonuses without an id are each a matter of their own", () => {
    const s = ok(month([event({ description: "甲" }), event({ description: "乙" })]));
    expect(fixed2(itemOf(s, 11).score)).toBe("2.00");
    expect(itemOf(s, 11).summary).toBe("事项「甲」（群众）+1；事项「乙」（群众）+1");
  });

  it("no events: the lines say so", () => {
    const s = ok(month([]));
    expect([itemOf(s, 11).summary, itemOf(s, 12).summary]).toEqual(["无加分事件", "无扣分事件"]);
    expect(itemOf(s, 12).explanation).toContain("无扣分事件，合计 −0.00（扣分层级：市级及以下 −10，省级 −20，国家级/部级 −50）");
  });

  const P = (over: Partial<ScoreEvent>) => event({ type: "penalty", level: "市级及以下", ...over });

  it("A8 default: one matter at two levels deducts once at the higher, the lower said to be a repeat", () => {
    const s = ok(month([P({ matterId: "P-1", description: "报道" }), P({ matterId: "p-1", level: "省级", description: "通报" })]));
    const row12 = itemOf(s, 12);
    expect(fixed2(row12.score)).toBe("-20.00");
    expect(row12.summary).toBe("事项 P-1 重复（市级及以下），同一事项只计一次；事项 p-1「通报」（省级）−20");
    expect(row12.explanation).toContain("合计 −20.00（扣分层级：市级及以下 −10，省级 −20，国家级/部级 −50）");
    expect(row12.inputs).toEqual({ 计分扣分事件: "1" });
    expect(row12.explanationEn).toContain("1 penalty event(s) counted → −20.00");
  });

  it("A8 option: every report deducts; the second report of a matter is said to be one, blank ids never", () => {
    const r = rules({ options: { penaltyMatterOnce: false } });
    const s = ok(month([P({ matterId: "P-1" }), P({ matterId: " p-1", level: "省级" }), P({ description: "无编号一" }), P({ description: "无编号二" })], r));
    const row12 = itemOf(s, 12);
    expect(fixed2(row12.score)).toBe("-50.00");
    expect(row12.summary).toBe("事项 P-1（市级及以下）−10；事项  p-1（省级）−20（同一事项再次通报，A8：每次都扣）；事项「无编号一」（市级及以下）−10；事项「无编号二」（市级及以下）−10");
    expect(row12.inputs).toEqual({ 计分扣分事件: "4" });
  });

  it("a penalty not verified is not deducted, said at its 经查属实", () => {
    const o = month([P({ matterId: "P-3", description: "投诉", verified: false })]);
    expect(warningsOf(o, "penalty-not-verified")).toEqual([["events[0].verified", "扣分事项 P-3「投诉」未标「经查属实」，不扣分"]]);
    expect(itemOf(ok(o), 12).summary).toBe("事项 P-3「投诉」（省级）未经查属实，不扣分".replace("省级", "市级及以下"));
    expect(o.warnings.find((w) => w.code === "penalty-not-verified")?.messageEn).toBe("penalty P-3 is not verified: not deducted");
  });

  it("a penalty level it does not know names the ladder in force", () => {
    const o = month([P({ level: "乡级" })]);
    expect(errorsOf(o)).toEqual([["events[0].level", "bad-level", "扣分事件的级别「乡级」应为 市级及以下 / 省级 / 国家级（扣分层级：市级及以下 −10，省级 −20，国家级/部级 −50）"]]);
    expect(englishOf(o, "bad-level")).toEqual(['penalty level "乡级" must be one of 市级及以下, 省级, 国家级']);
    const alt = rules({ options: { penaltyLadder: "alternative" } });
    expect(errorsOf(month([P({ level: "乡级" })], alt))[0]?.[2]).toBe("扣分事件的级别「乡级」应为 市级以下 / 市级 / 省级及以上（扣分层级：市级以下 −10，市级 −20，省级及以上 −50）");
  });

  it("an event type other than 加分/扣分 is an error at its 类型", () => {
    const o = month([event({ type: "奖励" as ScoreEvent["type"] })]);
    expect(errorsOf(o)).toEqual([["events[0].type", "bad-event-type", "事件类型「奖励」应为 加分/扣分"]]);
    expect(englishOf(o, "bad-event-type")).toEqual(['event type "奖励" must be bonus/penalty']);
  });

  it("an error in one event refuses the month even when others are fine", () => {
    const o = month([event({ matterId: "A" }), event({ level: "街道" })]);
    expect(o.ok).toBe(false);
  });
});

describe("A7 over the term: the earlier month, as the clerk reads it", () => {
  const MAR = perfectMonth("2025-03");
  const MAY = perfectMonth("2025-05");

  it("the warning and the line name the month it was scored in", () => {
    const events = [event({ month: "2025-03", matterId: "BY-1" }), event({ month: "2025-05", matterId: "by-1", description: "再次致谢" })];
    const may = scoreMonths([MAR, MAY], events, [], defaultRules())[1]!;
    expect(warningsOf(may, "matter-scored-earlier")).toEqual([["events[1].matterId", "加分事项 by-1「再次致谢」已在2025年3月计分：合同「同一事项只计一次分」（A7：整个合同期内只计一次），本月计 0 分"]]);
    expect(may.warnings.find((w) => w.code === "matter-scored-earlier")?.messageEn).toBe('bonus by-1 was already scored in 2025-03: "one matter counts once" (A7: over the whole term), 0 this month');
    expect(itemOf(ok(may), 11).summary).toBe("事项 by-1「再次致谢」（群众）已在2025年3月计分，同一事项只计一次，不加分");
    expect(itemOf(ok(may), 11).inputs).toEqual({ 计分加分事件: "0" });
  });

  it("the month it was first scored in counts it (not 'already scored' in its own month)", () => {
    const events = [event({ month: "2025-03", matterId: "BY-1" }), event({ month: "2025-05", matterId: "BY-1" })];
    expect(fixed2(itemOf(ok(scoreMonth(MAR, events, [], defaultRules())), 11).score)).toBe("1.00");
  });

  it("an earlier bonus of unknown level, not verified or not reported does not count as scored", () => {
    for (const over of [{ level: "街道" }, { verified: false }, { reported: false }]) {
      const events = [event({ month: "2025-03", matterId: "BY-1", ...over }), event({ month: "2025-05", matterId: "BY-1" })];
      expect(fixed2(itemOf(ok(scoreMonth(MAY, events, [], defaultRules())), 11).score)).toBe("1.00");
    }
  });

  it("under A9 crowdOnly an earlier unreported 市级及以上 praise did count, so a later one does not", () => {
    const r = rules({ options: { bonusReportRequired: "crowdOnly" } });
    const events = [event({ month: "2025-03", matterId: "BY-1", level: "市级及以上", reported: false }), event({ month: "2025-05", matterId: "BY-1", level: "市级及以上" })];
    expect(fixed2(itemOf(ok(scoreMonth(MAY, events, [], r)), 11).score)).toBe("0.00");
  });

  it("an earlier penalty of the same id does not stop a bonus", () => {
    // 省级 is a penalty level and also a spelling of the bonus level 市级及以上: still a penalty.
    const events = [event({ month: "2025-03", matterId: "BY-1", type: "penalty", level: "省级" }), event({ month: "2025-05", matterId: "BY-1" })];
    expect(fixed2(itemOf(ok(scoreMonth(MAY, events, [], defaultRules())), 11).score)).toBe("1.00");
  });

  it("bonuses without an id are never 'already scored'", () => {
    const events = [event({ month: "2025-03" }), event({ month: "2025-05" })];
    expect(fixed2(itemOf(ok(scoreMonth(MAY, events, [], defaultRules())), 11).score)).toBe("1.00");
  });

  it("the earliest of three months is the one named", () => {
    const events = [event({ month: "2025-04", matterId: "X" }), event({ month: "2025-03", matterId: "X" }), event({ month: "2025-05", matterId: "X" })];
    const may = scoreMonth(MAY, events, [], defaultRules());
    expect(warningsOf(may, "matter-scored-earlier")[0]?.[1]).toContain("已在2025年3月计分");
  });
});

// ------------------------------------------------------------------------------------ A11

const NO_RATINGS = perfectMonth("2025-10", { verySatisfied: 0, satisfied: 0, neutral: 0, dissatisfied: 0, veryDissatisfied: 0 });
const REASON = "双方会议纪要";
const row = (over: Partial<AgreedScore> = {}): AgreedScore => ({ month: "2025-10", item: 8, score: 8, reason: REASON, ...over });
const check = (rows: AgreedScore[]) => checkAgreedScores("2025-10", rows, defaultRules());

describe("checkAgreedScores: each refusal in the clerk's words", () => {
  it.each<[string, Partial<AgreedScore>, string, string, string]>([
    ["序号 blank", { item: null }, "agreedScores[0].item", "missing", "2025年10月约定调整的「序号」未填写（应为 1–10）"],
    ["序号 11", { item: 11 }, "agreedScores[0].item", "bad-agreed-item", "2025年10月约定调整的「序号」应为 1–10 的整数（附件二第1–10项；加分、扣分、投诉、弄虚作假按事件计分，不能约定），实为「11」"],
    ["序号 0", { item: 0 }, "agreedScores[0].item", "bad-agreed-item", "2025年10月约定调整的「序号」应为 1–10 的整数（附件二第1–10项；加分、扣分、投诉、弄虚作假按事件计分，不能约定），实为「0」"],
    ["序号 8.5", { item: 8.5 }, "agreedScores[0].item", "bad-agreed-item", "2025年10月约定调整的「序号」应为 1–10 的整数（附件二第1–10项；加分、扣分、投诉、弄虚作假按事件计分，不能约定），实为「8.5」"],
    ["score blank", { score: null }, "agreedScores[0].score", "missing", "2025年10月第8项「团队服务满意率」的「约定得分」未填写"],
    ["score of spaces", { score: "  " }, "agreedScores[0].score", "missing", "2025年10月第8项「团队服务满意率」的「约定得分」未填写"],
    ["score in words", { score: "八" }, "agreedScores[0].score", "not-number", "「约定得分」应为数字，实为「八」"],
    ["score Infinity", { score: "Infinity" }, "agreedScores[0].score", "not-number", "「约定得分」应为数字，实为「Infinity」"],
    ["score with 3 decimals", { score: "8.125" }, "agreedScores[0].score", "agreed-decimals", "「约定得分」8.125 最多两位小数"],
    ["score above 满分", { score: "10.01" }, "agreedScores[0].score", "agreed-out-of-range", "2025年10月第8项「团队服务满意率」的约定得分 10.01 应在 0–10 分之间（本项下限至满分）"],
    ["score below 0", { score: -0.5 }, "agreedScores[0].score", "agreed-out-of-range", "2025年10月第8项「团队服务满意率」的约定得分 -0.5 应在 0–10 分之间（本项下限至满分）"],
    ["row 9 below its floor", { item: 9, score: "4.99" }, "agreedScores[0].score", "agreed-out-of-range", "2025年10月第9项「工单质检准确率」的约定得分 4.99 应在 5–10 分之间（本项下限至满分）"],
    ["依据 blank", { reason: " " }, "agreedScores[0].reason", "agreed-without-reason", "2025年10月第8项的约定得分缺少「依据」：请写明双方为何约定该得分（如会议纪要、往来函件）"],
  ])("%s", (_n, over, field, code, message) => {
    const r = check([row(over)]);
    expect(r.errors.map((e) => [e.field, e.code, e.message, e.month, e.severity])).toEqual([[field, code, message, "2025-10", "error"]]);
    expect(r.byItem.size).toBe(0);
  });

  it("the English words of each refusal", () => {
    const en = (over: Partial<AgreedScore>) => check([row(over)]).errors.map((e) => e.messageEn);
    expect(en({ item: null })).toEqual(["2025-10: the agreed score has no item number (1–10)"]);
    expect(en({ item: 11 })).toEqual(['2025-10: the agreed item number must be a whole number 1–10, got "11"']);
    expect(en({ score: null })).toEqual(["2025-10: item 8 has no agreed score"]);
    expect(en({ score: "八" })).toEqual(['the agreed score must be a number, got "八"']);
    expect(en({ score: "8.125" })).toEqual(["the agreed score 8.125 has more than 2 decimals"]);
    expect(en({ score: 11 })).toEqual(["2025-10: the agreed score 11 of item 8 must lie between 0 and 10 (the item's floor and full marks)"]);
    expect(en({ reason: "" })).toEqual(["2025-10: the agreed score of item 8 has no reason (依据): say why both parties agreed it"]);
    expect(check([row(), row()]).errors.map((e) => e.messageEn)).toEqual(["2025-10: item 8 is agreed twice (see also entry 1)"]);
  });

  it("two decimals are accepted", () => {
    expect(check([row({ score: "7.25" })]).byItem.get(8)?.score.toString()).toBe("7.25");
  });

  it("序号 1 and 10 and the floor and 满分 themselves are accepted", () => {
    const r = check([row({ item: 1, score: 0 }), row({ item: 10, score: 10 }), row({ item: 9, score: 5 }), row({ item: 8, score: "10.00" })]);
    expect(r.errors).toEqual([]);
    expect([...r.byItem.entries()].map(([no, e]) => [no, e.score.toString(), e.index])).toEqual([
      [1, "0", 0],
      [10, "10", 1],
      [9, "5", 2],
      [8, "10", 3],
    ]);
    expect([...r.claimed].sort((a, b) => a - b)).toEqual([1, 8, 9, 10]);
  });

  it("an item twice: the second refused, pointing at the first; the first kept", () => {
    const r = check([row({ month: "2025-09" }), row(), row({ score: 9 })]);
    expect(r.errors.map((e) => [e.field, e.code, e.message])).toEqual([["agreedScores[2].item", "duplicate-agreed", "2025年10月第8项在「约定调整」中出现两次（另见第 2 条）"]]);
    expect(r.byItem.get(8)?.score.toString()).toBe("8");
    expect(r.byItem.get(8)?.index).toBe(1);
  });

  it("a bad score and a blank 依据 in one row are both reported; a bad row still claims its item", () => {
    const r = check([row({ score: 11, reason: "" })]);
    expect(r.errors.map((e) => e.code)).toEqual(["agreed-out-of-range", "agreed-without-reason"]);
    expect(r.byItem.size).toBe(0);
    expect([...r.claimed]).toEqual([8]);
  });

  it("one bad row does not drop the good rows of the month", () => {
    const r = check([row({ item: 3, score: 20 }), row({ item: 8, reason: "  纪要  " })]);
    expect(r.byItem.has(3)).toBe(false);
    expect(r.byItem.get(8)?.reason).toBe("纪要");
  });

  it("rows of other months are not looked at (not even their errors)", () => {
    const r = check([row({ month: "2025-09", item: 99 })]);
    expect(r).toEqual({ byItem: new Map(), claimed: new Set(), errors: [] });
  });

  it("itemBounds: row 9's floor is A2's, every other row's 0; 满分 from 附件二", () => {
    expect([itemBounds(9, defaultRules()).floor.toString(), itemBounds(9, defaultRules()).max.toString()]).toEqual(["5", "10"]);
    expect([itemBounds(6, defaultRules()).floor.toString(), itemBounds(6, defaultRules()).max.toString()]).toEqual(["0", "15"]);
    expect(itemBounds(9, rules({ options: { ticketQualityFloor: "0" } })).floor.toString()).toBe("0");
  });
});

describe("A11 through scoreMonth: what the sheet, 计算说明 and the warnings say", () => {
  it("a bad row for the unscorable item: its own error, not 'add a row'", () => {
    const o = scoreMonth(NO_RATINGS, [], [], defaultRules(), [row({ score: 12 })]);
    expect(errorsOf(o).map((e) => e[1])).toEqual(["agreed-out-of-range"]);
  });

  it("a row for another item does not excuse the unscorable one", () => {
    const o = scoreMonth(NO_RATINGS, [], [], defaultRules(), [row({ item: 7, score: 5 })]);
    expect(errorsOf(o).map((e) => [e[0], e[1]])).toEqual([["verySatisfied", "no-valid-ratings"]]);
  });

  it("an agreed unscorable item: its line, its explanation, its inputs", () => {
    const o = scoreMonth(NO_RATINGS, [], [], defaultRules(), [row({ score: "7.5" })]);
    const it8 = itemOf(ok(o), 8);
    expect(fixed2(it8.score)).toBe("7.50");
    expect(it8.summary).toBe(`有效评价数为 0，无法计算满意率；约定得分 7.5（依据：${REASON}）`);
    expect(it8.explanation.endsWith(`有效评价数为 0，无法计算满意率，合同对此没有给分办法（A11）；甲乙双方在「约定调整」中约定本月本项得 7.5 分（依据：${REASON}），得 7.50 分`)).toBe(true);
    expect(it8.explanationEn.endsWith(`: agreed score 7.5 (约定调整: ${REASON})`)).toBe(true);
    expect(it8.inputs).toMatchObject({ 约定得分: "7.5", 依据: REASON });
    // The inputs the contract could not score from are kept beside the agreed score.
    expect(Object.keys(it8.inputs).length).toBeGreaterThan(2);
    expect(it8.floor?.toString()).toBe("0");
    expect(it8.agreed).toEqual({ reason: REASON, computed: null, index: 0 });
    expect(warningsOf(o, "agreed-score")).toEqual([["agreedScores[0].score", `2025年10月第8项「团队服务满意率」按双方约定计 7.5 分（依据：${REASON}）`]]);
    expect(o.warnings.find((w) => w.code === "agreed-score")?.messageEn).toBe("2025-10: item 8 is scored 7.5 as both parties agreed (约定调整)");
    expect(o.warnings.some((w) => w.code === "agreed-score-overrides")).toBe(false);
  });

  it("two unscorable items agreed: each line says its own reason", () => {
    const both = { ...NO_RATINGS, ticketsSampled: 0, ticketsPassed: 0 };
    const refused = scoreMonth(both, [], [], defaultRules());
    expect(errorsOf(refused).map((e) => [e[0], e[1]]).sort()).toEqual([
      ["ticketsSampled", "zero-sampled"],
      ["verySatisfied", "no-valid-ratings"],
    ]);
    expect(englishOf(refused, "zero-sampled")[0]).toContain("item 9 (");
    expect(englishOf(refused, "zero-sampled")[0]).toContain("cannot be scored under the contract this month. If both parties agree a score, add a row to 约定调整: 考核月份 2025-10 | 序号 9 | 约定得分 (the score) | 依据 (why), then score again");
    const s = ok(scoreMonth(both, [], [], defaultRules(), [row({ item: 9, score: 6 }), row({ item: 8, score: 7 })]));
    expect(itemOf(s, 8).summary).toBe(`有效评价数为 0，无法计算满意率；约定得分 7（依据：${REASON}）`);
    expect(itemOf(s, 9).summary.startsWith("「抽检工单数」为 0，无法计算质检准确率")).toBe(true);
    expect(itemOf(s, 9).summary.endsWith(`；约定得分 6（依据：${REASON}）`)).toBe(true);
  });

  it("an agreed item the contract can score: both scores said, the agreed one used", () => {
    const o = scoreMonth(OCT, [], [], defaultRules(), [row({ item: 6, score: 12, reason: "排名有误" })]);
    const it6 = itemOf(ok(o), 6);
    expect(fixed2(it6.score)).toBe("12.00");
    expect(it6.summary.endsWith("；约定得分 12（依据：排名有误）")).toBe(true);
    expect(it6.explanation).toContain("，按合同计为 15.00 分；甲乙双方在「约定调整」中约定本月本项得 12 分（依据：排名有误），以双方约定为准，得 12.00 分");
    expect(it6.explanationEn.endsWith(": agreed score 12 (约定调整: 排名有误); the contract gives 15.00")).toBe(true);
    expect(englishOf(o, "agreed-score-overrides")).toEqual(["2025-10: item 6 can be scored under the contract (15.00), but 约定调整 agrees 12: the agreed score is used (both parties signed it); check it still holds"]);
    expect(it6.inputs).toMatchObject({ 约定得分: "12", 依据: "排名有误" });
    expect(Object.keys(it6.inputs).length).toBeGreaterThan(2);
    expect(warningsOf(o, "agreed-score-overrides")).toEqual([["agreedScores[0].score", "2025年10月第6项「来电接通率」按合同可以计分（15.00 分），但「约定调整」约定为 12 分（依据：排名有误）：按双方签字的约定计，请确认该约定仍然有效"]]);
    expect(o.warnings.some((w) => w.code === "agreed-score")).toBe(false);
    // The items stay in 序号 order, the agreed one in its place.
    expect(ok(o).items.map((i) => i.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
  });

  it("row 9 agreed: its floor is kept on the item (A2's)", () => {
    const o = scoreMonth(perfectMonth("2025-10", { ticketsSampled: 0, ticketsPassed: 0 }), [], [], defaultRules(), [row({ item: 9, score: 6 })]);
    expect(itemOf(ok(o), 9).floor?.toString()).toBe("5");
  });
});

// ------------------------------------------------------------------------------------ reports outside the term

describe("reportsOutsideTerm", () => {
  const submitted = (kind: string, period: string, date: string | null) => ({ kind, period, submitted: date, extensionApproved: false });

  it("a row recorded but not submitted yet says so; unreadable rows are skipped; one period listed once", () => {
    const list = reportsOutsideTerm([submitted("周报", "2025-11", null), submitted("月报", "2025-13", null), submitted("月报", "2025-11", null), submitted("月报", "2025-11", "2025-12-01")], defaultRules(), false);
    expect(list.map((w) => [w.severity, w.code, w.field, w.message])).toEqual([
      ["warning", "report-outside-term", "reports[2].period", "提醒：月报(2025-11) 应于 2025-12-10 提交，晚于末个考核月份（2025年11月），不在任何月度考核表的第4项「数据分析」计分；已登记，尚未提交，请提醒按时提交"],
    ]);
  });

  it("rows due inside the term are not listed", () => {
    expect(reportsOutsideTerm([submitted("月报", "2025-10", "2025-11-10"), submitted("月报", "2024-11", "2024-12-09")], defaultRules(), false)).toEqual([]);
  });

  it("listed by due date: a row before the term first", () => {
    const list = reportsOutsideTerm([submitted("月报", "2025-11", null), submitted("月报", "2024-10", "2024-11-08")], defaultRules(), false);
    expect(list.map((w) => w.field)).toEqual(["reports[1].period", "reports[0].period"]);
    expect(list[0]?.message).toBe("提醒：月报(2024-10) 应于 2024-11-11 提交，早于首个考核月份（2024年12月），不在任何月度考核表的第4项「数据分析」计分；已登记，2024-11-08 提交");
  });

  it("the English lines", () => {
    const list = reportsOutsideTerm([submitted("月报", "2025-11", "2025-12-08"), submitted("月报", "2024-10", null)], defaultRules(), true);
    expect(list.map((w) => w.messageEn.slice(0, w.messageEn.indexOf(":")))).toEqual([
      "reminder",
      "reminder",
      "reminder",
      "reminder",
    ]);
    const en = list.map((w) => w.messageEn);
    expect(en[0]).toContain("月报 2024-10 is due 2024-11-11, before the first scored month (2024-12)");
    expect(en[0]).toContain("recorded, not submitted yet");
    expect(en[1]).toContain("月报 2025-11 is due 2025-12-10, after the last scored month (2025-11)");
    expect(en[1]).toContain("submitted 2025-12-08");
    expect(en[2]).toContain("not recorded in 报告提交 yet");
  });

  it("a report the contract expects due in the last scored month itself is scored there, not listed", () => {
    // A term ending 2025-12: 年报(2025) is due 2025-12-31, inside it; 月报(2025-12) and 季报(2025Q4) fall after it.
    const r = rules({ contract: { lastMonth: "2025-12", termEnd: "2025-12-31" } });
    const list = reportsOutsideTerm([], r, true);
    expect(list.map((w) => w.message.slice(0, w.message.indexOf(" 应于")))).toEqual(["提醒：月报(2025-12)", "提醒：季报(2025Q4)"]);
  });
});
