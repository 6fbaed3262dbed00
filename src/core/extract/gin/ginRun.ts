import type { Fact, FactKind, FactValue } from '../../facts';
import { ginValue } from './ginStatements';
import { ginGeneralRunFacts } from './ginGeneralRun';
import { compose, ginFactAdder, numberOf, resolveBinding, stringOf, type Binding, type Resolved } from './ginCompose';

/**
 * The run a gin config defines once its includes are read (t5x: `python -m t5x.train --gin_file=<this>`). The
 * statements of every gin file the run links (ginFacts.ts) are replayed in gin's order, an include standing where it
 * is written and a later binding replacing an earlier one; macros (`NAME = value`, `%NAME`) are followed. An include
 * that was not found stays unknown: what it would bind is not made up.
 *
 * From the composed bindings:
 * - the model: a `MODEL` macro (or a run function's `model`) bound to a configurable, and the network config that
 *   states `emb_dim` with its layers (`num_encoder_layers`/`num_decoder_layers`, encoder-decoder as T5; `num_layers`,
 *   decoder-only). Parameters are counted from the dimensions: attention 4·d·(heads·head_dim) per attention block
 *   (a decoder layer has two, self and cross), the MLP (k + 1)·d·mlp_dim with k the entries of `mlp_activations`
 *   (T5.1.1's gated `('gelu', 'linear')`: two input projections; T5's `('relu',)`: one), the token embedding V·d
 *   shared by encoder and decoder, and V·d more when `logits_via_embedding` is False (an untied output layer).
 *   Raffel et al. 2020 (T5, JMLR 21:140, §3.1 and Table 14) and the T5.1.1 notes (github.com/google-research/
 *   text-to-text-transfer-transformer/blob/main/released_checkpoints.md) give these shapes; relative position biases
 *   and layer norms (under 0.1%) are left out. The model is named after the file that states its width, as t5x names
 *   its model gins (`t5_1_1/base.gin`, `mt5/xl.gin`: the folder the family, the file the size).
 * - what the run does: a binding of a function of `__main__` (`import __main__ as train_script`, then
 *   `train_script.train`: t5x's train.py; `evaluate`, `infer`: eval.py and infer.py, inference). A file that binds a
 *   model and no such function is a model gin: its runs pair it with a `runs/*.gin` template at launch (`--gin_file`
 *   twice), so their mode and length are not in it. A file without a model (the templates themselves, optimizer or
 *   vocabulary fragments, `MODEL = %gin.REQUIRED`) defines no run.
 * - where it starts: `RestoreCheckpointConfig.path` (`%INITIAL_CHECKPOINT_PATH`): a path is a fine-tune; `[]`, None, or
 *   `CheckpointConfig.restore = None` trains from scratch.
 * - how long: `train.total_steps` (`%TRAIN_STEPS`). t5x counts it from step 0, so a fine-tune's total includes the
 *   checkpoint's own steps (t5x docs/usage/finetune.md, github.com/google-research/t5x: the training step
 *   continues from the restored checkpoint's, and its example fine-tune sets TRAIN_STEPS to the 1,000,000 pre-training
 *   steps plus 20,000 fine-tuning steps); the run takes total − the checkpoint's step when the checkpoint path writes it
 *   (`checkpoint_1000000`), else its length is left unknown and the note says the total is absolute.
 *   `train.relative_steps` (`TRAIN_STEPS_RELATIVE`) counts from the checkpoint.
 * - the batch (`train/DatasetConfig.batch_size`, all devices together), the task (`MIXTURE_OR_TASK_NAME`) and the
 *   network's `dtype` (the activations' type: 'bfloat16' is bf16 compute).
 */

/** Last two folders and the file's name without `.gin`: `t5x/examples/t5/mt5/small.gin` → mt5-small. */
const GENERIC_FOLDER = /^(models?|configs?|architectures?|examples?|gin|runs)$/i;
function modelNameOf(file: string): string | undefined {
  const parts = file.replace(/\\/g, '/').split('/');
  const stem = parts.pop()?.replace(/\.gin$/i, '');
  if (!stem) return undefined;
  for (let i = parts.length - 1; i >= 0 && i >= parts.length - 3; i--)
    if (parts[i] && !GENERIC_FOLDER.test(parts[i])) return `${parts[i]}-${stem}`;
  return undefined;
}

const DTYPES: Readonly<Record<string, string>> = {
  bfloat16: 'bf16',
  float32: 'fp32',
  float16: 'fp16',
};

export interface GinRunInput {
  /** The gin file the run is (its path, for the model's name when it states the model itself). */
  readonly path: string;
}

