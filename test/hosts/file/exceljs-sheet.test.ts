import ExcelJS from "exceljs";
import type { SheetSpec } from "../../../src/workbook/model";
import { applyCellWrites, argb, hasSharedStyle, newStyleCache, writeSheetSpec } from "../../../src/hosts/file/exceljs-sheet";

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const buffer = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buffer as ArrayBuffer);
  return back;
}

const SPEC: SheetSpec = {
  name: "付款结算",
  cells: [
    { address: "A1", value: "付款结算", style: { bold: true, fontSize: 16, horizontal: "center" } },
    { address: "A2", value: "=HYPERLINK(\"x\")" },
    { address: "A3", value: "+86 029", style: { italic: true } },
    { address: "A4", value: "-5", style: { fontColor: "#C00000" } },
    { address: "A5", value: "@home" },
    { address: "B2", value: 1378, numberFormat: "¥#,##0.00", style: { border: "thin", fill: "#DDEBF7" } },
    { address: "B3", value: 45830, numberFormat: "yyyy-mm-dd" },
    { address: "B4", value: 2, formula: "B2*0+2", style: { border: "medium" } },
    { address: "C2", value: "是", style: { wrap: true, vertical: "top", horizontal: "left" } },
    { address: "D5", value: true },
    { address: "E5", value: null },
  ],
  merges: ["A1:D1", "C6:D8"],
  columnWidths: { A: 24, B: 14.5 },
  rowHeights: { 1: 30 },
  print: {
    orientation: "landscape",
    paperSize: "A4",
    printArea: "A1:D20",
    fitToWidth: true,
    repeatRows: "1:2",
    margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.7 },
  },
  conditionalHighlights: [{ range: "B2:B9", lessThan: 95, fill: "#FFC7CE", fontColor: "#9C0006" }],
  validations: [{ range: "C2:C9", values: ["是", "否"] }],
  freezeRows: 2,
  tabColor: "#70AD47",
  chart: { title: "月度得分", categories: "A2:A3", series: [{ name: "得分", values: "B2:B3" }], anchor: { from: "F2", to: "L20" } },
};

