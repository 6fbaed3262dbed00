import { relativePath, type ConfigDialect, type ConfigDoc, type ConfigValue, type FactSink } from './dialect';
import { autoencoderParams, diffusionModuleSize, sgmEngineSize, temporalUnet } from './diffusionUnetParams';
import { findModelByName } from '../../knowledge';
import { transformerModuleSize } from './instantiatedTransformerParams';

/**
 * The `target:` / `params:` instantiate-from-config dialect of latent-diffusion, Stable Diffusion and
 * Stability's generative-models (sgm): `python main.py --base cfg.yaml` builds every object with
 * `instantiate_from_config` (`target` names a class, `params` its keyword arguments) and hands the
 * `lightning.trainer` section to a PyTorch Lightning Trainer. Keys read:
 *
 * - `model.target` (the LightningModule: DiffusionEngine, LatentDiffusion, AutoencoderKL, ...) and the
 *   network it trains (`model.params.network_config.target` in sgm, `unet_config.target` in
 *   latent-diffusion). The module's class names the model (`LatentDiffusion`, `DiffusionEngine`, `AutoencoderKL`):
 *   it is what the config builds and the checkpoint holds, and its size counts every network it builds, while
 *   the network class (`UNetModel`) is the same in every diffusion config and tells none apart.
 * - the module's size from the constructor settings (diffusionUnetParams.ts): the UNet of `unet_config`, plus the
 *   first stage and conditioning encoder where the config sizes them; an autoencoder's from its `ddconfig`.
 * - `model.params.ckpt_path` (or `init_ckpt`, or a pretrained pipeline the module wraps and trains, its
 *   `pretrained_model_name_or_path`): weights loaded into the module itself (a fine-tune / continued run). The
 *   nested first-stage and conditioner configs load their own frozen checkpoints; they do not make the
 *   trained network pretrained. A `personalization_config` (textual inversion) learns embeddings on a
 *   pretrained checkpoint the launch names: a fine-tune. Otherwise the network is built from scratch:
 *   pre-training.
 * - `lightning.trainer`: `max_epochs`, `max_steps` (-1 = unset), `precision` (16 / "16-mixed" / "bf16" /
 *   "bf16-mixed" / 32), `devices` (a count, or "0," / "0,1" / [0, 1]: a list of GPU indices, as main.py
 *   passes it on), `num_nodes`, `accumulate_grad_batches`.
 * - `data.params.batch_size`: the loader's batch (per device under DDP).
 *
 * A file with only `model:` is what a sampling script loads (`OmegaConf.load(cfg)` then `instantiate_from_config
 * (cfg.model)` and the checkpoint beside it): when its module samples from a network it builds (`unet_config` /
 * `network_config`: a diffusion model), the file is that inference run's definition (the configs the released
 * checkpoints ship with, the `*-eval.yaml` and `v2` configs the scripts and notebooks name). A module without one (a
 * first-stage autoencoder the diffusion configs load by `ckpt_path`) is a component: no run alone. Only the
 * `lightning:` section makes a file a training run.
 */

const TRAINER = 'lightning.trainer';
/** A config file named for inference or sampling (`v2-inference.yaml`, `sampling_512.yaml`), by its base name. */
function namedForSampling(path: string): boolean {
  const base = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  return /inference|sampling/i.test(base);
}
const NETWORK_KEYS = ['network_config', 'unet_config'];

