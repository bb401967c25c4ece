import { Body1, Caption1, FluentProvider, Subtitle2, Title3, makeStyles, tokens, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import type { HostInfo } from "./host";
import { STRINGS, type Locale } from "./i18n";

const useStyles = makeStyles({
  provider: { minHeight: "100vh" },
  main: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
  header: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  status: { color: tokens.colorNeutralForeground3 },
  months: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
});

export interface AppProps {
  host: HostInfo;
  locale: Locale;
}

/** The first shell: a header, where the pane runs, and the place the month list will take. */
export function App({ host, locale }: AppProps) {
  const t = STRINGS[locale];
  const styles = useStyles();
  return (
    <FluentProvider theme={host.dark ? webDarkTheme : webLightTheme} lang={locale} className={styles.provider}>
      <main className={styles.main}>
        <header className={styles.header}>
          <Title3 as="h1">{t.title}</Title3>
          <Body1>{t.subtitle}</Body1>
          <Caption1 className={styles.status} role="status">
            {host.inOffice ? t.connected(host.platform) : t.browserOnly}
          </Caption1>
        </header>
        <section className={styles.months} aria-labelledby="months-heading">
          <Subtitle2 as="h2" id="months-heading">
            {t.monthsHeading}
          </Subtitle2>
          <Body1>{t.monthsPlaceholder}</Body1>
          <Caption1>{t.notYet}</Caption1>
        </section>
      </main>
    </FluentProvider>
  );
}
