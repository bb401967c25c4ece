/**
 * INDICATOR_FIELDS and MONTH_HEADER against the rule book (issue 17: the import-time tables, tested
 * from an independent oracle): SPEC §8's 指标录入 layout lists the sheet's columns in order, marks
 * the yes/no ones "(是/否)" and names the optional ones in a parenthesis after the list.
 */
// @ts-nocheck

import { readFileSync } from "node:fs";
import path from "node:path";
import { INDICATOR_FIELDS, indicatorField, MONTH_HEADER } from "../../src/domain";
import { sharedDir } from "../fixtures/ooxml-schema";

function specLayout(): { columns: { header: string; yesno: boolean }[]; optional: string[] } {
  const spec = readFileSync(path.join(sharedDir(), "SPEC.md"), "utf8");
  const start = spec.indexOf("**指标录入** — one row per month:");
  const block = spec.slice(start, spec.indexOf("\n\n", start));
  const [list = "", note = ""] = block.slice(block.indexOf("\n") + 1).split("\n(");
  const columns = list
    .split("|")
    .map((c) => c.replace(/\s+/g, " ").trim())
    .filter((c) => c !== "")
    .map((c) => ({ header: c.replace(/\s*\(是\/否\)$/, ""), yesno: c.endsWith("(是/否)") }));
  const optional = note.slice(0, note.indexOf(" are optional")).split(",").map((s) => s.trim());
  return { columns, optional };
}

describe("the 指标录入 columns are SPEC §8's", () => {
  it("in SPEC's order, the month first", () => {
    const { columns } = specLayout();
    expect(columns).toHaveLength(24);
    expect([MONTH_HEADER, ...INDICATOR_FIELDS.map((f) => f.header)]).toEqual(columns.map((c) => c.header));
  });

  it("yes/no where SPEC says (是/否), optional where SPEC says so, every other field scored", () => {
    const { columns, optional } = specLayout();
    expect(optional).toEqual(["呼叫次数", "接通次数", "人工服务接通数", "15秒内接通数"]);
    for (const f of INDICATOR_FIELDS) {
      const c = columns.find((x) => x.header === f.header);
      expect([f.header, f.kind === "yesno"]).toEqual([f.header, c?.yesno]);
      expect([f.header, f.optional]).toEqual([f.header, optional.includes(f.header)]);
    }
    expect(INDICATOR_FIELDS.filter((f) => !["count", "rank", "yesno"].includes(f.kind))).toEqual([]);
    // Ranks are the two 排名 columns (a rank of centres, not a count).
    expect(INDICATOR_FIELDS.filter((f) => f.kind === "rank").map((f) => f.header)).toEqual(["接通率排名", "15秒接通率排名"]);
  });

  it("each field names the scorecard rows that use it, and has an English name", () => {
    // Worked by hand from the contract's 评分细则 (附件二): row 1 counts the team, row 3 divides the
    // changes by it, row 10 the exam-takers by it; 6 and 7 rank among the centres ranked; 8 the ratings …
    const rows = Object.fromEntries(INDICATOR_FIELDS.map((f) => [f.header, f.rows]));
    expect(rows).toEqual({
      团队人数: [1, 3, 10], 管理制度落实: [2], 运营报告按时完整: [2], 变动人数: [3], 培训问题次数: [5], 接通率排名: [6], "15秒接通率排名": [7], 排名中心数: [6, 7],
      呼叫次数: [6], 接通次数: [6], 人工服务接通数: [7], "15秒内接通数": [7], 非常满意: [8], 满意: [8], 一般: [8], 不满意: [8], 非常不满意: [8], 剔除差评数: [8],
      抽检工单数: [9], 合格工单数: [9], 按时参考人数: [10], 有效投诉数: [13], 弄虚作假次数: [14],
    });
    expect(new Set(INDICATOR_FIELDS.map((f) => f.en)).size).toBe(INDICATOR_FIELDS.length);
    expect(INDICATOR_FIELDS.every((f) => /^[\x20-\x7e]+$/.test(f.en))).toBe(true);
    expect(indicatorField("examSat").header).toBe("按时参考人数");
    expect(() => indicatorField("nope" as never)).toThrow("unknown indicator nope");
  });
});
