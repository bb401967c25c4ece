/**
 * The confirmations of the trust actions, each a Fluent Dialog (modal: focus is trapped inside and
 * goes back where it was when it closes; Escape cancels) holding a form, so Enter in a field
 * confirms: 定稿 asks who, 解除定稿 asks who and why (both required), 撤销上次写入 shows what it
 * puts back and the cells typed in since that write (planUndo's changedSince), which it overwrites.
 */
// @ts-nocheck

import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Spinner,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useState, type FormEvent, type ReactNode } from "react";
import { pick, type Locale, type Strings } from "../i18n";
import type { UndoPreview } from "../session";
import { Unbroken } from "./text";

/**
 * The backdrop of a modal dialog over the whole viewport. While a Fluent dialog is open the page's
 * scroll is locked with the scroll bar's gutter kept (no jump), and a fixed backdrop with inset 0
 * stops at that gutter: 305 px of a 320 px pane. 100vw reaches the viewport's right edge.
 */
export const useBackdropStyles = makeStyles({
  backdrop: { right: "auto", width: "100vw" },
});

const useStyles = makeStyles({
  surface: { maxWidth: "calc(100vw - 24px)", boxSizing: "border-box", overflowWrap: "anywhere" },
  content: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: "30vh", overflowY: "auto" },
  actions: { flexWrap: "wrap", rowGap: tokens.spacingVerticalS },
});

/** Cells listed in the undo confirmation before "… N more". */
export const CHANGED_SHOWN = 30;

interface Base {
  open: boolean;
  onClose: () => void;
  t: Strings;
}

export interface FreezeDialogProps extends Base {
  monthLabel: string;
  /** The name to start with (the last one typed in this pane). */
  who: string;
  /** The form holds unsaved edits: a freeze would not include them. */
  dirty: boolean;
  onConfirm: (who: string) => void;
}

/** Submits the form only when `ok`; otherwise shows the fields' messages. */
function useSubmit(ok: boolean, confirm: () => void): [boolean, (e: FormEvent) => void] {
  const [tried, setTried] = useState(false);
  return [
    tried,
    (e: FormEvent) => {
      e.preventDefault();
      if (!ok) {
        setTried(true);
        return;
      }
      setTried(false);
      confirm();
    },
  ];
}

interface ConfirmFormProps extends Base {
  /** The form's data-testid. */
  testId: string;
  title: string;
  /** The id of the element that describes the dialog, if any. */
  describedBy?: string;
  onSubmit: (e: FormEvent) => void;
  confirmLabel: string;
  confirmTestId: string;
  confirmDisabled?: boolean;
  /** The content is announced as it changes (the undo preview arrives after the dialog opens). */
  live?: boolean;
  children: ReactNode;
}

/** The frame every confirmation shares: modal dialog, a form (Enter confirms), title, content, confirm and cancel. */
function ConfirmForm({ open, onClose, testId, title, describedBy, onSubmit, confirmLabel, confirmTestId, confirmDisabled, live, t, children }: ConfirmFormProps) {
  const styles = useStyles();
  const backdrop = useBackdropStyles();
  return (
    <Dialog open={open} onOpenChange={(_e, d) => !d.open && onClose()}>
      <DialogSurface className={styles.surface} backdrop={{ className: backdrop.backdrop }} aria-describedby={describedBy}>
        <form noValidate onSubmit={onSubmit} data-testid={testId}>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.content} aria-live={live ? "polite" : undefined}>
              {children}
            </DialogContent>
            <DialogActions className={styles.actions}>
              <Button type="submit" appearance="primary" data-testid={confirmTestId} disabled={confirmDisabled}>
                {confirmLabel}
              </Button>
              <DialogTrigger disableButtonEnhancement>
                <Button>{t.cancel}</Button>
              </DialogTrigger>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

export function FreezeDialog({ open, onClose, t, monthLabel, who: initialWho, dirty, onConfirm }: FreezeDialogProps) {
  const [who, setWho] = useState(initialWho);
  useEffect(() => {
    if (open) setWho(initialWho);
  }, [open, initialWho]);
  const [tried, submit] = useSubmit(who.trim() !== "" && !dirty, () => onConfirm(who.trim()));
  return (
    <ConfirmForm open={open} onClose={onClose} t={t} testId="freeze-dialog" title={t.freezeTitle(monthLabel)} describedBy="freeze-intro" onSubmit={submit} confirmLabel={t.freeze} confirmTestId="freeze-confirm" confirmDisabled={dirty}>
      <Caption1 id="freeze-intro">{t.freezeIntro}</Caption1>
      {dirty && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t.freezeDirty}</MessageBarBody>
        </MessageBar>
      )}
      <Field label={t.freezeWho} required validationMessage={tried && who.trim() === "" ? t.whoRequired : undefined}>
        <Input value={who} autoComplete="name" data-testid="freeze-who" onChange={(_e, d) => setWho(d.value)} />
      </Field>
    </ConfirmForm>
  );
}

