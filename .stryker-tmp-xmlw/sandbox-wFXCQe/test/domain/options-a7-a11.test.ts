/**
 * SPEC §5 A7–A11 and the notes after them, each option both ways, beside the SPEC's words:
 * A7 (one matter once — over what span), A8 (a penalty matter reported at several levels), A9
 * ("由乙方主动进行报送"), A10 (its 规则设置 row; the clock itself is settlement's), A11 (an item the
 * contract cannot score; 约定调整), row 2 / row 4, A2 in words true under the rates in force, and
 * reports due after the last scored month.
 */
// @ts-nocheck

import {
  defaultRules,
  expectedReports,
  fixed2,
  normalizeMatterId,
  Problem,
  ReportSubmission,
  rulesFromSettings,
  scoreMonth,
  scoreMonths,
  scoreSeason,
  ticketCapHelp,
  type AgreedScore,
  type MonthIndicators,
  type Outcome,
  type MonthScore,
  type RuleSet,
} from "../../src/domain";
import { fingerprintMonth, fingerprintPayload } from "../../src/domain/fingerprint";
import { RULE_SETTINGS } from "../../src/domain/rule-settings";
import { EXAMPLE_2025_10 } from "../../src/domain/example";
import { event, itemOf, ok, perfectMonth, rules } from "./builders";

const scoreText = (s: MonthScore, no: number) => fixed2(itemOf(s, no).score);
const warning = (o: Outcome<MonthScore> | { warnings: Problem[] }, code: string) => o.warnings.find((w) => w.code === code);

// Months without report rows would warn "report-not-recorded"; harmless here (no deduction).
const MARCH = perfectMonth("2025-03");
const MAY = perfectMonth("2025-05");

describe("A7 「同一事项只计一次分」, no span given — Default: the whole term; Option: within one month", () => {
  const earlier = event({ month: "2025-03", matterId: "BY-101", description: "来电致谢" });
  const cases: { name: string; later: Parameters<typeof event>[0]; span: "term" | "month"; may11: string; warned: boolean }[] = [
    { name: "term: the same id in May scores 0, naming March", later: { month: "2025-05", matterId: "BY-101" }, span: "term", may11: "0.00", warned: true },
    { name: "term: spelled with spaces, full width and lower case it is the same matter", later: { month: "2025-05", matterId: " ｂｙ－１０１ " }, span: "term", may11: "0.00", warned: true },
    { name: "term: a higher level later does not count again", later: { month: "2025-05", matterId: "BY-101", level: "市级及以上" }, span: "term", may11: "0.00", warned: true },
    { name: "term: another matter counts", later: { month: "2025-05", matterId: "BY-102" }, span: "term", may11: "1.00", warned: false },
    { name: "month: the same id in May counts again (once within a month)", later: { month: "2025-05", matterId: "BY-101" }, span: "month", may11: "1.00", warned: false },
  ];
  it.each(cases)("$name", ({ later, span, may11, warned }) => {
    const r = rules({ options: { matterOnceSpan: span } });
    const events = [earlier, event(later)];
    const [march, may] = scoreMonths([MARCH, MAY], events, [], r);
    expect(scoreText(ok(march!), 11)).toBe("1.00");
    expect(scoreText(ok(may!), 11)).toBe(may11);
    const w = warning(may!, "matter-scored-earlier");
    expect(w !== undefined).toBe(warned);
    if (w) {
      expect(w.message).toContain("2025年3月");
      expect(w.message).toContain("同一事项只计一次分");
      expect(w.field).toBe("events[1].matterId");
      expect(itemOf(ok(may!), 11).summary).toContain("已在2025年3月计分");
    }
    // Scoring May alone gives what the season gives (the earlier month is read from the events).
    expect(scoreText(ok(scoreMonth(MAY, events, [], r)), 11)).toBe(may11);
  });

  it("an earlier report that did not count (no evidence) does not stop a later one", () => {
    const events = [event({ month: "2025-03", matterId: "BY-101", evidence: false }), event({ month: "2025-05", matterId: "BY-101" })];
    const [march, may] = scoreMonths([MARCH, MAY], events, [], defaultRules());
    expect(scoreText(ok(march!), 11)).toBe("0.00");
    expect(scoreText(ok(may!), 11)).toBe("1.00");
  });

  it("the earlier month is the earlier 考核月份, not the earlier row", () => {
    const events = [event({ month: "2025-05", matterId: "BY-101" }), event({ month: "2025-03", matterId: "BY-101" })];
    const [may, march] = scoreMonths([MAY, MARCH], events, [], defaultRules());
    expect(scoreText(ok(march!), 11)).toBe("1.00");
    expect(scoreText(ok(may!), 11)).toBe("0.00");
  });

  it("within a month, both options keep the highest level once, ids compared after normalization", () => {
    for (const span of ["term", "month"] as const) {
      const s = ok(scoreMonth(MAY, [event({ month: "2025-05", matterId: "BY-7" }), event({ month: "2025-05", matterId: "by 7".replace(" ", "-"), level: "市级及以上" })], [], rules({ options: { matterOnceSpan: span } })));
      expect(scoreText(s, 11)).toBe("10.00");
    }
    expect(normalizeMatterId(" ＢＹ－１０１　")).toBe("by-101");
  });
});

