/**
 * The pane's work without React: one workbook behind an adapter (office-js inside Excel, ExcelJS
 * over a file in a plain browser), the last snapshot and run, and the actions of the buttons.
 *
 * Every action starts from a fresh read, so an edit made in Excel meanwhile is seen. The month
 * form's edits go into the input sheets (input-rows.ts plans them); the scores are computed by
 * runWorkbook over the snapshot as it will be once those edits are in, and inputs and scores are
 * written in one apply — or nothing is written when the run is refused.
 *   计算本月  — the form's edits + every month's owned cells (unchanged months write the same values);
 *   全部重算  — the same plus the 付款结算 sheet (when every instalment can be settled);
 *   结算      — 全部重算, then the 付款结算 sheet is shown.
 * Trust (plan.ts does the planning; the session gives it the clock, read from the UI's `now`):
 *   定稿 / 解除定稿 — planFreezeMonth / planUnfreezeMonth on a fresh read;
 *   撤销上次写入    — planUndo; undoPreview() says beforehand what it puts back and which cells
 *                     were typed in since the write (they are overwritten).
 * Every write of the pane leaves 撤销记录 covering all of it: the input cells the form writes too
 * (runWorkbook records only its own plan, so the record is rebuilt over the merged plan), and
 * 保存本月输入 / 保存规则设置 record their writes as well. One level: the last write.
 * The host: limitations() gathers what this Excel could not do over the session's reads and writes
 * (PaneAdapter.limitations, one entry per feature). A write that stops part way (the adapter's
 * ApplyIncompleteError, asIncompleteWrite) is followed by a fresh read before the error goes on to
 * the pane, so the view and 撤销上次写入 see the workbook as it is now.
 */
// @ts-nocheck

import {
  dec,
  fixed2,
  forecastInstalment,
  instalmentAmount,
  IsoDate,
  MonthKey,
  MonthScore,
  RuleSet,
  settlementProgress,
  yuanText,
} from "../domain";
import {
  applyPlanToSnapshot,
  draftChanged,
  draftProblemCell,
  loadMonthDraft,
  loadSettingsDraft,
  mergePlans,
  MonthDraft,
  PlanProblem,
  planMonthDraft,
  planSettingsDraft,
  SettingsDraft,
  validateMonthDraft,
  validateSettingsDraft,
  DraftProblem,
} from "../workbook/drafts/input-rows";
import type { LocatedProblem } from "../workbook/read/located";
import { parseA1, type WorkbookAdapter, type WorkbookSnapshot, type WritePlan } from "../workbook/model";
import { buildPaymentSheet, PAYMENT_SHEET_NAME } from "../workbook/sheets/payment-sheet";
import { planFreezeMonth, planUndo, planUnfreezeMonth, runWorkbook, runWorkbookAsync, RunResult, TrustResult } from "../workbook/plan";
import { readInputs, WorkbookInputs } from "../workbook/read/read-inputs";
import { buildUndoSheet, UNDO_SHEET_NAME } from "../workbook/sheets/undo";

/** What the pane needs of a workbook: the adapter, plus selecting a cell (Excel) or saving a file (browser). */
export interface PaneAdapter extends WorkbookAdapter {
  /** Shows the sheet and selects the cell (office-js: worksheet.activate(), range.select()). */
  select?(sheet: string, cell: string | null): Promise<void>;
  /** The workbook as an .xlsx file (file mode). */
  save?(): Promise<Uint8Array>;
  /**
   * What this host could not do in the last read() or apply() (a requirement set it lacks), each
   * with its effect on the clerk's work (zh-CN, en-US). The session gathers them over its reads
   * and writes (limitations()); an adapter without the method has none.
   */
  limitations?(): PaneLimitation[];
}

/** One thing this Excel cannot do, and what that means for the clerk (zh-CN first). */
export interface PaneLimitation {
  /** A stable key of the feature ("merged areas", "data validation", "page layout"). */
  feature: string;
  messageZh: string;
  messageEn: string;
}

/**
 * A write that stopped part way (the adapter's ApplyIncompleteError, matched by its shape so the
 * pane does not depend on the adapter's module): some changes are in the workbook, others not.
 */
export interface IncompleteWrite {
  messageZh: string;
  messageEn: string;
  /** What was written, and what was not (the adapter's words). */
  done: string[];
  notDone: string[];
}

