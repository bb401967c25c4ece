// @ts-nocheck
import { spawnSync } from "node:child_process";
import { crc32 } from "node:zlib";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { runCli } from "../fixtures/cli";
import { folderPerTest } from "../fixtures/folder";
import { localToday, parseScoreArgs } from "../../src/cli/score";
import { ExcelFileAdapter } from "../../src/hosts/file/file-adapter";
import { withChart, withChartSheet } from "../fixtures/chart";
import { VARIANTS } from "../fixtures/variants";
import { addInputSheets, addScorecard, exampleData, exampleWorkbook, indicatorCell, InputData, loadWorkbook, TERM, toBuffer, yearData, yearWorkbook } from "../fixtures/workbooks";

const { at, files } = folderPerTest("score-cli-");

const run = (args: string[]) => runCli(args, new Date(2025, 10, 5, 14, 30));

function file(name: string, data: Buffer): string {
  const p = at(name);
  writeFileSync(p, data);
  return p;
}

const OUT = () => at("out.xlsx");

/** The SPEC §7 workbook with one edit (a cell of the given sheet, or a whole data change). */
async function exampleWith(edit: (wb: ExcelJS.Workbook) => void, data: InputData = exampleData()): Promise<string> {
  const wb = new ExcelJS.Workbook();
  addScorecard(wb, { sheetName: "2025年10月", month: "2025-10" });
  addInputSheets(wb, data);
  edit(wb);
  return file("in.xlsx", await toBuffer(wb));
}