describe("A8 one penalty matter reported at several levels (row 12: 「每次扣」) — Default: once, at the highest level; Option: every report counts", () => {
  const reports = [
    event({ type: "penalty", level: "市级及以下", matterId: "P-1", description: "媒体报道" }),
    event({ type: "penalty", level: "省级", matterId: "p-1 ", description: "省厅通报" }),
    event({ type: "penalty", level: "市级及以下", matterId: "P-2" }),
  ];
  it.each([
    { once: true, row12: "-30.00", lines: 2 },
    { once: false, row12: "-40.00", lines: 3 },
  ])("penaltyMatterOnce=$once → row 12 $row12", ({ once, row12 }) => {
    const s = ok(scoreMonth(perfectMonth(), reports, [], rules({ options: { penaltyMatterOnce: once } })));
    expect(scoreText(s, 12)).toBe(row12);
    if (once) expect(itemOf(s, 12).summary).toContain("同一事项只计一次");
    else expect(itemOf(s, 12).summary).toContain("A8：每次都扣");
  });
});

describe("A9 「由乙方主动进行报送」 — Default: required for every bonus; Option: for the 群众 +1 only", () => {
  const cases = [
    { name: "市级及以上 not reported, all", level: "市级及以上", required: "all", row11: "0.00" },
    { name: "市级及以上 not reported, crowdOnly", level: "市级及以上", required: "crowdOnly", row11: "10.00" },
    { name: "群众 not reported, all", level: "群众", required: "all", row11: "0.00" },
    { name: "群众 not reported, crowdOnly", level: "群众", required: "crowdOnly", row11: "0.00" },
  ] as const;
  it.each(cases)("$name → $row11", ({ level, required, row11 }) => {
    const o = scoreMonth(perfectMonth(), [event({ level, matterId: "BY-9", reported: false })], [], rules({ options: { bonusReportRequired: required } }));
    expect(scoreText(ok(o), 11)).toBe(row11);
    const w = warning(o, "bonus-kept-at-zero");
    if (row11 === "0.00") {
      // Said in the contract's words about reporting, not with the evidence clause.
      expect(w?.message).toContain("由乙方主动进行报送");
      expect(w?.message).not.toContain("佐证材料不充分");
      expect(w?.field).toBe("events[0].reported");
    } else {
      expect(w).toBeUndefined();
      expect(itemOf(ok(o), 11).summary).toContain("A9：仅群众表扬需乙方报送");
    }
  });
  it("a bonus without evidence is refused with the evidence clause only", () => {
    const o = scoreMonth(perfectMonth(), [event({ level: "市级及以上", evidence: false })], [], defaultRules());
    expect(warning(o, "bonus-kept-at-zero")?.message).toContain("佐证材料不充分、不完整，或经核查不属实的不加分");
    expect(warning(o, "bonus-kept-at-zero")?.message).not.toContain("由乙方主动进行报送");
  });
});