const isStringArray = (x: unknown): x is string[] => Array.isArray(x) && x.every((v) => typeof v === "string");

/** The error as an incomplete write when it has ApplyIncompleteError's shape; null for any other error. */
export function asIncompleteWrite(error: unknown): IncompleteWrite | null {
  if (typeof error !== "object" || error === null) return null;
  const e = error as Partial<Record<"name" | "messageZh" | "messageEn" | "message" | "done" | "notDone", unknown>>;
  if (e.name !== "ApplyIncompleteError" || !isStringArray(e.done) || !isStringArray(e.notDone)) return null;
  const text = (x: unknown) => (typeof x === "string" && x.trim() !== "" ? x : null);
  const message = text(e.message) ?? "";
  return {
    messageZh: text(e.messageZh) ?? message,
    messageEn: text(e.messageEn) ?? message,
    done: [...e.done],
    notDone: [...e.notDone],
  };
}

export type Phase = "read" | "score" | "write";
export type ProgressListener = (phase: Phase) => void;

/** A problem to show: the engine's and the reader's (located), or why a save was refused. */
export interface PaneProblem {
  severity: "error" | "warning";
  message: string;
  messageEn: string;
  sheet: string | null;
  cell: string | null;
  indicator: string;
  month?: string;
  /** The engine's or the reader's problem code, when there is one (e.g. "scorecard-frozen"). */
  code?: string;
}

/**
 * scored: the workbook's 考核得分 is what the engine computes from the inputs; stale: the engine
 * scores the month without error but the scorecard's 考核得分 cell is empty or holds another value
 * (not computed yet, or inputs saved since): the pane says 「需要重新计算」 instead of a score.
 */
export type MonthState = "not-started" | "incomplete" | "errors" | "stale" | "scored";

export interface MonthStatus {
  month: MonthKey;
  /** The scorecard sheet of the month; null when the workbook has none. */
  sheet: string | null;
  state: MonthState;
  /** 考核得分 ("93.25") when scored: what the workbook holds, equal to what the engine computes. Null otherwise. */
  total: string | null;
  /** What the engine computes from the inputs ("94.25") when the month scores without error; for a stale month it differs from `held`. */
  computed: string | null;
  /** The scorecard's 考核得分 cell as the workbook holds it ("93.25", or its text; null when empty or there is no scorecard). */
  held: string | null;
  /** "工作表!A1" of the 考核得分 cell; null without a scorecard. */
  totalCell: string | null;
  errors: number;
  /** Indicators not filled in yet (state "incomplete"). */
  missing: number;
  /** Scored below 达标分 (rules.contract.threshold). */
  belowThreshold: boolean;
  /** 定稿 in 审计记录; null when the month is not frozen. */
  frozen: FrozenStatus | null;
}

export interface FrozenStatus {
  /** When and by whom, as 审计记录 has it ("2025-11-05 14:30", "张三"). */
  at: string;
  who: string;
  /** Inputs or scores changed since the freeze (the run's warnings say which). */
  changed: boolean;
}

export interface InstalmentStatus {
  number: number;
  /** Amounts as shown: "¥344,500.00". */
  amount: string;
  months: MonthKey[];
  monthsScored: number;
  /** Period average so far (A6 rounding), null before any month is scored or for instalment 1. */
  average: string | null;
  /** The final deduction when every month is scored, else the one at the pace so far; null when nothing is scored. */
  deduction: string | null;
  final: boolean;
  /** The amount payable, when final. */
  payable: string | null;
  /**
   * The months of its period whose 考核得分 in the workbook is not what the engine computes
   * (需要重新计算). While any is, the instalment's figures are not computed yet: average,
   * deduction and payable are null and `final` false, so the summary never shows totals the
   * workbook does not hold (one truth, issue 15 point 3).
   */
  stale: MonthKey[];
}

export type ActionKind = "saved" | "scored" | "recomputed" | "settled" | "refused" | "unchanged" | "frozen" | "unfrozen" | "undone";

