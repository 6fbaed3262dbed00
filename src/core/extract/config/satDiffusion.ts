import type { ConfigDialect, ConfigDoc, ConfigValue, FactSink } from './dialect';

/**
 * SwissArmyTransformer (SAT) diffusion configs, as the video and image models built on SAT and Stability's `sgm`
 * modules ship them (`python train_video.py --base configs/<model>.yaml configs/sft.yaml`, `python sample_video.py
 * --base configs/<model>.yaml configs/inference.yaml`): the program merges the configs given with `--base` in order
 * (OmegaConf), builds the model from the `model:` section and takes the rest of its arguments (SAT's `--mode`,
 * `--train-iters`, `--bf16`, the DeepSpeed section) from the `args:` and `deepspeed:` sections.
 *
 * Two kinds of file, each read alone:
 * - a model config: `model.network_config` (`target` + `params`) written straight under `model:` (SAT's engine takes
 *   the section as keyword arguments; the latent-diffusion/sgm Lightning configs, with `model.target`, are
 *   instantiateConfig.ts). It is the file that picks the run's model and whether it trains LoRA adapters
 *   (`lora_config` among the network's mixins, or `not_trainable_prefixes: ['all']` freezing the rest): a LoRA
 *   config is a training run, one without LoRA the definition the sampling program loads. Named by its file (the
 *   configs name no model: `cogvideo_5b_lora.yaml` → `cogvideo-5b`), sized from the network's settings (below).
 *   When no launch pairs it, the shared settings file beside it that such repositories ship for that use is read
 *   with it, if present (`sft.yaml` for a LoRA config, `inference.yaml` for one without).
 * - a shared settings file: an `args:` section with SAT's `mode` (pretrain / finetune / inference, as SAT's
 *   arguments.py `--mode` choices) and its train or sampling switches: no model, so no run alone; merged with a
 *   model config, it says the mode (inference; finetune from the checkpoint `load` names). Its steps
 *   (`train_iters`) and precision (`deepspeed.bf16.enabled`, `args.bf16`) are the generic table's reading.
 */

/** The network's settings: `num_layers` blocks of width `hidden_size`. */
const NETWORK = 'model.network_config';
const PARAMS = `${NETWORK}.params`;
const MODULES = `${PARAMS}.modules`;

const positiveInteger = (n: number | undefined): n is number => n !== undefined && Number.isInteger(n) && n > 0;

/**
 * Parameters of a SAT diffusion transformer: per block, SAT's BaseTransformerLayer holds attention (q, k, v and the
 * output projection: 4·d²) and an MLP of inner width 4·d (8·d²); an `adaln_layer_config` mixin adds one modulation
 * Linear(time_embed_dim, 12·d) per block (shift, scale and gate for attention and MLP, for the text and the video
 * tokens; THUDM/CogVideo sat/dit_video_concat.py AdaLNMixin, the same layout as diffusers' CogVideoXBlock with two
 * CogVideoXLayerNormZero of 6·d each). Embeddings, norms and the final layer are left out (under 1%). Checked against
 * the published names: 30 blocks × 1920 with time_embed_dim 512 give 1.68B ("CogVideoX-2B"), 42 × 3072 give 5.55B
 * ("CogVideoX-5B"; arXiv:2408.06072).
 */
function ditParams(layers: number, d: number, timeEmbed: number | undefined): number {
  return layers * (12 * d * d + (timeEmbed !== undefined ? 12 * timeEmbed * d : 0));
}

/** Words of a config's file name that say how it is used, not which model: dropped from the model's name. */
const USE_WORDS = /(?:[_-](?:lora|sft|finetune|full|train|inference|sample|sampling))+$/i;

/** `cogvideo_5b_lora.yaml` → `cogvideo-5b`; `test_x.yaml` → `x`. Undefined for a name that is no identifier. */
export function modelNameOfConfigFile(path: string): string | undefined {
  const stem = /([^/\\]+)\.ya?ml$/i.exec(path)?.[1];
  if (!stem || !/^[\w.-]{1,100}$/.test(stem)) return undefined;
  const name = stem
    .replace(/^(?:test|debug)[_-]/i, '')
    .replace(USE_WORDS, '')
    .replace(/_/g, '-');
  return /[a-z]/i.test(name) ? name.toLowerCase() : undefined;
}

