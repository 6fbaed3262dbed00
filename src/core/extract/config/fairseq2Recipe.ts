import type { ConfigDialect, ConfigDoc, ConfigValue, FactSink } from './dialect';
import { positiveIntegerAt } from './dialect';
import { normalisePrecision } from '../precision';

/**
 * fairseq2 recipe configs (facebookresearch/fairseq2 ≥ 0.5: `python -m recipes.lm.sft --config-file x.yaml`,
 * `recipes/<task>/configs/*.yaml`): YAML overlays on a recipe's config dataclass, in sections a fairseq2 recipe
 * reads (src/fairseq2/recipe/config.py at 027bdebc): `model` (`name` of an asset card: a pretrained checkpoint, or
 * `family` + `arch` with `name: null`: that architecture built from scratch, `config_overrides` over it; family `hg`
 * with `config_overrides.hf_name`: a Hugging Face checkpoint), `pretrained_model.name` (the encoder a fine-tune
 * starts from, wav2vec2 ASR), `trainer.mixed_precision` (`mode` static/auto/off, `dtype`, default static bfloat16),
 * `regime.num_steps` / `regime.num_data_epochs`, `gang` (the process group). Read here:
 * - the config is a training run (`launch.trainer`) when it has a `regime` or `gang` section;
 * - the model: an asset name translated to its Hugging Face id (the asset cards' `checkpoint: hg://...`, e.g.
 *   `olmo-2-0425-1b` → allenai/OLMo-2-0425-1B; Llama cards name no checkpoint and follow Meta's release names),
 *   else the name as written; a layer count in `config_overrides` resizes it;
 * - mode: a named checkpoint or a pretrained encoder is a fine-tune, an architecture with no name is pre-training;
 * - precision: `mixed_precision.dtype`, or fairseq2's default (MixedPrecisionConfig: mode "static", dtype
 *   torch.bfloat16) when the section does not turn it off.
 */

/** fairseq2 asset names → Hugging Face ids (fairseq2 src/fairseq2/assets/cards/models/*.yaml, commit 027bdebc). */
const ASSET_IDS: ReadonlyArray<readonly [RegExp, (m: RegExpExecArray) => string]> = [
  [/^llama3_2_(1b|3b)(_instruct)?$/, (m) => `meta-llama/Llama-3.2-${m[1].toUpperCase()}${m[2] ? '-Instruct' : ''}`],
  [
    /^llama3_1_(8b|70b|405b)(_instruct)?$/,
    (m) => `meta-llama/Llama-3.1-${m[1].toUpperCase()}${m[2] ? '-Instruct' : ''}`,
  ],
  [/^llama3_(8b|70b)(_instruct)?$/, (m) => `meta-llama/Meta-Llama-3-${m[1].toUpperCase()}${m[2] ? '-Instruct' : ''}`],
  [/^llama2_(7b|13b|70b)(_chat)?$/, (m) => `meta-llama/Llama-2-${m[1]}${m[2] ? '-chat' : ''}-hf`],
  [/^qwen25_(\d{1,3}(?:\.\d)?b)(_instruct)?$/, (m) => `Qwen/Qwen2.5-${m[1].toUpperCase()}${m[2] ? '-Instruct' : ''}`],
  [/^qwen3_(\d{1,3}(?:\.\d)?b)(_base)?$/, (m) => `Qwen/Qwen3-${m[1].toUpperCase()}${m[2] ? '-Base' : ''}`],
  [
    /^olmo-2-(\d{4})-(\d{1,3}b)(-instruct)?$/,
    (m) => `allenai/OLMo-2-${m[1]}-${m[2].toUpperCase()}${m[3] ? '-Instruct' : ''}`,
  ],
  [/^gemma3n_(e2b|e4b)(_instruct)?$/, (m) => `google/gemma-3n-${m[1].toUpperCase()}${m[2] ? '-it' : ''}`],
  [/^mistral_7b(_instruct)?$/, (m) => (m[1] ? 'mistralai/Mistral-7B-Instruct-v0.1' : 'mistralai/Mistral-7B-v0.1')],
  // wav2vec 2.0 encoders, and the ASR models fine-tuned from them (the same encoder with a CTC head).
  [/^wav2vec2(?:_asr)?_base(?:_\w{1,20})?$/, () => 'facebook/wav2vec2-base'],
  [/^wav2vec2(?:_asr)?_large(?:_\w{1,20})?$/, () => 'facebook/wav2vec2-large-960h'],
];

/**
 * The model an architecture names: its own name (`llama3_2_1b`), or within its family (`wav2vec2` + `large`);
 * undefined for a bare size word with no family (the recipe's default family), and for a name no asset follows.
 */
export function fairseq2ArchId(arch: string, family?: string): string | undefined {
  const own = fairseq2ModelId(arch);
  if (own !== arch.trim()) return own;
  if (family) {
    const joined = `${family.trim()}_${arch.trim()}`;
    const id = fairseq2ModelId(joined);
    if (id !== joined) return id;
  }
  return undefined;
}