export interface ActionResult {
  kind: ActionKind;
  /** Errors that refused the action (nothing written), or the run's problems after a write. */
  problems: PaneProblem[];
  /** Cells written (input cells + owned cells); 0 when refused. */
  cells: number;
  /** Months scored by the run. */
  months: number;
  /** The 付款结算 sheet was written. */
  paymentSheet: boolean;
  /** 撤销上次写入: "工作表!A1" of cells typed in since the undone write (the undo overwrote them). */
  changedSince?: string[];
  /** 撤销上次写入: sheets the undone write had created, deleted. */
  deletedSheets?: string[];
}

/** Whether 撤销上次写入 can do anything on the workbook as last read, and if not why. */
export type UndoState = { ok: true; cells: number; sheets: number } | { ok: false; reason: "none" | "empty" | "refused" };

/** What 撤销上次写入 would do now, for its confirmation. */
export type UndoPreview =
  | {
      ok: true;
      /** 记录时间 of 撤销记录 ("2025-11-05 14:30"); null when it cannot be read. */
      takenAt: string | null;
      cellsRestored: number;
      deletedSheets: string[];
      /** "工作表!A1" of cells typed in since that write: the undo overwrites them. */
      changedSince: string[];
    }
  | { ok: false; problems: PaneProblem[] };

import { localNow, localToday } from "../hosts/local-time";

export { localNow, localToday };

export function fromPlanProblem(p: PlanProblem): PaneProblem {
  return { severity: "error", message: p.message, messageEn: p.messageEn, sheet: p.sheet, cell: p.cell, indicator: "" };
}

function fromLocated(p: LocatedProblem): PaneProblem {
  const out: PaneProblem = { severity: p.severity, message: p.message, messageEn: p.messageEn, sheet: p.sheet, cell: p.cell, indicator: p.indicator, code: p.code };
  if (p.month !== undefined) out.month = p.month;
  return out;
}

const REFUSED = { kind: "refused", cells: 0, months: 0, paymentSheet: false } as const;

/**
 * The plan with 撤销记录 (re)built over all of it, as the workbook `before` is now: replaces the
 * record a run made over its own part, so an undo puts back the form's input cells as well.
 */
export function withUndoRecord(before: WorkbookSnapshot, plan: WritePlan, takenAt: string): WritePlan {
  const sheets = plan.sheets.filter((s) => s.name !== UNDO_SHEET_NAME);
  const record = buildUndoSheet(before, { ...plan, sheets }, takenAt);
  return { ...plan, sheets: [...sheets, record] };
}

/** 记录时间 (B2) of a 撤销记录 sheet. */
function undoTakenAt(snapshot: WorkbookSnapshot): string | null {
  const sheet = snapshot.sheets.find((s) => s.name === UNDO_SHEET_NAME);
  const cell = sheet?.cells.find((c) => c.row === 2 && c.col === 2);
  return typeof cell?.value === "string" && cell.value.trim() !== "" ? cell.value : null;
}

function cellCount(plan: WritePlan): number {
  return plan.cellWrites.reduce((n, g) => n + g.writes.length, 0) + plan.sheets.reduce((n, s) => n + s.cells.length, 0);
}

/** Lets the pane paint between phases (the engine itself is synchronous). */
const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export interface SessionOptions {
  /** The clock, injectable for tests. */
  now?: () => Date;
}

export class Session {
  snapshot: WorkbookSnapshot | null = null;
  result: RunResult | null = null;
  /** The input sheets as the last run read them (指标录入, 付款记录, …); null before the first read. */
  inputs: WorkbookInputs | null = null;
  private readonly now: () => Date;

