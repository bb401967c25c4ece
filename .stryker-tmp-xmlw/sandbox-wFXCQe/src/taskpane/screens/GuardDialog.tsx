/**
 * The lost-work guard: asked before typed edits (or, in the browser, writes not downloaded yet)
 * would be dropped — leaving a month or a screen, downloading, opening another file. Offers to
 * save first when the edits can be saved from here, to discard them, or to cancel (Escape too:
 * a modal dialog, focus trapped, back on the control that asked when it closes).
 * Data-testids: guard-dialog, guard-save, guard-discard, guard-cancel.
 */
// @ts-nocheck

import { Body1, Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, tokens } from "@fluentui/react-components";
import { useBackdropStyles } from "../components/TrustDialogs";
import type { Strings } from "../i18n";
import type { GuardRequest } from "../state/dialogs";

const useStyles = makeStyles({
  surface: { maxWidth: "calc(100vw - 24px)", boxSizing: "border-box" },
  content: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  actions: { flexWrap: "wrap", rowGap: tokens.spacingVerticalS },
});

export interface GuardDialogProps {
  guard: GuardRequest | null;
  t: Strings;
  onSave: () => void;
  onDiscard: () => void;
  onCancel: () => void;
}

export function GuardDialog({ guard, t, onSave, onDiscard, onCancel }: GuardDialogProps) {
  const styles = useStyles();
  const backdrop = useBackdropStyles();
  if (!guard) return null;
  const why = guard.kind === "open-file" ? t.guardOpenFile(guard.fileName ?? "") : guard.kind === "download" ? t.guardDownload : t.guardLeave;
  const save = guard.kind === "download" ? t.guardSaveDownload : t.guardSaveLeave;
  const discard = guard.kind === "open-file" ? t.guardDiscardOpen : t.guardDiscard;
  return (
    <Dialog open modalType="modal" onOpenChange={(_e, d) => !d.open && onCancel()}>
      <DialogSurface className={styles.surface} backdrop={{ className: backdrop.backdrop }} aria-describedby="guard-why" data-testid="guard-dialog">
        <DialogBody>
          <DialogTitle>{t.guardTitle}</DialogTitle>
          <DialogContent className={styles.content}>
            <Body1 id="guard-why">{why}</Body1>
            {guard.kind === "open-file" && guard.notDownloaded && <Body1>{t.guardUnsavedWrites}</Body1>}
          </DialogContent>
          <DialogActions className={styles.actions}>
            {guard.canSave && guard.kind !== "open-file" && (
              <Button appearance="primary" data-testid="guard-save" onClick={onSave}>
                {save}
              </Button>
            )}
            <Button data-testid="guard-discard" onClick={onDiscard}>
              {discard}
            </Button>
            <Button appearance="subtle" data-testid="guard-cancel" onClick={onCancel}>
              {t.cancel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
