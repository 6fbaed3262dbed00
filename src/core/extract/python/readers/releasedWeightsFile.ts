import { findModelByName } from '../../../knowledge';
import { lineRange } from '../context';
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
      const stem = WEIGHTS_STEM.exec(m[1].trim())?.[1];
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
