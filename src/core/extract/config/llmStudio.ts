import type { ConfigDialect, ConfigDoc, ConfigValue, FactSink } from './dialect';

/**
 * H2O LLM Studio experiment configs (the YAML an experiment is saved as, and what `train.py -Y cfg.yaml` runs):
 * `problem_type` (text_causal_language_modeling, ...), `llm_backbone` (the Hub model fine-tuned), and sections
 * `architecture:` (`backbone_dtype`: int4 | int8 | bfloat16 | float16 | float32), `training:` (`epochs`, `lora`,
 * `batch_size`), `environment:` (`gpus`: the device ids used, `mixed_precision`, `mixed_precision_dtype`).
 *
 * Defaults (h2oai/h2o-llmstudio, llm_studio/python_configs/text_causal_language_modeling_config.py, the dataclass
 * fields the YAML fills): `lora` True, `backbone_dtype` "int4", `mixed_precision` True with `mixed_precision_dtype`
 * "bfloat16", `epochs` 1. LoRA over a 4-bit backbone is QLoRA; over an 8-bit or unquantised one, LoRA; without
 * LoRA every weight is trained. A key left out takes its default, read with medium confidence.
 */

const PROBLEM_TYPE = /^[a-z][a-z0-9_]{2,60}$/;
/** Keys beside `llm_backbone` that only an LLM Studio experiment config has. */
const SECTIONS = ['architecture', 'environment', 'training', 'prediction'];
const MAX_GPUS = 64;

function isLlmStudio(doc: ConfigDoc): boolean {
  const problem = doc.str('problem_type');
  return (
    problem !== undefined &&
    PROBLEM_TYPE.test(problem) &&
    typeof doc.get('llm_backbone')?.value === 'string' &&
    SECTIONS.filter((s) => doc.get(s)?.shape === 'map').length >= 2
  );
}

function precisionOf(dtype: string): 'bf16' | 'fp16' | 'fp32' | undefined {
  const d = dtype.trim().toLowerCase();
  if (d === 'bfloat16') return 'bf16';
  if (d === 'float16') return 'fp16';
  if (d === 'float32') return 'fp32';
  return undefined;
}

export const llmStudio: ConfigDialect = {
  name: 'h2o-llm-studio',
  words: ['llm_backbone'],
  detect: isLlmStudio,
  owns: (path) =>
    path === 'environment.gpus' ||
    path === 'architecture.backbone_dtype' ||
    path.startsWith('environment.mixed_precision') ||
    path.startsWith('prediction.') ||
    path === 'training.lora',
  read(doc: ConfigDoc, out: FactSink): void {
    const problem = doc.get('problem_type')!;
    const model = doc.get('llm_backbone')!;
    const id = String(model.value).trim();
    out.add('run.framework', 'h2o-llm-studio', problem, `H2O LLM Studio experiment (${String(problem.value)})`);
    if (!id) return;
    out.add('model.id', id, model, `llm_backbone: ${id}`);
    out.add('model.fromScratch', false, model, `LLM Studio fine-tunes the pretrained ${id}`, 'medium');

    const lora = doc.get('training.lora');
    const dtypeAt = doc.get('architecture.backbone_dtype');
    const loraOn = lora ? lora.value === true : true;
    const dtype = typeof dtypeAt?.value === 'string' ? dtypeAt.value.trim().toLowerCase() : 'int4';
    const said = (at: ConfigValue | undefined, text: string): string => (at ? text : `${text} (LLM Studio's default)`);
    const loraText = said(lora, `training.lora: ${String(loraOn)}`);
    const dtypeText = said(dtypeAt, `architecture.backbone_dtype: ${dtype}`);
    const mode = !loraOn ? 'finetune' : dtype === 'int4' ? 'qlora' : 'lora';
    const why =
      mode === 'finetune'
        ? `${loraText}: every weight is trained`
        : `${loraText}, ${dtypeText}: ${mode === 'qlora' ? 'LoRA on a 4-bit backbone' : 'LoRA adapters'}`;
    out.add('training.mode', mode, (mode === 'qlora' ? dtypeAt : lora) ?? lora ?? model, why, lora ? 'high' : 'medium');

    const epochs = doc.get('training.epochs');
    if (!epochs) out.add('training.epochs', 1, model, "training.epochs left out: LLM Studio's default 1", 'medium');

    const mixed = doc.get('environment.mixed_precision');
    const mixedDtype = doc.get('environment.mixed_precision_dtype');
    const mixedOn = mixed ? mixed.value === true : true;
    if (mixedOn) {
      const written = typeof mixedDtype?.value === 'string' ? mixedDtype.value : 'bfloat16';
      const p = precisionOf(written);
      if (p)
        out.add(
          'training.precision',
          p,
          mixedDtype ?? mixed ?? model,
          `${said(mixed, 'environment.mixed_precision: true')}, ${said(mixedDtype, `mixed_precision_dtype: ${written}`)}`,
          mixed && mixedDtype ? 'high' : 'medium',
        );
    } else if (mixed) {
      const p = /^int[48]$/.test(dtype) ? undefined : precisionOf(dtype);
      if (p) out.add('training.precision', p, dtypeAt ?? mixed, `mixed precision off: the backbone's ${dtype}`);
    }

    const gpus = doc.get('environment.gpus');
    if (gpus?.shape === 'seq') {
      let n = 0;
      while (n <= MAX_GPUS && doc.get(`environment.gpus.${n}`)) n++;
      if (n > 0 && n <= MAX_GPUS) out.add('hardware.devices', n, gpus, `environment.gpus: ${n} device id(s)`);
    }
    out.add('launch.trainer', 'config:h2o-llm-studio', problem, `H2O LLM Studio experiment config: ${id}`);
  },
};
