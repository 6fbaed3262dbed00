import type { ConfigDialect, ConfigDoc, FactSink } from './dialect';
import { positiveInteger } from '../positiveInteger';

/**
 * lighteval model configs (github.com/huggingface/lighteval, `examples/model_configs/*.yaml`): a `model_parameters`
 * section the evaluation command is given with its tasks (`lighteval accelerate <this> "tasks"`, `lighteval vllm
 * <this> ...`, `lighteval sglang`, `lighteval endpoint inference-endpoint <this>`; lighteval docs, "Use model
 * configs"). The file is the evaluation's model, so it is an inference run of that model: `model_name` names the
 * checkpoint, `dtype` the precision the weights are loaded in (`4bit`/`8bit`: bitsandbytes), `batch_size` the batch.
 * The serving stack follows from the backend's own keys: vLLM's (`gpu_memory_utilization`, `tensor_parallel_size`,
 * `max_num_seqs`), SGLang's (`tp_size`, `dp_size` without vLLM's), else a transformers generate loop.
 *
 * Not runs: a config of a client of a server that runs elsewhere (`inference_server_address` of a TGI server,
 * `provider`/`base_url` of LiteLLM or Inference Providers): what it costs is that server's, not this evaluation's.
 */

const SECTION = 'model_parameters';
/** Keys of a client of a server somewhere else. */
const REMOTE_KEYS = ['inference_server_address', 'provider', 'base_url', 'api_key'];
const VLLM_KEYS = ['gpu_memory_utilization', 'tensor_parallel_size', 'max_num_seqs', 'swap_space'];
const SGLANG_KEYS = ['tp_size', 'dp_size', 'mem_fraction_static'];
const HUB_ID = /^[A-Za-z0-9][\w.-]{0,95}\/[\w.-]{1,96}$/;

function modelName(doc: ConfigDoc): string | undefined {
  const name = doc.str(`${SECTION}.model_name`)?.trim();
  return name && HUB_ID.test(name) ? name : undefined;
}

export const lightevalModel: ConfigDialect = {
  name: 'lighteval-model',
  words: [SECTION],
  detect: (doc) =>
    doc.prefix === '' &&
    doc.get(SECTION)?.shape === 'map' &&
    modelName(doc) !== undefined &&
    !REMOTE_KEYS.some((k) => doc.has(`${SECTION}.${k}`)),
  owns: (path) => path === `${SECTION}.tensor_parallel_size` || path === `${SECTION}.tp_size`,
  read(doc: ConfigDoc, out: FactSink): void {
    const name = doc.get(`${SECTION}.model_name`)!;
    const has = (keys: readonly string[]) => keys.some((k) => doc.has(`${SECTION}.${k}`));
    const engine = has(VLLM_KEYS) ? 'vllm' : has(SGLANG_KEYS) ? 'sglang' : 'hf-generate';
    out.add(
      'inference.engine',
      engine,
      name,
      engine === 'hf-generate'
        ? 'lighteval transformers backend: a generate loop over batches'
        : `lighteval ${engine} backend (${engine === 'vllm' ? 'vLLM' : 'SGLang'} batches requests continuously)`,
      'medium',
    );
    const parallel = doc.get(`${SECTION}.tensor_parallel_size`) ?? doc.get(`${SECTION}.tp_size`);
    const tp = positiveInteger(parallel?.value);
    if (parallel && tp) out.add('inference.tensorParallel', tp, parallel, `${parallel.key}: ${tp}`);
    out.add('run.framework', 'lighteval', name, 'lighteval model config (model_parameters)');
    out.add(
      'launch.inference',
      'config:lighteval',
      name,
      `a lighteval model config: \`lighteval ${engine === 'hf-generate' ? 'accelerate' : engine} <this> <tasks>\` evaluates ${String(name.value).trim()}`,
    );
  },
};
