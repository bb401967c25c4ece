/**
 * 规则设置: the settings panel over its own draft (reloaded from the workbook whenever the view
 * changes and the draft holds no edit), saved through the shell's `run`; it reports its edits
 * (onDirtyChange) and offers its save to the lost-work guard.
 */
// @ts-nocheck

import { useCallback, useEffect, useMemo, useState } from "react";
import { SettingsPanel } from "../components/SettingsPanel";
import type { SettingsDraft } from "../../workbook/drafts/input-rows";
import { STRINGS } from "../i18n";
import type { ScreenProps } from "./types";

const changed = (d: SettingsDraft | null) => d !== null && JSON.stringify(d.values) !== JSON.stringify(d.origin);

export function SettingsScreen({ session, t, locale, busy, version, run, onDirtyChange, registerSave }: ScreenProps) {
  const [draft, setDraft] = useState<SettingsDraft | null>(() => session.settingsDraft());
  // The workbook changed (a write, a read): an unedited draft follows it.
  useEffect(() => setDraft((d) => (changed(d) ? d : session.settingsDraft())), [session, version]);
  const dirty = changed(draft);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);
  const problems = useMemo(() => (draft ? session.validateSettings(draft) : {}), [session, draft]);

  const save = useCallback(async (): Promise<boolean> => {
    if (!draft) return true;
    const r = await run(
      (progress) => session.saveSettings(draft, progress),
      (x, l) => (x.kind === "unchanged" ? STRINGS[l].unchanged : STRINGS[l].settingsSaved),
    );
    if (r && r.kind !== "refused") {
      setDraft(session.settingsDraft());
      return true;
    }
    return false;
  }, [draft, run, session]);
  useEffect(() => {
    registerSave?.(dirty ? save : null);
    return () => registerSave?.(null);
  }, [dirty, save, registerSave]);

  const setSetting = useCallback((label: string, value: string) => setDraft((d) => (d ? { ...d, values: { ...d.values, [label]: value } } : d)), []);
  const reset = useCallback(() => setDraft((d) => (d ? { ...d, values: { ...d.origin } } : d)), []);
  if (!draft) return null;
  return <SettingsPanel draft={draft} problems={problems} onChange={setSetting} onSave={() => void save()} onReset={reset} t={t} locale={locale} disabled={busy} />;
}
