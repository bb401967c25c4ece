/**
 * Issue 17 (mutation tests, src/workbook/sheets/audit.ts): 审计记录 read, rewritten and compared
 * exactly — the header search, unreadable rows and their warnings (sheet, cell, value read whole),
 * the rewritten sheet cell by cell, the refusals' messages, and the change messages of a frozen
 * month. Every workbook is built inside its test (per-test coverage).
 */
// @ts-nocheck

import { AUDIT_SHEET_NAME, AuditLog, cellKey, cellsAt, changeProblems, detectChanges, FreezeRecord, frozenMonths, parseSnapshot, planFreeze, planUnfreeze, readAudit, snapshotJson, splitCellKey } from "../../../src/workbook/sheets/audit";
import { type In, FP, FP2, HEADERS, grid, wb, auditSheet, freezeRow, entry, refusal, cellOf, emptyLog } from "./audit-fixtures";

describe("cell keys and the cells of a freeze", () => {
  it("keys a cell as 工作表!A1 (normalised address) and splits a key at its last !", () => {
    expect(cellKey("指标录入", "$b$2")).toBe("指标录入!B2");
    expect(splitCellKey("a!b!C3")).toEqual({ sheet: "a!b", address: "C3" });
    expect(splitCellKey("C3")).toEqual({ sheet: "", address: "C3" });
  });

  it("reads the given cells' values (blank and missing sheets as null), labels only those with an indicator, skips refs without a cell", () => {
    const book = wb(grid("指标录入", [["考核月份", "团队人数"], ["2025-10", 9]]), grid("其他", [["x"]]));
    const got = cellsAt(book, [
      { sheet: "指标录入", cell: "B2", indicator: "团队人数" },
      { sheet: "指标录入", cell: "A2", indicator: "" },
      { sheet: "指标录入", cell: "C2", indicator: "管理制度落实" },
      { sheet: "其他", cell: "A1", indicator: "甲" },
      { sheet: "没有的表", cell: "A1", indicator: "乙" },
      { sheet: "指标录入", cell: null, indicator: "不在" },
    ]);
    expect(got).toEqual({
      cells: { "指标录入!B2": 9, "指标录入!A2": "2025-10", "指标录入!C2": null, "其他!A1": "x", "没有的表!A1": null },
      labels: { "指标录入!B2": "团队人数", "指标录入!C2": "管理制度落实", "其他!A1": "甲", "没有的表!A1": "乙" },
    });
  });
});

describe("快照 text", () => {
  it("writes canonical JSON with U+FFFE and U+FFFF escaped, and parses it back", () => {
    const snap = { format: 1 as const, month: "2025-10", cells: { "b!A1": "x\ufffey\uffff", "a!A1": 1 } };
    const text = snapshotJson(snap);
    expect(text).toBe('{"cells":{"a!A1":1,"b!A1":"x\\ufffey\\uffff"},"format":1,"month":"2025-10"}');
    expect(parseSnapshot(text)).toEqual(snap);
  });

  it("accepts text, numbers, booleans and blanks, keeps labels that are an object, and rejects anything else", () => {
    expect(parseSnapshot('{"format":1,"month":"2025-10","cells":{"a":"t","b":2,"c":true,"d":null},"labels":{"a":"团队人数"}}')).toEqual({ format: 1, month: "2025-10", cells: { a: "t", b: 2, c: true, d: null }, labels: { a: "团队人数" } });
    expect(parseSnapshot('{"format":1,"month":"2025-10","cells":{},"labels":"x"}')).toEqual({ format: 1, month: "2025-10", cells: {} });
    for (const bad of ["", "   ", "null", "5", '"x"', '{"format":2,"month":"2025-10","cells":{}}', '{"format":1,"month":7,"cells":{}}', '{"format":1,"month":"2025-10"}', '{"format":1,"month":"2025-10","cells":"x"}', '{"format":1,"month":"2025-10","cells":{"a":{"b":1}}}', '{"format":1,"month":"2025-10","cells":{"a":[1]}}', "{oops"])
      expect(parseSnapshot(bad)).toBeNull();
  });
});