export const instantiateConfig: ConfigDialect = {
  name: 'instantiate-config',
  words: ['lightning', 'unet_config', 'network_config', 'target:'],
  detect: (doc) =>
    typeof doc.str('model.target') === 'string' &&
    doc.get('model.params')?.shape === 'map' &&
    (doc.get('lightning')?.shape === 'map' || networkOf(doc) !== undefined || buildsItsData(doc)),
  owns: (path) => path.startsWith('model.') || path.startsWith('lightning.') || path.startsWith('data.'),
  read(doc: ConfigDoc, out: FactSink, file?: { readonly path: string }): void {
    const module = doc.get('model.target')!;
    // A definition named for sampling (`v2-inpainting-inference.yaml`) that kept the `lightning:` section of the
    // config it was copied from is still what the sampling scripts load: its name says what it is for.
    const namedForInference = file !== undefined && namedForSampling(file.path);
    // A model and the data it is trained on, both built from the config (`data: target: ...DataModuleFromConfig`),
    // with no `lightning:` section: the whole run a `main.py --base <this> -t` trains, the trainer left at its defaults.
    const trainsWithoutTrainerSection =
      doc.get('lightning')?.shape !== 'map' &&
      buildsItsData(doc) &&
      !namedForInference &&
      !(file !== undefined && savedBesideCheckpoint(file.path));
    // A model and data saved beside a checkpoint whose module samples from no network (a first-stage autoencoder):
    // a component the diffusion configs load, no run alone (as a model-only file of it is).
    if (doc.get('lightning')?.shape !== 'map' && !trainsWithoutTrainerSection && networkOf(doc) === undefined) return;
    if (
      (doc.get('lightning')?.shape !== 'map' && !trainsWithoutTrainerSection) ||
      (namedForInference && networkOf(doc) !== undefined)
    ) {
      readSamplingDefinition(doc, module, out, doc.get('lightning')?.shape === 'map', file?.path);
      return;
    }
    out.add(
      'run.framework',
      'instantiate-config',
      module,
      trainsWithoutTrainerSection
        ? 'instantiate-from-config training config (model and data target/params; no lightning section: the trainer keeps its defaults)'
        : 'instantiate-from-config training config (target/params, lightning.trainer)',
    );
    readModel(doc, module, out, file?.path);
    readLength(doc, out);
    readPrecision(doc, out);
    readDevices(doc, out);
    const batch = doc.get('data.params.batch_size');
    const b = doc.num('data.params.batch_size');
    if (batch && b && b > 0 && Number.isInteger(b))
      out.add('training.batchPerDevice', b, batch, `data.params.batch_size: ${b}`);
    const accumulate = doc.get(`${TRAINER}.accumulate_grad_batches`);
    const a = doc.num(`${TRAINER}.accumulate_grad_batches`);
    if (accumulate && a && a > 1 && Number.isInteger(a))
      out.add('training.gradientAccumulation', a, accumulate, `accumulate_grad_batches: ${a}`);
    out.add(
      'launch.trainer',
      'config:instantiate-config',
      doc.get(TRAINER) ?? doc.get('lightning') ?? module,
      'training config a Lightning main.py (--base) builds the model, data and trainer from',
    );
  },
};

/** `sgm.modules.diffusionmodules.openaimodel.UNetModel` → UNetModel. */
function className(target: string): string | undefined {
  const last = target.split('.').pop() ?? '';
  return /^[A-Za-z_][\w]{0,80}$/.test(last) ? last : undefined;
}

/**
 * `data:` built from the config as the model is (`target:` a data module class, `params:` its settings): with
 * `model:` the file defines a whole training run, what a `--base` program hands to its trainer. A model-only file is
 * a definition a sampling program loads; a file whose model is a component (a loss, a first stage) has no data.
 */
function buildsItsData(doc: ConfigDoc): boolean {
  return typeof doc.str('data.target') === 'string' && doc.get('data.params')?.shape === 'map';
}

/**
 * A class named only as some kind of model (`VQModel`, `VQSegmentationModel`: a `...Model`) says what it is through
 * its module (`taming.models.vqgan.VQModel` is a VQGAN): named with the module's last part, `vqgan.VQModel`. A class
 * whose own name says what it is (`LatentDiffusion`, `AutoencoderKL`) keeps its name.
 */
function qualifiedName(target: string, name: string): string {
  if (!/Model$/.test(name)) return name;
  const parts = target.split('.');
  const module = parts.length >= 2 ? parts[parts.length - 2] : '';
  if (!/^[A-Za-z_]\w{0,60}$/.test(module) || /^(models?|modules?|networks?|nets?|arch)$/i.test(module)) return name;
  if (name.toLowerCase().includes(module.toLowerCase().replace(/_/g, ''))) return name;
  return `${module}.${name}`;
}

/**
 * The config saved beside a released or trained checkpoint, by the name the checkpoint folders give it
 * (`models/ldm/<name>/config.yaml` next to its `model.ckpt`): the training program writes the model and data sections
 * there and the trainer's apart, so a missing `lightning:` says nothing; what loads it is a sampling script. Read as
 * before: a definition. Only the base name is looked at (a workspace's own folders say nothing).
 */