describe("规则设置 rows for A7–A10: the clerk's words, both ways", () => {
  const cases: { label: string; value: string; path: [keyof RuleSet["options"], unknown] }[] = [
    { label: "同一事项计分范围", value: "整个合同期", path: ["matterOnceSpan", "term"] },
    { label: "同一事项计分范围", value: "同一月内", path: ["matterOnceSpan", "month"] },
    { label: "扣分事项多级通报", value: "只扣一次", path: ["penaltyMatterOnce", true] },
    { label: "扣分事项多级通报", value: "每次都扣", path: ["penaltyMatterOnce", false] },
    { label: "乙方报送要求", value: "全部加分", path: ["bonusReportRequired", "all"] },
    { label: "乙方报送要求", value: "仅群众表扬", path: ["bonusReportRequired", "crowdOnly"] },
    { label: "付款期限起算", value: "不早于最早开票日期", path: ["paymentClockFromEarliest", true] },
    { label: "付款期限起算", value: "自发票日期", path: ["paymentClockFromEarliest", false] },
    { label: "同一事项只计一次分", value: " 同月 ", path: ["matterOnceSpan", "month"] },
  ];
  it.each(cases)("$label = $value", ({ label, value, path: [key, want] }) => {
    const r = rulesFromSettings([{ label, value }]);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.value.options[key]).toBe(want);
  });
  it("each default restates the contract default (a fresh template reads back as the defaults)", () => {
    const rows = RULE_SETTINGS.filter((d) => d.choices).map((d) => ({ label: d.label, value: d.defaultText(defaultRules()) }));
    expect(rows.map((r) => r.label)).toEqual(["同一事项计分范围", "扣分事项多级通报", "乙方报送要求", "付款期限起算"]);
    const r = rulesFromSettings(rows);
    expect(r.ok && r.value).toEqual(defaultRules());
    // Each row's choices are words it reads.
    for (const d of RULE_SETTINGS.filter((x) => x.choices)) for (const c of d.choices ?? []) expect(rulesFromSettings([{ label: d.label, value: c }]).ok).toBe(true);
  });
  it("help quotes the contract's words", () => {
    const help = (label: string) => RULE_SETTINGS.find((d) => d.label === label)?.help ?? "";
    expect(help("同一事项计分范围")).toContain("同一事项只计一次分");
    expect(help("乙方报送要求")).toContain("由乙方主动进行报送");
    expect(help("付款期限起算")).toContain("收到发票后的10个工作日内支付");
  });
  it("refuses other words, naming the row", () => {
    const r = rulesFromSettings([{ label: "乙方报送要求", value: "部分" }]);
    expect(!r.ok && r.errors.map((e) => [e.field, e.code])).toEqual([["ruleSettings[0]", "bad-setting"]]);
  });
});

// ------------------------------------------------------------------------------------ A11

const NO_RATINGS = perfectMonth("2025-10", { verySatisfied: 0, satisfied: 0, neutral: 0, dissatisfied: 0, veryDissatisfied: 0 });
const agreedRow = (over: Partial<AgreedScore> = {}): AgreedScore => ({ month: "2025-10", item: 8, score: 8, reason: "2025-11-03 双方会议纪要：系统故障，本月无评价数据", ...over });

