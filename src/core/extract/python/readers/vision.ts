import type { Node } from 'web-tree-sitter';
import { findModel, findModelByName } from '../../../knowledge';
import { kerasTopParams } from '../../kerasApplications';
import { onDefaultPath } from '../branches';
import { evaluate, keywordArgument, positionalArguments } from '../../pythonValues';
import {
  escapeRegExp,
  lineRange,
  pureFlagDefault,
  truncate,
  type ImportedModels,
  type PythonReadContext,
} from '../context';
import { attachEdit } from '../keywords';
import { storeTrue } from './torch';
import type { CallRule, FileRule } from '../rules';

/**
 * Vision model constructors: torchvision (`models.resnet50(weights=...)`, also imported by name),
 * `keras.applications.*(weights=...)`, `timm.create_model(name, pretrained=...)` and open_clip's
 * `create_model_and_transforms(arch, pretrained=tag)`.
 */

/** Model constructors imported by name in the file (`from torchvision.models import resnet50`). */
export function modelImports(text: string): ImportedModels {
  // Three substring searches, not one alternation: a regex of alternatives tries each at every position of the file.
  if (!text.includes('torchvision.models') && !text.includes('keras.applications') && !/\btimm\b/.test(text))
    return { torchvision: new Set(), keras: new Set(), timm: new Set() };
  return scanImports(text);
}

/**
 * A timm model entry point as its modules export them (`vit_small_patch16_224`, `resnet50`, `efficientnet_b0`,
 * `convnext_tiny` is the one shape without a digit that the catalog knows): lowercase words joined by `_` holding a
 * size or resolution digit, which timm's helpers beside them (`checkpoint_filter_fn`, `build_model_with_cfg`,
 * `trunc_normal_`, `to_2tuple`) do not have. timm registers every architecture as such a function, callable directly
 * (huggingface.co/docs/timm, "Models": `timm.models.<module>.<name>(pretrained=False, **kwargs)`).
 */
const TIMM_ENTRY = /^[a-z][a-z]*\d*(?:_[a-z0-9]+)*$/;
const TIMM_HELPER = /^(?:to_\d|create_|list_|is_|get_|load_|build_|register_|resize_|checkpoint_)/;
function timmEntry(name: string): boolean {
  return TIMM_ENTRY.test(name) && !TIMM_HELPER.test(name) && (/\d/.test(name) || findModelByName(name) !== undefined);
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
  return {
    torchvision: names(/torchvision\.models/),
    keras: names(/(?:tensorflow\.)?keras\.applications(?:\.\w+)?/),
    // `from timm.models.vision_transformer import vit_small_patch16_224`, `from timm.models import resnet50`
    // (timm.layers and timm.models.layers hold building blocks, not models).
    timm: new Set([...names(/timm(?:\.models(?:\.(?!layers\b)\w+)?)?/)].filter(timmEntry)),
  };
}

/**
 * Functions under a `models` namespace that build no model: torchvision's registry helpers, and the OpenAI
 * client's `client.models.list()` / `retrieve()` / `delete()` (a served model's clients ask which model it serves).
 */
const NOT_CONSTRUCTORS = new Set([
  'list',
  'retrieve',
  'delete',
  'list_models',
  'get_model_weights',
  'get_weight',
  // A dict or list of the program's own models (`models.items()`, `models.pop(i)`): container methods.
  'items',
  'keys',
  'values',
  'pop',
  'get',
  'update',
  'append',
  'extend',
  'insert',
  'remove',
  'clear',
  'copy',
  'setdefault',
]);

/** `from keras import models`, `from tensorflow.keras import models`: Keras's module of model classes and loaders. */
const KERAS_MODELS_IMPORT = /^[ \t]*from[ \t]+(?:tensorflow\.)?keras[ \t]+import[^\n]*\bmodels\b/m;

/**
 * `keras.models.load_model(path)`, `models.Sequential()` after `from keras import models`: Keras's models module
 * (keras.io/api/models: `Model`, `Sequential`, `load_model`, `clone_model`), which builds or loads the program's own
 * networks, not torchvision's model builders.
 */
function kerasModelsModule(owner: string, text: string): boolean {
  return /(^|\.)keras\.models$/.test(owner) || (owner === 'models' && KERAS_MODELS_IMPORT.test(text));
}

