/**
 * The computer's local date and time as the sheets show them. The engine has no clock: the command
 * line and the pane read it here and pass it in.
 */
// @ts-nocheck

import { isoDate, type IsoDate } from "../domain/dates";

/** Today on this computer's calendar. */
export function localToday(now: Date = new Date()): IsoDate {
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** "2025-11-05 14:30" in this computer's time zone: the time written on 计算说明, 撤销记录 and 审计记录. */
export function localNow(now: Date = new Date()): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${localToday(now)} ${two(now.getHours())}:${two(now.getMinutes())}`;
}
