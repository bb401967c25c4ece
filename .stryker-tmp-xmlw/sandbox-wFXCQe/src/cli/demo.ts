/**
 * `hotline-scorecard demo`: the engine over the SPEC §7 worked example, printed as the scorecard
 * table and the settlement example. No files are read or written.
 */
// @ts-nocheck

import { defaultRules, fixed2, scoreMonth, settle, yuanText } from "../domain";
import { EXAMPLE_2025_10 } from "../domain/example";
import { formatTable } from "./table";

export function runDemo(print: (line: string) => void): number {
  const { indicators, events, reports } = EXAMPLE_2025_10;
  const outcome = scoreMonth(indicators, events, reports, defaultRules());
  if (!outcome.ok) {
    for (const e of outcome.errors) print(`错误 ${e.field}: ${e.message}`);
    return 1;
  }
  const m = outcome.value;
  print(`附件二 ${m.month} 考核（规则 ${m.rulesVersion}）`);
  print(
    formatTable(
      ["序号", "考核指标", "满分", "单项得分", "完成情况"],
      m.items.map((i) => [String(i.no), i.indicator, i.max ? String(i.max) : "—", fixed2(i.score), i.summary]),
    ),
  );
  print(`考核得分：${fixed2(m.total)}`);
  for (const w of outcome.warnings) print(`提示：${w.message}`);

  const totals: Record<string, string> = {};
  for (const month of ["2024-12", "2025-01", "2025-02", "2025-03", "2025-04", "2025-05"]) totals[month] = "93.40";
  for (const month of ["2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11"]) totals[month] = "95.00";
  const settlement = settle(totals, [], defaultRules());
  if (!settlement.ok) return 1;
  print("");
  print("结算示例（第2笔期间平均分 93.40）");
  print(
    formatTable(
      ["笔次", "比例", "合同金额", "平均分", "扣款", "应付", "大写"],
      settlement.value.instalments.map((i) => [
        String(i.number),
        `${i.share.times(100).toString()}%`,
        yuanText(i.amount),
        i.average ? fixed2(i.average) : "—",
        yuanText(i.deduction),
        yuanText(i.payable),
        i.payableUpper,
      ]),
    ),
  );
  return 0;
}
