/**
 * SPEC §9 end to end through the command line: a renewal workbook made by
 * `template --from 2026-12 --to 2027-11 --term-start 2026-12-04 --term-end 2027-12-03 --total 720000`,
 * filled in as a clerk would (指标录入, 付款记录, a 2027 schedule in 节假日安排, a split edited in
 * 付款条款), scored and settled by `score --json`, the 付款结算 sheet read back; A10 both ways and
 * 收票日期 through 付款记录 and 规则设置; and every §9 check refused: exit 2, the cell on stderr,
 * no output file.
 *
 * The 2027 rows of 节假日安排 are hypothetical (元旦 2027-01-01 and 端午节 2027-06-09 off): the
 * official 2027 notice is not out; what is tested is that the typed rows are the calendar.
 */
// @ts-nocheck

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { INDICATOR_FIELDS, MonthIndicators } from "../../src/domain";
import { runCli } from "../fixtures/cli";
import { folderPerTest } from "../fixtures/folder";
import { loadWorkbook, toBuffer } from "../fixtures/workbooks";
import { perfectMonth } from "../domain/builders";

jest.setTimeout(120_000);

const { at } = folderPerTest("contract-cli-");
const run = (args: string[]) => runCli(args, new Date(2027, 11, 31, 9, 0));

const RENEWAL = ["--from", "2026-12", "--to", "2027-11", "--term-start", "2026-12-04", "--term-end", "2027-12-03", "--total", "720000"];
const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

interface Fill {
  /** 付款条款 比例 of instalments 1–3 (numbers in the template's % cells). */
  split?: [number, number, number];
  /** 付款记录 rows: 笔次 → [发票日期, 实付日期, 收票日期]. */
  payments?: Record<number, [string | null, string | null, string | null]>;
  /** 规则设置 values by 参数. */
  settings?: Record<string, ExcelJS.CellValue>;
  /** Any other cell: [sheet, A1, value, number format]. */
  cells?: [string, string, ExcelJS.CellValue, string?][];
}

/**
 * The renewal template, filled in: 2026-12 … 2027-05 score 94.00 (a perfect month with 3 valid
 * complaints: 100 − 3 × 2), 2027-06 … 2027-11 score 100.00.
 */
async function renewalWorkbook(fill: Fill = {}): Promise<string> {
  const template = at("template.xlsx");
  const made = await run(["template", ...RENEWAL, "-o", template]);
  expect([made.code, made.err]).toEqual([0, ""]);
  const wb = await loadWorkbook(readFileSync(template));
  const ws = (name: string) => {
    const s = wb.getWorksheet(name);
    if (!s) throw new Error(`no ${name}`);
    return s;
  };

  const ind = ws("指标录入");
  const headers = new Map<string, number>();
  ind.getRow(1).eachCell((c, n) => headers.set(String(c.value), n));
  for (let row = 2; row <= 13; row++) {
    const month = String(ind.getCell(row, 1).value);
    const m: MonthIndicators = perfectMonth(month, { complaints: month <= "2027-05" ? 3 : 0 });
    for (const f of INDICATOR_FIELDS) {
      const v = m[f.key];
      if (v === null) continue;
      ind.getCell(row, headers.get(f.header) ?? 0).value = typeof v === "boolean" ? (v ? "是" : "否") : v;
    }
  }

  const holidays = ws("节假日安排");
  [["2027-01-01", "休", "元旦"], ["2027-06-09", "休", "端午节"]].forEach(([d, k, n], i) => {
    holidays.getCell(i + 2, 1).value = utc(d ?? "");
    holidays.getCell(i + 2, 2).value = k;
    holidays.getCell(i + 2, 3).value = n;
  });

  if (fill.split) fill.split.forEach((share, i) => (ws("付款条款").getCell(i + 2, 2).value = share));
  const pay = ws("付款记录");
  for (const [n, dates] of Object.entries(fill.payments ?? {}))
    dates.forEach((d, i) => {
      if (d !== null) pay.getCell(Number(n) + 1, i + 2).value = utc(d);
    });
  const rules = ws("规则设置");
  for (const [label, value] of Object.entries(fill.settings ?? {})) {
    let row = 0;
    rules.getColumn(1).eachCell((c, r) => {
      if (c.value === label) row = r;
    });
    if (!row) throw new Error(`no 规则设置 row ${label}`);
    rules.getCell(row, 2).value = value;
  }
  for (const [sheet, address, value, numFmt] of fill.cells ?? []) {
    ws(sheet).getCell(address).value = value;
    if (numFmt) ws(sheet).getCell(address).numFmt = numFmt;
  }

  const input = at("in.xlsx");
  writeFileSync(input, await toBuffer(wb));
  return input;
}

