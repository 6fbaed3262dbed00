import type { ConfigDialect, ConfigDoc, ConfigValue, FactSink } from './dialect';
import { positiveInteger } from '../positiveInteger';

/**
 * MosaicML inference deployments (`mcli deploy -f deployment.yaml`, docs.mosaicml.com/projects/mcli, "Common
 * Commands"): a served model, `compute.gpus` GPUs a replica, `replicas` copies. The model is either one of the
 * platform's own (`default_model: {model_type: mpt-7b}`) or a handler the deployment runs
 * (`model: {model_handler: ..., model_parameters: {model_name_or_path: mosaicml/mpt-7b}}`); the fields are those of
 * mcli's InferenceDeploymentConfig (mcli/models/inference_deployment_config.py: ModelConfig's `downloader`,
 * `download_parameters`, `model_handler`, `model_parameters`; DefaultModelConfig's `model_type`, `checkpoint_path`).
 * A deployment serves: an inference run on the GPUs of one replica.
 */

/** Where the served model is named, in order: the platform model, then the handler's parameters. */
const MODEL_KEYS = [
  'default_model.model_type',
  'model.model_parameters.model_name_or_path',
  'model.model_parameters.model_name',
  'model.model_parameters.pretrained_model_name_or_path',
  'default_model.checkpoint_path.hf_path',
];
const MODEL_ID = /^[A-Za-z0-9][\w.-]{0,95}(?:\/[A-Za-z0-9][\w.-]{0,95})?$/;

export const mosaicmlDeploy: ConfigDialect = {
  name: 'mcli-deploy',
  words: ['default_model', 'model_handler'],
  detect: (doc) =>
    doc.get('compute')?.shape === 'map' &&
    !doc.has('parameters') &&
    (doc.has('default_model.model_type') || doc.has('model.model_handler')),
  read(doc: ConfigDoc, out: FactSink): void {
    const anchor: ConfigValue = doc.get('default_model') ?? doc.get('model')!;
    out.add('launch.inference', 'mcli-deploy', anchor, 'MosaicML inference deployment (mcli deploy -f <this>)');
    out.add('training.mode', 'inference', anchor, 'a deployment serves the model');
    for (const key of MODEL_KEYS) {
      const v = doc.get(key);
      const id = typeof v?.value === 'string' ? v.value.trim() : '';
      if (!v || !MODEL_ID.test(id)) continue;
      out.add('model.id', id, v, `${key}: ${id}`);
      out.add('model.fromScratch', false, v, 'a deployment serves trained weights');
      break;
    }
    const gpus = doc.get('compute.gpus');
    const n = positiveInteger(doc.num('compute.gpus'));
    if (gpus && n) out.add('hardware.devices', n, gpus, `compute.gpus: ${n} (the GPUs of one replica)`);
  },
};
