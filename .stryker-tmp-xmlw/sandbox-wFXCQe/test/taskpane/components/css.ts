/**
 * The CSS declarations that apply to an element, as text: every rule of the document's style sheets
 * (Fluent's griffel puts its atomic classes there) whose selector matches it. jsdom resolves no
 * var() in getComputedStyle for some properties (font-size); the rules say what was asked for.
 */
// @ts-nocheck

export function cssOf(el: Element): string {
  const out: string[] = [];
  for (const sheet of Array.from(document.styleSheets)) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue;
    }
    for (const rule of Array.from(rules)) {
      const style = rule as CSSStyleRule;
      if (!style.selectorText) continue;
      try {
        if (el.matches(style.selectorText)) out.push(style.style.cssText);
      } catch {
        // a selector jsdom cannot match (:focus-visible…)
      }
    }
  }
  return out.join(" ");
}
