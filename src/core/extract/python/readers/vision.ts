import type { Node } from 'web-tree-sitter';
import { evaluate, keywordArgument } from '../../pythonValues';
import { truncate, type ImportedModels, type PythonReadContext } from '../context';
import { attachEdit } from '../keywords';
import type { CallRule } from '../rules';

/**
 * Vision model constructors: torchvision (`models.resnet50(weights=...)`, also imported by name),
 * `keras.applications.*(weights=...)`, `timm.create_model(name, pretrained=...)` and open_clip's
 * `create_model_and_transforms(arch, pretrained=tag)`.
 */

/** Model constructors imported by name in the file (`from torchvision.models import resnet50`). */
export function modelImports(text: string): ImportedModels {
  if (!/torchvision\.models|keras\.applications/.test(text)) return { torchvision: new Set(), keras: new Set() };
  return scanImports(text);
}

function scanImports(text: string): ImportedModels {
  const names = (module: RegExp) => {
    const out = new Set<string>();
    // `from m import a, b as c` on one line, or `from m import (\n a,\n b,\n)` over several ([^()]: an unclosed list stops at the next one, not the end of the file).
    for (const m of text.matchAll(
      new RegExp(`^[ \\t]*from[ \\t]+${module.source}[ \\t]+import[ \\t]+(?:\\(([^()]*)\\)|([^(\\n]+))`, 'gm'),
    )) {
      for (const part of (m[1] ?? m[2] ?? '').split(',')) {
        // The last word (`b` of `a as b`): splitting on `\s+as\s+` re-scanned a long run of blanks from each blank.
        const name = part.trim().split(/\s+/).pop();
        if (name && /^\w+$/.test(name)) out.add(name);
      }
    }
    return out;
  };
  return { torchvision: names(/torchvision\.models/), keras: names(/(?:tensorflow\.)?keras\.applications(?:\.\w+)?/) };
}

/**
 * Functions under a `models` namespace that build no model: torchvision's registry helpers, and the OpenAI
 * client's `client.models.list()` / `retrieve()` / `delete()` (a served model's clients ask which model it serves).
 */
const NOT_CONSTRUCTORS = new Set(['list', 'retrieve', 'delete', 'list_models', 'get_model_weights', 'get_weight']);

