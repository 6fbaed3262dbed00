import { findModel } from '../../knowledge';
import type { ConfigDialect, ConfigDoc, ConfigValue, FactSink } from './dialect';

/**
 * Hugging Face's m4 training configs (the framework IDEFICS, Idefics2 and SmolVLM were trained with:
 * `m4/training/main.py --config <this>`): `data_param` (datasets), `hparams` (the text model `model_name`, the
 * vision tower `model_config.vision_config.vision_model_name`, `use_lora`, `global_batch_size`,
 * `max_num_opt_steps`, `max_num_epochs`) and `optim_param`. Precision and devices come from the job that launches
 * it (DeepSpeed config, sbatch), so they are not read here.
 *
 * The model is the text model with the vision tower beside it: its size is the text model's (catalog or name)
 * plus the tower's, when both are known.
 */

/** Vision towers by the name their checkpoints carry, with what one holds (the vision side alone). */
const VISION_TOWERS: ReadonlyArray<{ pattern: RegExp; params: number; source: string }> = [
  {
    pattern: /siglip[-_]?so400m/i,
    params: 428e6,
    source:
      'SigLIP so400m vision tower: 27 layers, width 1152, MLP 4304 (google/siglip-so400m-patch14-384 config.json) ≈ 428M; the "shape-optimised 400M" ViT of Alabdulmohsin et al. 2023, arXiv:2305.13035',
  },
  {
    pattern: /siglip[-_]base[-_]patch16/i,
    params: 93e6,
    source:
      'SigLIP base/16 vision tower: ViT-B/16 (86M, Dosovitskiy et al. 2021, Table 1) with its 512-px position table; "93M" on the SmolVLM-256M model card',
  },
  {
    pattern: /clip[-_]vit[-_]h[-_]14/i,
    params: 632e6,
    source: 'ViT-H/14 (Dosovitskiy et al. 2021, Table 1: 632M), the image tower of OpenCLIP ViT-H-14',
  },
];

/** `200_000`, `6_000`: YAML 1.1 integers with digit separators (the YAML 1.2 reader keeps them as text). */
function integerOf(v: ConfigValue | undefined): number | undefined {
  if (!v || v.shape !== 'scalar') return undefined;
  if (typeof v.value === 'number') return Number.isFinite(v.value) ? v.value : undefined;
  const s = typeof v.value === 'string' ? v.value.trim() : '';
  return /^\d{1,3}(?:_?\d{1,3}){0,4}$/.test(s) ? Number(s.replace(/_/g, '')) : undefined;
}

export const m4: ConfigDialect = {
  name: 'm4',
  words: ['data_param', 'optim_param'],
  detect: (doc) =>
    doc.get('hparams')?.shape === 'map' &&
    (doc.get('data_param')?.shape === 'map' || doc.get('optim_param')?.shape === 'map') &&
    (doc.has('hparams.model_name') || doc.has('hparams.max_num_opt_steps')),
  owns: (path) => path === 'hparams.max_num_opt_steps' || path === 'hparams.max_num_epochs',
  read(doc: ConfigDoc, out: FactSink): void {
    const hparams = doc.get('hparams')!;
    out.add('run.framework', 'm4', hparams, 'm4 training config (hparams, data_param, optim_param)');
    const steps = doc.get('hparams.max_num_opt_steps');
    const n = integerOf(steps);
    if (steps && n && n > 0) out.add('training.steps', n, steps, `hparams.max_num_opt_steps: ${String(steps.raw)}`);
    const epochs = doc.get('hparams.max_num_epochs');
    const e = integerOf(epochs);
    if (epochs && e && e > 0) out.add('training.epochs', e, epochs, `hparams.max_num_epochs: ${String(epochs.raw)}`);
    readSize(doc, out);
    // The program builds LoRA adapters only with `use_lora: True` (m4/training/config.py, default False): a
    // config that switches them off trains the checkpoint's own weights.
    const lora = doc.get('hparams.use_lora');
    if (lora?.value === false)
      out.add('training.mode', 'finetune', lora, 'hparams.use_lora: False: the weights themselves are trained');
    out.add('launch.trainer', 'config:m4', steps ?? hparams, 'm4 training config (m4/training/main.py --config)');
  },
};

function readSize(doc: ConfigDoc, out: FactSink): void {
  const text = doc.get('hparams.model_name');
  const vision = doc.get('hparams.model_config.vision_config.vision_model_name');
  if (typeof text?.value !== 'string' || typeof vision?.value !== 'string') return;
  // A catalog text model only: a local checkpoint of an earlier stage (`.../unwrapped_model/`) holds its tower already.
  const lm = findModel(text.value)?.params;
  const tower = VISION_TOWERS.find((t) => t.pattern.test(String(vision.value)));
  if (!lm || !tower) return;
  out.add(
    'model.params',
    lm + tower.params,
    vision,
    `${text.value} (${(lm / 1e9).toPrecision(3)}B) with the vision tower ${vision.value}: ${tower.source}`,
    'medium',
  );
}
