import { findModel } from '../../knowledge';
import type { ConfigDialect, ConfigDoc, FactSink } from './dialect';
import { hubIdInPath, sizeFromName } from './dialect';
import { catalogIdForRepoName } from './hubNames';

/**
 * litgpt configs (`config_hub/finetune/<model>/lora.yaml|qlora.yaml|full.yaml`,
 * `config_hub/pretrain/*.yaml`), the YAML form of `litgpt finetune|pretrain` arguments
 * (jsonargparse): `checkpoint_dir` holds a downloaded Hub checkpoint for fine-tuning,
 * `model_name`/`model_config` name or define the architecture to pre-train, `train.*` bound
 * the run, `eval.*` only its evaluations.
 *
 * What makes it a run: a model (checkpoint_dir, model_name or model_config) with `train:`
 * settings and `out_dir`, the shape every litgpt entry point reads.
 * Modes: `lora_*` keys are the LoRA recipe (finetune_lora), with `quantize: bnb.nf4|fp4*` the
 * base is 4-bit (QLoRA, litgpt tutorials/quantize.md); without adapter keys a checkpoint is
 * fully fine-tuned; `pretrain` starts from random weights unless `initial_checkpoint_dir` is set.
 */

/** litgpt architecture names (litgpt/config.py `name=`) whose Hub repository name differs. */
const LITGPT_NAMES: Readonly<Record<string, string>> = {
  // config.py: name "tiny-llama-1.1b{}" with hf_config TinyLlama-1.1B{}: the 3T-token checkpoint's architecture.
  'tiny-llama-1.1b': 'TinyLlama/TinyLlama-1.1B-intermediate-step-1431k-3T',
};

/** litgpt.data modules that load a Hub dataset by default (their `repo_id` field). */
const DATA_MODULES: Readonly<Record<string, string>> = {
  Alpaca2k: 'mhenrichsen/alpaca_2k_test',
  LIMA: 'GAIR/lima',
};

/** litgpt's MLP classes with a gate: three d × intermediate matrices, not two. */
const GATED_MLP = /^(LLaMAMLP|GemmaMLP|LLaMAMoE)$/;

