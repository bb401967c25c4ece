/**
 * The engine's speed-ups give the results of the plain code they replace (fast-check, seeded):
 * fixed2 and decimalNumber by integer arithmetic, the season's report and event index (scoreMonths
 * and scoreMonth against a second implementation of rows 4, 11 and 12 written in this file from the
 * contract text, and against a scan of every report row), and the memos
 * (expectedReports, shiftToWorkingDay, capitalAmount, findRuleSetting).
 */
// @ts-nocheck

import fc from "fast-check";
import nzhcn from "nzh/cn";
import {
  capitalAmount,
  dec,
  Dec,
  decimalNumber,
  defaultRules,
  emptyIndicators,
  expectedReports,
  fixed2,
  INDICATOR_FIELDS,
  LIBRARY_CALENDAR,
  loadRules,
  monthRange,
  parseReportKind,
  parseReportPeriod,
  ReportSubmission,
  reportScoredMonth,
  round2,
  RULE_SETTINGS,
  scoreMonth,
  scoreMonths,
  UnknownDateError,
} from "../../src/domain";
import { findRuleSetting } from "../../src/domain/rule-settings";
import { perfectMonth } from "./builders";

const SEED = 7_2026;
const RUNS = 300;

/** fixed2 as it was written before: round half-up to 2 places, then print (never "-0.00"). */
function fixed2Reference(value: Dec): string {
  const s = round2(value).toFixed(2);
  return s === "-0.00" ? "0.00" : s;
}

/** Decimals of every size: integers and fractions scaled by 10^k, and long digit strings with any exponent. */
const decimalArb: fc.Arbitrary<Dec> = fc.oneof(
  fc.tuple(fc.integer({ min: -2_000_000, max: 2_000_000 }), fc.integer({ min: 0, max: 9 })).map(([n, k]) => dec(n).div(10 ** k)),
  fc.tuple(fc.integer({ min: -2_000_000, max: 2_000_000 }), fc.integer({ min: 1, max: 997 })).map(([n, d]) => dec(n).div(d)),
  fc
    .tuple(fc.boolean(), fc.stringMatching(/^[1-9][0-9]{0,44}$/), fc.integer({ min: -40, max: 30 }))
    .map(([negative, digits, exponent]) => dec(`${negative ? "-" : ""}${digits}e${exponent}`)),
);

const EDGES = ["0", "-0", "0.005", "-0.005", "0.0049999999999", "0.995", "-0.995", "1e-7", "-1e-8", "999999999999.995", "999999999999.994", "1e12", "-1e12", "1e20", "Infinity", "-Infinity", "NaN"];

describe("fixed2 and decimalNumber by integer arithmetic", () => {
  it("fixed2 prints what round2(value).toFixed(2) printed", () => {
    for (const text of EDGES) expect(fixed2(dec(text))).toBe(fixed2Reference(dec(text)));
    fc.assert(
      fc.property(decimalArb, (value) => fixed2(value) === fixed2Reference(value)),
      { seed: SEED, numRuns: 3000 },
    );
  });

  it("decimalNumber is value.toNumber(), but never −0 (a cell cannot hold it: it reads back as 0)", () => {
    const number = (v: ReturnType<typeof dec>) => v.toNumber() || 0;
    for (const text of EDGES) expect(Object.is(decimalNumber(dec(text)), number(dec(text)))).toBe(true);
    expect(Object.is(decimalNumber(dec("-0")), 0)).toBe(true);
    expect(Object.is(decimalNumber(dec("-0.000001").toDecimalPlaces(2)), 0)).toBe(true);
    fc.assert(
      fc.property(decimalArb, (value) => Object.is(decimalNumber(value), number(value)) && Object.is(decimalNumber(round2(value)), number(round2(value)))),
      { seed: SEED, numRuns: 3000 },
    );
  });
});

/** A result as text, decimals with their sign and digits (so −0 and 0 differ), for deep comparison. */
function shown(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
    const raw = this[key];
    return raw instanceof Dec ? `Dec(${raw.toString()},${raw.s},${raw.e})` : v;
  });
}

const MONTHS = monthRange("2024-10", "2026-03");
const PERIODS: Record<string, readonly string[]> = {
  月报: [...monthRange("2024-09", "2026-02"), "2025年3月", "2025-13", "x"],
  季报: ["2024Q3", "2024Q4", "2025Q1", "2025年第二季度", "2025Q3", "2025q4", "2025Q5"],
  年报: ["2024", "2025", "2025年", "2030", "20x5"],
};

