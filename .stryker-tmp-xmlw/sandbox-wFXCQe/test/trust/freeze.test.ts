/**
 * 定稿 / 解除定稿 through the command line on the committed example workbook, and the protection
 * and native undo group in both adapters: freeze 2025-10 → the sheet is protected and 审计记录 has
 * the row; change 团队人数 of 2025-10 → every score run warns naming 指标录入 and the cell, and the
 * month's owned cells stay as frozen; unfreeze with a reason → recorded, the next score rewrites it.
 */
// @ts-nocheck

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { defaultRules } from "../../src/domain";
import { runCli } from "../fixtures/cli";
import { folderPerTest } from "../fixtures/folder";
import { frozenMonths, readAudit } from "../../src/workbook/sheets/audit";
import { ExcelAdapter, BatchOptions } from "../../src/hosts/excel/excel-adapter";
import { ExcelFileAdapter } from "../../src/hosts/file/file-adapter";
import type { WorkbookSnapshot, WritePlan } from "../../src/workbook/model";
import { indicatorCell, loadWorkbook, toBuffer } from "../fixtures/workbooks";
import { fakeExcel, FakeWorkbookState } from "../hosts/excel/fake-excel";

const ASSET = path.join(__dirname, "..", "..", "assets", "example-2024-2025.xlsx");
const OCT = "2025年10月";
const CLOCK = new Date(2025, 10, 5, 14, 30);
const NOW = "2025-11-05 14:30";

// Several full runs on the real example workbook per test: a generous limit (no timing is asserted).
jest.setTimeout(60_000);


const run = (args: string[], clock = CLOCK) => runCli(args, clock);

const { at, files } = folderPerTest("freeze-cli-");

async function snap(file: string): Promise<WorkbookSnapshot> {
  return (await ExcelFileAdapter.fromBuffer(readFileSync(file))).read();
}

function cellsOf(s: WorkbookSnapshot, sheet: string) {
  return s.sheets.find((x) => x.name === sheet)?.cells ?? [];
}