export interface UnfreezeDialogProps extends Base {
  monthLabel: string;
  who: string;
  onConfirm: (who: string, reason: string) => void;
}

export function UnfreezeDialog({ open, onClose, t, monthLabel, who: initialWho, onConfirm }: UnfreezeDialogProps) {
  const [who, setWho] = useState(initialWho);
  const [reason, setReason] = useState("");
  useEffect(() => {
    if (open) {
      setWho(initialWho);
      setReason("");
    }
  }, [open, initialWho]);
  const [tried, submit] = useSubmit(who.trim() !== "" && reason.trim() !== "", () => onConfirm(who.trim(), reason.trim()));
  return (
    <ConfirmForm open={open} onClose={onClose} t={t} testId="unfreeze-dialog" title={t.unfreezeTitle(monthLabel)} describedBy="unfreeze-intro" onSubmit={submit} confirmLabel={t.unfreeze} confirmTestId="unfreeze-confirm">
      <Caption1 id="unfreeze-intro">{t.unfreezeIntro}</Caption1>
      <Field label={t.unfreezeWho} required validationMessage={tried && who.trim() === "" ? t.whoRequired : undefined}>
        <Input value={who} autoComplete="name" data-testid="unfreeze-who" onChange={(_e, d) => setWho(d.value)} />
      </Field>
      <Field label={t.unfreezeReason} hint={t.unfreezeReasonHint} required validationMessage={tried && reason.trim() === "" ? t.reasonRequired : undefined}>
        <Textarea
          value={reason}
          resize="vertical"
          data-testid="unfreeze-reason"
          onChange={(_e, d) => setReason(d.value)}
          // Enter confirms as in the other fields; Shift+Enter starts a new line.
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault();
              e.currentTarget.form?.requestSubmit();
            }
          }}
        />
      </Field>
    </ConfirmForm>
  );
}

export interface UndoDialogProps extends Base {
  /** null while it is read. */
  preview: UndoPreview | null;
  locale: Locale;
  onConfirm: () => void;
}

export function UndoDialog({ open, onClose, t, preview, locale, onConfirm }: UndoDialogProps) {
  const styles = useStyles();
  const ready = preview?.ok === true;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (ready) onConfirm();
  };
  return (
    <ConfirmForm open={open} onClose={onClose} t={t} testId="undo-dialog" title={t.undoTitle} onSubmit={submit} confirmLabel={t.undo} confirmTestId="undo-confirm" confirmDisabled={!ready} live>
      {preview === null && <Spinner size="tiny" label={t.undoLoading} />}
      {preview?.ok === false && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            {t.undoNothing}
            <ul className={styles.list}>
              {preview.problems.map((p, i) => (
                <li key={i}>{pick(locale, p)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {preview?.ok === true && (
        <>
          <Caption1>
            <Unbroken text={t.undoIntro(preview.takenAt)} />
          </Caption1>
          <Caption1>{t.undoCells(preview.cellsRestored)}</Caption1>
          {preview.deletedSheets.length > 0 && <Caption1>{t.undoSheets(preview.deletedSheets)}</Caption1>}
          {preview.changedSince.length > 0 && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                {t.undoChangedSince(preview.changedSince.length)}
                <ul className={styles.list} data-testid="undo-changed-since">
                  {preview.changedSince.slice(0, CHANGED_SHOWN).map((c) => (
                    <li key={c}>{c}</li>
                  ))}
                  {preview.changedSince.length > CHANGED_SHOWN && <li>… +{preview.changedSince.length - CHANGED_SHOWN}</li>}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
          <Caption1>{t.undoAfterwards}</Caption1>
        </>
      )}
    </ConfirmForm>
  );
}
