import ExcelJS from "exceljs";
import { DEFAULT_RULES } from "../../../src/domain";
import { RULE_SETTINGS, rulesFromSettings } from "../../../src/domain/rule-settings";
import type { SheetSpec } from "../../../src/workbook/model";
import { writeNewWorkbook } from "../../../src/hosts/file/new-workbook";
import { buildTemplate, templatePlan } from "../../../src/workbook/sheets/template";

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
    expect(specs).toHaveLength(17);
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
      expect(back.value.contract).toEqual({ ...DEFAULT_RULES.contract, total: "689000" });
      expect(back.value.options).toEqual(DEFAULT_RULES.options);
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
    expect(rules?.getCell("B2").value).toBe(689000);
    expect(rules?.getCell("B2").numFmt).toBe("#,##0.00");
    expect(String(rules?.getCell("C4").value)).toContain("0.5%");
  });
});
