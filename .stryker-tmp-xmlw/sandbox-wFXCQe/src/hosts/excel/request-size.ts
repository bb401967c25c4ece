/**
 * The size of one context.sync() request, estimated in office-js's shape, as the batch is queued.
 *
 * office-js sends each context.sync() as one JSON batch: the queued actions (SetProperty, Method,
 * Query, Instantiate) and the object paths they act on (getItem, getRange, format, font …), with
 * every argument and value inline. Excel on the web refuses a request (or a response) over 5 MB
 * ("Resource limits and performance optimization for Office Add-ins": RichAPI.Error).
 *
 * RequestEstimate rebuilds that JSON's size, incrementally: each action as
 * {"Id","ActionType","Name","ObjectPathId","ArgumentInfo":{"Arguments":[…]}}, plus, for every
 * distinct object path the actions go through, one object path
 * {"Id","ObjectPathType","Name","ParentObjectPathId","ArgumentInfo"} and one Instantiate action,
 * the whole serialised with JSON.stringify and measured in UTF-8 bytes. Field names are office-js's;
 * ids and type codes are small numbers, as there. It approximates what office-js sends; it is not
 * byte-exact. Used by ExcelAdapter.apply (to split a batch only where it would pass the limit), by
 * the fake Excel (test/hosts/excel/fake-excel.ts refuses a request over 5 MB measured this way) and by
 * bench/excel-mode.ts, so all speak of the same figure.
 *
 * Responses: a read is kept under RESPONSE_BUDGET per sync by sheet-reader.ts, which estimates each
 * load as bytes per cell × cells (measured on the previous read or on a sample of the sheet).
 */
// @ts-nocheck


/** Excel on the web's limit for one request (and one response) payload. */
export const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

/** A batch is split before it would pass this: 10 % under the limit, for what the estimate misses. */
export const SPLIT_AT = 4.5 * 1024 * 1024;

/** One step of an object path: a property (`format`) or a method call (`getRange("A1")`). */
export interface PathSegment {
  name: string;
  /** Present for a method call (possibly empty), absent for a property. */
  args?: readonly unknown[];
  /** A proxy of its own even when an identical path was seen (e.g. getItemOrNullObject(x).delete()). */
  fresh?: boolean;
}

/** UTF-8 length of a string (without Buffer or TextEncoder, so it runs in the pane and in node alike). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

const json = (x: unknown): number => utf8Length(JSON.stringify(x));

/** `{"Actions":[],"ObjectPaths":{}}` */
const EMPTY_REQUEST = json({ Actions: [], ObjectPaths: {} });

export interface EstimateMark {
  nextId: number;
  actionBytes: number;
  actionCount: number;
  pathBytes: number;
  pathCount: number;
  added: number;
}

/** The request of one batch, growing as actions are added; `bytes` is its size so far. */
export class RequestEstimate {
  private readonly ids = new Map<string, number>();
  private readonly added: string[] = [];
  private nextId = 1;
  private freshCount = 0;
  private actionBytes = 0;
  private actionCount = 0;
  private pathBytes = 0;
  private pathCount = 0;

  /** UTF-8 bytes of the request as it stands. */
  get bytes(): number {
    return EMPTY_REQUEST + this.actionBytes + Math.max(0, this.actionCount - 1) + this.pathBytes + Math.max(0, this.pathCount - 1);
  }

  get actions(): number {
    return this.actionCount;
  }

  private action(a: Record<string, unknown>): void {
    this.actionBytes += json(a);
    this.actionCount += 1;
  }

  /** The id of an object path, adding it (and its parents) with an Instantiate action when new. */
  path(segs: readonly PathSegment[]): number {
    if (segs.length === 0) throw new RangeError("an object path needs at least one segment");
    let parent: number | undefined;
    let key = "";
    for (const seg of segs) {
      key += `\u0001${seg.name}${seg.args ? JSON.stringify(seg.args) : ""}${seg.fresh ? `#${++this.freshCount}` : ""}`;
      let id = this.ids.get(key);
      if (id === undefined) {
        id = this.nextId++;
        this.ids.set(key, id);
        this.added.push(key);
        const args = seg.args ?? [];
        const entry = {
          Id: id,
          ObjectPathType: seg.args ? 3 : 4, // method call or property
          Name: seg.name,
          ...(parent !== undefined ? { ParentObjectPathId: parent } : {}),
          ...(args.length > 0 ? { ArgumentInfo: { Arguments: args } } : {}),
        };
        this.pathBytes += utf8Length(`"${id}":`) + json(entry);
        this.pathCount += 1;
        this.action({ Id: this.nextId++, ActionType: 1, Name: "", ObjectPathId: id });
      }
      parent = id;
    }
    return parent as number;
  }

  /** `object.member = value` */
  set(segs: readonly PathSegment[], member: string, value: unknown): void {
    const target = this.path(segs);
    this.action({ Id: this.nextId++, ActionType: 4, Name: member, ObjectPathId: target, ArgumentInfo: { Arguments: [value] } });
  }

  /** `object.member(...args)` */
  method(segs: readonly PathSegment[], member: string, args: readonly unknown[]): void {
    const target = this.path(segs);
    this.action({ Id: this.nextId++, ActionType: 3, Name: member, ObjectPathId: target, ArgumentInfo: { Arguments: args } });
  }

  /** `object.load(select)` */
  query(segs: readonly PathSegment[], select: unknown): void {
    const target = this.path(segs);
    this.action({ Id: this.nextId++, ActionType: 2, Name: "", ObjectPathId: target, QueryInfo: { Select: select, Expand: [] } });
  }

  /** A point to come back to (rollback) when what follows turns out not to fit. */
  mark(): EstimateMark {
    return { nextId: this.nextId, actionBytes: this.actionBytes, actionCount: this.actionCount, pathBytes: this.pathBytes, pathCount: this.pathCount, added: this.added.length };
  }

  rollback(m: EstimateMark): void {
    for (const key of this.added.splice(m.added)) this.ids.delete(key);
    this.nextId = m.nextId;
    this.actionBytes = m.actionBytes;
    this.actionCount = m.actionCount;
    this.pathBytes = m.pathBytes;
    this.pathCount = m.pathCount;
  }
}

/**
 * A read is cut into syncs whose responses stay under this (estimated): 1 MB under Excel on the
 * web's 5 MB limit, for what the estimate misses (the response's own wrapping, texts longer than
 * the sample). See sheet-reader.ts.
 */
export const RESPONSE_BUDGET = 4 * 1024 * 1024;
