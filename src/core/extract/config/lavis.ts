import type { ConfigDialect, ConfigDoc, ConfigValue, FactSink } from './dialect';
import { positiveIntegerAt } from './dialect';

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
 * comes from a catalog row of that name, or stays unknown.
 */

const TRAINING_KEYS = ['max_epoch', 'init_lr', 'lr_sched', 'iters_per_epoch'] as const;
const LM_KEYS = ['llama_model', 'llm_model', 'opt_model', 't5_model'] as const;

/** A value that is a placeholder for a path the user sets ("/path/to/...", "please set this value ...", ""). */
function isPlaceholder(value: string): boolean {
  const v = value.trim();
  return v === '' || /\bpath\/to\b|\bplease\b|\bset this\b|<[^<>]{0,80}>/i.test(v);
}

/** `minigpt4` + `pretrain_llama2` -> `minigpt4-llama2`; `minigpt_v2` + `pretrain` -> `minigpt_v2`. */
function registryName(arch: string, modelType: string | undefined): string {
  if (!modelType) return arch;
  const variant = modelType.replace(/^pretrain(?:ed)?_?/i, '');
  if (variant === '' || /^(?:base|default)$/i.test(variant)) return arch;
  return arch.toLowerCase().includes(variant.toLowerCase()) ? arch : `${arch}-${variant}`;
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
    if (!trains) {
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
    if (lora) out.add('training.mode', 'lora', lora.at, `model.lora_r: ${lora.n}: LoRA adapters on the language model`);
    else
      out.add(
        'training.mode',
        'finetune',
        task,
        'a stage of a registry model on a pretrained language model and a frozen vision encoder',
        'medium',
      );
    const epochs = positiveIntegerAt(doc, 'run.max_epoch');
    if (epochs) out.add('training.epochs', epochs.n, epochs.at, `run.max_epoch: ${epochs.n}`);
    const perEpoch = positiveIntegerAt(doc, 'run.iters_per_epoch');
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
