import { gatedTest } from '../requiredLiterals';
import { LineCounter, parseDocument } from 'yaml';
import { configDocOf } from '../../config/dialect';
import { encoderUnetParams, unetParams } from '../../config/diffusionUnetParams';
import { lineRange } from '../context';
import type { FileRule } from '../rules';

/**
 * OpenAI's improved-diffusion / guided-diffusion programs and the many projects built on their `script_util.py`: a
 * program's flags are made from dicts its package returns (`defaults.update(model_and_diffusion_defaults())`, then
 * `add_dict_to_argparser(parser, defaults)`), and the network is built from those flags by the package's factory. The
 * network's size is therefore fixed by the settings in the package's `*_defaults()` functions unless a flag changes
 * them:
 * - the program side (`diffusionDefaultsLink`): a program run as main that calls a `*_defaults()` function imported
 *   from its own package links that module (`link.module`, low confidence) naming the functions it calls, so only
 *   their settings reach the run (analyze.ts linkedFacts, `within`);
 * - the module side (`diffusionDefaultsSize`): each `*_defaults()` function whose dict holds a UNet's settings
 *   (`num_channels`, `num_res_blocks`, `attention_resolutions`, `image_size` or `large_size`) gives the network's
 *   size, counted with the UNet layout of diffusionUnetParams.ts; a classifier's (`classifier_width`,
 *   `classifier_depth`, ...) gives the EncoderUNet's. A function that starts from another one
 *   (`res = model_and_diffusion_defaults()`, `res.update(classifier_defaults())`) takes its settings, and
 *   `res["large_size"] = 256` sets one.
 *
 * The factory's choices, as guided_diffusion/script_util.py makes them: `channel_mult=""` is chosen by the image size
 * (256: 1,1,2,2,4,4; 128: 1,1,2,3,4; 64: 1,2,3,4; other sizes are not counted), attention resolutions are pixel sizes
 * turned into downsampling factors (image_size // r), RGB in, 3 channels out (6 with `learn_sigma`), a super-resolution
 * model takes the upsampled low-resolution image as 3 more input channels (SuperResModel), 1000 classes with
 * `class_cond` (its NUM_CLASSES), and the classifier is an EncoderUNetModel with 1000 outputs.
 */