/**
 * `from baselines.common import models` (an RL library's network builders, `models.mlp(num_hidden=64)`): a `models`
 * module of another installed package, imported by its absolute name, and torchvision's not imported at all. So is
 * `import models` alone (the repository's own package beside the program, LIIF's `models.make(config['model'])`).
 */
const OTHER_MODELS_IMPORT =
  /^[ \t]*from[ \t]+(?!torchvision\b)[A-Za-z_][\w.]{0,200}[ \t]+import[ \t]+(?:[\w, \t]{0,200},[ \t]*)?models[ \t]*(?:,|$)|^import[ \t]+models[ \t]*$/m;
function otherModelsModule(owner: string, text: string): boolean {
  return owner === 'models' && !text.includes('torchvision') && OTHER_MODELS_IMPORT.test(text);
}

/** Parents walked up to the enclosing function. */
const MAX_PARENTS = 64;

/**
 * Whether `name` is a parameter of the function the call is in (`def forward_pass(self, data, models: Models)` then
 * `models.generator(x)`): a local container of the program's networks, not torchvision's `models` module.
 */
function isParameter(call: Node, name: string): boolean {
  let node: Node | null = call.parent;
  for (let i = 0; node && i < MAX_PARENTS; i++, node = node.parent) {
    if (node.type !== 'function_definition') continue;
    return (node.childForFieldName('parameters')?.namedChildren ?? []).some((p) => {
      const id = p?.type === 'identifier' ? p : p?.namedChildren.find((c) => c?.type === 'identifier');
      return id?.text === name;
    });
  }
  return false;
}

