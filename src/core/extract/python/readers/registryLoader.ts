import { startsARun } from '../../../facts';
import { findModel } from '../../../knowledge';
import { stringLiteral } from '../../pythonValues';
import type { FileRule } from '../rules';

/**
 * A released-model loader of an installed package, named by the package's registry string:
 * `model, preprocess = clip.load("ViT-B/32")` after `import clip` (OpenAI's CLIP package). The string is a key of
 * the package's own table of released checkpoints, so the catalog holds it as an alias with the package's name as
 * a prefix, its slashes written as dashes (`clip:ViT-B-32`, as open_clip's `open_clip:ViT-B-32`): the prefix keeps a
 * registry name from folding onto another family's key (torchvision's `vit_b_32`), and a slash would read as a Hub
 * id's organisation. Only an exact alias counts (no catalog fallback on the part after a slash). A call whose `<package>:<string>` is
 * no catalog alias (`json.load(f)`, `torch.load("x.pt")`, `yaml.load(...)`) is not read.
 *
 * A program or notebook that loads a model this way and trains nothing runs inference with it (a zero-shot
 * classification, a feature extraction): the loader's call starts the run when nothing else did.
 *
 * Precision: what the package's loader leaves the weights in, where its source says so (PACKAGE_DTYPE).
 */

/** `import clip` / `import clip as c`, at column 0. */
const IMPORT_MODULE = /^import[ \t]+([A-Za-z_]\w{0,60})(?:[ \t]+as[ \t]+([A-Za-z_]\w{0,60}))?[ \t]*(?:#[^\n]*)?$/gm;
/** Training in the file: a fine-tuning program over the loaded model is read by the torch rules. */
const TRAINS = /\.backward\(|\boptim\.\w|\.fit\(|Trainer\(/;
const MAX_NAMES = 50;

/**
 * The dtype a package's loader leaves the weights in on a GPU.
 * clip: openai/CLIP clip/model.py `build_model` calls `convert_weights(model)` ("Convert applicable model
 * parameters to fp16"), and clip/clip.py `load` calls `model.float()` only when the device is the CPU (its
 * default device is "cuda" when one is available).
 */
const PACKAGE_DTYPE: ReadonlyMap<string, { precision: string; detail: string }> = new Map([
  [
    'clip',
    {
      precision: 'fp16',
      detail: "clip.load(...) converts the model's weights to fp16 on a GPU (clip/model.py convert_weights)",
    },
  ],
]);

export const registryLoader: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  words: ['.load('],
  runStart: [/^import[ \t]+\w/m, /\b\w+\.load[ \t]*\([ \t]*["']/],
  read: (index, ctx) => {
    if (!/\.load[ \t]*\([ \t]*["']/.test(ctx.text)) return;
    const modules = new Map<string, string>();
    for (const m of ctx.text.matchAll(IMPORT_MODULE)) {
      if (modules.size >= MAX_NAMES) break;
      modules.set(m[2] ?? m[1], m[1]);
    }
    if (modules.size === 0) return;
    for (const node of index.calls) {
      const { full, last } = ctx.callee(node);
      if (last !== 'load') continue;
      const receiver = full.slice(0, -'.load'.length);
      const pkg = modules.get(receiver);
      if (!pkg) continue;
      const first = node
        .childForFieldName('arguments')
        ?.namedChildren.find((c) => c !== null && c.type !== 'comment' && c.type !== 'keyword_argument');
      const name = first ? stringLiteral(first) : null;
      if (name === null || name.length > 100) continue;
      const written = `${pkg}:${name.replace(/\//g, '-')}`;
      const row = findModel(written);
      const lower = written.toLowerCase();
      if (!row || ![row.id, ...row.aliases].some((a) => a.toLowerCase() === lower)) continue;
      const hasModel = ctx.facts.some((f) => f.kind === 'model.id' && f.value !== null);
      if (!hasModel)
        ctx.add(
          'model.id',
          written,
          first ?? node,
          `${full}("${name}"): the released ${pkg} model of that name`,
          'medium',
        );
      if (!ctx.facts.some(startsARun) && !TRAINS.test(ctx.text))
        ctx.add(
          'launch.inference',
          pkg,
          node,
          `${full}("${name}") loads a released model, and nothing in the file trains it: inference`,
          'medium',
        );
      const dtype = PACKAGE_DTYPE.get(pkg);
      if (dtype && !ctx.facts.some((f) => f.kind === 'training.precision'))
        ctx.add('training.precision', dtype.precision, node, dtype.detail, 'medium');
      return;
    }
  },
};