describe("readAudit", () => {
  it("gives an empty, writable log when there is no 审计记录 sheet, and finds the sheet by its normalised name", () => {
    expect(readAudit(wb(grid("其他", [["x"]])))).toEqual({ sheet: null, rows: [], problems: [], readable: true, layout: null });
    const log = readAudit(wb(auditSheet([freezeRow("2025-10")], HEADERS, " 审计记录 ")));
    expect(log.sheet).toBe(" 审计记录 ");
    expect(log.rows).toHaveLength(1);
  });

  it("reads each field of a row (fingerprint trimmed, the 快照 joined over its continuation columns)", () => {
    const log = readAudit(wb(auditSheet([[" 2025-11-05 14:30 ", " 定 稿 ", "2025年10月", "v1", `  ${FP}  `, "张会计", "说明", '{"a":', '1}', "x"]], [...HEADERS, "快照（续）", "快照（续）"])));
    expect(log.problems).toEqual([]);
    expect(log.rows).toEqual([
      {
        row: 4,
        time: " 2025-11-05 14:30 ",
        action: "定稿",
        month: "2025-10",
        rulesVersion: "v1",
        fingerprint: FP,
        who: "张会计",
        note: "说明",
        snapshotJson: '{"a":1}x',
        raw: expect.any(Array),
      },
    ]);
    expect(log.rows[0]?.raw).toHaveLength(10);
    expect(log.layout).toEqual({ cols: new Map(HEADERS.map((h, i) => [["time", "action", "month", "rulesVersion", "fingerprint", "who", "note", "snapshot"][i], i + 1])), continued: [9, 10], extras: [] });
  });

  it("reads a month typed as a date, as 202510, as text; a fraction or a word is no month", () => {
    const log = readAudit(
      wb(
        auditSheet([
          freezeRow({ v: 45935, f: "yyyy-mm-dd" }), // 2025-10-05
          freezeRow(202510),
          freezeRow("2025-10"),
          freezeRow(2025.5),
          freezeRow(true),
        ]),
      ),
    );
    expect(log.rows.map((r) => r.month)).toEqual(["2025-10", "2025-10", "2025-10", null, null]);
    expect(log.problems.map((p) => [p.code, p.cell])).toEqual([
      ["audit-bad-month", "C7"],
      ["audit-bad-month", "C8"],
    ]);
  });

  it("warns of a row whose 操作 or 考核月份 cannot be read, naming the row, the cell and the value, and keeps it", () => {
    const log = readAudit(wb(auditSheet([["t", "作废", "十月", "v", FP, "张", "", ""]])));
    expect(log.problems).toEqual([
      {
        severity: "warning",
        code: "audit-bad-action",
        field: "操作",
        message: "第 4 行「操作」应为 定稿 或 解除定稿，实为「作废」；该行不计入定稿状态",
        messageEn: 'row 4: 操作 must be 定稿 or 解除定稿, got "作废"; the row is ignored',
        sheet: "审计记录",
        cell: "B4",
        indicator: "操作",
      },
      {
        severity: "warning",
        code: "audit-bad-month",
        field: "考核月份",
        message: "第 4 行「考核月份」不是月份：「十月」；该行不计入定稿状态",
        messageEn: 'row 4: 考核月份 is not a month: "十月"; the row is ignored',
        sheet: "审计记录",
        cell: "C4",
        indicator: "考核月份",
      },
    ]);
    expect(log.rows[0]).toMatchObject({ action: null, month: null });
    // A blank 操作 reads as blank in the message.
    expect(readAudit(wb(auditSheet([[null, null, "2025-10", "v", FP]]))).problems[0]?.message).toBe("第 4 行「操作」应为 定稿 或 解除定稿，实为「」；该行不计入定稿状态");
  });

  it("skips blank rows but keeps a row holding only a formula; rows above the header are not records", () => {
    const sheet = grid(AUDIT_SHEET_NAME, [["定稿", "定稿", "2025-09"], HEADERS, freezeRow("2025-10"), [], [null, null, null, null, null, null, null, null, { v: null, formula: "1+1" }]], 2);
    const log = readAudit(wb(sheet));
    expect(log.rows.map((r) => r.row)).toEqual([4, 6]);
    expect(log.rows[1]?.action).toBeNull();
  });

  it("looks for the header in the first 20 rows holding anything, and needs 操作, 考核月份 and 指纹", () => {
    const filler = (n: number): In[][] => Array.from({ length: n }, (_v, i) => [`第${i + 1}行`]);
    const at20 = grid(AUDIT_SHEET_NAME, [...filler(19), HEADERS, freezeRow("2025-10")]);
    expect(readAudit(wb(at20)).rows.map((r) => r.row)).toEqual([21]);
    const at21 = grid(AUDIT_SHEET_NAME, [...filler(20), HEADERS, freezeRow("2025-10")]);
    const log = readAudit(wb(at21));
    expect(log).toEqual({
      sheet: "审计记录",
      rows: [],
      readable: false,
      layout: null,
      problems: [
        {
          severity: "error",
          code: "audit-no-header",
          field: "时间、操作、考核月份、规则版本、指纹、操作人、说明、快照",
          message: "工作表「审计记录」找不到表头行（应有：时间、操作、考核月份、规则版本、指纹、操作人、说明、快照），无法读取定稿记录；请勿改动此表",
          messageEn: 'sheet "审计记录" has no header row (expected 时间, 操作, 考核月份, 规则版本, 指纹, 操作人, 说明, 快照): the freeze log cannot be read',
          sheet: "审计记录",
          cell: null,
          indicator: "时间、操作、考核月份、规则版本、指纹、操作人、说明、快照",
        },
      ],
    });
    for (const missing of ["操作", "考核月份", "指纹"]) expect(readAudit(wb(auditSheet([], HEADERS.filter((h) => h !== missing)))).readable).toBe(false);
    expect(readAudit(wb(auditSheet([], ["操作", "考核月份", "指纹"]))).readable).toBe(true);
    // With only those three, the other fields read blank.
    const three = readAudit(wb(auditSheet([["定稿", "2025-10", FP]], ["操作", "考核月份", "指纹", { v: null, formula: "1" }])));
    expect(three.rows).toEqual([{ row: 4, time: "", action: "定稿", month: "2025-10", rulesVersion: "", fingerprint: FP, who: "", note: "", snapshotJson: "", raw: expect.any(Array) }]);
    expect(three.layout?.extras).toEqual([]);
  });

  it("keeps a repeated header, a number header and a value under no header as extra columns (the last with a blank header, in column order)", () => {
    const log = readAudit(wb(auditSheet([[...freezeRow("2025-10"), "a", "b", null, "d", null, "f"]], [...HEADERS, "操作", 7])));
    expect(log.layout?.extras).toEqual([
      { header: "操作", col: 9 },
      { header: "7", col: 10 },
      { header: "", col: 12 },
      { header: "", col: 14 },
    ]);
    expect(log.layout?.continued).toEqual([]);
  });
});

