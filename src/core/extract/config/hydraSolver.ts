import { globalPackage } from './hydraExperiment';
import type { ConfigDialect, ConfigDoc, ConfigValue, FactSink } from './dialect';

/**
 * Keys of solver-style Hydra config trees (Dora / flashy solvers, as AudioCraft lays them out: `config/solver/...`
 * composed over `solver/default.yaml`, `/model: ...` and `/dset: ...` groups; `dora run solver=<name>` or a grid
 * launches them). Every file of such a tree is written in the global package (`# @package _global_` or
 * `__global__`), so a key means the same wherever it sits, and the composed run draws each key from the first file
 * that states it (hydraExperiment.ts links the defaults list). Read here:
 *
 * - `optim.updates_per_epoch`: the optimizer updates of one epoch (a solver's "epoch" is a fixed number of updates,
 *   not a pass over the data), so `optim.epochs` × this is the run's length.
 * - `autocast` with `autocast_dtype`: the solver's mixed precision (float16 / bfloat16); `autocast: false` runs in
 *   the model's own dtype (`dtype`, float32 unless the file says otherwise).
 * - `fsdp.use: true` with `fsdp.param_dtype`: FSDP's mixed-precision parameters (the solver's autocast is then off).
 * - The width of the language model a model group builds: `<name>_lm.dim` (`transformer_lm.dim`; its depth,
 *   `num_layers`, is read by the generic sizing table).
 * - `solver: <name>`: the training loop the builders pick, named after the model family it trains (musicgen,
 *   audiogen, diffusion, ...); read as the model's name when nothing else names it (low confidence).
 */

const DTYPES: Readonly<Record<string, 'fp16' | 'bf16' | 'fp32'>> = {
  float16: 'fp16',
  half: 'fp16',
  fp16: 'fp16',
  bfloat16: 'bf16',
  bf16: 'bf16',
  float32: 'fp32',
  float: 'fp32',
  fp32: 'fp32',
};
/** A section of the config that configures a language model (`transformer_lm`, `transformer_lm_magnet`). */
const LM_SECTION = /^(?:\w{1,40}_lm|transformer_lm\w{0,40})$/;
/** Top-level keys looked at for language-model sections. */
const MAX_TOP_KEYS = 512;

const dtypeOf = (v: ConfigValue | undefined) =>
  v && typeof v.value === 'string' ? DTYPES[v.value.trim().toLowerCase()] : undefined;

export const hydraSolver: ConfigDialect = {
  name: 'hydra-solver',
  words: ['@package'],
  detect: (doc) =>
    globalPackage(doc) &&
    (doc.has('optim.updates_per_epoch') ||
      typeof doc.get('autocast')?.value === 'boolean' ||
      doc.get('fsdp.use')?.value === true ||
      typeof doc.str('solver') === 'string' ||
      lmSections(doc).length > 0),
  read(doc: ConfigDoc, out: FactSink): void {
    const perEpoch = doc.get('optim.updates_per_epoch');
    const n = doc.num('optim.updates_per_epoch');
    if (perEpoch && n && n > 0 && Number.isInteger(n))
      out.add('training.stepsPerEpoch', n, perEpoch, `optim.updates_per_epoch: ${n} (updates in one solver epoch)`);
    readPrecision(doc, out);
    for (const section of lmSections(doc)) {
      const dim = doc.get(`${section.key}.dim`);
      const d = doc.num(`${section.key}.dim`);
      if (dim && d && d > 0 && Number.isInteger(d)) {
        out.add('model.hiddenSize', d, dim, `${section.key}.dim: ${d} (the language model's width)`);
        break;
      }
    }
    const solver = doc.get('solver');
    const name = doc.str('solver');
    if (solver && name && /^[A-Za-z][\w-]{0,60}$/.test(name) && !out.facts.some((f) => f.kind === 'model.id'))
      out.add('model.id', name, solver, `solver: ${name} (the training loop of this model family)`, 'low');
  },
};

function lmSections(doc: ConfigDoc): ConfigValue[] {
  return doc
    .entries()
    .slice(0, MAX_TOP_KEYS)
    .filter((e) => e.shape === 'map' && LM_SECTION.test(e.key));
}

function readPrecision(doc: ConfigDoc, out: FactSink): void {
  const fsdp = doc.get('fsdp.use');
  const param = doc.get('fsdp.param_dtype');
  const fsdpDtype = dtypeOf(param);
  if (fsdp?.value === true && param && fsdpDtype) {
    out.add('training.precision', fsdpDtype, param, `fsdp.use with param_dtype ${String(param.value)}`);
    return;
  }
  const autocast = doc.get('autocast');
  if (typeof autocast?.value !== 'boolean') return;
  if (autocast.value) {
    const dtype = doc.get('autocast_dtype');
    const p = dtypeOf(dtype);
    if (dtype && p) out.add('training.precision', p, dtype, `autocast with autocast_dtype ${String(dtype.value)}`);
    return;
  }
  const own = doc.get('dtype');
  const p = own ? dtypeOf(own) : 'fp32';
  if (p)
    out.add(
      'training.precision',
      p,
      own ?? autocast,
      own ? `autocast: false, dtype ${String(own.value)}` : 'autocast: false (the model runs in its float32 weights)',
    );
}
