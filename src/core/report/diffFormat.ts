import type { CliRun } from './cliSchema';
import type { DiffChange, DiffOutput, DiffReason } from './diffSchema';
import { formatCo2e, formatEnergy, locationText } from './format';

/**
 * The diff for a terminal and for a pull-request comment. Everything read from
 * a repository (paths, model and dataset names, values) is untrusted: in
 * Markdown it goes into code spans or is escaped, so it cannot become a link,
 * a mention, HTML or table structure; in a terminal control characters go.
 */

/** The first line of the PR comment: the Action finds and updates its own comment by it. */
export const DIFF_COMMENT_MARKER = '<!-- green-ai:diff -->';

/** At most this many runs in the comment's table; the rest are counted. */
const MAX_TABLE_ROWS = 10;
const MAX_SUGGESTIONS = 8;
/** Values from files longer than this are cut: a comment is read, not searched. */
const MAX_VALUE_CHARS = 80;

const MINUS = '\u2212';

/** "+1.2 kg", "−340 g", "0 g". */
export function signedCo2e(kg: number | null): string {
  if (kg === null) return '—';
  if (kg === 0) return '0 g';
  return `${kg > 0 ? '+' : MINUS}${formatCo2e(Math.abs(kg))}`;
}

export function signedEnergy(kwh: number | null): string {
  if (kwh === null) return '—';
  if (kwh === 0) return '0 Wh';
  return `${kwh > 0 ? '+' : MINUS}${formatEnergy(Math.abs(kwh))}`;
}

function clip(s: string): string {
  return s.length > MAX_VALUE_CHARS ? `${s.slice(0, MAX_VALUE_CHARS - 1)}…` : s;
}

/** Control characters (terminal escapes, bidi overrides, line breaks) out of a value shown in a terminal or a cell. */
export function plain(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ' ');
}

