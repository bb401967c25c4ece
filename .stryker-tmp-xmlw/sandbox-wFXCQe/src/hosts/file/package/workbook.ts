/**
 * xl/workbook.xml (CT_Workbook, ECMA-376 Part 1 §18.2.27): the sheets in order, the workbook's
 * defined names, the date system, and calcPr. Changed by splices: a <sheet> added or removed, the
 * defined names of the product's own sheets (print area, print titles) replaced, the localSheetId of
 * the names after a removed sheet moved down, bookViews' activeTab kept on a sheet that still exists,
 * and fullCalcOnLoad set. Every other element and attribute stays as the clerk's Excel wrote it.
 */
// @ts-nocheck

import { applySplices, attrs, child, children, escapeText, insertionPoint, parseXml, setAttributes, type Splice, type XmlDocument, type XmlElement } from "./xml";

/** The children of <workbook> in the schema's order (§18.2.27). */
export const WORKBOOK_ORDER = [
  "fileVersion", "fileSharing", "workbookPr", "workbookProtection", "bookViews", "sheets", "functionGroups",
  "externalReferences", "definedNames", "calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr",
  "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst",
] as const;

export interface WorkbookSheet {
  name: string;
  sheetId: number;
  /** The relationship id (r:id). */
  rid: string;
  state: "visible" | "hidden" | "veryHidden";
  /** Position among <sheets> (all kinds), 0-based. */
  position: number;
  /** The element, for an existing sheet; null for one added here. */
  el: XmlElement | null;
}

/** The relationship id attribute of a <sheet>: r:id, whatever the prefix bound to the relationships namespace. */
function ridOf(el: XmlElement): string {
  for (const [k, v] of Object.entries(el.attrs)) if (k.endsWith(":id")) return v;
  return "";
}

export class WorkbookPart {
  readonly doc: XmlDocument;
  private readonly prefix: string;
  private sheetList: WorkbookSheet[];
  private readonly removed: WorkbookSheet[] = [];
  /** Defined names to add: name, value, the sheet (by name) they are local to. */
  private readonly addedNames: { name: string; value: string; sheet: string }[] = [];
  /** Sheets whose print area and print titles are replaced. */
  private readonly resetPrintNames = new Set<string>();
  private fullCalc = false;
  private readonly relPrefix: string;

  /** `source`: the part's text, or the part already parsed. */
  constructor(source: string | XmlDocument, part = "xl/workbook.xml") {
    this.doc = typeof source === "string" ? parseXml(source, part) : source;
    const root = this.doc.root;
    this.prefix = root.name.includes(":") ? `${root.name.slice(0, root.name.indexOf(":"))}:` : "";
    const sheetsEl = child(root, "sheets");
    this.sheetList = (sheetsEl ? children(sheetsEl, "sheet") : []).map((el, position) => ({
      name: el.attrs.name ?? "",
      sheetId: Number(el.attrs.sheetId),
      rid: ridOf(el),
      state: (el.attrs.state as WorkbookSheet["state"] | undefined) ?? "visible",
      position,
      el,
    }));
    const relAttr = sheetsEl ? children(sheetsEl, "sheet").map((e) => Object.keys(e.attrs).find((k) => k.endsWith(":id"))).find(Boolean) : undefined;
    this.relPrefix = relAttr ? relAttr.slice(0, relAttr.indexOf(":")) : "r";
  }

  /** workbookPr date1904. */
  get date1904(): boolean {
    const pr = child(this.doc.root, "workbookPr");
    return pr?.attrs.date1904 === "1" || pr?.attrs.date1904 === "true";
  }

  sheets(): readonly WorkbookSheet[] {
    return this.sheetList;
  }

  /** Adds a sheet after the others: its entry. */
  addSheet(name: string, rid: string): WorkbookSheet {
    const all = [...this.sheetList, ...this.removed];
    const sheetId = Math.max(0, ...all.map((s) => (Number.isFinite(s.sheetId) ? s.sheetId : 0))) + 1;
    const sheet: WorkbookSheet = { name, sheetId, rid, state: "visible", position: this.sheetList.length, el: null };
    this.sheetList.push(sheet);
    return sheet;
  }

  removeSheet(name: string): WorkbookSheet | null {
    const i = this.sheetList.findIndex((s) => s.name === name);
    if (i < 0) return null;
    const [gone] = this.sheetList.splice(i, 1) as [WorkbookSheet];
    if (gone.el) this.removed.push(gone);
    return gone;
  }

  /** The print area and print titles of `sheet` (by name) become these (none given: none). */
  setPrintNames(sheet: string, names: readonly { name: string; value: string }[]): void {
    this.resetPrintNames.add(sheet);
    for (const n of names) this.addedNames.push({ ...n, sheet });
  }

  /** Excel recalculates the whole workbook when it opens it (calcPr fullCalcOnLoad). */
  setFullCalcOnLoad(): void {
    this.fullCalc = true;
  }

