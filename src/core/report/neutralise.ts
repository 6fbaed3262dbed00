/**
 * Text taken from a repository's files (model ids, file names, YAML values) ends up in terminals,
 * CSV files opened in spreadsheets, Markdown posted as pull-request comments and editor tooltips.
 * Each medium gets the text as inert text: no escape sequences, no formulas, no markup, no mentions.
 */

/**
 * C0 and C1 control characters (ESC starts terminal escape sequences; CR rewrites a line), DEL, and
 * the Unicode bidirectional overrides and isolates that reorder what is displayed ("Trojan Source").
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** One line of plain printable text: control characters become spaces (tabs, newlines) or go. */
export function printable(s: string): string {
  return s.replace(CONTROL, (c) => (c === '\t' || c === '\n' || c === '\r' ? ' ' : ''));
}

/**
 * A CSV cell (RFC 4180), neutralised as OWASP recommends against formula injection: a text cell
 * starting with = + - @ tab or CR is prefixed with a single quote, and such a cell (like any cell
 * holding a comma, quote or line break) is quoted. Numbers are written as they are.
 */
export function csvCell(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return String(v);
  let s = String(v);
  const formula = /^[=+\-@\t\r]/.test(s);
  if (formula) s = `'${s}`;
  return formula || /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Text inside Markdown (a table cell, a list item): one line, every character that could start
 * markup escaped (HTML, links, images, emphasis, code, table pipes), and `@mention`s and bare URLs
 * broken with an invisible word joiner so a pull-request comment neither pings nor links anyone.
 */
export function markdownText(s: string): string {
  return printable(s)
    .replace(/[\\`*_[\]|~<>&]/g, (c) => `\\${c}`)
    .replace(/@/g, '@\u2060')
    .replace(/:\/\//g, ':\u2060//')
    .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}\u2060.`);
}
