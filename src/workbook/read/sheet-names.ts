/** Names of the input sheets (SPEC §8), shared by the reader, the template and the pane. */
export const INPUT_SHEETS = {
  indicators: "指标录入",
  events: "加减分事件",
  reports: "报告提交",
  payments: "付款记录",
  rules: "规则设置",
} as const;
