// @ts-nocheck
import { extractMonth, isDateFormat, isoToSerial, serialToIso } from "../../../src/workbook/read/grid";
import { looseHeader, normalizeHeader, normalizeText, parseYesNo } from "../../../src/workbook/read/normalize";

describe("text normalization", () => {
  it("removes every kind of space, maps full width to ASCII and lowers case", () => {
    expect(normalizeText(" 团队\u3000人数 ")).toBe("团队人数");
    expect(normalizeText("综合管理（40）")).toBe("综合管理(40)");
    expect(normalizeText("来电 15S 内接通率")).toBe("来电15s内接通率");
    expect(normalizeText("考核月份：２０２５年１０月")).toBe("考核月份:2025年10月");
    expect(normalizeText("【附件二】\n质量考核")).toBe("[附件二]质量考核");
  });

  it("drops a (是/否) or (有/无) suffix from a header, and any trailing note loosely", () => {
    expect(normalizeHeader("管理制度落实（是/否）")).toBe("管理制度落实");
    expect(normalizeHeader("佐证材料 (有／无)")).toBe("佐证材料");
    expect(normalizeHeader("延期已获批(Y/N)")).toBe("延期已获批");
    expect(normalizeHeader("团队人数(人)")).toBe("团队人数(人)");
    expect(looseHeader("团队人数（人）")).toBe("团队人数");
  });

  it("reads yes/no in every spelling the clerks use and refuses the rest", () => {
    for (const yes of ["是", "有", "Y", "y", "yes", "TRUE", "√", true, 1]) expect(parseYesNo(yes)).toBe(true);
    for (const no of ["否", "无", "N", "no", "FALSE", "×", false, 0]) expect(parseYesNo(no)).toBe(false);
    expect(parseYesNo(null)).toBeNull();
    expect(parseYesNo("  ")).toBeNull();
    expect(parseYesNo("可能")).toBeUndefined();
    expect(parseYesNo(2)).toBeUndefined();
  });
});

describe("Excel dates (1900 date system)", () => {
  it("converts serials to ISO dates, including Excel's phantom 1900-02-29", () => {
    expect(serialToIso(45943)).toBe("2025-10-13");
    expect(serialToIso(45943.75)).toBe("2025-10-13");
    expect(serialToIso(1)).toBe("1900-01-01");
    expect(serialToIso(59)).toBe("1900-02-28");
    expect(serialToIso(60)).toBeNull();
    expect(serialToIso(61)).toBe("1900-03-01");
    expect(serialToIso(0)).toBeNull();
    expect(serialToIso(-3)).toBeNull();
  });

  it("round-trips ISO dates on both sides of the leap-year bug", () => {
    for (const d of ["1900-01-01", "1900-02-28", "1900-03-01", "2024-02-29", "2025-10-13", "9999-12-31"]) {
      expect(serialToIso(isoToSerial(d))).toBe(d);
    }
    expect(isoToSerial("1900-03-01")).toBe(61);
    expect(isoToSerial("1900-02-28")).toBe(59);
  });

  it("tells date formats from number formats", () => {
    for (const f of ["yyyy-mm-dd", 'yyyy"年"m"月"d"日"', "m/d/yy", "[$-804]yyyy年m月", "mmm-yy", "d-mmm"]) expect(isDateFormat(f)).toBe(true);
    for (const f of ["General", "0.00", "0%", "#,##0.00", "@", "h:mm:ss", "0.00E+00", '"天"0', undefined]) expect(isDateFormat(f)).toBe(false);
  });
});

describe("months in free text", () => {
  it("finds the month in sheet names, labels and dates", () => {
    expect(extractMonth("2025年10月")).toBe("2025-10");
    expect(extractMonth("2025.10")).toBe("2025-10");
    expect(extractMonth("2025-10")).toBe("2025-10");
    expect(extractMonth("202510")).toBe("2025-10");
    expect(extractMonth("2025年 3 月")).toBe("2025-03");
    expect(extractMonth("附件二-2025.10")).toBe("2025-10");
    expect(extractMonth("质量考核-2025年10月")).toBe("2025-10");
    expect(extractMonth("2025年10月13日")).toBe("2025-10");
  });

  it("finds none when there is none or more than one", () => {
    expect(extractMonth("Sheet1")).toBeNull();
    expect(extractMonth("2024-2025")).toBeNull();
    expect(extractMonth("2025年13月")).toBeNull();
    expect(extractMonth("2025年10月与2025年11月")).toBeNull();
    expect(extractMonth("202*年**月")).toBeNull();
  });
});
