import type { Fact } from '../facts';

/**
 * The GPU count a run file's name states: `qwen3_30ba3b_ep_lora_4gpu.yaml`, `vllm_72b_4gpu.sh`,
 * `llava_llama3_8b_e1_gpu8_pretrain.py`, `qwen1_5_110b_chat_qlora_alpaca_e3_16k_2gpus.py`. Fine-tuning toolkits name
 * their example configs and launch scripts by the layout they were written and tuned for (the batch sizes and
 * parallelism inside assume it), and a reader takes the count from there when nothing in the file sets it. Only a
 * whole name field counts (between `_`, `-` or `.`): `gpu8`, `gpus8`, `8gpu`, `8gpus`, `8xgpu`. Low confidence: any
 * count a file or its launch states outranks it.
 */
const FIELD = /^(?:gpus?([1-9]\d{0,3})|([1-9]\d{0,3})x?gpus?)$/i;
/** At most this many fields of a name are looked at (a generated name may be long). */
const MAX_FIELDS = 32;

export function fileNameDeviceFacts(path: string, facts: readonly Fact[]): Fact[] {
  // Only a file that holds something of a run; a devices count is no run by itself.
  if (facts.length === 0 || facts.some((f) => f.kind === 'hardware.devices')) return [];
  const name = path.slice(path.lastIndexOf('/') + 1).replace(/\.[^.]*$/, '');
  const fields = name.split(/[_.-]/, MAX_FIELDS);
  for (const field of fields) {
    const m = FIELD.exec(field);
    if (!m) continue;
    const gpus = Number(m[1] ?? m[2]);
    return [
      {
        kind: 'hardware.devices',
        value: gpus,
        range: { startLine: 0, startCol: 0, endLine: 0, endCol: 0 },
        confidence: 'low',
        detail: `the file's name says ${gpus} GPU${gpus === 1 ? '' : 's'} (${field})`,
      },
    ];
  }
  return [];
}
