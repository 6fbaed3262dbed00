import type { ConfigDialect, ConfigDoc, ConfigValue, FactSink } from './dialect';
import { positiveIntegerAt } from './dialect';
import { findModel, findModelByName } from '../../knowledge';
import { PLACEHOLDER_ID } from '../placeholderId';

/**
 * Job configs of ostris/ai-toolkit (github.com/ostris/ai-toolkit, `python run.py <config>`; its UI and Colab notebooks
 * build the same document as a dict and call `toolkit.job.run_job`). The runner needs the config, so each config is
 * the run. The shape and its defaults, as the toolkit's own classes read it (toolkit/job.py get_job,
 * toolkit/config_modules.py):
 *
 *     job: extension | train | generate      (extract and mod rewrite weights: no model run)
 *     config:
 *       process:
 *         - type: sd_trainer | slider | textual_inversion_trainer | to_folder | ...
 *           device: cuda:0                   (else config.device; GenerateJob's own default is 'cpu')
 *           network: {type: lora, linear: 16}
 *           train: {steps: 2000, batch_size: 1, gradient_accumulation_steps: 1, dtype: bf16}
 *           model: {name_or_path: <hub id | file | url>, arch: flux, quantize: true, qtype: qfloat8}
 *
 * - Training (`train` section beside `model`): LoRA-family adapters when a `network` section is written
 *   (NetworkConfig: `type` defaults to 'lora'; locon, lokr, lierla are LoRA variants), over a base quantized when
 *   `model.quantize` is true (ModelConfig default False) to `model.qtype` (default 'qfloat8', an 8-bit type; a
 *   `uint3|<adapter>` value names the type before the `|`, config_modules.py ModelConfig): a base of 4 bits or
 *   fewer makes it QLoRA. Without a network the trained weights are the model's own, an embedding (textual inversion)
 *   or an adapter's: all start from the checkpoint, a fine-tune.
 * - `train.steps`: optimizer steps (TrainConfig default 1000); `train.batch_size` (default 1),
 *   `train.gradient_accumulation_steps` (default 1); `train.dtype` is the dtype the model is loaded and trained in
 *   (BaseSDTrainProcess sets `model_config['dtype'] = train_config.dtype`; TrainConfig default 'fp32').
 * - Generation (`job: generate`, process `to_folder`): inference; GenerateProcess loads the model, then casts the
 *   pipeline to the process's `dtype` (`get_conf('dtype', 'float16')`, jobs/process/GenerateProcess.py).
 * - The model: `model.name_or_path` (a Hub id, a local weights file, or a civitai.com page URL the toolkit downloads).
 *   Its size is the catalog's for a known id; else, for the Stable Diffusion UNet architectures, the one
 *   ModelConfig picks from `arch` or the `is_v2`/`is_xl` flags (none set: 'sd1'). A documentation blank
 *   (`/path/to/model.safetensors`) names nothing.
 * - `device: cuda:N` (or `cuda`) is one GPU; `cpu`/`mps` name no GPU.
 */

const JOBS: ReadonlySet<string> = new Set(['extension', 'train', 'generate']);
/** NetworkConfig types: all train low-rank (or Kronecker) adapters beside frozen weights. */
const ADAPTER_NETWORKS = /^(?:lora|locon|lokr|lierla|lorm|loha|dora)$/i;
/** ModelConfig's `qtype` default (toolkit/config_modules.py: `kwargs.get("qtype", "qfloat8")`). */
const DEFAULT_QTYPE = 'qfloat8';
/** Bits of a quantization type named by its width (`qfloat8`, `uint4`, `int8`, `float8`, `qint4`). */
const QTYPE_BITS = /^(?:q?u?int|q?float|convrot)(\d{1,2})(?:$|[^0-9])/i;
/** Architectures whose UNet ModelConfig builds, and the catalog row of that architecture's base model. */
const SD_ARCH_BASE: Readonly<Record<string, string>> = {
  sd1: 'runwayml/stable-diffusion-v1-5',
  sd2: 'stabilityai/stable-diffusion-2-1',
  sdxl: 'stabilityai/stable-diffusion-xl-base-1.0',
};
const WEIGHTS_FILE = /\.(?:safetensors|ckpt|pt|pth|bin)$/i;