/** The facts of the run a gin file's composed bindings define (none when it defines no run). */
export function ginRunFacts(facts: readonly Fact[], input: GinRunInput): Fact[] {
  const composed = compose(facts);
  if (!composed) return [];
  const { bindings, mainFunctions, missingIncludes } = composed;
  const out: Fact[] = [];
  const firstOwn = facts.find((f) => !f.file && f.kind.startsWith('gin.'))!;
  const add = ginFactAdder(out, firstOwn);
  const get = (name: string) => resolveBinding(bindings, bindings.get(name));
  const missing = missingIncludes.length
    ? ` (not found: ${missingIncludes
        .slice(0, 3)
        .map((m) => m.slice(0, 120))
        .join(', ')})`
    : '';

  // The model: MODEL bound to a configurable, and a network config stating its width.
  const model = get('MODEL') ?? get('train.model') ?? get('evaluate.model') ?? get('infer.model');
  const widthKey = [...bindings.keys()].find((k) => !k.includes('/') && k.endsWith('.emb_dim'));
  // Not t5x's shape (no MODEL configurable, or one with neither a network width nor a `__main__` function): the
  // run another gin program defines, read from the words gin programs share (ginGeneralRun.ts).
  if (model?.value.type !== 'reference' || (!widthKey && mainFunctions.size === 0))
    return ginGeneralRunFacts(composed, facts);
  const modelClass = model.value.name.split('.').pop() ?? '';
  const configName = widthKey?.slice(0, -'.emb_dim'.length);
  const dim = (param: string) => (configName ? get(`${configName}.${param}`) : undefined);
  const width = dim('emb_dim');
  const d = numberOf(width);
  const encoderLayers = numberOf(dim('num_encoder_layers'));
  const decoderLayers = numberOf(dim('num_decoder_layers'));
  const layers = numberOf(dim('num_layers'));
  const heads = numberOf(dim('num_heads'));
  const headDim = numberOf(dim('head_dim'));
  const ffn = numberOf(dim('mlp_dim'));
  const vocabAt = dim('vocab_size');
  const vocab = numberOf(vocabAt);
  const activations = dim('mlp_activations');
  const tied = dim('logits_via_embedding');
  const decoderOnly = /decoderonly/i.test(modelClass) || (layers !== undefined && encoderLayers === undefined);
  if (width && d) {
    const name = modelNameOf(width.at.fact.file ?? input.path);
    if (name)
      add(
        'model.id',
        name,
        width.at,
        `${name}: the model gin that states its width (${configName}.emb_dim ${d})`,
        'medium',
      );
  }
  if (
    width &&
    d &&
    heads &&
    headDim &&
    ffn &&
    activations?.value.type === 'sequence' &&
    activations.value.items.length > 0
  ) {
    const inner = heads * headDim;
    const attention = 4 * d * inner;
    const mlp = (activations.value.items.length + 1) * d * ffn;
    const gated =
      activations.value.items.length > 1 ? `gated MLP (${activations.value.items.length} input projections)` : 'MLP';
    const embed = vocab ? vocab * d : 0;
    const untied = tied?.value.type === 'bool' && !tied.value.value;
    const head = untied && vocab ? vocab * d : 0;
    let params: number | undefined;
    let shape = '';
    if (!decoderOnly && encoderLayers && decoderLayers) {
      params = encoderLayers * (attention + mlp) + decoderLayers * (2 * attention + mlp) + embed + head;
      shape = `encoder-decoder: ${encoderLayers} encoder layers (attention + ${gated}), ${decoderLayers} decoder layers (self and cross attention + ${gated})`;
    } else if (decoderOnly && layers) {
      params = layers * (attention + mlp) + embed + head;
      shape = `decoder-only: ${layers} layers (attention + ${gated})`;
    }
    if (params) {
      const vocabWords = vocab
        ? `, vocabulary ${vocab} × ${d}${untied ? ' and an untied output layer' : tied?.value.type === 'bool' ? ' tied to the output layer' : ' (output layer: logits_via_embedding not bound, not counted)'}`
        : ' (vocabulary not bound: embeddings not counted)';
      add(
        'model.params',
        params,
        width.at,
        `${configName}: ${shape}, width ${d}, ${heads} heads × ${headDim}, mlp_dim ${ffn}${vocabWords}${missing}`,
        vocab ? 'high' : 'medium',
      );
    }
  }
  const dtype = stringOf(dim('dtype'));
  if (dtype && DTYPES[dtype])
    add('training.precision', DTYPES[dtype], dim('dtype')!.at, `${configName}.dtype '${dtype}'`);

  // What the run does.
  const train = mainFunctions.get('train');
  const evaluates = mainFunctions.get('evaluate') ?? mainFunctions.get('infer');
  if (!train && evaluates) {
    add(
      'training.mode',
      'inference',
      undefined,
      `${String(evaluates.value)}: t5x evaluation/inference of ${modelClass}`,
    );
    out.push({
      kind: 'launch.inference',
      value: 'config:gin',
      range: firstOwn.range,
      confidence: 'high',
      detail: `gin run of ${String(evaluates.value).split('.').slice(-2).join('.')} (eval.py/infer.py --gin_file=<this>)`,
    });
    return withTask(out, get, add);
  }
  out.push({
    kind: 'launch.trainer',
    value: 'config:gin',
    range: firstOwn.range,
    confidence: 'high',
    detail: train
      ? 'gin training run (train.py --gin_file=<this>)'
      : 'model gin: launched with a runs/*.gin template (--gin_file twice) that sets its mode and length',
  });
  if (!train) return out;

  // Where it starts.
  const restore = bindings.get('CheckpointConfig.restore');
  const restoreValue = restore ? ginValue(restore.raw) : undefined;
  const path = get('RestoreCheckpointConfig.path');
  let checkpoint: string | undefined;
  if (restoreValue?.type === 'none') {
    add('model.fromScratch', true, restore, 'CheckpointConfig.restore = None: nothing restored, trained from scratch');
    add('training.mode', 'pretrain', restore, 'CheckpointConfig.restore = None (from scratch)');
  } else if (path) {
    const v = path.value;
    if (v.type === 'none' || (v.type === 'sequence' && v.items.length === 0)) {
      add('model.fromScratch', true, path.at, `RestoreCheckpointConfig.path ${path.at.raw}: initialised from scratch`);
      add('training.mode', 'pretrain', path.at, 'no checkpoint restored (from scratch)');
    } else if (v.type === 'string' && v.value.trim() !== '') {
      checkpoint = v.value;
      add('model.fromScratch', false, path.at, `restores ${v.value.slice(0, 200)}`);
      add('training.mode', 'finetune', path.at, `fine-tunes the checkpoint ${v.value.slice(0, 200)}`);
    }
  }

  // How long.
  const relative = numberOf(get('train.relative_steps'));
  // An include not found may be the template that binds `train.total_steps = %TRAIN_STEPS` (every t5x runs/*.gin
  // does): the TRAIN_STEPS macro the files read state is then the total, said to be read that way.
  const viaMacro = !bindings.has('train.total_steps') && missingIncludes.length > 0;
  const total = viaMacro ? get('TRAIN_STEPS') : get('train.total_steps');
  const totalSteps = numberOf(total);
  if (relative) add('training.steps', relative, get('train.relative_steps')!.at, `train.relative_steps ${relative}`);
  else if (totalSteps && total) {
    const step = checkpoint ? /checkpoint_(\d{1,12})\/?$/.exec(checkpoint) : null;
    if (!checkpoint)
      add(
        'training.steps',
        totalSteps,
        total.at,
        viaMacro
          ? `TRAIN_STEPS ${totalSteps} (train.total_steps is bound in an include not found${missing}; t5x's run templates bind it to TRAIN_STEPS)`
          : `train.total_steps ${totalSteps}`,
        viaMacro ? 'medium' : 'high',
      );
    else if (step && Number(step[1]) < totalSteps)
      add(
        'training.steps',
        totalSteps - Number(step[1]),
        total.at,
        `train.total_steps ${totalSteps} counts the checkpoint's ${Number(step[1])} steps (t5x steps are absolute): ${totalSteps - Number(step[1])} fine-tuning steps`,
      );
    else
      add(
        'training.steps',
        null,
        total.at,
        `train.total_steps ${totalSteps} is absolute (it counts the restored checkpoint's steps, which its path does not state): the fine-tuning length is not known`,
      );
  }
  const batchAt = get('train/DatasetConfig.batch_size') ?? get('DatasetConfig.batch_size');
  const batch = numberOf(batchAt);
  if (batch && batchAt)
    add('training.globalBatch', batch, batchAt.at, `train/DatasetConfig.batch_size ${batch} (all devices)`);
  return withTask(out, get, add);
}

function withTask(
  out: Fact[],
  get: (name: string) => Resolved | undefined,
  add: (kind: FactKind, value: FactValue, at: Binding | undefined, detail: string) => void,
): Fact[] {
  const task = get('MIXTURE_OR_TASK_NAME');
  const name = stringOf(task);
  if (task && name) add('training.dataset', name, task.at, `MIXTURE_OR_TASK_NAME ${name}`);
  return out;
}
