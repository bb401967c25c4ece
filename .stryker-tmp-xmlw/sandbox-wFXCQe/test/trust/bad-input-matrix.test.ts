/**
 * SPEC §6, the whole matrix, through the command line (main(), in-process): every bad input is
 * refused with exit 2 and a line on stderr naming the sheet, the cell and the indicator; and a
 * refused run writes nothing — no output file, no temporary file, the input byte-identical.
 * Beyond §6's own examples, every other check of §8 the reader makes (values it cannot read,
 * scorecard structure, input sheets and columns, 规则设置, 付款记录).
 * The one §6 example that is NOT a refusal — a bonus without evidence (kept, shown, scored 0) —
 * is checked as such.
 */
// @ts-nocheck

import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { folderPerTest } from "../fixtures/folder";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { addInputSheets, addScorecard, exampleData, indicatorCell, InputData, loadWorkbook, TERM, toBuffer, yearData } from "../fixtures/workbooks";
import { monthLabel } from "../../src/domain";

const { at, files } = folderPerTest("matrix-");

const OUT = () => at("out.xlsx");
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l), clock: () => new Date(2025, 11, 31, 9, 0) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

type Edit = (wb: ExcelJS.Workbook) => void;

/** The SPEC §7 month (or a whole year) with one edit, as IN.xlsx. */
async function workbook(edit: Edit, opts: { year?: boolean; data?: InputData } = {}): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const data = opts.data ?? (opts.year ? yearData() : exampleData());
  if (opts.year) for (const m of TERM) addScorecard(wb, { sheetName: monthLabel(m), month: m });
  else addScorecard(wb, { sheetName: "2025年10月", month: "2025-10" });
  addInputSheets(wb, data);
  edit(wb);
  const p = at("in.xlsx");
  writeFileSync(p, await toBuffer(wb));
  return p;
}

const set =
  (header: string, value: ExcelJS.CellValue, month = "2025-10"): Edit =>
  (wb) => {
    indicatorCell(wb, month, header).value = value;
  };
const cell =
  (sheet: string, address: string, value: ExcelJS.CellValue): Edit =>
  (wb) => {
    wb.getWorksheet(sheet)!.getCell(address).value = value;
  };
const both =
  (...edits: Edit[]): Edit =>
  (wb) => {
    for (const e of edits) e(wb);
  };
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

interface Where {
  sheet: string;
  /** null only where the problem has no cell: a missing sheet, column or row. */
  cell: string | null;
  indicator: string;
  /** A fragment of the message. */
  says: string;
}

interface Case {
  spec: string;
  edit: Edit;
  where: Where;
  year?: boolean;
  data?: () => InputData;
}

/** The line the command line prints for a problem at `w` (see problemLine). */
const lineStart = (w: Where) => `工作表「${w.sheet}」${w.cell ? `单元格 ${w.cell}` : ""}（${w.indicator}）：`;

