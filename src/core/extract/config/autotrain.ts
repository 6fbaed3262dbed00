import type { ConfigDialect, ConfigDoc, FactSink } from './dialect';

/**
 * Hugging Face AutoTrain configs, run by `autotrain --config x.yml`: `task` (llm-sft, llm-orpo, vlm:vqa,
 * seq2seq, text_classification, sentence-transformers:triplet, ...), `base_model`, `backend`, `data:`,
 * `params:` (the trainer's parameters: `epochs`, `batch_size`, `mixed_precision`, `peft`, `quantization`).
 *
 * Defaults (huggingface/autotrain-advanced, src/autotrain/trainers/<task>/params.py, the pydantic
 * fields the `params:` keys fill): `peft` False (every weight is trained); `quantization` "int4" for
 * llm and vlm tasks, "int8" for seq2seq, and it only applies with `peft` (the trainers load the
 * quantised base only under PEFT). A 4-bit base under LoRA is QLoRA; an 8-bit or unquantised one, LoRA.
 */

/** Task families whose trainers read `peft`/`quantization`, with their default quantization (params.py). */
const PEFT_TASKS: ReadonlyArray<{ readonly task: RegExp; readonly quantization: string }> = [
  { task: /^llm(?:[-:]|$)/, quantization: 'int4' },
  { task: /^vlm(?:[-:]|$)/, quantization: 'int4' },
  { task: /^seq2seq$/, quantization: 'int8' },
];

/** A task name as AutoTrain writes them: lower-case words joined by `-`, `_` or one `:` (`vlm:vqa`). */
const TASK_NAME = /^[a-z][a-z0-9_-]{1,40}(?::[a-z][a-z0-9_-]{0,40})?$/;

/** Keys only an AutoTrain config has next to `task` and `base_model`. */
const AUTOTRAIN_KEYS = ['backend', 'project_name', 'params'];

/**
 * GPUs a `backend` names: AutoTrain's documented hardware ids (AVAILABLE_HARDWARE in
 * src/autotrain/backends/base.py): Hugging Face Spaces `spaces-a10g-largex4` (the Space hardware
 * flavour a10g-largex4 = 4 x A10G, huggingface.co/docs/hub/spaces-gpus), `spaces-l4x4`, `spaces-l40sx8`,
 * NVIDIA DGX Cloud `dgx-4a100` (dgxa100.80g.4), NVIDIA Cloud Functions `nvcf-h100x2`. `local` and the
 * CPU flavours name no GPU count; inference-endpoint sizes (`ep-aws-useast1-xl`) are left unread.
 */
export function autotrainBackendGpus(backend: string): { count: number; accelerator: string } | undefined {
  const b = backend.trim().toLowerCase();
  const flavour = /^(?:spaces|nvcf)-(a10g|a100|t4|l4|l40s|h100)(?:-(?:small|medium|large))?(?:x(\d{1,2}))?$/.exec(b);
  if (flavour) return { count: flavour[2] ? Number(flavour[2]) : 1, accelerator: flavour[1].toUpperCase() };
  const dgx = /^dgx-(\d{1,2})?a100$/.exec(b);
  if (dgx) return { count: dgx[1] ? Number(dgx[1]) : 1, accelerator: 'A100' };
  return undefined;
}

/**
 * The training mode an AutoTrain task's `peft` and `quantization` settings give. `quantization` undefined: the key is
 * absent (the task's default); null: written as null/none (an unquantised base).
 */
export function autotrainMode(
  task: string,
  peft: unknown,
  quantization: string | null | undefined,
): { mode: 'finetune' | 'lora' | 'qlora'; why: string } {
  const peftTask = PEFT_TASKS.find((t) => t.task.test(task));
  if (!peftTask || peft !== true)
    return { mode: 'finetune', why: 'no PEFT (the default is off): every weight is trained' };
  const q = quantization === undefined ? peftTask.quantization : (quantization ?? 'none').toLowerCase();
  const defaulted = quantization === undefined ? ` (AutoTrain's default for ${task})` : '';
  return q === 'int4'
    ? { mode: 'qlora', why: `PEFT with quantization int4${defaulted}: LoRA on a 4-bit base` }
    : { mode: 'lora', why: `PEFT with quantization ${q}${defaulted}: LoRA adapters` };
}

function isAutotrain(doc: ConfigDoc): boolean {
  const task = doc.str('task');
  return (
    task !== undefined &&
    TASK_NAME.test(task) &&
    typeof doc.get('base_model')?.value === 'string' &&
    AUTOTRAIN_KEYS.some((k) => doc.has(k))
  );
}

export const autotrain: ConfigDialect = {
  name: 'autotrain',
  words: ['base_model'],
  detect: isAutotrain,
  owns: (path) => path === 'backend' || path === 'params.peft' || path === 'params.quantization',
  read(doc: ConfigDoc, out: FactSink): void {
    const task = doc.get('task')!;
    const taskName = String(task.value);
    const model = doc.get('base_model')!;
    const id = String(model.value);
    out.add('run.framework', 'autotrain', task, `AutoTrain config (task: ${taskName})`);
    if (!id) return;
    out.add('model.id', id, model, `base_model: ${id}`);
    out.add('model.fromScratch', false, model, `AutoTrain fine-tunes the loaded ${id}`, 'medium');

    const peft = doc.get('params.peft');
    const q = doc.get('params.quantization');
    const mode = autotrainMode(taskName, peft?.value, q ? (typeof q.value === 'string' ? q.value : null) : undefined);
    out.add(
      'training.mode',
      mode.mode,
      (mode.mode === 'finetune' ? peft : (q ?? peft)) ?? model,
      `${peft ? `params.peft: ${String(peft.value)}` : `AutoTrain ${taskName}`}: ${mode.why}`,
      peft ? 'high' : 'medium',
    );

    // `mixed_precision: none` (or null): no autocast, the Trainer computes in float32 (params.py: "fp16, bf16, or None").
    const mixed = doc.get('params.mixed_precision');
    if (mixed && (mixed.value === null || (typeof mixed.value === 'string' && /^(none|no)$/i.test(mixed.value))))
      out.add('training.precision', 'fp32', mixed, `params.mixed_precision: ${String(mixed.value)}: float32`);

    const backend = doc.get('backend');
    const gpus = typeof backend?.value === 'string' ? autotrainBackendGpus(backend.value) : undefined;
    if (backend && gpus) {
      out.add(
        'hardware.devices',
        gpus.count,
        backend,
        `backend: ${String(backend.value)} (${gpus.count} x ${gpus.accelerator})`,
      );
      out.add('hardware.accelerator', gpus.accelerator, backend, `backend: ${String(backend.value)}`, 'medium');
    }
    out.add('launch.trainer', 'config:autotrain', task, `AutoTrain ${taskName} config: ${id}`);
  },
};