  constructor(
    readonly adapter: PaneAdapter,
    options: SessionOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  get rules(): RuleSet | undefined {
    return this.result?.rules;
  }

  get canSelect(): boolean {
    return typeof this.adapter.select === "function";
  }

  private asOf(): IsoDate {
    return localToday(this.now());
  }

  /** Reads the workbook and scores it, writing nothing. */
  async load(progress: ProgressListener = () => {}): Promise<RunResult> {
    progress("read");
    await tick();
    const snapshot = await this.readWorkbook();
    progress("score");
    await tick();
    return this.remember(snapshot);
  }

  /** The read that refreshes the view after a write, while it runs (rememberWritten). */
  private refreshing: Promise<void> | null = null;
  /** Told when such a read has replaced the view: the pane re-renders. */
  onRefresh: (() => void) | null = null;

  /** Every read of the workbook waits for a refresh under way: the session's reads and writes never overlap. */
  private async readWorkbook(): Promise<WorkbookSnapshot> {
    await this.whenRefreshed();
    return this.readNow();
  }

  /** adapter.read(), noting what the host could not do. */
  private async readNow(): Promise<WorkbookSnapshot> {
    try {
      return await this.adapter.read();
    } finally {
      this.noteLimitations();
    }
  }

  /** What this host cannot do, gathered over every read and write of the session (one entry per feature). */
  private readonly seenLimitations = new Map<string, PaneLimitation>();

  private noteLimitations(): void {
    let found: PaneLimitation[] = [];
    try {
      found = this.adapter.limitations?.() ?? [];
    } catch {
      return; // not knowing what the host lacks must not fail a read or a write
    }
    for (const l of found) if (!this.seenLimitations.has(l.feature)) this.seenLimitations.set(l.feature, { ...l });
  }

  /** What this Excel cannot do, as found so far in this session (empty where it can do everything). */
  limitations(): PaneLimitation[] {
    return [...this.seenLimitations.values()];
  }

  /**
   * adapter.apply(), noting what the host could not do. When the write stopped part way
   * (ApplyIncompleteError), the workbook is read again before the error goes on, so the view and
   * 撤销上次写入 work on what Excel holds now; a failing read leaves the view as it was.
   */
  private async write(plan: WritePlan): Promise<void> {
    try {
      await this.adapter.apply(plan);
    } catch (e) {
      this.noteLimitations();
      if (asIncompleteWrite(e)) {
        try {
          this.remember(await this.readNow());
        } catch {
          // the pane still says what was and was not written; the next action reads again
        }
      }
      throw e;
    }
    this.noteLimitations();
  }

  /** Resolves once no refresh is under way. */
  async whenRefreshed(): Promise<void> {
    while (this.refreshing) await this.refreshing;
  }

  /**
   * After a write: the view becomes the workbook as the plan leaves it (applyPlanToSnapshot, held
   * equal to a read after the same plan by test/workbook/drafts/input-rows.test.ts) at once, and the read
   * that takes it from the workbook itself runs behind, not awaited by the action. In Excel on the
   * web each sync is a round trip the clerk would wait on: an action is its read and its write, and
   * the pane shows the result; the read after lands a moment later (onRefresh) with what Excel holds,
   * recalculated. Should it fail, the view stays as written and the next action reads anyway.
   */
  private rememberWritten(before: WorkbookSnapshot, plan: WritePlan): RunResult {
    const result = this.remember(applyPlanToSnapshot(before, plan));
    const refresh: Promise<void> = this.readNow()
      .then((snapshot) => {
        this.remember(snapshot);
        this.onRefresh?.();
      })
      // A failed read (or re-render) leaves the view as written: the next action reads and says what is wrong.
      .catch(() => undefined)
      .finally(() => {
        if (this.refreshing === refresh) this.refreshing = null;
      });
    this.refreshing = refresh;
    return result;
  }

  private remember(snapshot: WorkbookSnapshot): RunResult {
    this.snapshot = snapshot;
    this.inputs = readInputs(snapshot);
    this.result = runWorkbook(snapshot, { asOf: this.asOf() });
    return this.result;
  }

  /** Every problem of the last run, located. */
  problems(): PaneProblem[] {
    return (this.result?.problems ?? []).map(fromLocated);
  }

  /** Every month with a scorecard sheet or with data in 指标录入, in order. */
  months(): MonthStatus[] {
    const r = this.result;
    const inputs = this.inputs;
    if (!r || !inputs) return [];
    const sheetOf = new Map<MonthKey, string>();
    for (const card of r.scorecards) if (!sheetOf.has(card.month)) sheetOf.set(card.month, card.sheet);
    const withData = new Set(inputs.indicators.map((i) => i.month));
    const scores = new Map(r.scores.map((s) => [s.month, s]));
    const frozen = new Map(r.frozen.map((f) => [f.month, f]));
    const threshold = dec(r.rules.contract.threshold);
    const cardOf = new Map(r.scorecards.map((c) => [c.month, c]));
    const all = [...new Set([...sheetOf.keys(), ...withData, ...frozen.keys()])].sort();
    // The run's errors by month, gathered once (not one pass over all of them for each month).
    const errorsOf = new Map<MonthKey | undefined, typeof r.errors>();
    for (const p of r.errors) {
      const list = errorsOf.get(p.month);
      if (list) list.push(p);
      else errorsOf.set(p.month, [p]);
    }
    return all.map((month) => {
      const errors = errorsOf.get(month) ?? [];
      const missing = errors.filter((p) => p.code === "missing").length;
      const score = scores.get(month);
      const card = cardOf.get(month);
      const held = card ? this.heldTotal(card.sheet, card.totalCell) : null;
      const computed = score && errors.length === 0 ? fixed2(score.total) : null;
      let state: MonthState;
      if (errors.length > 0) state = missing === errors.length ? "incomplete" : "errors";
      else if (score) state = card && held !== computed ? "stale" : "scored";
      else state = withData.has(month) ? "incomplete" : "not-started";
      const total = state === "scored" ? computed : null;
      const f = frozen.get(month);
      return {
        month,
        sheet: sheetOf.get(month) ?? null,
        state,
        total,
        computed,
        held,
        totalCell: card ? `${card.sheet}!${card.totalCell}` : null,
        errors: errors.length,
        missing,
        belowThreshold: total !== null && dec(total).lt(threshold),
        frozen: f ? { at: f.record.at, who: f.record.who, changed: f.change !== null } : null,
      };
    });
  }

  /**
   * A scorecard's 考核得分 as the workbook holds it: a number as fixed2 ("93.25"), other text as
   * it is, null when the cell is empty.
   */
  private heldTotal(sheet: string, address: string): string | null {
    const s = this.snapshot?.sheets.find((x) => x.name === sheet);
    if (!s) return null;
    const { row, col } = parseA1(address);
    const v = s.cells.find((c) => c.row === row && c.col === col)?.value ?? null;
    if (v === null || v === "") return null;
    if (typeof v === "number") return fixed2(dec(v));
    const text = String(v).trim();
    return text === "" ? null : /^-?\d+(\.\d+)?$/.test(text) ? fixed2(dec(text)) : text;
  }

  /** The month's score from the last run. */
  score(month: MonthKey): MonthScore | null {
    return this.result?.scores.find((s) => s.month === month) ?? null;
  }

  /** The instalments with their deduction so far (final once every month of the period is scored). */
  instalments(): InstalmentStatus[] {
    const r = this.result;
    const inputs = this.inputs;
    if (!r || !inputs) return [];
    const totals: Record<MonthKey, string> = {};
    const bad = new Set(r.errors.map((p) => p.month).filter((m): m is string => m !== undefined));
    for (const s of r.scores) if (!bad.has(s.month)) totals[s.month] = fixed2(s.total);
    const progress = settlementProgress(totals, inputs.payments, r.rules, this.asOf());
    const staleMonths = new Set(this.months().filter((m) => m.state === "stale").map((m) => m.month));
    return r.rules.contract.instalments.map((terms) => {
      const p = progress.ok ? progress.value.instalments.find((i) => i.number === terms.number) : undefined;
      const f = p?.forecast ?? forecastInstalment(terms, totals, r.rules);
      const settled = p?.settled ?? null;
      // 合同总额 × 比例 to the fen, the last instalment taking the remainder (SPEC §9).
      const amount = instalmentAmount(terms, r.rules);
      const stale = f.months.filter((m) => staleMonths.has(m));
      if (stale.length > 0) {
        return { number: terms.number, amount: yuanText(amount), months: f.months, monthsScored: f.monthsScored, average: null, deduction: null, final: false, payable: null, stale };
      }
      return {
        number: terms.number,
        amount: yuanText(amount),
        months: f.months,
        monthsScored: f.monthsScored,
        average: f.averageSoFar === null ? null : fixed2(f.averageSoFar),
        deduction: settled ? yuanText(settled.deduction) : f.projectedDeduction === null ? null : yuanText(f.projectedDeduction),
        final: f.status === "complete",
        payable: settled ? yuanText(settled.payable) : null,
        stale,
      };
    });
  }

  /** The month's rows of the input sheets, as the form edits them. */
  monthDraft(month: MonthKey): MonthDraft {
    if (!this.snapshot) throw new Error("工作簿尚未读取 / the workbook is not read yet");
    return loadMonthDraft(this.snapshot, month, this.result?.rules, this.inputs ?? undefined);
  }

  /** The draft's problems as a run would find them (SPEC §6). */
  validate(draft: MonthDraft): DraftProblem[] {
    return validateMonthDraft(draft, this.result?.rules);
  }

  /**
   * Writes the form's edits to the input sheets only (no scoring) — only when they pass the checks
   * of 计算本月 (validateMonthDraft): a value the engine refuses (团队人数 −1, 接通率排名 0, 合格工单数
   * above 抽检工单数…) refuses the save, nothing is written, and every error is named with its cell.
   * A blank field alone does not: a month may be saved half filled in (it then shows as 未填完).
   */
  async saveMonth(draft: MonthDraft, progress: ProgressListener = () => {}): Promise<ActionResult> {
    if (draftChanged(draft)) {
      const errors = this.validate(draft).filter((p) => p.severity === "error" && p.code !== "missing");
      if (errors.length > 0) {
        progress("read");
        await tick();
        const snapshot = await this.readWorkbook();
        this.remember(snapshot);
        return { ...REFUSED, problems: this.locateDraftProblems(snapshot, draft, errors) };
      }
    }
    return this.saveInputs((snapshot) => planMonthDraft(snapshot, draft, this.result?.rules), progress);
  }

  /** Draft problems with the workbook cell each is about (sheet, A1, indicator), for a refusal. */
  private locateDraftProblems(snapshot: WorkbookSnapshot, draft: MonthDraft, problems: readonly DraftProblem[]): PaneProblem[] {
    const inputs = readInputs(snapshot);
    return problems.map((p) => {
      const at = draftProblemCell(snapshot, draft, p.target, inputs);
      return { severity: p.severity, message: p.message, messageEn: p.messageEn, sheet: at?.sheet ?? null, cell: at?.cell ?? null, indicator: at?.indicator ?? "", month: draft.month, code: p.code };
    });
  }

  /**
   * Read, plan the input cells, write them with their 撤销记录 — or nothing when the plan is
   * refused or changes no cell. Shared by the month form, the settings panel and every other
   * editor of input rows (付款记录, 合同信息, …): each brings its own planner.
   */
  async saveInputs(plan: (snapshot: WorkbookSnapshot) => ReturnType<typeof planSettingsDraft>, progress: ProgressListener): Promise<ActionResult> {
    progress("read");
    await tick();
    const snapshot = await this.readWorkbook();
    const planned = plan(snapshot);
    if (!planned.ok) {
      this.remember(snapshot);
      return { kind: "refused", problems: planned.problems.map(fromPlanProblem), cells: 0, months: 0, paymentSheet: false };
    }
    if (planned.changed === 0) {
      this.remember(snapshot);
      return { kind: "unchanged", problems: [], cells: 0, months: 0, paymentSheet: false };
    }
    progress("write");
    await tick();
    const written = withUndoRecord(snapshot, planned.plan, localNow(this.now()));
    await this.write(written);
    const after = this.rememberWritten(snapshot, written);
    return { kind: "saved", problems: after.problems.map(fromLocated), cells: planned.changed, months: after.scores.length, paymentSheet: false };
  }

  /**
   * 计算本月: the form's edits (if any) and every month's scores, in one write. The month itself
   * must score: an empty or half-filled month (even unedited) is refused with every missing field
   * named, rather than "scored 0 months" with the other months rewritten.
   */
  async computeMonth(draft: MonthDraft | null, progress: ProgressListener = () => {}): Promise<ActionResult> {
    if (draft && !draftChanged(draft)) {
      const errors = this.validate(draft).filter((p) => p.severity === "error");
      if (errors.length > 0) {
        progress("read");
        await tick();
        const snapshot = await this.readWorkbook();
        this.remember(snapshot);
        // The workbook may have changed since the draft was loaded: check the month as it is now.
        const now = this.monthDraft(draft.month);
        const still = this.validate(now).filter((p) => p.severity === "error");
        if (still.length > 0) return { ...REFUSED, problems: this.locateDraftProblems(snapshot, now, still) };
        return this.runAndWrite(now, false, () => {});
      }
    }
    return this.runAndWrite(draft, false, progress);
  }

  /** 全部重算: as 计算本月, plus the 付款结算 sheet. */
  recomputeAll(draft: MonthDraft | null, progress?: ProgressListener): Promise<ActionResult> {
    return this.scoreAll(draft, "recomputed", progress);
  }

  /** 结算: 全部重算, then the 付款结算 sheet is shown (in Excel). */
  async settle(draft: MonthDraft | null, progress?: ProgressListener): Promise<ActionResult> {
    const out = await this.scoreAll(draft, "settled", progress);
    if (out.paymentSheet && this.adapter.select) await this.adapter.select(PAYMENT_SHEET_NAME, "A1");
    return out;
  }

  private async scoreAll(draft: MonthDraft | null, kind: ActionKind, progress?: ProgressListener): Promise<ActionResult> {
    const out = await this.runAndWrite(draft, true, progress);
    return out.kind === "scored" ? { ...out, kind } : out;
  }

  private async runAndWrite(draft: MonthDraft | null, withPayment: boolean, progress: ProgressListener = () => {}): Promise<ActionResult> {
    const refused = (problems: PaneProblem[]): ActionResult => ({ kind: "refused", problems, cells: 0, months: 0, paymentSheet: false });
    progress("read");
    await tick();
    const snapshot = await this.readWorkbook();
    let inputsPlan: WritePlan = { cellWrites: [], sheets: [] };
    if (draft && draftChanged(draft)) {
      const errors = validateMonthDraft(draft, this.result?.rules).filter((p) => p.severity === "error");
      if (errors.length > 0) {
        this.remember(snapshot);
        return refused(this.locateDraftProblems(snapshot, draft, errors));
      }
      const planned = planMonthDraft(snapshot, draft, this.result?.rules);
      if (!planned.ok) {
        this.remember(snapshot);
        return refused(planned.problems.map(fromPlanProblem));
      }
      inputsPlan = planned.plan;
    }
    progress("score");
    await tick();
    const planned = applyPlanToSnapshot(snapshot, inputsPlan);
    const now = this.now();
    const run = await runWorkbookAsync(planned, {
      asOf: localToday(now),
      now: localNow(now),
      ...(withPayment ? { buildPaymentSheet } : {}),
    });
    if (!run.ok || !run.plan) {
      // Nothing is written: the session stays on the workbook as it is; the refusal names the run's errors.
      this.remember(snapshot);
      const problems = run.errors.map(fromLocated);
      if (problems.length === 0) problems.push({ severity: "error", message: "无法结算，未写入任何内容", messageEn: "cannot settle: nothing was written", sheet: null, cell: null, indicator: "" });
      return refused(problems);
    }
    progress("write");
    await tick();
    // One write, one record: 撤销记录 over the input cells and the scores together.
    const merged = mergePlans(inputsPlan, run.plan);
    const plan = withUndoRecord(snapshot, merged, localNow(now));
    await this.write(plan);
    const after = this.rememberWritten(snapshot, plan);
    return {
      kind: "scored",
      problems: after.warnings.map(fromLocated),
      cells: cellCount(plan),
      months: run.scores.length,
      paymentSheet: run.plan.sheets.some((s) => s.name === PAYMENT_SHEET_NAME),
    };
  }

  // ------------------------------------------------------------------------ 定稿 / 解除定稿 / 撤销

  /** The month is frozen (定稿) in the last run. */
  frozen(month: MonthKey): FrozenStatus | null {
    return this.months().find((m) => m.month === month)?.frozen ?? null;
  }

  /** 定稿: freezes the month as the workbook holds it now (its owned cells written first if needed). */
  async freezeMonth(month: MonthKey, who: string, progress: ProgressListener = () => {}): Promise<ActionResult> {
    progress("read");
    await tick();
    const snapshot = await this.readWorkbook();
    progress("score");
    await tick();
    const now = this.now();
    const r = await planFreezeMonth(snapshot, { month, who: who.trim(), now: localNow(now) }, { asOf: localToday(now) });
    return this.applyTrust(snapshot, r, "frozen");
  }

  /** 解除定稿: on purpose, with a reason; recorded in 审计记录. */
  async unfreezeMonth(month: MonthKey, who: string, reason: string, progress: ProgressListener = () => {}): Promise<ActionResult> {
    progress("read");
    await tick();
    const snapshot = await this.readWorkbook();
    const r = planUnfreezeMonth(snapshot, { month, who: who.trim(), reason: reason.trim(), now: localNow(this.now()) });
    return this.applyTrust(snapshot, r, "unfrozen");
  }

  private async applyTrust(snapshot: WorkbookSnapshot, r: TrustResult, kind: ActionKind): Promise<ActionResult> {
    if (!r.ok) {
      this.remember(snapshot);
      return { ...REFUSED, problems: r.errors.map(fromLocated) };
    }
    await this.write(r.plan);
    this.rememberWritten(snapshot, r.plan);
    return { kind, problems: r.warnings.map(fromLocated), cells: r.cellsWritten, months: 0, paymentSheet: false };
  }

  /** True when the last read found 撤销记录 with something to put back (a cell to restore or a sheet to delete). */
  get canUndo(): boolean {
    return this.undoState().ok;
  }

  private undoChecked: { snapshot: WorkbookSnapshot; state: UndoState } | null = null;

  /**
   * What 撤销上次写入 could do on the last snapshot: ok with the counts, or why not — no 撤销记录
   * ("none"), a record that restores nothing ("empty"), or one that cannot be used ("refused").
   */
  undoState(): UndoState {
    const snapshot = this.snapshot;
    if (!snapshot || !snapshot.sheets.some((s) => s.name === UNDO_SHEET_NAME)) return { ok: false, reason: "none" };
    if (this.undoChecked?.snapshot === snapshot) return this.undoChecked.state;
    const u = planUndo(snapshot);
    const state: UndoState =
      "error" in u ? { ok: false, reason: "refused" } : u.cellsRestored === 0 && u.deletedSheets.length === 0 ? { ok: false, reason: "empty" } : { ok: true, cells: u.cellsRestored, sheets: u.deletedSheets.length };
    this.undoChecked = { snapshot, state };
    return state;
  }

  /** What 撤销上次写入 would do on the workbook as it is now (nothing is written). */
  async undoPreview(): Promise<UndoPreview> {
    const snapshot = await this.readWorkbook();
    const u = planUndo(snapshot);
    if ("error" in u) return { ok: false, problems: u.problems.map(fromLocated) };
    return { ok: true, takenAt: undoTakenAt(snapshot), cellsRestored: u.cellsRestored, deletedSheets: u.deletedSheets, changedSince: u.changedSince };
  }

  /** 撤销上次写入: every recorded cell back, the sheets that write created deleted, 撤销记录 used up. */
  async undo(progress: ProgressListener = () => {}): Promise<ActionResult> {
    progress("read");
    await tick();
    const snapshot = await this.readWorkbook();
    const u = planUndo(snapshot);
    if ("error" in u) {
      this.remember(snapshot);
      return { ...REFUSED, problems: u.problems.map(fromLocated) };
    }
    progress("write");
    await tick();
    await this.write(u.plan);
    const after = this.rememberWritten(snapshot, u.plan);
    return { kind: "undone", problems: after.warnings.map(fromLocated), cells: u.cellsRestored, months: 0, paymentSheet: false, changedSince: u.changedSince, deletedSheets: u.deletedSheets };
  }

  /** The 规则设置 parameters as the settings panel edits them. */
  settingsDraft(): SettingsDraft {
    if (!this.snapshot) throw new Error("工作簿尚未读取 / the workbook is not read yet");
    return loadSettingsDraft(this.snapshot, this.inputs ?? undefined);
  }

  validateSettings(draft: SettingsDraft): Record<string, { message: string; messageEn: string }> {
    return validateSettingsDraft(draft);
  }

  /** Saves the settings panel into 规则设置 (creating the sheet when the workbook has none), then re-scores (without writing scores). */
  saveSettings(draft: SettingsDraft, progress: ProgressListener = () => {}): Promise<ActionResult> {
    return this.saveInputs((snapshot) => planSettingsDraft(snapshot, draft), progress);
  }

  /** Selects a problem's cell in the workbook (Excel only); false when it cannot. */
  async select(sheet: string | null, cell: string | null): Promise<boolean> {
    if (!sheet || !this.adapter.select) return false;
    await this.adapter.select(sheet, cell);
    return true;
  }

  /** The workbook as an .xlsx (file mode). */
  async download(): Promise<Uint8Array> {
    if (!this.adapter.save) throw new Error("此模式下没有文件可下载 / nothing to download in this mode");
    return this.adapter.save();
  }
}
