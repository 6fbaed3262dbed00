import type { ConfigDialect, ConfigDoc, ConfigValue, FactSink } from './dialect';
import { positiveIntegerAt } from './dialect';
import { findModel } from '../../knowledge';

/**
 * LAVIS-style run configs (Salesforce LAVIS and the projects built on its runner: BLIP-2, InstructBLIP,
 * MiniGPT-4, MiniGPT-v2): `model:` (`arch`, the registry name the model class is built from, and `model_type`,
 * the entry of the class's defaults table), `datasets:` and `run:` (`task`, `max_epoch`, `iters_per_epoch`,
 * `amp`, `world_size`, ...). The program (`train.py --cfg-path <this>`, a demo, an evaluation script) needs the
 * config, so the config is the run.
 *
 * - Training or inference: a `run:` section with the runner's training keys (`max_epoch`, `init_lr`,
 *   `lr_sched`, `iters_per_epoch`) trains unless `evaluate: True` says it only evaluates; a `run:` with none of
 *   them (a demo's or an evaluation script's config: the task name alone) loads the model to answer.
 * - These registry models wrap a pretrained language model (`llama_model`, a path) and a frozen vision encoder:
 *   a training stage fine-tunes (the projector, a Q-Former, adapters), never trains from scratch; `lora_r` above
 *   zero means the language model is trained through LoRA adapters.
 * - `amp: True`: the runner wraps each step in `torch.cuda.amp.autocast()` with a GradScaler (fp16: autocast's
 *   CUDA default, PyTorch docs "Automatic Mixed Precision"). `low_resource: True` loads the language model in
 *   8-bit with fp16 compute (LAVIS-style `low_resource` loaders: `load_in_8bit=True, torch_dtype=torch.float16`).
 * - `run.world_size` is the runner's fallback: under torchrun the environment's world size wins, so it is not
 *   read as the device count.
 *
 * The model: the language model `llama_model` (or `llm_model`) names when it is a name, else the registry name
 * with the `model_type` that picks its variant (`minigpt4` + `pretrain_llama2` -> `minigpt4-llama2`): its size
 * comes from a catalog row of that name, or stays unknown. A type that carries the wrapped language model's size
 * (`caption_coco_opt2.7b`, `pretrain_flant5xl`, `vicuna7b`, with a `_vitL` encoder tag kept) names the model by
 * that part alone (`blip2_opt-opt2.7b`): the task prefix changes the head's weights, not the size. A type that is
 * itself a catalog model's name (`ViT-L-14-336` under a CLIP arch) is that model.
 *
 * Sixteenth round:
 * - `model.load_pretrained: False` (the trained modules start from their initialisation) is pre-training; a
 *   pre-training task name alone (`image_text_pretrain`) is not: later stages run it from an earlier stage's
 *   checkpoint on frozen pretrained towers (a fine-tune, as a MiniGPT-4 alignment stage). `run.max_iters` (the
 *   iteration runner's length) is the step count; `model.lora: True` trains the language model through LoRA.
 * - `run.amp: True`: the task's train step runs under `torch.cuda.amp.autocast(enabled=use_amp)` (LAVIS
 *   lavis/tasks/base_task.py), whose CUDA dtype is float16 by default (PyTorch docs, torch.autocast).
 * - Compute precision without `run.amp` (evaluation configs): the registry classes load the language model in half
 *   precision themselves, OPT and Vicuna with `from_pretrained(..., torch_dtype=torch.float16)` (LAVIS
 *   lavis/models/blip2_models/blip2_opt.py, blip2_vicuna_instruct.py) and Flan-T5 cast to bfloat16 with its
 *   forward under `maybe_autocast(dtype=torch.bfloat16)` (blip2_t5.py, blip2_t5_instruct.py). Read from the
 *   language model the type names, at medium confidence.
 */

/** A `model_type` word carrying the wrapped language model's size (`opt2.7b`, `flant5xxl`, `vicuna13b`), and an encoder tag. */
const SIZED_LM_TYPE = /(?:^|_)([a-z]{2,12}\d{0,2}?(?:\d{1,3}(?:\.\d{1,2})?b|xxl|xl))(?:_(vit[lgb]))?(?=$|_)/i;
/** Language models the registry classes load in float16, and those cast to bfloat16 (see above). */
const HALF_LMS = /^(?:opt|vicuna|llama|llama2)\d/i;
const BF16_LMS = /^(?:flant5|t5)/i;

const TRAINING_KEYS = ['max_epoch', 'max_iters', 'init_lr', 'lr_sched', 'iters_per_epoch'] as const;
const LM_KEYS = ['llama_model', 'llm_model', 'opt_model', 't5_model'] as const;

/** A value that is a placeholder for a path the user sets ("/path/to/...", "please set this value ...", ""). */
function isPlaceholder(value: string): boolean {
  const v = value.trim();
  return v === '' || /\bpath\/to\b|\bplease\b|\bset this\b|<[^<>]{0,80}>/i.test(v);
}

/** `minigpt4` + `pretrain_llama2` -> `minigpt4-llama2`; `minigpt_v2` + `pretrain` -> `minigpt_v2`. */
export function registryName(arch: string, modelType: string | undefined): string {
  if (!modelType) return arch;
  const sized = SIZED_LM_TYPE.exec(modelType);
  if (sized) return `${arch}-${sized[1]}${sized[2] ? `_${sized[2]}` : ''}`;
  if (findModel(modelType)) return modelType;
  const variant = modelType.replace(/^pretrain(?:ed)?_?/i, '');
  if (variant === '' || /^(?:base|default)$/i.test(variant)) return arch;
  return arch.toLowerCase().includes(variant.toLowerCase()) ? arch : `${arch}-${variant}`;
}