describe("writeSheetSpec", () => {
  it("renders values, formats, styles, merges, widths and print setup that survive a reload", async () => {
    const wb = new ExcelJS.Workbook();
    writeSheetSpec(wb, SPEC);
    const back = await roundTrip(wb);
    const ws = back.getWorksheet("付款结算");
    expect(ws).toBeDefined();
    if (!ws) return;

    expect(ws.getCell("A1").value).toBe("付款结算");
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getCell("A1").font?.size).toBe(16);
    expect(ws.getCell("A1").alignment?.horizontal).toBe("center");
    // Text that looks like a formula stays text.
    expect(ws.getCell("A2").value).toBe("=HYPERLINK(\"x\")");
    expect(ws.getCell("A2").formula).toBeUndefined();
    expect(ws.getCell("A2").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("A3").value).toBe("+86 029");
    expect(ws.getCell("A3").font?.italic).toBe(true);
    expect(ws.getCell("A4").value).toBe("-5");
    expect(ws.getCell("A4").font?.color?.argb).toBe("FFC00000");
    expect(ws.getCell("A5").value).toBe("@home");

    expect(ws.getCell("B2").value).toBe(1378);
    expect(ws.getCell("B2").numFmt).toBe("¥#,##0.00");
    expect(ws.getCell("B2").border?.top?.style).toBe("thin");
    expect(ws.getCell("B2").border?.right?.style).toBe("thin");
    expect(ws.getCell("B2").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } });
    expect(ws.getCell("B3").numFmt).toBe("yyyy-mm-dd");
    expect(ws.getCell("B4").formula).toBe("B2*0+2");
    expect(ws.getCell("B4").border?.bottom?.style).toBe("medium");
    expect(ws.getCell("C2").alignment).toMatchObject({ wrapText: true, vertical: "top", horizontal: "left" });
    expect(ws.getCell("D5").value).toBe(true);

    const merges = (ws.model as unknown as { merges: string[] }).merges;
    expect([...merges].sort()).toEqual(["A1:D1", "C6:D8"]);
    expect(ws.getCell("B1").isMerged).toBe(true);
    expect(ws.getCell("B1").master.address).toBe("A1");

    expect(ws.getColumn("A").width).toBe(24);
    expect(ws.getColumn("B").width).toBe(14.5);
    expect(ws.getRow(1).height).toBe(30);

    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.orientation).toBe("landscape");
    expect(ws.pageSetup.printArea).toBe("A1:D20");
    expect(ws.pageSetup.fitToPage).toBe(true);
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.fitToHeight).toBe(0);
    expect(ws.pageSetup.printTitlesRow).toBe("1:2");
    expect(ws.pageSetup.margins).toMatchObject({ left: 0.5, right: 0.4, top: 0.6, bottom: 0.7 });

    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect(ws.properties.tabColor).toEqual({ argb: "FF70AD47" });
  });

  it("writes list validations and the lessThan highlight", async () => {
    const wb = new ExcelJS.Workbook();
    writeSheetSpec(wb, SPEC);
    const back = await roundTrip(wb);
    const ws = back.getWorksheet("付款结算");
    const dv = (ws as unknown as { dataValidations: { find(a: string): ExcelJS.DataValidation | undefined } }).dataValidations;
    expect(dv.find("C2")).toMatchObject({ type: "list", formulae: ['"是,否"'] });
    expect(dv.find("C9")).toMatchObject({ type: "list" });
    expect(dv.find("C10")).toBeUndefined();
    const cf = (ws?.model as unknown as { conditionalFormattings: { ref: string; rules: { type: string; operator: string; formulae: unknown[] }[] }[] })
      .conditionalFormattings;
    expect(cf).toHaveLength(1);
    expect(cf[0]?.ref).toBe("B2:B9");
    expect(cf[0]?.rules[0]).toMatchObject({ type: "cellIs", operator: "lessThan", formulae: ["95"] });
  });

  it("gives the cells of a merge its master's style, and refuses a value inside a merge", () => {
    const wb = new ExcelJS.Workbook();
    const ws = writeSheetSpec(wb, { name: "S", cells: [{ address: "A1", value: "x", style: { border: "thin" } }], merges: ["A1:A3"] });
    expect(ws.getCell("A3").border?.bottom?.style).toBe("thin");
    expect(() => writeSheetSpec(wb, { name: "T", cells: [{ address: "A2", value: "y" }], merges: ["A1:A3"] })).toThrow(/A2/);
  });

  it("refuses an existing name unless replace, and replaces at the same position", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("一");
    wb.addWorksheet("付款结算").getCell("Z9").value = "old";
    wb.addWorksheet("三");
    expect(() => writeSheetSpec(wb, SPEC)).toThrow(/已存在/);
    writeSheetSpec(wb, SPEC, { replace: true });
    const back = await roundTrip(wb);
    expect(back.worksheets.map((w) => w.name)).toEqual(["一", "付款结算", "三"]);
    const ws = back.getWorksheet("付款结算");
    expect(ws?.getCell("Z9").value).toBeNull();
    expect(ws?.getCell("B2").value).toBe(1378);
    expect(ws?.pageSetup.printArea).toBe("A1:D20");
  });

  it("rejects a malformed colour", () => {
    expect(argb("#00ff00")).toBe("FF00FF00");
    expect(() => argb("green")).toThrow(RangeError);
  });
});

