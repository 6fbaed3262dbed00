import type { Fact } from '../facts';

/**
 * The GPU count a run file's name states: `qwen3_30ba3b_ep_lora_4gpu.yaml`, `vllm_72b_4gpu.sh`,
 * `llava_llama3_8b_e1_gpu8_pretrain.py`, `qwen1_5_110b_chat_qlora_alpaca_e3_16k_2gpus.py`. Fine-tuning toolkits name
 * their example configs and launch scripts by the layout they were written and tuned for (the batch sizes and
 * parallelism inside assume it), and a reader takes the count from there when nothing in the file sets it. Only a
 * whole name field counts (between `_`, `-` or `.`): `gpu8`, `gpus8`, `8gpu`, `8gpus`, `8xgpu`. Low confidence: any
 * count a file or its launch states outranks it.
 *
 * Two more layouts of the same convention: machines × GPUs each (`..._100e_4x8gpus_obj365v1...`, YOLO-World's
 * pre-training configs: four nodes of eight), and OpenMMLab's config names, whose training-settings field is GPUs ×
 * batch per GPU (`8xb32`, mmpretrain/mmdetection docs, "Config Name Style": `{gpu x batch_per_gpu}`).
 */
const FIELD =
  /^(?:gpus?([1-9]\d{0,3})|([1-9]\d{0,3})x?gpus?|([1-9]\d{0,2})x([1-9]\d{0,3})gpus?|([1-9]\d{0,3})xb[1-9]\d{0,4})$/i;
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
    const gpus = Number(m[1] ?? m[2] ?? m[4] ?? m[5]);
    const range = { startLine: 0, startCol: 0, endLine: 0, endCol: 0 };
    const devices: Fact = {
      kind: 'hardware.devices',
      value: gpus,
      range,
      confidence: 'low',
      detail: `the file's name says ${gpus} GPU${gpus === 1 ? '' : 's'}${m[3] ? ' on each machine' : ''} (${field})`,
    };
    if (!m[3] || facts.some((f) => f.kind === 'hardware.nodes')) return [devices];
    const nodes = Number(m[3]);
    return [
      devices,
      {
        kind: 'hardware.nodes',
        value: nodes,
        range,
        confidence: 'low',
        detail: `the file's name says ${nodes} machines (${field})`,
      },
    ];
  }
  return [];
}
