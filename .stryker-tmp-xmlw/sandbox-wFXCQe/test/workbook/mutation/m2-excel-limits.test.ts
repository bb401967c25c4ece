/**
 * Issue 17 (mutation tests, src/workbook/sheets/excel-limits.ts): Excel's limits at their edges —
 * each character XML 1.0 forbids and its allowed neighbours, a text of exactly 32,767 characters and
 * one more, the marker's digit count, a surrogate pair at the cut, a row of 409 points and a little
 * more — and the fitted plans: unchanged parts are the same objects, changed ones are copies.
 */
// @ts-nocheck

import type { CellWrite, SheetSpec, WritePlan } from "../../../src/workbook/model";
import { cutMarker, cutText, fitCellText, fitPlan, fitRowHeight, fitSheetSpec, fitWrite, isCutText, MAX_CELL_TEXT, MAX_ROW_HEIGHT, xmlSafeText } from "../../../src/workbook/sheets/excel-limits";

describe("xmlSafeText", () => {
  it("removes each control character XML forbids and keeps tab, line feed, carriage return and space", () => {
    const removed = [0x0, 0x1, 0x8, 0xb, 0xc, 0xe, 0x10, 0x1f, 0xfffe, 0xffff];
    for (const c of removed) expect(xmlSafeText(`a${String.fromCharCode(c)}b`)).toBe("ab");
    const kept = [0x9, 0xa, 0xd, 0x20, 0x7f, 0xfffd, 0xfffc, 0xd7ff, 0xe000];
    for (const c of kept) expect(xmlSafeText(`a${String.fromCharCode(c)}b`)).toBe(`a${String.fromCharCode(c)}b`);
    expect(xmlSafeText("\u0000\u0001")).toBe("");
    expect(xmlSafeText("x\u0000y\u001fz\uffff")).toBe("xyz");
  });

  it("replaces a lone half of a surrogate pair by U+FFFD and keeps whole pairs", () => {
    expect(xmlSafeText("a\ud83db")).toBe("a\ufffdb");
    expect(xmlSafeText("a\ude00b")).toBe("a\ufffdb");
    expect(xmlSafeText("\ud800")).toBe("\ufffd");
    expect(xmlSafeText("\udbff")).toBe("\ufffd");
    expect(xmlSafeText("\udc00x")).toBe("\ufffdx");
    expect(xmlSafeText("x\udfff")).toBe("x\ufffd");
    expect(xmlSafeText("😀")).toBe("😀");
    expect(xmlSafeText("\ud800\udc00\udbff\udfff")).toBe("\ud800\udc00\udbff\udfff");
    // Two high halves, then a pair: the first is lone.
    expect(xmlSafeText("\ud83d\ud83d\ude00")).toBe("\ufffd😀");
    expect(xmlSafeText("\ude00\ud83d")).toBe("\ufffd\ufffd");
    expect(xmlSafeText("a\u0000\ud83d")).toBe("a\ufffd");
  });
});

