/**
 * Text normalization for matching what clerks type against the names the product knows:
 * sheet names, header names, 考核指标 labels, parameter names, yes/no words.
 * "团队 人数", "团队人数 ", "（40）", "Ｙ" and "y" all compare equal to their plain forms.
 */
// @ts-nocheck


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
 * Memos of the pure text functions here: a workbook repeats the same labels on every month's sheet
 * (120 scorecards with the same 评分细则 texts and header row) and the readers compare every header
 * cell with every known name. Keyed by the text itself, so an entry never goes stale; a text of more
 * than 1,000 characters is not kept, and each memo is cleared past about a million characters.
 */
// Stryker disable all: a memo of pure functions: what it keeps or forgets changes only the speed
class TextMemo {
  private readonly map = new Map<string, string>();
  private chars = 0;

  get(key: string): string | undefined {
    return this.map.get(key);
  }

  set(key: string, value: string): void {
    if (key.length > 1_000) return;
    if (this.chars > 1_000_000) {
      this.map.clear();
      this.chars = 0;
    }
    this.map.set(key, value);
    this.chars += key.length + value.length;
  }
}

// Stryker restore all
const normalized = new TextMemo();
const headers = new TextMemo();
const looseHeaders = new TextMemo();

/**
 * NFKC (full-width letters, digits, brackets and colons become ASCII), every whitespace removed
 * (ASCII, U+3000 ideographic space, no-break space, line breaks in a wrapped cell), remaining
 * full-width brackets mapped to ASCII, lower case.
 */
export function normalizeText(text: string): string {
  // Most cells are already normal (lower-case ASCII, CJK ideographs): checked in one pass, no copy.
  // Stryker disable next-line ConditionalExpression: the full path gives such a text back unchanged
  if (isAlreadyNormal(text)) return text;
  const known = normalized.get(text);
  // Stryker disable next-line ConditionalExpression: computing the text again gives the same text
  if (known !== undefined) return known;
  const value = text
    .normalize("NFKC")
    .replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, "")
    .replace(/[【】〔〕〖〗［］｛｝〈〉《》]/g, (c) => BRACKETS[c] ?? c)
    .toLowerCase();
  normalized.set(text, value);
  return value;
}

/**
 * True when normalizeText would return `text` unchanged: every character is printable ASCII other
 * than a space or A–Z, or a CJK unified ideograph (U+4E00–U+9FFF). NFKC leaves those alone (no
 * decomposition, nothing to compose with), none is whitespace or a bracket mapped above, and
 * toLowerCase changes none of them.
 */
// Stryker disable next-line BlockStatement: undefined sends every text down the full path, which gives the same text
function isAlreadyNormal(text: string): boolean {
  // Stryker disable next-line EqualityOperator: charCodeAt past the end is NaN, which passes every test below
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a character sent down the full path comes out the same (U+0080 is left alone by it)
    if (c < 0x80) {
      if (c <= 0x20 || c === 0x7f || (c >= 0x41 && c <= 0x5a)) return false;
    } else if (c < 0x4e00 || c > 0x9fff) return false;
  }
  // Stryker disable next-line BooleanLiteral: false sends every text down the full path, which gives the same text
  return true;
}

/** A trailing "(是/否)", "(有/无)", "(y/n)"… after a header says what the column holds; it is not part of its name. */
const CHOICE_SUFFIX = /\((?:是\/否|否\/是|有\/无|无\/有|y\/n|yes\/no|是否|有无)\)$/;

/** A header name as it is compared: normalized, without a trailing (是/否)/(有/无). */
export function normalizeHeader(text: string): string {
  const known = headers.get(text);
  // Stryker disable next-line ConditionalExpression: computing the text again gives the same text
  if (known !== undefined) return known;
  const value = normalizeText(text).replace(CHOICE_SUFFIX, "");
  headers.set(text, value);
  return value;
}

/**
 * The same header without any trailing parenthetical ("团队人数(人)", "类型(加分/扣分)",
 * "笔次(1/2/3)"): a second, looser key tried when the strict one matches nothing.
 */
export function looseHeader(text: string): string {
  const known = looseHeaders.get(text);
  // Stryker disable next-line ConditionalExpression: computing the text again gives the same text
  if (known !== undefined) return known;
  const value = normalizeHeader(text).replace(/\([^()]*\)$/, "");
  looseHeaders.set(text, value);
  return value;
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
