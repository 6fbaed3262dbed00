import type { ConfigDialect, ConfigDoc, ConfigValue, FactSink } from './dialect';
import { unetParams } from './diffusionUnetParams';

/**
 * NeMo (1.x, Megatron-based) training configs (`examples/nlp/language_modeling/conf/
 * megatron_gpt_config.yaml`, NeMo-Framework-Launcher `conf/training/gpt3/*.yaml`): a Lightning
 * `trainer:` block, an `exp_manager:`, and the Megatron model under `model:` (`encoder_seq_length`,
 * `num_layers`, `hidden_size`, `ffn_hidden_size`, `micro_batch_size`, `global_batch_size`).
 *
 * What makes it a run: model sizes and a training length (`trainer.max_steps`).
 * Defaults (NeMo's megatron_gpt_config.yaml): `position_embedding_type: learned_absolute`,
 * `share_embeddings_and_output_weights: True`, `activation: gelu`, GPT-2 BPE tokenizer,
 * `make_vocab_size_divisible_by: 128`. Mode: pre-training unless `restore_from_path` (a .nemo
 * checkpoint) or `model.peft` (LoRA) says it starts from trained weights.
 */

/** A model name with its size in it (`megatron_gpt_1.3b`, `gpt3_5b`, `llama_7B`). */
const SIZED_NAME = /^[A-Za-z][\w.-]{0,40}[_-]\d{1,4}(?:\.\d{1,2})?[bBmM]$/;
const GATED = /^(fast-)?(swiglu|geglu|reglu)$/;

export const nemo: ConfigDialect = {
  name: 'nemo',
  words: ['exp_manager', 'encoder_seq_length'],
  detect: (doc) =>
    doc.get('trainer')?.shape === 'map' &&
    doc.get('model')?.shape === 'map' &&
    (doc.has('exp_manager') || doc.has('model.encoder_seq_length')),
  // Positions depend on position_embedding_type; `trainer.max_epochs: 1000` is Lightning's placeholder ("max_steps is reached first").
  owns: (path) =>
    path === 'model.max_position_embeddings' || path === 'model.ffn_hidden_size' || path === 'trainer.max_epochs',
  read(doc: ConfigDoc, out: FactSink): void {
    const layers = doc.get('model.num_layers');
    const anchor = layers ?? doc.get('trainer')!;
    out.add('run.framework', 'nemo', anchor, 'NeMo Megatron config (trainer, exp_manager, model)');
    // `name: megatron_gpt_1.3b`: the experiment's name, which names the model when it states its size (NeMo's own
    // configs use the bare `megatron_gpt`, which names no model and is left out). Low: a model the program states wins.
    const name = doc.str('name');
    if (name && name.length <= 80 && SIZED_NAME.test(name))
      out.add('model.id', name, doc.get('name')!, `name: ${name}`, 'low');
    const seq = doc.get('model.encoder_seq_length');
    const seqN = doc.num('model.encoder_seq_length');
    if (seq && seqN) out.add('training.seqLen', seqN, seq, `model.encoder_seq_length: ${seqN}`);

    const positionType = doc.str('model.position_embedding_type') ?? 'learned_absolute';
    const positions = doc.get('model.max_position_embeddings');
    const p = doc.num('model.max_position_embeddings');
    if (positionType === 'learned_absolute' && positions && p)
      out.add(
        'model.learnedPositions',
        p,
        positions,
        `${p} learned absolute positions (position_embedding_type ${doc.has('model.position_embedding_type') ? 'learned_absolute' : 'defaults to learned_absolute'})`,
      );

    const ffn = doc.get('model.ffn_hidden_size');
    const f = doc.num('model.ffn_hidden_size');
    const activation = doc.str('model.activation') ?? 'gelu';
    if (ffn && f)
      out.add(
        'model.ffnSize',
        GATED.test(activation) ? 1.5 * f : f,
        ffn,
        GATED.test(activation)
          ? `ffn_hidden_size ${f} with gated ${activation} (3 matrices: counted as ${1.5 * f})`
          : `model.ffn_hidden_size: ${f}`,
      );
    const shared = doc.get('model.share_embeddings_and_output_weights');
    if (shared?.value === false)
      out.add('model.untiedHead', true, shared, 'share_embeddings_and_output_weights: false');

    const tokenizer = doc.str('model.tokenizer.type');
    if (
      tokenizer === 'GPT2BPETokenizer' ||
      (tokenizer === undefined && doc.str('model.tokenizer.library') === 'megatron')
    ) {
      const multiple =
        (doc.num('model.make_vocab_size_divisible_by') ?? 128) * (doc.num('model.tensor_model_parallel_size') ?? 1);
      const padded = Math.ceil(50257 / multiple) * multiple;
      out.add(
        'model.vocabSize',
        padded,
        doc.get('model.tokenizer.type') ?? doc.get('model.tokenizer')!,
        `GPT2BPETokenizer: 50,257 tokens padded to ${padded}`,
        'low',
      );
    }

    // NeMo multimodal diffusion configs build the UNet with Hydra's `_target_` and its arguments beside it
    // (`model.unet_config: {_target_: ...openaimodel.UNetModel, model_channels: 320, ...}`): the openaimodel layout
    // the target/params configs use (diffusionUnetParams.ts). The UNet is what the steps train; the autoencoder and
    // the text encoder around it are not counted here.
    const unetTarget = doc.str('model.unet_config._target_');
    const unet = unetTarget && /(^|\.)UNetModel$/.test(unetTarget) ? unetParams(doc, 'model.unet_config') : undefined;
    if (unet !== undefined)
      out.add(
        'model.params',
        unet,
        doc.get('model.unet_config.model_channels') ?? doc.get('model.unet_config')!,
        `UNetModel: ${(unet / 1e6).toFixed(1)}M (counted from the constructor settings, openaimodel UNet layout; autoencoder and text encoder not counted)`,
        'medium',
      );

    const restore = doc.get('restore_from_path') ?? doc.get('model.restore_from_path');
    // NeMo-Aligner-style `pretrained_checkpoint: {restore_from_path: null}`: a section the program loads its starting
    // weights from, filled in at launch (`null` or OmegaConf's mandatory `???` here): the run starts from a trained model.
    const pretrained = doc.get('pretrained_checkpoint.restore_from_path');
    const peft = doc.str('model.peft.peft_scheme');
    const steps = doc.num('trainer.max_steps');
    const sized = layers !== undefined && doc.has('model.hidden_size');
    if (peft && /lora/i.test(peft))
      out.add('training.mode', 'lora', doc.get('model.peft.peft_scheme')!, `model.peft.peft_scheme: ${peft}`);
    else if (restore?.value === '???') {
      // The checkpoint is given at launch; it is trained on only where something trains (an evaluation config
      // loads it the same way: nemoInference below).
      if (trains(doc))
        out.add(
          'training.mode',
          'finetune',
          restore,
          `${restore.path}: ??? (a checkpoint given at launch is trained on)`,
        );
    } else if (typeof restore?.value === 'string' && restore.value)
      out.add('training.mode', 'finetune', restore, `${restore.path}: training starts from ${restore.value}`);
    else if (pretrained && (pretrained.value === null || pretrained.value === '???' || pretrained.value === '')) {
      if (trains(doc))
        out.add(
          'training.mode',
          'finetune',
          pretrained,
          'pretrained_checkpoint.restore_from_path: the checkpoint training starts from is given at launch',
          'medium',
        );
    } else if (typeof pretrained?.value === 'string' && pretrained.value)
      out.add('training.mode', 'finetune', pretrained, `${pretrained.path}: training starts from ${pretrained.value}`);
    else if (sized && steps) {
      out.add(
        'training.mode',
        'pretrain',
        anchor,
        'NeMo Megatron model built from these sizes (no restore_from_path)',
        'medium',
      );
      out.add('model.fromScratch', true, anchor, 'NeMo initialises the Megatron model (init_method_std)', 'medium');
    }
    // NeMo-Aligner-style algorithm blocks (`trainer.dpo.max_epochs: 1`, `trainer.max_epochs: ${.dpo.max_epochs}`, `max_steps: -1`):
    // a bounded number of passes trains as surely as a step count (Lightning's 1000 placeholder is not one).
    const epochs = doc.num('trainer.max_epochs');
    const bounded = (steps !== undefined && steps > 0) || (epochs !== undefined && epochs > 0 && epochs < 1000);
    if ((sized || peft || restore?.value || pretrained) && bounded)
      out.add('launch.trainer', 'config:nemo', anchor, 'NeMo training config');
  },
};

