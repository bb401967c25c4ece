/**
 * Workbooks for the pane's tests, without ExcelJS (it does not load under jsdom): the template's
 * sheets (pure SheetSpecs) turned into a snapshot, then the input rows filled in, and a fake
 * adapter that records every plan it is given and applies it to its snapshot in memory.
 */
// @ts-nocheck

jest.mock("exceljs", () => ({ __esModule: true, default: {} }));

import { addMonths, INDICATOR_FIELDS, type MonthIndicators, type MonthKey, type ReportSubmission, type ScoreEvent } from "../../src/domain";
import { EXAMPLE_2025_10 } from "../../src/domain/example";
import { applyPlanToSnapshot } from "../../src/workbook/drafts/input-rows";
import { a1, parseA1, type CellWrite, type WorkbookSnapshot, type WritePlan } from "../../src/workbook/model";
import { buildTemplate } from "../../src/workbook/sheets/template";
import type { PaneAdapter } from "../../src/taskpane/session";

export const FIRST_MONTH = "2024-12";

/** The 指标录入 row of a month in the template (prefilled from row 2). */
export const indicatorRow = (month: MonthKey) => {
  let row = 2;
  for (let m = FIRST_MONTH; m !== month; m = addMonths(m, 1)) row++;
  return row;
};

/** Column (A1 letter) of an indicator in the template's 指标录入. */
export const indicatorColumn = (key: string) => a1(1, 2 + INDICATOR_FIELDS.findIndex((f) => f.key === key)).replace(/\d+$/, "");

export interface FillData {
  indicators?: Partial<MonthIndicators>[];
  events?: ScoreEvent[];
  reports?: ReportSubmission[];
}

const yesNo = (v: boolean | null, have = false) => (v === null ? null : have ? (v ? "有" : "无") : v ? "是" : "否");

/** The template (12 months from 2024-12) with the given input rows. */
export function workbook(data: FillData = {}, options: { rules?: boolean } = {}): WorkbookSnapshot {
  const sheets = buildTemplate({ from: FIRST_MONTH, months: 12 }).filter((s) => options.rules !== false || s.name !== "规则设置");
  let snapshot = applyPlanToSnapshot({ sheets: [] }, { cellWrites: [], sheets });
  const ind: CellWrite[] = [];
  for (const m of data.indicators ?? []) {
    const row = indicatorRow(m.month ?? "");
    INDICATOR_FIELDS.forEach((f, i) => {
      const v = m[f.key];
      if (v === undefined || v === null) return;
      ind.push({ address: a1(row, i + 2), value: typeof v === "boolean" ? yesNo(v) : v });
    });
  }
  const ev: CellWrite[] = [];
  (data.events ?? []).forEach((e, i) => {
    const row = i + 2;
    [e.month, e.type === "bonus" ? "加分" : "扣分", e.level, e.matterId, e.description, yesNo(e.evidence, true), yesNo(e.verified), yesNo(e.reported)].forEach((v, c) =>
      ev.push({ address: a1(row, c + 1), value: v === "" ? null : v }),
    );
  });
  const rep: CellWrite[] = [];
  (data.reports ?? []).forEach((r, i) => {
    const row = i + 2;
    [r.kind, r.period, r.submitted, yesNo(r.extensionApproved)].forEach((v, c) => rep.push({ address: a1(row, c + 1), value: v }));
  });
  const plan: WritePlan = {
    cellWrites: [
      { sheet: "指标录入", writes: ind },
      { sheet: "加减分事件", writes: ev },
      { sheet: "报告提交", writes: rep },
    ],
    sheets: [],
  };
  snapshot = applyPlanToSnapshot(snapshot, plan);
  return snapshot;
}

/** SPEC §7's month 2025-10 (93.25). */
export const OCTOBER: FillData = {
  indicators: [{ ...EXAMPLE_2025_10.indicators }],
  events: EXAMPLE_2025_10.events.map((e) => ({ ...e })),
  reports: EXAMPLE_2025_10.reports.map((r) => ({ ...r })),
};

export class FakeAdapter implements PaneAdapter {
  readonly plans: WritePlan[] = [];
  readonly selected: [string, string | null][] = [];
  reads = 0;
  select?: (sheet: string, cell: string | null) => Promise<void>;
  save?: () => Promise<Uint8Array>;

  constructor(
    public snapshot: WorkbookSnapshot,
    mode: "excel" | "file" = "excel",
  ) {
    if (mode === "excel") {
      this.select = async (sheet, cell) => {
        this.selected.push([sheet, cell]);
      };
    } else {
      this.save = async () => Uint8Array.from([80, 75, 3, 4]);
    }
  }

  async read(): Promise<WorkbookSnapshot> {
    this.reads++;
    return this.snapshot;
  }

  async apply(plan: WritePlan): Promise<void> {
    this.plans.push(plan);
    this.snapshot = applyPlanToSnapshot(this.snapshot, plan);
  }

  /** A cell's value now ("A1" on a sheet); undefined when empty. */
  cell(sheet: string, address: string): unknown {
    const s = this.snapshot.sheets.find((x) => x.name === sheet);
    const { row, col } = parseA1(address);
    return s?.cells.find((c) => c.row === row && c.col === col)?.value;
  }

  /** Types a value into a cell, as a clerk would in Excel meanwhile. */
  type(sheet: string, address: string, value: string | number | null): void {
    this.snapshot = applyPlanToSnapshot(this.snapshot, { cellWrites: [{ sheet, writes: [{ address, value }] }], sheets: [] });
  }

  /** Every cell write of every plan on one sheet, as "A1=value". */
  written(sheet: string): string[] {
    return this.plans.flatMap((p) => p.cellWrites.filter((g) => g.sheet === sheet).flatMap((g) => g.writes.map((w) => `${w.address}=${w.value}`)));
  }
}