const reportArb: fc.Arbitrary<ReportSubmission> = fc
  .record({
    kind: fc.constantFrom("月报", "季报", "年报", "月 报", "季度", "周报", ""),
    pick: fc.nat(),
    submitted: fc.option(fc.constantFrom("2024-11-05", "2025-01-20", "2025-03-10", "2025-04-01", "2025-06-30", "2025-10-16", "2025-12-20", "2026-02-10", "2031-01-01"), { nil: null }),
    extensionApproved: fc.option(fc.boolean(), { nil: null }),
  })
  .map(({ kind, pick, submitted, extensionApproved }) => {
    const periods = PERIODS[parseReportKind(kind) ?? "月报"] ?? [];
    return { kind, period: periods[pick % periods.length] ?? "", submitted, extensionApproved };
  });

/** One key per report period however it is spelled (two rows of one period are a duplicate error). */
function periodOf(r: ReportSubmission): string {
  const kind = parseReportKind(String(r.kind));
  const period = kind ? parseReportPeriod(kind, String(r.period)) : null;
  return period ? `${period.kind}:${period.key}` : `unreadable:${String(r.kind)}|${String(r.period)}`;
}

describe("scoreMonths files the season's reports and events by month once", () => {
  it("scores rows 4, 11 and 12 of every month as a second implementation written from the contract text does (scoreMonths and scoreMonth alike)", () => {
    // The contract's rules, written again here without src/domain's code (the working-day calendar
    // is the library's data, tested in calendar.test.ts): 月报 due the 10th of the next month, 季报
    // the 15th after its quarter, 年报 12-31, each moved to the next working day; −1 per working day
    // late (an unsubmitted report is late through the month's end), 5 扣完为止. Bonus: 群众 +1,
    // 市级及以上 +10, only with evidence, verified and reported; penalty: 市级及以下 10, 省级 20,
    // 国家级 50, only verified; one matter once per month at its highest level, and (A7) a bonus
    // matter already counted in an earlier month scores 0.
    const cal = LIBRARY_CALENDAR;
    const lastDayOf = (m: string) => new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)), 0)).toISOString().slice(0, 10);
    const nextMonth = (m: string) => (m.slice(5, 7) === "12" ? `${Number(m.slice(0, 4)) + 1}-01` : `${m.slice(0, 4)}-${String(Number(m.slice(5, 7)) + 1).padStart(2, "0")}`);
    type Row = { kind: "月报" | "季报" | "年报"; key: string; start: string; end: string };
    const ROWS: Row[] = [
      ...monthRange("2024-09", "2026-01").map((m) => ({ kind: "月报" as const, key: m, start: `${m}-01`, end: lastDayOf(m) })),
      ...["2024Q3", "2024Q4", "2025Q1", "2025Q2", "2025Q3", "2025Q4"].map((q) => {
        const first = `${q.slice(0, 4)}-${String((Number(q.slice(5)) - 1) * 3 + 1).padStart(2, "0")}`;
        return { kind: "季报" as const, key: q, start: `${first}-01`, end: lastDayOf(nextMonth(nextMonth(first))) };
      }),
      ...["2024", "2025"].map((y) => ({ kind: "年报" as const, key: y, start: `${y}-01-01`, end: `${y}-12-31` })),
    ];
    const dueOf = (r: Row) => cal.shiftToWorkingDay(r.kind === "月报" ? `${nextMonth(r.key)}-10` : r.kind === "季报" ? `${nextMonth(r.end.slice(0, 7))}-15` : `${r.key}-12-31`);
    const BONUS: Record<string, number> = { 群众: 1, 市级及以上: 10, 省级: 10, 国家级: 10 };
    const PENALTY: Record<string, number> = { 市级及以下: 10, 省级: 20, 国家级: 50 };
    const days = ["2024-11-05", "2025-01-20", "2025-03-10", "2025-04-01", "2025-06-30", "2025-10-16", "2025-12-20", "2026-02-10"];
    const reportsArb = fc.uniqueArray(
      fc.record({ row: fc.constantFrom(...ROWS), submitted: fc.option(fc.constantFrom(...days), { nil: null }), extensionApproved: fc.option(fc.boolean(), { nil: null }) }),
      { maxLength: 12, selector: (x) => `${x.row.kind}:${x.row.key}` },
    );
    const eventsArb = fc.array(
      fc.record({
        month: fc.constantFrom(...monthRange("2024-12", "2025-11")),
        type: fc.constantFrom("bonus" as const, "penalty" as const),
        level: fc.constantFrom("群众", "市级及以上", "市级及以下", "省级", "国家级"),
        matterId: fc.constantFrom("", "A", " a ", "B"),
        description: fc.constant(""),
        evidence: fc.option(fc.boolean(), { nil: null }),
        verified: fc.option(fc.boolean(), { nil: null }),
        reported: fc.option(fc.boolean(), { nil: null }),
      }),
      { maxLength: 10 },
    );
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...monthRange("2024-12", "2025-11")), { minLength: 1, maxLength: 6 }), reportsArb, eventsArb, (months, picked, events) => {
        // Submitted dates before a report's period are refused (tested in scoring-rows): keep them out.
        const rows = picked.map((p) => ({ ...p, submitted: p.submitted !== null && p.submitted < p.row.start ? null : p.submitted }));
        const reports: ReportSubmission[] = rows.map((p) => ({ kind: p.row.kind, period: p.row.key, submitted: p.submitted, extensionApproved: p.extensionApproved }));
        const counts = (e: (typeof events)[number]) => (e.type === "bonus" ? e.evidence === true && e.verified === true && e.reported === true : e.verified === true);
        const expected = (month: string) => {
          const own = events.filter((e) => e.month === month);
          if (own.some((e) => (e.type === "bonus" ? BONUS[e.level] : PENALTY[e.level]) === undefined)) return null;
          let late = 0;
          for (const p of rows) {
            const due = dueOf(p.row);
            if (due.slice(0, 7) !== month || p.extensionApproved === true) continue;
            late += cal.workingDaysLate(due, p.submitted ?? (lastDayOf(month) > due ? lastDayOf(month) : due));
          }
          const best = new Map<string, number>();
          let unnamed = 0;
          for (const e of own) {
            if (!counts(e)) continue;
            const id = e.matterId.trim().toLowerCase();
            const points = e.type === "bonus" ? BONUS[e.level]! : -PENALTY[e.level]!;
            if (e.type === "bonus" && id !== "" && events.some((x) => x.type === "bonus" && x.month < month && x.matterId.trim().toLowerCase() === id && BONUS[x.level] !== undefined && counts(x))) continue;
            if (id === "") unnamed += points;
            else {
              const key = `${e.type}:${id}`;
              const prev = best.get(key);
              if (prev === undefined || Math.abs(points) > Math.abs(prev)) best.set(key, points);
            }
          }
          const all = [...best.values(), unnamed];
          const bonus = [...best.entries()].filter(([k]) => k.startsWith("bonus")).reduce((a, [, v]) => a + v, 0) + own.filter((e) => e.type === "bonus" && e.matterId.trim() === "" && counts(e)).reduce((a, e) => a + BONUS[e.level]!, 0);
          const penalty = all.reduce((a, v) => a + v, 0) - bonus;
          return { row4: Math.max(0, 5 - late), row11: bonus, row12: penalty };
        };
        const ind = months.map((m) => perfectMonth(m));
        const together = scoreMonths(ind, events, reports, defaultRules());
        return months.every((month, i) => {
          const want = expected(month);
          return [together[i], scoreMonth(ind[i]!, events, reports, defaultRules())].every((o) => {
            if (!o) return false;
            if (want === null) return !o.ok && o.errors.every((e) => e.code === "bad-level");
            if (!o.ok) return false;
            const got = (no: number) => o.value.items.find((it) => it.no === no)!.score.toNumber();
            return got(4) === want.row4 && got(11) === want.row11 && got(12) === want.row12 && o.value.total.toNumber() === 95 + want.row4 + want.row11 + want.row12;
          });
        });
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it("scores each report in the month its due date falls in, and reports every unreadable row in every month", () => {
    fc.assert(
      fc.property(fc.uniqueArray(reportArb, { maxLength: 20, selector: periodOf }), (rows) => {
        // Only rows whose period is readable and known take part in the scan below; submission dates
        // are left out so that no row is refused for its date.
        const reports = rows.map((r) => ({ ...r, submitted: null }));
        const outcomes = scoreMonths(MONTHS.map((m) => perfectMonth(m)), [], reports, defaultRules());
        const unreadable = reports.flatMap((r, i) => {
          const kind = parseReportKind(String(r.kind));
          const period = kind ? parseReportPeriod(kind, String(r.period)) : null;
          if (!kind) return [`reports[${i}].kind`];
          if (!period) return [`reports[${i}].period`];
          try {
            reportScoredMonth(period, defaultRules().calendar);
            return [];
          } catch (e) {
            if (e instanceof UnknownDateError) return [`reports[${i}].period`];
            throw e;
          }
        });
        return MONTHS.every((month, m) => {
          const outcome = outcomes[m];
          if (!outcome) return false;
          if (unreadable.length > 0) {
            const fields = outcome.ok ? [] : outcome.errors.filter((e) => e.field.startsWith("reports[")).map((e) => e.field);
            return !outcome.ok && shown(fields) === shown(unreadable);
          }
          if (!outcome.ok) return false;
          // A scan of every row: those due this month (two spellings of one period are one report).
          const due = new Set<string>();
          for (const r of reports) {
            const kind = parseReportKind(String(r.kind));
            const period = kind ? parseReportPeriod(kind, String(r.period)) : null;
            if (period && reportScoredMonth(period, defaultRules().calendar) === month) due.add(`${period.kind}(${period.key})`);
          }
          const row4 = outcome.value.items.find((i) => i.no === 4);
          return row4 !== undefined && shown(Object.keys(row4.inputs).sort()) === shown([...due].sort());
        });
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});

describe("memos give what the plain functions give", () => {
  it("expectedReports hands out a fresh array each time and follows the rules it reads", () => {
    const first = expectedReports("2025-01", defaultRules());
    first.pop();
    const again = expectedReports("2025-01", defaultRules());
    expect(again.map((p) => `${p.kind}:${p.key}`)).toEqual(["月报:2024-12", "季报:2024Q4"]);
    const previous = loadRules({ scoring: { annualReportYear: "previousYear" } });
    if (!previous.ok) throw new Error("rules");
    expect(expectedReports("2025-12", previous.value).map((p) => `${p.kind}:${p.key}`)).toEqual(["月报:2025-11", "年报:2024"]);
    expect(expectedReports("2025-12", defaultRules()).map((p) => `${p.kind}:${p.key}`)).toEqual(["月报:2025-11", "年报:2025"]);
  });

  it("shiftToWorkingDay answers the same from its memo, and refuses an unknown year every time", () => {
    expect(LIBRARY_CALENDAR.shiftToWorkingDay("2025-10-01")).toBe("2025-10-09");
    expect(LIBRARY_CALENDAR.shiftToWorkingDay("2025-10-01")).toBe("2025-10-09");
    expect(LIBRARY_CALENDAR.shiftToWorkingDay("2025-10-13")).toBe("2025-10-13");
    for (let i = 0; i < 2; i++) expect(() => LIBRARY_CALENDAR.shiftToWorkingDay("2031-01-01")).toThrow(UnknownDateError);
  });

  it("capitalAmount is nzh's 大写 of the amount to the fen, asked once or many times", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999 }), fc.integer({ min: 1, max: 3 }), (fen, times) => {
        const amount = dec(fen).div(100);
        const expected = nzhcn.toMoney(round2(amount).toString(), { forceZheng: true });
        return Array.from({ length: times }, () => capitalAmount(amount)).every((t) => t === expected);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("findRuleSetting finds every label and alias however it is spaced or cased, as a scan of the list does", () => {
    const normalize = (label: string) => label.normalize("NFKC").replace(/\s+/g, "").replace(/[()（）]/g, "").toLowerCase();
    const scan = (label: string) => RULE_SETTINGS.find((d) => normalize(d.label) === normalize(label) || d.aliases.some((a) => normalize(a) === normalize(label))) ?? null;
    const names = RULE_SETTINGS.flatMap((d) => [d.label, ...d.aliases]);
    fc.assert(
      fc.property(fc.constantFrom(...names, "不存在的参数", ""), fc.constantFrom("", " ", "\u3000"), fc.boolean(), (name, space, upper) => {
        const label = `${space}${upper ? name.toUpperCase() : name}${space}`;
        return findRuleSetting(label) === scan(label);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("emptyIndicators has every indicator blank, in the order of INDICATOR_FIELDS", () => {
    const empty = emptyIndicators("2025-10");
    expect(Object.keys(empty)).toEqual(["month", ...INDICATOR_FIELDS.map((f) => f.key)]);
    expect(Object.values(empty).slice(1).every((v) => v === null)).toBe(true);
    expect(empty.month).toBe("2025-10");
  });
});
