import type { ConfigDialect, ConfigDoc, ConfigValue, FactSink } from './dialect';
import { positiveInteger } from '../positiveInteger';
import { MMF_INCLUDE } from './mmf';

/**
 * MMPT project configs (fairseq examples/MMPT, the VideoCLIP/VLM code base, and the projects built on it): YAML
 * files read by `mmpt/utils/load_config.py` and launched by `locallaunch.py <config>`.
 *
 * - `includes: <path>.yaml` (one scalar path, from the project's root): `recursive_config` loads that file first and
 *   merges this one over it (OmegaConf.merge), so a file of `includes:` and a few keys is the run its base defines with
 *   those keys changed. Read as a link the walk composes (the base's trainer or predictor starts this file's run).
 * - A run config's own sections: `model.model_cls` (the registered MMPT model class the run builds), `dataset`,
 *   `loss.loss_cls`, `fairseq` (the fairseq sections the run is trained with; fairseq.ts reads them) and `task_type`.
 * - A pipeline config: `task_group` with `pretrain`/`finetune`/`test` groups (each a map of overrides, a `task_list`
 *   of task configs) and `project_dir` (where the generated configs go). `locallaunch.py` writes one config per task
 *   of each group and runs them in order: the pipeline is a run of its own (pretraining first), its length and
 *   precision those of its `pretrain` group's `fairseq` section.
 *
 * Source: fairseq v0.12 examples/MMPT/mmpt/utils/load_config.py (`recursive_config`), examples/MMPT/locallaunch.py
 * (`Pipeline._overwrite_task`), examples/MMPT/CONFIG.md.
 */

/** An include as `recursive_config` takes it: one YAML file. */
const INCLUDE_PATH = /^[\w./-]{1,300}\.ya?ml$/;
/** A registered model class name (`MMFusionSeparate`). */
const CLASS_NAME = /^[A-Za-z_]\w{0,80}$/;
/** Groups of a pipeline config, in the order locallaunch.py runs them. */
const GROUPS = ['pretrain', 'finetune', 'test'] as const;
/** Keys a group of a pipeline config overrides (a task list, or sections of the task configs). */
const GROUP_KEYS = ['task_list', 'fairseq', 'model', 'dataset', 'loss'] as const;

function isMap(doc: ConfigDoc, path: string): boolean {
  return doc.get(path)?.shape === 'map';
}

function include(doc: ConfigDoc): ConfigValue | undefined {
  const v = doc.get('includes');
  return typeof v?.value === 'string' && INCLUDE_PATH.test(v.value.trim()) ? v : undefined;
}

function modelClass(doc: ConfigDoc, path: string): ConfigValue | undefined {
  const v = doc.get(path);
  return typeof v?.value === 'string' && CLASS_NAME.test(v.value.trim()) ? v : undefined;
}

/** A pipeline config: a `task_group` whose groups override task configs, and the folder the generated configs go to. */
function pipeline(doc: ConfigDoc): boolean {
  if (!isMap(doc, 'task_group') || typeof doc.str('project_dir') !== 'string') return false;
  return GROUPS.some((g) => isMap(doc, `task_group.${g}`) && GROUP_KEYS.some((k) => doc.has(`task_group.${g}.${k}`)));
}

/** A run config merged over its base: the include and sections of a run (a model class, fairseq's or a pipeline's). */
function stacked(doc: ConfigDoc): boolean {
  if (!include(doc)) return false;
  return modelClass(doc, 'model.model_cls') !== undefined || isMap(doc, 'fairseq') || pipeline(doc);
}

export const mmpt: ConfigDialect = {
  name: 'mmpt',
  words: ['includes', 'model_cls', 'task_group'],
  detect: (doc) =>
    doc.prefix === '' &&
    (stacked(doc) || pipeline(doc) || (isMap(doc, 'fairseq') && modelClass(doc, 'model.model_cls') !== undefined)),
  owns: (path) => path === 'includes' || path === 'project_dir' || path.startsWith('task_group.'),
  read(doc: ConfigDoc, out: FactSink): void {
    const base = include(doc);
    const anchor = base ?? doc.get('task_group') ?? doc.get('model.model_cls') ?? doc.entries()[0];
    if (!anchor) return;
    out.add('run.framework', 'mmpt', anchor, 'MMPT project config (locallaunch.py <this>), merged over its includes');
    if (base) {
      const written = String(base.value).trim();
      out.add('link.config', written, base, `${MMF_INCLUDE}${written} (the config this one is merged over)`, 'medium');
    }
    const model = modelClass(doc, 'model.model_cls');
    if (model) {
      const name = String(model.value).trim();
      out.add('model.id', name, model, `model.model_cls: ${name} (the MMPT model class the run builds)`, 'medium');
    }
    if (pipeline(doc)) readPipeline(doc, out);
  },
};

/** The pipeline's first stage: its `pretrain` group (what it trains and how long), else the first group it has. */
function readPipeline(doc: ConfigDoc, out: FactSink): void {
  const group = GROUPS.find((g) => isMap(doc, `task_group.${g}`))!;
  const at = doc.get(`task_group.${group}`)!;
  out.add(
    'launch.trainer',
    'config:mmpt',
    doc.get('task_group')!,
    `MMPT pipeline config (locallaunch.py <this>: generates and runs its ${group} tasks first)`,
  );
  const p = `task_group.${group}`;
  const model = modelClass(doc, `${p}.model.model_cls`);
  if (model) {
    const name = String(model.value).trim();
    out.add('model.id', name, model, `${p}.model.model_cls: ${name} (the MMPT model class)`, 'medium');
  }
  const epoch = doc.get(`${p}.fairseq.optimization.max_epoch`);
  const epochs = positiveInteger(epoch?.value);
  if (epoch && epochs) out.add('training.epochs', epochs, epoch, `${p}.fairseq.optimization.max_epoch: ${epochs}`);
  const update = doc.get(`${p}.fairseq.optimization.max_update`);
  const steps = positiveInteger(update?.value);
  if (update && steps) out.add('training.steps', steps, update, `${p}.fairseq.optimization.max_update: ${steps}`);
  for (const key of ['bf16', 'fp16']) {
    const v = doc.get(`${p}.fairseq.common.${key}`);
    if (v?.value === true) {
      out.add('training.precision', key, v, `${p}.fairseq.common.${key}: true`);
      break;
    }
  }
  if (group === 'pretrain')
    out.add('training.mode', 'pretrain', at, 'the pipeline pre-trains first (task_group.pretrain)', 'medium');
}