const SECTION_6: Case[] = [
  { spec: "headcount −1", edit: set("团队人数", -1), where: { sheet: "指标录入", cell: "B2", indicator: "团队人数", says: "不能为负数" } },
  { spec: "headcount 9.5", edit: set("团队人数", 9.5), where: { sheet: "指标录入", cell: "B2", indicator: "团队人数", says: "应为整数" } },
  { spec: "passing tickets > sampled", edit: set("合格工单数", 101), where: { sheet: "指标录入", cell: "U2", indicator: "合格工单数", says: "101 大于「抽检工单数」100" } },
  { spec: "15 s answers > answers", edit: both(set("人工服务接通数", 100), set("15秒内接通数", 120)), where: { sheet: "指标录入", cell: "M2", indicator: "15秒内接通数", says: "120 大于「人工服务接通数」100" } },
  { spec: "excluded bad ratings > bad ratings", edit: set("剔除差评数", 60), where: { sheet: "指标录入", cell: "S2", indicator: "剔除差评数", says: "60 大于 不满意+非常不满意 50" } },
  { spec: "rank 0 (来电接通率)", edit: set("接通率排名", 0), where: { sheet: "指标录入", cell: "G2", indicator: "接通率排名", says: "应为不小于 1 的名次" } },
  { spec: "rank 0 (15 s)", edit: set("15秒接通率排名", 0), where: { sheet: "指标录入", cell: "H2", indicator: "15秒接通率排名", says: "应为不小于 1 的名次" } },
  { spec: "rank > centres ranked (来电接通率)", edit: set("接通率排名", 32), where: { sheet: "指标录入", cell: "G2", indicator: "接通率排名", says: "第 32 名超过「排名中心数」31" } },
  { spec: "rank > centres ranked (15 s)", edit: set("15秒接通率排名", 40), where: { sheet: "指标录入", cell: "H2", indicator: "15秒接通率排名", says: "第 40 名超过「排名中心数」31" } },
  { spec: "a submission date before the period it reports", edit: cell("报告提交", "C2", "2025-08-20"), where: { sheet: "报告提交", cell: "C2", indicator: "提交日期", says: "早于其报告期" } },
  { spec: "a date the calendar does not know (a submission in 2031)", edit: cell("报告提交", "C2", utc(2031, 1, 6)), where: { sheet: "报告提交", cell: "C2", indicator: "提交日期", says: "超出法定节假日日历的已知年份" } },
  {
    spec: "a date the calendar does not know (an invoice in 2031)",
    edit: both(cell("付款记录", "A2", 1), cell("付款记录", "B2", utc(2031, 1, 6))),
    where: { sheet: "付款记录", cell: "B2", indicator: "发票日期", says: "2031-01-06" },
  },
  {
    spec: "an instalment whose months are not all scored (invoiced; the month's sheet is there)",
    year: true,
    data: () => {
      const d = yearData();
      d.indicators = d.indicators.filter((i) => i.month !== "2025-03");
      d.payments = [{ number: 2, invoiceDate: "2025-06-10", paidDate: null }];
      return d;
    },
    edit: () => undefined,
    where: { sheet: "2025年3月", cell: "H2", indicator: "考核得分", says: "第2笔款项已开票（发票日期 2025-06-10），需要 2025年3月 的考核得分" },
  },
  {
    // No sheet and no row for the month: the problem is located on 指标录入 by the month, with no cell to point at.
    spec: "an instalment whose months are not all scored (invoiced; the month has no sheet and no row)",
    edit: both(cell("付款记录", "A2", 2), cell("付款记录", "B2", utc(2025, 6, 10))),
    where: { sheet: "指标录入", cell: null, indicator: "考核月份 2024-12", says: "需要 2024年12月 的考核得分" },
  },
];

