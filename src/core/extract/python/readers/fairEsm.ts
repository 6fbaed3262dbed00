import { gatedTest } from '../requiredLiterals';
import type { Node } from 'web-tree-sitter';
import { startsARun } from '../../../facts';
import { sizeFromModelName } from '../../../knowledge/modelName';
import type { PythonReadContext } from '../context';
import { evaluate } from '../../pythonValues';
import type { FileRule } from '../rules';

/**
 * fair-esm, the protein language models' package (github.com/facebookresearch/esm, README "Quick start" and
 * "Available models"): every released checkpoint has a loader function of its own name in `esm.pretrained`
 * (`model, alphabet = esm.pretrained.esm2_t33_650M_UR50D()`, `esm.pretrained.esm_if1_gvp4_t16_142M_UR50()`,
 * `esm.pretrained.esmfold_v1()`), and `load_model_and_alphabet(name_or_path)` (with its `_hub`, `_local` and `_core`
 * forms) loads one by its name or from a local `.pt` file. The same checkpoints load through torch.hub from the
 * package's repository (`torch.hub.load("facebookresearch/esm:main", "esm2_t33_650M_UR50D")`, README "Quick start").
 * A program or notebook that loads one and trains nothing runs the model (embedding extraction, contact or
 * structure prediction, sequence sampling or scoring): an inference run.
 *
 * The names state the size (`esm2_t33_650M_UR50D`: 33 layers, 650M parameters; modelName.ts reads it). Where a file
 * loads several, the largest is the one named (the compute is spent mostly on it). A loader handed something the
 * file does not fix (a required flag, a path) names no model: the run's model is unknown, not guessed.
 *
 * Precision: the package's modules are float32 unless the program casts them; ESMFold holds its ESM-2 language
 * model in half precision (esm/esmfold/v1/esmfold.py, `ESMFold.__init__` calls `self.esm.half()`), so a program
 * running ESMFold runs fp16 for the bulk of its parameters.
 */