function savedBesideCheckpoint(path: string): boolean {
  return /(?:^|[/\\])config\.ya?ml$/i.test(path);
}

function networkOf(doc: ConfigDoc): ConfigValue | undefined {
  return NETWORK_KEYS.map((k) => doc.get(`model.params.${k}.target`)).find(
    (v): v is ConfigValue => typeof v?.value === 'string',
  );
}

/** A model-only config of a sampling module: the definition an inference script instantiates. */
function readSamplingDefinition(
  doc: ConfigDoc,
  module: ConfigValue,
  out: FactSink,
  named = false,
  path?: string,
): void {
  out.add(
    'run.framework',
    'instantiate-config',
    module,
    named
      ? 'instantiate-from-config model definition named for inference (its lightning section is left from training)'
      : 'instantiate-from-config model definition (target/params, no lightning section)',
  );
  nameModel(doc, module, out, path);
  if (!readNetworkPrecision(doc, out)) samplingAutocast(doc, module, out);
  out.add(
    'launch.inference',
    'config:instantiate-config',
    module,
    `model definition a sampling script builds with instantiate_from_config (${String(module.value)})`,
  );
  out.add(
    'training.mode',
    'inference',
    module,
    named
      ? 'a model definition named for inference: loaded to sample from a checkpoint'
      : 'a model-only config (no lightning trainer section): loaded to sample from a checkpoint',
    'medium',
  );
}

/**
 * The UNet's own dtype switches (`unet_config.params.use_fp16: True`, `use_bf16: True`): the openaimodel UNet casts
 * its torso to that dtype, `self.dtype = th.float16 if use_fp16 else th.float32` (openai/guided-diffusion,
 * guided_diffusion/unet.py UNetModel, the class latent-diffusion's openaimodel.py descends from; later forks add
 * `use_bf16` beside it). `use_fp16: False` with no bf16 switch runs it in float32. A sampling script may still
 * autocast around it; what the config says is what is read here.
 */
function readNetworkPrecision(doc: ConfigDoc, out: FactSink): boolean {
  for (const key of NETWORK_KEYS) {
    const bf16 = doc.get(`model.params.${key}.params.use_bf16`);
    const fp16 = doc.get(`model.params.${key}.params.use_fp16`);
    if (bf16?.value === true) {
      out.add('training.precision', 'bf16', bf16, `${key}.params.use_bf16: True (the UNet runs in bfloat16)`);
      return true;
    }
    if (fp16?.value === true) {
      out.add('training.precision', 'fp16', fp16, `${key}.params.use_fp16: True (the UNet runs in float16)`);
      return true;
    }
    if (fp16?.value === false) {
      out.add('training.precision', 'fp32', fp16, `${key}.params.use_fp16: False (the UNet runs in float32)`, 'medium');
      return true;
    }
  }
  return false;
}

/**
 * A Stable Diffusion sampling definition whose UNet sets no dtype switch at all: the Stable Diffusion sampling
 * programs run the model under `torch.autocast("cuda")` unless told otherwise (CompVis/stable-diffusion
 * scripts/txt2img.py and img2img.py: `--precision` with choices full/autocast, default autocast; the same default in
 * the SD 2 scripts), so it computes in float16. Read only for the releases named above, whose configs are what those
 * programs load; an explicit `use_fp16: False` (the CPU/IPEX configs) stays float32.
 */
function samplingAutocast(doc: ConfigDoc, module: ConfigValue, out: FactSink): void {
  const name = className(String(module.value));
  const release = name ? stableDiffusionRelease(doc, name) : undefined;
  if (!release) return;
  out.add(
    'training.precision',
    'fp16',
    module,
    `${release} sampling definition without use_fp16: Stable Diffusion's sampling programs autocast to float16 on CUDA by default (--precision autocast)`,
    'low',
  );
}

/**
 * Names the model by the module the config builds (the network it trains or samples from is one of its parts) and
 * sizes it where the constructor settings allow.
 */