interface Json {
  months: { month: string; total: string }[];
  instalments: { number: number; months: string[]; average: string | null; deduction: string; payable: string; payableUpper: string; dueDate: string | null; paidDate: string | null; daysLate: number | null; lateCharge: string | null }[];
  warnings: { message: string; sheet: string | null; cell: string | null }[];
}

async function score(input: string): Promise<{ json: Json; out: string }> {
  const out = at("out.xlsx");
  const r = await run(["score", input, "-o", out, "--json", "--as-of", "2027-12-31"]);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  return { json: JSON.parse(r.out) as Json, out };
}

/** Column A labels → the text of the merged value beside them, per instalment block of 付款结算. */
function blockTexts(ws: ExcelJS.Worksheet, n: number): Map<string, string> {
  let top = 0;
  let next = Infinity;
  ws.getColumn(1).eachCell((c, r) => {
    const v = String(c.value ?? "");
    if (v.startsWith(`第${n}笔　`)) top = r;
    else if (top && r > top && /^第\d笔　/.test(v) && next === Infinity) next = r;
  });
  const out = new Map<string, string>();
  for (let r = top + 1; r < Math.min(next, top + 30); r++) out.set(String(ws.getCell(r, 1).value ?? ""), String(ws.getCell(r, 2).value ?? ""));
  return out;
}

