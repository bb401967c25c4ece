/**
 * The 附件二 scorecard as the contract prints it: 14 rows, their sections, the contract's own
 * words (指标说明, 评分细则) and 满分. Used to explain scores, to recognise rows in a clerk's
 * sheet, and to lay out a fresh template.
 */
// @ts-nocheck

export interface ScorecardItem {
  no: number;
  section: string;
  sectionPoints: number | null;
  indicator: string;
  /** Other spellings clerks use for the 考核指标 cell. */
  aliases: readonly string[];
  description: string;
  rule: string;
  /** 满分; null for the 附加项 rows. */
  max: number | null;
  indicatorEn: string;
}

export const SCORECARD_TITLE = "陕西省公安厅出入境管理局 12367 服务热线质量考核";

export const SCORECARD_COLUMNS = ["序号", "考核项目", "考核指标", "指标说明", "评分细则", "满分", "X月完成情况", "单项得分", "备注"] as const;

export const SCORECARD_ITEMS: readonly ScorecardItem[] = [
  {
    no: 1, section: "综合管理", sectionPoints: 40, indicator: "队伍建设", aliases: [], max: 10, indicatorEn: "Team staffing",
    description: "服务交付团队总人数不低于 10 人。",
    rule: "每少一人扣 1 分，10 分扣完为止。",
  },
  {
    no: 2, section: "综合管理", sectionPoints: 40, indicator: "管理制度与能力", aliases: ["管理制度"], max: 10, indicatorEn: "Management rules and capability",
    description: "严格落实各项管理制度、职责分工。",
    rule: "没有管理制度与职责分工文件，或未按照管理制度安排工作的，扣 5 分。没有按时提交运营报告或报告内容不全面的，扣 5 分，10 分扣完为止（逢法定节假日顺延）。",
  },
  {
    no: 3, section: "综合管理", sectionPoints: 40, indicator: "项目人员月流动率", aliases: ["人员月流动率", "月流动率", "人员流动率"], max: 10, indicatorEn: "Monthly staff turnover",
    description: "月流动率=变动人数÷（总人数）*100%",
    rule: "项目人员月流动率小于 20%得满分；月流动率在 20%-30%得 10 分；月流动率大于 30%不得分。",
  },
  {
    no: 4, section: "综合管理", sectionPoints: 40, indicator: "数据分析", aliases: [], max: 5, indicatorEn: "Data analysis reports",
    description:
      "乙方应每月 10 日前（遇节假日顺延）完成上月热线运行统计分析报告、每季度首月 15 日前（遇节假日顺延），完成上一季度热线运行分析报告、每年 12 月底前（遇节假日顺延）对上一年度热线运行管理情况进行追踪和统计分析，报告内容应详实，以甲方要求为准。",
    rule: "按时完成并定期汇报得满分。如超过约定期限且未提前征得甲方同意，每超过一个工作日扣 1 分，5 分扣完为止。",
  },
  {
    no: 5, section: "综合管理", sectionPoints: 40, indicator: "培训与文化建设", aliases: ["培训与文化"], max: 5, indicatorEn: "Training and culture",
    description: "对新入职、在岗老员工、待岗、返岗人员分别制定相应的培训计划并有效落实。同时营造良好的企业文化氛围，使员工保持良好的工作精神面貌。",
    rule: "未按时组织各类培训或员工工作精神面貌在甲方约定的整改期后仍未改善的，扣 1 分，5 分扣完为止。",
  },
  {
    no: 6, section: "服务能力", sectionPoints: 30, indicator: "来电接通率", aliases: ["接通率"], max: 15, indicatorEn: "Call answer rate (national rank)",
    description: "根据系统考核指标，来电接通率=接通次数/呼叫次数×100%。",
    rule: "来电接通率排名全国出入境分中心 1-5 位次，得满分；排名全国出入境分中心 6-末位次，每低于第 5 名 1 个位次，扣 1 分，15 分扣完为止。",
  },
  {
    no: 7, section: "服务能力", sectionPoints: 30, indicator: "来电15s内接通率", aliases: ["来电15秒内接通率", "15s内接通率", "15秒内接通率", "15秒接通率"], max: 15, indicatorEn: "Answered within 15 s (national rank)",
    description: "来电 15s 内接通率=15 秒内接通次数/人工服务接通数",
    rule: "来电 15s 内接通率排名全国出入境分中心 1-5 位次，得满分；排名全国出入境分中心 6-末位次，每低于第 5 名 1 个位次，扣 1 分，15 分扣完为止。",
  },
  {
    no: 8, section: "服务质量", sectionPoints: 30, indicator: "团队服务满意率", aliases: ["服务满意率", "满意率"], max: 10, indicatorEn: "Caller satisfaction",
    description: "满意程度：分为非常满意、满意、一般、不满意、非常不满意和未评价。满意率=(满意数+非常满意数)/有效评价数×100%，有效评价数=挂断前评价",
    rule: "满意率需达到 95%以上，每降低 1%扣 0.5 分。群众因诉求办理实效、结果不满做出“差评”，经查属实后差评数据可进行剔除，10 分扣完为止。",
  },
  {
    no: 9, section: "服务质量", sectionPoints: 30, indicator: "工单质检准确率", aliases: ["质检准确率", "工单质检"], max: 10, indicatorEn: "Ticket quality checks",
    description: "每月随机抽检座席提交工单录音，人均 10 条，工单质检准确率=抽检合格工单/10",
    rule: "≥90%得满分，每降低 10%扣 0.5 分，5 分扣完为止。",
  },
  {
    no: 10, section: "服务质量", sectionPoints: 30, indicator: "考试覆盖率", aliases: ["考试"], max: 10, indicatorEn: "Exam coverage",
    description:
      "每月 15 日前（遇节假日顺延）对正式员工每月安排考试，考试形式为闭卷，线下纸质试卷考试，考试内容主要以服务用语、业务流程、政策法规等方面为主，并参考陕西省出入境管理局指导意见进行。考试覆盖率=实际参加考试人数/团队人数×100%",
    rule: "务必全员完成考试，截止 15 日前有 1 人未完成考试的扣 1 分，10 分扣完为止。",
  },
  {
    no: 11, section: "附加项", sectionPoints: null, indicator: "加分项", aliases: ["加分"], max: null, indicatorEn: "Bonus items",
    description: "群众表扬或感谢话务人员、表扬 12367 平台并经查属实。",
    rule: "由乙方主动进行报送，每次加 1 分。受到市级及以上单位、领导或媒体表扬的，每次加 10 分。1、同一事项只计一次分。2、佐证材料不充分、不完整，或经核查不属实的不加分。",
  },
  {
    no: 12, section: "附加项", sectionPoints: null, indicator: "扣分项", aliases: ["扣分"], max: null, indicatorEn: "Penalty items",
    description: "因安全或服务问题导致上级单位书面批评、媒体介入或领导批示造成负面影响。",
    rule: "受到市级以下单位、领导或媒体批评或报道的，每次扣 10 分；省级单位、领导或媒体批评或报道的，每次扣 20 分；省级单位、领导或媒体批评或报道的，每次扣 50 分。",
  },
  {
    no: 13, section: "附加项", sectionPoints: null, indicator: "客户有效投诉", aliases: ["有效投诉"], max: null, indicatorEn: "Valid customer complaints",
    description: "因热线受理人员在受理中确实因服务态度差、业务能力低等问题造成群众投诉的（经查属实）",
    rule: "每件扣 2 分，并追究相关管理人员及热线受理人员责任。",
  },
  {
    no: 14, section: "附加项", sectionPoints: null, indicator: "弄虚作假", aliases: [], max: null, indicatorEn: "Falsification",
    description: "发现冒用群众提出诉求事项，骗取考核指标和回复、办理结果、督办结果、履职意见等弄虚作假等情况的",
    rule: "每次扣 5 分，并追究相关管理人员及个人责任。",
  },
];