describe("A11 an item the contract cannot score: an error naming the cell that says how to go on; 约定调整 sets it", () => {
  it.each([
    { name: "no valid ratings", ind: NO_RATINGS, items: [8], field: "verySatisfied", code: "no-valid-ratings" },
    { name: "no tickets sampled", ind: perfectMonth("2025-10", { ticketsSampled: 0, ticketsPassed: 0 }), items: [9], field: "ticketsSampled", code: "zero-sampled" },
    { name: "no team", ind: perfectMonth("2025-10", { headcount: 0, examSat: 0 }), items: [3, 10], field: "headcount", code: "zero-team" },
  ])("$name: refused for items $items, each message naming 约定调整", ({ ind, items, field, code }) => {
    const o = scoreMonth(ind, [], [], defaultRules());
    expect(o.ok).toBe(false);
    const errors = o.ok ? [] : o.errors.filter((e) => e.code === code);
    expect(errors.map((e) => e.field)).toEqual(items.map(() => field));
    items.forEach((no, i) => {
      expect(errors[i]?.message).toContain("「约定调整」");
      expect(errors[i]?.message).toContain(`考核月份 2025-10 | 序号 ${no} | 约定得分 | 依据`);
    });
    // With a row per item both parties agreed, the month scores.
    const agreed = items.map((no) => agreedRow({ item: no, score: no === 9 ? "7.5" : 6 }));
    const s = ok(scoreMonth(ind, [], [], defaultRules(), agreed));
    for (const no of items) {
      const it = itemOf(s, no);
      expect(fixed2(it.score)).toBe(no === 9 ? "7.50" : "6.00");
      expect(it.agreed).toEqual({ reason: agreedRow().reason, computed: null, index: items.indexOf(no) });
      expect(it.summary).toContain(`约定得分 ${no === 9 ? "7.5" : "6"}（依据：${agreedRow().reason}）`);
      expect(it.explanation).toContain("约定调整");
      expect(it.bound).toBeNull();
    }
  });

  it("the agreed score counts in the total, and is listed as a warning for the payment sheet", () => {
    const o = scoreMonth(NO_RATINGS, [], [], defaultRules(), [agreedRow()]);
    const s = ok(o);
    expect(fixed2(s.total)).toBe("98.00"); // 100 − 10 + 8
    expect(warning(o, "agreed-score")?.message).toBe(`2025年10月第8项「团队服务满意率」按双方约定计 8 分（依据：${agreedRow().reason}）`);
    expect(warning(o, "agreed-score")?.field).toBe("agreedScores[0].score");
  });

  it("an agreed score for an item that can be scored is used (both parties signed it) but warned about", () => {
    const o = scoreMonth(perfectMonth(), [], [], defaultRules(), [agreedRow({ item: 6, score: 12, reason: "排名数据有误，双方确认" })]);
    const it = itemOf(ok(o), 6);
    expect(fixed2(it.score)).toBe("12.00");
    expect(it.agreed?.computed && fixed2(it.agreed.computed)).toBe("15.00");
    const w = warning(o, "agreed-score-overrides");
    expect(w?.message).toContain("按合同可以计分（15.00 分）");
    expect(w?.field).toBe("agreedScores[0].score");
  });

  it("rows of other months are left alone", () => {
    const s = ok(scoreMonth(perfectMonth(), [], [], defaultRules(), [agreedRow({ month: "2025-09", item: 6, score: 1 })]));
    expect(scoreText(s, 6)).toBe("15.00");
  });

  it.each([
    { name: "序号 outside 1–10 (附加项 cannot be agreed)", rows: [agreedRow({ item: 11 })], field: "agreedScores[0].item", code: "bad-agreed-item" },
    { name: "序号 blank", rows: [agreedRow({ item: null })], field: "agreedScores[0].item", code: "missing" },
    { name: "score above 满分", rows: [agreedRow({ score: 12 })], field: "agreedScores[0].score", code: "agreed-out-of-range" },
    { name: "score below 0", rows: [agreedRow({ score: -1 })], field: "agreedScores[0].score", code: "agreed-out-of-range" },
    { name: "row 9 below its floor (A2: 5)", rows: [agreedRow({ item: 9, score: 4 })], field: "agreedScores[0].score", code: "agreed-out-of-range" },
    { name: "more than 2 decimals", rows: [agreedRow({ score: "8.125" })], field: "agreedScores[0].score", code: "agreed-decimals" },
    { name: "score not a number", rows: [agreedRow({ score: "八" })], field: "agreedScores[0].score", code: "not-number" },
    { name: "score blank", rows: [agreedRow({ score: null })], field: "agreedScores[0].score", code: "missing" },
    { name: "依据 blank", rows: [agreedRow({ reason: "  " })], field: "agreedScores[0].reason", code: "agreed-without-reason" },
    { name: "one item agreed twice", rows: [agreedRow(), agreedRow({ score: 9 })], field: "agreedScores[1].item", code: "duplicate-agreed" },
  ])("refuses $name", ({ rows, field, code }) => {
    const o = scoreMonth(NO_RATINGS, [], [], defaultRules(), rows);
    expect(o.ok).toBe(false);
    if (o.ok) return;
    expect(o.errors.map((e) => [e.field, e.code])).toContainEqual([field, code]);
    expect(o.errors.every((e) => e.month === "2025-10")).toBe(true);
  });

  it("row 9's floor follows A2: with 质检扣分上限 10 an agreed 4 is accepted", () => {
    const r = rules({ options: { ticketQualityFloor: "0" } });
    const s = ok(scoreMonth(perfectMonth("2025-10", { ticketsSampled: 0, ticketsPassed: 0 }), [], [], r, [agreedRow({ item: 9, score: 4 })]));
    expect(scoreText(s, 9)).toBe("4.00");
  });

  it("the season checks rows of months without data and says they are not used", () => {
    const season = scoreSeason({ indicators: [perfectMonth()], events: [], reports: [], payments: [], agreedScores: [agreedRow({ month: "2025-08", item: 3, score: 5 }), agreedRow({ month: "2025-07", score: 20 })] }, defaultRules());
    expect(season.warnings.filter((w) => w.code === "agreed-without-month").map((w) => w.field)).toEqual(["agreedScores[0].month", "agreedScores[1].month"]);
    expect(season.errors.map((e) => [e.field, e.code])).toEqual([["agreedScores[1].score", "agreed-out-of-range"]]);
  });

  it("is part of the fingerprint of a frozen month; a month without agreed scores keeps its old fingerprint", async () => {
    const s = ok(scoreMonth(perfectMonth(), [], [], defaultRules()));
    const base = { indicators: perfectMonth(), events: [], reports: [], score: s };
    const old = await fingerprintMonth(base);
    expect(await fingerprintMonth({ ...base, agreedScores: [] })).toBe(old);
    expect(await fingerprintMonth({ ...base, agreedScores: [agreedRow({ month: "2025-09" })] })).toBe(old);
    expect(Object.keys(fingerprintPayload(base) as object)).not.toContain("agreed");
    const withRow = await fingerprintMonth({ ...base, agreedScores: [agreedRow({ item: 6, score: 15 })] });
    expect(withRow).not.toBe(old);
    expect(await fingerprintMonth({ ...base, agreedScores: [agreedRow({ item: 6, score: 15, reason: "另一理由" })] })).not.toBe(withRow);
  });
});

