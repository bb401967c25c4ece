// @ts-nocheck
import ExcelJS from "exceljs";
import { defaultRules } from "../../../src/domain";
import { RULE_SETTINGS, rulesFromSettings } from "../../../src/domain/rule-settings";
import type { SheetSpec } from "../../../src/workbook/model";
import { writeNewWorkbook } from "../../../src/hosts/file/new-workbook";
import { buildTemplate, templateContract, templatePlan } from "../../../src/workbook/sheets/template";
import { ExcelFileAdapter } from "../../../src/hosts/file/file-adapter";
import { readInputs } from "../../../src/workbook/read/read-inputs";
import { rulesWithContract, sameContract } from "../../../src/workbook/read/contract-sheets";
import { isoToSerial } from "../../../src/workbook/read/grid";

type Dv = { find(a: string): ExcelJS.DataValidation | undefined };
const dvOf = (ws: ExcelJS.Worksheet | undefined): Dv => (ws as unknown as { dataValidations: Dv }).dataValidations;

function sheet(specs: SheetSpec[], name: string): SheetSpec {
  const s = specs.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

describe("buildTemplate", () => {
  const specs = buildTemplate({ from: "2024-12", months: 12 });

  it("lays out every month like the contract's 附件二", () => {
    // 12 months, 合同信息, 付款条款, 指标录入, 加减分事件, 报告提交, 付款记录, 规则设置, 节假日安排
    expect(specs).toHaveLength(20);
    const nov = sheet(specs, "2025年11月");
    const cell = (a: string) => nov.cells.find((c) => c.address === a);
    expect(cell("A1")?.value).toBe("陕西省公安厅出入境管理局 12367 服务热线质量考核-2025年11月");
    expect(cell("C2")).toMatchObject({ value: "2025年11月", numberFormat: "@" });
    expect(cell("G3")?.value).toBe("11月完成情况");
    expect(cell("D4")?.style).toMatchObject({ wrap: true, border: "thin" });
    expect(cell("E15")?.value).toContain("每次扣 10 分");
    expect(nov.merges).toEqual(expect.arrayContaining(["B4:B8", "B9:B10", "B11:B13", "B14:B17"]));
    expect(nov.print).toMatchObject({ orientation: "landscape", paperSize: "A4", fitToWidth: true });
    // Wrapped contract text gets a row tall enough for it.
    expect(nov.rowHeights?.[7]).toBeGreaterThan(nov.rowHeights?.[4] ?? 0);
  });

  it("rejects bad options with zh-CN and English", () => {
    expect(() => buildTemplate({ from: "2024-13", months: 12 })).toThrow(/起始月份.*invalid first month/);
    expect(() => buildTemplate({ from: "2024-12", months: 0 })).toThrow(/1–36/);
  });

  it("prefills 规则设置 with values the rule-settings reader turns back into the contract defaults", () => {
    const rules = sheet(specs, "规则设置");
    const byRow = new Map<number, Record<string, unknown>>();
    for (const c of rules.cells) {
      const m = /^([A-C])(\d+)$/.exec(c.address);
      if (!m || m[2] === "1") continue;
      const row = byRow.get(Number(m[2])) ?? {};
      row[m[1] ?? ""] = c.value;
      byRow.set(Number(m[2]), row);
    }
    const rows = [...byRow.values()].map((r) => ({ label: String(r.A), value: (r.B ?? null) as string | number | null }));
    expect(rows.map((r) => r.label)).toEqual(RULE_SETTINGS.map((d) => d.label));
    expect(rows.find((r) => r.label === "每分扣款比例")?.value).toBe(0.005);
    const back = rulesFromSettings(rows);
    expect(back.ok).toBe(true);
    if (back.ok) {
      // 合同总额 is left blank here (it lives in 合同信息): blank keeps the contract's.
      expect(rows.find((r) => r.label === "合同总额")?.value).toBeNull();
      expect(back.value.contract).toEqual(defaultRules().contract);
      expect(back.value.options).toEqual(defaultRules().options);
    }
  });
});

describe("the template rendered by the file host (writeNewWorkbook)", () => {
  it("writes dropdowns, text and date formats and frozen headers", async () => {
    const buffer = await writeNewWorkbook(templatePlan(buildTemplate({ from: "2024-12", months: 12 })));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);

    const ind = wb.getWorksheet("指标录入");
    expect(dvOf(ind).find("C2")).toMatchObject({ type: "list", formulae: ['"是,否"'] });
    expect(dvOf(ind).find("D13")).toMatchObject({ type: "list", formulae: ['"是,否"'] });
    expect(dvOf(ind).find("B2")).toBeUndefined();
    expect(ind?.getCell("A2").numFmt).toBe("@");
    expect(ind?.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ind?.getCell("B1").font?.bold).toBe(true);

    const ev = wb.getWorksheet("加减分事件");
    expect(dvOf(ev).find("B2")).toMatchObject({ formulae: ['"加分,扣分"'] });
    expect(dvOf(ev).find("C50")).toMatchObject({ formulae: ['"群众,市级及以上,市级及以下,省级,国家级"'] });
    expect(dvOf(ev).find("F2")).toMatchObject({ formulae: ['"有,无"'] });
    expect(dvOf(ev).find("H201")).toMatchObject({ formulae: ['"是,否"'] });
    expect(ev?.getCell("A2").numFmt).toBe("@");

    const rep = wb.getWorksheet("报告提交");
    expect(dvOf(rep).find("A2")).toMatchObject({ formulae: ['"月报,季报,年报"'] });
    expect(rep?.getCell("B2").numFmt).toBe("@");
    expect(rep?.getCell("C2").numFmt).toBe("yyyy-mm-dd");

    const pay = wb.getWorksheet("付款记录");
    expect(pay?.getCell("C4").numFmt).toBe("yyyy-mm-dd");

    const rules = wb.getWorksheet("规则设置");
    expect(rules?.getCell("A2").value).toBe("合同总额");
    expect(rules?.getCell("B2").value).toBeNull();
    expect(String(rules?.getCell("C2").value)).toContain("合同信息");
    expect(String(rules?.getCell("C4").value)).toContain("0.5%");
  });
});