/** The precision the registry class runs the language model a `model_type` names in (fp16, bf16), or undefined. */
export function registryLmPrecision(modelType: string | undefined): 'fp16' | 'bf16' | undefined {
  const lmWord = modelType ? SIZED_LM_TYPE.exec(modelType)?.[1] : undefined;
  if (!lmWord) return undefined;
  return HALF_LMS.test(lmWord) ? 'fp16' : BF16_LMS.test(lmWord) ? 'bf16' : undefined;
}

function flag(doc: ConfigDoc, path: string): boolean | undefined {
  const v = doc.get(path)?.value;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string' && /^(?:true|false)$/i.test(v)) return /^true$/i.test(v);
  return undefined;
}

export const lavis: ConfigDialect = {
  name: 'lavis',
  words: ['arch'],
  detect: (doc) =>
    typeof doc.str('model.arch') === 'string' &&
    doc.get('run')?.shape === 'map' &&
    typeof doc.str('run.task') === 'string' &&
    (doc.get('datasets')?.shape === 'map' || doc.has('model.model_type')),
  owns: (path) =>
    path === 'model' ||
    path.startsWith('model.') ||
    path === 'run' ||
    path.startsWith('run.') ||
    path.startsWith('datasets.') ||
    path.startsWith('evaluation_datasets.'),
  read(doc: ConfigDoc, out: FactSink): void {
    const arch = doc.get('model.arch')!;
    const task = doc.get('run.task')!;
    out.add('run.framework', 'lavis', arch, `LAVIS-style config: model.arch ${String(arch.value)}, run.task`);
    const modelType = doc.str('model.model_type');
    const lm = LM_KEYS.map((k) => doc.get(`model.${k}`)).find(
      (v): v is ConfigValue => typeof v?.value === 'string' && !isPlaceholder(v.value),
    );
    if (lm) {
      out.add('model.id', String(lm.value), lm, `model.${lm.key}: the language model the registry model wraps`);
    } else {
      const name = registryName(String(arch.value), modelType);
      out.add(
        'model.id',
        name,
        arch,
        `model.arch ${String(arch.value)}${modelType ? `, model_type ${modelType}` : ''}: the registry model (its language model path is left to the user)`,
        'medium',
      );
    }
    out.add('model.fromScratch', false, arch, 'a registry model built on a pretrained language model', 'medium');

    const trains = TRAINING_KEYS.some((k) => doc.has(`run.${k}`)) && flag(doc, 'run.evaluate') !== true;
    const halfLm = registryLmPrecision(modelType);
    if (!trains) {
      if (halfLm && flag(doc, 'model.low_resource') !== true)
        out.add(
          'training.precision',
          halfLm,
          doc.get('model.model_type')!,
          `model_type ${modelType}: the registry class loads its language model in ${halfLm === 'bf16' ? 'bfloat16 (T5)' : 'float16'}`,
          'medium',
        );
      out.add(
        'launch.inference',
        'config:lavis',
        task,
        'a LAVIS-style config without training keys: a demo or evaluation loads the model to answer',
      );
      if (flag(doc, 'model.low_resource') === true) {
        const low = doc.get('model.low_resource')!;
        out.add(
          'training.precision',
          'fp16',
          low,
          'low_resource: True: the language model in 8-bit with fp16 compute',
          'medium',
        );
        out.add('inference.weightPrecision', 'int8', low, 'low_resource: True: the language model loaded in 8-bit');
      }
      return;
    }
    out.add('launch.trainer', 'config:lavis', task, 'LAVIS-style training config (train.py --cfg-path <this>)');
    const lora = positiveIntegerAt(doc, 'model.lora_r');
    const fresh = flag(doc, 'model.load_pretrained') === false;
    if (lora) out.add('training.mode', 'lora', lora.at, `model.lora_r: ${lora.n}: LoRA adapters on the language model`);
    else if (flag(doc, 'model.lora') === true)
      out.add('training.mode', 'lora', doc.get('model.lora')!, 'model.lora: True: LoRA adapters on the language model');
    else if (fresh)
      out.add(
        'training.mode',
        'pretrain',
        doc.get('model.load_pretrained')!,
        'model.load_pretrained: False: the trained modules start from their initialisation (pre-training)',
        'medium',
      );
    else
      out.add(
        'training.mode',
        'finetune',
        task,
        'a stage of a registry model on a pretrained language model and a frozen vision encoder',
        'medium',
      );
    // The iteration runner (`runner: runner_iter`, `max_iters`) stops at max_iters; its max_epoch is not read.
    const iters = positiveIntegerAt(doc, 'run.max_iters');
    if (iters)
      out.add('training.steps', iters.n, iters.at, `run.max_iters: ${iters.n} (the iteration runner's length)`);
    const epochs = iters ? undefined : positiveIntegerAt(doc, 'run.max_epoch');
    if (epochs) out.add('training.epochs', epochs.n, epochs.at, `run.max_epoch: ${epochs.n}`);
    const perEpoch = iters ? undefined : positiveIntegerAt(doc, 'run.iters_per_epoch');
    if (perEpoch) out.add('training.stepsPerEpoch', perEpoch.n, perEpoch.at, `run.iters_per_epoch: ${perEpoch.n}`);
    const amp = flag(doc, 'run.amp');
    if (amp !== undefined) {
      const at = doc.get('run.amp')!;
      out.add(
        'training.precision',
        amp ? 'fp16' : 'fp32',
        at,
        amp ? 'run.amp: True: torch.cuda.amp autocast (fp16) with a GradScaler' : 'run.amp: False: fp32 steps',
        'medium',
      );
    }
  },
};
