// @ts-nocheck
import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { INDICATOR_FIELDS } from "../../src/domain";

const FILE = join(__dirname, "..", "..", "assets", "example-2024-2025.xlsx");

describe("assets/example-2024-2025.xlsx", () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(FILE) as unknown as ArrayBuffer);
  });
  const ws = (name: string): ExcelJS.Worksheet => {
    const s = wb.getWorksheet(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  };
  const utc = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : d);

  it("holds the twelve months of the contract year, the contract-year sheets and the input sheets", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "2024年12月", "2025年1月", "2025年2月", "2025年3月", "2025年4月", "2025年5月",
      "2025年6月", "2025年7月", "2025年8月", "2025年9月", "2025年10月", "2025年11月",
      "合同信息", "付款条款", "指标录入", "加减分事件", "报告提交", "付款记录", "规则设置", "节假日安排",
    ]);
  });

  it("is what `npm run make-example` makes today, byte for byte (the script is deterministic)", () => {
    const dir = mkdtempSync(join(tmpdir(), "example-"));
    try {
      const out = join(dir, "example.xlsx");
      const root = join(__dirname, "..", "..");
      execFileSync(process.execPath, [join(root, "node_modules", "tsx", "dist", "cli.mjs"), join(root, "scripts", "make-example.ts"), out], { cwd: root, stdio: "ignore", timeout: 60_000 });
      // Regenerate with `npm run make-example` when the template or the example's data changes.
      expect(readFileSync(out).equals(readFileSync(FILE))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);

  it("asks Excel to recalculate on open, and carries no run's clock in its zip entries", async () => {
    const zip = await JSZip.loadAsync(readFileSync(FILE));
    const workbookXml = await zip.file("xl/workbook.xml")?.async("string");
    expect(workbookXml).toMatch(/<calcPr\b[^>]*\bfullCalcOnLoad="1"/);
    const dates = new Set(Object.values(zip.files).map((f) => f.date.toISOString()));
    expect([...dates]).toEqual(["2024-12-01T00:00:00.000Z"]);
  });

  it("carries the seed contract's terms in 合同信息 and 付款条款 (SPEC §4, §9)", () => {
    const info = ws("合同信息");
    const value = (label: string) => {
      for (let r = 2; r <= info.rowCount; r++) if (info.getCell(r, 1).value === label) return utc(info.getCell(r, 2).value);
      throw new Error(`no ${label}`);
    };
    expect(value("甲方")).toBe("陕西省公安厅");
    expect(value("合同期起")).toBe("2024-12-04");
    expect(value("合同期止")).toBe("2025-12-03");
    expect(value("合同总额")).toBe(689000);
    expect(value("首个考核月份")).toBe("2024-12");
    expect(value("末个考核月份")).toBe("2025-11");
    const terms = ws("付款条款");
    expect([2, 3, 4].map((r) => [1, 2, 3, 4, 5, 6].map((c) => utc(terms.getCell(r, c).value)))).toEqual([
      [1, 0.4, null, null, "2024-12-04", 10],
      [2, 0.5, "2024-12", "2025-05", "2025-06-01", 30],
      [3, 0.1, "2025-06", "2025-11", "2026-01-01", 30],
    ]);
    expect(ws("节假日安排").getCell("A1").value).toBe("日期");
  });

  it("has a filled 指标录入 row per month, with the SPEC §7 month as worked", () => {
    const s = ws("指标录入");
    const headers = (s.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(["考核月份", ...INDICATOR_FIELDS.map((f) => f.header), "备注"]);
    const col = (h: string) => headers.indexOf(h) + 1;
    for (let r = 2; r <= 13; r++) {
      for (const f of INDICATOR_FIELDS) expect(s.getCell(r, col(f.header)).value).not.toBeNull();
      const headcount = Number(s.getCell(r, col("团队人数")).value);
      expect(headcount).toBeGreaterThanOrEqual(9);
      expect(headcount).toBeLessThanOrEqual(11);
      // 10 tickets per seat; 2025-10 keeps SPEC §7's own numbers (100 sampled with 9 seats).
      expect(s.getCell(r, col("抽检工单数")).value).toBe(r === 12 ? 100 : 10 * headcount);
    }
    expect(s.getCell("A2").value).toBe("2024-12");
    expect(s.getCell("A12").value).toBe("2025-10");
    expect(s.getCell(12, col("团队人数")).value).toBe(9);
    expect(s.getCell(12, col("接通率排名")).value).toBe(7);
    expect(s.getCell(12, col("合格工单数")).value).toBe(85);
    expect(s.getCell(12, col("有效投诉数")).value).toBe(1);
    expect(s.getCell(12, col("管理制度落实")).value).toBe("是");
    expect(s.getCell("A14").value).toBeNull();
  });

  it("records the events, every report and the three payments as dates", () => {
    const ev = ws("加减分事件");
    expect((ev.getRow(2).values as unknown[]).slice(1)).toEqual([
      "2024-12", "加分", "群众", "BY-2024-012", expect.stringContaining("致谢"), "有", "是", "是",
    ]);
    const rows: unknown[][] = [];
    ev.eachRow((row, n) => {
      if (n > 1 && row.getCell(1).value !== null) rows.push((row.values as unknown[]).slice(1));
    });
    expect(rows.filter((r) => r[1] === "扣分")).toEqual([[
      "2025-04", "扣分", "市级及以下", "PP-2025-041", expect.any(String), "有", "是", "否",
    ]]);
    expect(rows.some((r) => r[1] === "加分" && r[5] === "无")).toBe(true);

    const rep = ws("报告提交");
    const reports: unknown[][] = [];
    rep.eachRow((row, n) => {
      if (n > 1 && row.getCell(1).value !== null) reports.push((row.values as unknown[]).slice(1).map(utc));
    });
    expect(reports.filter((r) => r[0] === "月报")).toHaveLength(12);
    expect(reports.filter((r) => r[0] === "季报").map((r) => r[1])).toEqual(["2024Q4", "2025Q1", "2025Q2", "2025Q3"]);
    expect(reports).toContainEqual(["月报", "2025-09", "2025-10-13", "否"]);
    expect(reports).toContainEqual(["季报", "2025Q1", "2025-04-18", "是"]);
    expect(rep.getCell("C3").numFmt).toBe("yyyy-mm-dd");

    const pay = ws("付款记录");
    expect([2, 3, 4].map((r) => [pay.getCell(r, 1).value, utc(pay.getCell(r, 2).value), utc(pay.getCell(r, 3).value)])).toEqual([
      [1, "2024-12-10", "2024-12-20"],
      [2, "2025-06-16", "2025-07-28"],
      [3, "2025-12-05", "2026-01-09"],
    ]);
  });

  it("keeps the monthly sheets as templates with a clerk's 备注 and signatures, owned cells empty", () => {
    const dec = ws("2024年12月");
    expect(dec.getCell("C2").value).toBe("2024年12月");
    expect(dec.getCell("H2").value).toBeNull();
    expect(dec.getCell("H4").value).toBeNull();
    expect(dec.getCell("I4").value).toBe("新增座席1人，已岗前培训");
    expect(dec.getCell("C19").value).toBe("张建国");
    expect(dec.getCell("F19").value).toBe("李敏");
    expect(utc(dec.getCell("C20").value)).toBe("2025-01-09");
    expect(ws("2025年10月").getCell("I14").value).toBe("BY-2025-102 无录音佐证，不加分");
    expect(ws("2025年11月").getCell("C19").value).toBeNull();
    expect(ws("规则设置").getCell("A2").value).toBe("合同总额");
    expect(ws("规则设置").getCell("B2").value).toBeNull(); // the total lives in 合同信息 now
  });
});
