import type { Fact } from '../facts';

/**
 * The name a program publishes what it trains under (`TrainingArguments(hub_model_id="me/tag-generator",
 * push_to_hub=True)`, `trainer.push_to_hub("me/tag-generator")`, `model.push_to_hub("me/x")`): a later load of that
 * id (`pipeline(model="me/tag-generator")` to try the result) uses the run's output; it is not the model trained. Such
 * loads are dropped when the program loads another model too (the one it trains); alone, they stay.
 */

/** Characters of a program looked at for the names it publishes under. */
const MAX_SCAN = 1_000_000;
/** Names kept per program. */
const MAX_NAMES = 20;
const PUBLISHED =
  /\b(?:hub_model_id|repo_id|output_model_id)\s*=\s*["']([\w.-]{1,96}\/[\w.-]{1,96})["']|\bpush_to_hub\(\s*["']([\w.-]{1,96}(?:\/[\w.-]{1,96})?)["']/g;

export function withoutOwnOutputModel(facts: readonly Fact[], code: string): Fact[] {
  if (!code.includes('hub') && !code.includes('repo_id')) return [...facts];
  const published = new Set<string>();
  for (const m of code.slice(0, MAX_SCAN).matchAll(PUBLISHED)) {
    published.add((m[1] ?? m[2]).toLowerCase());
    if (published.size >= MAX_NAMES) break;
  }
  if (published.size === 0) return [...facts];
  const isOutput = (f: Fact) =>
    f.kind === 'model.id' && typeof f.value === 'string' && published.has(f.value.toLowerCase());
  const others = facts.some((f) => f.kind === 'model.id' && f.value !== null && !isOutput(f));
  if (!others) return [...facts];
  const lines = new Set(facts.filter(isOutput).map((f) => f.range.startLine));
  // The load's own fromScratch fact (same line) goes with it.
  return facts.filter(
    (f) => !(isOutput(f) || (f.kind === 'model.fromScratch' && lines.has(f.range.startLine) && !f.file)),
  );
}