function nameModel(doc: ConfigDoc, module: ConfigValue, out: FactSink, path?: string): ConfigValue {
  const network = networkOf(doc);
  const name = className(String(module.value));
  const release = name ? stableDiffusionRelease(doc, name) : undefined;
  if (name && release)
    out.add(
      'model.id',
      release,
      module,
      release === 'stable-diffusion-v1'
        ? `${name} over a 320-channel UNet (context_dim 768) conditioned by the CLIP ViT-L/14 text encoder (FrozenCLIPEmbedder): the Stable Diffusion v1 architecture`
        : `${name} over an SD 2 UNet (model_channels ${doc.num('model.params.unet_config.params.model_channels')}, context_dim 1024) conditioned by the OpenCLIP text encoder: the ${release} architecture`,
      'medium',
    );
  else if (name && engineName(doc, name))
    out.add(
      'model.id',
      engineName(doc, name)!,
      module,
      `the engine the config builds (${String(module.value)}), named with the network it runs (${String(network?.value)})${weightsStem(doc) ? ` and the weights its ckpt_path loads` : ''}`,
      'medium',
    );
  else if (name) {
    const qualified = qualifiedName(String(module.value), name);
    const variant = path ? configVariant(path, qualified) : undefined;
    out.add(
      'model.id',
      variant ? `${qualified} (${variant})` : qualified,
      module,
      (network
        ? `the module the config builds: ${String(module.value)} (its network: ${String(network.value)})`
        : `the module the config builds: ${String(module.value)}`) +
        (variant ? `; the config's name tells which ${qualified} it is (${variant})` : ''),
      'medium',
    );
  }
  readSize(doc, module, out);
  return module;
}

/** Base names that name no variant: a checkpoint folder's `config.yaml`, a stage's `train.yaml`, a resolution. */
const GENERIC_STEM =
  /^(?:configs?|defaults?|base|model|train(?:ing)?|inference|sampling|eval|test|main|[\dx_.-]{1,20})$/i;
/** Folders that only hold configs (`configs/`), which name nothing either. */
const GENERIC_FOLDER = /^(?:configs?|conf|yaml|yamls|options|models?|\.)?$/i;
const VARIANT = /^[A-Za-z0-9][\w.-]{0,79}$/;

/**
 * Which model of the class the config builds: one module class (`LatentDiffusion`, `AutoencoderKL`, `VQModel`) is
 * built by every config of these repositories, and what tells them apart is the config's own name, the way their
 * READMEs and checkpoint folders name the models (`configs/latent-diffusion/celebahq-ldm-vq-4.yaml`, a released
 * checkpoint's `models/ldm/cin256/config.yaml`). The file's stem, or, when the stem names nothing (`config`, `train`,
 * a resolution such as `768x768`), the folder holding it. Undefined when neither names anything or the name is already
 * in the class's.
 */
function configVariant(path: string, qualified: string): string | undefined {
  const parts = path.split(/[/\\]/).filter((p) => p !== '');
  const stem = (parts[parts.length - 1] ?? '').replace(/\.ya?ml$/i, '');
  const folder = parts.length >= 2 ? parts[parts.length - 2] : '';
  const variant = !GENERIC_STEM.test(stem) ? stem : !GENERIC_FOLDER.test(folder) ? folder : undefined;
  if (!variant || !VARIANT.test(variant)) return undefined;
  const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  return squash(qualified).includes(squash(variant)) ? undefined : variant;
}

/**
 * generative-models (sgm) builds every model with one generic class, `DiffusionEngine`, around the network of
 * `network_config` (an image `UNetModel`, a `VideoUNet`, ...): the engine's class alone tells no two models apart,
 * so the name adds the network's class and, when the engine loads released weights itself (`model.params.ckpt_path:
 * checkpoints/svd_xt.safetensors`), the weights file's name: `DiffusionEngine (VideoUNet, svd_xt)`. Undefined for a
 * module that builds its network from `unet_config` (latent-diffusion's classes name themselves).
 */
function engineName(doc: ConfigDoc, name: string): string | undefined {
  const network = doc.str('model.params.network_config.target');
  const networkClass = network ? className(network) : undefined;
  if (!networkClass) return undefined;
  const weights = weightsStem(doc);
  return `${name} (${networkClass}${weights ? `, ${weights}` : ''})`;
}

/**
 * The file name, without folder and extension, of the weights `model.params.ckpt_path` loads, when it is a path to a
 * weights file (`.ckpt`, `.safetensors`, `.pt`, `.pth`, `.bin`); a placeholder (`CKPT_PATH`) or an interpolation is not one.
 */