/** A value from a file as an inline code span: no Markdown, HTML, link or mention inside; pipes kept out of the table structure. */
export function mdCode(value: string): string {
  const s = clip(plain(value)).replace(/\|/g, '\\|');
  const longestRun = Math.max(0, ...[...s.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = s.startsWith('`') || s.endsWith('`') || (s.startsWith(' ') && s.endsWith(' ')) ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
}

/** Free text (which may hold values from files) escaped for Markdown: punctuation that starts syntax, HTML, and @-mentions. */
export function mdText(value: string): string {
  return (
    plain(value)
      .replace(/[\\`*_[\]#|~<>&]/g, (c) => `\\${c}`)
      // A zero-width space after @ stops GitHub from notifying a user or team named in a file.
      .replace(/@/g, '@&#8203;')
  );
}

function runTitle(run: CliRun): string {
  return `${run.model.name ?? 'unknown model'} · ${run.training.mode}`;
}

function where(change: DiffChange): string {
  const run = (change.after ?? change.before)!;
  return locationText(run);
}

/** The reasons worth reading: what the change wrote; its consequences only when nothing written moved. */
export function shownReasons(why: readonly DiffReason[], max = 4): { shown: DiffReason[]; more: number } {
  const stated = why.filter((r) => !r.derived);
  const pool = stated.length > 0 ? stated : why;
  return { shown: pool.slice(0, max), more: pool.length - Math.min(pool.length, max) };
}

/** Where a changed value is written: a line of the run's own file, or another file (and line when known). */
function reasonWhere(r: DiffReason, runFile: string): { line: number } | { file: string } | null {
  if (r.location)
    return r.location.file === runFile
      ? { line: r.location.startLine }
      : { file: `${r.location.file}:${r.location.startLine}` };
  return r.file && r.file !== runFile ? { file: r.file } : null;
}

function headline(diff: DiffOutput): string {
  const d = diff.co2eKgDelta;
  if (d === 0 && diff.counts.added + diff.counts.removed + diff.counts.changed === 0)
    return 'no change to the estimated footprint';
  const pct =
    diff.base.co2eKg > 0
      ? ` (${d >= 0 ? '+' : MINUS}${Math.abs((d / diff.base.co2eKg) * 100).toFixed(Math.abs(d / diff.base.co2eKg) < 0.1 ? 1 : 0)}%)`
      : '';
  return `${signedCo2e(d)} CO2e${pct}, ${signedEnergy(diff.energyKWhDelta)}`;
}

function countsText(diff: DiffOutput): string {
  const parts = (['added', 'changed', 'removed', 'unchanged'] as const)
    .filter((k) => diff.counts[k] > 0)
    .map((k) => `${diff.counts[k]} ${k}`);
  return parts.length > 0 ? parts.join(', ') : 'no runs';
}

export function diffToText(diff: DiffOutput, color = false): string {
  const bold = (s: string) => (color ? `\u001b[1m${s}\u001b[0m` : s);
  const out: string[] = [
    bold(`Green AI diff: ${plain(diff.base.label)} → ${plain(diff.head.label)}`),
    `${headline(diff)} · ${countsText(diff)}`,
    '',
  ];
  for (const c of diff.changes) {
    const run = (c.after ?? c.before)!;
    if (c.status === 'unchanged') {
      if (c.previousFile)
        out.push(
          `  moved    ${plain(c.previousFile)} → ${plain(where(c))} (no change, ${formatCo2e(run.estimate.co2eKg)})`,
        );
      continue;
    }
    const figures = `${signedCo2e(c.co2eKgDelta)}  (${formatCo2e(c.before?.estimate.co2eKg ?? null)} → ${formatCo2e(c.after?.estimate.co2eKg ?? null)})`;
    out.push(`  ${c.status.padEnd(8)} ${bold(plain(where(c)))}  ${plain(runTitle(run))}  ${figures}`);
    if (c.previousFile) out.push(`           was ${plain(c.previousFile)}`);
    const { shown, more } = shownReasons(c.why);
    for (const r of shown) {
      const at = reasonWhere(r, run.file);
      out.push(`           ${plain(r.text)}${at ? ` (${'line' in at ? `line ${at.line}` : plain(at.file)})` : ''}`);
    }
    if (more > 0) out.push(`           and ${more} more input${more === 1 ? '' : 's'}`);
  }
  if (diff.changes.length === 0) out.push('  No training or inference runs on either side.');
  out.push(
    '',
    bold(
      `Total: ${formatCo2e(diff.base.co2eKg)} → ${formatCo2e(diff.head.co2eKg)} CO2e (${signedCo2e(diff.co2eKgDelta)}), ${formatEnergy(diff.base.energyKWh)} → ${formatEnergy(diff.head.energyKWh)}`,
    ),
  );
  const unknown = diff.base.unknown + diff.head.unknown;
  if (unknown > 0)
    out.push(`${unknown} run${unknown === 1 ? '' : 's'} without a central estimate left out of the totals.`);
  return out.join('\n') + '\n';
}

function markdownWhy(c: DiffChange): string {
  if (c.status === 'added') return 'new run';
  if (c.status === 'removed') return 'run removed';
  const run = (c.after ?? c.before)!;
  const { shown, more } = shownReasons(c.why, 3);
  const parts = shown.map((r) => {
    const at = reasonWhere(r, run.file);
    return `${mdText(r.label)} ${mdCode(r.beforeText)} → ${mdCode(r.afterText)}${at ? ` (${'line' in at ? `line ${at.line}` : mdCode(at.file)})` : ''}`;
  });
  if (more > 0) parts.push(`${more} more`);
  if (c.previousFile) parts.unshift(`moved from ${mdCode(c.previousFile)}`);
  return parts.length > 0 ? parts.join('; ') : 'inputs not listed changed';
}

function beforeAfter(
  before: number | null | undefined,
  after: number | null | undefined,
  format: (n: number | null) => string,
): string {
  return `${before === undefined ? '—' : format(before)} → ${after === undefined ? '—' : format(after)}`;
}

/** The same suggestion for several runs (a region, a smaller sibling) is one line with their runs and summed saving. */
function groupedSuggestions(changes: readonly DiffChange[]) {
  const groups = new Map<string, { title: string; tradeoff: string; saved: number; runs: string[] }>();
  for (const c of changes) {
    if (c.after === null) continue;
    for (const s of c.after.suggestions) {
      const key = `${s.kind}\u0000${s.title}`;
      const g = groups.get(key) ?? { title: s.title, tradeoff: s.tradeoff, saved: 0, runs: [] };
      g.saved += s.co2eKgSaved;
      g.runs.push(where(c));
      groups.set(key, g);
    }
  }
  return [...groups.values()].sort((a, b) => b.saved - a.saved);
}

/**
 * The PR comment: a headline, a short table of the runs that changed (largest
 * first), the files moved without change, and the suggestions for the runs
 * this change touches. Starts with DIFF_COMMENT_MARKER.
 */
export function diffToMarkdown(diff: DiffOutput, options: { title?: string; version?: string } = {}): string {
  const lines = [DIFF_COMMENT_MARKER, `### ${mdText(options.title ?? 'Green AI')}: ${headline(diff)}`, ''];
  lines.push(
    `All runs found: ${formatCo2e(diff.base.co2eKg)} → ${formatCo2e(diff.head.co2eKg)} CO2e (central estimates); ${countsText(diff)}. Compared ${mdCode(diff.base.label)} with ${mdCode(diff.head.label)}.`,
    '',
  );
  const moved = diff.changes.filter((c) => c.status !== 'unchanged');
  if (moved.length > 0) {
    lines.push('| Run | Status | CO2e | Change | Energy | Why |', '|---|---|---|---:|---|---|');
    for (const c of moved.slice(0, MAX_TABLE_ROWS)) {
      const run = (c.after ?? c.before)!;
      const co2e = beforeAfter(c.before?.estimate.co2eKg, c.after?.estimate.co2eKg, formatCo2e);
      const energy = beforeAfter(c.before?.estimate.energyKWh, c.after?.estimate.energyKWh, formatEnergy);
      lines.push(
        `| ${mdCode(where(c))}<br>${mdCode(runTitle(run))} | ${c.status} | ${co2e} | **${signedCo2e(c.co2eKgDelta)}** | ${energy} | ${markdownWhy(c)} |`,
      );
    }
    if (moved.length > MAX_TABLE_ROWS)
      lines.push(
        '',
        `…and ${moved.length - MAX_TABLE_ROWS} smaller change${moved.length - MAX_TABLE_ROWS === 1 ? '' : 's'} (all of them in \`green-ai diff --json\`).`,
      );
  } else {
    lines.push('No run was added, removed or changed.');
  }
  const renamed = diff.changes.filter((c) => c.status === 'unchanged' && c.previousFile);
  if (renamed.length > 0)
    lines.push(
      '',
      `Moved without change: ${renamed
        .slice(0, MAX_TABLE_ROWS)
        .map((c) => `${mdCode(c.previousFile!)} → ${mdCode(c.file)}`)
        .join(', ')}${renamed.length > MAX_TABLE_ROWS ? ', …' : ''}.`,
    );

  const suggestions = groupedSuggestions(moved);
  if (suggestions.length > 0) {
    lines.push(
      '',
      `<details><summary>Suggestions for the runs this change adds or changes (${suggestions.length})</summary>`,
      '',
    );
    for (const s of suggestions.slice(0, MAX_SUGGESTIONS)) {
      lines.push(
        `- **${mdText(s.title)}**: saves ${formatCo2e(s.saved)} CO2e (${s.runs.map(mdCode).join(', ')}) — ${mdText(s.tradeoff)}`,
      );
    }
    if (suggestions.length > MAX_SUGGESTIONS) lines.push(`- …and ${suggestions.length - MAX_SUGGESTIONS} more.`);
    lines.push('', '</details>');
  }
  const unknown = diff.base.unknown + diff.head.unknown;
  if (unknown > 0)
    lines.push(
      '',
      `${unknown} run${unknown === 1 ? '' : 's'} without a central estimate ${unknown === 1 ? 'is' : 'are'} left out of the totals.`,
    );
  lines.push(
    '',
    `<sub>Estimated by reading the code, not running it: ranges and every assumption are in \`green-ai diff --json\`${options.version ? ` (green-ai ${mdText(options.version)})` : ''}.</sub>`,
  );
  return lines.join('\n') + '\n';
}
