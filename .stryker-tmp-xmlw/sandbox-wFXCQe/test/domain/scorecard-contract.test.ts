/**
 * SCORECARD_ITEMS, SCORECARD_COLUMNS and SCORECARD_TITLE against the contract itself (issue 17:
 * the import-time tables, tested from an independent oracle). The oracle is the seed contract's
 * 附件二 table (../shared/seed/000_bc9d113d4a18fa22.txt, tab-separated as the contract prints it):
 * every row's number, section and its points, 考核指标, 指标说明 and 评分细则 (compared without
 * spaces and commas, punctuation's width aside: the contract's cells 13 and 14 are split
 * differently from the table's fields, and its 13th row's 指标 sits one cell to the right) and 满分.
 */
// @ts-nocheck

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { SCORECARD_COLUMNS, SCORECARD_ITEMS, SCORECARD_TITLE, scorecardItem } from "../../src/domain";
import { sharedDir } from "../fixtures/ooxml-schema";

function contractTable(): string[][] {
  const seed = path.join(sharedDir(), "seed");
  const file = readdirSync(seed).find((f) => f.endsWith(".txt")) as string;
  const lines = readFileSync(path.join(seed, file), "utf8").split("\n");
  const header = lines.findIndex((l) => l.startsWith("序号\t"));
  const rows = [lines[header] as string, ...lines.slice(header + 1).filter((l) => /^\d+\t/.test(l)).slice(0, 14)];
  return rows.map((l) => l.split("\t"));
}

/** Without spaces and commas, full-width ；：（） as ASCII (the table keeps the contract's words, not always its punctuation's width). */
const compact = (s: string): string =>
  s
    .replace(/[\s,，]/g, "")
    .replace(/；/g, ";")
    .replace(/：/g, ":")
    .replace(/（/g, "(")
    .replace(/）/g, ")");

describe("the 附件二 table is the contract's", () => {
  it("has the contract's columns and title", () => {
    const [header] = contractTable();
    expect(SCORECARD_COLUMNS).toEqual(header?.filter((c) => c !== ""));
    const title = readFileSync(path.join(sharedDir(), "seed", readdirSync(path.join(sharedDir(), "seed")).find((f) => f.endsWith(".txt")) as string), "utf8")
      .split("\n")
      .find((l) => l.includes("服务热线质量考核-"));
    expect(title?.startsWith(`${SCORECARD_TITLE}-`)).toBe(true);
  });

  it("has the contract's 14 rows: number, section and points, words and 满分", () => {
    const rows = contractTable().slice(1);
    expect(rows).toHaveLength(14);
    expect(SCORECARD_ITEMS.map((i) => i.no)).toEqual(rows.map((r) => Number(r[0])));
    let section = "";
    rows.forEach((r, k) => {
      const item = SCORECARD_ITEMS[k];
      // A section's cell is merged over its rows: written once, in its first row — but for the
      // 附加项 block, whose merged cell the contract prints in the block's second row.
      if (r[1]) section = r[1];
      const expected = k >= 10 ? "附加项" : section;
      const named = /^(.*?)\s*\((\d+)\)$/.exec(expected);
      expect([item?.no, item?.section, item?.sectionPoints]).toEqual([k + 1, named ? named[1] : expected, named ? Number(named[2]) : null]);
      expect([item?.no, compact(`${item?.indicator}${item?.description}${item?.rule}`)]).toEqual([k + 1, compact(r.slice(2, 5).join(""))]);
      expect([item?.no, item?.max]).toEqual([k + 1, r[5] ? Number(r[5]) : null]);
      expect(item?.indicator).not.toBe("");
      expect(item?.description).not.toBe("");
      expect(item?.rule).not.toBe("");
    });
    expect(rows[11]?.[1]).toBe("附加项");
  });

  it("finds a row by its number and refuses one it does not have", () => {
    expect(scorecardItem(7).indicator).toBe("来电15s内接通率");
    expect(() => scorecardItem(15)).toThrow("no scorecard item 15");
  });
});