/** A top-level key naming the checkpoint an evaluation or serving program loads (`gpt_model_file`, `rm_model_file`). */
const MODEL_FILE_KEY = /^\w{1,40}_model_file$/;

/**
 * NeMo evaluation and serving configs (NeMo's `examples/nlp/language_modeling/conf/megatron_gpt_eval.yaml` and the
 * reward-model or generation servers built on it): a Lightning `trainer:` block (devices, num_nodes, precision) to
 * place the model, the checkpoint to load (`gpt_model_file`, `rm_model_file`, `pretrained_checkpoint.restore_from_path`)
 * or an `inference:` block (port, batch sizes), and nothing that trains: no `exp_manager` (NeMo's logging and
 * checkpointing of a training run), no optimizer (`model.optim`, `optim`), no positive `trainer.max_steps`. The run
 * it defines is inference; precision and device counts are read by the generic table.
 */
export const nemoInference: ConfigDialect = {
  name: 'nemo-inference',
  words: ['_model_file', 'pretrained_checkpoint', 'inference'],
  detect: (doc) =>
    doc.get('trainer')?.shape === 'map' &&
    doc.has('trainer.precision') &&
    (doc.has('trainer.devices') || doc.has('trainer.num_nodes')) &&
    !trains(doc) &&
    loadedCheckpoint(doc) !== undefined,
  read(doc: ConfigDoc, out: FactSink): void {
    const at = loadedCheckpoint(doc)!;
    out.add(
      'run.framework',
      'nemo',
      doc.get('trainer')!,
      'NeMo evaluation/serving config (trainer, no exp_manager, no optimizer)',
    );
    out.add('training.mode', 'inference', at, `${at.path}: a trained model is loaded and nothing trains it`, 'medium');
    out.add('launch.inference', 'config:nemo', at, 'NeMo evaluation/serving config');
  },
};

/** Something in the config trains: NeMo's experiment manager, an optimizer, a positive step budget. */
function trains(doc: ConfigDoc): boolean {
  return (
    doc.has('exp_manager') || doc.has('model.optim') || doc.has('optim') || (doc.num('trainer.max_steps') ?? 0) > 0
  );
}

function loadedCheckpoint(doc: ConfigDoc): ConfigValue | undefined {
  const file = doc.entries().find((e) => MODEL_FILE_KEY.test(e.key) && e.shape === 'scalar');
  if (file) return file;
  const pretrained = doc.get('pretrained_checkpoint.restore_from_path');
  if (pretrained) return pretrained;
  const inference = doc.get('inference');
  return inference?.shape === 'map' ? inference : undefined;
}