describe("applyCellWrites", () => {
  it("changes value, format and named style parts only, keeping the rest of the cell", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("2025年10月");
    const h7 = ws.getCell("H7");
    h7.value = 1;
    h7.font = { name: "宋体", size: 11, bold: false };
    h7.border = { top: { style: "thin" }, bottom: { style: "thin" } };
    h7.alignment = { horizontal: "center", vertical: "middle" };
    h7.numFmt = "0.0";
    ws.getCell("I7").value = "手写备注";
    ws.getCell("G7").value = "old";
    ws.getCell("G7").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };

    applyCellWrites(ws, [
      { address: "H7", value: 9.5, numberFormat: "0.00", style: { bold: true } },
      { address: "G7", value: "=not a formula" },
      { address: "H8", value: 93.25, formula: "SUM(H1:H7)" },
    ]);
    const back = (await roundTrip(wb)).getWorksheet("2025年10月");
    if (!back) throw new Error("sheet lost");
    expect(back.getCell("H7").value).toBe(9.5);
    expect(back.getCell("H7").numFmt).toBe("0.00");
    expect(back.getCell("H7").font).toMatchObject({ name: "宋体", size: 11, bold: true });
    expect(back.getCell("H7").border?.top?.style).toBe("thin");
    expect(back.getCell("H7").alignment).toMatchObject({ horizontal: "center", vertical: "middle" });
    expect(back.getCell("G7").value).toBe("=not a formula");
    expect(back.getCell("G7").fill).toMatchObject({ fgColor: { argb: "FFFFFF00" } });
    expect(back.getCell("I7").value).toBe("手写备注");
    expect(back.getCell("H8").formula).toBe("SUM(H1:H7)");
    expect(back.getCell("H8").result).toBe(93.25);
  });

  it("does not change other cells that share the written cell's style in a loaded file", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    for (const a of ["H4", "H5", "H6"]) {
      ws.getCell(a).value = 1;
      ws.getCell(a).numFmt = "0.0";
      ws.getCell(a).font = { bold: false, size: 10 };
      ws.getCell(a).border = { top: { style: "thin" } };
    }
    const loaded = (await roundTrip(wb)).getWorksheet("S");
    if (!loaded) throw new Error("sheet lost");
    applyCellWrites(loaded, [{ address: "H5", value: 9.5, numberFormat: "0.00", style: { bold: true, fill: "#FFC7CE", border: "medium" } }]);
    const back = (await roundTrip(loaded.workbook)).getWorksheet("S");
    if (!back) throw new Error("sheet lost");
    expect(back.getCell("H5").numFmt).toBe("0.00");
    expect(back.getCell("H5").font?.bold).toBe(true);
    expect(back.getCell("H5").border?.top?.style).toBe("medium");
    for (const a of ["H4", "H6"]) {
      expect(back.getCell(a).numFmt).toBe("0.0");
      expect(back.getCell(a).font?.bold).toBeFalsy();
      expect(back.getCell(a).font?.size).toBe(10);
      expect((back.getCell(a).fill as ExcelJS.FillPattern | undefined)?.pattern).not.toBe("solid");
      expect(back.getCell(a).border?.top?.style).toBe("thin");
    }
  });

  it("replaces a sheet of a loaded workbook at its position", async () => {
    const wb = new ExcelJS.Workbook();
    for (const n of ["一", "付款结算", "三"]) wb.addWorksheet(n).getCell("A1").value = n;
    wb.getWorksheet("三")!.pageSetup.printArea = "A1:B2";
    const loaded = await roundTrip(wb);
    writeSheetSpec(loaded, SPEC, { replace: true });
    const back = await roundTrip(loaded);
    expect(back.worksheets.map((w) => w.name)).toEqual(["一", "付款结算", "三"]);
    expect(back.getWorksheet("付款结算")?.pageSetup.printArea).toBe("A1:D20");
    expect(back.getWorksheet("三")?.pageSetup.printArea).toBe("A1:B2");
    expect(back.getWorksheet("三")?.getCell("A1").value).toBe("三");
  });
});

