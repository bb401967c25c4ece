/**
 * Text normalization for matching what clerks type against the names the product knows:
 * sheet names, header names, 考核指标 labels, parameter names, yes/no words.
 * "团队 人数", "团队人数 ", "（40）", "Ｙ" and "y" all compare equal to their plain forms.
 */

/** Brackets NFKC leaves alone, mapped to their ASCII forms. */
const BRACKETS: Record<string, string> = {
  "【": "[",
  "】": "]",
  "〔": "(",
  "〕": ")",
  "〖": "[",
  "〗": "]",
  "［": "[",
  "］": "]",
  "｛": "{",
  "｝": "}",
  "〈": "<",
  "〉": ">",
  "《": "<",
  "》": ">",
};

/**
 * NFKC (full-width letters, digits, brackets and colons become ASCII), every whitespace removed
 * (ASCII, U+3000 ideographic space, no-break space, line breaks in a wrapped cell), remaining
 * full-width brackets mapped to ASCII, lower case.
 */
export function normalizeText(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, "")
    .replace(/[【】〔〕〖〗［］｛｝〈〉《》]/g, (c) => BRACKETS[c] ?? c)
    .toLowerCase();
}

/** A trailing "(是/否)", "(有/无)", "(y/n)"… after a header says what the column holds; it is not part of its name. */
const CHOICE_SUFFIX = /\((?:是\/否|否\/是|有\/无|无\/有|y\/n|yes\/no|是否|有无)\)$/;

/** A header name as it is compared: normalized, without a trailing (是/否)/(有/无). */
export function normalizeHeader(text: string): string {
  return normalizeText(text).replace(CHOICE_SUFFIX, "");
}

/**
 * The same header without any trailing parenthetical ("团队人数(人)", "类型(加分/扣分)",
 * "笔次(1/2/3)"): a second, looser key tried when the strict one matches nothing.
 */
export function looseHeader(text: string): string {
  return normalizeHeader(text).replace(/\([^()]*\)$/, "");
}

/** Text of a cell value for matching: numbers and booleans as typed, null as "". */
export function cellText(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  return String(value);
}

const YES = new Set(["是", "有", "y", "yes", "true", "√", "✓", "✔", "1", "对"]);
const NO = new Set(["否", "无", "没有", "n", "no", "false", "×", "✗", "✘", "x", "0", "不是"]);

/** 是/否, 有/无, Y/N, TRUE/FALSE, √/×, a real boolean, 1/0. Blank → null; anything else → undefined. */
export function parseYesNo(value: string | number | boolean | null): boolean | null | undefined {
  if (value === null) return null;
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value === 1 ? true : value === 0 ? false : undefined;
  const t = normalizeText(value);
  if (t === "") return null;
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  return undefined;
}