describe("Row 2 and row 4 overlap — Default: scored independently as written; a month where row 4 deducts for lateness while 运营报告按时完整 is 是 gets a warning", () => {
  const late: ReportSubmission[] = [
    { kind: "月报", period: "2025-09", submitted: "2025-10-13", extensionApproved: false },
    { kind: "季报", period: "2025Q3", submitted: "2025-10-14", extensionApproved: false },
  ];
  const onTime: ReportSubmission[] = [{ ...late[0]!, submitted: "2025-10-09" }, late[1]!];
  it.each([
    { name: "late, 是 → warned", reports: late, reportsOnTime: true, row2: "10.00", row4: "3.00", warned: true },
    { name: "late, 否 → both deduct, no warning", reports: late, reportsOnTime: false, row2: "5.00", row4: "3.00", warned: false },
    { name: "on time, 是 → nothing", reports: onTime, reportsOnTime: true, row2: "10.00", row4: "5.00", warned: false },
    { name: "late with an extension approved, 是 → nothing", reports: [{ ...late[0]!, extensionApproved: true }, late[1]!], reportsOnTime: true, row2: "10.00", row4: "5.00", warned: false },
  ])("$name", ({ reports, reportsOnTime, row2, row4, warned }) => {
    const o = scoreMonth(perfectMonth("2025-10", { reportsOnTime }), [], reports, defaultRules());
    expect(scoreText(ok(o), 2)).toBe(row2);
    expect(scoreText(ok(o), 4)).toBe(row4);
    const w = warning(o, "row2-row4-late");
    expect(w !== undefined).toBe(warned);
    if (w) {
      expect(w.field).toBe("reportsOnTime");
      expect(w.message).toContain("扣 2.00 分");
      expect(w.message).toContain("「运营报告按时完整」填「是」");
    }
  });
  it("the SPEC §7 month (月报 2 working days late, 运营报告按时完整 是) is flagged, its score unchanged", () => {
    const o = scoreMonth(EXAMPLE_2025_10.indicators, EXAMPLE_2025_10.events, EXAMPLE_2025_10.reports, defaultRules());
    expect(fixed2(ok(o).total)).toBe("93.25");
    expect(warning(o, "row2-row4-late")).toBeDefined();
  });
});

