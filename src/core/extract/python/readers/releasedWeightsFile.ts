import { findModelByName } from '../../../knowledge';
import { lineRange, type PythonReadContext } from '../context';
import { evaluate } from '../../pythonValues';
import type { FileRule } from '../rules';

/**
 * A run that loads a released weights file by its published name (`ckpt = "weights/<release>.pth"`, a default
 * `weights_path: str = "<release>.pth"`, `load_model(cfg, "<release>.pth")`) and names its model nowhere else: the file
 * is the model. Releases outside the Hub are downloaded and loaded under the file name their authors published
 * (the catalog keeps it as an alias of the release's row), as the Hub id names a Hub checkpoint. Read only for a file
 * with no model named, and only when exactly one catalog release is among its weights files; it names the model of
 * whatever run the file is read as, and starts none. Not read when the file's weights go into a backbone only.
 */

/** A quoted string on one line (bounded: linear). */
const QUOTED = /["']([^"'\n]{1,300})["']/g;
/** A weights file at the end of a path: its stem. */
const WEIGHTS_STEM = /(?:^|[/\\])([\w.-]{1,120})\.(?:pth|pt|ckpt|safetensors)$/i;
const MAX_STRINGS = 2000;

export const releasedWeightsFile: FileRule = {
  framework: 'torch',
  phase: 'after-calls',
  words: ['.pth', '.pt', '.ckpt', '.safetensors'],
  read: (_index, ctx) => {
    if (ctx.facts.some((f) => f.kind === 'model.id' && f.value !== null)) return;
    // Weights another reader found to be a backbone's only (a detector initialised from an ImageNet classifier): the
    // model trains from scratch, so the weights file is not the model.
    if (ctx.facts.some((f) => f.kind === 'model.fromScratch' && f.value === true)) return;
    const text = ctx.text;
    const found = new Map<string, { stem: string; at: number }>();
    let seen = 0;
    for (const m of text.matchAll(QUOTED)) {
      if (++seen > MAX_STRINGS) break;
      // An f-string names the file with its placeholders filled (`f'checkpoints/depth_anything_v2_{args.encoder}.pth'`
      // at the flag's default `vitl`).
      const written = m[1].includes('{') ? filledIn(ctx, m.index) : m[1];
      const stem = written ? WEIGHTS_STEM.exec(written.trim())?.[1] : undefined;
      const row = stem ? findModelByName(stem) : undefined;
      if (stem && row && !found.has(row.id)) found.set(row.id, { stem, at: m.index });
    }
    if (found.size !== 1) return;
    const [[id, { stem, at }]] = [...found];
    const row = text.slice(0, at).split('\n').length - 1;
    ctx.facts.push({
      kind: 'model.id',
      value: stem,
      range: lineRange(row, (text.split('\n', row + 1)[row] ?? '').length),
      confidence: 'medium',
      detail: `the released weights file ${stem} the run loads (${id})`,
    });
  },
};

/** Placeholders filled in per f-string (an f-string names a file with one or two). */
const MAX_PLACEHOLDERS = 4;

/**
 * The f-string whose quote opens at `quote`, with each `{expression}` replaced by the value it holds as written (a
 * constant, a flag's default); undefined when one cannot be read that way or the string is not an f-string.
 */
function filledIn(ctx: PythonReadContext, quote: number): string | undefined {
  let node = ctx.tree.rootNode.descendantForIndex(quote + 1);
  while (node && node.type !== 'string') node = node.parent;
  if (!node || !/^[rR]?[fF]/.test(node.text)) return undefined;
  const parts: string[] = [];
  let holes = 0;
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'string_content') parts.push(child.text);
    else if (child.type === 'interpolation') {
      const expression = child.namedChildren.find(
        (c) => c?.type !== 'format_specifier' && c?.type !== 'type_conversion',
      );
      const value = expression && ++holes <= MAX_PLACEHOLDERS ? evaluate(expression, ctx.symbols)?.value : undefined;
      if (typeof value !== 'string' && typeof value !== 'number') return undefined;
      parts.push(String(value));
    }
  }
  return parts.join('');
}
