/** SPEC §7: the hand-worked scorecard for 2025-10 (total 93.25), used by the demo and the tests. */
// @ts-nocheck

import type { MonthIndicators, ReportSubmission, ScoreEvent } from "./indicators";

export const EXAMPLE_2025_10: { indicators: MonthIndicators; events: ScoreEvent[]; reports: ReportSubmission[] } = {
  indicators: {
    month: "2025-10",
    headcount: 9,
    rulesFollowed: true,
    reportsOnTime: true,
    changed: 2,
    trainingLapses: 0,
    answerRank: 7,
    answer15sRank: 4,
    centresRanked: 31,
    calls: null,
    answered: null,
    manualAnswered: null,
    answered15s: null,
    verySatisfied: 900,
    satisfied: 40,
    neutral: 20,
    dissatisfied: 30,
    veryDissatisfied: 20,
    excludedBad: 10,
    ticketsSampled: 100,
    ticketsPassed: 85,
    examSat: 9,
    complaints: 1,
    fraud: 0,
  },
  events: [
    { month: "2025-10", type: "bonus", level: "群众", matterId: "BY-2025-101", description: "来电群众致谢话务员", evidence: true, verified: true, reported: true },
    { month: "2025-10", type: "bonus", level: "群众", matterId: "BY-2025-102", description: "群众电话表扬（无录音）", evidence: false, verified: true, reported: true },
  ],
  reports: [{ kind: "月报", period: "2025-09", submitted: "2025-10-13", extensionApproved: false }],
};
