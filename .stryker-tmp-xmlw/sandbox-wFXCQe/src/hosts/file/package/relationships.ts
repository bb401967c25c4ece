/**
 * The two package-level XML parts every change of sheets touches: a relationships part
 * (ECMA-376 Part 2 §9.3, "_rels/*.rels") and "[Content_Types].xml" (§10.1.2). Read with the XML
 * layer; changed by splices, so every relationship and content type the product does not add or
 * remove stays exactly as it was written.
 */
// @ts-nocheck

import { applySplices, attrs, children, parseXml, type Splice, type XmlDocument, type XmlElement } from "./xml";

export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const REL_WORKSHEET = `${REL_NS}/worksheet`;
export const CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** A relationships part, read; changes are collected and made by toXml(). */
export class RelationshipsPart {
  private readonly doc: XmlDocument;
  private readonly elements: Map<string, XmlElement>;
  private readonly splices: Splice[] = [];
  private readonly added: Relationship[] = [];
  private readonly removed = new Set<string>();

  /** `source`: the part's text (and its name, for messages), or the part already parsed. */
  constructor(source: string | XmlDocument, part = "") {
    this.doc = typeof source === "string" ? parseXml(source, part) : source;
    this.elements = new Map(children(this.doc.root, "Relationship").map((e) => [e.attrs.Id ?? "", e]));
  }

  /** An empty relationships part (for a part that had none). */
  static empty(part: string): RelationshipsPart {
    return new RelationshipsPart(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`, part);
  }

  all(): Relationship[] {
    const out: Relationship[] = [];
    for (const [id, e] of this.elements) {
      if (this.removed.has(id)) continue;
      out.push({ id, type: e.attrs.Type ?? "", target: e.attrs.Target ?? "", external: e.attrs.TargetMode === "External" });
    }
    return [...out, ...this.added];
  }

  get(id: string): Relationship | undefined {
    if (this.removed.has(id)) return undefined;
    const e = this.elements.get(id);
    if (e) return { id, type: e.attrs.Type ?? "", target: e.attrs.Target ?? "", external: e.attrs.TargetMode === "External" };
    return this.added.find((r) => r.id === id);
  }

  /**
   * Adds a relationship with a fresh id: "rId" + one more than the highest number in use, so that
   * an id removed in the same change is never given to another part.
   */
  add(type: string, target: string): string {
    let max = 0;
    for (const id of [...this.elements.keys(), ...this.added.map((r) => r.id)]) {
      const m = /^rId(\d+)$/.exec(id);
      if (m) max = Math.max(max, Number(m[1]));
    }
    const id = `rId${max + 1}`;
    this.added.push({ id, type, target, external: false });
    return id;
  }

  remove(id: string): void {
    const i = this.added.findIndex((r) => r.id === id);
    if (i >= 0) {
      this.added.splice(i, 1);
      return;
    }
    const e = this.elements.get(id);
    if (!e || this.removed.has(id)) return;
    this.removed.add(id);
    this.splices.push({ start: e.start, end: e.end, text: "" });
  }

  get changed(): boolean {
    return this.splices.length > 0 || this.added.length > 0;
  }

  toXml(): string {
    const root = this.doc.root;
    const prefix = root.name.includes(":") ? `${root.name.slice(0, root.name.indexOf(":"))}:` : "";
    const inserts = this.added.map((r) => `<${prefix}Relationship${attrs({ Id: r.id, Type: r.type, Target: r.target })}/>`).join("");
    const splices = [...this.splices];
    if (inserts) {
      if (root.selfClosing) {
        const tag = this.doc.text.slice(root.start, root.end).replace(/\s*\/>$/, ">");
        splices.push({ start: root.start, end: root.end, text: `${tag}${inserts}</${root.name}>` });
      } else {
        splices.push({ start: root.closeStart, end: root.closeStart, text: inserts });
      }
    }
    return applySplices(this.doc.text, splices);
  }
}

/** "[Content_Types].xml", read; overrides added and removed by splices. */
export class ContentTypesPart {
  private readonly doc: XmlDocument;
  private readonly overrides: Map<string, XmlElement>;
  private readonly defaults: Map<string, string>;
  private readonly splices: Splice[] = [];
  private readonly added = new Map<string, string>();

  constructor(source: string | XmlDocument, part = "[Content_Types].xml") {
    this.doc = typeof source === "string" ? parseXml(source, part) : source;
    this.overrides = new Map(children(this.doc.root, "Override").map((e) => [(e.attrs.PartName ?? "").toLowerCase(), e]));
    this.defaults = new Map(children(this.doc.root, "Default").map((e) => [(e.attrs.Extension ?? "").toLowerCase(), e.attrs.ContentType ?? ""]));
  }

  /** The content type of a part ("xl/worksheets/sheet1.xml"), by override then by extension default. */
  typeOf(name: string): string | undefined {
    const key = `/${name}`.toLowerCase();
    if (this.added.has(key)) return this.added.get(key);
    const o = this.overrides.get(key);
    if (o) return o.attrs.ContentType;
    const ext = name.slice(name.lastIndexOf(".") + 1).toLowerCase();
    return this.defaults.get(ext);
  }

  /** Gives part `name` the content type (an override), unless it already has that type. */
  set(name: string, type: string): void {
    if (this.typeOf(name) === type) return;
    const key = `/${name}`.toLowerCase();
    const o = this.overrides.get(key);
    if (o) {
      this.splices.push({ start: o.start, end: o.end, text: "" });
      this.overrides.delete(key);
    }
    this.added.set(key, type);
    this.names.set(key, `/${name}`);
  }

  private readonly names = new Map<string, string>();

  /** Removes the override of a part that is gone. */
  remove(name: string): void {
    const key = `/${name}`.toLowerCase();
    if (this.added.delete(key)) return;
    const o = this.overrides.get(key);
    if (!o) return;
    this.splices.push({ start: o.start, end: o.end, text: "" });
    this.overrides.delete(key);
  }

  get changed(): boolean {
    return this.splices.length > 0 || this.added.size > 0;
  }

  toXml(): string {
    const root = this.doc.root;
    const prefix = root.name.includes(":") ? `${root.name.slice(0, root.name.indexOf(":"))}:` : "";
    const inserts = [...this.added].map(([key, type]) => `<${prefix}Override${attrs({ PartName: this.names.get(key) ?? key, ContentType: type })}/>`).join("");
    const splices = [...this.splices];
    if (inserts && root.selfClosing) {
      const tag = this.doc.text.slice(root.start, root.end).replace(/\s*\/>$/, ">");
      splices.push({ start: root.start, end: root.end, text: `${tag}${inserts}</${root.name}>` });
    } else if (inserts) {
      splices.push({ start: root.closeStart, end: root.closeStart, text: inserts });
    }
    return applySplices(this.doc.text, splices);
  }
}
