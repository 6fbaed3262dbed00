import type { SourceRange } from '../../facts';

/**
 * The statements of a gin config (github.com/google/gin-config), read as untrusted text, line by line and without
 * backtracking patterns: `include 'path'`, `import a.b as c` / `from a import b`, bindings `scope/module.Fn.param =
 * value`, the block form (`module.Fn:` then indented `param = value` lines) and macros (`NAME = value`, referenced as
 * `%NAME`). A value continues over lines while a bracket it opened is not closed (capped). Comments (`#` outside a
 * string) are dropped. Nothing is evaluated here but literals (ginValue).
 */

export type GinStatement =
  | { readonly kind: 'include'; readonly path: string; readonly range: SourceRange }
  | { readonly kind: 'import'; readonly module: string; readonly alias: string; readonly range: SourceRange }
  | {
      readonly kind: 'binding';
      /** `scope/module.Fn.param` as written, or a macro's NAME (no dot). */
      readonly name: string;
      /** The value's text, comments dropped and lines joined. */
      readonly raw: string;
      readonly range: SourceRange;
    };

/** Caps for hostile input: gin files people write hold a few hundred statements. */
const MAX_STATEMENTS = 5_000;
const MAX_VALUE_LINES = 200;
const MAX_VALUE_CHARS = 20_000;
const MAX_LINE_CHARS = 10_000;

const NAME = /^[A-Za-z_][\w.]*(?:\/[A-Za-z_][\w.]*){0,8}$/;

/** The line without its comment, and the bracket depth it changes by (brackets inside strings do not count). */
function scanLine(line: string): { code: string; depth: number } {
  let quote = '';
  let depth = 0;
  const n = Math.min(line.length, MAX_LINE_CHARS);
  for (let i = 0; i < n; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#') return { code: line.slice(0, i).trimEnd(), depth };
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
  }
  return { code: line.slice(0, n).trimEnd(), depth };
}

export function ginStatements(text: string): GinStatement[] {
  const out: GinStatement[] = [];
  const lines = text.split('\n');
  /** The configurable an indented block binds (`network.T5Config:`), while its lines are read. */
  let block: string | undefined;
  for (let i = 0; i < lines.length && out.length < MAX_STATEMENTS; i++) {
    const line = lines[i].replace(/\r$/, '');
    const { code, depth } = scanLine(line);
    const body = code.trimStart();
    if (body === '') continue;
    const indented = body.length < code.length;
    if (!indented) block = undefined;
    const at = (endLine: number, endCol: number, startCol = code.length - body.length): SourceRange => ({
      startLine: i,
      startCol,
      endLine,
      endCol,
    });
    if (!indented && body.startsWith('include ')) {
      const m = /^include[ \t]+(['"])([^'"]{1,500})\1$/.exec(body);
      if (m) out.push({ kind: 'include', path: m[2], range: at(i, code.length) });
      continue;
    }
    if (!indented && (body.startsWith('import ') || body.startsWith('from '))) {
      const imp = /^import[ \t]+([\w.]{1,300})(?:[ \t]+as[ \t]+(\w{1,100}))?$/.exec(body);
      const from = /^from[ \t]+([\w.]{1,300})[ \t]+import[ \t]+(\w{1,100})(?:[ \t]+as[ \t]+(\w{1,100}))?$/.exec(body);
      if (imp) out.push({ kind: 'import', module: imp[1], alias: imp[2] ?? imp[1], range: at(i, code.length) });
      else if (from)
        out.push({
          kind: 'import',
          module: `${from[1]}.${from[2]}`,
          alias: from[3] ?? from[2],
          range: at(i, code.length),
        });
      continue;
    }
    // `module.Fn:` opens a block of indented bindings.
    if (!indented && body.endsWith(':') && NAME.test(body.slice(0, -1))) {
      block = body.slice(0, -1);
      continue;
    }
    const eq = body.indexOf('=');
    if (eq <= 0) continue;
    const left = body.slice(0, eq).trim();
    if (!NAME.test(left)) continue;
    const name = indented && block ? `${block}.${left}` : left;
    if (indented && !block) continue;
    let raw = body.slice(eq + 1).trim();
    let open = depth;
    let end = i;
    // A value whose brackets stay open continues on the next lines.
    while (open > 0 && end + 1 < lines.length && end - i < MAX_VALUE_LINES && raw.length < MAX_VALUE_CHARS) {
      end++;
      const next = scanLine(lines[end].replace(/\r$/, ''));
      raw += ' ' + next.code.trim();
      open += next.depth;
    }
    const valueCol =
      code.length - body.length + eq + 1 + (body.slice(eq + 1).length - body.slice(eq + 1).trimStart().length);
    out.push({
      kind: 'binding',
      name,
      raw,
      range: { startLine: i, startCol: valueCol, endLine: end, endCol: end === i ? code.length : lines[end].length },
    });
    i = end;
  }
  return out;
}

/** A gin value read as a literal, a macro reference or a configurable reference. */
export type GinValue =
  | { readonly type: 'number'; readonly value: number }
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'bool'; readonly value: boolean }
  | { readonly type: 'none' }
  | { readonly type: 'required' }
  | { readonly type: 'macro'; readonly name: string }
  | { readonly type: 'reference'; readonly name: string }
  | { readonly type: 'sequence'; readonly items: readonly string[] }
  | { readonly type: 'other'; readonly raw: string };

/** The top-level items of a bracketed sequence's inside (commas in nested brackets or strings do not split). */
function splitItems(inside: string): string[] {
  const items: string[] = [];
  let quote = '';
  let depth = 0;
  let start = 0;
  for (let i = 0; i < inside.length; i++) {
    const c = inside[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      items.push(inside.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = inside.slice(start).trim();
  if (last !== '') items.push(last);
  return items;
}

export function ginValue(raw: string): GinValue {
  const v = raw.trim();
  if (v === 'None') return { type: 'none' };
  if (v === 'True' || v === 'False') return { type: 'bool', value: v === 'True' };
  if (v === '%gin.REQUIRED') return { type: 'required' };
  if (/^%[A-Za-z_][\w./]{0,200}$/.test(v)) return { type: 'macro', name: v.slice(1) };
  if (/^@[A-Za-z_][\w./]{0,300}(?:\(\))?$/.test(v)) return { type: 'reference', name: v.slice(1).replace(/\(\)$/, '') };
  if (/^-?\d[\d_]{0,40}(?:\.\d{0,40})?(?:e[-+]?\d{1,4})?$/i.test(v)) {
    const n = Number(v.replace(/_/g, ''));
    if (Number.isFinite(n)) return { type: 'number', value: n };
  }
  if (v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0] && !v.slice(1, -1).includes(v[0]))
    return { type: 'string', value: v.slice(1, -1) };
  if (v.length >= 2 && ((v[0] === '(' && v.endsWith(')')) || (v[0] === '[' && v.endsWith(']'))))
    return { type: 'sequence', items: splitItems(v.slice(1, -1)) };
  return { type: 'other', raw: v };
}
