/**
 * The adapter contract (conformance.ts) run against today's hosts:
 *  - Excel: ExcelAdapter over the fake Excel JS API (test/hosts/excel/fake-excel.ts), seeded from the
 *    neutral form of the workbook; every Excel.run gets a fresh request context over the same
 *    workbook state, as in Excel; every requirement set is supported.
 *  - file: ExcelFileAdapter over the .xlsx bytes, as the task pane opens a file (ExcelJS end to end);
 *    reopen() saves and opens the saved bytes.
 *  - file (command line): the same with NODE_ZLIB, as the command line opens a file (the guard's
 *    parts given to ExcelJS, sheets written whole kept as XML until the save).
 *  - WPS: WpsAdapter over the fake ET object model (test/hosts/wps/fake-et.ts), seeded from the
 *    neutral form; reopen() reads the same fake state through a new WpsAdapter.
 */
// @ts-nocheck

import { type BatchRunner, ExcelAdapter } from "../../src/hosts/excel/excel-adapter";
import { ExcelFileAdapter, type FileAdapterOptions } from "../../src/hosts/file/file-adapter";
import { NODE_ZLIB } from "../../src/hosts/file/node-zlib";
import { type ConformanceHost, type NeutralSheet, describeAdapterConformance, describeHostsAgree } from "./conformance";
import { FakeWorkbookState, fakeExcel } from "./excel/fake-excel";
import { WpsAdapter } from "../../src/hosts/wps/wps-adapter";
import { fakeEt, seededState } from "./wps/fake-et";

/** A neutral workbook loaded into the fake's state: values, formulas (with "="), number formats, merges, protection. */
function fakeState(sheets: readonly NeutralSheet[]): FakeWorkbookState {
  const state = new FakeWorkbookState();
  for (const sheet of sheets) {
    const cells: Parameters<FakeWorkbookState["addSheet"]>[1] = {};
    for (const c of sheet.cells) {
      const cell: { value: string | number | boolean | null; formula?: string; numberFormat?: string } = { value: c.value };
      if (c.formula !== undefined) cell.formula = `=${c.formula.replace(/^=/, "")}`;
      if (c.numberFormat !== undefined && c.numberFormat !== "General") cell.numberFormat = c.numberFormat;
      cells[c.address] = cell;
    }
    const fake = state.addSheet(sheet.name, cells, sheet.merges ?? []);
    if (sheet.protected) fake.protected = true;
  }
  return state;
}

const ALL_SETS = () => true;

const excelHost: ConformanceHost = {
  async open(workbook) {
    const state = fakeState(workbook.sheets);
    // Each Excel.run: a fresh request context over the same workbook.
    const run: BatchRunner = (batch) => batch(fakeExcel(state).excel);
    return {
      adapter: new ExcelAdapter(run, { isSetSupported: ALL_SETS }),
      reopen: () => new ExcelAdapter(run, { isSetSupported: ALL_SETS }).read(),
    };
  },
};

function fileHost(options: FileAdapterOptions = {}): ConformanceHost {
  return {
    async open(workbook) {
      const adapter = await ExcelFileAdapter.fromBuffer(await workbook.xlsx(), options);
      return {
        adapter,
        reopen: async () => (await ExcelFileAdapter.fromBuffer(await adapter.save(), options)).read(),
      };
    },
  };
}

describe("the Excel host's seeding", () => {
  it("puts every neutral cell into the fake as Excel holds it (formula with '=', General left unset)", () => {
    const state = fakeState([{ name: "表 1", cells: [{ address: "B2", value: 3, formula: "1+2", numberFormat: "0.00" }, { address: "A1", value: "=x" }], merges: ["C3:D3"], protected: true }]);
    const sheet = state.find("表 1");
    expect(sheet?.at("B2")).toEqual({ value: 3, formula: "=1+2", numberFormat: "0.00", style: {} });
    expect(sheet?.at("A1")).toEqual({ value: "=x", style: {} });
    expect(sheet?.merges).toEqual([{ top: 3, left: 3, bottom: 3, right: 4 }]);
    expect(sheet?.protected).toBe(true);
  });
});

// WPS 表格: WpsAdapter over the fake ET object model (test/hosts/wps/fake-et.ts), seeded from the
// neutral form; errors come back as CVErr codes (2007 …); every adapter reads the same fake state
// (as WPS's one open workbook). No event-loop turns between sheets (breathe: false): faster, same calls.
const wpsHost: ConformanceHost = {
  async open(workbook) {
    const fake = fakeEt(seededState(workbook.sheets));
    return {
      adapter: new WpsAdapter(() => fake.app, { breathe: false }),
      reopen: () => new WpsAdapter(() => fake.app, { breathe: false }).read(),
    };
  },
};

describeAdapterConformance("Excel (office-js over the fake)", excelHost);
describeAdapterConformance("WPS (ET JS API over the fake)", wpsHost);
// The same with the known layout checked by multi-area questions (WpsAdapterOptions.multiAreaReads) and
// errors in the COM form (-2146826281), members as zero-argument methods, as some builds give them.
describeAdapterConformance("WPS (multi-area checks, COM errors, members as methods)", {
  async open(workbook) {
    const fake = fakeEt(seededState(workbook.sheets, { errors: "com", methodMembers: true }));
    const adapter = () => new WpsAdapter(() => fake.app, { breathe: false, multiAreaReads: true });
    const opened = adapter();
    return { adapter: opened, reopen: () => adapter().read() };
  },
});
describeAdapterConformance("file (ExcelJS)", fileHost());
describeAdapterConformance("file (command line: NODE_ZLIB)", fileHost(NODE_ZLIB));

// Found by this suite: a sheet a plan replaces whole used to move to the end of the workbook in Excel
// (worksheets.add "adds at the end"); the adapter now sets Worksheet.position to its place from the
// last read, and the order tests hold for every host.
describeHostsAgree({ file: fileHost(), "file (command line)": fileHost(NODE_ZLIB), excel: excelHost, wps: wpsHost });
