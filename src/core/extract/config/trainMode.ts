import type { ConfigDoc, FactSink } from './dialect';

/** The method a project's own argument dataclass names beside TrainingArguments (`train_mode: qlora`). */
const METHOD_KEYS = ['train_mode', 'training_mode'];
const METHODS: Readonly<Record<string, 'finetune' | 'lora' | 'qlora'>> = {
  full: 'finetune',
  lora: 'lora',
  qlora: 'qlora',
};
/** A rank of LoRA adapters, as project dataclasses beside TrainingArguments spell it. */
const RANK_KEYS = ['lora_rank', 'lora_r'];

/**
 * Fine-tuning projects that extend TrainingArguments with their own dataclass (`HfArgumentParser((CustomArguments,
 * TrainingArguments)).parse_json_file(...)`) write the method as `train_mode: full|lora|qlora` and the adapters'
 * `lora_rank`. A stated method wins (a full run's file may keep an unused `lora_rank`); without one, a LoRA rank
 * says adapters are trained, and 4-bit only when the config's own name says `qlora` (the project's default
 * method lives in its dataclass, which this file does not show). `byRank` false: a dialect (TRL) whose ranks the
 * generic key table reads.
 */
export function readTrainingMethod(doc: ConfigDoc, out: FactSink, path: string | undefined, byRank: boolean): void {
  for (const key of METHOD_KEYS) {
    const at = doc.get(key);
    const method = typeof at?.value === 'string' ? METHODS[at.value.trim().toLowerCase()] : undefined;
    if (!at || !method) continue;
    const why =
      method === 'finetune'
        ? `${key}: ${String(at.value)}: every weight is updated`
        : method === 'qlora'
          ? `${key}: qlora: LoRA adapters on a 4-bit base`
          : `${key}: lora: adapters on frozen weights`;
    out.add('training.mode', method, at, why);
    return;
  }
  if (!byRank) return;
  const rank = RANK_KEYS.map((k) => ({ k, at: doc.get(k) })).find(
    ({ at }) => typeof at?.value === 'number' && at.value > 0,
  );
  if (!rank?.at) return;
  const base = path ? (/[^/\\]+$/.exec(path)?.[0] ?? '') : '';
  const fourBit = /(^|[^a-z0-9])qlora([^a-z0-9]|$)/i.test(base);
  out.add(
    'training.mode',
    fourBit ? 'qlora' : 'lora',
    rank.at,
    fourBit
      ? `${rank.k}: ${String(rank.at.value)} in a config named for QLoRA (${base})`
      : `${rank.k}: ${String(rank.at.value)}: LoRA adapters`,
    'medium',
  );
}