describe("cutting a text to a cell", () => {
  it("states the limits and the marker", () => {
    expect(MAX_CELL_TEXT).toBe(32_767);
    expect(MAX_ROW_HEIGHT).toBe(409);
    expect(cutMarker(5)).toBe("…（以下省略 5 字）");
    expect(cutMarker(0)).toHaveLength(11);
  });

  it("recognises a cut text by the marker at its very end", () => {
    expect(isCutText("abc…（以下省略 12 字）")).toBe(true);
    expect(isCutText("…（以下省略 0 字）")).toBe(true);
    expect(isCutText("abc…（以下省略 12 字）。")).toBe(false);
    expect(isCutText("abc…（以下省略  字）")).toBe(false);
    expect(isCutText("abc…（以下省略 x 字）")).toBe(false);
    expect(isCutText("abc")).toBe(false);
  });

  it("keeps a text of exactly the limit and cuts one character more, the whole within the limit", () => {
    const exact = "a".repeat(MAX_CELL_TEXT);
    expect(cutText(exact)).toBe(exact);
    const over = "b".repeat(MAX_CELL_TEXT + 1);
    // 32,767 − 12 = 32,755 kept, 13 left out (two digits: a 12-character marker).
    expect(cutText(over)).toBe(`${"b".repeat(32_755)}…（以下省略 13 字）`);
    expect(cutText(over)).toHaveLength(MAX_CELL_TEXT);
  });

  it("finds the marker's digit count that agrees with itself, for a small limit", () => {
    // The marker is 11 characters with one digit; more than the limit always leaves out 12 or more, so two digits at least:
    // kept = limit − 12 while the count left out has two digits (text − limit ≤ 87), limit − 13 with three.
    expect(cutText("a".repeat(21), 20)).toBe(`${"a".repeat(8)}…（以下省略 13 字）`);
    expect(cutText("a".repeat(30), 20)).toBe(`${"a".repeat(8)}…（以下省略 22 字）`);
    expect(cutText("f".repeat(17), 15)).toBe(`${"f".repeat(3)}…（以下省略 14 字）`);
    expect(cutText("b".repeat(107), 20)).toBe(`${"b".repeat(8)}…（以下省略 99 字）`);
    expect(cutText("c".repeat(108), 20)).toBe(`${"c".repeat(7)}…（以下省略 101 字）`);
    expect(cutText("d".repeat(200), 100)).toBe(`${"d".repeat(87)}…（以下省略 113 字）`);
    expect(cutText("e".repeat(20), 20)).toBe("e".repeat(20));
    for (const [n, max] of [[21, 20], [107, 20], [108, 20], [200, 100], [1200, 100]] as const) expect(cutText("x".repeat(n), max)).toHaveLength(max);
  });

  it("never splits a surrogate pair at the cut (one character shorter then)", () => {
    // Limit 20, 8 kept: a pair at characters 8–9 (index 7 the high half) → 7 kept, 1 more left out.
    const text = `${"a".repeat(7)}😀${"b".repeat(20)}`; // 29 code units
    expect(cutText(text, 20)).toBe(`${"a".repeat(7)}…（以下省略 22 字）`);
    // The low half at the cut's last place: the pair is whole, kept.
    const whole = `${"a".repeat(6)}😀${"b".repeat(21)}`;
    expect(cutText(whole, 20)).toBe(`${"a".repeat(6)}😀…（以下省略 21 字）`);
    // Either end of the high halves' range moves the cut; a low half at the cut does not.
    expect(cutText(`${"a".repeat(7)}\ud800\udc00${"b".repeat(20)}`, 20)).toBe(`${"a".repeat(7)}…（以下省略 22 字）`);
    expect(cutText(`${"a".repeat(7)}\udbff\udfff${"b".repeat(20)}`, 20)).toBe(`${"a".repeat(7)}…（以下省略 22 字）`);
    expect(cutText(`${"a".repeat(7)}\udc00${"b".repeat(21)}`, 20)).toBe(`${"a".repeat(7)}\udc00…（以下省略 21 字）`);
    expect(cutText(`${"a".repeat(7)}\ud7ff${"b".repeat(21)}`, 20)).toBe(`${"a".repeat(7)}\ud7ff…（以下省略 21 字）`);
  });

  it("fits a cell's text: XML-safe, then cut", () => {
    expect(fitCellText(`\u0000${"a".repeat(MAX_CELL_TEXT)}`)).toBe("a".repeat(MAX_CELL_TEXT));
    expect(fitCellText("a\u0001b")).toBe("ab");
    expect(fitCellText("a".repeat(MAX_CELL_TEXT + 5))).toBe(`${"a".repeat(32_755)}…（以下省略 17 字）`);
  });

  it("clamps a row height at 409 points", () => {
    expect(fitRowHeight(409)).toBe(409);
    expect(fitRowHeight(409.5)).toBe(409);
    expect(fitRowHeight(1000)).toBe(409);
    expect(fitRowHeight(408.9)).toBe(408.9);
    expect(fitRowHeight(0)).toBe(0);
  });
});