const READER: Case[] = [
  { spec: "text in a count (九)", edit: set("培训问题次数", "九"), where: { sheet: "指标录入", cell: "F2", indicator: "培训问题次数", says: "应为数字，实为「九」" } },
  { spec: "a yes/no that is neither", edit: set("管理制度落实", "基本落实"), where: { sheet: "指标录入", cell: "C2", indicator: "管理制度落实", says: "应为 是/否" } },
  { spec: "a blank required indicator", edit: set("按时参考人数", null), where: { sheet: "指标录入", cell: "V2", indicator: "按时参考人数", says: "未填写" } },
  { spec: "a month typed as the number 2025.1", edit: cell("指标录入", "A2", 2025.1), where: { sheet: "指标录入", cell: "A2", indicator: "考核月份", says: "2025.1 可能是 1 月也可能是 10 月" } },
  { spec: "a month that is no month", edit: cell("指标录入", "A2", "2025年13月"), where: { sheet: "指标录入", cell: "A2", indicator: "考核月份", says: "应为月份" } },
  { spec: "an unknown bonus level", edit: cell("加减分事件", "C2", "区级"), where: { sheet: "加减分事件", cell: "C2", indicator: "级别", says: "加分事件的级别「区级」" } },
  { spec: "an event type that is neither 加分 nor 扣分", edit: cell("加减分事件", "B2", "表扬信"), where: { sheet: "加减分事件", cell: "B2", indicator: "类型", says: "应为 加分/扣分" } },
  { spec: "an event verified flag that is neither yes nor no", edit: cell("加减分事件", "G2", "待查"), where: { sheet: "加减分事件", cell: "G2", indicator: "经查属实", says: "应为 是/否" } },
  { spec: "a date that is no date (2025-02-30)", edit: cell("报告提交", "C2", "2025-02-30"), where: { sheet: "报告提交", cell: "C2", indicator: "提交日期", says: "实为「2025-02-30」" } },
  { spec: "an extension flag that is neither yes nor no", edit: cell("报告提交", "D2", "也许"), where: { sheet: "报告提交", cell: "D2", indicator: "延期已获批", says: "应为 是/否" } },
  // 笔次 is read for any number of instalments (第五笔 = 5); the seed's 付款条款 has three.
  { spec: "an instalment number that is not 1, 2 or 3", edit: both(cell("付款记录", "A2", "第五笔"), cell("付款记录", "B2", utc(2025, 6, 10))), where: { sheet: "付款记录", cell: "A2", indicator: "笔次", says: "笔次「5」应为 1/2/3" } },
  { spec: "an instalment number that is no number", edit: both(cell("付款记录", "A2", "第二期"), cell("付款记录", "B2", utc(2025, 6, 10))), where: { sheet: "付款记录", cell: "A2", indicator: "笔次", says: "「笔次」应为付款条款中的笔次" } },
  { spec: "a 规则设置 value it cannot read", data: () => ({ ...exampleData(), rules: [["达标分", 95], ["每分扣款比例", "半个点"]] }), edit: () => undefined, where: { sheet: "规则设置", cell: "B3", indicator: "每分扣款比例", says: "半个点" } },
  { spec: "two columns with the same header", edit: cell("付款记录", "D1", "发票 日期"), where: { sheet: "付款记录", cell: "D1", indicator: "发票日期", says: "有两列都是「发票日期」" } },
  { spec: "a required column missing", edit: cell("指标录入", "F1", "培训次数"), where: { sheet: "指标录入", cell: null, indicator: "培训问题次数", says: "缺少「培训问题次数」列" } },
  { spec: "a required sheet missing", edit: (wb) => wb.removeWorksheet(wb.getWorksheet("报告提交")!.id), where: { sheet: "报告提交", cell: null, indicator: "报告提交", says: "没有「报告提交」工作表" } },
  { spec: "the scorecard's month cell unreadable", edit: cell("2025年10月", "C2", "2025年13月"), where: { sheet: "2025年10月", cell: "C2", indicator: "考核月份", says: "无法识别" } },
  { spec: "text where the 考核得分 goes (never overwritten)", edit: cell("2025年10月", "H2", "待甲方确认"), where: { sheet: "2025年10月", cell: "H2", indicator: "考核得分", says: "为免覆盖，未写入" } },
  { spec: "a scorecard missing a row", edit: cell("2025年10月", "C10", "来电接通"), where: { sheet: "2025年10月", cell: null, indicator: "来电接通率", says: "缺少第 6 项「来电接通率」所在的行" } },
  { spec: "a scorecard row twice", edit: cell("2025年10月", "C11", "队伍建设"), where: { sheet: "2025年10月", cell: "C11", indicator: "队伍建设", says: "都是第 1 项" } },
  {
    spec: "two scorecards for one month",
    edit: (wb) => addScorecard(wb, { sheetName: "十月副本", month: "2025-10", monthStyle: "one-cell" }),
    where: { sheet: "十月副本", cell: "A2", indicator: "考核月份", says: "工作表「2025年10月」和「十月副本」都是 2025年10月 的考核表" },
  },
];

const MATRIX = [...SECTION_6.map((c) => ["§6", c] as const), ...READER.map((c) => ["§8", c] as const)];
let refused = 0;