describe("hotline-scorecard freeze / unfreeze on assets/example-2024-2025.xlsx", () => {
  it("freezes, reports a later change on every run without rewriting the month, and unfreezes on purpose", async () => {
    const assetBefore = readFileSync(ASSET);

    // 1. Freeze 2025-10: the sheet is protected, 审计记录 has the row.
    const f = await run(["freeze", ASSET, "--month", "2025-10", "--by", "张三", "-o", at("frozen.xlsx")]);
    expect(f.err).toBe("");
    expect(f.code).toBe(0);
    expect(f.out).toContain(`已定稿 / frozen: ${OCT}（张三，${NOW}）`);
    const fingerprint = /fingerprint \(SHA-256\): ([0-9a-f]{64})/.exec(f.out)?.[1];
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const xlsx = await loadWorkbook(readFileSync(at("frozen.xlsx")));
    const protection = (xlsx.getWorksheet(OCT) as unknown as { sheetProtection?: Record<string, unknown> }).sheetProtection;
    expect(protection).toEqual(expect.objectContaining({ sheet: true }));
    expect(protection?.hashValue).toBeUndefined(); // no password
    expect(xlsx.getWorksheet(OCT)?.getCell("H2").value).toBe(93.25); // the month's scores, written before freezing
    const frozen = await snap(at("frozen.xlsx"));
    expect(frozen.sheets.find((s) => s.name === OCT)?.protected).toBe(true);
    const log = readAudit(frozen);
    expect(log.rows).toHaveLength(1);
    expect(log.rows[0]).toEqual(expect.objectContaining({ time: NOW, action: "定稿", month: "2025-10", rulesVersion: defaultRules().version, fingerprint, who: "张三" })); // the example's 规则设置 restates the defaults: the contract as written
    expect(log.rows[0]?.note).toContain("无密码");
    expect(readFileSync(ASSET).equals(assetBefore)).toBe(true);

    // 2. Change 团队人数 of 2025-10 in 指标录入 (the input sheet is not protected).
    let cell = "";
    const wb = await loadWorkbook(readFileSync(at("frozen.xlsx")));
    const c = indicatorCell(wb, "2025-10", "团队人数");
    cell = c.address;
    const before = c.value;
    c.value = 11;
    writeFileSync(at("changed.xlsx"), await toBuffer(wb));

    // 3. Every score run warns, naming 指标录入 and the cell; the month's owned cells are unchanged.
    for (const out of ["scored.xlsx", "scored-again.xlsx"]) {
      const s = await run(["score", at("changed.xlsx"), "-o", at(out), "--as-of", "2025-12-31"]);
      expect(s.code).toBe(0);
      expect(s.out).toContain(`提示：工作表「指标录入」单元格 ${cell}（团队人数）：${OCT}已定稿，此单元格在定稿后被改动：${String(before)} → 11`);
      const scored = await snap(at(out));
      expect(cellsOf(scored, OCT)).toEqual(cellsOf(frozen, OCT));
      expect(scored.sheets.find((x) => x.name === OCT)?.protected).toBe(true);
      expect(cellsOf(scored, "2025年9月").some((x) => x.row === 2 && x.col === 8 && typeof x.value === "number")).toBe(true); // other months scored
    }
    const json = await run(["score", at("changed.xlsx"), "-o", at("scored.xlsx"), "--json", "--as-of", "2025-12-31"]);
    const warnings = (JSON.parse(json.out) as { warnings: { sheet: string | null; cell: string | null; message: string }[] }).warnings;
    expect(warnings).toContainEqual(expect.objectContaining({ sheet: "指标录入", cell }));

    // 4. Unfreeze with a reason: recorded; the next score rewrites the month.
    const u = await run(["unfreeze", at("changed.xlsx"), "--month", "2025-10", "--by", "李四", "--reason", "团队人数更正为 11 人", "-o", at("unfrozen.xlsx")], new Date(2025, 10, 6, 9, 5));
    expect(u.err).toBe("");
    expect(u.code).toBe(0);
    const unfrozen = await snap(at("unfrozen.xlsx"));
    expect(unfrozen.sheets.find((s) => s.name === OCT)?.protected).toBeUndefined();
    const log2 = readAudit(unfrozen);
    expect(log2.rows.map((r) => [r.time, r.action, r.month, r.who, r.note])).toEqual([
      [NOW, "定稿", "2025-10", "张三", expect.stringContaining("无密码")],
      ["2025-11-06 09:05", "解除定稿", "2025-10", "李四", "解除原因：团队人数更正为 11 人"],
    ]);
    expect(frozenMonths(log2).size).toBe(0);
    const s2 = await run(["score", at("unfrozen.xlsx"), "-o", at("rescored.xlsx"), "--json", "--as-of", "2025-12-31"]);
    expect(s2.code).toBe(0);
    expect((JSON.parse(s2.out) as { warnings: { message: string }[] }).warnings.filter((w) => w.message.includes("已定稿"))).toEqual([]);
    const rescored = await loadWorkbook(readFileSync(at("rescored.xlsx")));
    const total = (JSON.parse(s2.out) as { months: { month: string; total: string }[] }).months.find((m) => m.month === "2025-10")?.total;
    expect(total).not.toBe("93.25");
    expect(rescored.getWorksheet(OCT)?.getCell("H2").value).toBe(Number(total));
  });

  it("refuses (exit 2, nothing written): a month with an error, a second freeze, missing --by or --reason", async () => {
    const wb = await loadWorkbook(readFileSync(ASSET));
    indicatorCell(wb, "2025-10", "团队人数").value = -1;
    writeFileSync(at("bad.xlsx"), await toBuffer(wb));
    const bad = await run(["freeze", at("bad.xlsx"), "--month", "2025-10", "--by", "张三", "-o", at("out.xlsx")]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/工作表「指标录入」单元格 B\d+（团队人数）：「团队人数」不能为负数/);
    expect(bad.err).toContain("未写入任何文件");
    expect(existsSync(at("out.xlsx"))).toBe(false);

    expect((await run(["freeze", ASSET, "--month", "2025-10", "--by", "张三", "-o", at("frozen.xlsx")])).code).toBe(0);
    const twice = await run(["freeze", at("frozen.xlsx"), "--month", "2025-10", "--by", "张三", "-o", at("out.xlsx")]);
    expect(twice.code).toBe(2);
    expect(twice.err).toContain(`${OCT}已于 ${NOW} 定稿（张三，审计记录第 4 行），不能再次定稿`);
    expect(existsSync(at("out.xlsx"))).toBe(false);

    const noBy = await run(["freeze", ASSET, "--month", "2025-10", "-o", at("out.xlsx")]);
    expect(noBy.code).toBe(2);
    expect(noBy.err).toContain("缺少 --by");
    const badMonth = await run(["freeze", ASSET, "--month", "十月", "--by", "张三", "-o", at("out.xlsx")]);
    expect(badMonth.code).toBe(2);
    expect(badMonth.err).toContain("--month「十月」不是月份");
    const noReason = await run(["unfreeze", at("frozen.xlsx"), "--month", "2025-10", "--by", "张三", "-o", at("out.xlsx")]);
    expect(noReason.code).toBe(2);
    expect(noReason.err).toContain("缺少 --reason");
    const notFrozen = await run(["unfreeze", at("frozen.xlsx"), "--month", "2025-09", "--by", "张三", "--reason", "x", "-o", at("out.xlsx")]);
    expect(notFrozen.code).toBe(2);
    expect(notFrozen.err).toContain("2025年9月未定稿");
    expect(files()).toEqual(["bad.xlsx", "frozen.xlsx"]);
  });

  it("lists freeze, unfreeze and undo in the usage", async () => {
    const r = await run(["--help"]);
    expect(r.out).toContain("hotline-scorecard freeze IN.xlsx --month 2025-10 --by 张三 -o OUT.xlsx");
    expect(r.out).toContain('hotline-scorecard unfreeze IN.xlsx --month 2025-10 --by 张三 --reason "…" -o OUT.xlsx');
    expect(r.out).toContain("hotline-scorecard undo IN.xlsx -o OUT.xlsx");
  });
});