describe("frozenMonths", () => {
  it("the latest action per month wins; unreadable rows count for nothing", () => {
    const log = readAudit(
      wb(
        auditSheet([
          freezeRow("2025-10", "t1", "甲"),
          ["t2", "解除定稿", "2025-10", "v", FP, "乙", "解除原因：x", ""],
          freezeRow("2025-10", "t3", "丙", FP2, '{"format":1,"month":"2025-10","cells":{"a!A1":1}}'),
          ["t4", "解除定稿", "十月", "v", FP, "丁", "", ""],
          ["t5", "作废", "2025-10", "v", FP, "戊", "", ""],
          freezeRow("2025-09", "t6", "己"),
          ["t7", "解除定稿", "2025-08", "v", FP, "庚", "", ""],
        ]),
      ),
    );
    const frozen = frozenMonths(log);
    expect([...frozen.keys()]).toEqual(["2025-10", "2025-09"]);
    expect(frozen.get("2025-10")).toEqual({ month: "2025-10", at: "t3", rulesVersion: "2024-12.1", fingerprint: FP2, who: "丙", note: "", snapshot: { format: 1, month: "2025-10", cells: { "a!A1": 1 } }, row: 6 });
    expect(frozen.get("2025-09")?.snapshot).toBeNull();
  });
});

