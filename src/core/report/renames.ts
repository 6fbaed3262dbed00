/**
 * Rename detection by content, for comparing two folders (and a git tree with a
 * working tree, where untracked files have no rename record): a file gone from
 * one side and a file new on the other are the same file when most of their
 * lines are shared. Git's own default threshold is 50% similarity (git-diff(1),
 * `-M[<n>]`); the score here is the Dice coefficient of their non-blank lines.
 */

export const RENAME_SIMILARITY = 0.5;

/** Pairs compared line by line at most; beyond it only identical contents pair up (a huge reorganisation stays linear). */
const MAX_COMPARED_PAIRS = 20_000;

type LineCounts = Map<string, number>;

function lineCounts(text: string): { counts: LineCounts; total: number } {
  const counts: LineCounts = new Map();
  let total = 0;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    counts.set(line, (counts.get(line) ?? 0) + 1);
    total++;
  }
  return { counts, total };
}

/** 2 × shared lines ÷ (lines of a + lines of b), 0–1. */
export function similarity(a: string, b: string): number {
  return score(lineCounts(a), lineCounts(b));
}

function score(a: { counts: LineCounts; total: number }, b: { counts: LineCounts; total: number }): number {
  if (a.total === 0 && b.total === 0) return 1;
  const [small, large] = a.counts.size <= b.counts.size ? [a.counts, b.counts] : [b.counts, a.counts];
  let shared = 0;
  for (const [line, n] of small) shared += Math.min(n, large.get(line) ?? 0);
  return (2 * shared) / (a.total + b.total);
}

const basename = (p: string) => p.slice(p.lastIndexOf('/') + 1);

/**
 * Which new file is which old file: a map from new path to old path, each file
 * used once, the most similar pairs first (same file name breaks ties).
 */
export function detectRenames(
  gone: ReadonlyMap<string, string>,
  arrived: ReadonlyMap<string, string>,
  threshold = RENAME_SIMILARITY,
): Map<string, string> {
  const renames = new Map<string, string>();
  if (gone.size === 0 || arrived.size === 0) return renames;
  const candidates: Array<{ from: string; to: string; score: number }> = [];
  if (gone.size * arrived.size <= MAX_COMPARED_PAIRS) {
    const goneLines = [...gone].map(([path, text]) => ({ path, lines: lineCounts(text) }));
    for (const [to, text] of arrived) {
      const lines = lineCounts(text);
      for (const g of goneLines) {
        const s = score(g.lines, lines);
        if (s >= threshold) candidates.push({ from: g.path, to, score: s });
      }
    }
  } else {
    const byText = new Map<string, string[]>();
    for (const [path, text] of gone) byText.set(text, [...(byText.get(text) ?? []), path]);
    for (const [to, text] of arrived)
      for (const from of byText.get(text) ?? []) candidates.push({ from, to, score: 1 });
  }
  const sameName = (c: { from: string; to: string }) => (basename(c.from) === basename(c.to) ? 0 : 1);
  candidates.sort(
    (x, y) =>
      y.score - x.score || sameName(x) - sameName(y) || x.to.localeCompare(y.to) || x.from.localeCompare(y.from),
  );
  const used = new Set<string>();
  for (const c of candidates) {
    if (renames.has(c.to) || used.has(c.from)) continue;
    renames.set(c.to, c.from);
    used.add(c.from);
  }
  return renames;
}