/** LoRA in a SAT model config: a `lora_config` mixin, or every weight frozen (`not_trainable_prefixes: ['all']`). */
function loraOf(doc: ConfigDoc): ConfigValue | undefined {
  const mixin = doc.get(`${MODULES}.lora_config`);
  if (mixin?.shape === 'map') return mixin;
  const frozen = doc.get('model.not_trainable_prefixes');
  if (frozen?.shape === 'seq' && doc.str('model.not_trainable_prefixes.0') === 'all') return frozen;
  return undefined;
}

export const satModelConfig: ConfigDialect = {
  name: 'sat',
  words: ['network_config'],
  detect: (doc) =>
    doc.get('model.target') === undefined &&
    typeof doc.str(`${NETWORK}.target`) === 'string' &&
    doc.get(PARAMS)?.shape === 'map' &&
    positiveInteger(doc.num(`${PARAMS}.num_layers`)) &&
    positiveInteger(doc.num(`${PARAMS}.hidden_size`)),
  owns: (path) => path === 'model' || path.startsWith('model.'),
  read(doc: ConfigDoc, out: FactSink, file?: { readonly path: string }): void {
    const network = doc.get(`${NETWORK}.target`)!;
    out.add('run.framework', 'sat', network, `SwissArmyTransformer model config (${String(network.value)})`);
    const name = file ? modelNameOfConfigFile(file.path) : undefined;
    if (name) out.add('model.id', name, network, `${name}: the model this config builds (named by its file)`, 'medium');
    const layers = doc.num(`${PARAMS}.num_layers`)!;
    const hidden = doc.num(`${PARAMS}.hidden_size`)!;
    const adaLn = doc.get(`${MODULES}.adaln_layer_config`)?.shape === 'map';
    const timeEmbed = doc.num(`${PARAMS}.time_embed_dim`);
    const t = adaLn && positiveInteger(timeEmbed) ? timeEmbed : undefined;
    const params = ditParams(layers, hidden, t);
    out.add(
      'model.params',
      params,
      doc.get(`${PARAMS}.hidden_size`)!,
      `diffusion transformer: ${layers} blocks × (12·${hidden}²${t ? ` + 12·${t}·${hidden} adaLN` : ''}) ≈ ${(params / 1e9).toFixed(2)}B (SAT block layout; the frozen text encoder and VAE not counted)`,
      'medium',
    );
    const lora = loraOf(doc);
    if (lora) {
      const rank = doc.num(`${MODULES}.lora_config.params.r`);
      out.add(
        'training.mode',
        'lora',
        lora,
        lora.shape === 'map'
          ? `lora_config mixin${positiveInteger(rank) ? ` (r ${rank})` : ''}: LoRA adapters trained on the pretrained network`
          : "not_trainable_prefixes: ['all']: the network is frozen, only the adapters train",
      );
      out.add('launch.trainer', 'config:sat', network, 'SAT model config with LoRA: the training program runs it');
    } else {
      out.add(
        'training.mode',
        'inference',
        network,
        'SAT model config without LoRA: the definition the sampling program loads with a checkpoint',
        'low',
      );
      out.add('launch.inference', 'config:sat', network, 'SAT model config: the sampling program builds it');
    }
    const shared = lora ? 'sft.yaml' : 'inference.yaml';
    out.add(
      'link.config',
      shared,
      network,
      `the shared ${lora ? 'training' : 'sampling'} settings merged with this config (${shared} beside it), if present`,
      'low',
    );
  },
};

/** SAT's `--mode` choices (SwissArmyTransformer arguments.py). */
const SAT_MODES = new Set(['pretrain', 'finetune', 'inference']);
/** Switches only SAT's arguments have: a training or a sampling job's settings. */
const SAT_SWITCHES = ['force_train', 'force_inference', 'train_iters'];

export const satSharedSettings: ConfigDialect = {
  name: 'sat-settings',
  words: SAT_SWITCHES,
  detect: (doc) =>
    doc.get('args')?.shape === 'map' &&
    SAT_MODES.has(doc.str('args.mode') ?? '') &&
    doc.get('model') === undefined &&
    SAT_SWITCHES.some((k) => doc.has(`args.${k}`)),
  owns: (path) => path === 'args.mode',
  read(doc: ConfigDoc, out: FactSink): void {
    const mode = doc.get('args.mode')!;
    if (mode.value === 'inference')
      out.add('training.mode', 'inference', mode, 'args.mode: inference (SAT samples from the loaded checkpoint)');
    else if (mode.value === 'finetune')
      out.add(
        'training.mode',
        'finetune',
        mode,
        `args.mode: finetune${doc.str('args.load') ? ' (weights loaded from args.load)' : ''}`,
        'medium',
      );
    else out.add('training.mode', 'pretrain', mode, 'args.mode: pretrain', 'medium');
  },
};