function readVisionConstructor(call: Node, ctx: PythonReadContext, full: string, last: string): boolean {
  const owner = full.includes('.') ? full.slice(0, full.lastIndexOf('.')) : '';
  // `models.resnet50(...)`, or `resnet50(...)` after `from torchvision.models import resnet50`.
  // `vit_small_patch16_224(...)` imported from timm's models, or `timm.models.vit_small_patch16_224(...)`: the
  // entry point named by the function called (timm's models start from random weights unless pretrained=True).
  const timmByName =
    (owner === '' && ctx.imports.timm.has(last)) || (/^timm\.models(?:\.\w+)?$/.test(owner) && timmEntry(last));
  const tv =
    !timmByName &&
    ((/(^|\.)models$/.test(owner) &&
      !/^(?:self|cls)\./.test(owner) &&
      !kerasModelsModule(owner, ctx.text) &&
      !otherModelsModule(owner, ctx.text) &&
      !(owner === 'models' && isParameter(call, owner))) ||
      (owner === '' && ctx.imports.torchvision.has(last))) &&
    /^[a-z][a-z0-9_]*$/.test(last) &&
    !NOT_CONSTRUCTORS.has(last) &&
    // A config registry's `models.get_mixer_b16_config()` (ml_collections configs) builds no model.
    !/_config$/.test(last);
  // `keras.applications.VGG16(...)`, `keras.applications.xception.Xception(...)` (each architecture's own module),
  // `VGG16(...)` or `inception_v3.InceptionV3(...)` after `from keras.applications import VGG16, inception_v3`.
  const keras =
    (/(^|\.)applications(\.[a-z][a-z0-9_]*)?$/.test(owner) ||
      (owner === '' && ctx.imports.keras.has(last)) ||
      (/^[a-z][a-z0-9_]*$/.test(owner) && ctx.imports.keras.has(owner))) &&
    /^[A-Z]/.test(last);
  // OpenFlamingo's factory has open_clip's name but builds a vision encoder and a language model
  // (`create_model_and_transforms(clip_vision_encoder_path, clip_vision_encoder_pretrained, lang_encoder_path,
  // tokenizer_path, cross_attn_every_n_layers=…)`): both are loaded pretrained and frozen, and the perceiver
  // resampler and gated cross-attention layers are trained on them (github.com/mlfoundations/open_flamingo README,
  // "combines a pretrained vision encoder and a language model using cross attention layers"). Its size is the
  // sum of parts the call does not state, so it stays unknown.
  if (/^(open_flamingo\.)?create_model_and_transforms$/.test(full) && isOpenFlamingoFactory(call, ctx.text)) {
    ctx.add('model.id', 'OpenFlamingo', call, `${full}: OpenFlamingo (a vision encoder and a language model)`);
    ctx.add('model.fromScratch', false, call, `${full}: pretrained vision encoder and language model`, 'medium');
    return true;
  }
  // open_clip names an architecture (`ViT-H-14`) and a weights tag (`pretrained='laion2b_s32b_b79k'`).
  const openClip =
    /^(open_clip\.)?(create_model_and_transforms|create_model_from_pretrained)$/.test(full) ||
    full === 'open_clip.create_model' ||
    (full === 'create_model' && OPEN_CLIP_IMPORT.test(ctx.text));
  const timm = !openClip && (full === 'timm.create_model' || full === 'create_model' || timmByName);
  // `models.__dict__[args.arch](...)`: torchvision's constructor named by a variable (pytorch/examples imagenet).
  // The same idiom over a module of the repository's own (`models_mae.__dict__[args.model](...)`, as MAE- and
  // DeiT-style programs pick an architecture function by name): the name is the model's; it is not torchvision's.
  // `partial(torchvision_models.__dict__[args.arch], zero_init_residual=True)` handed to a wrapper that builds it
  // (MoCo-style encoders): the same pick by name, called later.
  // So is the constructor itself handed to a wrapper (`SimSiam(models.__dict__[args.arch], 2048)`, SimSiam- and
  // BYOL-style builders that call it inside): torchvision's pick only, a wrapper's first argument.
  const firstArg = full.endsWith(']')
    ? undefined
    : call.childForFieldName('arguments')?.namedChildren.find((c) => c?.type !== 'comment');
  const partialArg =
    full === 'partial' ||
    full === 'functools.partial' ||
    (firstArg?.type === 'subscript' && /(^|\.)models\.__dict__\[/.test(firstArg.text.slice(0, 200)))
      ? firstArg
      : undefined;
  // A subscript callee's text ends with its `]`: the text (known) is asked before the node (a call into the parser),
  // as this rule sees every call of a file.
  const picked =
    partialArg?.type === 'subscript' ? partialArg : full.endsWith(']') ? call.childForFieldName('function') : null;
  const pickedText = partialArg?.type === 'subscript' ? partialArg.text.slice(0, 200) : full;
  const subscripted = picked?.type === 'subscript';
  const tvByName = subscripted && /(^|\.)models\.__dict__\[/.test(pickedText);
  const ownByName = !tvByName && subscripted && importedModuleByName(pickedText, ctx.text);
  const byName = tvByName || ownByName;
  if (!tv && !keras && !timm && !byName && !openClip) return false;
  const args = call.childForFieldName('arguments');
  if (!args) return false;
  let id: string | null = null;
  let origin: number | undefined;
  // How the name was worked out (``default of `--model` (line 64)``): a name read at a flag's default.
  let via: string | undefined;
  if (byName) {
    const r = evaluate(picked.childForFieldName('subscript'), ctx.symbols);
    id = typeof r?.value === 'string' && /^[a-z][a-z0-9_]*$/.test(r.value) ? r.value : null;
    if (r?.via) origin = r.origin.startPosition.row;
    via = r?.via;
  } else if (tv && last === 'get_model') {
    // `torchvision.models.get_model("resnet50", weights="DEFAULT")` (torchvision 0.14+): the builder named by its first argument.
    const r = evaluate(args.namedChildren[0] ?? null, ctx.symbols);
    id = typeof r?.value === 'string' && /^[a-z][a-z0-9_]*$/.test(r.value) ? r.value : null;
    if (r?.via) origin = r.origin.startPosition.row;
    via = r?.via;
  } else if (timmByName) id = last;
  else if (timm || openClip) {
    // The first parameter of both factories is `model_name`, passed by position or by keyword.
    const first = args.namedChildren[0] ?? null;
    const named = first?.type === 'keyword_argument' ? keywordArgument(args, 'model_name') : first;
    const r = evaluate(named, ctx.symbols);
    if (timm && full === 'create_model' && readConfigFactory(call, r?.value, ctx)) return true;
    // open_clip's `ViT-B-32` is image and text towers, not torchvision's `vit_b_32`: the catalog keys it `open_clip:`.
    id = typeof r?.value === 'string' && r.value ? (openClip ? `open_clip:${r.value}` : r.value) : null;
    if (r?.via) origin = r.origin.startPosition.row;
    via = r?.via;
  } else id = keras ? `keras/${last}` : last;
  if (!id) return false;
  ctx.add(
    'model.id',
    id,
    call,
    byName
      ? `${truncate(pickedText, 80)}: the architecture picked by name`
      : openClip
        ? `open_clip.${last}`
        : timmByName
          ? `timm ${last}()`
          : timm
            ? 'timm.create_model'
            : keras
              ? `keras.applications.${last}`
              : last === 'get_model'
                ? 'torchvision.models.get_model'
                : `torchvision.models.${last}`,
  );
  if (origin !== undefined) ctx.amendLast({ originLine: origin });
  // `models.__dict__[args.arch]` or `create_model(args.model)` read at the flag's default: a launch that passes the
  // flag (or a YAML config that sets it, read as the flag's default) names another network.
  const flags = via ? pureFlagDefault(`(${via})`) : undefined;
  if (flags) ctx.amendLast({ fromFlags: flags, flagDefault: flags });
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
    // `if args.pretrained: model = models.__dict__[args.arch](pretrained=True)` with the switch off by default: the
    // pretrained build is the branch a launch takes with `--pretrained`; the one the defaults take says how it starts.
    if (!scratch && (!onDefaultPath(call, ctx.symbols) || underOffSwitch(call, ctx))) return true;
  } else {
    // torchvision and timm default to random weights; keras.applications defaults to weights="imagenet".
    const frozen = keras ? undefined : (frozenThenLoaded(call, ctx.text) ?? declaredFineTuning(call, ctx.text));
    scratch = !keras && !frozen;
    why = keras
      ? 'keras.applications defaults to weights="imagenet"'
      : (frozen ?? 'no weights given: the library initialises randomly');
  }
  ctx.add('model.fromScratch', scratch, weights ?? pretrained ?? call, why, weights || pretrained ? 'high' : 'medium');
  if (keras) readKerasBase(args, ctx, id, last);
  // Random weights at the flag's empty default; a launch that names a checkpoint for the flag loads it (any word).
  const loadedBy = scratch && !keras ? checkpointFlagLoad(ctx.text) : undefined;
  if (loadedBy) ctx.amendLast({ fromFlags: [loadedBy], flagDefault: [loadedBy], picks: [['*', false]] });
  // A module of the repository's own builds it: no library model to swap in (nor a literal to edit in a timm entry point's call).
  if (!ownByName && !partialArg && !timmByName)
    attachEdit(ctx, call, timm ? 'timm.create_model' : keras ? `keras:${full}` : `torchvision:${full}`);
  return true;
}

/** `args.pretrained`, `opt.use_pretrained`: a flag read off the parsed arguments. */
const FLAG_TEST = /^(?:args|opt|opts|flags|cfg|config)\.(\w{1,60})$/;
/** Ancestors climbed to the `if` a call sits in. */
const MAX_SWITCH_CLIMB = 12;

/**
 * Whether the call sits in the body of `if args.pretrained:` with `--pretrained` a store_true switch of this file
 * (off unless given), as ImageNet example programs build `models.__dict__[args.arch](pretrained=True)` there and a
 * fresh network in the else branch. Inside a function the branch helper cannot decide it (branches.ts), so it is read
 * here from the flag's declaration.
 */
function underOffSwitch(call: Node, ctx: PythonReadContext): boolean {
  let child: Node = call;
  for (let i = 0; i < MAX_SWITCH_CLIMB && child.parent; i++, child = child.parent) {
    const parent = child.parent;
    if (parent.type === 'function_definition' || parent.type === 'module') return false;
    if (parent.type !== 'if_statement') continue;
    if (!child.equals(parent.childForFieldName('consequence') ?? child)) return false;
    const flag = FLAG_TEST.exec(parent.childForFieldName('condition')?.text.trim() ?? '')?.[1];
    return flag !== undefined && storeTrue(ctx, flag);
  }
  return false;
}

/**
 * `VGG16(weights="imagenet", include_top=False, input_shape=(150, 150, 3))`: the convolutional base without its
 * classifier (keras.io/api/applications: "include_top: whether to include the fully-connected layer at the top of the
 * network"). Its size is the catalog's whole model less the top (kerasApplications.ts).
 */
function readKerasBase(args: Node, ctx: PythonReadContext, id: string, className: string): void {
  const includeTop = keywordArgument(args, 'include_top');
  if (!includeTop || evaluate(includeTop, ctx.symbols)?.value !== false) return;
  const whole = findModel(id)?.params;
  const top = kerasTopParams(className);
  if (!whole || !top || top >= whole) return;
  ctx.add(
    'model.params',
    whole - top,
    includeTop,
    `${className}(include_top=False): ${whole.toLocaleString('en-US')} parameters less the ${top.toLocaleString('en-US')} of its classifier top`,
    'high',
  );
}

/** `torch.load(args.finetune, ...)`, `torch.hub.load_state_dict_from_url(args.finetune, ...)`: a flag's checkpoint loaded. */
const FLAG_LOAD = /\b(?:torch\.load|load_state_dict_from_url)\([ \t\n]{0,40}args\.(\w{1,40})\b/g;
/** Flags that name trained weights to start from (not `--resume`, which continues the run's own training). */
const WEIGHTS_FLAG =
  /^(?:finetune|fine_tune|finetune_from|pretrained|pretrained_(?:weights|model|ckpt|checkpoint)|init_(?:checkpoint|ckpt|weights))$/;
/** At most this many loads looked at. */
const MAX_FLAG_LOADS = 8;

/**
 * BEiT/MAE/DeiT-style fine-tuning programs (`main_finetune.py`, VideoMAE's `run_class_finetuning.py`): the model is
 * built with random weights, then `if args.finetune: checkpoint = torch.load(args.finetune, map_location='cpu')` loads
 * trained weights into it when the flag is given (`parser.add_argument('--finetune', default='', help='finetune from
 * checkpoint')`). At the flag's empty default the program trains from scratch; a launch that passes the flag a
 * checkpoint fine-tunes it. Returns the flag's destination when the program loads such a flag, declared with an empty
 * default ('' or None, or none).
 */
function checkpointFlagLoad(text: string): string | undefined {
  if (!text.includes('args.') || !/torch\.load|load_state_dict_from_url/.test(text)) return undefined;
  let n = 0;
  for (const m of text.matchAll(FLAG_LOAD)) {
    if (++n > MAX_FLAG_LOADS) break;
    const flag = m[1];
    if (!WEIGHTS_FLAG.test(flag)) continue;
    const declared = new RegExp(`add_argument\\([ \\t\\n]{0,40}['"]--${flag}['"]([^)]{0,300})\\)`).exec(text);
    if (!declared) continue;
    const given = /\bdefault[ \t]*=[ \t]*([^,\n)]{1,60})/.exec(declared[1])?.[1].trim();
    if (given === undefined || given === "''" || given === '""' || given === 'None') return flag;
  }
  return undefined;
}

/** `param.requires_grad = False` or `param.requires_grad_(False)`: a parameter the optimiser leaves alone. */
const FREEZES = /\.requires_grad[ \t]*=[ \t]*False\b|\.requires_grad_\([ \t]*False[ \t]*\)/;

/**
 * A linear-probe or head-only program (MoCo/DINO-style `main_lincls.py`): the model is built with random weights,
 * then every parameter but the head is frozen (`for name, param in model.named_parameters(): ...
 * param.requires_grad = False`) and trained weights are loaded into it (`model.load_state_dict(state_dict, ...)`,
 * from the checkpoint given as --pretrained). Frozen random weights would teach the head nothing: the network
 * is a pretrained one and the run fine-tunes it. Returns why, or undefined when the module does not do both.
 */
function frozenThenLoaded(call: Node, text: string): string | undefined {
  if (!text.includes('requires_grad') || !text.includes('.load_state_dict(')) return undefined;
  const assigned = call.parent?.type === 'assignment' ? call.parent.childForFieldName('left')?.text : undefined;
  if (!assigned || !/^\w{1,60}$/.test(assigned)) return undefined;
  if (!text.includes(`${assigned}.named_parameters()`) && !text.includes(`${assigned}.parameters()`)) return undefined;
  if (!FREEZES.test(text) || !text.includes(`${assigned}.load_state_dict(`)) return undefined;
  return `${assigned}'s parameters are frozen (requires_grad = False) and trained weights are loaded with ${assigned}.load_state_dict(...): a pretrained network whose unfrozen part is trained`;
}

/** `argparse.ArgumentParser('MAE fine-tuning for image classification', ...)`: the program says it fine-tunes. */
const FINE_TUNING_PARSER =
  /\bArgumentParser\([ \t\n]{0,40}(?:description[ \t]*=[ \t]*)?["'][^"'\n]{0,120}\bfine-?tun(?:e|ing)\b[^"'\n]{0,120}["']/i;

/**
 * A fine-tuning program (BEiT/MAE/DeiT-style `main_finetune.py`): its argument parser describes it as fine-tuning
 * (`ArgumentParser('... fine-tuning for image classification')`) and it loads a checkpoint's weights into the model it
 * builds (`model.load_state_dict(checkpoint_model, strict=False)`, from the file given as --finetune). The network it
 * builds with random weights is the pretrained one once loaded: the run fine-tunes it. A program that only trains
 * (`'DeiT training and evaluation script'`) keeps its random initialisation, its optional checkpoint being a resume.
 */
function declaredFineTuning(call: Node, text: string): string | undefined {
  if (!text.includes('.load_state_dict(') || !FINE_TUNING_PARSER.test(text)) return undefined;
  const assigned = call.parent?.type === 'assignment' ? call.parent.childForFieldName('left')?.text : undefined;
  if (!assigned || !/^\w{1,60}$/.test(assigned) || !text.includes(`${assigned}.load_state_dict(`)) return undefined;
  return `the argument parser describes a fine-tuning program and trained weights are loaded with ${assigned}.load_state_dict(...): a pretrained network, fine-tuned`;
}

/**
 * `create_model('./models/cldm_v15.yaml')`: a repository's own factory over an instantiate-from-config file (ControlNet
 * and other latent-diffusion descendants: `OmegaConf.load(path)` then `instantiate_from_config(config.model)`), not
 * timm's, whose names are architectures, never files. The config is linked (its module and size are read there) and
 * names the model; whether weights are loaded is the program's next lines' to say (`load_state_dict(...)`).
 */
function readConfigFactory(call: Node, value: unknown, ctx: PythonReadContext): boolean {
  if (typeof value !== 'string' || !/^[\w./-]{1,200}\.ya?ml$/.test(value)) return false;
  const first = call.childForFieldName('arguments')!.namedChildren[0]!;
  ctx.add('link.config', value, first, `create_model("${value}"): the model definition the program builds`);
  const stem = value.slice(value.lastIndexOf('/') + 1).replace(/\.ya?ml$/, '');
  if (stem) ctx.add('model.id', stem, call, `create_model("${value}"): the model its config defines`, 'medium');
  // `model = create_model(cfg).cpu()` then `model.load_state_dict(load_state_dict(resume_path))`: trained weights go
  // in; a program that then fits it (`trainer.fit(model, ...)`) fine-tunes them, where the model-only config alone
  // reads as sampling.
  const assigned = call.parent?.type === 'assignment' ? call.parent : call.parent?.parent?.parent;
  const name = assigned?.type === 'assignment' ? assigned.childForFieldName('left')?.text : undefined;
  if (!name || !/^\w{1,60}$/.test(name)) return true;
  const loads = new RegExp(`^[ \\t]*${name}\\.load_state_dict\\(`, 'm').exec(ctx.text);
  if (!loads) return true;
  const row = ctx.text.slice(0, loads.index).split('\n').length - 1;
  const line = ctx.text.split('\n', row + 1)[row] ?? '';
  const at = lineRange(row, line.length);
  ctx.facts.push({
    kind: 'model.fromScratch',
    value: false,
    range: at,
    detail: `${name}.load_state_dict(...): weights loaded into the model its config builds`,
    confidence: 'medium',
  });
  if (new RegExp(`\\.fit\\([ \\t]*${name}\\b`).test(ctx.text))
    ctx.facts.push({
      kind: 'training.mode',
      value: 'finetune',
      range: at,
      detail: `${name}.load_state_dict(...) then fit(${name}, ...): training continues from loaded weights`,
      confidence: 'medium',
    });
  return true;
}

/** `mod.__dict__[...]` where `mod` is a module this file imports (`import models_mae`, `from . import models_vit`). */
function importedModuleByName(full: string, text: string): boolean {
  const m = /^(\w{1,100})\.__dict__\[/.exec(full);
  if (!m || m[1] === 'self' || m[1] === 'cls') return false;
  return new RegExp(
    `^[ \\t]*(?:import[ \\t]+(?:[\\w.]+[ \\t]+as[ \\t]+)?${m[1]}\\b|from[ \\t]+[\\w.]+[ \\t]+import[^\\n]*\\b${m[1]}\\b)`,
    'm',
  ).test(text);
}

/** `from open_flamingo import create_model_and_transforms`, or a call handing it a language model. */
const OPEN_FLAMINGO_IMPORT =
  /^[ \t]*from[ \t]+open_flamingo(?:\.src\.factory)?[ \t]+import[^\n]*\bcreate_model_and_transforms\b/m;
function isOpenFlamingoFactory(call: Node, text: string): boolean {
  const args = call.childForFieldName('arguments');
  if (!args) return false;
  if (keywordArgument(args, 'lang_encoder_path') || keywordArgument(args, 'cross_attn_every_n_layers')) return true;
  return OPEN_FLAMINGO_IMPORT.test(text);
}

/** `from open_clip import create_model` (which would otherwise read as timm's). */
const OPEN_CLIP_IMPORT = /^[ \t]*from[ \t]+open_clip[ \t]+import[^\n]*\bcreate_model\b/m;

/**
 * open_clip's weights: a tag or a checkpoint path (`pretrained='openai'`, `pretrained=args.pretrained`) loads
 * trained weights; none (the default) or an empty one initialises randomly. A value only known when it runs
 * says nothing either way.
 */
/**
 * `model, _, preprocess = create_model_and_transforms(name)` then `load_weights(model, args.checkpoint)` or
 * `model.load_state_dict(...)`: the model built empty gets a checkpoint's weights before it is used. The name the call
 * is assigned to (the first of a tuple), then a loading call on it anywhere in the text; the text's own description.
 */
function weightsLoadedInto(call: Node, text: string): string | undefined {
  const statement = call.parent?.type === 'assignment' ? call.parent : undefined;
  const left = statement?.childForFieldName('left');
  const target = left?.type === 'identifier' ? left : left?.namedChildren[0];
  if (!target || target.type !== 'identifier' || !/^\w{1,60}$/.test(target.text)) return undefined;
  const name = target.text;
  const m = new RegExp(
    `\\b(load_\\w{0,40}(?:weights|checkpoint|ckpt|state_dict)\\w{0,20})[ \\t]*\\([ \\t]*${name}\\b|\\b${name}\\.(load_state_dict)[ \\t]*\\(`,
  ).exec(text);
  return m ? `${m[1] ? `${m[1]}(${name}, ...)` : `${name}.load_state_dict(...)`} loads weights into it` : undefined;
}

function readOpenClipWeights(call: Node, args: Node, ctx: PythonReadContext): void {
  const pretrained = keywordArgument(args, 'pretrained') ?? args.namedChildren[1] ?? null;
  if (!pretrained || pretrained.type === 'keyword_argument') {
    const loaded = weightsLoadedInto(call, ctx.text);
    if (loaded) ctx.add('model.fromScratch', false, call, `built without pretrained=, then ${loaded}`, 'medium');
    else
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

/** Lines looked at for a call of an imported constructor (a script calls it a few times; a hostile file, millions). */
const MAX_CONSTRUCTOR_LINES = 400;

/**
 * A model constructor imported by name and called on a line that holds none of the rules' words
 * (`vit_teacher = vit_small_patch16_224(` with its keywords on the lines below, `backbone = resnet50()`): the line
 * prefilter keeps lines by the words of the rule tables, and an imported name is not one of them. Read after the
 * calls, when no call named a model: the first call of a torchvision or timm constructor the file imports by name,
 * read as the call rule reads it.
 */
export const importedConstructorCalls: FileRule = {
  framework: 'vision',
  phase: 'after-calls',
  words: [],
  read: (_index, ctx) => {
    const names = new Set([...ctx.imports.torchvision, ...ctx.imports.timm]);
    if (names.size === 0 || ctx.facts.some((f) => f.kind === 'model.id' && typeof f.value === 'string')) return;
    const pattern = new RegExp(`(?<![\\w.])(?:${[...names].map(escapeRegExp).join('|')})[ \\t]*\\(`);
    const lines = ctx.text.split('\n');
    let looked = 0;
    for (let row = 0; row < lines.length && looked < MAX_CONSTRUCTOR_LINES; row++) {
      const line = lines[row];
      if (line.length > 2000 || !pattern.test(line) || /^\s*(?:class|def|from|import)\s/.test(line)) continue;
      looked++;
      for (const call of ctx.tree.rootNode.descendantsOfType('call', { row, column: 0 }, { row: row + 1, column: 0 })) {
        if (!call || call.startPosition.row !== row) continue;
        const fn = call.childForFieldName('function');
        if (fn?.type !== 'identifier' || !names.has(fn.text) || !onDefaultPath(call, ctx.symbols)) continue;
        if (readVisionConstructor(call, ctx, fn.text, fn.text)) return;
      }
    }
  },
};

/**
 * `torch.hub.load(repo_or_dir, model, ...)`: a model an entry point of a repository's hubconf.py builds
 * (`torch.hub.load("facebookresearch/dinov2", "dinov2_vits14")`). Entry points load their released weights
 * unless told `pretrained=False` (https://pytorch.org/docs/stable/hub.html), so the model is a trained one; its
 * name is the entry point's.
 */
export const torchHubModels: CallRule = {
  framework: 'pytorch',
  callees: ['load'],
  words: ['hub.load'],
  when: ({ full }) => full === 'torch.hub.load' || full === 'hub.load',
  read: ({ node, full, ctx }) => {
    const args = node.childForFieldName('arguments');
    if (!args) return;
    const positional = positionalArguments(args);
    const model = keywordArgument(args, 'model') ?? positional[1];
    if (!model) return;
    const name = entryName(model, ctx, 0);
    const pretrained = keywordArgument(args, 'pretrained');
    const scratch = pretrained !== null && evaluate(pretrained, ctx.symbols)?.value === false;
    if (typeof name === 'string' && /^[\w.-]{1,100}$/.test(name))
      ctx.add('model.id', name, model, `${full}(..., "${name}"): a hub entry point's model`, 'medium');
    else
      ctx.add(
        'model.id',
        null,
        model,
        `${full}: the entry point \`${truncate(model.text, 40)}\` cannot be read statically`,
        'low',
      );
    ctx.add(
      'model.fromScratch',
      scratch,
      model,
      scratch ? `${full}(..., pretrained=False): random weights` : `${full} loads the entry point's released weights`,
      'medium',
    );
  },
};

/**
 * The entry point's name as notebooks build it: a literal, or an f-string over a choice looked up in a dict
 * (`f"dinov2_{backbone_archs[BACKBONE_SIZE]}"`), each part a value the file sets.
 */
function entryName(node: Node, ctx: PythonReadContext, depth: number): string | undefined {
  if (depth > 4) return undefined;
  const plain = evaluate(node, ctx.symbols)?.value;
  if (typeof plain === 'string') return plain;
  if (node.type === 'identifier') {
    const bound = ctx.symbols.lookup(node.text)?.node ?? assignedBefore(node, ctx);
    return bound ? entryName(bound, ctx, depth + 1) : undefined;
  }
  if (node.type === 'subscript') {
    const table = evaluate(node.childForFieldName('value'), ctx.symbols)?.value;
    const keyNode = node.childForFieldName('subscript');
    const key = keyNode ? entryName(keyNode, ctx, depth + 1) : undefined;
    if (key === undefined || !table || typeof table !== 'object' || Array.isArray(table)) return undefined;
    const value = (table as Record<string, unknown>)[key];
    return typeof value === 'string' && Object.prototype.hasOwnProperty.call(table, key) ? value : undefined;
  }
  if (node.type !== 'string') return undefined;
  let out = '';
  for (const part of node.namedChildren) {
    if (!part || part.type === 'string_start' || part.type === 'string_end') continue;
    if (part.type === 'string_content') out += part.text;
    else if (part.type === 'interpolation') {
      const inner = part.childForFieldName('expression') ?? part.namedChildren[0];
      const value = inner ? entryName(inner, ctx, depth + 1) : undefined;
      if (value === undefined) return undefined;
      out += value;
    } else return undefined;
  }
  return out.length <= 100 ? out : undefined;
}

/** The file's lines, split once per file however many hub calls it has. */
const linesOf = new WeakMap<PythonReadContext, string[]>();
/** Lines looked back over for a name's assignment (a notebook sets its choices a few cells above). */
const LOOK_BACK_LINES = 500;

/**
 * The value last assigned to a name at module level before `use` (`backbone_name = f"..."`): the symbol table
 * keeps only the assignments its prefilter reads (constants), not an f-string or a lookup.
 */
function assignedBefore(use: Node, ctx: PythonReadContext): Node | undefined {
  const lines = linesOf.get(ctx) ?? linesOf.set(ctx, ctx.text.split('\n')).get(ctx)!;
  const pattern = new RegExp(`^${use.text}[ \\t]*=(?!=)`);
  for (let row = use.startPosition.row - 1; row >= 0 && row >= use.startPosition.row - LOOK_BACK_LINES; row--) {
    if (!pattern.test(lines[row])) continue;
    let node: Node | null = ctx.tree.rootNode.descendantForPosition({ row, column: 0 });
    while (node && node.type !== 'assignment' && node.type !== 'module') node = node.parent;
    return node?.type === 'assignment' ? (node.childForFieldName('right') ?? undefined) : undefined;
  }
  return undefined;
}