describe("the contract's terms in the template (SPEC §9)", () => {
  it("for the seed's months, templateContract is the seed contract exactly, and the workbook reads back as the seed", async () => {
    expect(templateContract({ firstMonth: "2024-12", lastMonth: "2025-11" })).toEqual(defaultRules().contract);
    const snapshot = await (await ExcelFileAdapter.fromBuffer(await writeNewWorkbook(templatePlan(buildTemplate({ from: "2024-12", months: 12 }))))).read();
    const inputs = readInputs(snapshot);
    expect(inputs.problems).toEqual([]);
    expect(rulesWithContract(inputs.contract.contract)).toBe(defaultRules());
  });

  it("shifts the seed to a renewal: 40/50/10, periods 2026-12…2027-05 and 2027-06…2027-11, 最早开票日期 2026-12-04 / 2027-06-01 / 2028-01-01", () => {
    const c = templateContract({ firstMonth: "2026-12", lastMonth: "2027-11", total: "720000.00" });
    expect([c.title, c.termStart, c.termEnd, c.total, c.firstMonth, c.lastMonth]).toEqual([
      "陕西省公安厅出入境管理局 12367 服务热线 2026-2027 年热线运营服务及语音专线采购项目", "2026-12-04", "2027-12-03", "720000.00", "2026-12", "2027-11",
    ]);
    expect(c.instalments.map((i) => [i.number, i.share, i.months, i.invoiceNotBefore, i.dueWorkingDays, i.condition])).toEqual([
      [1, "0.40", null, "2026-12-04", 10, "合同签订后的一个月内，乙方提供等额发票，甲方收到发票后的10个工作日内支付"],
      [2, "0.50", { from: "2026-12", to: "2027-05" }, "2027-06-01", 30, "自项目运营至2027年6月，以2026年12月至2027年5月平均得分为准，30个工作日内支付"],
      [3, "0.10", { from: "2027-06", to: "2027-11" }, "2028-01-01", 30, "服务期满次月，以2027年6月至2027年11月平均得分为准，30个工作日内支付"],
    ]);
    // Given term dates are kept; 5 months split 3 + 2; the last instalment's earliest invoice the month after the term.
    const short = templateContract({ firstMonth: "2025-03", lastMonth: "2025-07", termStart: "2025-03-01", termEnd: "2025-07-31" });
    expect([short.title.includes(" 2025 年"), short.termStart, short.termEnd]).toEqual([true, "2025-03-01", "2025-07-31"]);
    expect(short.instalments.map((i) => [i.months, i.invoiceNotBefore])).toEqual([
      [null, "2025-03-01"],
      [{ from: "2025-03", to: "2025-05" }, "2025-06-01"],
      [{ from: "2025-06", to: "2025-07" }, "2025-08-01"],
    ]);
  });

  it("writes 合同信息 (参数 | 值 | 说明) and 付款条款 (比例 as %, months as text, dates as dates) that read back as the contract", async () => {
    const contract = templateContract({ firstMonth: "2026-12", lastMonth: "2027-11", total: "720000.00" });
    const specs = buildTemplate({ from: "2026-12", months: 12, contract });
    expect(specs.map((s) => s.name).slice(11, 14)).toEqual(["2027年11月", "合同信息", "付款条款"]);
    const info = sheet(specs, "合同信息");
    const at = (spec: SheetSpec, a: string) => spec.cells.find((c) => c.address === a);
    expect(["A2", "A5", "A6", "A7", "A8", "A9", "A10"].map((a) => at(info, a)?.value)).toEqual(["合同名称", "合同期起", "合同期止", "合同总额", "首个考核月份", "末个考核月份", "季度服务费"]);
    expect(at(info, "B7")).toMatchObject({ value: 720000, numberFormat: "#,##0.00" });
    expect(at(info, "B5")).toMatchObject({ value: isoToSerial("2026-12-04"), numberFormat: "yyyy-mm-dd" });
    const terms = sheet(specs, "付款条款");
    expect(["A1", "B1", "C1", "D1", "E1", "F1", "G1"].map((a) => at(terms, a)?.value)).toEqual(["笔次", "比例", "考核月份起", "考核月份止", "最早开票日期", "付款期限（工作日）", "付款条件"]);
    expect(at(terms, "B3")).toMatchObject({ value: 0.5, numberFormat: "0%" });
    expect(at(terms, "C3")).toMatchObject({ value: "2026-12", numberFormat: "@" });
    expect(at(terms, "E4")).toMatchObject({ value: isoToSerial("2028-01-01"), numberFormat: "yyyy-mm-dd" });
    const pay = sheet(specs, "付款记录");
    expect(["A1", "B1", "C1", "D1"].map((a) => at(pay, a)?.value)).toEqual(["笔次", "发票日期", "实付日期", "收票日期"]);

    const snapshot = await (await ExcelFileAdapter.fromBuffer(await writeNewWorkbook(templatePlan(specs)))).read();
    const inputs = readInputs(snapshot);
    expect(inputs.problems).toEqual([]);
    expect(inputs.contract.contract && sameContract(inputs.contract.contract, contract)).toBe(true);
  });

  it("refuses a contract whose scored months are not the template's", () => {
    const contract = templateContract({ firstMonth: "2026-12", lastMonth: "2027-11" });
    expect(() => buildTemplate({ from: "2026-12", months: 6, contract })).toThrow(/与模板月份 2026-12 至 2027-05 不一致/);
  });
});
