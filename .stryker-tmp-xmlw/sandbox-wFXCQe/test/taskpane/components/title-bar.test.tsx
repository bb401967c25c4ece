/** @jest-environment jsdom */
// @ts-nocheck

/** TitleBar: the title never wraps, the language switch stays on its line and never shrinks. */
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { TitleBar } from "../../../src/taskpane/components/TitleBar";
import { STRINGS } from "../../../src/taskpane/i18n";
import { cssOf } from "./css";

afterEach(cleanup);

it("keeps the title on one line with the switch beside it, and switches the language", () => {
  const onLocale = jest.fn();
  render(
    <FluentProvider theme={webLightTheme}>
      <TitleBar t={STRINGS["en-US"]} locale="en-US" onLocale={onLocale} />
    </FluentProvider>,
  );
  const h1 = screen.getByRole("heading", { level: 1, name: "12367 Scorecard Assistant" });
  expect(cssOf(h1)).toContain("white-space: nowrap");
  expect(cssOf(h1)).toContain("text-overflow: ellipsis");
  expect(cssOf(h1)).toContain("min-width: 0");
  expect(h1.getAttribute("title")).toBe("12367 Scorecard Assistant");
  expect(cssOf(screen.getByTestId("title-bar"))).toContain("flex-wrap: nowrap");
  const toggle = screen.getByRole("button", { name: "中文" });
  expect(toggle.getAttribute("lang")).toBe("zh-CN");
  expect(cssOf(toggle)).toContain("flex-shrink: 0");
  fireEvent.click(toggle);
  expect(onLocale).toHaveBeenCalledWith("zh-CN");
});
