/** The engine: pure functions and data, no Office, no I/O, no clock. */
// @ts-nocheck

export * from "./calendar";
export * from "./dates";
export * from "./decimal";
export * from "./indicators";
export * from "./money";
export * from "./problems";
export * from "./reports";
export * from "./rules";
export * from "./scorecard";
export * from "./scoring";
export * from "./season";
export * from "./settlement";
export * from "./turnover";
export * from "./rule-settings";
export * from "./forecast";
