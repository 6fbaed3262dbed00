import type { ConfigDialect, ConfigDoc, ConfigValue, FactSink } from './dialect';

/**
 * Scale configs of scaling studies built on open_lm (DataComp-LM's `training/configs/<scale>.json`, run as
 * `torchrun -m training.train --scale <this> --data-config <dataset>.json`): one flat JSON per model scale that states
 * the run outright: the architecture config it builds (`model`: a path to an open_lm model JSON), the model's
 * parameter count (`params`), the token budget (`tokens`, multiplied by `chinchilla_multiplier` when one is set: the
 * program trains `tokens × chinchilla_multiplier`), the global batch (`global_bs` sequences a step) and the open_lm
 * FSDP flags it passes on (`fsdp_flags`).
 *
 * - Precision: open_lm's `--fsdp-amp` wraps the model with a bfloat16 MixedPrecision policy (param and buffer dtype
 *   bfloat16, reductions in float32) and `--fsdp-pure-bf16` with an all-bfloat16 one (mlfoundations/open_lm,
 *   open_lm/main.py: "using bfloat16 params as part of fsdp amp policy"): bf16 either way. Without either flag the
 *   precision is the program's `--precision` flag, not read here.
 * - Mode: such a config names no checkpoint to start from: a pre-training run from scratch (medium confidence: a
 *   launch may still pass `--resume`).
 * - Model: the architecture file's name (`open_lm_1b_swiglutorch`), prefixed with the family its folder is named
 *   for (`open_lm_configs/d=1024_l=24_h=8.json` → `open_lm-d=1024_l=24_h=8`) when the file's name does not say it.
 */
export const scaleConfig: ConfigDialect = {
  name: 'scale-config',
  words: ['global_bs', 'global_batch_size'],
  owns: (path) => SCALE_KEYS.has(path) || path.startsWith('fsdp_flags'),
  detect: (doc: ConfigDoc) =>
    doc.prefix === '' &&
    (doc.num('params') ?? 0) >= 1e6 &&
    (doc.num('tokens') ?? 0) >= 1e6 &&
    (doc.num('global_bs') !== undefined || doc.num('global_batch_size') !== undefined) &&
    typeof doc.get('model')?.value === 'string' &&
    !CHECKPOINT_KEYS.some((k) => doc.has(k)),
  read(doc: ConfigDoc, out: FactSink): void {
    const params = doc.get('params')!;
    const model = doc.get('model')!;
    out.add(
      'run.framework',
      'scale-config',
      params,
      'scale config of a scaling study (model, params, tokens, global_bs)',
    );
    out.add(
      'launch.trainer',
      'config:scale-config',
      params,
      'scale config: the training program builds this model for these tokens (--scale <this>)',
    );
    const id = modelName(String(model.value));
    if (id) out.add('model.id', id, model, `model: ${String(model.value)}`, 'medium');
    const n = doc.num('params')!;
    out.add('model.params', n, params, `params: ${n} (stated by the config)`);
    readTokens(doc, out);
    const batch = doc.get('global_bs') ?? doc.get('global_batch_size');
    const b = doc.num(batch?.path ?? '');
    if (batch && b && b > 0 && Number.isInteger(b))
      out.add('training.globalBatch', b, batch, `${batch.key}: ${b} sequences a step`);
    out.add('training.mode', 'pretrain', params, 'a scale config names no checkpoint: trained from scratch', 'medium');
    out.add('model.fromScratch', true, params, 'a scale config names no checkpoint to start from', 'medium');
    readFsdpFlags(doc, out);
  },
};

const SCALE_KEYS = new Set(['model', 'params', 'params_no_embed', 'tokens', 'chinchilla_multiplier', 'global_bs']);
/** Keys that would load weights (a fine-tune's config): such a config is not read here. */
const CHECKPOINT_KEYS = ['pretrained', 'resume', 'checkpoint', 'load_path', 'init_from'];

/** Folder names that say nothing of the family (`configs/`, `model_configs/`). */
const GENERIC_FOLDER = /^(?:|model|models|arch|archs|architecture|architectures|training|train)$/;

function modelName(path: string): string | undefined {
  const trimmed = path.trim();
  if (trimmed.length === 0 || trimmed.length > 300) return undefined;
  const parts = trimmed.split('/');
  const stem = (parts.pop() ?? '').replace(/\.(?:json|ya?ml)$/i, '');
  if (!/^[\w.=+-]{1,120}$/.test(stem)) return undefined;
  const folder = (parts.pop() ?? '').replace(/[-_]?configs?$/i, '');
  const normal = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (GENERIC_FOLDER.test(folder.toLowerCase()) || !/^[\w.-]{1,60}$/.test(folder)) return stem;
  return normal(stem).includes(normal(folder)) ? stem : `${folder}-${stem}`;
}

function readTokens(doc: ConfigDoc, out: FactSink): void {
  const tokens = doc.get('tokens')!;
  const n = doc.num('tokens')!;
  const multiplier = doc.get('chinchilla_multiplier');
  const m = doc.num('chinchilla_multiplier');
  if (multiplier && m !== undefined && m > 0 && Number.isFinite(m) && m !== 1) {
    out.add(
      'training.tokens',
      Math.round(n * m),
      multiplier,
      `tokens ${n} × chinchilla_multiplier ${m} (the program trains the product)`,
    );
    return;
  }
  out.add('training.tokens', n, tokens, `tokens: ${n}${multiplier ? ' × chinchilla_multiplier 1' : ''}`);
}

function readFsdpFlags(doc: ConfigDoc, out: FactSink): void {
  for (let i = 0; i < 64; i++) {
    const flag: ConfigValue | undefined = doc.get(`fsdp_flags.${i}`);
    if (!flag) return;
    const v = typeof flag.value === 'string' ? flag.value.trim() : '';
    if (v === '--fsdp-amp' || v === '--fsdp-pure-bf16') {
      out.add(
        'training.precision',
        'bf16',
        flag,
        `${v}: open_lm wraps the model in a bfloat16 FSDP MixedPrecision policy`,
      );
      return;
    }
  }
}
