// @ts-nocheck
import { readFileSync, writeFileSync, existsSync } from "fs";
import { folderPerTest } from "../fixtures/folder";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { parseTemplateArgs, runTemplate } from "../../src/cli/template";
import { INDICATOR_FIELDS, SCORECARD_ITEMS } from "../../src/domain";

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  return wb;
}

describe("hotline-scorecard template", () => {
  const { at } = folderPerTest("tpl-");

  it("writes 12 monthly sheets and the input sheets, with the contract's headers and merges", async () => {
    const file = at("考核2024-2025.xlsx");
    const t = io();
    const code = await main(["template", "--from", "2024-12", "--months", "12", "-o", file], t.io);
    expect(t.err).toEqual([]);
    expect(code).toBe(0);
    expect(t.out.join("\n")).toContain("2024-12 至 2025-11");

    const wb = await load(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "2024年12月", "2025年1月", "2025年2月", "2025年3月", "2025年4月", "2025年5月",
      "2025年6月", "2025年7月", "2025年8月", "2025年9月", "2025年10月", "2025年11月",
      "合同信息", "付款条款",
      "指标录入", "加减分事件", "报告提交", "付款记录", "规则设置", "节假日安排",
    ]);

    const dec = wb.getWorksheet("2024年12月");
    if (!dec) throw new Error("no December sheet");
    expect(dec.getCell("A1").value).toBe("陕西省公安厅出入境管理局 12367 服务热线质量考核-2024年12月");
    expect(dec.getCell("B2").value).toBe("考核月份：");
    expect(dec.getCell("C2").value).toBe("2024年12月");
    expect(dec.getCell("G2").value).toBe("考核得分：");
    expect(dec.getCell("H2").value).toBeNull();
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map((c) => dec.getRow(3).getCell(c).value)).toEqual([
      "序号", "考核项目", "考核指标", "指标说明", "评分细则", "满分", "12月完成情况", "单项得分", "备注",
    ]);
    SCORECARD_ITEMS.forEach((item, i) => {
      expect(dec.getCell(`A${4 + i}`).value).toBe(item.no);
      expect(dec.getCell(`C${4 + i}`).value).toBe(item.indicator);
      expect(dec.getCell(`F${4 + i}`).value).toBe(item.max);
    });
    expect(dec.getCell("B4").value).toBe("综合管理 (40)");
    expect(dec.getCell("B9").value).toBe("服务能力 (30)");
    expect(dec.getCell("B11").value).toBe("服务质量 (30)");
    expect(dec.getCell("B14").value).toBe("附加项");
    const merges = (dec.model as unknown as { merges: string[] }).merges;
    expect(merges).toEqual(expect.arrayContaining(["A1:I1", "B4:B8", "B9:B10", "B11:B13", "B14:B17"]));
    expect(dec.getCell("B19").value).toBe("客户方签字：");
    expect(dec.getCell("E19").value).toBe("运营提供方签字：");
    expect(dec.getCell("B20").value).toBe("日期：");
    expect(dec.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, printArea: "A1:I20" });
    expect(wb.getWorksheet("2025年6月")?.getCell("G3").value).toBe("6月完成情况");

    const ind = wb.getWorksheet("指标录入");
    if (!ind) throw new Error("no 指标录入");
    const headers = (ind.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(["考核月份", ...INDICATOR_FIELDS.map((f) => f.header)]);
    expect(headers).toContain("管理制度落实");
    expect(ind.getCell("A2").value).toBe("2024-12");
    expect(ind.getCell("A13").value).toBe("2025-11");
    expect(ind.getCell("A14").value).toBeNull();

    expect((wb.getWorksheet("加减分事件")?.getRow(1).values as unknown[]).slice(1)).toEqual([
      "考核月份", "类型", "级别", "事项编号", "事项说明", "佐证材料", "经查属实", "乙方报送",
    ]);
    expect((wb.getWorksheet("报告提交")?.getRow(1).values as unknown[]).slice(1)).toEqual(["报告类型", "报告期", "提交日期", "延期已获批"]);
    const pay = wb.getWorksheet("付款记录");
    expect((pay?.getRow(1).values as unknown[]).slice(1)).toEqual(["笔次", "发票日期", "实付日期", "收票日期"]);
    expect([pay?.getCell("A2").value, pay?.getCell("A3").value, pay?.getCell("A4").value]).toEqual([1, 2, 3]);
    expect(pay?.getCell("B3").numFmt).toBe("yyyy-mm-dd");
    const rules = wb.getWorksheet("规则设置");
    expect(rules?.getCell("A1").value).toBe("参数");
    expect(rules?.getCell("B1").value).toBe("值");
  });

  it("refuses to overwrite an existing file unless --force", async () => {
    const file = at("out.xlsx");
    writeFileSync(file, "clerk's file");
    const t = io();
    expect(await runTemplate(["-o", file], t.io)).toBe(2);
    expect(t.err.join("\n")).toMatch(/已存在.*--force/);
    expect(readFileSync(file, "utf8")).toBe("clerk's file");

    const t2 = io();
    expect(await runTemplate(["-o", file, "--force", "--months", "2", "--from", "2025年6月"], t2.io)).toBe(0);
    const wb = await load(file);
    expect(wb.worksheets.map((w) => w.name).slice(0, 3)).toEqual(["2025年6月", "2025年7月", "合同信息"]);
  });

  it.each([
    [["--from", "2024-13", "-o", "x.xlsx"], /--from「2024-13」不是月份/],
    [["--months", "0", "-o", "x.xlsx"], /--months「0」应为 1–36 的整数/],
    [["--months", "2.5", "-o", "x.xlsx"], /1–36/],
    [["--months", "37", "-o", "x.xlsx"], /1–36/],
    [["-o", "x.csv"], /应以 \.xlsx 结尾/],
    [[], /缺少输出文件/],
    [["-o"], /-o 缺少取值/],
    [["--bogus", "-o", "x.xlsx"], /未知参数「--bogus」/],
    [["--from", "2024-12", "--from", "2025-01", "-o", "x.xlsx"], /重复/],
    [["--from", "2026-12", "--to", "2027-11", "--months", "12", "-o", "x.xlsx"], /--to 与 --months 只能给一个/],
    [["--from", "2026-12", "--to", "2026-11", "-o", "x.xlsx"], /末个考核月份 2026-11 早于首个考核月份 2026-12/],
    [["--from", "2024-01", "--to", "2027-01", "-o", "x.xlsx"], /共 37 个月，超过 36 个月/],
    [["--term-start", "2026-12-04", "--term-end", "2026-12-04", "-o", "x.xlsx"], /--term-end 2026-12-04 应晚于 --term-start 2026-12-04/],
    [["--term-start", "2026-02-30", "-o", "x.xlsx"], /--term-start「2026-02-30」不是真实存在的日期/],
    [["--total", "0", "-o", "x.xlsx"], /--total「0」应为大于 0 的金额/],
    [["--total", "72万", "-o", "x.xlsx"], /--total「72万」应为大于 0 的金额/],
    [["--from", "2026-12", "--term-start", "2028-01-01", "-o", "x.xlsx"], /合同期止 2027-12-03 应晚于合同期起 2028-01-01/],
  ])("exits 2 on bad arguments %j and writes nothing", async (args, message) => {
    const t = io();
    const argv = (args as string[]).map((a) => (a.endsWith(".xlsx") || a.endsWith(".csv") ? at(a) : a));
    expect(await runTemplate(argv, t.io)).toBe(2);
    expect(t.err.join("\n")).toMatch(message as RegExp);
    expect(t.err.join("\n")).toMatch(/error/);
    expect(existsSync(at("x.xlsx"))).toBe(false);
  });

  it("defaults to the contract term", () => {
    const parsed = parseTemplateArgs(["-o", "a.xlsx"]);
    expect(parsed).toEqual({ ok: true, value: { from: "2024-12", to: "2025-11", months: 12, termStart: null, termEnd: null, total: null, output: "a.xlsx", force: false } });
    expect(parseTemplateArgs(["--from=2025.3", "--months=3", "--output=b.XLSX", "-f"])).toEqual({
      ok: true,
      value: { from: "2025-03", to: "2025-05", months: 3, termStart: null, termEnd: null, total: null, output: "b.XLSX", force: true },
    });
  });

  it("prints the usage with --help", async () => {
    const t = io();
    expect(await runTemplate(["--help"], t.io)).toBe(0);
    expect(t.out.join("\n")).toContain("--months");
  });
});