function weightsStem(doc: ConfigDoc): string | undefined {
  const path = doc.str('model.params.ckpt_path');
  if (!path || path.length > 300) return undefined;
  const m = /(?:^|[/\\])([A-Za-z0-9][\w.-]{0,80})\.(?:ckpt|safetensors|pt|pth|bin)$/.exec(path.trim());
  return m ? m[1] : undefined;
}

/**
 * Stable Diffusion 2's architecture, told by what the 2.x release changed: the text encoder is OpenCLIP ViT-H/14
 * (`FrozenOpenCLIPEmbedder`, whose 1024-wide tokens the UNet cross-attends to: `context_dim: 1024`), where 1.x used
 * CLIP ViT-L/14 (`FrozenCLIPEmbedder`, 768). Source: the Stability-AI/stablediffusion README, News of November 2022
 * (SD 2.0 keeps 1.5's UNet size and changes the text encoder to OpenCLIP ViT-H), and the released checkpoints' model cards
 * (huggingface.co/stabilityai/stable-diffusion-2, -2-inpainting, -2-depth, -x4-upscaler, -2-1-unclip), each one of
 * these modules: LatentDiffusion, LatentInpaintDiffusion, LatentDepth2ImageDiffusion, LatentUpscaleDiffusion,
 * ImageEmbeddingConditionedLatentDiffusion. Only the ldm diffusion modules (a class named `...Diffusion`) are named
 * so; a module of another project built on the same UNet (ControlNet's `ControlLDM`) keeps its own name.
 */
const SD2_RELEASES: readonly (readonly [RegExp, string])[] = [
  [/^LatentInpaintDiffusion$/, 'stable-diffusion-2-inpainting'],
  [/^LatentDepth2ImageDiffusion$/, 'stable-diffusion-2-depth'],
  [/^LatentUpscaleDiffusion$/, 'stable-diffusion-x4-upscaler'],
  [/^ImageEmbeddingConditionedLatentDiffusion$/, 'stable-diffusion-2-1-unclip'],
  [/^LatentDiffusion$/, 'stable-diffusion-2'],
];

/**
 * Stable Diffusion 1's architecture: `LatentDiffusion` over a 320-channel UNet cross-attending to the 768-wide tokens of
 * CLIP ViT-L/14 (`FrozenCLIPEmbedder`, `context_dim: 768`). Source: the CompVis/stable-diffusion README and the v1
 * model cards (huggingface.co/CompVis/stable-diffusion-v1-4: "a downsampling-factor 8 autoencoder with an 860M UNet and
 * CLIP ViT-L/14 text encoder"). Only the plain text-to-image module is named so.
 */
function stableDiffusion1Release(doc: ConfigDoc, name: string): string | undefined {
  if (name !== 'LatentDiffusion') return undefined;
  if (!/(^|\.)FrozenCLIPEmbedder$/.test(doc.str('model.params.cond_stage_config.target') ?? '')) return undefined;
  if (doc.num('model.params.unet_config.params.context_dim') !== 768) return undefined;
  if (doc.num('model.params.unet_config.params.model_channels') !== 320) return undefined;
  return 'stable-diffusion-v1';
}

function stableDiffusionRelease(doc: ConfigDoc, name: string): string | undefined {
  // A video UNet built on Stable Diffusion's (temporal layers switched on): another model, not the image release.
  if (temporalUnet(doc, 'model.params.unet_config.params')) return undefined;
  const v1 = stableDiffusion1Release(doc, name);
  if (v1) return v1;
  const release = SD2_RELEASES.find(([re]) => re.test(name))?.[1];
  if (!release) return undefined;
  if (!/(^|\.)FrozenOpenCLIPEmbedder$/.test(doc.str('model.params.cond_stage_config.target') ?? '')) return undefined;
  if (doc.num('model.params.unet_config.params.context_dim') !== 1024) return undefined;
  return release;
}

/** Networks sized from their constructor settings: the key a size is read at, and the layout it is counted with. */
const MODULE_SIZERS = [
  {
    size: diffusionModuleSize,
    at: 'model.params.unet_config.params.model_channels',
    layout: 'openaimodel UNet layout',
  },
  {
    size: sgmEngineSize,
    at: 'model.params.network_config.params.model_channels',
    layout: 'generative-models UNet layout',
  },
  { size: transformerModuleSize, at: 'model.params.transformer_config.params.n_embd', layout: 'minGPT layout' },
] as const;