describe("hotline-scorecard score", () => {
  it("scores the SPEC §7 month, writes OUT.xlsx and prints the summary", async () => {
    const input = file("in.xlsx", (await exampleWorkbook()).buffer);
    const before = readFileSync(input);
    const r = await run(["score", input, "-o", OUT(), "--as-of", "2025-12-31"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/2025-10\s+2025年10月\s+93\.25/);
    expect(r.out).toMatch(/1\s+—\s+—\s+¥0\.00\s+¥275,600\.00\s+人民币贰拾柒万伍仟陆佰元整/);
    expect(r.out).toContain("暂不结算 / pending: 第 2、3 笔");
    expect(r.out).toContain("提示：工作表「加减分事件」单元格 F3（佐证材料）：加分事项 BY-2025-102");
    expect(r.out).toContain(`已写入 / written: ${OUT()}`);
    const wb = await loadWorkbook(readFileSync(OUT()));
    expect(wb.getWorksheet("2025年10月")?.getCell("H2").value).toBe(93.25);
    expect(wb.getWorksheet("2025年10月")?.getCell("H12").value).toBe(9.5);
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  it("prints the SPEC §8 JSON with --json", async () => {
    const input = file("in.xlsx", (await yearWorkbook()).buffer);
    const r = await run(["score", input, "-o", OUT(), "--json", "--as-of", "2025-12-31"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(["months", "instalments", "warnings"]);
    const months = json.months as { month: string; total: string; items: Record<string, string> }[];
    expect(months.map((m) => m.month)).toEqual([...TERM]);
    expect(months.find((m) => m.month === "2025-10")).toEqual({
      month: "2025-10",
      total: "93.25",
      items: { 1: "9.00", 2: "10.00", 3: "10.00", 4: "3.00", 5: "5.00", 6: "13.00", 7: "15.00", 8: "9.50", 9: "9.75", 10: "10.00", 11: "1.00", 12: "0.00", 13: "-2.00", 14: "0.00" },
    });
    expect((json.instalments as unknown[])[1]).toEqual({ number: 2, months: TERM.slice(0, 6), average: "94.25", deduction: "645.94", payable: "343854.06", payableUpper: "人民币叁拾肆万叁仟捌佰伍拾肆元零陆分", dueDate: null, paidDate: null, daysLate: null, lateCharge: null });
    const warnings = json.warnings as Record<string, unknown>[];
    expect(warnings.length).toBeGreaterThan(0);
    for (const w of warnings) expect(Object.keys(w)).toEqual(["message", "messageEn", "sheet", "cell"]);
    expect(warnings).toContainEqual(expect.objectContaining({ sheet: "加减分事件", cell: "F3" }));
    // The whole year also gets the 付款结算 sheet; every run gets 计算说明 and, last, 撤销记录.
    const wb = await loadWorkbook(readFileSync(OUT()));
    expect(wb.worksheets.map((w) => w.name).slice(-4)).toEqual(["付款记录", "付款结算", "计算说明", "撤销记录"]);
  });

  it("is idempotent through the command line: scoring OUT.xlsx again gives the same workbook", async () => {
    const input = file("in.xlsx", (await yearWorkbook()).buffer);
    expect((await run(["score", input, "-o", OUT(), "--as-of", "2025-12-31"])).code).toBe(0);
    const again = at("again.xlsx");
    const second = await run(["score", OUT(), "-o", again, "--as-of", "2025-12-31"]);
    expect(second.code).toBe(0);
    const snap = async (p: string) => (await ExcelFileAdapter.fromBuffer(readFileSync(p))).read();
    const [a, b] = [await snap(OUT()), await snap(again)];
    expect(b.sheets.map((s) => s.name)).toEqual(a.sheets.map((s) => s.name));
    // 撤销记录 records what each run found before writing: the second run found the first one's scores.
    const withoutUndo = (s: typeof a) => s.sheets.filter((x) => x.name !== "撤销记录");
    expect(withoutUndo(b)).toEqual(withoutUndo(a));
    // The second run changed no cell of an existing sheet: it wrote none, so its 撤销记录 records none.
    const undoTexts = (s: typeof a) => s.sheets.find((x) => x.name === "撤销记录")?.cells.map((c) => c.value) ?? [];
    expect(undoTexts(a)).not.toContain("（本次写入没有原为空的单元格）");
    expect(undoTexts(b)).toEqual(expect.arrayContaining(["（本次写入没有原为空的单元格）", "（本次写入没有改动原有内容的单元格）"]));
  });

  it("scores the committed example workbook (assets/example-2024-2025.xlsx) and leaves it unchanged", async () => {
    const asset = path.join(__dirname, "..", "..", "assets", "example-2024-2025.xlsx");
    const before = readFileSync(asset);
    const r = await run(["score", asset, "-o", OUT(), "--json", "--as-of", "2025-12-31"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { months: { month: string; total: string }[]; instalments: Record<string, unknown>[] };
    expect(json.months.map((m) => m.month)).toEqual([...TERM]);
    expect(json.months.find((m) => m.month === "2025-10")?.total).toBe("93.25");
    // Instalment 2 by hand: (96.00 + 94.87 + 92.65 + 95.00 + 90.00 + 98.00) ÷ 6 = 94.42; 0.58 × 0.5% × 172,250 = 499.525 → 499.53.
    expect(json.months.slice(0, 6).map((m) => m.total)).toEqual(["96.00", "94.87", "92.65", "95.00", "90.00", "98.00"]);
    // Invoiced Mon 2025-06-16, paid 2025-07-28: 06-17…20 (4), 23–27 (9), 06-30…07-04 (14), 07-07…11 (19), 14–18 (24), 21–25 (29), 28 (30): on the day.
    expect(json.instalments[1]).toEqual({ number: 2, months: TERM.slice(0, 6), average: "94.42", deduction: "499.53", payable: "344000.47", payableUpper: "人民币叁拾肆万肆仟元肆角柒分", dueDate: "2025-07-28", paidDate: "2025-07-28", daysLate: 0, lateCharge: "0.00" });
    // Instalment 3 is invoiced 2025-12-05, before 2026-01-01 (服务期满次月, the term ending 2025-12-03): under A10 its
    // clock starts 2026-01-01 → due 2026-02-12 (01-04 调休 1, Jan 5–9 6, 12–16 11, 19–23 16, 26–30 21, Feb 2–6 26, 9–12 30); paid 2026-01-09.
    expect(json.instalments[2]).toMatchObject({ number: 3, dueDate: "2026-02-12", paidDate: "2026-01-09", daysLate: 0, lateCharge: "0.00" });
    expect((json as unknown as { warnings: { message: string }[] }).warnings.map((w) => w.message)).toContain("第3笔发票日期 2025-12-05 早于合同约定的开票时点（2026-01-01 起）；付款期限自 2026-01-01 起算（A10）");
    expect(readFileSync(asset).equals(before)).toBe(true);
  });

  it("uses --as-of as today for late payments", async () => {
    const data = yearData();
    data.payments = [{ number: 2, invoiceDate: "2025-06-10", paidDate: null }];
    const input = file("in.xlsx", (await yearWorkbook(data)).buffer);
    type Json = { warnings: { message: string }[]; instalments: { number: number; dueDate: string | null; paidDate: string | null; daysLate: number | null; lateCharge: string | null }[] };
    const late = (r: { out: string }) => (JSON.parse(r.out) as Json).warnings.filter((w) => w.message.startsWith("第2笔") && w.message.includes("逾期"));
    const second = (r: { out: string }) => (JSON.parse(r.out) as Json).instalments.find((i) => i.number === 2);
    // Tue 2025-06-10 → the 30th working day after it is 2025-07-22 (06-11…13, 16–20, 23–27, 06-30…07-04, 07-07…11, 14–18, 21, 22).
    const early = await run(["score", input, "-o", OUT(), "--json", "--as-of", "2025-07-01"]);
    expect(late(early)).toEqual([]);
    expect(second(early)).toMatchObject({ dueDate: "2025-07-22", paidDate: null, daysLate: 0, lateCharge: "0.00" });
    const afterRun = await run(["score", input, "-o", OUT(), "--json", "--as-of=2025-12-31"]);
    const after = late(afterRun);
    expect(after).toHaveLength(1);
    expect(after[0]?.message).toContain("第2笔尚未支付");
    // 07-22 → 12-31: 9 + 31 + 30 + 31 + 30 + 31 = 162 days; 343,854.06 (average 94.25) × 3% × 162 = 343,854.06 × 4.86 = 1,671,130.7316 → 1,671,130.73.
    expect(second(afterRun)).toEqual(expect.objectContaining({ dueDate: "2025-07-22", paidDate: null, daysLate: 162, lateCharge: "1671130.73" }));
  });

  type Case = [string, (wb: ExcelJS.Workbook) => void, string];
  const set = (month: string, header: string, value: ExcelJS.CellValue) => (wb: ExcelJS.Workbook) => {
    indicatorCell(wb, month, header).value = value;
  };
  const cases: Case[] = [
    ["headcount −1", set("2025-10", "团队人数", -1), "工作表「指标录入」单元格 B2（团队人数）：「团队人数」不能为负数"],
    ["headcount 9.5", set("2025-10", "团队人数", 9.5), "工作表「指标录入」单元格 B2（团队人数）：「团队人数」应为整数"],
    ["passing tickets > sampled", set("2025-10", "合格工单数", 101), "工作表「指标录入」单元格 U2（合格工单数）：「合格工单数」101 大于「抽检工单数」100"],
    [
      "15 s answers > answers",
      (wb) => {
        set("2025-10", "人工服务接通数", 100)(wb);
        set("2025-10", "15秒内接通数", 120)(wb);
      },
      "工作表「指标录入」单元格 M2（15秒内接通数）：「15秒内接通数」120 大于「人工服务接通数」100",
    ],
    ["excluded bad ratings > bad ratings", set("2025-10", "剔除差评数", 60), "工作表「指标录入」单元格 S2（剔除差评数）：「剔除差评数」60 大于 不满意+非常不满意 50"],
    ["rank 0", set("2025-10", "接通率排名", 0), "工作表「指标录入」单元格 G2（接通率排名）：「接通率排名」应为不小于 1 的名次"],
    ["rank > centres ranked", set("2025-10", "15秒接通率排名", 40), "工作表「指标录入」单元格 H2（15秒接通率排名）：「15秒接通率排名」第 40 名超过「排名中心数」31"],
    ["a submission date before the period it reports", (wb) => (wb.getWorksheet("报告提交")!.getCell("C2").value = "2025-08-20"), "工作表「报告提交」单元格 C2（提交日期）：月报 2025-09 的提交日期 2025-08-20 早于其报告期"],
    ["a date the calendar does not know", (wb) => (wb.getWorksheet("报告提交")!.getCell("C2").value = new Date(Date.UTC(2031, 0, 6))), "工作表「报告提交」单元格 C2（提交日期）：日期 2031-01-06 超出法定节假日日历的已知年份"],
    ["a date that is no date", (wb) => (wb.getWorksheet("报告提交")!.getCell("C2").value = "2025-02-30"), "工作表「报告提交」单元格 C2（提交日期）：「提交日期」应为日期（如 2025-10-13），实为「2025-02-30」"],
    ["yes/no that is neither", set("2025-10", "管理制度落实", "基本落实"), "工作表「指标录入」单元格 C2（管理制度落实）：「管理制度落实」应为 是/否"],
    ["a blank required indicator", set("2025-10", "按时参考人数", null), "工作表「指标录入」单元格 V2（按时参考人数）：2025年10月「按时参考人数」未填写"],
    ["an unknown event level", (wb) => (wb.getWorksheet("加减分事件")!.getCell("C2").value = "区级"), "工作表「加减分事件」单元格 C2（级别）：加分事件的级别「区级」应为 群众 / 市级及以上"],
    [
      "an instalment invoiced before its months are all scored",
      (wb) => {
        const pay = wb.getWorksheet("付款记录")!;
        pay.getCell("A2").value = 2;
        pay.getCell("B2").value = new Date(Date.UTC(2025, 5, 10));
      },
      "（考核月份 2024-12）：第2笔款项已开票（发票日期 2025-06-10），需要 2024年12月 的考核得分",
    ],
  ];

  it.each(cases)("refuses %s: exit 2, the cell on stderr, no file", async (_name, edit, expected) => {
    const input = await exampleWith(edit);
    const r = await run(["score", input, "-o", OUT(), "--as-of", "2025-12-31"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(expected);
    expect(r.err).toContain("未写入任何文件");
    expect(r.out).toBe("");
    expect(existsSync(OUT())).toBe(false);
    expect(files()).toEqual(["in.xlsx"]);
  });

  it("reports every problem at once, one per line", async () => {
    const input = await exampleWith((wb) => {
      set("2025-10", "团队人数", -1)(wb);
      set("2025-10", "接通率排名", 0)(wb);
      wb.getWorksheet("报告提交")!.getCell("D2").value = "也许";
    });
    const r = await run(["score", input, "-o", OUT()]);
    expect(r.code).toBe(2);
    const lines = r.err.split("\n");
    expect(lines.filter((l) => l.startsWith("工作表「")).map((l) => l.slice(0, l.indexOf("："))).sort()).toEqual([
      "工作表「报告提交」单元格 D2（延期已获批）",
      "工作表「指标录入」单元格 B2（团队人数）",
      "工作表「指标录入」单元格 G2（接通率排名）",
    ]);
    expect(lines[lines.length - 1]).toBe("共 3 个错误，未写入任何文件 / 3 error(s); nothing was written");
    expect(existsSync(OUT())).toBe(false);
  });

  it("keeps a bonus without evidence, shows it and scores it 0 (a warning, not a refusal)", async () => {
    const input = file("in.xlsx", (await exampleWorkbook()).buffer);
    const r = await run(["score", input, "-o", OUT(), "--json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { months: { items: Record<string, string> }[]; warnings: { message: string; cell: string | null }[] };
    expect(json.months[0]?.items["11"]).toBe("1.00");
    expect(json.warnings.find((w) => w.message.includes("无佐证材料"))?.cell).toBe("F3");
    const wb = await loadWorkbook(readFileSync(OUT()));
    expect(String(wb.getWorksheet("2025年10月")?.getCell("G15").value)).toContain("BY-2025-102「群众电话表扬（无录音）」（群众）无佐证材料，不加分");
  });

  it("refuses a scorecard missing a row and two scorecards for one month", async () => {
    const missing = file("in.xlsx", (await exampleWorkbook({ omit: 7 })).buffer);
    const r1 = await run(["score", missing, "-o", OUT()]);
    expect(r1.code).toBe(2);
    expect(r1.err).toContain("工作表「2025年10月」（来电15s内接通率）：工作表「2025年10月」像是月度考核表（表头在第 4 行），但缺少第 7 项「来电15s内接通率」所在的行");
    rmSync(missing);
    const two = await exampleWith((wb) => addScorecard(wb, { sheetName: "十月副本", month: "2025-10", monthStyle: "one-cell" }));
    const r2 = await run(["score", two, "-o", OUT()]);
    expect(r2.code).toBe(2);
    expect(r2.err).toContain("工作表「2025年10月」和「十月副本」都是 2025年10月 的考核表");
    expect(existsSync(OUT())).toBe(false);
  });

  it("keeps a chart it does not understand: exit 0, the chart's parts byte for byte", async () => {
    const bytes = await withChart((await exampleWorkbook()).buffer, "指标录入");
    const input = file("in.xlsx", bytes);
    const r = await run(["score", input, "-o", OUT()]);
    expect(r.code).toBe(0);
    const before = await JSZip.loadAsync(bytes);
    const after = await JSZip.loadAsync(readFileSync(OUT()));
    for (const name of ["xl/charts/chart1.xml", "xl/drawings/drawing1.xml", "xl/drawings/_rels/drawing1.xml.rels"]) {
      expect(await after.file(name)?.async("string")).toBe(await before.file(name)?.async("string"));
    }
  });

  it("keeps an .xlsm an .xlsm: its macros byte for byte under .xlsm, and refuses to name it .xlsx (Excel would not open it)", async () => {
    const macros = VARIANTS.find((v) => v.id === "macros");
    if (!macros) throw new Error("no macros variant");
    const bytes = await macros.build();
    const input = file("in.xlsm", bytes);
    const wrong = await run(["score", input, "-o", at("out.xlsx")]);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain("的扩展名应为 .xlsm（输入是启用宏的工作簿");
    expect(wrong.err).toContain("should end in .xlsm");
    expect(files()).toEqual(["in.xlsm"]);
    const right = await run(["score", input, "-o", at("out.xlsm")]);
    expect(right.code).toBe(0);
    const vba = async (b: Uint8Array) => (await JSZip.loadAsync(b)).file("xl/vbaProject.bin")?.async("base64");
    expect(await vba(readFileSync(at("out.xlsm")))).toBe(await vba(bytes));
    const plain = await run(["score", file("plain.xlsx", (await exampleWorkbook()).buffer), "-o", at("plain.xlsm")]);
    expect([plain.code, plain.err]).toEqual([2, expect.stringContaining("should end in .xlsx")]);
  });

  it("refuses a workbook whose sheet XML is damaged: exit 2, the part named, no file", async () => {
    const zip = await JSZip.loadAsync((await exampleWorkbook()).buffer);
    zip.file("xl/worksheets/sheet1.xml", "<worksheet><sheetData><row></sheetData></worksheet>");
    const input = file("in.xlsx", await zip.generateAsync({ type: "nodebuffer" }));
    const r = await run(["score", input, "-o", OUT()]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("工作簿部件 xl/worksheets/sheet1.xml 无法解析");
    expect(r.err).toContain("the workbook part xl/worksheets/sheet1.xml cannot be parsed");
    expect(r.out).toBe("");
    expect(files()).toEqual(["in.xlsx"]);
  });

  it("refuses bad arguments and unreadable files with exit 2", async () => {
    const input = file("in.xlsx", (await exampleWorkbook()).buffer);
    const noOut = await run(["score", input]);
    expect([noOut.code, noOut.err]).toEqual([2, expect.stringContaining("缺少 -o OUT.xlsx")]);
    expect((await run(["score", input, "-o", OUT(), "--as-of", "2025-02-30"])).err).toContain("--as-of「2025-02-30」不是有效日期");
    expect((await run(["score", input, "-o", OUT(), "--fast"])).err).toContain("未知选项「--fast」");
    expect((await run(["score", at("none.xlsx"), "-o", OUT()])).code).toBe(2);
    const csv = file("data.xlsx", Buffer.from("序号,考核指标\n"));
    const notXlsx = await run(["score", csv, "-o", OUT()]);
    expect([notXlsx.code, notXlsx.err]).toEqual([2, expect.stringContaining("不是有效的 .xlsx 工作簿")]);
    expect(existsSync(OUT())).toBe(false);
    expect((await run(["score", "--help"])).code).toBe(0);
    expect((await run(["--help"])).out).toContain("hotline-scorecard score IN.xlsx -o OUT.xlsx [--json] [--as-of YYYY-MM-DD]");
  });

  it("exits 1 on an unexpected failure (the output folder does not exist), leaving nothing behind", async () => {
    const input = file("in.xlsx", (await exampleWorkbook()).buffer);
    const r = await run(["score", input, "-o", at(path.join("missing-folder", "out.xlsx"))]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("意外错误 / unexpected failure");
    expect(files()).toEqual(["in.xlsx"]);
  });

  it("defaults --as-of to the local date", () => {
    expect(localToday(new Date(2025, 11, 5, 23, 59))).toBe("2025-12-05");
    const parsed = parseScoreArgs(["in.xlsx", "-o", "out.xlsx"], "2025-12-05");
    expect(parsed).toEqual({ ok: true, value: { input: "in.xlsx", output: "out.xlsx", json: false, asOf: "2025-12-05" } });
  });

  it("runs as a process: bin/hotline-scorecard.js exits 2 on bad input and 0 with pure JSON on stdout", async () => {
    const bad = await exampleWith(set("2025-10", "团队人数", -1));
    const bin = path.join(__dirname, "..", "..", "bin", "hotline-scorecard.js");
    const refused = spawnSync(process.execPath, [bin, "score", bad, "-o", OUT()], { encoding: "utf8" });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("工作表「指标录入」单元格 B2（团队人数）");
    expect(existsSync(OUT())).toBe(false);
    const good = file("good.xlsx", (await exampleWorkbook()).buffer);
    const ok = spawnSync(process.execPath, [bin, "score", good, "-o", OUT(), "--json", "--as-of", "2025-12-31"], { encoding: "utf8" });
    expect(ok.status).toBe(0);
    expect((JSON.parse(ok.stdout) as { months: { total: string }[] }).months[0]?.total).toBe("93.25");
    // After a score, V8's code cache for this very bundle lies beside it, named by the bundle's
    // length and CRC-32 (V8 checks a cache against the source's length only), and no other build's is kept.
    const lib = path.join(__dirname, "..", "..", "lib");
    const bundle = readFileSync(path.join(lib, "hotline-scorecard.js"));
    const key = `${bundle.toString("utf8").length.toString(36)}-${crc32(bundle).toString(16).padStart(8, "0")}`;
    const caches = readdirSync(lib).filter((f) => f.endsWith(".cache"));
    expect(caches).toEqual([`hotline-scorecard.js.${key}.cache`]);
    expect(key).toMatch(/^[0-9a-z]+-[0-9a-f]{8}$/);
  }, 60_000);
});

describe("a product sheet's name held by a chart sheet", () => {
  it("is refused like bad input: exit 2, the sheet named in both languages, no file written", async () => {
    const input = file("in.xlsx", Buffer.from(await withChartSheet((await exampleWorkbook()).buffer, "付款结算")));
    const r = await run(["score", input, "-o", OUT(), "--as-of", "2025-12-31"]);
    expect(r.code).toBe(2);
    expect(r.err.split("\n")).toEqual([
      "工作表「付款结算」已存在，但不是普通工作表（如图表工作表），无法替换；请改名或删除它后再运行，未写入任何内容。",
      '"付款结算" exists and is not a worksheet (a chart sheet?); it cannot be replaced: rename or delete it and run again. Nothing was written.',
    ]);
    expect(existsSync(OUT())).toBe(false);
  });
});
