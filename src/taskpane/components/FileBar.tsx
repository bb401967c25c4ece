/** Plain-browser mode: open a local .xlsx, download the workbook with what the pane wrote into it. */
import { Button, Caption1, Label, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { useId, memo } from "react";
import type { Strings } from "../i18n";

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
  input: { maxWidth: "100%", minWidth: 0, color: tokens.colorNeutralForeground1 },
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
  return (
    <section className={styles.section} aria-labelledby={`${id}-heading`}>
      <Subtitle2 as="h2" id={`${id}-heading`}>
        {t.fileHeading}
      </Subtitle2>
      <Label htmlFor={`${id}-file`}>{t.openFile}</Label>
      <input
        id={`${id}-file`}
        className={styles.input}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        data-testid="file-input"
        disabled={disabled}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) onOpen(file);
          e.currentTarget.value = "";
        }}
      />
      <Caption1 className={styles.muted}>{t.fileHint}</Caption1>
      <Button className={styles.download} appearance="primary" data-testid="download" disabled={disabled || fileName === null} onClick={onDownload}>
        {t.download}
      </Button>
    </section>
  );
});
