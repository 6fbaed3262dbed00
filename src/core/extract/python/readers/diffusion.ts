import type { Node } from 'web-tree-sitter';
import type { PythonReadContext } from '../context';
import type { FileRule } from '../rules';

/**
 * Stable-Diffusion-family programs (kohya-ss/sd-scripts and the trainers built on its `library` package, and
 * diffusers-based scripts): the checkpoint is a required flag with no default, but each program builds one
 * architecture family, chosen by the modules it imports (`sdxl_train_util`, `flux_utils`, `lumina_util`) or the
 * pipeline class it loads, and an SD 1.x U-Net unless a switch (`--v2`, `--sdxl`, off by default) is given. The
 * family fixes the size of the denoiser the compute is spent on; where the checkpoint decides the depth (SD3/SD3.5
 * medium or large) or the family is not catalogued, nothing is said and the size stays unknown.
 */

/** A program run as main: only its own text decides (library modules hold every family's helpers). */
const MAIN_GUARD = /^if[ \t]+__name__[ \t]*==[ \t]*["']__main__["']/m;
/** A module that defines network classes is a model library (its main block is a self-test), not a program. */
const DEFINES_MODULES = /^class[ \t]+\w+[ \t]*\([ \t]*[\w.]{0,100}(?:module|model|linear|conv[123]d)[ \t]*[,)]/im;

interface Family {
  /** What the program's text shows when it builds this family. */
  readonly marker: RegExp;
  /** The catalog row sized for the family, or null when its size is decided by the checkpoint. */
  readonly id: string | null;
  readonly why: string;
}

/**
 * Families share parts (FLUX/Lumina/SD3 trainers reuse SDXL helpers and FLUX's autoencoder): the family the
 * program names most often is the one it builds. Markers are bounded words (no nested quantifiers), and each is
 * global so its matches can be counted.
 */
const FAMILIES: readonly Family[] = [
  {
    // Families built on FLUX's or SDXL's parts (their autoencoder, helpers) but sized by their own checkpoints.
    marker: /\bhunyuan_image_(?:utils|train_utils|models)\b/g,
    id: 'tencent/HunyuanImage-2.1',
    why: 'HunyuanImage-2.1 architecture (its modules)',
  },
  {
    marker: /\banima_(?:utils|train_utils|models)\b/g,
    id: 'circlestone-labs/Anima',
    why: 'Anima architecture (its modules: a Cosmos-Predict2 2B DiT)',
  },
  {
    // Other Hunyuan families (HunyuanVideo, Hunyuan-DiT): not catalogued, so the size stays unknown.
    marker: /\bhunyuan(?!_image_)\w{0,20}_(?:utils|train_utils|models)\b/g,
    id: null,
    why: 'a diffusion family whose size is not catalogued',
  },
  {
    marker: /\bflux_(?:utils|train_utils|models)\b|\bFlux\w{0,40}Pipeline\b|\bFluxTransformer2DModel\b/g,
    id: 'black-forest-labs/FLUX.1-dev',
    why: 'FLUX.1 architecture (its modules or pipeline), sized as FLUX.1 [dev]: schnell is the same 12B transformer',
  },
  {
    marker: /\blumina_(?:util|train_util|models)\b|\bLumina2\w{0,40}Pipeline\b|\bLumina2Transformer2DModel\b/g,
    id: 'Alpha-VLLM/Lumina-Image-2.0',
    why: 'Lumina-Image 2.0 architecture (its modules or pipeline)',
  },
  {
    // SD3/SD3.5: the MMDiT depth is read from the checkpoint (medium or large), so the family is named and its size
    // stays unknown (`SD3` is no catalog row).
    marker: /\bsd3_(?:utils|train_utils|models)\b|\bStableDiffusion3\w{0,40}Pipeline\b|\bSD3Transformer2DModel\b/g,
    id: 'SD3',
    why: 'SD3/SD3.5 architecture: its depth (medium or large) is read from the checkpoint given at launch',
  },
  {
    marker: /\bsdxl_(?:train_util|model_util|original_unet)\b|\bStableDiffusionXL\w{0,40}Pipeline\b/g,
    id: 'stabilityai/stable-diffusion-xl-base-1.0',
    why: 'SDXL architecture (its modules or pipeline)',
  },
];

/** Marker matches counted per family. */
const MAX_MARKERS = 200;

/** An SD 1.x program of sd-scripts: loads the target model, with `--v2` (store_true, off) switching to SD 2.x. */
const SD1_MARKER = /\bload_target_model[ \t]*\(|\bargs\.v2\b/;
/** `--sdxl` as a switch: the SDXL code is behind a flag that is off unless given. */
const SDXL_SWITCH = /\bargs\.sdxl\b/;

/** Row (0-based) of the first match, for the fact's place. */
function rowOf(text: string, at: number): number {
  let row = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) row++;
  return row;
}

function addAt(ctx: PythonReadContext, kind: 'model.id', value: string, at: number, detail: string): void {
  const row = rowOf(ctx.text, at);
  ctx.facts.push({
    kind,
    value,
    range: { startLine: row, startCol: 0, endLine: row, endCol: 0 },
    confidence: 'low',
    detail,
  });
}

export const diffusionFamily: FileRule = {
  framework: 'diffusion',
  phase: 'after-calls',
  // Its words keep lines for the line prefilter; a diffusion family is also named by pipeline classes.
  readsWithoutWords: true,
  words: ['sdxl_', 'flux_', 'lumina_', 'sd3_', 'anima_', 'hunyuan', 'load_target_model', 'args.v2'],
  read: (_index, ctx) => {
    if (ctx.facts.some((f) => f.kind === 'model.id' && f.value !== null && f.confidence !== 'low')) return;
    if (!ctx.hasTopLevelMainGuard || DEFINES_MODULES.test(ctx.text)) return;
    const sdxlSwitched = SDXL_SWITCH.test(ctx.text);
    let best: { family: Family; count: number; at: number } | undefined;
    for (const family of FAMILIES) {
      if (family.id?.startsWith('stabilityai/stable-diffusion-xl') && sdxlSwitched) continue;
      let count = 0;
      let at = -1;
      for (const m of ctx.text.matchAll(family.marker)) {
        if (at < 0) at = m.index;
        if (++count >= MAX_MARKERS) break;
      }
      if (count > (best?.count ?? 0)) best = { family, count, at };
    }
    if (best) {
      if (best.family.id)
        addAt(
          ctx,
          'model.id',
          best.family.id,
          best.at,
          `${best.family.why}; the checkpoint itself is given when the program is launched`,
        );
      return;
    }
    const sd1 = SD1_MARKER.exec(ctx.text);
    if (sd1)
      addAt(
        ctx,
        'model.id',
        'runwayml/stable-diffusion-v1-5',
        sd1.index,
        'Stable Diffusion 1.x architecture: the program builds an SD 1.x U-Net unless a switch (--v2, --sdxl) is given; the checkpoint itself is given when the program is launched',
      );
  },
};

/**
 * sd-scripts' additional-network trainers (`NetworkTrainer`, `--network_module networks.lora`): the base model is
 * frozen and a LoRA-family network (LoRA, LoHa, DyLoRA, OFT modules) is trained on it.
 */
const NETWORK_TRAINER = /\bNetworkTrainer\b|\bargs\.network_module\b/;

export const additionalNetwork: FileRule = {
  framework: 'diffusion',
  phase: 'after-calls',
  words: ['NetworkTrainer', 'network_module'],
  read: (_index, ctx) => {
    if (!ctx.hasTopLevelMainGuard || ctx.facts.some((f) => f.kind === 'training.adapter')) return;
    const m = NETWORK_TRAINER.exec(ctx.text);
    if (!m) return;
    const row = rowOf(ctx.text, m.index);
    ctx.facts.push({
      kind: 'training.adapter',
      value: 'lora',
      range: { startLine: row, startCol: 0, endLine: row, endCol: 0 },
      confidence: 'medium',
      detail: `${m[0]}: a LoRA-family network (--network_module) is trained on the frozen base model`,
    });
  },
};

/**
 * LoRA attention processors installed on a diffusion U-Net (`attn_procs[name] = LoRAAttnProcessor(hidden_size=...,
 * rank=4)` then `unet.set_attn_processor(attn_procs)`: the LoRA training shape of diffusers' examples before PEFT, and
 * of the adapters built on it): the U-Net is frozen and only the processors' low-rank matrices (with whatever else the
 * program adds) are trained. Read only in a program that trains (a backward pass in the file).
 */
const LORA_PROCESSOR = /\bLoRA\w{0,30}AttnProcessor\w{0,10}[ \t]*\(/;
const SETS_PROCESSORS = /\.set_attn_processor[ \t]*\(/;

export const loraAttentionProcessors: FileRule = {
  framework: 'diffusion',
  phase: 'after-calls',
  words: ['AttnProcessor', 'set_attn_processor'],
  read: (_index, ctx) => {
    if (ctx.facts.some((f) => f.kind === 'training.adapter')) return;
    const m = LORA_PROCESSOR.exec(ctx.text);
    if (!m || !SETS_PROCESSORS.test(ctx.text) || !TRAINS.test(ctx.text)) return;
    const row = rowOf(ctx.text, m.index);
    ctx.facts.push({
      kind: 'training.adapter',
      value: 'lora',
      range: { startLine: row, startCol: 0, endLine: row, endCol: 0 },
      confidence: 'medium',
      detail: `${m[0].replace(/[ \t]*\($/, '')} processors set on the U-Net (set_attn_processor): their low-rank matrices are trained on the frozen model`,
    });
  },
};

/** Training in the file itself: a backward pass or an optimizer step. */
const TRAINS = /\.backward[ \t]*\(|\boptimizer\.step[ \t]*\(|\baccelerator\.backward\b/;

/**
 * A diffusion sampling loop: a scheduler's step (`latents = scheduler.step(noise_pred, t, latents).prev_sample`), a
 * `denoise(...)` helper, or a loop over the timesteps/sigmas of a schedule. In a program run as main that trains
 * nothing, it generates images: an inference run.
 */
const SAMPLING =
  /\bscheduler\.step[ \t]*\(|(?:^|\W)denoise[ \t]*\(|^[ \t]*for[ \t][^\n]{0,200}\b(?:timesteps|sigmas)\b/m;

const SAMPLING_ALL = new RegExp(SAMPLING.source, 'gm');
/** Sampling matches looked at per file. */
const MAX_SAMPLING_MATCHES = 50;

function mainGuard(root: Node): Node | undefined {
  for (const child of root.namedChildren) {
    if (child?.type !== 'if_statement') continue;
    if (/^__name__\s*==\s*["']__main__["']$/.test(child.childForFieldName('condition')?.text ?? '')) return child;
  }
  return undefined;
}

export const diffusionSampling: FileRule = {
  framework: 'diffusion',
  phase: 'after-calls',
  words: ['scheduler.step', 'denoise', 'timesteps', 'sigmas'],
  runStart: [MAIN_GUARD, SAMPLING],
  read: (_index, ctx) => {
    if (ctx.facts.some((f) => f.kind === 'launch.inference')) return;
    if (!ctx.hasTopLevelMainGuard || TRAINS.test(ctx.text)) return;
    // A training loop read in the program (a step loop around a trainer's update): its `scheduler.step(dev_score)` is
    // a learning-rate schedule's, and the program trains.
    if (ctx.facts.some((f) => f.kind === 'launch.trainer' && f.value === 'loop')) return;
    const guard = mainGuard(ctx.tree.rootNode);
    if (!guard) return;
    // The program's own sampling (in its functions or main block): a loop in a method of a class the file defines
    // (a policy or pipeline class with a `predict`) is a component whose demo call is left to the other rules.
    const classRows = ctx.tree.rootNode.namedChildren
      .filter((c) => c?.type === 'class_definition')
      .map((c) => [c!.startPosition.row, c!.endPosition.row] as const);
    let m: RegExpExecArray | undefined;
    let looked = 0;
    for (const found of ctx.text.matchAll(SAMPLING_ALL)) {
      if (++looked > MAX_SAMPLING_MATCHES) return;
      const row = rowOf(ctx.text, found.index);
      if (!classRows.some(([a, b]) => a <= row && row <= b)) {
        m = found;
        break;
      }
    }
    if (!m) return;
    ctx.add(
      'launch.inference',
      'diffusion-sampling',
      guard,
      `\`${m[0].trim().slice(0, 40)}\`: a diffusion sampling loop in a program that trains nothing generates images (inference)`,
      'medium',
    );
    if (!ctx.facts.some((f) => f.kind === 'training.precision' && f.value !== null)) readDenoiserCast(ctx);
  },
};

/** The denoiser moved to its compute dtype: `unet.to(DEVICE, dtype=DTYPE)`, `transformer.to(dtype=torch.bfloat16)`. */
const DENOISER_CAST = /\b(?:unet|transformer|mmdit|dit|denoiser)\.to\([^()\n]{0,200}?\bdtype[ \t]*=[ \t]*([\w.]{1,80})/;
const TORCH_DTYPE = /^torch\.(float16|half|bfloat16)$/;

function readDenoiserCast(ctx: PythonReadContext): void {
  const m = DENOISER_CAST.exec(ctx.text);
  if (!m) return;
  let dtype = m[1];
  let via = '';
  if (!TORCH_DTYPE.test(dtype) && /^\w+$/.test(dtype)) {
    // A name bound once to a dtype (`DTYPE = torch.float16  # bfloat16 may work`).
    const bound = new RegExp(`^[ \\t]*${dtype}[ \\t]*=[ \\t]*(torch\\.\\w{1,20})[ \\t]*(?:#[^\\n]*)?$`, 'gm');
    const all = [...ctx.text.matchAll(bound)].slice(0, 3);
    if (all.length !== 1) return;
    via = ` (\`${dtype}\` = ${all[0][1]})`;
    dtype = all[0][1];
  }
  const t = TORCH_DTYPE.exec(dtype);
  if (!t) return;
  const row = rowOf(ctx.text, m.index);
  ctx.facts.push({
    kind: 'training.precision',
    value: t[1] === 'bfloat16' ? 'bf16' : 'fp16',
    range: { startLine: row, startCol: 0, endLine: row, endCol: 0 },
    confidence: 'medium',
    detail: `the denoiser cast to ${dtype}${via}: sampling computes in it`,
  });
}

/**
 * Caching programs of latent-diffusion training (`tools/cache_latents.py`-style: encode every image with the VAE,
 * or every caption with the text encoders, and save the outputs for a later training run): data preparation, not a
 * run, however many training flags they share with the trainer. Only when the file trains nothing itself.
 */
const CACHES = /\b(?:new_)?cache_(?:batch_)?(?:latents|text_encoder_outputs)(?:_to_disk)?[ \t]*\(/;

export const cachingProgram: FileRule = {
  framework: 'diffusion',
  phase: 'after-calls',
  words: ['cache_latents', 'cache_batch_latents', 'cache_text_encoder_outputs'],
  read: (_index, ctx) => {
    if (!ctx.hasTopLevelMainGuard || TRAINS.test(ctx.text) || SAMPLING.test(ctx.text)) return;
    // A trainer that caches before it trains (its loop in a base class: `trainer.train(args)`) is a run.
    if (ctx.facts.some((f) => f.kind === 'launch.trainer')) return;
    const m = CACHES.exec(ctx.text);
    if (!m) return;
    const row = rowOf(ctx.text, m.index);
    ctx.facts.push({
      kind: 'run.entry',
      value: false,
      range: { startLine: row, startCol: 0, endLine: row, endCol: 0 },
      confidence: 'medium',
      detail: `${m[0].replace(/[ \t]*\($/, '')}(...): caches VAE latents or text-encoder outputs for a later training run (data preparation), and trains nothing`,
    });
  },
};

/**
 * A model built from a registry of constructors indexed by the `--model` flag (`DiT_models[args.model](input_size=
 * ..., num_classes=...)`, `models[args.arch]()`): a new model of the size the flag names, trained from random
 * weights, unless the program loads weights into it (a state dict, a checkpoint, from_pretrained).
 */
const REGISTRY_BUILD = /\b\w{1,60}\[[ \t]*args\.(?:model|arch|model_name)[ \t]*\][ \t]*\(/;
const LOADS_WEIGHTS =
  /\bload_state_dict\b|\bfrom_pretrained\b|\btorch\.load\b|\bfind_model\b|\bload_checkpoint\b|\.load_from\(/;

export const registryBuild: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  words: ['args.model]', 'args.arch]', 'args.model_name]'],
  read: (_index, ctx) => {
    if (ctx.facts.some((f) => f.kind === 'model.fromScratch')) return;
    if (!TRAINS.test(ctx.text)) return;
    const m = REGISTRY_BUILD.exec(ctx.text);
    if (!m) return;
    // `from_pretrained` of a frozen first-stage autoencoder is not a load into this model.
    const rest = ctx.text.replace(/\bAutoencoder\w{0,30}\.from_pretrained\b/g, '');
    if (LOADS_WEIGHTS.test(rest)) return;
    const row = rowOf(ctx.text, m.index);
    ctx.facts.push({
      kind: 'model.fromScratch',
      value: true,
      range: { startLine: row, startCol: 0, endLine: row, endCol: 0 },
      confidence: 'medium',
      detail: `\`${m[0].slice(0, 60)}...)\` builds the model --model names from its constructor and nothing loads weights into it: trained from scratch`,
    });
  },
};