describe("A2 in practice: what the product says about A2 must be true under the rates in force", () => {
  const lowestAtZero = (r: RuleSet) => scoreText(ok(scoreMonth(perfectMonth("2025-10", { ticketsPassed: 0 }), [], [], r)), 9);
  it.each([
    { name: "the contract's 0.5 per 10 %", over: {}, most: "4.5", lowest: "5.5", bites: false, engine: "5.50" },
    { name: "an amendment: 1 per 10 %", over: { scoring: { ticketPointsPerStep: "1" } }, most: "9", lowest: "1", bites: true, engine: "5.00" },
    { name: "0.5 per 5 %", over: { scoring: { ticketStep: "5" } }, most: "9", lowest: "1", bites: true, engine: "5.00" },
    { name: "1 per 10 %, 质检扣分上限 10", over: { scoring: { ticketPointsPerStep: "1" }, options: { ticketQualityFloor: "0" } }, most: "9", lowest: "1", bites: false, engine: "1.00" },
  ])("$name", ({ over, most, lowest, bites, engine }) => {
    const r = rules(over);
    const zh = ticketCapHelp(r);
    expect(zh).toContain(`准确率为 0 时最多扣 ${most} 分（最低 ${lowest} 分）`);
    expect(zh.includes("本上限起作用")).toBe(bites);
    expect(zh).not.toContain("可扣至 0 分");
    expect(ticketCapHelp(r, "en")).toContain(`loses at most ${most} (lowest ${lowest})`);
    // And the engine agrees: an accuracy of 0 scores what the text says.
    expect(lowestAtZero(r)).toBe(engine);
  });
  it("the 质检扣分上限 row's help is the text under the contract's rates", () => {
    const def = RULE_SETTINGS.find((d) => d.label === "质检扣分上限");
    expect(def?.help).toBe(ticketCapHelp(defaultRules()));
    expect(def?.help).toContain("所以本上限在现行标准下不起作用（填 10 也不会低于 5.5 分）");
    expect(def?.helpFor?.(rules({ scoring: { ticketPointsPerStep: "1" } }))).toContain("本上限起作用：最多扣 5 分（最低 5 分）");
  });
});

