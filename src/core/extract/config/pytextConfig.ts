import { quotedPath, type ConfigDialect, type ConfigDoc, type ConfigValue, type FactSink } from './dialect';

/**
 * PyText configs (facebookresearch/pytext, `pytext train < config.json`; its docs' "Config files" pages): one JSON
 * object whose `task` (at the top, or under `config` in the versioned form) holds a single task named by its class
 * (`{"task": {"DocumentClassificationTask": {...}}}`), beside the run's settings (`distributed_world_size`,
 * `use_fp16`, `version`). The `pytext train` command builds and trains what it describes, so the file is the run's
 * definition. Read here:
 * - the config is a run (`launch.trainer`), trained from scratch unless it names weights to start from
 *   (`load_path`, `load_snapshot_path`, `pretrained_model_path`);
 * - the model: the class named under the task's `model` (`{"model": {"DocModel": {...}}}`), else the task's own default
 *   model, as PyText's tasks declare it (pytext/task/tasks.py: `class LMTask(NewTask): class Config: model:
 *   LMLSTM.Config = LMLSTM.Config()`, and so for the tasks in TASK_MODELS);
 * - epochs: the trainer's `epochs`, else PyText's TrainerConfig default of 10 (pytext/trainers/trainer.py,
 *   `epochs: int = 10`), marked as that default;
 * - `distributed_world_size`: the processes, one per GPU, the run spreads over (PyTextConfig, default 1);
 *   `use_fp16: true`: float16 mixed precision (PyTextConfig `use_fp16`, default False: float32).
 */

/** A task's class name, as PyText names them (`DocumentClassificationTask`, `DecoupledNARSeq2SeqTask`). */
const TASK_CLASS = /^[A-Z][A-Za-z0-9]{0,80}(?:Task|Multitask)$/;
/** A class name written as the one key of a component's map (`{"DocModel": {...}}`). */
const CLASS_NAME = /^[A-Z][A-Za-z0-9]{0,80}$/;
/** Keys that name weights a run starts from. */
const START_WEIGHTS = ['load_path', 'load_snapshot_path', 'pretrained_model_path'];
/** PyText's TrainerConfig default epochs (pytext/trainers/trainer.py: `epochs: int = 10`). */
const DEFAULT_EPOCHS = 10;
/** Keys of the document looked at for start weights (a config has a few hundred). */
const MAX_KEYS_LOOKED_AT = 5_000;

/** The default model of PyText's tasks (pytext/task/tasks.py, each task's `Config.model` default). */
const TASK_MODELS: Readonly<Record<string, string>> = {
  DocumentClassificationTask: 'DocModel',
  DocumentRegressionTask: 'DocRegressionModel',
  NewBertClassificationTask: 'NewBertModel',
  WordTaggingTask: 'WordTaggingModel',
  IntentSlotTask: 'IntentSlotModel',
  LMTask: 'LMLSTM',
  MaskedLMTask: 'MaskedLanguageModel',
  PairwiseClassificationTask: 'PairwiseModel',
  RoBERTaNERTask: 'RoBERTaWordTaggingModel',
  SeqNNTask: 'SeqNNModel',
  SemanticParsingTask: 'RNNGParser',
  SequenceLabelingTask: 'Seq2SeqModel',
};

/** Where the task sits: `task` at the top, or `config.task` in the versioned form. */
function taskRoot(doc: ConfigDoc): string | undefined {
  return ['task', 'config.task'].find((p) => doc.get(p)?.shape === 'map');
}

/** The task: the one class-named key of the task map. */
function taskOf(doc: ConfigDoc): ConfigValue | undefined {
  const root = taskRoot(doc);
  if (!root) return undefined;
  const entries = doc.entries(root);
  return entries.length === 1 && TASK_CLASS.test(entries[0].key) && entries[0].shape === 'map' ? entries[0] : undefined;
}

/** A component's class, where its map is keyed by one class name (`{"TaskTrainer": {...}}`). */
function classKeyed(doc: ConfigDoc, path: string): ConfigValue | undefined {
  const entries = doc.entries(path);
  return entries.length === 1 && CLASS_NAME.test(entries[0].key) && entries[0].shape === 'map' ? entries[0] : undefined;
}

export const pytextConfig: ConfigDialect = {
  name: 'pytext',
  words: ['task'],
  detect: (doc) => taskOf(doc) !== undefined,
  read(doc: ConfigDoc, out: FactSink): void {
    const task = taskOf(doc)!;
    const settings = task.path.startsWith('config.') ? 'config.' : '';
    out.add(
      'launch.trainer',
      'config:pytext',
      task,
      `${task.path}: a PyText task config: \`pytext train\` trains what it describes`,
      'medium',
    );
    out.add('run.framework', 'pytext', task, 'a PyText task config', 'medium');

    const start = doc
      .walk()
      .slice(0, MAX_KEYS_LOOKED_AT)
      .find((v) => START_WEIGHTS.includes(v.key) && typeof v.value === 'string' && v.value.trim() !== '');
    if (start)
      out.add(
        'model.fromScratch',
        false,
        start,
        `${start.path}: ${quotedPath(String(start.value))} (the weights it starts from)`,
      );
    else
      out.add(
        'model.fromScratch',
        true,
        task,
        `${task.path}: no weights to start from: trained from scratch`,
        'medium',
      );

    const model = doc.get(`${task.path}.model`);
    const named = model?.shape === 'map' ? classKeyed(doc, model.path) : undefined;
    if (named) out.add('model.id', named.key, named, `${named.path}: the model class the task builds`, 'medium');
    else if (TASK_MODELS[task.key])
      out.add(
        'model.id',
        TASK_MODELS[task.key],
        model ?? task,
        `${task.key}'s default model (pytext/task/tasks.py): ${TASK_MODELS[task.key]}`,
        'medium',
      );

    const trainer = doc.get(`${task.path}.trainer`);
    const trainerBody = trainer?.shape === 'map' ? (classKeyed(doc, trainer.path)?.path ?? trainer.path) : undefined;
    const epochs = trainerBody ? doc.get(`${trainerBody}.epochs`) : undefined;
    if (epochs && typeof epochs.value === 'number' && Number.isInteger(epochs.value) && epochs.value > 0)
      out.add('training.epochs', epochs.value, epochs, `${epochs.path}: ${epochs.value}`);
    else
      out.add(
        'training.epochs',
        DEFAULT_EPOCHS,
        trainer ?? task,
        `no trainer epochs: PyText's TrainerConfig default, epochs: int = ${DEFAULT_EPOCHS} (pytext/trainers/trainer.py)`,
        'low',
      );

    const world = doc.get(`${settings}distributed_world_size`);
    if (world && typeof world.value === 'number' && Number.isInteger(world.value) && world.value > 0)
      out.add('hardware.devices', world.value, world, `${world.path}: ${world.value} processes, one per GPU`);
    const fp16 = doc.get(`${settings}use_fp16`);
    if (fp16?.value === true)
      out.add('training.precision', 'fp16', fp16, `${fp16.path}: true (float16 mixed precision)`);
  },
};