  toXml(): string {
    const root = this.doc.root;
    const p = this.prefix;
    const splices: Splice[] = [];
    const original = children(child(root, "sheets") ?? root, "sheet");
    // Old position → new position (or null when removed), for localSheetId and activeTab.
    const moved = new Map<number, number | null>();
    original.forEach((el, i) => {
      const now = this.sheetList.findIndex((s) => s.el === el);
      moved.set(i, now < 0 ? null : now);
    });

    for (const gone of this.removed) if (gone.el) splices.push({ start: gone.el.start, end: gone.el.end, text: "" });
    const added = this.sheetList.filter((s) => s.el === null);
    if (added.length > 0) {
      const sheetsEl = child(root, "sheets");
      const xml = added.map((s) => `<${p}sheet${attrs({ name: s.name, sheetId: s.sheetId, [`${this.relPrefix}:id`]: s.rid })}/>`).join("");
      if (!sheetsEl) throw new Error("xl/workbook.xml: no <sheets>");
      if (sheetsEl.selfClosing) {
        const tag = this.doc.text.slice(sheetsEl.start, sheetsEl.end).replace(/\s*\/>$/, ">");
        splices.push({ start: sheetsEl.start, end: sheetsEl.end, text: `${tag}${xml}</${sheetsEl.name}>` });
      } else {
        splices.push({ start: sheetsEl.closeStart, end: sheetsEl.closeStart, text: xml });
      }
    }

    // Defined names: those local to a removed sheet go; the print names of re-rendered sheets go;
    // localSheetId follows its sheet; the product's print names are added.
    const namesEl = child(root, "definedNames");
    let anyName = false;
    for (const dn of namesEl ? children(namesEl, "definedName") : []) {
      const local = dn.attrs.localSheetId;
      if (local === undefined) {
        anyName = true;
        continue;
      }
      const to = moved.get(Number(local));
      const sheet = original[Number(local)];
      const sheetName = sheet ? this.sheetList.find((s) => s.el === sheet)?.name : undefined;
      const isPrint = dn.attrs.name === "_xlnm.Print_Area" || dn.attrs.name === "_xlnm.Print_Titles";
      if (to === null || to === undefined || (isPrint && sheetName !== undefined && this.resetPrintNames.has(sheetName))) {
        splices.push({ start: dn.start, end: dn.end, text: "" });
        continue;
      }
      anyName = true;
      if (to !== Number(local)) splices.push(setAttributes(this.doc, dn, { localSheetId: String(to) }));
    }
    const newNames = this.addedNames
      .map((n) => ({ ...n, at: this.sheetList.findIndex((s) => s.name === n.sheet) }))
      .filter((n) => n.at >= 0)
      .map((n) => `<${p}definedName${attrs({ name: n.name, localSheetId: n.at })}>${escapeText(n.value)}</${p}definedName>`)
      .join("");
    if (newNames) {
      if (namesEl && !namesEl.selfClosing) splices.push({ start: namesEl.closeStart, end: namesEl.closeStart, text: newNames });
      else if (namesEl) {
        const tag = this.doc.text.slice(namesEl.start, namesEl.end).replace(/\s*\/>$/, ">");
        splices.push({ start: namesEl.start, end: namesEl.end, text: `${tag}${newNames}</${namesEl.name}>` });
      } else {
        const at = insertionPoint(root, "definedNames", WORKBOOK_ORDER);
        splices.push({ start: at, end: at, text: `<${p}definedNames>${newNames}</${p}definedNames>` });
      }
    } else if (namesEl && !anyName && !namesEl.selfClosing && children(namesEl, "definedName").length > 0) {
      // Every name went: an empty <definedNames/> is against the schema (minOccurs 1 of definedName).
      splices.splice(0, splices.length, ...splices.filter((s) => s.start < namesEl.start || s.end > namesEl.end));
      splices.push({ start: namesEl.start, end: namesEl.end, text: "" });
    }

    // bookViews: activeTab and firstSheet on sheets that are still there.
    const views = child(root, "bookViews");
    for (const v of views ? children(views, "workbookView") : []) {
      const change: Record<string, string> = {};
      for (const key of ["activeTab", "firstSheet"] as const) {
        if (v.attrs[key] === undefined) continue;
        const old = Number(v.attrs[key]);
        let to = moved.get(old);
        if (to === null || to === undefined) to = Math.max(0, Math.min(old, this.sheetList.length - 1));
        if (to !== old) change[key] = String(to);
      }
      if (Object.keys(change).length > 0) splices.push(setAttributes(this.doc, v, change));
    }

    if (this.fullCalc) {
      const calc = child(root, "calcPr");
      if (calc) {
        if (calc.attrs.fullCalcOnLoad !== "1" && calc.attrs.fullCalcOnLoad !== "true") splices.push(setAttributes(this.doc, calc, { fullCalcOnLoad: "1" }));
      } else {
        const at = insertionPoint(root, "calcPr", WORKBOOK_ORDER);
        splices.push({ start: at, end: at, text: `<${p}calcPr fullCalcOnLoad="1"/>` });
      }
    }
    return applySplices(this.doc.text, splices);
  }
}
