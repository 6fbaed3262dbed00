import { FIELD_PREFIX, stringLiteral } from '../../pythonValues';
import type { FileRule } from '../rules';
import { rowOf } from './sb3Program';

/**
 * The model a program builds from a registry of constructors indexed by a flag (`GPT_models[args.gpt_model](...)`,
 * `VQ_models[args.vq_model](...)`, `MODEL_REGISTRY[args.arch](...)`, as DiT-style and autoregressive image-generation
 * repositories write it) is the entry the flag names: with the flag's default as written (`default="GPT-B"`), that
 * entry's name is the model's (its size is the constructor's, in the module that defines it, which this file does not
 * hold). Read after the calls, only when no call named a model, for training and sampling programs alike.
 */

/** `NAME_models[args.flag](`: a registry whose name says it holds models, indexed by a flag of the parsed arguments. */
const REGISTRY_BY_FLAG =
  /\b(\w{0,40}(?:models|MODELS|[Rr]egistry|REGISTRY))\[[ \t]*(?:args|opt|opts|cfg|config|flags)\.(\w{1,60})[ \t]*\][ \t]*\(/;
const REGISTRY_BY_FLAG_ALL = new RegExp(REGISTRY_BY_FLAG.source, 'g');
/** Registry builds looked at per file. */
const MAX_REGISTRY_BUILDS = 10;
/** Flags that pick an image or audio tokenizer, the first stage a generator works on (`--vq-model`, `--vae`). */
const FIRST_STAGE = /vq|vae|tokenizer|autoencoder|codec/i;
/** `add_argument("--gpt-model", ...)`: a flag that names a model. */
const MODEL_FLAG = /add_argument\([ \t]*["']--([\w-]{0,40}model[\w-]{0,40})["']/g;
/** A registry key as such repositories write them (`GPT-B`, `VQ-16`, `DiT-XL/2`, `vit_base_patch16`). */
const ENTRY_NAME = /^[A-Za-z][\w./-]{0,60}$/;

/**
 * `ARCH_REGISTRY.get('CodeFormer')(dim_embd=512, …)` (BasicSR's registries, and the toolkits that copy them): the class
 * registered under that name, built. Only a registry whose name says it holds architectures or models.
 */
const REGISTRY_GET =
  /\b(\w{0,40}(?:ARCH|MODEL|NETWORK|NET)_?REGISTRY)\.get\([ \t]*["']([A-Za-z][\w.-]{0,60})["'][ \t]*\)[ \t]*\(/;

export const registryModelName: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  words: ['models[', 'MODELS[', 'egistry[', 'REGISTRY[', 'REGISTRY.get('],
  read: (_index, ctx) => {
    if (ctx.facts.some((f) => f.kind === 'model.id')) return;
    const named = ctx.text.includes('REGISTRY.get(') ? REGISTRY_GET.exec(ctx.text) : null;
    if (named) {
      ctx.facts.push({
        kind: 'model.id',
        value: named[2],
        range: rowOf(ctx.text, named.index),
        confidence: 'medium',
        detail: `${named[1]}.get('${named[2]}')(...) builds the architecture registered as ${named[2]}`,
      });
      return;
    }
    // A sampler builds its image tokenizer from a registry too (`VQ_models[args.vq_model]`): the generator is the model.
    const found: RegExpMatchArray[] = [];
    for (const f of ctx.text.matchAll(REGISTRY_BY_FLAG_ALL)) if (found.push(f) >= MAX_REGISTRY_BUILDS) break;
    const generator = found.find((f) => !FIRST_STAGE.test(f[2]));
    // Only a tokenizer built here while another flag names the generator (`--gpt-model`, served elsewhere): not the model.
    const otherModelFlag = [...ctx.text.matchAll(MODEL_FLAG)].some((f) => !FIRST_STAGE.test(f[1]));
    const m = generator ?? (otherModelFlag ? undefined : found[0]);
    if (!m) return;
    const bound = ctx.symbols.lookup(FIELD_PREFIX + m[2]);
    const value = bound ? (bound.value ?? stringLiteral(bound.node)) : undefined;
    if (typeof value !== 'string' || !ENTRY_NAME.test(value)) return;
    // Pointed at the default as written: where the model is chosen (and changed).
    const at = bound!.node;
    ctx.facts.push({
      kind: 'model.id',
      value,
      range: {
        startLine: at.startPosition.row,
        startCol: at.startPosition.column,
        endLine: at.endPosition.row,
        endCol: at.endPosition.column,
      },
      confidence: 'medium',
      detail: `${m[1]}[${m[0].slice(m[0].indexOf('[') + 1, m[0].indexOf(']')).trim()}] builds the entry the flag names: ${value} (${bound?.via ?? 'its default'})`,
      fromFlags: [m[2]],
    });
  },
};
