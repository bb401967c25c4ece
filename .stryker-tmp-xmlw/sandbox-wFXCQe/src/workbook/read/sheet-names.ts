/** Names of the input sheets (SPEC §8, §9), shared by the reader, the template and the pane. */
// @ts-nocheck

export const INPUT_SHEETS = {
  indicators: "指标录入",
  events: "加减分事件",
  reports: "报告提交",
  payments: "付款记录",
  rules: "规则设置",
  /** SPEC §9: the contract's terms (two columns 参数 | 值). */
  contract: "合同信息",
  /** SPEC §9: one row per instalment. */
  paymentTerms: "付款条款",
  /** SPEC §9: days that differ from an ordinary week (日期 | 类型 休/班 | 说明). */
  holidays: "节假日安排",
  /** SPEC §8 / A11: item scores both parties agreed (考核月份 | 序号 | 约定得分 | 依据). */
  agreedScores: "约定调整",
} as const;
