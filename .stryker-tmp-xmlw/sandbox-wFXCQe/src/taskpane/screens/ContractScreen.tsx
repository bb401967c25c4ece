/**
 * 合同与日历 in the pane (issue 15 point 5, SPEC §9): 合同信息 (参数 | 值), 付款条款 (one row per
 * instalment, add / remove) and 节假日安排 (日期 | 类型 休/班 | 说明, add / remove), checked as typed
 * by the readers themselves (contract-rows.ts), each problem at its field; saved by one button into
 * the three sheets (only the changed cells; a missing sheet created as the template makes it).
 *
 * Buttons:
 *   保存合同与日历 (save-contract)   refused, with every error at its field, while one remains.
 *   放弃修改 (discard-contract)       puts everything back as the workbook has it.
 *   添加一笔款项 / 删除第N笔, 添加一天 / 删除 …   edit the lists (saved with the button above).
 * Test ids: screen-contract; info-<key> (title, partyA, …, quarterlyFee); terms-N-<key> (N from 0:
 * number, share, from, to, notBefore, days, condition), terms-N-remove, terms-add; holiday-N-date,
 * holiday-N-kind, holiday-N-note, holiday-N-remove, holiday-add; contract-refused; contract-note.
 */
// @ts-nocheck

import { Body1, Button, Caption1, Field, Input, MessageBar, MessageBarBody, Select, Subtitle2, Textarea } from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import { knownYearsText } from "../../domain";
import {
  checkContractDraft,
  contractDraftChanged,
  INFO_KEYS,
  loadContractDraft,
  newHolidayRow,
  newTermsRow,
  planContractDraft,
  type ContractDraft,
  type ContractProblem,
  type TermsKey,
} from "../../workbook/drafts/contract-rows";
import { pick, type Locale } from "../i18n";
import type { PaneProblem } from "../session";
import { LocatedProblems, useScreenStyles } from "./SettlementScreen";
import { CONTRACT_STRINGS } from "./settlement-strings";
import type { ScreenProps } from "./types";

const DATE_KEYS = new Set(["termStart", "termEnd", "notBefore"]);
const PLACEHOLDER: Record<string, string> = {
  termStart: "2024-12-04",
  termEnd: "2025-12-03",
  total: "689000",
  firstMonth: "2024-12",
  lastMonth: "2025-11",
  share: "40%",
  notBefore: "2025-06-01",
  days: "30",
};
/** 付款条款's fields, two by two where there is room; 付款条件 on its own. */
const TERMS_PAIRS: readonly (readonly TermsKey[])[] = [["number", "share"], ["from", "to"], ["notBefore", "days"], ["condition"]];

function messagesAt(problems: readonly ContractProblem[], target: string, locale: Locale): { validationState?: "error" | "warning"; validationMessage?: string } {
  const mine = problems.filter((p) => p.target === target);
  if (mine.length === 0) return {};
  return { validationState: mine.some((p) => p.severity === "error") ? "error" : "warning", validationMessage: mine.map((p) => pick(locale, p)).join("；") };
}

function SectionProblems({ problems, section, locale }: { problems: readonly ContractProblem[]; section: string; locale: Locale }) {
  const mine = problems.filter((p) => p.target === section);
  if (mine.length === 0) return null;
  return (
    <MessageBar intent={mine.some((p) => p.severity === "error") ? "error" : "warning"}>
      <MessageBarBody>{mine.map((p) => pick(locale, p)).join("；")}</MessageBarBody>
    </MessageBar>
  );
}