describe("planFreeze and planUnfreeze: the sheet rewritten", () => {
  it("writes a new 审计记录 exactly: title, note, header, the 定稿 row as text, widths and print set-up", () => {
    const s = planFreeze(emptyLog(), entry({ note: "  首次定稿  " }));
    const header = { bold: true, fill: "#D9E1F2", border: "thin", horizontal: "center", vertical: "middle", wrap: true };
    const body = { border: "thin", vertical: "top", wrap: true, fontSize: 10 };
    expect(s).toEqual({
      name: "审计记录",
      cells: [
        { address: "A1", value: "审计记录 —— 定稿与解除定稿", style: { bold: true, fontSize: 14, vertical: "middle" } },
        {
          address: "A2",
          value:
            "本表由程序逐行追加，请勿修改或删除。「指纹」为定稿时该月全部输入与得分的 SHA-256；「快照」为定稿时该月考核表得分单元格与各输入单元格的值（JSON），用于指出定稿后改动了哪些单元格。每个月份以最后一行记录为准：定稿后不再改写，解除定稿须注明原因。",
          style: { fontColor: "#595959", fontSize: 10, vertical: "middle", wrap: true },
        },
        ...HEADERS.map((h, i) => ({ address: `${"ABCDEFGH"[i]}3`, value: h, style: header })),
        ...["2025-11-05 14:30", "定稿", "2025-10", "2024-12.1", FP, "张会计", "首次定稿"].map((value, i) => ({ address: `${"ABCDEFG"[i]}4`, value, numberFormat: "@", style: body })),
        { address: "H4", value: '{"cells":{"指标录入!B2":9},"format":1,"month":"2025-10"}', numberFormat: "@", style: { ...body, wrap: false } },
      ],
      merges: ["A1:H1", "A2:H2"],
      columnWidths: { A: 18, B: 10, C: 10, D: 12, E: 68, F: 12, G: 40, H: 24 },
      rowHeights: { 1: 24, 2: 44 },
      freezeRows: 3,
      print: { orientation: "landscape", paperSize: "A4", printArea: "A1:G4", fitToWidth: true, repeatRows: "3:3", margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5 } },
      tabColor: "#C00000",
    });
    // No note: a blank 说明.
    expect(cellOf(planFreeze(emptyLog(), entry()), "G4")?.value).toBe("");
  });

  it("keeps every older cell (value, format, formula) in its moved column, continuation and extra columns too", () => {
    const headers: In[] = ["操作", "考核月份", "指纹", "复核人", "时间", "快照（续）", "操作人", "规则版本", "说明", "快照"];
    const old = auditSheet([["定稿", { v: 45935, f: "yyyy-mm-dd" }, FP, { v: null, formula: "\"王\"" }, "t1", "}", "甲", "v", "n", '{"format":1,"month":"2025-10","cells":{}'], [null, null, null, null, null, null, null, null, null, null, null, "孤"]], headers);
    const log = readAudit(wb(old));
    const s = planFreeze(log, entry({ month: "2025-09", snapshot: { format: 1, month: "2025-09", cells: {} } }));
    const body = { border: "thin", vertical: "top", wrap: true, fontSize: 10 };
    // New order: A–H the known fields, I the continuation, J 复核人, K the value under no header.
    expect(s.cells.filter((c) => c.address.endsWith("3")).map((c) => [c.address, c.value])).toEqual([
      ["A3", "时间"],
      ["B3", "操作"],
      ["C3", "考核月份"],
      ["D3", "规则版本"],
      ["E3", "指纹"],
      ["F3", "操作人"],
      ["G3", "说明"],
      ["H3", "快照"],
      ["I3", "快照（续）"],
      ["J3", "复核人"],
      ["K3", null],
    ]);
    expect(s.cells.filter((c) => /^[A-Z]4$/.test(c.address))).toEqual([
      { address: "B4", value: "定稿", numberFormat: "General", style: body },
      { address: "C4", value: 45935, numberFormat: "yyyy-mm-dd", style: body },
      { address: "E4", value: FP, numberFormat: "General", style: body },
      { address: "J4", value: null, numberFormat: "General", style: body, formula: '"王"' },
      { address: "A4", value: "t1", numberFormat: "General", style: body },
      { address: "I4", value: "}", numberFormat: "General", style: body },
      { address: "F4", value: "甲", numberFormat: "General", style: body },
      { address: "D4", value: "v", numberFormat: "General", style: body },
      { address: "G4", value: "n", numberFormat: "General", style: body },
      { address: "H4", value: '{"format":1,"month":"2025-10","cells":{}', numberFormat: "General", style: body },
    ]);
    expect(s.cells.find((c) => c.address === "K5")).toEqual({ address: "K5", value: "孤", numberFormat: "General", style: body });
    expect(s.cells.filter((c) => /^[A-Z]6$/.test(c.address)).map((c) => c.address)).toEqual(["A6", "B6", "C6", "D6", "E6", "F6", "G6", "H6"]);
    expect(cellOf(s, "I6")).toBeUndefined();
    expect(s.merges).toEqual(["A1:K1", "A2:K2"]);
    expect(s.columnWidths).toEqual({ A: 18, B: 10, C: 10, D: 12, E: 68, F: 12, G: 40, H: 24, I: 24 });
    expect(s.print?.printArea).toBe("A1:G6");
    // The old rows read back as they were, with the new one after.
    expect(readAudit(wb({ ...old, cells: [] }, grid("x", [[]]))).sheet).toBe("审计记录");
  });

  it("splits a long 快照 into cells of 30,000 characters, never between the two halves of a surrogate pair", () => {
    const filler = "x".repeat(29_999 - '{"cells":{"a!A1":"'.length);
    const snap = { format: 1 as const, month: "2025-10", cells: { "a!A1": `${filler}😀tail` } };
    const json = snapshotJson(snap);
    expect(json.charCodeAt(29_999)).toBe(0xd83d); // the high half at the 30,000th character
    const s = planFreeze(emptyLog(), entry({ snapshot: snap }));
    const h = cellOf(s, "H4")?.value as string;
    const i = cellOf(s, "I4")?.value as string;
    expect(h).toHaveLength(29_999);
    expect(i.startsWith("😀tail")).toBe(true);
    expect(h + i).toBe(json);
    expect(cellOf(s, "I3")?.value).toBe("快照（续）");
    expect(s.columnWidths?.I).toBe(24);
    expect(cellOf(s, "I4")?.style).toEqual({ border: "thin", vertical: "top", wrap: false, fontSize: 10 });
    // Exactly 30,000 characters fit one cell.
    const bare = snapshotJson({ format: 1, month: "2025-10", cells: { "a!A1": "" } }).length;
    const fit = { format: 1 as const, month: "2025-10", cells: { "a!A1": "y".repeat(30_000 - bare) } };
    expect(snapshotJson(fit)).toHaveLength(30_000);
    const one = planFreeze(emptyLog(), entry({ snapshot: fit }));
    expect(cellOf(one, "H4")?.value).toBe(snapshotJson(fit));
    expect(cellOf(one, "I4")).toBeUndefined();
    expect(cellOf(one, "I3")).toBeUndefined();
  });

  it("refuses a bad month, a frozen month, a snapshot of another month, a missing or malformed fingerprint, a blank time, version or person", () => {
    const log = emptyLog();
    expect(refusal(() => planFreeze(log, entry({ month: "2025-13" })))).toEqual({ message: "考核月份「2025-13」不是有效月份", messageEn: '"2025-13" is not a valid month' });
    const frozen = readAudit(wb(auditSheet([freezeRow("2025-11"), freezeRow("2025-10", "2025-11-05 14:30", "张会计")])));
    expect(refusal(() => planFreeze(frozen, entry()))).toEqual({
      message: "2025年10月已于 2025-11-05 14:30 定稿（张会计，审计记录第 5 行），不能再次定稿；如需重新定稿，请先解除定稿",
      messageEn: "2025-10 is already frozen (2025-11-05 14:30, 张会计); unfreeze it first",
    });
    expect(refusal(() => planFreeze(log, entry({ snapshot: { format: 1, month: "2025-09", cells: {} } })))).toEqual({ message: "快照是 2025-09 的，不是 2025-10 的", messageEn: "the snapshot is of 2025-09, not 2025-10" });
    expect(refusal(() => planFreeze(log, entry({ fingerprint: " \u0001 " })))).toEqual({ message: "缺少指纹，不能定稿", messageEn: "no fingerprint: cannot freeze" });
    expect(refusal(() => planFreeze(log, entry({ fingerprint: "A".repeat(64) })))).toEqual({ message: `指纹应为 64 位十六进制 SHA-256，实为「${"A".repeat(64)}」`, messageEn: `the fingerprint must be a 64-digit hex SHA-256, got "${"A".repeat(64)}"` });
    expect(refusal(() => planFreeze(log, entry({ fingerprint: `${FP}0` }))).message).toContain("64 位");
    expect(refusal(() => planFreeze(log, entry({ fingerprint: `x${FP}` }))).message).toContain("64 位");
    expect(refusal(() => planFreeze(log, entry({ at: "  " })))).toEqual({ message: "缺少定稿时间", messageEn: "no time given" });
    expect(refusal(() => planFreeze(log, entry({ rulesVersion: "" })))).toEqual({ message: "缺少规则版本，不能定稿", messageEn: "no rule-set version: cannot freeze" });
    expect(refusal(() => planFreeze(log, entry({ who: "\u0002\u0003" })))).toEqual({ message: "请填写操作人（定稿人）", messageEn: "who freezes the month must be given" });
    // A fingerprint with spaces around is trimmed; 说明 with control characters is cleaned.
    const s = planFreeze(log, entry({ fingerprint: ` ${FP} `, who: " 张\u0001会计 ", note: "a\u0000b" }));
    expect([cellOf(s, "E4")?.value, cellOf(s, "F4")?.value, cellOf(s, "G4")?.value]).toEqual([FP, "张会计", "ab"]);
  });

  it("refuses to append to a sheet whose header is lost, naming the sheet and the header", () => {
    const log = readAudit(wb(grid("审计记录", [["随便"]])));
    expect(refusal(() => planFreeze(log, entry()))).toEqual({
      message: "工作表「审计记录」的表头无法识别，为免丢失已有记录，不能追加定稿记录；请恢复其表头（时间、操作、考核月份、规则版本、指纹、操作人、说明、快照）",
      messageEn: 'the header of "审计记录" cannot be found: no row is appended, so that no record is lost',
    });
    const anon: AuditLog = { sheet: null, rows: [], problems: [], readable: false, layout: null };
    expect(refusal(() => planUnfreeze(anon, { month: "2025-10", who: "a", at: "t", reason: "r" })).messageEn).toBe('the header of "审计记录" cannot be found: no row is appended, so that no record is lost');
  });

  it("unfreezes with a reason: the 解除定稿 row carries the freeze's version and fingerprint and no 快照", () => {
    const log = readAudit(wb(auditSheet([["t1", "定稿", "2025-10", "v9", FP2, "甲", "", '{"format":1}'], ["t0", "定稿", "2025-09", "v8", FP, "乙", "", ""]])));
    const s = planUnfreeze(log, { month: "2025-10", who: " 李主管 ", at: " 2025-11-20 09:00 ", reason: " 甲方更正数据 " });
    const body = { border: "thin", vertical: "top", wrap: true, fontSize: 10 };
    expect(s.cells.filter((c) => /^[A-Z]6$/.test(c.address))).toEqual([
      ...["2025-11-20 09:00", "解除定稿", "2025-10", "v9", FP2, "李主管", "解除原因：甲方更正数据"].map((value, i) => ({ address: `${"ABCDEFG"[i]}6`, value, numberFormat: "@", style: body })),
      { address: "H6", value: null, numberFormat: "@", style: { ...body, wrap: false } },
    ]);
    expect(s.name).toBe("审计记录");
    expect(refusal(() => planUnfreeze(log, { month: "2025-08", who: "a", at: "t", reason: "r" }))).toEqual({ message: "2025年8月未定稿，无需解除", messageEn: "2025-08 is not frozen" });
    expect(refusal(() => planUnfreeze(log, { month: "十月", who: "a", at: "t", reason: "r" }))).toEqual({ message: "十月未定稿，无需解除", messageEn: "十月 is not frozen" });
    expect(refusal(() => planUnfreeze(log, { month: "2025-10", who: "a", at: " ", reason: "r" }))).toEqual({ message: "缺少解除定稿的时间", messageEn: "no time given" });
    expect(refusal(() => planUnfreeze(log, { month: "2025-10", who: "", at: "t", reason: "r" }))).toEqual({ message: "请填写操作人（解除定稿人）", messageEn: "who unfreezes the month must be given" });
    expect(refusal(() => planUnfreeze(log, { month: "2025-10", who: "a", at: "t", reason: " " }))).toEqual({ message: "解除定稿必须注明原因", messageEn: "a reason is required to unfreeze a month" });
  });
});