describe("template for a new contract (SPEC §9)", () => {
  const { at } = folderPerTest("tpl-new-");

  it.each([
    // The months from --from/--to; the term given.
    [["--from", "2026-12", "--to", "2027-11", "--term-start", "2026-12-04", "--term-end", "2027-12-03", "--total", "720000"], { from: "2026-12", to: "2027-11", months: 12, termStart: "2026-12-04", termEnd: "2027-12-03", total: "720000.00" }],
    // The months from the term alone: the month it starts … the month before the one after it ends.
    [["--term-start", "2026-12-04", "--term-end", "2027-12-03"], { from: "2026-12", to: "2027-11", months: 12, termStart: "2026-12-04", termEnd: "2027-12-03", total: null }],
    [["--term-start", "2027-01-01", "--term-end", "2027-06-30", "--total", "¥360,000.50"], { from: "2027-01", to: "2027-06", months: 6, termStart: "2027-01-01", termEnd: "2027-06-30", total: "360000.50" }],
    // --from with --months, as before.
    [["--from", "2026-12", "--months", "6"], { from: "2026-12", to: "2027-05", months: 6, termStart: null, termEnd: null, total: null }],
  ])("parses %j", (args, expected) => {
    const parsed = parseTemplateArgs([...(args as string[]), "-o", "a.xlsx"]);
    expect(parsed).toEqual({ ok: true, value: { ...expected, output: "a.xlsx", force: false } });
  });

  it("writes 合同信息 and 付款条款 pre-filled for the renewal, ready to edit", async () => {
    const file = at("2026-2027.xlsx");
    const t = io();
    const code = await main(["template", "--from", "2026-12", "--to", "2027-11", "--term-start", "2026-12-04", "--term-end", "2027-12-03", "--total", "720000", "-o", file], t.io);
    expect(t.err).toEqual([]);
    expect(code).toBe(0);
    expect(t.out.join("\n")).toContain("12 个月（2026-12 至 2027-11）的考核表，合同信息（合同期 2026-12-04 至 2027-12-03，合同总额 ¥720,000.00）、付款条款（40%/50%/10%");
    const wb = await load(file);
    const info = wb.getWorksheet("合同信息");
    const values = (ws: ExcelJS.Worksheet | undefined, col: number) => [2, 3, 4, 5, 6, 7, 8, 9, 10].map((r) => ws?.getCell(r, col).value);
    expect(values(info, 1)).toEqual(["合同名称", "甲方", "乙方", "合同期起", "合同期止", "合同总额", "首个考核月份", "末个考核月份", "季度服务费"]);
    expect(values(info, 2)).toEqual([
      "陕西省公安厅出入境管理局 12367 服务热线 2026-2027 年热线运营服务及语音专线采购项目", "陕西省公安厅", "陕西省通信服务有限公司",
      new Date(Date.UTC(2026, 11, 4)), new Date(Date.UTC(2027, 11, 3)), 720000, "2026-12", "2027-11", null,
    ]);
    const terms = wb.getWorksheet("付款条款");
    const row = (r: number) => [1, 2, 3, 4, 5, 6].map((c) => terms?.getCell(r, c).value);
    expect([row(2), row(3), row(4)]).toEqual([
      [1, 0.4, null, null, new Date(Date.UTC(2026, 11, 4)), 10],
      [2, 0.5, "2026-12", "2027-05", new Date(Date.UTC(2027, 5, 1)), 30],
      [3, 0.1, "2027-06", "2027-11", new Date(Date.UTC(2028, 0, 1)), 30],
    ]);
    expect(terms?.getCell("B2").numFmt).toBe("0%");
    expect(terms?.getCell("G3").value).toBe("自项目运营至2027年6月，以2026年12月至2027年5月平均得分为准，30个工作日内支付");
    expect(wb.getWorksheet("指标录入")?.getCell("A13").value).toBe("2027-11");
  });
});
