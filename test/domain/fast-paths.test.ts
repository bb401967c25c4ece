/**
 * The engine's speed-ups give the results of the plain code they replace (fast-check, seeded):
 * fixed2 and decimalNumber by integer arithmetic, the season's report and event index (scoreMonths
 * against scoreMonth month by month, and against a scan of every report row), and the memos
 * (expectedReports, shiftToWorkingDay, capitalAmount, findRuleSetting).
 */
import fc from "fast-check";
import nzhcn from "nzh/cn";
import {
  capitalAmount,
  dec,
  Dec,
  decimalNumber,
  DEFAULT_RULES,
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
  ScoreEvent,
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

const eventArb: fc.Arbitrary<ScoreEvent> = fc.record({
  month: fc.constantFrom(...MONTHS, "2023-01"),
  type: fc.constantFrom("bonus", "penalty"),
  level: fc.constantFrom("群众", "市级及以上", "市级及以下", "省级", "国家级", "乡级"),
  matterId: fc.constantFrom("", "A", "B"),
  description: fc.constantFrom("", "表扬"),
  evidence: fc.option(fc.boolean(), { nil: null }),
  verified: fc.option(fc.boolean(), { nil: null }),
  reported: fc.option(fc.boolean(), { nil: null }),
}) as fc.Arbitrary<ScoreEvent>;

/** One key per report period however it is spelled (two rows of one period are a duplicate error). */
function periodOf(r: ReportSubmission): string {
  const kind = parseReportKind(String(r.kind));
  const period = kind ? parseReportPeriod(kind, String(r.period)) : null;
  return period ? `${period.kind}:${period.key}` : `unreadable:${String(r.kind)}|${String(r.period)}`;
}

describe("scoreMonths files the season's reports and events by month once", () => {
  it("gives exactly what scoreMonth gives month by month, messy rows and both 年报 readings included", () => {
    const previousYear = loadRules({ scoring: { annualReportYear: "previousYear" }, contract: { firstMonth: "2024-10", lastMonth: "2026-03" } });
    if (!previousYear.ok) throw new Error("rules");
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...MONTHS, "2025-1x"), { minLength: 1, maxLength: 8 }),
        fc.array(reportArb, { maxLength: 25 }),
        fc.array(eventArb, { maxLength: 12 }),
        fc.boolean(),
        (months, reports, events, other) => {
          const rules = other ? previousYear.value : DEFAULT_RULES;
          const indicators = months.map((m) => perfectMonth(m));
          const together = scoreMonths(indicators, events, reports, rules);
          const oneByOne = indicators.map((ind) => scoreMonth(ind, events, reports, rules));
          return shown(together) === shown(oneByOne);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("scores each report in the month its due date falls in, and reports every unreadable row in every month", () => {
    fc.assert(
      fc.property(fc.uniqueArray(reportArb, { maxLength: 20, selector: periodOf }), (rows) => {
        // Only rows whose period is readable and known take part in the scan below; submission dates
        // are left out so that no row is refused for its date.
        const reports = rows.map((r) => ({ ...r, submitted: null }));
        const outcomes = scoreMonths(MONTHS.map((m) => perfectMonth(m)), [], reports, DEFAULT_RULES);
        const unreadable = reports.flatMap((r, i) => {
          const kind = parseReportKind(String(r.kind));
          const period = kind ? parseReportPeriod(kind, String(r.period)) : null;
          if (!kind) return [`reports[${i}].kind`];
          if (!period) return [`reports[${i}].period`];
          try {
            reportScoredMonth(period, DEFAULT_RULES.calendar);
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
            if (period && reportScoredMonth(period, DEFAULT_RULES.calendar) === month) due.add(`${period.kind}(${period.key})`);
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
    const first = expectedReports("2025-01", DEFAULT_RULES);
    first.pop();
    const again = expectedReports("2025-01", DEFAULT_RULES);
    expect(again.map((p) => `${p.kind}:${p.key}`)).toEqual(["月报:2024-12", "季报:2024Q4"]);
    const previous = loadRules({ scoring: { annualReportYear: "previousYear" } });
    if (!previous.ok) throw new Error("rules");
    expect(expectedReports("2025-12", previous.value).map((p) => `${p.kind}:${p.key}`)).toEqual(["月报:2025-11", "年报:2024"]);
    expect(expectedReports("2025-12", DEFAULT_RULES).map((p) => `${p.kind}:${p.key}`)).toEqual(["月报:2025-11", "年报:2025"]);
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
