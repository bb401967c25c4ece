/**
 * 计算说明: the SPEC §7 month traced item by item — inputs, the computation with the bound that bit,
 * and the score — and the month's total line; the contract's 评分细则 quoted once at the end; plus
 * layout, print setup and size.
 */
// @ts-nocheck

import ExcelJS from "exceljs";
import { dec, defaultRules, ItemScore, MonthScore, scoreMonth, SCORECARD_ITEMS } from "../../../src/domain";
import { EXAMPLE_2025_10 } from "../../../src/domain/example";
import { writeSheetSpec } from "../../fixtures/exceljs-render";
import { boundText, buildExplainSheet, computationText, computationWithBound, EXPLAIN_HEADER_ROW, EXPLAIN_HEADERS, EXPLAIN_SHEET_NAME, explanationText, inputsText, RULES_HEADING } from "../../../src/workbook/sheets/explain-sheet";
import { CellWrite, parseA1, SheetSpec } from "../../../src/workbook/model";
import { event, perfectMonth, rules, scored } from "../../domain/builders";

const AT = "2025-11-05 14:30";

function example(): MonthScore {
  const r = scoreMonth(EXAMPLE_2025_10.indicators, EXAMPLE_2025_10.events, EXAMPLE_2025_10.reports, defaultRules());
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

function at(spec: SheetSpec, address: string): CellWrite | undefined {
  return spec.cells.find((c) => c.address === address);
}

/** The row of the month's band (A = "2025年10月…"). */
function bandRow(spec: SheetSpec, label: string): number {
  const hit = spec.cells.find((c) => parseA1(c.address).col === 1 && typeof c.value === "string" && c.value.startsWith(label));
  if (!hit) throw new Error(`no band ${label}`);
  return parseA1(hit.address).row;
}

describe("buildExplainSheet: the SPEC §7 month", () => {
  const spec = buildExplainSheet([example()], defaultRules(), AT);
  const band = bandRow(spec, "2025年10月");
  const itemRow = (no: number) => band + no;
  const totalRow = band + 15;

  it("is the 计算说明 sheet with the rule set and the time in its header", () => {
    expect(spec.name).toBe(EXPLAIN_SHEET_NAME);
    expect(spec.name).toBe("计算说明");
    expect(at(spec, "A2")?.value).toBe(`规则：${defaultRules().name}（版本 2024-12.1）`);
    expect(String(at(spec, "A3")?.value)).toContain(`生成时间：${AT}`);
    expect(EXPLAIN_HEADERS.map((_, i) => at(spec, `${"ABC"[i]}${EXPLAIN_HEADER_ROW}`)?.value)).toEqual(["考核指标", "输入与计算（含上下限）", "得分"]);
    expect(band).toBe(EXPLAIN_HEADER_ROW + 1);
  });

  it("writes every 得分 as a number with 0.00, 9, 10, 10, 3, … and the total 93.25", () => {
    const scores = Array.from({ length: 14 }, (_, i) => at(spec, `C${itemRow(i + 1)}`)?.value);
    expect(scores).toEqual([9, 10, 10, 3, 5, 13, 15, 9.5, 9.75, 10, 1, 0, -2, 0]);
    expect(Object.is(at(spec, `C${itemRow(12)}`)?.value, 0)).toBe(true); // never −0
    for (let no = 1; no <= 14; no++) expect(at(spec, `C${itemRow(no)}`)?.numberFormat).toBe("0.00");
    expect(at(spec, `A${totalRow}`)?.value).toBe("考核得分");
    expect(at(spec, `C${totalRow}`)?.value).toBe(93.25);
    expect(at(spec, `C${totalRow}`)?.numberFormat).toBe("0.00");
    expect(String(at(spec, `B${totalRow}`)?.value)).toBe("第1–10项合计 94.25，加分项 +1.00，扣分项 0.00，客户有效投诉 −2.00，弄虚作假 0.00，合计 93.25；考核得分 93.25");
  });

  it("names each row's 序号 and 考核指标, and quotes the contract's 评分细则 once, at the end", () => {
    for (const def of SCORECARD_ITEMS) expect(at(spec, `A${itemRow(def.no)}`)?.value).toBe(`${def.no} ${def.indicator}`);
    const heading = spec.cells.find((c) => c.value === RULES_HEADING);
    const top = parseA1(heading?.address ?? "A1").row;
    expect(top).toBe(totalRow + 2);
    for (const def of SCORECARD_ITEMS) {
      expect([at(spec, `A${top + def.no}`)?.value, at(spec, `B${top + def.no}`)?.value]).toEqual([`${def.no} ${def.indicator}`, def.rule]);
    }
    expect(at(spec, `B${top + 9}`)?.value).toBe("≥90%得满分，每降低 10%扣 0.5 分，5 分扣完为止。");
    expect(String(at(spec, `B${top + 15}`)?.value)).toContain("考核得分 = 第1–10项之和");
    // Each rule is quoted once: not on the month's rows.
    expect(spec.cells.filter((c) => c.value === SCORECARD_ITEMS[8]?.rule)).toHaveLength(1);
  });

  it("lists the inputs used and the computation", () => {
    expect(String(at(spec, `B${itemRow(1)}`)?.value).split("\n")[0]).toBe("输入：团队人数=9");
    expect(String(at(spec, `B${itemRow(9)}`)?.value).split("\n")[0]).toBe("输入：抽检工单数=100；合格工单数=85");
    const row9 = String(at(spec, `B${itemRow(9)}`)?.value);
    expect(row9).toContain("85.00%");
    expect(row9).toContain("得 9.75 分");
    expect(row9).not.toContain("评分细则"); // the contract's words are at the end, not repeated
    expect(String(at(spec, `B${itemRow(4)}`)?.value)).toContain("2");
    expect(String(at(spec, `B${itemRow(11)}`)?.value)).toContain("BY-2025-102");
    // An item without inputs has no "输入" line.
    const noInputs = example().items.find((i) => Object.keys(i.inputs).length === 0);
    if (noInputs) expect(at(spec, `B${itemRow(noInputs.no)}`)?.value).toBe(computationText(noInputs));
  });

  it("shows no bound where none bit: the computation alone", () => {
    for (const item of example().items) {
      expect(at(spec, `B${itemRow(item.no)}`)?.value).toBe(explanationText(item));
      expect(String(at(spec, `B${itemRow(item.no)}`)?.value).endsWith(computationText(item))).toBe(true);
    }
  });

  it("wraps text, sets widths and heights, freezes the header, prints A4 landscape", () => {
    expect(at(spec, `B${itemRow(9)}`)?.style?.wrap).toBe(true);
    expect(at(spec, `A${itemRow(4)}`)?.style?.wrap).toBe(true);
    expect(spec.freezeRows).toBe(EXPLAIN_HEADER_ROW);
    expect(spec.columnWidths?.B).toBeGreaterThan(90);
    const rulesTop = parseA1(spec.cells.find((c) => c.value === RULES_HEADING)?.address ?? "A1").row;
    expect(spec.rowHeights?.[itemRow(9)]).toBeGreaterThanOrEqual(33); // 输入 and the computation: two lines
    const last = rulesTop + 15;
    expect(spec.print).toMatchObject({ orientation: "landscape", paperSize: "A4", fitToWidth: true, repeatRows: "4:4", printArea: `A1:C${last}` });
    // The month heading is one cell, not a merged band: only the three title rows are merged.
    expect(spec.merges).toEqual(["A1:C1", "A2:C2", "A3:C3"]);
    expect(at(spec, `A${band}`)?.value).toBe("2025年10月");
  });

  it("renders with ExcelJS without a value inside a merge", () => {
    const wb = new ExcelJS.Workbook();
    const ws = writeSheetSpec(wb, spec);
    expect(ws.getCell(`C${totalRow}`).value).toBe(93.25);
    expect(ws.getCell(`C${totalRow}`).numFmt).toBe("0.00");
  });
});

describe("buildExplainSheet: bounds, totals, several months", () => {
  it("says 扣完为止 when a floor of 0 bit", () => {
    const spec = buildExplainSheet([scored(perfectMonth("2025-10", { answerRank: 31 })).value], defaultRules(), AT);
    const band = bandRow(spec, "2025年10月");
    expect(String(at(spec, `B${band + 6}`)?.value)).toMatch(/；扣完为止（下限 0）$/);
    expect(at(spec, `C${band + 6}`)?.value).toBe(0);
  });

  it("names a floor other than 0 (工单质检 stops at 5)", () => {
    const r = rules({ scoring: { ticketPointsPerStep: "1" } });
    const spec = buildExplainSheet([scored(perfectMonth("2025-10", { ticketsPassed: 0 }), { rules: r }).value], r, AT);
    const band = bandRow(spec, "2025年10月");
    expect(String(at(spec, `B${band + 9}`)?.value)).toMatch(/；扣至 5 分为止（下限 5）$/);
    expect(at(spec, `C${band + 9}`)?.value).toBe(5);
  });

  it("says 封顶 when the maximum bit", () => {
    const item: ItemScore = { no: 1, indicator: "队伍建设", max: dec(10), floor: dec(0), score: dec(10), bound: "max", summary: "", explanation: "x", explanationEn: "", inputs: {} };
    expect(boundText(item)).toBe("封顶 满分 10");
    expect(boundText({ ...item, bound: null })).toBe("");
    expect(inputsText({})).toBe("—");
    expect(computationText(item)).toBe("x");
    expect(computationWithBound(item)).toBe("x；封顶 满分 10");
    expect(computationWithBound({ ...item, bound: null })).toBe("x");
  });

  it("explains a total capped at 100 by the rule set", () => {
    const r = rules({ options: { capTotalAt100: true } });
    const month = scored(perfectMonth("2025-10"), { rules: r, events: [event({ level: "市级及以上", matterId: "M1" })] }).value;
    const spec = buildExplainSheet([month], r, AT);
    const totalRow = bandRow(spec, "2025年10月") + 15;
    expect(at(spec, `C${totalRow}`)?.value).toBe(100);
    expect(String(at(spec, `B${totalRow}`)?.value)).toMatch(/；总分封顶 100（规则设置）$/);
    expect(String(at(spec, `B${totalRow}`)?.value)).toContain("合计 110.00，按规则封顶为 100.00");
  });

  it("lays months out in month order, each with its own block", () => {
    const sep = scored(perfectMonth("2025-09"), { reports: [{ kind: "月报", period: "2025-08", submitted: "2025-09-05", extensionApproved: false }] }).value;
    const spec = buildExplainSheet([example(), sep], defaultRules(), AT);
    const sepRow = bandRow(spec, "2025年9月");
    const octRow = bandRow(spec, "2025年10月");
    expect(sepRow).toBe(EXPLAIN_HEADER_ROW + 1);
    expect(octRow).toBe(sepRow + 17);
    expect(at(spec, `C${sepRow + 15}`)?.value).toBe(100);
    expect(at(spec, `C${octRow + 15}`)?.value).toBe(93.25);
  });

  it("says so when no month is scored", () => {
    const spec = buildExplainSheet([], defaultRules(), AT);
    expect(at(spec, `A${EXPLAIN_HEADER_ROW + 1}`)?.value).toBe("暂无已评分的月份。");
  });
});

describe("buildExplainSheet: size (the biggest sheet the product writes)", () => {
  it("is 46 cells a month (heading, 14 rows of three, the total row) plus the rules once, and no merge per month", () => {
    const months = Array.from({ length: 12 }, (_v, i) => scored(perfectMonth(`2025-${String(i + 1).padStart(2, "0")}`)).value);
    const spec = buildExplainSheet(months, defaultRules(), AT);
    const header = 3 + EXPLAIN_HEADERS.length;
    const rulesBlock = 1 + 14 * 2 + 2;
    expect(spec.cells).toHaveLength(header + 12 * 46 + rulesBlock);
    expect(spec.merges).toHaveLength(3);
  });
});

describe("buildExplainSheet: row heights", () => {
  /** The reference: every line of every wrapped cell, CJK and characters outside the BMP 2 wide (by code point). */
  function expectedHeight(texts: { text: string; width: number }[]): number {
    let lines = 1;
    for (const { text, width } of texts) {
      const w = Math.max(1, width - 1.5);
      const n = text.split("\n").reduce((sum, part) => sum + Math.max(1, Math.ceil([...part].reduce((x, ch) => x + ((ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1), 0) / w)), 0);
      lines = Math.max(lines, n);
    }
    return Math.round((lines * 13.5 + 6) * 10) / 10;
  }

  it("fits every line of each item row, an event described with an emoji and a long CJK text included", () => {
    const month = scored(perfectMonth("2025-10"), { events: [event({ level: "市级及以上", matterId: "M1", description: "来电表扬🎉".repeat(30) })] }).value;
    const spec = buildExplainSheet([month], defaultRules(), AT);
    const band = bandRow(spec, "2025年10月");
    const widths = spec.columnWidths ?? {};
    for (let no = 1; no <= 14; no++) {
      const row = band + no;
      const texts = ["A", "B"].map((col) => ({ text: String(at(spec, `${col}${row}`)?.value), width: widths[col] ?? 10 }));
      expect([no, spec.rowHeights?.[row]]).toEqual([no, expectedHeight(texts)]);
    }
    expect(String(at(spec, `B${band + 11}`)?.value)).toContain("🎉");
    expect(spec.rowHeights?.[band + 11]).toBeGreaterThan(30);
  });
});