afterAll(() => {
  const withCell = MATRIX.filter(([, c]) => c.where.cell !== null).length;
  console.log(`bad-input matrix: ${refused} of ${MATRIX.length} cases refused through the command line, each naming sheet and indicator (and the cell: ${withCell}; the other ${MATRIX.length - withCell} are a missing sheet, column, row or month); 0 cells written (no output file, input byte-identical)`);
});

describe("SPEC §6 through the command line: refused, located, nothing written", () => {
  it.each(MATRIX.map(([part, c]) => [`${part} ${c.spec}`, c] as const))("%s", async (_name, c) => {
    const input = await workbook(c.edit, { year: c.year, data: c.data?.() });
    const before = readFileSync(input);
    const r = await run(["score", input, "-o", OUT(), "--json", "--as-of", "2025-12-31"]);

    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    const lines = r.err.split("\n");
    const hit = lines.find((l) => l.startsWith(lineStart(c.where)) && l.includes(c.where.says));
    expect([lineStart(c.where), c.where.says, hit === undefined ? r.err : "found"]).toEqual([lineStart(c.where), c.where.says, "found"]);
    expect(hit).toContain(" / "); // the English after the Chinese
    expect(lines[lines.length - 1]).toMatch(/^共 \d+ 个错误，未写入任何文件 \/ \d+ error\(s\); nothing was written$/);
    // Every error line names a sheet; a cell wherever the problem is a value.
    for (const l of lines.slice(0, -1)) expect(l).toMatch(/^工作表「[^」]+」(单元格 [A-Z]+\d+)?（[^）]+）：/);

    // 0 cells written: no output, no temporary file, the input byte for byte as it was.
    expect(existsSync(OUT())).toBe(false);
    expect(files()).toEqual(["in.xlsx"]);
    expect(sha(readFileSync(input))).toBe(sha(before));
    refused++;
  });

  it("§6 a bonus event without evidence: kept, shown, scored 0 — a warning, not a refusal", async () => {
    const input = await workbook(() => undefined);
    const r = await run(["score", input, "-o", OUT(), "--json", "--as-of", "2025-12-31"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { months: { items: Record<string, string>; total: string }[]; warnings: { message: string; sheet: string | null; cell: string | null }[] };
    expect(json.months[0]?.items["11"]).toBe("1.00");
    expect(json.months[0]?.total).toBe("93.25");
    expect(json.warnings).toContainEqual(expect.objectContaining({ sheet: "加减分事件", cell: "F3", message: expect.stringContaining("BY-2025-102") }));
    const wb = await loadWorkbook(readFileSync(OUT()));
    expect(String(wb.getWorksheet("2025年10月")?.getCell("G15").value)).toContain("BY-2025-102「群众电话表扬（无录音）」（群众）无佐证材料，不加分");
    // The row itself is kept as typed.
    expect(wb.getWorksheet("加减分事件")?.getCell("F3").value).toBe("无");
  });

  it("reports every problem of a workbook at once, each located, and still writes nothing", async () => {
    const input = await workbook(both(set("团队人数", -1), set("合格工单数", 101), set("接通率排名", 0), cell("报告提交", "C2", "2025-08-20"), cell("加减分事件", "C2", "区级"), cell("付款记录", "A2", "第五笔")));
    const r = await run(["score", input, "-o", OUT()]);
    expect(r.code).toBe(2);
    const located = r.err.split("\n").filter((l) => l.startsWith("工作表「")).map((l) => l.slice(0, l.indexOf("：")));
    expect(located).toEqual(expect.arrayContaining(["工作表「指标录入」单元格 B2（团队人数）", "工作表「指标录入」单元格 U2（合格工单数）", "工作表「指标录入」单元格 G2（接通率排名）", "工作表「报告提交」单元格 C2（提交日期）", "工作表「付款记录」单元格 A2（笔次）"]));
    expect(located).toContain("工作表「加减分事件」单元格 C2（级别）");
    expect(existsSync(OUT())).toBe(false);
    expect(files()).toEqual(["in.xlsx"]);
  });
});
