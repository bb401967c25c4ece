/**
 * Plain-browser mode: open a local .xlsx, download the workbook with what the pane wrote into it.
 * The native file input is not shown (it would say "No file chosen" — in English, and even after a
 * file was opened, since it is cleared so the same file can be opened again); a Fluent button
 * (same words as the input's aria-label) opens it, and the open file's name is shown beside it.
 */
// @ts-nocheck

import { Button, Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { useId, useRef, memo } from "react";
import type { Strings } from "../i18n";
import { resultFileName } from "../file";

const useStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: 0,
  },
  /** Not shown: the button opens it (browsers let a script open a file input that is not displayed). */
  input: { display: "none" },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS, minWidth: 0 },
  name: { overflowWrap: "anywhere", minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  download: { alignSelf: "flex-start" },
});

export interface FileBarProps {
  t: Strings;
  fileName: string | null;
  onOpen: (file: File) => void;
  onDownload: () => void;
  disabled?: boolean;
}

export const FileBar = memo(function FileBar({ t, fileName, onOpen, onDownload, disabled }: FileBarProps) {
  const styles = useStyles();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  return (
    <section className={styles.section} aria-labelledby={`${id}-heading`}>
      <Subtitle2 as="h2" id={`${id}-heading`}>
        {t.fileHeading}
      </Subtitle2>
      <input
        ref={input}
        id={`${id}-file`}
        className={styles.input}
        type="file"
        tabIndex={-1}
        aria-label={t.openFile}
        accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12"
        data-testid="file-input"
        disabled={disabled}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) onOpen(file);
          e.currentTarget.value = "";
        }}
      />
      <div className={styles.row}>
        <Button disabledFocusable={disabled} aria-describedby={`${id}-name`} onClick={() => input.current?.click()}>
          {t.openFile}
        </Button>
        <Caption1 id={`${id}-name`} className={styles.name} data-testid="file-name">
          {fileName === null ? t.noFile : t.currentFile(fileName)}
        </Caption1>
      </div>
      <Caption1 className={styles.muted}>{t.fileHint}</Caption1>
      <Button className={styles.download} appearance="primary" data-testid="download" disabled={disabled || fileName === null} aria-describedby={fileName === null ? undefined : `${id}-result`} onClick={onDownload}>
        {t.download}
      </Button>
      {fileName !== null && (
        <Caption1 id={`${id}-result`} className={styles.muted} data-testid="download-name">
          {t.downloadAs(resultFileName(fileName))}
        </Caption1>
      )}
    </section>
  );
});