function readSize(doc: ConfigDoc, module: ConfigValue, out: FactSink): void {
  for (const { size: sizeOf, at, layout } of MODULE_SIZERS) {
    const size = sizeOf(doc);
    if (!size) continue;
    out.add(
      'model.params',
      size.params,
      doc.get(at) ?? module,
      `${className(String(module.value)) ?? 'module'}: ${size.detail} (counted from the constructor settings, ${layout})`,
      'medium',
    );
    return;
  }
  // No network the constructor settings size: the engine that loads released weights itself (`ckpt_path:
  // checkpoints/svd_xt.safetensors`) is that release, whose size the catalog row named by the weights file gives.
  const released = engineName(doc, className(String(module.value)) ?? '') ? weightsStem(doc) : undefined;
  const row = released ? findModelByName(released) : undefined;
  if (row) {
    out.add(
      'model.params',
      row.params,
      doc.get('model.params.ckpt_path') ?? module,
      `the weights its ckpt_path loads (${released}) are the released ${row.id}: ${(row.params / 1e9).toFixed(2)}B (catalog)`,
      'medium',
    );
    return;
  }
  const target = String(module.value);
  if (!doc.has('model.params.ddconfig')) return;
  const ae = autoencoderParams(doc, 'model.params', target);
  if (ae !== undefined)
    out.add(
      'model.params',
      ae,
      doc.get('model.params.ddconfig.ch') ?? module,
      `${className(target) ?? 'autoencoder'}: encoder + decoder from ddconfig = ${(ae / 1e6).toFixed(1)}M (counted from the constructor settings)`,
      'medium',
    );
}

/**
 * Keys of `model.params` naming weights the module itself starts from: latent-diffusion's `ckpt_path`, and the
 * `init_ckpt` / `init_from` / `pretrained_ckpt` of modules that continue an earlier stage's checkpoint (a
 * reconstruction model initialised from the first stage's `last.ckpt`).
 */
const MODULE_START_KEYS = ['ckpt_path', 'init_ckpt', 'init_from', 'pretrained_ckpt', 'init_checkpoint'];
/** Sub-configs of frozen parts (autoencoder, conditioning encoders): a checkpoint there is not the trained module's. */
const FROZEN_PART =
  /(?:^|\.)(?:first_stage|cond_stage|conditioner|\w*encoder\w*|\w*embedder\w*|loss\w*)(?:_config)?(?:\.|$)/;
/** Entries of model.params walked for a pretrained network the module wraps (bounded for hostile input). */
const MAX_WALK = 2000;

/** Where the trained module's starting weights are named: a start key of model.params, or a Hub id it wraps. */
function moduleStart(doc: ConfigDoc): ConfigValue | undefined {
  for (const key of MODULE_START_KEYS) {
    const v = doc.get(`model.params.${key}`);
    if (typeof v?.value === 'string' && v.value.trim() !== '') return v;
  }
  // `model: {pretrained_checkpoint: checkpoints/x/model.ckpt, target: …}` (VideoCrafter and DynamiCrafter: their
  // trainer loads `model_cfg.pretrained_checkpoint` into the built module before fitting, main/utils_train.py).
  const beside = doc.get('model.pretrained_checkpoint');
  if (typeof beside?.value === 'string' && beside.value.trim() !== '') return beside;
  // A pretrained pipeline the module is built around and trains (`stable_diffusion_config:
  // pretrained_model_name_or_path: org/model`), not one of a frozen part's.
  let seen = 0;
  for (const v of doc.walk()) {
    if (++seen > MAX_WALK) break;
    if (!v.path.startsWith('model.params.') || v.key !== 'pretrained_model_name_or_path') continue;
    if (FROZEN_PART.test(v.path.slice('model.params.'.length))) continue;
    if (typeof v.value === 'string' && v.value.trim() !== '') return v;
  }
  return undefined;
}