describe("the renewal of SPEC §9, scored and settled through the command line", () => {
  it("40/50/10 as the template writes it: 288,000 / 360,000 / 72,000, 季度服务费 180,000, 94.00 → 900.00 off → 359,100.00", async () => {
    const input = await renewalWorkbook({
      payments: {
        // Thu 2026-12-10 → 10 working days: 12-11 (1), 14–18 (6), 21–24 (10) → due 2026-12-24; paid 12-18.
        1: ["2026-12-10", "2026-12-18", null],
        // Invoiced 2027-05-20, before 最早开票日期 2027-06-01 (A10: the clock starts then). From Tue 06-01: 06-02…04 (3),
        // 06-07, 08 (5), 06-09 端午 off (节假日安排), 06-10, 11 (7), 14–18 (12), 21–25 (17), 28–30 (20), 07-01, 02 (22),
        // 07-05…09 (27), 07-12, 13, 14 (30) → due 2027-07-14; paid 07-12: on time.
        2: ["2027-05-20", "2027-07-12", null],
      },
    });
    const { json, out } = await score(input);
    expect(json.months.map((m) => [m.month, m.total])).toEqual([
      ...["2026-12", "2027-01", "2027-02", "2027-03", "2027-04", "2027-05"].map((m) => [m, "94.00"]),
      ...["2027-06", "2027-07", "2027-08", "2027-09", "2027-10", "2027-11"].map((m) => [m, "100.00"]),
    ]);
    expect(json.instalments).toEqual([
      { number: 1, months: [], average: null, deduction: "0.00", payable: "288000.00", payableUpper: "人民币贰拾捌万捌仟元整", dueDate: "2026-12-24", paidDate: "2026-12-18", daysLate: 0, lateCharge: "0.00" },
      {
        number: 2, months: ["2026-12", "2027-01", "2027-02", "2027-03", "2027-04", "2027-05"], average: "94.00", deduction: "900.00",
        payable: "359100.00", payableUpper: "人民币叁拾伍万玖仟壹佰元整", dueDate: "2027-07-14", paidDate: "2027-07-12", daysLate: 0, lateCharge: "0.00",
      },
      {
        number: 3, months: ["2027-06", "2027-07", "2027-08", "2027-09", "2027-10", "2027-11"], average: "100.00", deduction: "0.00",
        payable: "72000.00", payableUpper: "人民币柒万贰仟元整", dueDate: null, paidDate: null, daysLate: null, lateCharge: null,
      },
    ]);
    expect(json.warnings.map((w) => w.message)).toContain("第2笔发票日期 2027-05-20 早于合同约定的开票时点（2027-06-01 起）；付款期限自 2027-06-01 起算（A10）");

    // The 付款结算 page: the new contract's words, figures and months.
    const ws = (await loadWorkbook(readFileSync(out))).getWorksheet("付款结算");
    if (!ws) throw new Error("no 付款结算");
    expect(ws.getCell("A2").value).toBe("陕西省公安厅出入境管理局 12367 服务热线 2026-2027 年热线运营服务及语音专线采购项目合同\n合同期：2026-12-04 至 2027-12-03（考核月份 2026年12月至2027年11月）");
    expect([ws.getCell("B3").value, ws.getCell("F3").value]).toEqual(["陕西省公安厅", "陕西省通信服务有限公司"]);
    expect([ws.getCell("B4").value, ws.getCell("E4").value, ws.getCell("B5").value]).toEqual([720000, "人民币柒拾贰万元整", 180000]);
    expect(ws.getCell("B6").value).toBe(`陕西省公安厅出入境管理局 12367 服务热线 2026-2027 年热线运营服务及语音专线采购项目（按工作簿「合同信息」「付款条款」），版本 2024-12.1+合同信息`);
    const second = blockTexts(ws, 2);
    expect(second.get("付款条件")).toBe("自项目运营至2027年6月，以2026年12月至2027年5月平均得分为准，30个工作日内支付");
    expect(second.get("合同依据")).toBe("付款条款第2笔：「自项目运营至2027年6月，以2026年12月至2027年5月平均得分为准，30个工作日内支付」");
    expect(second.get("扣款计算")).toBe("(95 − 94.00) = 1.00 分 × 0.5% × 季度服务费 ¥180,000.00 = ¥900.00");
    expect(second.get("违约金依据")).toMatch(/^应付日期 = 最早开票日期 2027-06-01 后第 30 个工作日（按国家法定节假日及调休安排）。\n发票日期 2027-05-20 早于合同约定的开票时点（2027-06-01 起），付款期限自该时点起算（A10）。\n计至实付日期 2027-07-12，未逾期，不计违约金。$/);
    expect(blockTexts(ws, 3).get("付款条件")).toBe("服务期满次月，以2027年6月至2027年11月平均得分为准，30个工作日内支付");
    expect([ws.getCell("I5").value, ws.getCell("I16").value, ws.getCell("J16").value, ws.getCell("L5").value, ws.getCell("L16").value]).toEqual(["2026年12月", "2027年11月", 100, "第2笔", "第3笔"]);
  });

  it("a split edited to 30/60/10, A10's option and a 收票日期: 216,000 / 431,100.00 / 72,000, instalment 2 ten days late", async () => {
    const input = await renewalWorkbook({
      split: [0.3, 0.6, 0.1],
      settings: { 付款期限起算: "自发票日期" },
      payments: {
        // Invoiced Thu 2026-12-10, received Mon 12-14: 12-15…18 (4), 21–25 (9), 28 (10) → due 2026-12-28 (not 12-24); paid 12-28.
        1: ["2026-12-10", "2026-12-28", "2026-12-14"],
        // From the invoice as given (the option): Thu 05-20 → 05-21 (1), 24–28 (6), 05-31…06-04 (11), 06-07, 08 (13),
        // 06-09 off, 06-10, 11 (15), 14–18 (20), 21–25 (25), 28–30 (28), 07-01 (29), 07-02 (30) → due 2027-07-02;
        // paid 07-12: 10 days × 3% × 431,100.00 = 129,330.00.
        2: ["2027-05-20", "2027-07-12", null],
      },
    });
    const { json } = await score(input);
    expect(json.instalments.map((i) => [i.number, i.payable, i.dueDate, i.paidDate, i.daysLate, i.lateCharge])).toEqual([
      [1, "216000.00", "2026-12-28", "2026-12-28", 0, "0.00"],
      [2, "431100.00", "2027-07-02", "2027-07-12", 10, "129330.00"],
      [3, "72000.00", null, null, null, null],
    ]);
    expect(json.instalments[1]?.payableUpper).toBe("人民币肆拾叁万壹仟壹佰元整");
    expect(json.warnings.map((w) => w.message)).toEqual(
      expect.arrayContaining([
        "第2笔发票日期 2027-05-20 早于合同约定的开票时点（2027-06-01 起）；按规则设置，付款期限仍自发票（或收票）日期起算（A10）",
        "第2笔逾期 10 天（应付日 2027-07-02），违约金 129330.00 元",
      ]),
    );
  });

  it("a frozen month: --json shows the signed total with the recomputation beside it, and the instalment uses the signed one", async () => {
    const input = await renewalWorkbook();
    const frozen = at("frozen.xlsx");
    expect((await run(["freeze", input, "--month", "2027-01", "--by", "张三", "-o", frozen])).code).toBe(0);
    // After the signature, 2027-01's complaints go from 3 to 0: the data now give 100.00, the signed sheet says 94.00.
    const wb = await loadWorkbook(readFileSync(frozen));
    const ind = wb.getWorksheet("指标录入")!;
    let col = 0;
    ind.getRow(1).eachCell((c, n) => {
      if (c.value === "有效投诉数") col = n;
    });
    ind.getCell(3, col).value = 0;
    const edited = at("edited.xlsx");
    writeFileSync(edited, await toBuffer(wb));
    const { json } = await score(edited);
    expect(json.months.find((m) => m.month === "2027-01")).toMatchObject({ total: "94.00", frozen: true, recomputedTotal: "100.00" });
    expect(json.months.find((m) => m.month === "2027-02")).toEqual({ month: "2027-02", total: "94.00", items: expect.any(Object) });
    // Settled on the signed 94.00: six months at 94.00 → 900.00 off.
    expect(json.instalments[1]).toMatchObject({ average: "94.00", deduction: "900.00", payable: "359100.00" });
  });
});