describe("shared styles", () => {
  it("gives every look one shared, frozen style object, and each look survives a reload", async () => {
    const wb = new ExcelJS.Workbook();
    const cells: SheetSpec["cells"] = [];
    for (let r = 1; r <= 200; r++) {
      // Equal styles built as separate objects, as the sheet builders do.
      cells.push({ address: `A${r}`, value: `行${r}`, style: { border: "thin", vertical: "top" } });
      cells.push({ address: `B${r}`, value: r, numberFormat: "0.00", style: { border: "thin", horizontal: "right" } });
    }
    const ws = writeSheetSpec(wb, { name: "S", cells, merges: ["C1:D1"] });
    const looks = new Set<object>();
    for (let r = 1; r <= 200; r++) for (const c of ["A", "B"]) looks.add(ws.getCell(`${c}${r}`).style);
    expect(looks.size).toBe(2);
    for (const style of looks) expect(Object.isFrozen(style)).toBe(true);
    expect(hasSharedStyle(ws.getCell("A7"))).toBe(true);
    expect(ws.getCell("A7").style).toBe(ws.getCell("A8").style);
    expect(ws.getCell("A7").style).not.toBe(ws.getCell("B7").style);

    const back = (await roundTrip(wb)).getWorksheet("S")!;
    expect(back.getCell("A150").border?.left?.style).toBe("thin");
    expect(back.getCell("A150").alignment?.vertical).toBe("top");
    expect(back.getCell("A150").numFmt).toBeUndefined();
    expect(back.getCell("B150").numFmt).toBe("0.00");
    expect(back.getCell("B150").alignment?.horizontal).toBe("right");
  });

  it("refuses to restyle a product-written cell in place (it would restyle every cell of its look)", () => {
    const wb = new ExcelJS.Workbook();
    const ws = writeSheetSpec(wb, { name: "S", cells: [1, 2].map((r) => ({ address: `A${r}`, value: r, style: { bold: true } })), merges: [] });
    expect(() => {
      ws.getCell("A1").font = { bold: false };
    }).toThrow(TypeError);
    expect(ws.getCell("A2").font?.bold).toBe(true);
    // Giving the cell a style object of its own still works.
    ws.getCell("A1").style = { ...ws.getCell("A1").style, font: { bold: false } };
    expect(ws.getCell("A1").font?.bold).toBe(false);
    expect(ws.getCell("A2").font?.bold).toBe(true);
  });

  it("writes over a loaded file's shared style without changing it: cells written alike share one new object", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    for (const a of ["H4", "H5", "H6"]) {
      ws.getCell(a).value = 1;
      ws.getCell(a).numFmt = "0.0";
      ws.getCell(a).font = { size: 10 };
    }
    const loaded = (await roundTrip(wb)).getWorksheet("S")!;
    const old = loaded.getCell("H4").style;
    expect(loaded.getCell("H6").style).toBe(old); // ExcelJS shares one object per style id
    applyCellWrites(loaded, [
      { address: "H4", value: 9, numberFormat: "0.00" },
      { address: "H5", value: 8, numberFormat: "0.00" },
    ]);
    expect(loaded.getCell("H4").style).toBe(loaded.getCell("H5").style);
    expect(loaded.getCell("H4").style).not.toBe(old);
    expect(loaded.getCell("H4").numFmt).toBe("0.00");
    expect(loaded.getCell("H4").font?.size).toBe(10);
    expect(loaded.getCell("H6").style).toBe(old);
    expect(old.numFmt).toBe("0.0");
    expect(Object.isFrozen(old)).toBe(false);
    expect(hasSharedStyle(loaded.getCell("H6"))).toBe(false);
  });

  it("builds on the cell's style as it is at the write, even when that object changed since an earlier write", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    for (const a of ["H4", "H5", "H6"]) {
      ws.getCell(a).value = 1;
      ws.getCell(a).font = { size: 10 };
    }
    const loaded = (await roundTrip(wb)).getWorksheet("S")!;
    applyCellWrites(loaded, [{ address: "H4", value: 9, numberFormat: "0.00" }]);
    loaded.getCell("H6").font = { size: 14 }; // someone else's code: changes the object H5 and H6 share
    applyCellWrites(loaded, [{ address: "H5", value: 8, numberFormat: "0.00" }]);
    expect(loaded.getCell("H4").font?.size).toBe(10);
    expect(loaded.getCell("H5").font?.size).toBe(14);
    expect(loaded.getCell("H5").numFmt).toBe("0.00");
  });

  it("with one style cache for a batch (one apply of a plan): the same looks across sheets, each loaded style keyed once, shared objects", async () => {
    const wb = new ExcelJS.Workbook();
    for (const name of ["一月", "二月"]) {
      const ws = wb.addWorksheet(name);
      for (const a of ["H4", "H5"]) {
        ws.getCell(a).value = 1;
        ws.getCell(a).font = { size: 10 };
        ws.getCell(a).border = { top: { style: "thin" } };
      }
    }
    const loaded = await roundTrip(wb);
    const [jan, feb] = [loaded.getWorksheet("一月")!, loaded.getWorksheet("二月")!];
    const old = jan.getCell("H4").style;
    expect(feb.getCell("H4").style).toBe(old); // one loaded object per style id, across sheets
    const styles = newStyleCache();
    applyCellWrites(jan, [{ address: "H4", value: 9, numberFormat: "0.00" }], styles);
    applyCellWrites(feb, [{ address: "H4", value: 8, numberFormat: "0.00" }, { address: "H5", value: 7, numberFormat: "0.0", style: { bold: true } }], styles);
    expect(styles.baseKeys.size).toBe(1);
    expect(feb.getCell("H4").style).toBe(jan.getCell("H4").style);
    expect(feb.getCell("H4").numFmt).toBe("0.00");
    expect(feb.getCell("H4").font?.size).toBe(10);
    expect(feb.getCell("H4").border?.top?.style).toBe("thin");
    expect(feb.getCell("H5").style).not.toBe(feb.getCell("H4").style);
    expect([feb.getCell("H5").numFmt, feb.getCell("H5").font?.bold, feb.getCell("H5").font?.size]).toEqual(["0.0", true, 10]);
    // The same writes with a cache each: the same shared objects (the cache only spares work).
    const again = await roundTrip(wb);
    applyCellWrites(again.getWorksheet("一月")!, [{ address: "H4", value: 9, numberFormat: "0.00" }]);
    applyCellWrites(again.getWorksheet("二月")!, [{ address: "H4", value: 8, numberFormat: "0.00" }]);
    expect(again.getWorksheet("二月")!.getCell("H4").style).toBe(again.getWorksheet("一月")!.getCell("H4").style);
    expect(again.getWorksheet("二月")!.getCell("H4").style).toEqual(feb.getCell("H4").style);
  });
});