/** The Hugging Face id of a fairseq2 asset name, or the name itself. */
export function fairseq2ModelId(name: string): string {
  const bare = name.trim().slice(0, 200);
  for (const [pattern, id] of ASSET_IDS) {
    const m = pattern.exec(bare);
    if (m) return id(m);
  }
  return bare;
}

/** A torch dtype's spelling (`torch.float16`, `bfloat16`) as a precision; only the three a trainer computes in. */
export function torchDtypePrecision(raw: unknown): string | undefined {
  const p = typeof raw === 'string' ? normalisePrecision(raw.trim()) : null;
  return p === 'fp16' || p === 'bf16' || p === 'fp32' ? p : undefined;
}

function named(doc: ConfigDoc, path: string): { value: string; at: ConfigValue } | undefined {
  const at = doc.get(path);
  return at && typeof at.value === 'string' && at.value.trim() !== '' ? { value: at.value.trim(), at } : undefined;
}

export const fairseq2Recipe: ConfigDialect = {
  name: 'fairseq2',
  words: ['regime', 'gang'],
  detect: (doc) =>
    (doc.get('regime')?.shape === 'map' || doc.get('gang')?.shape === 'map') &&
    (doc.get('model')?.shape === 'map' || doc.get('pretrained_model')?.shape === 'map'),
  owns: (path) => /^(?:model|pretrained_model|regime|trainer|gang)\./.test(path),
  read(doc: ConfigDoc, out: FactSink): void {
    const modelName = named(doc, 'model.name');
    const hfName = doc.str('model.family') === 'hg' ? named(doc, 'model.config_overrides.hf_name') : undefined;
    const pretrained = named(doc, 'pretrained_model.name');
    const arch = named(doc, 'model.arch');
    const checkpoint = modelName ?? hfName;
    if (checkpoint) {
      const id = hfName ? hfName.value : fairseq2ModelId(checkpoint.value);
      out.add(
        'model.id',
        id,
        checkpoint.at,
        id === checkpoint.value
          ? `${checkpoint.at.path}: the checkpoint the recipe loads`
          : `${checkpoint.at.path}: ${checkpoint.value}, fairseq2's asset for ${id}`,
        'high',
      );
      out.add('model.fromScratch', false, checkpoint.at, `${checkpoint.at.path}: a pretrained checkpoint is loaded`);
    } else if (pretrained) {
      const id = fairseq2ModelId(pretrained.value);
      out.add('model.id', id, pretrained.at, `pretrained_model.name: ${pretrained.value}, the encoder fine-tuned`);
      out.add(
        'model.fromScratch',
        false,
        pretrained.at,
        `pretrained_model.name: the model starts from ${pretrained.value}`,
      );
    } else if (arch) {
      // An architecture name of its own (`llama3_2_1b`), or one within its family (`wav2vec2` + `large`); a bare size
      // word with no family (the recipe's default family) names no model.
      const id = fairseq2ArchId(arch.value, named(doc, 'model.family')?.value);
      const bareSize = /^(?:tiny|small|base|medium|large|xl|xxl|huge)$/i.test(arch.value);
      out.add(
        'model.id',
        id ?? (bareSize ? null : arch.value),
        arch.at,
        id || !bareSize
          ? `model.arch: ${arch.value} built from its configuration (no checkpoint named)`
          : `model.arch: ${arch.value} of the recipe's default model family (set model.family to name it)`,
        id ? 'high' : 'medium',
      );
      out.add('model.fromScratch', true, arch.at, 'model.name is not set: the architecture is trained from scratch');
    }
    const layers = positiveIntegerAt(doc, 'model.config_overrides.num_layers');
    if (layers && !hfName)
      out.add('model.layers', layers.n, layers.at, `model.config_overrides.num_layers: ${layers.n}`, 'high');

    const steps = positiveIntegerAt(doc, 'regime.num_steps');
    if (steps) out.add('training.steps', steps.n, steps.at, `regime.num_steps: ${steps.n}`);
    const epochs = positiveIntegerAt(doc, 'regime.num_data_epochs');
    if (epochs) out.add('training.epochs', epochs.n, epochs.at, `regime.num_data_epochs: ${epochs.n}`);

    const mode = doc.str('trainer.mixed_precision.mode');
    const dtype = doc.get('trainer.mixed_precision.dtype');
    const stated = torchDtypePrecision(dtype?.value);
    if (mode === 'off') {
      const modelDtype = doc.get('model.dtype');
      const precision = torchDtypePrecision(modelDtype?.value);
      if (precision && modelDtype)
        out.add('training.precision', precision, modelDtype, `mixed precision off: the model's dtype ${precision}`);
    } else if (stated && dtype)
      out.add('training.precision', stated, dtype, `trainer.mixed_precision.dtype: ${stated}`);
    else
      out.add(
        'training.precision',
        'bf16',
        doc.get('trainer') ?? doc.get('regime') ?? doc.get('gang')!,
        "fairseq2's default mixed precision (MixedPrecisionConfig: mode static, dtype torch.bfloat16)",
        'low',
      );
    out.add(
      'launch.trainer',
      'config:fairseq2',
      doc.get('regime') ?? doc.get('gang')!,
      'a fairseq2 recipe config (model, regime): the recipe trains with it',
    );
  },
};
