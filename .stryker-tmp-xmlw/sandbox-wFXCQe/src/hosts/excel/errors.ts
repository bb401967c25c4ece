/**
 * What the office-js adapter tells the pane when Excel did not do what was asked, in the clerk's
 * terms (zh-CN first, English second):
 * - ApplyIncompleteError: a write stopped part-way (a batch is not a transaction): which sheets and
 *   owned cells were written, which not, and whether 撤销上次写入 can put the workbook back;
 * - ExcelNotRespondingError: a sync did not come back within the bounded wait;
 * - CellEditModeError: Excel refused the batch because the clerk is typing in a cell.
 * hostFailure() turns any failure of a sync into words (the office-js error codes are documented at
 * https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling-messages).
 */
// @ts-nocheck


/** A failure of Excel, in words. */
export interface HostFailure {
  zh: string;
  en: string;
}

/** The office-js error code of a failure (OfficeExtension.Error.code), if it has one. */
export function errorCode(e: unknown): string | undefined {
  if (typeof e !== "object" || e === null) return undefined;
  const code = (e as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

function rawMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}

/** A sync did not answer within the bounded wait. */
export class ExcelNotRespondingError extends Error {
  readonly messageZh: string;
  readonly messageEn: string;
  constructor(readonly seconds: number) {
    const zh = `Excel 在 ${seconds} 秒内没有响应。如果您正在编辑单元格，请按 Enter 或 Esc 结束编辑；如有对话框打开，请先关闭它，然后重试。`;
    const en = `Excel did not respond within ${seconds} seconds. If you are editing a cell, press Enter or Esc to finish; close any open dialog, then try again.`;
    super(`${zh} / ${en}`);
    this.name = "ExcelNotRespondingError";
    this.messageZh = zh;
    this.messageEn = en;
  }
}

/** Excel refused the batch: the clerk is typing in a cell (InvalidOperationInCellEditMode). */
export class CellEditModeError extends Error {
  readonly messageZh = "Excel 正在编辑单元格，无法读写工作簿。请按 Enter 或 Esc 结束编辑，然后重试。";
  readonly messageEn = "Excel is editing a cell and cannot read or write the workbook. Press Enter or Esc to finish editing, then try again.";
  readonly code = "InvalidOperationInCellEditMode";
  constructor(readonly original?: unknown) {
    super("");
    this.message = `${this.messageZh} / ${this.messageEn}`;
    this.name = "CellEditModeError";
  }
}

/** A failure of a sync in the clerk's words; the raw message last, for support. */
export function hostFailure(e: unknown): HostFailure {
  if (e instanceof ExcelNotRespondingError || e instanceof CellEditModeError) return { zh: e.messageZh, en: e.messageEn };
  const code = errorCode(e);
  const raw = rawMessage(e);
  switch (code) {
    case "InvalidOperationInCellEditMode": {
      const c = new CellEditModeError(e);
      return { zh: c.messageZh, en: c.messageEn };
    }
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return { zh: `一次传给 Excel 的数据超过了网页版 Excel 的 5 MB 上限（${code}）`, en: `the data of one request passed Excel on the web's 5 MB limit (${code})` };
    case "AccessDenied":
      return { zh: `Excel 拒绝了写入：工作表或工作簿结构受保护（${raw}）`, en: `Excel refused the write: a sheet or the workbook's structure is protected (${raw})` };
    case "ItemNotFound":
      return { zh: `找不到要写入的工作表，可能已被重命名或删除（${raw}）`, en: `a sheet to write is gone, perhaps renamed or deleted (${raw})` };
    default:
      return { zh: `Excel 报告错误：${raw}`, en: `Excel reported an error: ${raw}` };
  }
}

/**
 * A write that stopped part-way. `done`: what was written (in batches Excel confirmed); `notDone`:
 * what was not, or not for certain (the failing batch may have been applied in part: office-js
 * batches are not transactions). zh-CN in `done`/`notDone`, English in `doneEn`/`notDoneEn`.
 */
export class ApplyIncompleteError extends Error {
  readonly messageZh: string;
  readonly messageEn: string;
  readonly done: string[];
  readonly notDone: string[];
  readonly doneEn: string[];
  readonly notDoneEn: string[];
  /** The 撤销记录 of this write was written completely: 撤销上次写入 puts back the state before it. */
  readonly undoRecordWritten: boolean;
  /** The failure of Excel that stopped the write. */
  readonly failure: unknown;

  constructor(args: { done: { zh: string; en: string }[]; notDone: { zh: string; en: string }[]; undoRecordWritten: boolean; hadUndoRecord: boolean; failure: unknown }) {
    const why = hostFailure(args.failure);
    const done = args.done.map((d) => d.zh);
    const notDone = args.notDone.map((d) => d.zh);
    const doneEn = args.done.map((d) => d.en);
    const notDoneEn = args.notDone.map((d) => d.en);
    let hintZh: string;
    let hintEn: string;
    if (done.length === 0) {
      hintZh = "工作簿没有被改动（若失败发生在一批写入的中途，请核对下列未写入项）。";
      hintEn = "The workbook was not changed (if the failure came in the middle of a batch, check the items not written).";
    } else if (args.undoRecordWritten) {
      hintZh = "本次写入前的原内容已记入「撤销记录」：点击「撤销上次写入」可恢复到写入前的状态；或排除原因后重新执行。";
      hintEn = "The content before this write is in 撤销记录: 撤销上次写入 (undo the last write) restores the state before it; or remove the cause and run the action again.";
    } else if (args.hadUndoRecord) {
      hintZh = "「撤销记录」未完整写入，请勿使用「撤销上次写入」；排除原因后重新执行。";
      hintEn = "撤销记录 was not written completely: do not use 撤销上次写入; remove the cause and run the action again.";
    } else {
      hintZh = "排除原因后重新执行即可补全。";
      hintEn = "Remove the cause and run the action again to complete it.";
    }
    const zh = `写入未完成：${why.zh}。已写入：${done.length > 0 ? done.join("；") : "无"}。未写入：${notDone.length > 0 ? notDone.join("；") : "无"}。${hintZh}`;
    const en = `The write did not complete: ${why.en}. Written: ${doneEn.length > 0 ? doneEn.join("; ") : "nothing"}. Not written: ${notDoneEn.length > 0 ? notDoneEn.join("; ") : "nothing"}. ${hintEn}`;
    super(`${zh} / ${en}`);
    this.name = "ApplyIncompleteError";
    this.messageZh = zh;
    this.messageEn = en;
    this.done = done;
    this.notDone = notDone;
    this.doneEn = doneEn;
    this.notDoneEn = notDoneEn;
    this.undoRecordWritten = args.undoRecordWritten;
    this.failure = args.failure;
  }
}