describe("SPEC §9's checks through the command line: exit 2, the cell named, no output file", () => {
  const cases: { check: string; cells: [string, string, ExcelJS.CellValue, string?][]; line: string }[] = [
    { check: "shares add up to 100%", cells: [["付款条款", "B4", 0.2]], line: "工作表「付款条款」单元格 B4（比例）：各笔比例之和应为 100%，实为 110%（第1笔 40% + 第2笔 50% + 第3笔 20%）" },
    { check: "a bare 40 asks for 40%", cells: [["付款条款", "B2", 40, "General"]], line: "工作表「付款条款」单元格 B2（比例）：「比例」为 40，请写成百分比「40%」（或小数 0.4）" },
    { check: "a period inside the scored months", cells: [["付款条款", "D4", "2027-12"]], line: "工作表「付款条款」单元格 D4（考核月份止）：考核月份止 2027-12 不在考核月份 2026-12 至 2027-11 内（「合同信息」的首个/末个考核月份）" },
    { check: "periods that do not overlap", cells: [["付款条款", "C4", "2027-04"]], line: "工作表「付款条款」单元格 C4（考核月份起）：第3笔的考核期间 2027-04 至 2027-11 与第2笔的 2026-12 至 2027-05（第 3 行）重叠：同一个月只能计入一笔" },
    { check: "考核月份起 ≤ 止", cells: [["付款条款", "C3", "2027-03"], ["付款条款", "D3", "2027-01"]], line: "工作表「付款条款」单元格 D3（考核月份止）：考核月份止 2027-01 早于考核月份起 2027-03（C3）" },
    { check: "real dates", cells: [["付款条款", "E3", "2027-06-31"]], line: "工作表「付款条款」单元格 E3（最早开票日期）：「最早开票日期」应为真实存在的日期（如 2025-06-01），实为「2027-06-31」" },
    { check: "合同期起 < 合同期止", cells: [["合同信息", "B6", utc("2026-11-30")]], line: "工作表「合同信息」单元格 B6（合同期止）：合同期止 2026-11-30 应晚于合同期起 2026-12-04（B5）" },
    { check: "a 合同总额 in both sheets that differ", cells: [["规则设置", "B2", 700000]], line: "工作表「合同信息」单元格 B7（合同总额）：合同总额在「合同信息」B7 为 720000，在「规则设置」B2 为 700000，两处不一致；请只保留一处（建议保留「合同信息」）" },
  ];
  it.each(cases)("$check", async (c) => {
    const input = await renewalWorkbook({ cells: c.cells });
    const out = at("out.xlsx");
    const r = await run(["score", input, "-o", out, "--json"]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain(`${c.line} / `);
    expect(r.err).toMatch(/共 1 个错误，未写入任何文件/);
    expect(existsSync(out)).toBe(false);
  });
});