describe("protection in the office-js adapter (fake Excel)", () => {
  function state(protectedSheet: boolean): FakeWorkbookState {
    const s = new FakeWorkbookState();
    s.addSheet(OCT, { A1: "考核得分", H2: 90 }).protected = protectedSheet;
    s.addSheet("指标录入", { A1: "考核月份" });
    return s;
  }

  it("protects after the writes and unprotects before them, in one sync", async () => {
    const { state: s, context, excel } = fakeExcel(state(false));
    const freeze: WritePlan = { cellWrites: [{ sheet: OCT, writes: [{ address: "H2", value: 93.25, numberFormat: "0.00" }] }], sheets: [], protectSheets: [{ sheet: OCT, protect: true }] };
    await new ExcelAdapter(excel, { isSetSupported: () => true }).apply(freeze);
    expect(s.find(OCT)?.protected).toBe(true);
    expect(s.find(OCT)?.at("H2")?.value).toBe(93.25);
    expect(context.syncCount).toBe(1);
    const ops = context.operations;
    expect(ops.findIndex((o) => o.includes("protection.protect("))).toBeGreaterThan(ops.findIndex((o) => o.includes("getRange(H2).values")));

    const unfreeze: WritePlan = { cellWrites: [{ sheet: OCT, writes: [{ address: "H2", value: 95 }] }], sheets: [], protectSheets: [{ sheet: OCT, protect: false }] };
    await new ExcelAdapter(excel, { isSetSupported: () => true }).apply(unfreeze);
    expect(s.find(OCT)?.protected).toBe(false);
    expect(s.find(OCT)?.at("H2")?.value).toBe(95);
    expect(context.syncCount).toBe(2);
  });

  it("the fake refuses writes to a protected sheet, as Excel does (so the order above is tested)", async () => {
    const { excel } = fakeExcel(state(true));
    await expect(new ExcelAdapter(excel).apply({ cellWrites: [{ sheet: OCT, writes: [{ address: "H2", value: 1 }] }], sheets: [] })).rejects.toThrow(/AccessDenied/);
  });

  it("reads the protection back", async () => {
    const { excel } = fakeExcel(state(true));
    const snapshot = await new ExcelAdapter(excel, { isSetSupported: () => true }).read();
    expect(snapshot.sheets.map((x) => [x.name, x.protected === true])).toEqual([
      [OCT, true],
      ["指标录入", false],
    ]);
  });
});

