/**
 * The pane's title with the language switch on its line, at every width down to 320 px: the line
 * never wraps (the title's size follows the pane's width, between 16 and 20 px, and a title that
 * still does not fit is cut with "…", its whole text in `title`); the switch never shrinks.
 * The switch is named in the other language ("English" / "中文", lang set to match).
 */
// @ts-nocheck

import { Button, Title3, makeStyles, tokens } from "@fluentui/react-components";
import type { Locale, Strings } from "../i18n";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "nowrap", alignItems: "center", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS, minWidth: 0 },
  title: {
    margin: 0,
    minWidth: 0,
    whiteSpace: "nowrap",
    overflowX: "hidden",
    overflowY: "hidden",
    textOverflow: "ellipsis",
    fontSize: "clamp(16px, 5vw, 20px)",
  },
  toggle: { flexShrink: 0, minWidth: "auto" },
});

export interface TitleBarProps {
  t: Strings;
  locale: Locale;
  onLocale: (locale: Locale) => void;
}

export function TitleBar({ t, locale, onLocale }: TitleBarProps) {
  const styles = useStyles();
  const other: Locale = locale === "zh-CN" ? "en-US" : "zh-CN";
  return (
    <div className={styles.row} data-testid="title-bar">
      <Title3 as="h1" className={styles.title} title={t.title}>
        {t.title}
      </Title3>
      <Button className={styles.toggle} size="small" appearance="subtle" lang={other} title={t.languageSwitch} onClick={() => onLocale(other)}>
        {t.otherLanguage}
      </Button>
    </div>
  );
}
