/** The pane's stores (src/taskpane/state): pure reducers, one per concern. */
// @ts-nocheck

import { defaultRules } from "../../src/domain";
import { loadMonthDraft } from "../../src/workbook/drafts/input-rows";
import { STRINGS } from "../../src/taskpane/i18n";
import type { Session } from "../../src/taskpane/session";
import { dialogsReducer, NO_DIALOG } from "../../src/taskpane/state/dialogs";
import { CLEAN, dirtyReducer, dirtyScreens } from "../../src/taskpane/state/dirty";
import { monthDirty, monthDraftReducer, NO_MONTH } from "../../src/taskpane/state/monthDraft";
import { initialWorkbook, workbookReducer } from "../../src/taskpane/state/workbook";
import { OCTOBER, workbook } from "./fixtures";

const draft = () => loadMonthDraft(workbook(OCTOBER), "2025-10", defaultRules());

describe("month draft store", () => {
  it("opens a month clean, is dirty after an edit, and clean again after 放弃修改 or a reload", () => {
    let s = monthDraftReducer(NO_MONTH, { type: "open", draft: draft() });
    expect(s.month).toBe("2025-10");
    expect(s.draft?.indicators.headcount).toBe("9");
    expect(monthDirty(s)).toBe(false);
    s = monthDraftReducer(s, { type: "indicator", key: "headcount", value: "10" });
    expect(s.draft?.indicators.headcount).toBe("10");
    expect([...s.touched]).toEqual(["headcount"]);
    expect(monthDirty(s)).toBe(true);
    const discarded = monthDraftReducer(s, { type: "discard" });
    expect(discarded.draft?.indicators.headcount).toBe("9");
    expect(discarded.touched.size).toBe(0);
    expect(monthDirty(discarded)).toBe(false);
    // events and reports edits count too
    const noEvents = monthDraftReducer(discarded, { type: "events", events: [] });
    expect(monthDirty(noEvents)).toBe(OCTOBER.events!.length > 0);
    const reloaded = monthDraftReducer(noEvents, { type: "reload", draft: draft() });
    expect(monthDirty(reloaded)).toBe(false);
  });

  it("a reload of another month leaves the open one alone; close forgets it; show-missing after a refusal", () => {
    const s = monthDraftReducer(monthDraftReducer(NO_MONTH, { type: "open", draft: draft() }), { type: "indicator", key: "headcount", value: "10" });
    const other = { ...draft(), month: "2025-09" };
    expect(monthDraftReducer(s, { type: "reload", draft: other })).toBe(s);
    expect(monthDraftReducer(s, { type: "show-missing" }).showMissing).toBe(true);
    expect(monthDraftReducer(s, { type: "close" })).toEqual(NO_MONTH);
    expect(monthDirty(NO_MONTH)).toBe(false);
  });
});

describe("workbook store", () => {
  const t = STRINGS["zh-CN"];
  const fake = {} as Session;

  it("an action clears what the last one left, shows progress, and bumps the view version when done", () => {
    let s = initialWorkbook((x) => x.browserOnly);
    expect(s.status(t)).toContain("预览模式");
    s = { ...s, error: ["错", "err"], refusal: [{ severity: "error", message: "m", messageEn: "m", sheet: null, cell: null, indicator: "" }] };
    s = workbookReducer(s, { type: "start", phase: "read" });
    expect([s.busy, s.error, s.refusal]).toEqual(["read", null, []]);
    s = workbookReducer(s, { type: "phase", phase: "write" });
    expect(s.busy).toBe("write");
    const v = s.version;
    s = workbookReducer(s, { type: "done" });
    expect([s.busy, s.version]).toEqual([null, v + 1]);
  });

  it("a write marks the workbook as not downloaded until the download; opening a file starts clean", () => {
    let s = workbookReducer(initialWorkbook((x) => x.browserOnly), { type: "opened", session: fake, status: (x) => x.loaded(12, 0, 0) });
    expect(s.session).toBe(fake);
    expect(s.notDownloaded).toBe(false);
    s = workbookReducer(s, { type: "written", status: (x) => x.saved(3) });
    expect(s.notDownloaded).toBe(true);
    expect(s.status(t)).toBe("已保存 3 个单元格到输入工作表。");
    s = workbookReducer(s, { type: "downloaded" });
    expect(s.notDownloaded).toBe(false);
    s = workbookReducer(s, { type: "written", status: (x) => x.saved(1) });
    s = workbookReducer(s, { type: "opened", session: fake, status: (x) => x.loaded(1, 0, 0) });
    expect(s.notDownloaded).toBe(false);
  });

  it("a refusal is kept until the clerk leaves the form", () => {
    const problems = [{ severity: "error" as const, message: "m", messageEn: "m", sheet: "指标录入", cell: "B12", indicator: "团队人数" }];
    let s = workbookReducer(initialWorkbook((x) => x.browserOnly), { type: "refused", problems, status: (x) => x.refused(1) });
    expect(s.refusal).toEqual(problems);
    expect(s.notDownloaded).toBe(false);
    s = workbookReducer(s, { type: "clear-refusal" });
    expect(s.refusal).toEqual([]);
  });
});

describe("dialogs store", () => {
  it("one dialog at a time; the guard keeps what to do afterwards", () => {
    const proceed = jest.fn();
    let s = dialogsReducer(NO_DIALOG, { type: "open-trust", dialog: "freeze" });
    expect(s.trust).toBe("freeze");
    s = dialogsReducer(s, { type: "ask", guard: { kind: "download", canSave: true, edits: true, notDownloaded: false, proceed } });
    expect(s.trust).toBeNull();
    expect(s.guard?.kind).toBe("download");
    s.guard?.proceed();
    expect(proceed).toHaveBeenCalledTimes(1);
    s = dialogsReducer(s, { type: "close" });
    expect(s.guard).toBeNull();
    expect(dialogsReducer(s, { type: "close" })).toBe(s);
    s = dialogsReducer(s, { type: "who", who: "张三" });
    expect(s.who).toBe("张三");
  });
});

describe("dirty store", () => {
  it("tracks each screen's unsaved edits", () => {
    let s = dirtyReducer(CLEAN, { type: "dirty", screen: "settlement", dirty: true });
    s = dirtyReducer(s, { type: "dirty", screen: "settings", dirty: true });
    expect(dirtyScreens(s)).toEqual(["settlement", "settings"]);
    expect(dirtyReducer(s, { type: "dirty", screen: "settings", dirty: true })).toBe(s);
    s = dirtyReducer(s, { type: "dirty", screen: "settlement", dirty: false });
    expect(dirtyScreens(s)).toEqual(["settings"]);
    expect(dirtyScreens(dirtyReducer(s, { type: "clear" }))).toEqual([]);
  });
});
