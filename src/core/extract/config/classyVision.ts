import { quotedPath, type ConfigDialect, type ConfigDoc, type FactSink } from './dialect';
import { intList } from './sequences';

/**
 * Classy Vision task configs (facebookresearch/ClassyVision, `classy_train.py --config configs/…json`; its README
 * "Getting started"): one JSON object naming the task (`"name": "classification_task"` or `"fine_tuning"`), with
 * `num_epochs`, `dataset`, `model`, `loss` and `optimizer` sections. The trainer builds and trains what it describes,
 * so the file is the run's definition. Read here:
 * - the config is a run (`launch.trainer`);
 * - a `fine_tuning` task, or a `pretrained_checkpoint` to start from, fine-tunes a trained model; any other task
 *   builds its model from the `model` section at random initialisation, a training from scratch;
 * - `amp_args.opt_level`: apex AMP, O1–O3 float16 mixed precision, O0 float32 (apex docs, "opt_level"; Classy
 *   Vision hands `amp_args` to `apex.amp.initialize`);
 * - a ResNet or ResNeXt stated by its stages (`"name": "resnet", "num_blocks": [3, 4, 6, 3]`): Classy Vision's
 *   ResNe(X)t is built of bottleneck blocks (classy_vision/models/resnext.py), so the stages name the standard depth
 *   (He et al. 2016, arXiv:1512.03385, Table 1: 50 = [3, 4, 6, 3], 101 = [3, 4, 23, 3], 152 = [3, 8, 36, 3]), and
 *   `base_width_and_cardinality: [4, 32]` the ResNeXt of that width (Xie et al. 2017, arXiv:1611.05431: 32×4d).
 */

/** Task names Classy Vision registers for training (classy_vision/tasks: `classification_task`, `fine_tuning`). */
const TASK_NAME = /^(?:classification_task|fine_tuning|[a-z][a-z0-9_]{0,60}_task)$/;
/** Bottleneck stage counts of the standard depths (He et al. 2016, Table 1). */
const BOTTLENECK_DEPTHS: ReadonlyArray<readonly [string, number]> = [
  ['3,4,6,3', 50],
  ['3,4,23,3', 101],
  ['3,8,36,3', 152],
];

function isTask(doc: ConfigDoc): boolean {
  const name = doc.str('name');
  return (
    name !== undefined &&
    TASK_NAME.test(name) &&
    doc.get('model')?.shape === 'map' &&
    doc.get('dataset')?.shape === 'map' &&
    (doc.has('optimizer') || doc.has('num_epochs'))
  );
}

/** `resnet50`, `resnext101_32x4d`: the network a ResNe(X)t section states by its stages, if standard. */
function resnetName(doc: ConfigDoc): string | undefined {
  const family = doc.str('model.name');
  if (family !== 'resnet' && family !== 'resnext') return undefined;
  const depth = BOTTLENECK_DEPTHS.find(
    ([stages]) => stages === intList(doc, 'model.num_blocks', { scalar: false })?.join(','),
  )?.[1];
  if (!depth) return undefined;
  const widthCardinality = intList(doc, 'model.base_width_and_cardinality', { scalar: false });
  if (!widthCardinality) return family === 'resnet' ? `resnet${depth}` : undefined;
  if (widthCardinality.length !== 2) return undefined;
  const [width, cardinality] = widthCardinality;
  return `resnext${depth}_${cardinality}x${width}d`;
}

export const classyVision: ConfigDialect = {
  name: 'classy-vision',
  words: ['classification_task', 'fine_tuning', '_task'],
  detect: isTask,
  read(doc: ConfigDoc, out: FactSink): void {
    const name = doc.get('name')!;
    out.add(
      'launch.trainer',
      'config:classy-vision',
      name,
      `name: ${String(name.value)}: a Classy Vision task config (classy_train.py --config trains what it describes)`,
      'medium',
    );
    out.add('run.framework', 'classy-vision', name, 'a Classy Vision task config', 'medium');
    const checkpoint = doc.get('pretrained_checkpoint');
    if (typeof checkpoint?.value === 'string' && checkpoint.value.trim() !== '')
      out.add(
        'model.fromScratch',
        false,
        checkpoint,
        `pretrained_checkpoint: ${quotedPath(checkpoint.value)} (the weights it starts from)`,
      );
    else if (name.value === 'fine_tuning')
      out.add(
        'model.fromScratch',
        false,
        name,
        'name: fine_tuning (a task that starts from a trained checkpoint)',
        'medium',
      );
    // A classification task builds its model from the config's section, initialised at random (no weights to load).
    else
      out.add(
        'model.fromScratch',
        true,
        name,
        `name: ${String(name.value)} with no pretrained_checkpoint: trained from scratch`,
        'medium',
      );

    const level = doc.get('amp_args.opt_level');
    if (typeof level?.value === 'string' && /^O[0-3]$/.test(level.value))
      out.add(
        'training.precision',
        level.value === 'O0' ? 'fp32' : 'fp16',
        level,
        `amp_args.opt_level: ${level.value} (apex AMP: ${level.value === 'O0' ? 'float32' : 'float16 mixed precision'})`,
      );

    // The network: a standard ResNe(X)t by its stages, else the model's registered name (`vision_transformer`,
    // `densenet`, `resnext3d`), the class Classy Vision builds.
    const network = resnetName(doc);
    const family = doc.get('model.name');
    if (network)
      out.add(
        'model.id',
        network,
        doc.get('model.num_blocks')!,
        `model.num_blocks: [${intList(doc, 'model.num_blocks', { scalar: false })!.join(', ')}] in bottleneck stages: ${network}`,
      );
    else if (typeof family?.value === 'string' && /^\w{1,80}$/.test(family.value))
      out.add(
        'model.id',
        family.value,
        family,
        `model.name: ${family.value} (the model Classy Vision builds, by its registered name)`,
        'medium',
      );
  },
};