export function scorecardItem(no: number): ScorecardItem {
  const item = SCORECARD_ITEMS.find((i) => i.no === no);
  if (!item) throw new RangeError(`no scorecard item ${no}`);
  return item;
}

/**
 * The 评分细则 of each row in English, for the pane's English view: a translation beside the
 * contract's own words (which stay as they are, in SCORECARD_ITEMS' rule), never in their place.
 */
export const SCORECARD_RULES_EN: Readonly<Record<number, string>> = {
  1: "1 point off for each person short; deductions stop when the 10 points are gone.",
  2: "5 points off without documents of the management rules and the division of duties, or when work is not arranged by them. 5 points off when the operating reports are not submitted on time or are incomplete; deductions stop when the 10 points are gone (deadlines falling on public holidays move to the next working day).",
  3: "Monthly staff turnover below 20%: full marks; turnover of 20%–30%: 10 points; above 30%: no points.",
  4: "Finished on time and reported regularly: full marks. Past the agreed deadline without Party A's consent in advance: 1 point off per working day late; deductions stop when the 5 points are gone.",
  5: "1 point off when training is not organised on time, or staff morale has not improved after the remedy period Party A set; deductions stop when the 5 points are gone.",
  6: "Call answer rate ranked 1st–5th among the national exit-entry sub-centres: full marks; ranked 6th or lower: 1 point off per place below 5th; deductions stop when the 15 points are gone.",
  7: "Calls answered within 15 s ranked 1st–5th among the national exit-entry sub-centres: full marks; ranked 6th or lower: 1 point off per place below 5th; deductions stop when the 15 points are gone.",
  8: "Satisfaction must reach 95% or more; 0.5 points off per 1% below. A bad rating given because of how a request was handled or its outcome may be removed once verified; deductions stop when the 10 points are gone.",
  9: "≥ 90%: full marks; 0.5 points off per 10% below; deductions stop at 5 points.",
  10: "Every staff member must sit the exam; 1 point off for each person who has not by the 15th; deductions stop when the 10 points are gone.",
  11: "Reported by the operator on its own initiative: +1 each time. Praise from a unit, leader or media at city level or above: +10 each time. 1. One matter counts once. 2. No points when the evidence is insufficient or incomplete, or the praise is not verified.",
  12: "Criticism or reports by a unit, leader or media below city level: −10 each time; at provincial level: −20 each time; at provincial level: −50 each time (the contract names the provincial level twice: see A4).",
  13: "2 points off per complaint, and the managers and hotline staff concerned are held responsible.",
  14: "5 points off each time, and the managers and individuals concerned are held responsible.",
};
