/** 合同信息 / 付款条款 / 节假日安排 in the pane (issue 15 point 5): placeholder until the screen lands. */
import { Body1 } from "@fluentui/react-components";
import type { ScreenProps } from "./types";

export function ContractScreen({ locale }: ScreenProps) {
  return <Body1>{locale === "en-US" ? "Contract" : "合同与日历"}</Body1>;
}