describe("detectChanges and changeProblems", () => {
  const record = (o: Partial<FreezeRecord> = {}): FreezeRecord => ({
    month: "2025-10",
    at: "2025-11-05 14:30",
    rulesVersion: "v",
    fingerprint: FP,
    who: "张会计",
    note: "",
    row: 4,
    snapshot: { format: 1, month: "2025-10", cells: { "指标录入!B2": 9, "2025年10月!H7": 9, "指标录入!C2": null, "指标录入!D2": "  " }, labels: { "指标录入!B2": "团队人数" } },
    ...o,
  });

  it("finds nothing when the fingerprint matches (any case, spaces around) and no cell differs (blank = empty text)", () => {
    expect(detectChanges(record(), { fingerprint: ` ${FP.toUpperCase()} `, cells: { "指标录入!B2": 9, "2025年10月!H7": 9, "指标录入!C2": "", "指标录入!D2": null, "指标录入!E2": " " } })).toBeNull();
    expect(detectChanges(record({ fingerprint: ` ${FP.toUpperCase()} ` }), { fingerprint: FP, cells: { "指标录入!B2": 9, "2025年10月!H7": 9 } })).toBeNull();
  });

  it("names each changed cell in sheet, row, column order with its label, the values before and after, in zh-CN and English", () => {
    const long = "长".repeat(41);
    const change = detectChanges(record(), { fingerprint: FP2, cells: { "指标录入!B2": 10, "2025年10月!H7": "9", "指标录入!C2": long, "指标录入!D2": "否", "指标录入!AA1": "新" } });
    expect(change).toEqual({
      month: "2025-10",
      changedCells: ["2025年10月!H7", "指标录入!AA1", "指标录入!B2", "指标录入!C2", "指标录入!D2"],
      details: [
        { key: "2025年10月!H7", sheet: "2025年10月", address: "H7", label: "", before: 9, after: "9" },
        { key: "指标录入!AA1", sheet: "指标录入", address: "AA1", label: "", before: null, after: "新" },
        { key: "指标录入!B2", sheet: "指标录入", address: "B2", label: "团队人数", before: 9, after: 10 },
        { key: "指标录入!C2", sheet: "指标录入", address: "C2", label: "", before: null, after: long },
        { key: "指标录入!D2", sheet: "指标录入", address: "D2", label: "", before: "  ", after: "否" },
      ],
      fingerprintChanged: true,
      message: `2025年10月已于 2025-11-05 14:30 定稿（张会计），此后有改动：工作表「2025年10月」H7 9 → 「9」；工作表「指标录入」AA1 （空） → 「新」；工作表「指标录入」B2（团队人数） 9 → 10；工作表「指标录入」C2 （空） → 「${"长".repeat(40)}…」；工作表「指标录入」D2 （空） → 「否」。定稿月份不会被改写；如确需重新评分，请先解除定稿并注明原因。`,
      messageEn: `2025-10 was frozen on 2025-11-05 14:30 (张会计) and has changed since: 2025年10月!H7 9 → "9"; 指标录入!AA1 null → "新"; 指标录入!B2 9 → 10; 指标录入!C2 null → "${long}"; 指标录入!D2 "  " → "否". A frozen month is not rewritten; unfreeze it (with a reason) to score it again.`,
    });
    // Exactly 40 characters are shown whole; a boolean as its word.
    const forty = "字".repeat(40);
    const c2 = detectChanges(record(), { fingerprint: FP, cells: { "指标录入!B2": forty, "2025年10月!H7": false } });
    expect(c2?.message).toBe(`2025年10月已于 2025-11-05 14:30 定稿（张会计），此后有改动：工作表「2025年10月」H7 9 → false；工作表「指标录入」B2（团队人数） 9 → 「${forty}」。定稿月份不会被改写；如确需重新评分，请先解除定稿并注明原因。`);
    expect(c2?.fingerprintChanged).toBe(false);
  });

  it("orders keys whose address is not A1 by text, after sheets by name", () => {
    const rec = record({ snapshot: { format: 1, month: "2025-10", cells: { "b!x2": 1, "b!x1": 1, "a!Z9": 1, "b!x1 ": 1 } } });
    expect(detectChanges(rec, { fingerprint: FP, cells: {} })?.changedCells).toEqual(["a!Z9", "b!x1", "b!x1 ", "b!x2"]);
    const same = record({ snapshot: { format: 1, month: "2025-10", cells: { "b!B2": 1, "b!A2": 1, "b!A10": 1 } } });
    expect(detectChanges(same, { fingerprint: FP, cells: {} })?.changedCells).toEqual(["b!A2", "b!B2", "b!A10"]);
  });

  it("says so when only the fingerprint differs: with a readable 快照, and without one", () => {
    const a = detectChanges(record(), { fingerprint: FP2, cells: { "指标录入!B2": 9, "2025年10月!H7": 9 } });
    expect(a).toEqual({
      month: "2025-10",
      changedCells: [],
      details: [],
      fingerprintChanged: true,
      message: "2025年10月已于 2025-11-05 14:30 定稿（张会计），此后有改动：输入或得分与定稿时的指纹不符，但快照中的单元格未变（可能是规则设置或程序版本不同）。定稿月份不会被改写；如确需重新评分，请先解除定稿并注明原因。",
      messageEn: "2025-10 was frozen on 2025-11-05 14:30 (张会计) and has changed since: the inputs or scores no longer match the fingerprint. A frozen month is not rewritten; unfreeze it (with a reason) to score it again.",
    });
    const b = detectChanges(record({ snapshot: null }), { fingerprint: FP2, cells: { "指标录入!B2": 10 } });
    expect(b?.details).toEqual([]);
    expect(b?.message).toBe("2025年10月已于 2025-11-05 14:30 定稿（张会计），此后有改动：输入或得分与定稿时的指纹不符（定稿快照无法读取，无法指出具体单元格）。定稿月份不会被改写；如确需重新评分，请先解除定稿并注明原因。");
    expect(detectChanges(record({ snapshot: null }), { fingerprint: FP, cells: { "指标录入!B2": 10 } })).toBeNull();
    expect(changeProblems(a as NonNullable<typeof a>)).toEqual([
      { severity: "warning", code: "frozen-month-changed", field: "考核月份 2025-10", message: a?.message, messageEn: a?.messageEn, month: "2025-10", sheet: "审计记录", cell: null, indicator: "考核月份 2025-10" },
    ]);
  });

  it("gives one warning per changed cell, naming the sheet, the cell, the indicator (or the address) and the values", () => {
    const change = detectChanges(record(), { fingerprint: FP, cells: { "指标录入!B2": 10, "2025年10月!H7": null } });
    expect(changeProblems(change as NonNullable<typeof change>)).toEqual([
      {
        severity: "warning",
        code: "frozen-month-changed",
        field: "H7",
        message: "2025年10月已定稿，此单元格在定稿后被改动：9 → （空）。定稿月份不会被改写；如确需重新评分，请先解除定稿并注明原因。",
        messageEn: "2025-10 is frozen and this cell changed since: 9 → null",
        month: "2025-10",
        sheet: "2025年10月",
        cell: "H7",
        indicator: "H7",
      },
      {
        severity: "warning",
        code: "frozen-month-changed",
        field: "团队人数",
        message: "2025年10月已定稿，此单元格在定稿后被改动：9 → 10。定稿月份不会被改写；如确需重新评分，请先解除定稿并注明原因。",
        messageEn: "2025-10 is frozen and this cell changed since: 9 → 10",
        month: "2025-10",
        sheet: "指标录入",
        cell: "B2",
        indicator: "团队人数",
      },
    ]);
  });
});