export const litgpt: ConfigDialect = {
  name: 'litgpt',
  words: ['out_dir'],
  detect: (doc) =>
    doc.has('out_dir') &&
    (doc.has('checkpoint_dir') || doc.has('model_name') || doc.has('model_config')) &&
    (doc.get('train')?.shape === 'map' || doc.has('precision')),
  owns: (path) =>
    path === 'model_name' ||
    path === 'devices' ||
    path === 'model_config.intermediate_size' ||
    path === 'model_config.block_size' ||
    path === 'model_config.name',
  read(doc: ConfigDoc, out: FactSink): void {
    const checkpoint = doc.get('checkpoint_dir');
    const modelName = doc.get('model_name');
    const anchor = checkpoint ?? modelName ?? doc.get('model_config') ?? doc.get('out_dir')!;
    out.add('run.framework', 'litgpt', anchor, `litgpt config (${anchor.key})`);

    const pretraining = !checkpoint || typeof checkpoint.value !== 'string';
    if (checkpoint && typeof checkpoint.value === 'string') {
      const hub = hubIdInPath(checkpoint.value);
      const folder =
        checkpoint.value
          .replace(/(?<!\/)\/+$/, '')
          .split('/')
          .pop() ?? '';
      const id = hub ? (findModel(hub)?.id ?? catalogIdForRepoName(folder) ?? hub) : catalogIdForRepoName(folder);
      if (id) {
        out.add('model.id', id, checkpoint, `checkpoint_dir: ${checkpoint.value}`);
        out.add('model.fromScratch', false, checkpoint, 'litgpt fine-tunes the checkpoint in checkpoint_dir');
        if (!findModel(id)) addSizeFromName(id, checkpoint, out);
      } else
        out.add('model.id', null, checkpoint, `checkpoint_dir: ${checkpoint.value} does not name a Hub repository`);
    } else if (typeof modelName?.value === 'string' && modelName.value) {
      const id =
        LITGPT_NAMES[modelName.value.toLowerCase()] ?? catalogIdForRepoName(modelName.value) ?? modelName.value;
      out.add(
        'model.id',
        id,
        modelName,
        `model_name: ${modelName.value} (litgpt architecture${id !== modelName.value ? ` of ${id}` : ''})`,
      );
      if (!findModel(id) && !doc.has('model_config.n_layer')) addSizeFromName(modelName.value, modelName, out);
    }
    readInlineConfig(doc, out);

    // Training length and precision.
    const tokens = doc.get('train.max_tokens');
    const t = doc.num('train.max_tokens');
    if (tokens && t && t > 0) out.add('training.tokens', t, tokens, `train.max_tokens: ${t}`);
    const devices = doc.get('devices');
    if (devices) {
      const n = doc.num('devices');
      if (n && n > 0) out.add('hardware.devices', n, devices, `devices: ${n}`);
      else
        out.add(
          'hardware.devices',
          null,
          devices,
          `devices: ${String(devices.value)} (all GPUs of the machine it runs on)`,
        );
    }
    const seq = doc.num('train.max_seq_length');
    const block = doc.get('model_config.block_size');
    const b = doc.num('model_config.block_size');
    // Without train.max_seq_length litgpt trains on the model's whole block_size.
    if (!seq && block && b)
      out.add('training.seqLen', b, block, `model_config.block_size: ${b} (train.max_seq_length not set)`, 'medium');
    const dataClass = doc.str('data.class_path') ?? doc.str('data');
    const dataset = dataClass ? DATA_MODULES[dataClass.slice(dataClass.lastIndexOf('.') + 1)] : undefined;
    if (dataset)
      out.add(
        'training.dataset',
        dataset,
        doc.get('data.class_path') ?? doc.get('data')!,
        `data: ${dataClass} loads ${dataset}`,
      );

    // Mode.
    const quantize = doc.get('quantize');
    const q = typeof quantize?.value === 'string' ? quantize.value : '';
    const lora = doc.get('lora_r') ?? doc.entries().find((e) => /^lora_/.test(e.key));
    if (!pretraining && lora) {
      const fourBit = /^bnb\.(nf4|fp4)/.test(q);
      out.add(
        'training.mode',
        fourBit ? 'qlora' : 'lora',
        fourBit ? quantize! : lora,
        fourBit
          ? `quantize: ${q} with LoRA (${lora.key}): QLoRA`
          : `${lora.key}: the LoRA recipe (frozen base, adapters trained)`,
      );
    } else if (!pretraining) {
      out.add(
        'training.mode',
        'finetune',
        checkpoint,
        'no adapter settings: all weights of the checkpoint are fine-tuned',
        'medium',
      );
    } else {
      const initial = doc.get('initial_checkpoint_dir');
      if (typeof initial?.value === 'string' && initial.value) {
        out.add(
          'training.mode',
          'finetune',
          initial,
          `initial_checkpoint_dir: ${initial.value}: pre-training continues from these weights`,
        );
      } else {
        out.add(
          'training.mode',
          'pretrain',
          anchor,
          'litgpt pretrain from random initialisation (no initial_checkpoint_dir)',
        );
        out.add('model.fromScratch', true, anchor, 'litgpt pretrain initialises the model randomly');
      }
    }
    if (doc.get('train')?.shape === 'map')
      out.add('launch.trainer', `config:litgpt`, anchor, `litgpt ${pretraining ? 'pretrain' : 'finetune'} config`);
  },
};

function addSizeFromName(name: string, at: Parameters<FactSink['add']>[2], out: FactSink): void {
  const size = sizeFromName(name);
  if (size)
    out.add('model.params', size.params, at, `${name}: ${size.written} parameters, the size its name states`, 'medium');
}

/** `model_config:` written inline: sizes the generic table reads, with litgpt's gated MLPs counted right. */
function readInlineConfig(doc: ConfigDoc, out: FactSink): void {
  const intermediate = doc.get('model_config.intermediate_size');
  const i = doc.num('model_config.intermediate_size');
  if (!intermediate || !i) return;
  const mlp = doc.str('model_config.mlp_class_name') ?? 'GptNeoxMLP';
  out.add('model.ffnSize', i, intermediate, `model_config.intermediate_size: ${i}`);
  // The size formula counts 2 × d × ffn; a gated MLP has 3 × d × intermediate. Said as a fact of its own so the
  // resolver counts the gate once, also over a catalog row that is gated itself.
  const mlpAt = doc.get('model_config.mlp_class_name');
  if (GATED_MLP.test(mlp) && mlpAt)
    out.add(
      'model.gatedFfn',
      true,
      mlpAt,
      `model_config.mlp_class_name ${mlp}: a gated MLP (3 matrices of d × intermediate_size)`,
    );
}