/** A `*_defaults()` function at column 0 taking nothing. */
const DEFAULTS_DEF = /^def[ \t]+(\w{1,100}_defaults)[ \t]*\([ \t]*\)[ \t]*(?:->[^\n:]{0,60})?:/gm;
/** Functions and settings read per module. */
const MAX_FUNCTIONS = 40;
const MAX_SETTINGS = 200;
/** `key=literal` in a dict(...) call, or `"key": literal` in a dict display. */
const KEYWORD =
  /^[ \t]+["']?(\w{1,60})["']?[ \t]*[=:][ \t]*("[^"\n]{0,200}"|'[^'\n]{0,200}'|-?\d{1,9}(?:\.\d{1,9})?|True|False|None)[ \t]*,?[ \t]*(?:#[^\n]*)?$/;
/** `res["large_size"] = 256`. */
const ITEM_SET =
  /^[ \t]+\w{1,60}\[["'](\w{1,60})["']\][ \t]*=[ \t]*("[^"\n]{0,200}"|'[^'\n]{0,200}'|-?\d{1,9}|True|False)[ \t]*$/;
/** Another defaults function the body starts from or merges in. */
/** A module-level `def …_defaults(` (gated: most modules have no `_defaults`). */
const definesDefaults = gatedTest(/^def[ \t]+\w{1,100}_defaults[ \t]*\(/m);
const DEFAULTS_CALL = /\b(\w{1,100}_defaults)[ \t]*\([ \t]*\)/g;

/** guided_diffusion/script_util.py create_model / create_classifier: channel multipliers by image size. */
const CHANNEL_MULT: Readonly<Record<number, readonly number[]>> = {
  256: [1, 1, 2, 2, 4, 4],
  128: [1, 1, 2, 3, 4],
  64: [1, 2, 3, 4],
};
/** script_util.py NUM_CLASSES: the ImageNet classes a class-conditional model and the classifier are built for. */
const IMAGENET_CLASSES = 1000;

type Value = string | number | boolean | null;

function literal(text: string): Value {
  if (text === 'True') return true;
  if (text === 'False') return false;
  if (text === 'None') return null;
  if (/^["']/.test(text)) return text.slice(1, -1);
  return Number(text);
}

/** The function bodies by name: the lines from the header to the next line at column 0. */
function defaultsFunctions(text: string): Map<string, { row: number; body: string[] }> {
  const lines = text.split('\n');
  const rowAt = (at: number) => {
    let row = 0;
    for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) row++;
    return row;
  };
  const out = new Map<string, { row: number; body: string[] }>();
  for (const m of text.matchAll(DEFAULTS_DEF)) {
    if (out.size >= MAX_FUNCTIONS) break;
    const row = rowAt(m.index);
    let end = row + 1;
    while (end < lines.length && (lines[end] === '' || /^[ \t#]/.test(lines[end]))) end++;
    out.set(m[1], { row, body: lines.slice(row + 1, end) });
  }
  return out;
}

/** A function's settings, with those of the defaults functions it starts from (earlier first, its own over them). */
function settingsOf(
  name: string,
  functions: ReadonlyMap<string, { row: number; body: string[] }>,
  depth = 0,
): Map<string, Value> {
  const out = new Map<string, Value>();
  const fn = functions.get(name);
  if (!fn || depth > 4) return out;
  for (const line of fn.body) {
    for (const call of line.matchAll(DEFAULTS_CALL))
      if (call[1] !== name) for (const [k, v] of settingsOf(call[1], functions, depth + 1)) out.set(k, v);
    const m = KEYWORD.exec(line) ?? ITEM_SET.exec(line);
    if (m && out.size < MAX_SETTINGS) out.set(m[1], literal(m[2]));
  }
  return out;
}

/** `"32,16,8"` (pixel sizes) → downsampling factors of an image_size image; undefined where one does not divide. */
function factors(resolutions: Value, size: number): number[] | undefined {
  if (typeof resolutions === 'number') resolutions = String(resolutions);
  if (typeof resolutions !== 'string') return undefined;
  const out: number[] = [];
  for (const part of resolutions.split(',').slice(0, 12)) {
    const r = Number(part.trim());
    if (!Number.isInteger(r) || r <= 0 || size % r !== 0) return undefined;
    out.push(size / r);
  }
  return out;
}

function multOf(written: Value, size: number): readonly number[] | undefined {
  if (written === '' || written === undefined || written === null) return CHANNEL_MULT[size];
  if (typeof written !== 'string') return undefined;
  const out = written.split(',').map((x) => Number(x.trim()));
  return out.length <= 12 && out.every((x) => Number.isInteger(x) && x > 0) ? out : undefined;
}

/** The settings written as a one-key YAML document, counted with diffusionUnetParams.ts. */
function counted(settings: Record<string, number | boolean | string | readonly number[]>, encoder: boolean) {
  const lines = ['m:'];
  for (const [k, v] of Object.entries(settings))
    lines.push(`  ${k}: ${typeof v === 'object' ? `[${v.join(', ')}]` : JSON.stringify(v)}`);
  const text = lines.join('\n');
  const lineCounter = new LineCounter();
  const doc = configDocOf(parseDocument(text, { lineCounter }), text, lineCounter);
  return encoder ? encoderUnetParams(doc, 'm') : unetParams(doc, 'm');
}

function unetSize(s: ReadonlyMap<string, Value>): { params: number; what: string } | undefined {
  const large = s.get('large_size');
  const size = typeof large === 'number' ? large : s.get('image_size');
  const C = s.get('num_channels');
  const R = s.get('num_res_blocks');
  if (typeof size !== 'number' || typeof C !== 'number' || typeof R !== 'number') return undefined;
  const mult = multOf(s.get('channel_mult') ?? '', size);
  const attn = factors(s.get('attention_resolutions') ?? null, size);
  if (!mult || !attn) return undefined;
  const superRes = typeof large === 'number';
  const params = counted(
    {
      model_channels: C,
      num_res_blocks: R,
      in_channels: superRes ? 6 : 3,
      out_channels: s.get('learn_sigma') === true ? 6 : 3,
      channel_mult: mult,
      attention_resolutions: attn,
      ...(s.get('class_cond') === true ? { num_classes: IMAGENET_CLASSES } : {}),
      use_scale_shift_norm: s.get('use_scale_shift_norm') === true,
      resblock_updown: s.get('resblock_updown') === true,
    },
    false,
  );
  if (params === undefined) return undefined;
  const what = `${superRes ? 'super-resolution ' : ''}UNet of ${size}px, ${C} channels × (${mult.join(', ')}), ${R} res blocks`;
  return { params, what };
}

function classifierSize(s: ReadonlyMap<string, Value>): { params: number; what: string } | undefined {
  const size = s.get('image_size');
  const W = s.get('classifier_width');
  const D = s.get('classifier_depth');
  const pool = s.get('classifier_pool');
  if (typeof size !== 'number' || typeof W !== 'number' || typeof D !== 'number' || typeof pool !== 'string')
    return undefined;
  const mult = CHANNEL_MULT[size];
  const attn = factors(s.get('classifier_attention_resolutions') ?? null, size);
  if (!mult || !attn) return undefined;
  const params = counted(
    {
      model_channels: W,
      num_res_blocks: D,
      in_channels: 3,
      pool_outputs: IMAGENET_CLASSES,
      pool,
      pool_spatial: size / 2 ** (mult.length - 1),
      channel_mult: mult,
      attention_resolutions: attn,
      use_scale_shift_norm: s.get('classifier_use_scale_shift_norm') === true,
      resblock_updown: s.get('classifier_resblock_updown') === true,
    },
    true,
  );
  return params === undefined
    ? undefined
    : { params, what: `classifier EncoderUNet of ${size}px, width ${W}, depth ${D}, ${pool} pool` };
}

export const diffusionDefaultsSize: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  words: ['_defaults(', 'num_res_blocks', 'classifier_depth'],
  read: (_index, ctx) => {
    if (!definesDefaults(ctx.text)) return;
    if (!ctx.text.includes('num_res_blocks') && !ctx.text.includes('classifier_depth')) return;
    const functions = defaultsFunctions(ctx.text);
    for (const [name, fn] of functions) {
      const settings = settingsOf(name, functions);
      // A classifier that guides sampling runs beside the diffusion UNet: where a program draws both, the UNet's
      // size is taken (pick prefers the higher confidence), the classifier's only where it is trained alone.
      for (const [size, confidence] of [
        [unetSize(settings), 'medium'],
        [classifierSize(settings), 'low'],
      ] as const) {
        if (!size) continue;
        ctx.facts.push({
          kind: 'model.params',
          value: size.params,
          range: lineRange(fn.row, 0),
          confidence,
          detail: `${name}() sets up a ${size.what}: ${(size.params / 1e6).toFixed(1)}M parameters as the package's factory builds it`,
          within: name,
        });
      }
    }
  },
};

/** `from pkg.script_util import (a, b as c)` / `from .script_util import a`, at column 0. */
const PACKAGE_IMPORT =
  /^from[ \t]+(\.{0,3}[A-Za-z_]\w{0,100}(?:\.[A-Za-z_]\w{0,100}){0,8})[ \t]+import[ \t]+(\([^)]{0,2000}\)|[^\n#]{1,2000})/gm;
/** A diffusion package's defaults function by its name: `model_and_diffusion_defaults`, `classifier_defaults`. */
const DIFFUSION_DEFAULTS = /^\w{0,60}(?:model|diffusion|classifier|unet)\w{0,60}_defaults$/;
const MAX_NAMES = 50;

export const diffusionDefaultsLink: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  words: ['_defaults('],
  read: (_index, ctx) => {
    if (!ctx.hasMainGuard) return;
    const byFile = new Map<string, { at: number; names: string[] }>();
    let seen = 0;
    for (const m of ctx.text.matchAll(PACKAGE_IMPORT)) {
      if (!m[1].includes('.', 1) && !m[1].startsWith('.')) continue;
      const file = `${m[1].replace(/^\.+/, '').replace(/\./g, '/')}.py`;
      for (const part of m[2].replace(/[()\\]/g, ' ').split(',')) {
        const name = /^\s*(\w+)(?:\s+as\s+(\w+))?\s*$/.exec(part);
        if (!name || ++seen > MAX_NAMES || !DIFFUSION_DEFAULTS.test(name[1])) continue;
        if (!new RegExp(`(?:^|[^\\w.])${name[2] ?? name[1]}[ \\t]*\\([ \\t]*\\)`, 'm').test(ctx.text)) continue;
        const entry = byFile.get(file) ?? { at: m.index, names: [] };
        entry.names.push(name[1]);
        byFile.set(file, entry);
      }
    }
    for (const [file, { at, names }] of byFile) {
      // A link to the module already made (the settings-module rule's): it names these functions too.
      const i = ctx.facts.findIndex((f) => f.kind === 'link.module' && f.value === file);
      if (i >= 0) {
        ctx.facts[i] = { ...ctx.facts[i], functions: [...(ctx.facts[i].functions ?? []), ...names] };
        continue;
      }
      const row = ctx.text.slice(0, at).split('\n').length - 1;
      ctx.facts.push({
        kind: 'link.module',
        value: file,
        range: lineRange(row, 0),
        confidence: 'low',
        detail: `${names.join(', ')}() of ${file} set the flags the network is built from`,
        functions: names,
      });
    }
  },
};