describe("Reports due after the last scored month: listed as reminders, never silently dropped", () => {
  const TERM_END = perfectMonth("2025-11");
  const reminders = (indicators: MonthIndicators[], reports: ReportSubmission[], r: RuleSet = defaultRules()) =>
    scoreSeason({ indicators, events: [], reports, payments: [] }, r).warnings.filter((w) => w.code === "report-outside-term");

  it("once the last month is scored: the 月报 of the last month, the 年报 and the last quarter's 季报", () => {
    const list = reminders([TERM_END], []);
    expect(list.map((w) => w.message)).toEqual([
      "提醒：月报(2025-11) 应于 2025-12-10 提交，晚于末个考核月份（2025年11月），不在任何月度考核表的第4项「数据分析」计分；尚未在「报告提交」登记，请提醒按时提交",
      "提醒：年报(2025) 应于 2025-12-31 提交，晚于末个考核月份（2025年11月），不在任何月度考核表的第4项「数据分析」计分；尚未在「报告提交」登记，请提醒按时提交",
      "提醒：季报(2025Q4) 应于 2026-01-15 提交，晚于末个考核月份（2025年11月），不在任何月度考核表的第4项「数据分析」计分；尚未在「报告提交」登记，请提醒按时提交",
    ]);
    expect(list.every((w) => w.field === "reports")).toBe(true);
  });

  it("a recorded row due after the term is listed whenever it is there, with its submission", () => {
    const list = reminders([perfectMonth("2025-06")], [{ kind: "月报", period: "2025-11", submitted: "2025-12-08", extensionApproved: false }]);
    expect(list).toHaveLength(1);
    expect(list[0]?.field).toBe("reports[0].period");
    expect(list[0]?.message).toContain("已登记，2025-12-08 提交");
  });

  it("before the last month is scored, only recorded rows are listed (no reminders a year early)", () => {
    expect(reminders([perfectMonth("2025-06")], [])).toEqual([]);
  });

  it("follow rules.contract.firstMonth/lastMonth: a renewal term 2026-12 … 2027-11", () => {
    const renewal = rules({ contract: { firstMonth: "2026-12", lastMonth: "2027-11", termStart: "2026-12-04", termEnd: "2027-12-03" } });
    // Inside the renewal's term the missing-report reminders are there (they stopped at 2025-11 before).
    expect(expectedReports("2026-12", renewal).map((p) => `${p.kind}(${p.key})`)).toEqual(["年报(2026)"]);
    expect(expectedReports("2026-12", defaultRules())).toEqual([]);
    const list = reminders([perfectMonth("2027-11")], [], renewal);
    // 2027 and 2028 are beyond the library's calendar: shown unshifted, and said so.
    expect(list.map((w) => w.message.slice(0, w.message.indexOf("，晚于")))).toEqual([
      "提醒：月报(2027-11) 应于 2027-12-10（该年节假日安排未知，未顺延）提交",
      "提醒：年报(2027) 应于 2027-12-31（该年节假日安排未知，未顺延）提交",
      "提醒：季报(2027Q4) 应于 2028-01-15（该年节假日安排未知，未顺延）提交",
    ]);
    expect(list.every((w) => w.message.includes("晚于末个考核月份（2027年11月）"))).toBe(true);
  });

  it("the same period recorded and expected is listed once", () => {
    const list = reminders([TERM_END], [{ kind: "年报", period: "2025", submitted: null, extensionApproved: false }]);
    expect(list.filter((w) => w.message.includes("年报(2025)")).map((w) => w.field)).toEqual(["reports[0].period"]);
    expect(list).toHaveLength(3);
  });

  it("a recorded row due before the first scored month is listed too", () => {
    const list = reminders([perfectMonth("2025-01")], [{ kind: "月报", period: "2024-10", submitted: "2024-11-08", extensionApproved: false }]);
    expect(list[0]?.message).toContain("早于首个考核月份（2024年12月）");
  });
});