describe("Excel's native undo group (ExcelApi 1.20)", () => {
  const plan: WritePlan = { cellWrites: [{ sheet: OCT, writes: [{ address: "H2", value: 93.25 }] }], sheets: [] };

  async function applyWith(supports: (name: string, version: string) => boolean, honours = true): Promise<{ options: (BatchOptions | undefined)[]; adapter: ExcelAdapter }> {
    const { context } = fakeExcel(new FakeWorkbookState());
    context.state.addSheet(OCT, { A1: "考核得分" });
    const options: (BatchOptions | undefined)[] = [];
    const adapter = new ExcelAdapter(
      async (batch, o) => {
        options.push(o);
        return batch(context as unknown as Excel.RequestContext);
      },
      { isSetSupported: supports, officeJsHonoursUndoGroup: honours },
    );
    await adapter.apply(plan);
    expect(context.state.find(OCT)?.at("H2")?.value).toBe(93.25);
    return { options, adapter };
  }

  it("runs a plan of owned cells only as Excel.run({ mergeUndoGroup: true }, …) when the host has ExcelApi 1.20 and office.js honours the option", async () => {
    const asked: string[] = [];
    const { options, adapter } = await applyWith((name, version) => {
      asked.push(`${name} ${version}`);
      return true;
    });
    expect(options).toEqual([{ delayForCellEdit: true, mergeUndoGroup: true }]);
    expect(asked).toContain("ExcelApi 1.20");
    expect(adapter.nativeUndo).toBe(true);
    expect(adapter.skipped).toEqual([]);
  });

  it("runs it without the option (the product's own undo only) when the host lacks 1.20, or office.js would drop the option", async () => {
    const { options, adapter } = await applyWith((_name, version) => version !== "1.20");
    expect(options).toEqual([{ delayForCellEdit: true }]);
    expect(adapter.nativeUndo).toBe(false);
    const old = await applyWith(() => true, false);
    expect(old.options).toEqual([{ delayForCellEdit: true }]);
    expect(old.adapter.nativeUndo).toBe(false);
  });

  it("cannot group a batch it does not run: given a context, nativeUndo stays false", async () => {
    const { state: s, excel } = fakeExcel(new FakeWorkbookState());
    s.addSheet(OCT, { A1: "考核得分" });
    const adapter = new ExcelAdapter(excel, { isSetSupported: () => true });
    await adapter.apply(plan);
    expect(adapter.nativeUndo).toBe(false);
  });
});

describe("a frozen month in the settlement", () => {
  it("is settled on the signed total, not on inputs edited after the freeze", async () => {
    expect((await run(["freeze", ASSET, "--month", "2025-10", "--by", "张三", "-o", at("frozen.xlsx")])).code).toBe(0);
    const wb = await loadWorkbook(readFileSync(at("frozen.xlsx")));
    indicatorCell(wb, "2025-10", "接通率排名").value = 5; // 7th → 5th: row 6 13 → 15, so the data now give 95.25
    writeFileSync(at("edited.xlsx"), await toBuffer(wb));
    const r = await run(["score", at("edited.xlsx"), "-o", at("scored.xlsx"), "--as-of", "2026-02-27", "--json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { instalments: { number: number; average: string }[]; warnings: { message: string }[] };
    // Third period with the signed 93.25: (98.91 + 100 + 101 + 96 + 93.25 + 98) / 6 = 97.86
    expect(json.instalments.find((i) => i.number === 3)?.average).toBe("97.86");
    expect(json.warnings.map((w) => w.message).join("\n")).toContain("结算按定稿时的考核得分 93.25 计，而按现有数据重算为 95.25");
  });
});