describe("fitting writes, sheets and plans", () => {
  it("returns a write unchanged (the same object) when it fits, a copy when its text or formula changes", () => {
    const ok: CellWrite = { address: "A1", value: "ok", numberFormat: "@" };
    expect(fitWrite(ok)).toBe(ok);
    const num: CellWrite = { address: "A1", value: 5 };
    expect(fitWrite(num)).toBe(num);
    const f: CellWrite = { address: "A1", value: null, formula: "SUM(A1)" };
    expect(fitWrite(f)).toBe(f);
    expect(fitWrite({ address: "B2", value: "a\u0000b", numberFormat: "@" })).toEqual({ address: "B2", value: "ab", numberFormat: "@" });
    const bad = fitWrite({ address: "B2", value: 1, formula: "\"a\u0001\"" });
    expect(bad).toEqual({ address: "B2", value: 1, formula: '"a"' });
    const noFormula = fitWrite({ address: "B2", value: "x\u0002" });
    expect(noFormula).toEqual({ address: "B2", value: "x" });
    expect("formula" in noFormula).toBe(false);
  });

  it("returns a sheet unchanged when it fits; otherwise a copy with texts fitted, heights clamped, dropdown words cleaned", () => {
    const fine: SheetSpec = { name: "s", cells: [{ address: "A1", value: "x" }], merges: [], rowHeights: { 1: 409 }, validations: [{ range: "A1", values: ["是"] }] };
    expect(fitSheetSpec(fine)).toBe(fine);
    const bare: SheetSpec = { name: "s", cells: [], merges: [] };
    expect(fitSheetSpec(bare)).toBe(bare);

    const cells: CellWrite[] = [{ address: "A1", value: "x" }, { address: "A2", value: "y\u0000" }];
    const heights = { 1: 500, 2: 20 };
    const v1 = { range: "A1", values: ["是"] };
    const v2 = { range: "B1", values: ["否\u0001", "是"] };
    const spec: SheetSpec = { name: "s", cells, merges: ["A1:B1"], rowHeights: heights, validations: [v1, v2] };
    const out = fitSheetSpec(spec);
    expect(out).toEqual({ name: "s", cells: [{ address: "A1", value: "x" }, { address: "A2", value: "y" }], merges: ["A1:B1"], rowHeights: { 1: 409, 2: 20 }, validations: [v1, { range: "B1", values: ["否", "是"] }] });
    expect(out.cells[0]).toBe(cells[0]);
    expect(out.validations?.[0]).toBe(v1);
    // The input is not changed.
    expect(heights).toEqual({ 1: 500, 2: 20 });
    expect(cells[1]).toEqual({ address: "A2", value: "y\u0000" });
    expect(v2.values).toEqual(["否\u0001", "是"]);

    // Only the heights change: the same cells, the same validations.
    const tall: SheetSpec = { name: "t", cells, merges: [], rowHeights: { 3: 410, 4: 411 }, validations: [v1] };
    const t = fitSheetSpec(tall);
    expect(t).toEqual({ name: "t", cells: fitSheetSpec({ name: "t", cells, merges: [] }).cells, merges: [], rowHeights: { 3: 409, 4: 409 }, validations: [v1] });
    expect(t.validations).toBe(tall.validations);
    // Only a dropdown word changes.
    const words: SheetSpec = { name: "w", cells: [], merges: [], validations: [v2] };
    const w = fitSheetSpec(words);
    expect(w).toEqual({ name: "w", cells: [], merges: [], validations: [{ range: "B1", values: ["否", "是"] }] });
    expect(w.cells).toBe(words.cells);
    expect("rowHeights" in w).toBe(false);
    // Only a cell changes: no rowHeights or validations appear.
    const one = fitSheetSpec({ name: "o", cells: [{ address: "A1", value: "\u0000" }], merges: [] });
    expect(one).toEqual({ name: "o", cells: [{ address: "A1", value: "" }], merges: [] });
    expect(Object.keys(one).sort()).toEqual(["cells", "merges", "name"]);
  });

  it("fits a plan once: unchanged groups and sheets kept, the fitted plan returned as it is when fitted again", () => {
    const group = { sheet: "a", writes: [{ address: "A1", value: "ok" }] };
    const sheet: SheetSpec = { name: "s", cells: [], merges: [] };
    const clean: WritePlan = { cellWrites: [group], sheets: [sheet] };
    expect(fitPlan(clean)).toBe(clean);

    const dirty = { sheet: "b", writes: [{ address: "A1", value: "ok" }, { address: "A2", value: "x\u0000" }] };
    const plan: WritePlan = { cellWrites: [group, dirty], sheets: [sheet], deleteSheets: ["z"] };
    const out = fitPlan(plan);
    expect(out).not.toBe(plan);
    expect(out).toEqual({ cellWrites: [group, { sheet: "b", writes: [{ address: "A1", value: "ok" }, { address: "A2", value: "x" }] }], sheets: [sheet], deleteSheets: ["z"] });
    expect(out.cellWrites[0]).toBe(group);
    expect(out.cellWrites[1]?.writes[0]).toBe(dirty.writes[0]);
    expect(out.sheets[0]).toBe(sheet);
    expect(fitPlan(out)).toBe(out);
    expect(dirty.writes[1]?.value).toBe("x\u0000");

    // A sheet that changes makes a new plan too.
    const tallSheet: SheetSpec = { name: "t", cells: [], merges: [], rowHeights: { 1: 999 } };
    const p2: WritePlan = { cellWrites: [group], sheets: [sheet, tallSheet] };
    const o2 = fitPlan(p2);
    expect(o2).not.toBe(p2);
    expect(o2.sheets[0]).toBe(sheet);
    expect(o2.sheets[1]?.rowHeights).toEqual({ 1: 409 });
    expect(o2.cellWrites[0]).toBe(group);
  });
});
