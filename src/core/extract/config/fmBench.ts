import type { ConfigDialect, ConfigDoc, ConfigValue, FactSink } from './dialect';
import { positiveIntegerOrDigits } from '../positiveInteger';

/**
 * FMBench configs (aws-samples/foundation-model-benchmarking-tool, "Create your own config file"): a benchmark that
 * deploys a model on a SageMaker/EC2/Bedrock endpoint and sends it prompts at several concurrency levels. The
 * shape: `experiments:` a list of deployments, each with its `instance_type`, `deployment_script` or
 * `inference_script`, `payload_files` and `concurrency_levels`, beside the top-level `inference_parameters`.
 * Running the benchmark is serving the model: an inference run. The first experiment is read (the others are the
 * same benchmark on other instances): its model (`model_id` when a hub id, else its `model_name`, else
 * `general.model_name`) and its GPUs, `instance_count` × the `SM_NUM_GPUS` its container is given (TGI's shard
 * count on SageMaker), read only when written.
 */

const HUB_ID = /^[A-Za-z0-9][\w.-]{0,95}\/[A-Za-z0-9][\w.-]{0,95}$/;
const MODEL_NAME = /^[A-Za-z0-9][\w.-]{0,95}$/;

/** A list of deployments in FMBench's shape: the first item has an instance, a script and concurrency levels. */
function isExperimentList(doc: ConfigDoc): boolean {
  if (doc.get('experiments')?.shape !== 'seq' || doc.get('experiments.0')?.shape !== 'map') return false;
  const first = doc.at('experiments.0');
  if (!first) return false;
  return (
    typeof first.str('instance_type') === 'string' &&
    (first.has('inference_script') || first.has('deployment_script')) &&
    (first.has('concurrency_levels') || first.has('payload_files'))
  );
}

export const fmBench: ConfigDialect = {
  name: 'fmbench',
  words: ['concurrency_levels', 'payload_files'],
  detect: (doc) => isExperimentList(doc) && doc.has('inference_parameters'),
  owns: (path) => path.startsWith('experiments.'),
  read(doc: ConfigDoc, out: FactSink): void {
    const experiments = doc.get('experiments')!;
    out.add(
      'launch.inference',
      'config:fmbench',
      experiments,
      'an FMBench benchmark: deploys the model on an endpoint and sends it prompts (inference)',
    );
    const candidates: Array<ConfigValue | undefined> = [
      doc.get('experiments.0.model_id'),
      doc.get('experiments.0.model_name'),
      doc.get('general.model_name'),
    ];
    const model = candidates.find((v, i) => {
      const s = typeof v?.value === 'string' ? v.value : '';
      return i === 0 ? HUB_ID.test(s) : MODEL_NAME.test(s);
    });
    if (model) {
      out.add('model.id', String(model.value), model, `${model.path}: the model the benchmark deploys`, 'medium');
      out.add('model.fromScratch', false, model, 'a benchmarked model is a trained checkpoint', 'medium');
    }
    const instance = doc.get('experiments.0.instance_type');
    if (instance && typeof instance.value === 'string')
      out.add('hardware.accelerator', instance.value, instance, `experiments[0].instance_type: ${instance.value}`);
    const count = doc.get('experiments.0.instance_count');
    const gpusValue = doc.get('experiments.0.env.SM_NUM_GPUS');
    const instances = positiveIntegerOrDigits(count?.value, 4);
    const gpus = positiveIntegerOrDigits(gpusValue?.value, 4);
    if (gpus && gpusValue)
      out.add(
        'hardware.devices',
        gpus * (instances ?? 1),
        gpusValue,
        `SM_NUM_GPUS ${gpus}${instances ? ` × instance_count ${instances}` : ''}: the GPUs the endpoint serves on`,
      );
  },
};
