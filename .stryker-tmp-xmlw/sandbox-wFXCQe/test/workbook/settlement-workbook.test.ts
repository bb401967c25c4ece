/**
 * SPEC §7's settlement example and the A5/A6 readings end to end: a workbook whose instalment-2
 * months average 93.40 goes through `hotline-scorecard score`, and the --json and the written
 * 付款结算 sheet carry 1,378.00 deducted and 343,122.00 payable (人民币叁拾肆万叁仟壹佰贰拾贰元整).
 */
// @ts-nocheck

import { readFileSync, writeFileSync } from "node:fs";
import { folderPerTest } from "../fixtures/folder";
import { main } from "../../src/cli/main";
import { PAYMENT_SHEET_NAME } from "../../src/workbook/sheets/payment-sheet";
import { InputData, loadWorkbook, yearData, yearWorkbook } from "../fixtures/workbooks";

jest.setTimeout(60_000);

const { at } = folderPerTest("settle-wb-");

/**
 * Every month of yearData() scores 94.25 (2025-10: 93.25). For instalment 2 (2024-12…2025-05):
 * 2025-01 with 5 training lapses (row 5: 5 → 0, −5.00) and 2025-02 with ratings moved from 非常满意
 * to 一般, the valid count staying 1000 (row 8: 898 → 93.8% → 9.40, −0.10; 897 → 93.7% → 9.35, −0.15).
 */
function data(verySatisfied: number, rules?: InputData["rules"]): InputData {
  const d = yearData();
  d.indicators = d.indicators.map((i) =>
    i.month === "2025-01" ? { ...i, trainingLapses: 5 } : i.month === "2025-02" ? { ...i, verySatisfied, neutral: 20 + (900 - verySatisfied) } : i,
  );
  if (rules) d.rules = rules;
  return d;
}

interface Json {
  months: { month: string; total: string }[];
  instalments: { number: number; average: string | null; deduction: string; payable: string; payableUpper: string }[];
}

async function score(d: InputData): Promise<{ json: Json; out: string }> {
  const input = at("in.xlsx");
  writeFileSync(input, (await yearWorkbook(d)).buffer);
  const out = at("out.xlsx");
  const lines: string[] = [];
  const errors: string[] = [];
  const code = await main(["score", input, "-o", out, "--json", "--as-of", "2025-12-31"], { out: (l) => lines.push(l), err: (l) => errors.push(l), clock: () => new Date(2025, 11, 31, 9, 0) });
  expect(errors.join("\n")).toBe("");
  expect(code).toBe(0);
  return { json: JSON.parse(lines.join("\n")) as Json, out };
}

const second = (j: Json) => j.instalments.find((i) => i.number === 2)!;

describe("instalment 2 at an average of 93.40, through a workbook", () => {
  it("deducts 1,378.00 and pays 343,122.00 (SPEC §7), in the --json and on the 付款结算 sheet", async () => {
    const { json, out } = await score(data(898));
    expect(json.months.filter((m) => m.month < "2025-06").map((m) => m.total)).toEqual(["94.25", "89.25", "94.15", "94.25", "94.25", "94.25"]);
    expect(second(json)).toEqual({ number: 2, months: expect.any(Array), average: "93.40", deduction: "1378.00", payable: "343122.00", payableUpper: "人民币叁拾肆万叁仟壹佰贰拾贰元整", dueDate: null, paidDate: null, daysLate: null, lateCharge: null });
    const sheet = (await loadWorkbook(readFileSync(out))).getWorksheet(PAYMENT_SHEET_NAME)!;
    const values: unknown[] = [];
    sheet.eachRow((row) => row.eachCell((c) => values.push(c.value)));
    expect(values).toContain(343122);
    expect(values).toContain(1378);
    expect(values).toContain("人民币叁拾肆万叁仟壹佰贰拾贰元整");
  });

  it.each([
    ["本笔款项", "2756.00"], // 1.60 × 0.5% × 344,500
    ["本期服务费", "2756.00"], // six months = two quarters = 344,500
    ["季度服务费", "1378.00"],
  ])("A5 扣款基数 %s → %s", async (base, deduction) => {
    expect(second((await score(data(898, [["扣款基数", base]]))).json).deduction).toBe(deduction);
  });

  it("A6: average 93.391666… rounds to 93.39 (1.61 × 861.25 = 1386.61); unrounded 1.608333… × 861.25 = 1385.18", async () => {
    expect(second((await score(data(897))).json).deduction).toBe("1386.61");
    const exact = second((await score(data(897, [["平均分取整", "否"]]))).json);
    expect(exact.deduction).toBe("1385.18");
  });
});
