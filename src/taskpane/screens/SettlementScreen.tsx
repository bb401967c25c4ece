/** 付款结算 in the pane (issue 15 point 5): placeholder until the screen lands. */
import { Body1 } from "@fluentui/react-components";
import type { ScreenProps } from "./types";

export function SettlementScreen({ locale }: ScreenProps) {
  return <Body1>{locale === "en-US" ? "Settlement" : "付款结算"}</Body1>;
}