export function ContractScreen({ session, locale, busy, version, run, onDirtyChange, registerSave }: ScreenProps) {
  const styles = useScreenStyles();
  const s = CONTRACT_STRINGS[locale];
  const fresh = () => (session.snapshot ? loadContractDraft(session.snapshot, session.rules) : null);
  const [draft, setDraft] = useState<ContractDraft | null>(fresh);
  const [refused, setRefused] = useState<PaneProblem[]>([]);
  const [note, setNote] = useState<string | null>(null);
  const dirty = draft !== null && contractDraftChanged(draft);
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  useEffect(() => {
    if (!dirtyRef.current) setDraft(fresh());
  }, [session, version]);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);
  const ruleRows = session.inputs?.ruleSettings ?? null;
  const problems = useMemo(() => (draft ? checkContractDraft(draft, ruleRows, session.rules?.contract).problems : []), [draft, ruleRows, session.rules]);
  const errors = problems.filter((p) => p.severity === "error").length;

  // The shell's lost-work guard may save these edits (保存后离开) instead of dropping them.
  const saveRef = useRef<() => Promise<boolean>>(async () => false);
  useEffect(() => registerSave?.(dirty ? () => saveRef.current() : null), [dirty, registerSave]);
  useEffect(() => () => registerSave?.(null), [registerSave]);

  if (!draft) return <Body1 data-testid="screen-contract">{s.notRead}</Body1>;

  const edit = (f: (d: ContractDraft) => ContractDraft) => {
    setNote(null);
    setDraft((d) => (d ? f(d) : d));
  };
  const setInfo = (key: (typeof INFO_KEYS)[number], value: string) => edit((d) => ({ ...d, info: { ...d.info, [key]: value } }));
  const setTerm = (i: number, key: TermsKey, value: string) => edit((d) => ({ ...d, terms: d.terms.map((t, j) => (j === i ? { ...t, [key]: value } : t)) }));
  const setHoliday = (i: number, key: "date" | "kind" | "note", value: string) => edit((d) => ({ ...d, holidays: d.holidays.map((h, j) => (j === i ? { ...h, [key]: value } : h)) }));
  const focusLater = (testId: string) => setTimeout(() => (document.querySelector(`[data-testid="${testId}"]`) as HTMLElement | null)?.focus(), 0);

  /** Saves the edits; true once they are in the workbook (the shell's lost-work guard calls it too). */
  const save = async (): Promise<boolean> => {
    const current = draft;
    const r = await run(
      (progress) => session.saveInputs((snapshot) => planContractDraft(snapshot, current, session.rules, ruleRows), progress),
      (x, l) => (x.kind === "unchanged" ? CONTRACT_STRINGS[l].unchanged : CONTRACT_STRINGS[l].saved(x.cells)),
    );
    if (!r) return false;
    if (r.kind === "refused") {
      setRefused(r.problems);
      return false;
    }
    setRefused([]);
    setNote(r.kind === "unchanged" ? s.unchanged : s.saved(r.cells));
    setDraft(fresh());
    return true;
  };
  saveRef.current = save;
  const discard = () => {
    setRefused([]);
    setNote(null);
    setDraft(fresh());
  };

  const years = session.rules ? knownYearsText(session.rules.calendar) : "";
  return (
    <section className={styles.screen} aria-labelledby="contract-heading" data-testid="screen-contract">
      <Subtitle2 as="h2" id="contract-heading" className={styles.title}>
        {s.heading}
      </Subtitle2>
      <Caption1 className={styles.muted}>{s.intro}</Caption1>

      <section className={styles.card} aria-labelledby="contract-info-heading">
        <Subtitle2 as="h3" id="contract-info-heading" className={styles.title}>
          {s.infoHeading}
        </Subtitle2>
        {!draft.present.info && <Caption1 className={styles.muted}>{s.infoAbsent}</Caption1>}
        <SectionProblems problems={problems} section="info" locale={locale} />
        {INFO_KEYS.map((key) => (
          <Field key={key} label={s.paramLabel[key]} {...messagesAt(problems, `info.${key}`, locale)}>
            {key === "title" ? (
              <Textarea className={styles.control} lang="zh-CN" value={draft.info[key]} rows={2} disabled={busy} resize="vertical" data-testid={`info-${key}`} onChange={(_e, d) => setInfo(key, d.value)} />
            ) : (
              <Input
                className={styles.control}
                value={draft.info[key]}
                placeholder={PLACEHOLDER[key]}
                inputMode={DATE_KEYS.has(key) || key === "total" || key === "quarterlyFee" ? "numeric" : undefined}
                disabled={busy}
                data-testid={`info-${key}`}
                onChange={(_e, d) => setInfo(key, d.value)}
              />
            )}
          </Field>
        ))}
      </section>

      <section className={styles.card} aria-labelledby="contract-terms-heading">
        <Subtitle2 as="h3" id="contract-terms-heading" className={styles.title}>
          {s.termsHeading}
        </Subtitle2>
        {!draft.present.terms && <Caption1 className={styles.muted}>{s.termsAbsent}</Caption1>}
        <SectionProblems problems={problems} section="terms" locale={locale} />
        {draft.terms.map((t, i) => (
          <fieldset key={i} className={styles.item} data-testid={`terms-${i}`}>
            <legend>
              <strong>{s.instalment(t.number)}</strong>
            </legend>
            {TERMS_PAIRS.map((keys) => (
              <div key={keys.join()} className={keys.length > 1 ? styles.pair : styles.fields}>
                {keys.map((key) => (
                  <Field key={key} label={s.termsColumn[key]} {...messagesAt(problems, `terms.${i}.${key}`, locale)}>
                    {key === "condition" ? (
                      <Textarea className={styles.control} lang="zh-CN" value={t[key]} rows={3} disabled={busy} resize="vertical" data-testid={`terms-${i}-${key}`} onChange={(_e, d) => setTerm(i, key, d.value)} />
                    ) : (
                      <Input
                        className={styles.control}
                        value={t[key]}
                        placeholder={PLACEHOLDER[key]}
                        disabled={busy}
                        data-testid={`terms-${i}-${key}`}
                        onChange={(_e, d) => setTerm(i, key, d.value)}
                      />
                    )}
                  </Field>
                ))}
              </div>
            ))}
            {t.from.trim() === "" && t.to.trim() === "" && <Caption1 className={styles.muted}>{s.untiedHint}</Caption1>}
            <Button
              disabledFocusable={busy}
              data-testid={`terms-${i}-remove`}
              onClick={() => {
                edit((d) => ({ ...d, terms: d.terms.filter((_x, j) => j !== i) }));
                focusLater("terms-add");
              }}
            >
              {s.removeInstalment(t.number)}
            </Button>
          </fieldset>
        ))}
        <Button
          disabledFocusable={busy}
          data-testid="terms-add"
          onClick={() => {
            const n = draft.terms.length;
            edit((d) => ({ ...d, terms: [...d.terms, newTermsRow(d)] }));
            focusLater(`terms-${n}-share`);
          }}
        >
          {s.addInstalment}
        </Button>
      </section>

      <section className={styles.card} aria-labelledby="contract-holidays-heading">
        <Subtitle2 as="h3" id="contract-holidays-heading" className={styles.title}>
          {s.holidaysHeading}
        </Subtitle2>
        <Caption1 className={styles.muted}>{s.holidaysIntro}</Caption1>
        {!draft.present.holidays && <Caption1 className={styles.muted}>{`${s.holidaysAbsent}（${years}）`}</Caption1>}
        <SectionProblems problems={problems} section="holidays" locale={locale} />
        {draft.holidays.length === 0 && <Body1>{s.noHolidays}</Body1>}
        {draft.holidays.map((h, i) => {
          const kinds = ["休", "班"].includes(h.kind) || h.kind === "" ? ["休", "班"] : ["休", "班", h.kind];
          return (
            <fieldset key={i} className={styles.item} data-testid={`holiday-${i}`}>
              <legend>
                <strong>{s.holidayRow(i)}</strong>
              </legend>
              <div className={styles.pair}>
                <Field label={s.holidayDate} {...messagesAt(problems, `holidays.${i}.date`, locale)}>
                  <Input
                    className={styles.control}
                    value={h.date}
                    placeholder="2027-02-08"
                    inputMode="numeric"
                    disabled={busy}
                    data-testid={`holiday-${i}-date`}
                    onChange={(_e, d) => setHoliday(i, "date", d.value)}
                  />
                </Field>
                <Field label={s.holidayKind} {...messagesAt(problems, `holidays.${i}.kind`, locale)}>
                  <Select className={styles.control} value={h.kind} disabled={busy} data-testid={`holiday-${i}-kind`} onChange={(_e, d) => setHoliday(i, "kind", d.value)}>
                    {kinds.map((k) => (
                      <option key={k} value={k}>
                        {k === "休" ? s.kindRest : k === "班" ? s.kindWork : k}
                      </option>
                    ))}
                  </Select>
                </Field>
              </div>
              <Field label={s.holidayNote} {...messagesAt(problems, `holidays.${i}.note`, locale)}>
                <Input className={styles.control} value={h.note} placeholder="春节" disabled={busy} data-testid={`holiday-${i}-note`} onChange={(_e, d) => setHoliday(i, "note", d.value)} />
              </Field>
              <Button
                disabledFocusable={busy}
                data-testid={`holiday-${i}-remove`}
                onClick={() => {
                  edit((d) => ({ ...d, holidays: d.holidays.filter((_x, j) => j !== i) }));
                  focusLater("holiday-add");
                }}
              >
                {s.removeHoliday(h.date)}
              </Button>
            </fieldset>
          );
        })}
        <Button
          disabledFocusable={busy}
          data-testid="holiday-add"
          onClick={() => {
            const n = draft.holidays.length;
            edit((d) => ({ ...d, holidays: [...d.holidays, newHolidayRow()] }));
            focusLater(`holiday-${n}-date`);
          }}
        >
          {s.addHoliday}
        </Button>
      </section>

      {refused.length > 0 && (
        <MessageBar intent="error" data-testid="contract-refused">
          <MessageBarBody>
            {s.refusedHeading}
            <LocatedProblems problems={refused} locale={locale} />
          </MessageBarBody>
        </MessageBar>
      )}
      {note && (
        <Caption1 role="status" data-testid="contract-note">
          {note}
        </Caption1>
      )}
      <div className={`${styles.bar} ${dirty ? styles.sticky : ""}`}>
        <Button appearance="primary" disabledFocusable={busy || !dirty || errors > 0} onClick={() => void saveRef.current()} data-testid="save-contract" aria-describedby="save-contract-help">
          {s.save}
        </Button>
        <Button disabledFocusable={busy || !dirty} onClick={discard} data-testid="discard-contract">
          {s.discard}
        </Button>
        <Caption1 id="save-contract-help" className={styles.muted}>
          {errors > 0 ? s.errorsBlock(errors) : s.saveHelp}
        </Caption1>
      </div>
    </section>
  );
}