/** Loaders of `esm.pretrained` that take the model's name or path as their first argument. */
const NAMED_LOADER = /^load_model_and_alphabet(?:_hub|_local|_core)?$/;
/** A released checkpoint's loader function: `esm2_t33_650M_UR50D`, `esm1v_t33_650M_UR90S_1`, `esmfold_v1`. */
const CHECKPOINT = /^esm[a-z0-9]{0,12}_\w{1,60}$/;
/** The package imported: `import esm`, `from esm import pretrained`, `from esm.pretrained import ...`. */
const IMPORTS_ESM = gatedTest(/^[ \t]*(?:import[ \t]+esm\b|from[ \t]+esm(?:\.pretrained)?[ \t]+import\b)/m);
/** The package's hub repository (README: `torch.hub.load("facebookresearch/esm:main", ...)`). */
const ESM_HUB_REPO = /^facebookresearch\/esm(?::[\w.-]{1,40})?$/;
/** Training in the file: fine-tuning programs over an ESM model are read by the torch rules. */
const TRAINS = /\.backward\(|\boptim\.\w|\.fit\(|Trainer\(/;
const ESMFOLD = /^esmfold_v\d$/;
/** `from esm.pretrained import esm2_t33_650M_UR50D`: a loader imported by its name, then called bare. */
const FROM_PRETRAINED = /^[ \t]*from[ \t]+esm\.pretrained[ \t]+import[ \t]+(\([^)]{0,1000}\)|[^\n#]{1,1000})/gm;
const MAX_NAMES = 50;

interface Load {
  readonly node: Node;
  readonly full: string;
  /** The checkpoint's name, or null where the file does not fix it. */
  readonly name: string | null;
  readonly nameNode: Node;
}

function firstPositional(call: Node): Node | null {
  const args = call.childForFieldName('arguments');
  return args?.namedChildren.find((c) => c !== null && c.type !== 'comment' && c.type !== 'keyword_argument') ?? null;
}

function readLoad(node: Node, ctx: PythonReadContext, imported: ReadonlySet<string>): Load | undefined {
  const { full, last } = ctx.callee(node);
  if (full === last && imported.has(last) && CHECKPOINT.test(last)) return { node, full, name: last, nameNode: node };
  if (full === 'torch.hub.load' || full === 'hub.load') {
    const args = node.childForFieldName('arguments');
    const positional =
      args?.namedChildren.filter(
        (c): c is Node => c !== null && c.type !== 'comment' && c.type !== 'keyword_argument',
      ) ?? [];
    const repo = positional[0] ? evaluate(positional[0], ctx.symbols)?.value : undefined;
    const entry = positional[1] ? evaluate(positional[1], ctx.symbols)?.value : undefined;
    if (typeof repo !== 'string' || !ESM_HUB_REPO.test(repo)) return undefined;
    if (typeof entry !== 'string' || !CHECKPOINT.test(entry) || !positional[1]) return undefined;
    return { node, full, name: entry, nameNode: positional[1] };
  }
  if (!(full === `pretrained.${last}` || full === `esm.pretrained.${last}`)) return undefined;
  if (NAMED_LOADER.test(last)) {
    const arg = firstPositional(node);
    const read = arg ? evaluate(arg, ctx.symbols) : undefined;
    const value = read?.value;
    const name = typeof value === 'string' && CHECKPOINT.test(value) ? value : null;
    return { node, full, name, nameNode: name !== null && read?.via ? read.origin : (arg ?? node) };
  }
  if (CHECKPOINT.test(last)) return { node, full, name: last, nameNode: node };
  return undefined;
}

const sizeOf = (name: string | null): number =>
  name === null ? -1 : ESMFOLD.test(name) ? Number.MAX_SAFE_INTEGER : (sizeFromModelName(name)?.params ?? 0);

export const fairEsmLoader: FileRule = {
  framework: 'fair-esm',
  phase: 'after-calls',
  words: ['pretrained', 'facebookresearch/esm', 'esm'],
  runStart: [
    /\besm\b/,
    /\bpretrained\.(?:esm|load_model_and_alphabet)\w{0,60}[ \t]*\(|facebookresearch\/esm\b|from[ \t]+esm\.pretrained[ \t]+import\b/,
  ],
  read: (index, ctx) => {
    if (!ctx.text.includes('esm') || (!IMPORTS_ESM(ctx.text) && !ctx.text.includes('facebookresearch/esm'))) return;
    if (TRAINS.test(ctx.text)) return;
    const imported = new Set<string>();
    for (const m of ctx.text.matchAll(FROM_PRETRAINED)) {
      for (const part of m[1].replace(/[()]/g, '').split(',')) {
        if (imported.size >= MAX_NAMES) break;
        const name = part.trim().split(/\s+/)[0];
        if (name) imported.add(name);
      }
    }
    let chosen: Load | undefined;
    for (const node of index.calls) {
      const load = readLoad(node, ctx, imported);
      if (!load) continue;
      if (!chosen || sizeOf(load.name) > sizeOf(chosen.name)) chosen = load;
    }
    if (!chosen) return;
    const { node, full, name, nameNode } = chosen;
    if (!ctx.facts.some(startsARun))
      ctx.add(
        'launch.inference',
        'fair-esm',
        node,
        `${full}(...) loads a released ESM model, and nothing in the file trains it: inference`,
        'medium',
      );
    if (!ctx.facts.some((f) => f.kind === 'model.id' && f.value !== null)) {
      if (name !== null)
        ctx.add('model.id', name, nameNode, `${full}: the released ESM checkpoint "${name}"`, 'medium');
      else if (!ctx.facts.some((f) => f.kind === 'model.id'))
        ctx.add(
          'model.id',
          null,
          nameNode,
          `${full}(${nameNode === node ? '' : nameNode.text.slice(0, 40)}): the checkpoint is given when the program is run`,
          'low',
        );
    }
    if (name !== null && ESMFOLD.test(name) && !ctx.facts.some((f) => f.kind === 'training.precision'))
      ctx.add(
        'training.precision',
        'fp16',
        node,
        'ESMFold holds its ESM-2 language model in half precision (esm/esmfold/v1/esmfold.py: self.esm.half())',
        'medium',
      );
  },
};