function readVisionConstructor(call: Node, ctx: PythonReadContext, full: string, last: string): boolean {
  const owner = full.includes('.') ? full.slice(0, full.lastIndexOf('.')) : '';
  // `models.resnet50(...)`, or `resnet50(...)` after `from torchvision.models import resnet50`.
  const tv =
    (/(^|\.)models$/.test(owner) || (owner === '' && ctx.imports.torchvision.has(last))) &&
    /^[a-z][a-z0-9_]*$/.test(last) &&
    !NOT_CONSTRUCTORS.has(last);
  const keras = (/applications$/.test(owner) || (owner === '' && ctx.imports.keras.has(last))) && /^[A-Z]/.test(last);
  // open_clip names an architecture (`ViT-H-14`) and a weights tag (`pretrained='laion2b_s32b_b79k'`).
  const openClip =
    /^(open_clip\.)?(create_model_and_transforms|create_model_from_pretrained)$/.test(full) ||
    full === 'open_clip.create_model' ||
    (full === 'create_model' && OPEN_CLIP_IMPORT.test(ctx.text));
  const timm = !openClip && (full === 'timm.create_model' || full === 'create_model');
  // `models.__dict__[args.arch](...)`: torchvision's constructor named by a variable (pytorch/examples imagenet).
  const byName = /(^|\.)models\.__dict__\[/.test(full) && call.childForFieldName('function')?.type === 'subscript';
  if (!tv && !keras && !timm && !byName && !openClip) return false;
  const args = call.childForFieldName('arguments');
  if (!args) return false;
  let id: string | null = null;
  let origin: number | undefined;
  if (byName) {
    const r = evaluate(call.childForFieldName('function')!.childForFieldName('subscript'), ctx.symbols);
    id = typeof r?.value === 'string' && /^[a-z][a-z0-9_]*$/.test(r.value) ? r.value : null;
    if (r?.via) origin = r.origin.startPosition.row;
  } else if (timm || openClip) {
    const r = evaluate(args.namedChildren[0] ?? null, ctx.symbols);
    // open_clip's `ViT-B-32` is image and text towers, not torchvision's `vit_b_32`: the catalog keys it `open_clip:`.
    id = typeof r?.value === 'string' && r.value ? (openClip ? `open_clip:${r.value}` : r.value) : null;
    if (r?.via) origin = r.origin.startPosition.row;
  } else id = keras ? `keras/${last}` : last;
  if (!id) return false;
  ctx.add(
    'model.id',
    id,
    call,
    openClip
      ? `open_clip.${last}`
      : timm
        ? 'timm.create_model'
        : keras
          ? `keras.applications.${last}`
          : `torchvision.models.${last}`,
  );
  if (origin !== undefined) ctx.amendLast({ originLine: origin });
  if (openClip) {
    readOpenClipWeights(call, args, ctx);
    return true;
  }
  const weights = keywordArgument(args, 'weights');
  const pretrained = keywordArgument(args, 'pretrained');
  let scratch: boolean;
  let why: string;
  if (weights) {
    const r = evaluate(weights, ctx.symbols);
    scratch = r?.value === null;
    why = scratch ? 'weights=None: random initialisation' : `weights=${truncate(weights.text, 30)}: pretrained`;
  } else if (pretrained) {
    const r = evaluate(pretrained, ctx.symbols);
    scratch = r?.value !== true;
    why = scratch ? 'pretrained=False: random initialisation' : 'pretrained=True';
  } else {
    // torchvision and timm default to random weights; keras.applications defaults to weights="imagenet".
    scratch = !keras;
    why = keras
      ? 'keras.applications defaults to weights="imagenet"'
      : 'no weights given: the library initialises randomly';
  }
  ctx.add('model.fromScratch', scratch, weights ?? pretrained ?? call, why, weights || pretrained ? 'high' : 'medium');
  attachEdit(ctx, call, timm ? 'timm.create_model' : keras ? `keras:${full}` : `torchvision:${full}`);
  return true;
}

/** `from open_clip import create_model` (which would otherwise read as timm's). */
const OPEN_CLIP_IMPORT = /^[ \t]*from[ \t]+open_clip[ \t]+import[^\n]*\bcreate_model\b/m;

/**
 * open_clip's weights: a tag or a checkpoint path (`pretrained='openai'`, `pretrained=args.pretrained`) loads
 * trained weights; none (the default) or an empty one initialises randomly. A value only known when it runs
 * says nothing either way.
 */
function readOpenClipWeights(call: Node, args: Node, ctx: PythonReadContext): void {
  const pretrained = keywordArgument(args, 'pretrained') ?? args.namedChildren[1] ?? null;
  if (!pretrained || pretrained.type === 'keyword_argument') {
    ctx.add('model.fromScratch', true, call, 'no pretrained weights given: open_clip initialises randomly', 'medium');
    return;
  }
  const r = evaluate(pretrained, ctx.symbols);
  if (!r) return;
  const none = r.value === null || r.value === false || r.value === '';
  ctx.add(
    'model.fromScratch',
    none,
    pretrained,
    none
      ? 'pretrained is empty: random initialisation'
      : `pretrained=${truncate(pretrained.text, 40)}: trained weights`,
    r.via ? 'medium' : 'high',
  );
}

export const visionConstructors: CallRule = {
  framework: 'vision',
  words: [
    'models.',
    'torchvision.models',
    'applications',
    'create_model',
    'create_model_and_transforms',
    'create_model_from_pretrained',
    '__dict__[',
  ],
  read: ({ node, full, last, ctx }) => readVisionConstructor(node, ctx, full, last),
};