function isJob(doc: ConfigDoc): boolean {
  if (doc.prefix !== '') return false;
  const job = doc.str('job');
  if (!job || !JOBS.has(job)) return false;
  if (doc.get('config.process')?.shape !== 'seq') return false;
  return doc.get('config.process.0.model')?.shape === 'map';
}

/** The architecture ModelConfig settles on (config_modules.py: `arch`, else the `is_*` flags, else 'sd1'). */
function archOf(p: ConfigDoc): string {
  const arch = p.str('model.arch');
  if (arch) return arch.split(':')[0].toLowerCase();
  const flag = (k: string) => p.get(`model.${k}`)?.value === true;
  if (flag('is_v2')) return 'sd2';
  if (flag('is_v3')) return 'sd3';
  if (flag('is_xl') || flag('is_ssd') || flag('is_vega')) return 'sdxl';
  if (flag('is_pixart') || flag('is_pixart_sigma')) return 'pixart';
  if (flag('is_auraflow')) return 'auraflow';
  if (flag('is_flux')) return 'flux';
  if (flag('is_lumina2')) return 'lumina2';
  return 'sd1';
}

/** The model a `name_or_path` names: a Hub id, a civitai page, a weights file's name; undefined for a blank. */
function modelName(raw: string): { id: string; how: string; confidence: 'high' | 'medium' | 'low' } | undefined {
  const v = raw.trim();
  if (!v || v.length > 500) return undefined;
  const url = /^https?:\/\/(?:www\.)?([\w.-]{1,100}\/[^?#\s]{1,200})/i.exec(v);
  if (url) return { id: url[1].replace(/\/+$/, ''), how: 'a model page the toolkit downloads', confidence: 'medium' };
  if (/^[\w.-]{1,96}\/[\w.-]{1,96}$/.test(v) && !WEIGHTS_FILE.test(v))
    return { id: v, how: 'a Hub id', confidence: 'high' };
  const file = v.replace(/\\/g, '/');
  if (PLACEHOLDER_ID.test(file.replace(WEIGHTS_FILE, '')) || /(?:^|\/)path\/to\//i.test(file)) return undefined;
  const stem = file.split('/').pop()!.replace(WEIGHTS_FILE, '');
  if (!/[a-z]/i.test(stem)) return undefined;
  return { id: stem, how: 'a local weights file', confidence: 'low' };
}

function quantBits(p: ConfigDoc): { bits: number; qtype: string; at: ConfigValue } | undefined {
  const on = p.get('model.quantize');
  if (on?.value !== true) return undefined;
  const written = p.get('model.qtype');
  const qtype = (typeof written?.value === 'string' ? written.value : DEFAULT_QTYPE).split('|')[0].trim();
  const m = QTYPE_BITS.exec(qtype);
  return m ? { bits: Number(m[1]), qtype, at: written ?? on } : undefined;
}

export const aiToolkitJob: ConfigDialect = {
  name: 'ai-toolkit',
  words: ['job'],
  detect: isJob,
  owns: (path) => path.startsWith('config.'),
  read(doc: ConfigDoc, out: FactSink): void {
    const job = doc.get('job')!;
    const p = doc.at('config.process.0');
    if (!p) return;
    const generating = job.value === 'generate';
    const training = !generating && p.get('train')?.shape === 'map';
    if (!generating && !training) return;
    const type = p.str('type') ?? '';
    out.add('run.framework', 'ai-toolkit', job, 'ai-toolkit job config (job, config.process)');
    if (generating)
      out.add('launch.inference', 'config:ai-toolkit', job, `job: generate (${type || 'process'}): run.py generates`);
    else out.add('launch.trainer', 'config:ai-toolkit', job, `job: ${String(job.value)} (${type}): run.py trains`);

    const pathAt = p.get('model.name_or_path');
    const named = typeof pathAt?.value === 'string' ? modelName(pathAt.value) : undefined;
    if (pathAt && named) out.add('model.id', named.id, pathAt, `model.name_or_path: ${named.how}`, named.confidence);
    else if (pathAt)
      out.add('model.id', null, pathAt, 'model.name_or_path: a blank to fill in, naming no model', 'low');
    const known = named ? (findModel(named.id) ?? findModelByName(named.id)) : undefined;
    const arch = archOf(p);
    if (named && !known && SD_ARCH_BASE[arch]) {
      const base = findModel(SD_ARCH_BASE[arch]);
      if (base)
        out.add(
          'model.params',
          base.params,
          pathAt!,
          `ai-toolkit builds the ${arch} architecture for this checkpoint (ModelConfig: arch, else is_v2/is_xl, else sd1): ${base.id}'s UNet`,
          'medium',
        );
    }
    if (pathAt && named)
      out.add(
        'model.fromScratch',
        false,
        pathAt,
        generating
          ? 'the toolkit loads these weights to generate'
          : 'the toolkit loads these weights and trains from them',
      );

    const deviceAt = p.get('device') ?? doc.get('config.device');
    const device = typeof deviceAt?.value === 'string' ? deviceAt.value.trim() : '';
    if (deviceAt && /^cuda(?::\d{1,2})?$/i.test(device))
      out.add('hardware.devices', 1, deviceAt, `device: ${device} (one GPU)`, 'medium');

    if (generating) {
      addDtype(
        out,
        p.get('dtype'),
        job,
        'fp16',
        (w) => `dtype: ${w} (the pipeline is cast to it)`,
        "no process dtype: GenerateProcess casts the pipeline to float16 (get_conf('dtype', 'float16'))",
      );
      return;
    }

    const network = p.get('network');
    if (network?.shape === 'map') {
      const kind = p.str('network.type') ?? 'lora';
      if (ADAPTER_NETWORKS.test(kind)) {
        const q = quantBits(p);
        const qlora = q !== undefined && q.bits <= 4;
        out.add(
          'training.mode',
          qlora ? 'qlora' : 'lora',
          p.get('network.type') ?? network,
          `network ${kind}${q ? ` over a base quantized to ${q.qtype} (${q.bits}-bit)` : ''}`,
        );
      }
    } else {
      const what =
        p.get('embedding')?.shape === 'map'
          ? 'an embedding'
          : p.get('adapter')?.shape === 'map'
            ? 'an adapter'
            : 'the model';
      out.add(
        'training.mode',
        'finetune',
        p.get('train')!,
        `no network section: the job trains ${what} from the loaded checkpoint`,
      );
    }
    const steps = positiveIntegerAt(p, 'train.steps');
    if (steps) out.add('training.steps', steps.n, steps.at, `train.steps: ${steps.n}`);
    else out.add('training.steps', 1000, p.get('train')!, 'train.steps not set: TrainConfig default 1000', 'medium');
    const batch = positiveIntegerAt(p, 'train.batch_size');
    if (batch) out.add('training.batchPerDevice', batch.n, batch.at, `train.batch_size: ${batch.n}`);
    const accumulation = positiveIntegerAt(p, 'train.gradient_accumulation_steps');
    if (accumulation)
      out.add(
        'training.gradientAccumulation',
        accumulation.n,
        accumulation.at,
        `train.gradient_accumulation_steps: ${accumulation.n}`,
      );
    addDtype(
      out,
      p.get('train.dtype'),
      p.get('train')!,
      'fp32',
      (w) => `train.dtype: ${w}`,
      "train.dtype not set: TrainConfig default 'fp32'",
    );
  },
};

/** A dtype key as written (high), or the toolkit's default for it where the key is absent (medium). */
function addDtype(
  out: FactSink,
  dtype: ConfigValue | undefined,
  anchor: ConfigValue,
  fallback: string,
  said: (written: string) => string,
  unsaid: string,
): void {
  const written = typeof dtype?.value === 'string' ? dtype.value : undefined;
  const precision = written ? precisionOf(written) : fallback;
  if (precision)
    out.add(
      'training.precision',
      precision,
      dtype ?? anchor,
      written ? said(written) : unsaid,
      written ? 'high' : 'medium',
    );
}

/** The toolkit's dtype names (toolkit/train_tools.py get_torch_dtype: fp16/float16/half, bf16/bfloat16, fp32/float32/float/single). */
function precisionOf(name: string): string | undefined {
  const n = name.trim().toLowerCase();
  if (n === 'fp16' || n === 'float16' || n === 'half') return 'fp16';
  if (n === 'bf16' || n === 'bfloat16') return 'bf16';
  if (n === 'fp32' || n === 'float32' || n === 'float' || n === 'single') return 'fp32';
  return undefined;
}
