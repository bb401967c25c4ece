/**
 * The fingerprint of a frozen month: SHA-256 hex of canonical JSON, the same whatever the key
 * order or the order of event/report rows, and different as soon as any input or score changes.
 */
// @ts-nocheck

import { createHash } from "node:crypto";
import { dec, defaultRules, MonthIndicators, MonthScore, ReportSubmission, scoreMonth, ScoreEvent } from "../../src/domain";
import { EXAMPLE_2025_10 } from "../../src/domain/example";
import { canonicalJson, fingerprintMonth, FingerprintInput, fingerprintPayload, sha256Hex } from "../../src/domain/fingerprint";

function scored(): MonthScore {
  const r = scoreMonth(EXAMPLE_2025_10.indicators, EXAMPLE_2025_10.events, EXAMPLE_2025_10.reports, defaultRules());
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

/** FingerprintInput with arrays the tests may change. */
interface Input extends FingerprintInput {
  indicators: MonthIndicators;
  events: ScoreEvent[];
  reports: ReportSubmission[];
}

function base(): Input {
  return structuredCloneInput({ ...EXAMPLE_2025_10, score: scored() });
}

/** A deep copy that keeps the Decimal values of the score (structuredClone would strip their prototype). */
function structuredCloneInput(i: FingerprintInput): Input {
  return {
    indicators: { ...i.indicators },
    events: i.events.map((e) => ({ ...e })),
    reports: i.reports.map((r) => ({ ...r })),
    score: { ...i.score, items: i.score.items.map((it) => ({ ...it, inputs: { ...it.inputs } })) },
  };
}

/** The same object with its keys in reverse order, recursively (Decimals kept). */
function reversed<T>(v: T): T {
  if (v === null || typeof v !== "object" || dec(0).constructor === (v as object).constructor) return v;
  if (Array.isArray(v)) return v.map(reversed) as T;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v as object).reverse()) out[k] = reversed((v as Record<string, unknown>)[k]);
  return out as T;
}

describe("sha256Hex", () => {
  it("is the standard SHA-256 of the UTF-8 text", async () => {
    expect(await sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const text = "考核得分 93.25";
    expect(await sha256Hex(text)).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
  });
});

describe("canonicalJson", () => {
  it("sorts keys, drops undefined, writes decimals with 2 decimals", () => {
    expect(canonicalJson({ b: 1, a: [true, null, "x"], c: undefined, d: dec("9.5") })).toBe('{"a":[true,null,"x"],"b":1,"d":"9.50"}');
  });
  it("keeps NaN apart from null", () => {
    expect(canonicalJson({ n: Number.NaN })).not.toBe(canonicalJson({ n: null }));
  });
});

describe("fingerprintMonth", () => {
  it("is 64 hex characters, the SHA-256 of the canonical payload", async () => {
    const input = base();
    const fp = await fingerprintMonth(input);
    expect(fp).toMatch(/^[0-9a-f]{64}$/);
    expect(fp).toBe(createHash("sha256").update(canonicalJson(fingerprintPayload(input)), "utf8").digest("hex"));
  });

  it("is stable across key order and row order", async () => {
    const a = base();
    const b = reversed(base());
    b.events = [...b.events].reverse();
    b.reports = [...b.reports, { kind: "季报", period: "2025Q3", submitted: "2025-10-14", extensionApproved: false }].reverse();
    a.reports = [...a.reports, { kind: "季报", period: "2025Q3", submitted: "2025-10-14", extensionApproved: false }];
    expect(Object.keys(b.indicators)[0]).not.toBe(Object.keys(a.indicators)[0]);
    expect(await fingerprintMonth(b)).toBe(await fingerprintMonth(a));
  });

  it("leaves out events of other months", async () => {
    const a = base();
    const b = base();
    b.events.push({ ...b.events[0]!, month: "2025-09" });
    expect(await fingerprintMonth(b)).toBe(await fingerprintMonth(a));
  });

  const changes: [string, (i: Input) => void][] = [
    ["an indicator", (i) => (i.indicators.headcount = 10)],
    ["an optional indicator, blank → 0", (i) => (i.indicators.calls = 0)],
    ["an event's evidence", (i) => (i.events[1]!.evidence = true)],
    ["an event's description", (i) => (i.events[0]!.description += "。")],
    ["an added event", (i) => i.events.push({ ...i.events[0]!, matterId: "BY-2025-103" })],
    ["a report's date", (i) => (i.reports[0]!.submitted = "2025-10-14")],
    ["a report's approval", (i) => (i.reports[0]!.extensionApproved = null)],
    ["an item score", (i) => (i.score.items[3] = { ...i.score.items[3]!, score: dec("4") })],
    ["a bound", (i) => (i.score.items[8] = { ...i.score.items[8]!, bound: "floor" })],
    ["the total", (i) => (i.score.total = dec("93.26"))],
    ["Σ rows 1–10", (i) => (i.score.baseTotal = dec("94"))],
  ];
  it.each(changes)("changes when %s changes", async (_name, change) => {
    const before = await fingerprintMonth(base());
    const input = base();
    change(input);
    expect(await fingerprintMonth(input)).not.toBe(before);
  });

  it("ignores the wording of 完成情况 and the rule-set version", async () => {
    const before = await fingerprintMonth(base());
    const input = base();
    input.score.items[0] = { ...input.score.items[0]!, summary: "另一种说法", explanation: "x" };
    input.score.rulesVersion = "2099-1";
    expect(await fingerprintMonth(input)).toBe(before);
  });
});
