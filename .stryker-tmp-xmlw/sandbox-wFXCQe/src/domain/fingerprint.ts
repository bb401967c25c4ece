/**
 * The fingerprint of a frozen (定稿) month: SHA-256, in hex, of a canonical JSON of the month's
 * inputs and scores. Canonical: object keys sorted, no spaces, decimals as fixed strings with 2
 * decimals (the figures as printed and signed), the month's events and reports in a fixed order
 * (sorting a sheet's rows is not a change), undefined fields left out. The same inputs and scores
 * give the same fingerprint in Node and in the browser (both have `crypto.subtle`).
 *
 * What it covers: every indicator of the month (blank ones as null), every field of the month's
 * events and of the reports due in it, and per item its 序号, 单项得分, 满分, floor and the bound that
 * bit, plus Σ rows 1–10 and the 考核得分; and the month's 约定调整 rows (A11: 序号, 约定得分, 依据) when it
 * has any — a month without them hashes exactly as before they existed. Not covered: the wording of 完成情况 and 计算说明 (derived
 * from the inputs above; a reworded program must not flag every signed month) and the rule-set
 * version (recorded in its own column of 审计记录).
 */
// @ts-nocheck

import { Dec, fixed2 } from "./decimal";
import type { MonthIndicators, ReportSubmission, ScoreEvent } from "./indicators";
import type { AgreedScore, MonthScore } from "./scoring";

/** Bumped when the canonical form changes, so an old fingerprint is never compared as if new. */
export const FINGERPRINT_FORMAT = 1;

export interface FingerprintInput {
  indicators: MonthIndicators;
  /** The month's events (events of other months are left out). */
  events: readonly ScoreEvent[];
  /** The reports due in the month. */
  reports: readonly ReportSubmission[];
  score: MonthScore;
  /** The month's 约定调整 rows (A11); absent or empty = none (and the payload is the one of old). */
  agreedScores?: readonly AgreedScore[];
}

function canonical(value: unknown): string {
  if (value === null) return "null";
  if (Dec.isDecimal(value)) return JSON.stringify(fixed2(value as Dec));
  switch (typeof value) {
    case "string":
    case "boolean":
      return JSON.stringify(value);
    case "number":
      // JSON has no NaN or Infinity; tag them so they never read as null.
      return Number.isFinite(value) ? JSON.stringify(value) : JSON.stringify({ $number: String(value) });
    case "object": {
      if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonical(v))).join(",")}]`;
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined && typeof v !== "function")
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
    }
    default:
      throw new TypeError(`cannot fingerprint a ${typeof value}`);
  }
}

/**
 * Canonical JSON: sorted keys, no whitespace, Decimal values as fixed strings with 2 decimals.
 * Also used for the 快照 cell of 审计记录, so the same content is always the same text.
 */
export function canonicalJson(value: unknown): string {
  return canonical(value);
}

function sortedCanonical<T>(list: readonly T[]): unknown[] {
  return list
    .map((x) => ({ x, key: canonical(x) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((e) => e.x);
}

/** The object whose canonical JSON is hashed (exported for tests and for showing what is covered). */
export function fingerprintPayload(input: FingerprintInput): unknown {
  const { indicators, score } = input;
  const agreed = (input.agreedScores ?? []).filter((a) => a.month === indicators.month);
  const payload: Record<string, unknown> = {
    format: FINGERPRINT_FORMAT,
    month: indicators.month,
    indicators,
    events: sortedCanonical(input.events.filter((e) => e.month === indicators.month)),
    reports: sortedCanonical(input.reports),
    score: {
      month: score.month,
      items: [...score.items]
        .sort((a, b) => a.no - b.no)
        .map((i) => ({ no: i.no, score: i.score, max: i.max, floor: i.floor, bound: i.bound })),
      baseTotal: score.baseTotal,
      total: score.total,
    },
  };
  // Only when there are any: an old frozen month (no 约定调整) keeps its fingerprint.
  if (agreed.length > 0) payload.agreed = sortedCanonical(agreed.map((a) => ({ month: a.month, item: a.item, score: a.score === null ? null : String(a.score).trim(), reason: a.reason.trim() })));
  return payload;
}

function hex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** SHA-256 (hex, 64 characters) of a text, UTF-8. */
export async function sha256Hex(text: string): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new Error("此环境没有 Web Crypto（crypto.subtle），无法计算指纹 / Web Crypto (crypto.subtle) is not available");
  return hex(await subtle.digest("SHA-256", new TextEncoder().encode(text)));
}

/** SHA-256 hex of the month's inputs and scores (see the file comment for what is covered). */
export async function fingerprintMonth(input: FingerprintInput): Promise<string> {
  return sha256Hex(canonicalJson(fingerprintPayload(input)));
}