function readModel(doc: ConfigDoc, module: ConfigValue, out: FactSink, path?: string): void {
  const named = nameModel(doc, module, out, path);
  const ckpt = moduleStart(doc);
  if (ckpt) {
    out.add('training.mode', 'finetune', ckpt, `${ckpt.path}: the module starts from ${String(ckpt.value)}`, 'medium');
    return;
  }
  // Textual-inversion / DreamBooth configs (`personalization_config`) learn new embeddings on a Stable Diffusion
  // checkpoint the launch names (`--actual_resume model.ckpt`): a fine-tune of a pretrained model.
  const personalization = doc.get('model.params.personalization_config');
  if (personalization) {
    out.add(
      'training.mode',
      'finetune',
      personalization,
      'personalization_config: embeddings learnt on a pretrained checkpoint the launch loads',
      'medium',
    );
    return;
  }
  out.add(
    'model.fromScratch',
    true,
    named,
    'no ckpt_path for the trained module: its network is built from the config',
  );
  out.add(
    'training.mode',
    'pretrain',
    named,
    'the trained network is built from the config (no ckpt_path loads its weights)',
    'medium',
  );
}

function readLength(doc: ConfigDoc, out: FactSink): void {
  const epochs = doc.get(`${TRAINER}.max_epochs`);
  const e = doc.num(`${TRAINER}.max_epochs`);
  if (epochs && e && e > 0 && Number.isInteger(e)) out.add('training.epochs', e, epochs, `trainer max_epochs: ${e}`);
  const steps = doc.get(`${TRAINER}.max_steps`);
  const s = doc.num(`${TRAINER}.max_steps`);
  // Lightning's max_steps -1 means "not set".
  if (steps && s && s > 0 && Number.isInteger(s)) out.add('training.steps', s, steps, `trainer max_steps: ${s}`);
}

/** Lightning's precision values (lightning.ai docs, Trainer precision): 16/"16-mixed", "bf16"/"bf16-mixed", 32/"32-true", 64. */
function readPrecision(doc: ConfigDoc, out: FactSink): void {
  // Also beside the trainer section (`lightning: {precision: 16, trainer: {...}}`: VideoCrafter-style trainers pass
  // `lightning_config.precision` to the Trainer's `precision`).
  const p = doc.get(`${TRAINER}.precision`) ?? doc.get('lightning.precision');
  if (!p || p.shape !== 'scalar') return;
  const v = String(p.value).trim().toLowerCase();
  const precision = /^bf16/.test(v)
    ? 'bf16'
    : /^(16|16-mixed|16-true|half)$/.test(v)
      ? 'fp16'
      : /^(32|32-true|64|64-true)$/.test(v)
        ? 'fp32'
        : undefined;
  if (precision) out.add('training.precision', precision, p, `trainer precision: ${String(p.value)}`);
}

/**
 * `devices: 0,` is the string "0," main.py passes on as a list of GPU indices (one GPU); `devices: 4` a count;
 * `devices: [0, 1]` two GPUs. "-1" / "auto" (every visible GPU) leaves the count unknown.
 */
function readDevices(doc: ConfigDoc, out: FactSink): void {
  const devices = doc.get(`${TRAINER}.devices`) ?? doc.get(`${TRAINER}.gpus`);
  if (devices) {
    let n: number | undefined;
    if (devices.shape === 'seq') n = countSeq(doc, relativePath(doc, devices.path));
    else if (typeof devices.value === 'number' && Number.isInteger(devices.value) && devices.value > 0)
      n = devices.value;
    else if (typeof devices.value === 'string' && /^\s*\d{1,4}(\s*,\s*\d{1,4}){0,63}\s*,?\s*$/.test(devices.value)) {
      const parts = devices.value.split(',').filter((x) => x.trim() !== '');
      // "4" alone is a count in Lightning; with a comma it is a list of indices.
      n = devices.value.includes(',') ? parts.length : Number(parts[0]);
    }
    if (n && n > 0)
      out.add(
        'hardware.devices',
        n,
        devices,
        devices.shape === 'seq'
          ? `trainer ${devices.key}: a list of ${n}`
          : `trainer ${devices.key}: ${String(devices.value)}`,
      );
  }
  const nodes = doc.get(`${TRAINER}.num_nodes`);
  const k = doc.num(`${TRAINER}.num_nodes`);
  if (nodes && k && k > 0 && Number.isInteger(k)) out.add('hardware.nodes', k, nodes, `trainer num_nodes: ${k}`);
}

function countSeq(doc: ConfigDoc, path: string): number | undefined {
  let n = 0;
  while (n < 1024 && doc.has(`${path}.${n}`)) n++;
  return n > 0 ? n : undefined;
}
