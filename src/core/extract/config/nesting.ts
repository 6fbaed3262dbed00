/**
 * Configs nested deeper than this are not parsed. The YAML parser and every reader of its nodes recurse once per
 * level: a few thousand levels overflow the stack (the parser then reports "Maximum call stack size exceeded"
 * after seconds of work, and a reader that walks the nodes throws). Real configs stay far below: Kubernetes
 * manifests, among the deepest, nest about 15 levels; Hugging Face, DeepSpeed and Hydra configs under 10.
 */
export const MAX_CONFIG_DEPTH = 100;

const SPACE = 32;
const TAB = 9;

/**
 * How deep a YAML or JSON text nests, found in one pass without parsing: block levels by indentation (a stack of
 * the indentations still open, as YAML reads them) plus compact sequences (`- - x`), and flow levels by brackets
 * outside quoted scalars, comments and literal blocks. Counting stops once past `limit`.
 *
 * It is an estimate that errs high only where a bracket that opens nothing is taken for one: a quote or bracket
 * counts only where a value may start (at the start of a line, after `:`, `-`, `?`, `,` or another bracket), so
 * `it's` and `a[0]` in plain text do not; the lines of a `|` or `>` block are text, whatever their indentation.
 */
export function configNestingDepth(text: string, limit: number = MAX_CONFIG_DEPTH): number {
  const indents: number[] = [];
  let max = 0;
  let blockDepth = 0;
  let flow = 0;
  let quote = 0; // the open quote's character code, 0 when none
  let literalAbove = -1; // the indentation a `|` / `>` block's lines are deeper than; -1 when not in one
  for (let start = 0; start < text.length;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let at = start;
    while (at < end && text.charCodeAt(at) === SPACE) at++;
    const indent = at - start;
    const first = at < end ? text.charCodeAt(at) : -1;
    const blank = first === -1 || first === 13 /* \r */ || (first === 35 /* # */ && quote === 0);
    if (literalAbove >= 0) {
      if (blank || indent > literalAbove) {
        start = end + 1;
        continue;
      }
      literalAbove = -1;
    }
    if (!blank && quote === 0 && flow === 0) {
      while (indents.length > 0 && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
      blockDepth = indents.length;
      // `- - - x`: each dash opens a sequence inside the one before.
      while (at < end && text.charCodeAt(at) === 45 /* - */) {
        const next = at + 1 < end ? text.charCodeAt(at + 1) : SPACE;
        if (next !== SPACE && next !== TAB && next !== 13) break;
        blockDepth++;
        at++;
        while (at < end && (text.charCodeAt(at) === SPACE || text.charCodeAt(at) === TAB)) at++;
      }
      max = Math.max(max, blockDepth);
      if (max > limit) return max;
    }
    // A value may start here: a quote or bracket opens a scalar or a collection only at such a place.
    let valueStart = true;
    for (let i = at; i < end; i++) {
      const c = text.charCodeAt(i);
      if (quote === 34 /* " */) {
        if (c === 92 /* \ */) i++;
        else if (c === 34) quote = 0;
        continue;
      }
      if (quote === 39 /* ' */) {
        if (c === 39) {
          if (text.charCodeAt(i + 1) === 39) i++;
          else quote = 0;
        }
        continue;
      }
      if (c === SPACE || c === TAB || c === 13) continue;
      if (c === 35 /* # */ && (i === at || text.charCodeAt(i - 1) === SPACE || text.charCodeAt(i - 1) === TAB)) break;
      if ((c === 34 || c === 39) && valueStart) {
        quote = c;
        valueStart = false;
        continue;
      }
      if ((c === 91 /* [ */ || c === 123) /* { */ && (valueStart || flow > 0)) {
        flow++;
        max = Math.max(max, blockDepth + flow);
        if (max > limit) return max;
      } else if ((c === 93 /* ] */ || c === 125) /* } */ && flow > 0) flow--;
      else if ((c === 124 /* | */ || c === 62) /* > */ && valueStart && flow === 0) {
        literalAbove = indent;
        break;
      }
      valueStart =
        c === 58 /* : */ || c === 45 /* - */ || c === 63 /* ? */ || c === 44 /* , */ || c === 91 || c === 123;
    }
    start = end + 1;
  }
  return max;
}
