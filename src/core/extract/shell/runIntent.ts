import { classificationBackbone } from '../classificationBackbone';
import type { LaunchCommand, LaunchOutcome, LaunchSink } from './launchers';
import { normalisePrecision } from '../precision';

/**
 * What a `python X.py` / `python -m pkg.mod` line says about the program it starts, before (or without)
 * reading that program: a helper beside the workload (an upload, a router, a docs build) starts no run,
 * a serving module serves, and flags that give a checkpoint and evaluation data but no training data
 * or length evaluate a model. The words are those people name such programs and flags with, across
 * the ecosystem; the script's own code, when it is found, still says what it does (resolve/factsToSpec.ts).
 */

/** Tools run with `python -m` that never train or serve a model: packaging, tests, docs, formatters, servers of files. */
const TOOL_MODULES =
  /^(?:pip|pytest|unittest|doctest|sphinx|mkdocs|build|twine|venv|virtualenv|ensurepip|black|ruff|isort|flake8|pylint|mypy|pre_commit|coverage|http\.server|json\.tool|ipykernel|nbconvert|jupyter|notebook|wheel|setuptools|pipx|poetry|uv)(?:\.|$)/;

/**
 * Words of a program's name that say it works on data, weights or infrastructure around a run, not the
 * run: `upload_details.py`, `e2b_router.py`, `launch_router`, `convert_checkpoint.py`, `download_model.py`.
 */
const UTILITY_WORDS = new Set([
  'upload',
  'download',
  'convert',
  'conversion',
  'prepare',
  'preprocess',
  'preprocessing',
  // Latents or text embeddings computed once and stored as a dataset the training then streams
  // (`precompute_latents.py`, `t5_precompute.py`): data preparation, whatever model it runs to encode.
  'precompute',
  'export',
  'merge',
  'router',
  'proxy',
  'sandbox',
  'decontaminate',
  'decontamination',
  'plot',
  'plots',
  'cleanup',
  'install',
  'tokenize',
  'shard',
  // Checkpoint layout changes: a sharded (FSDP) checkpoint gathered into one file, or split again.
  'unshard',
  'reshard',
  // Post-training weight quantisation (GPTQ, AWQ: calibrate and round the weights of a trained model) trains
  // nothing; quantisation-aware training says so in its name (TRAINING_WORDS below).
  // A tokenizer trained or measured on text (`tok_train.py`, `train_tokenizer.py`): no neural model.
  'tokenizer',
  'tok',
  'quantize',
  'quantise',
  'quantization',
  'quantisation',
  'gptq',
  'awq',
]);

/** A dataset named with a verb that builds, fetches or filters it: a data program, whatever else it is named for. */
const DATASET_WORDS = new Set(['dataset', 'datasets', 'ds', 'shards', 'webdataset']);
const DATA_VERBS = new Set(['create', 'build', 'make', 'dl', 'download', 'filter', 'dedup', 'extract', 'tokenize']);

/**
 * A model named with a verb that creates or initialises its weights (`create_student_model.py`,
 * `init_model.py`, `initialize_student.py`): a program that writes a starting checkpoint (a student cut from a
 * teacher's layers, a fresh init) for a training run to load, not the run.
 */
const MODEL_WORDS = new Set(['model', 'student', 'weights']);
const INIT_VERBS = new Set(['create', 'init', 'initialise', 'initialize', 'initialisation', 'initialization']);

/** Quantisation words that name a helper unless the name also says it trains (`quantization_aware_training.py`, `qat_train.py`). */
const QUANTISATION_WORDS = new Set(['quantize', 'quantise', 'quantization', 'quantisation', 'gptq', 'awq']);
const TRAINING_WORDS = new Set(['train', 'training', 'finetune', 'qat', 'pretrain']);
/** Words beside a quantisation word that say the quantised model is evaluated, not made (`quantize_eval.py`). */
const QUANTISED_MODEL_EVALUATION = new Set([
  'eval',
  'evaluate',
  'evaluation',
  'ppl',
  'perplexity',
  'benchmark',
  'bench',
]);
/** Words of a program's name that say it trains a model, beside one that says it talks or generates (`chat_sft`, `chat_rl`). */
const TRAINS_A_MODEL = new Set([...TRAINING_WORDS, 'sft', 'rl', 'rlhf', 'dpo', 'grpo', 'ppo', 'orpo', 'kto']);
/** A package's data module run as a program (`python -m pkg.dataset -n 8`): it downloads or prepares shards. */
const DATA_MODULE = /^(?:dataset|datasets|data)$/;

/** Words of a module's name that say it serves or evaluates a model (`openrlhf.cli.serve_rm`, `pkg.eval`). */
const INFERENCE_WORDS = new Set([
  'serve',
  'server',
  'serving',
  'api_server',
  'inference',
  'infer',
  'predict',
  'generate',
  'generation',
  'eval',
  'evaluate',
  'evaluation',
  'zeroshot',
  'chat',
]);

/** Package folders of evaluation programs (`llava/eval/`, `pkg/evaluation/`, `pkg/inference/`). */
const EVALUATION_PACKAGES = new Set(['eval', 'evals', 'evaluation', 'inference']);

const wordsOf = (name: string) => name.toLowerCase().split(/[^a-z0-9]+/);

/** The program a python runner line starts: the first `.py` word, or the `-m` module. */
export function launchedProgram(command: LaunchCommand): { script?: string; module?: string } {
  const module = /\s(?:-m|--module)\s+([\w.]+)/.exec(command.text)?.[1];
  if (module && !/^torch\.distributed\./.test(module)) return { module };
  // `python "${work_dir}/models/x_inference.py"`: the word keeps the quotes the line wrote; the path is without them.
  const script = command.words.find((w) => /\.py["']?$/.test(w) && !w.startsWith('-'));
  return script ? { script: script.replace(/["']/g, '') } : {};
}

/** Why the program a line starts is a helper, not a run (by its name), or undefined. */
export function utilityProgram(program: { script?: string; module?: string }): string | undefined {
  if (program.module && TOOL_MODULES.test(program.module)) return `-m ${program.module}: a tool, not a run`;
  // A framework's checkpoint or utility namespace (`-m deepspeed.checkpoint.ds_to_universal`, `-m pkg.utils.x`).
  if (program.module && /\.(?:checkpoint|checkpointing|utils)\./.test(program.module))
    return `-m ${program.module}: a checkpoint or utility tool of its package`;
  const name = program.module
    ? program.module.slice(program.module.lastIndexOf('.') + 1)
    : program.script
      ? program.script.slice(program.script.lastIndexOf('/') + 1).replace(/\.py$/, '')
      : undefined;
  // A name filled in when the job runs (`$TASK.py`) says nothing.
  if (!name || name.includes('$')) return undefined;
  if (program.module && DATA_MODULE.test(name))
    return `-m ${program.module}: a data module of its package, by its name`;
  const words = wordsOf(name);
  const trains = words.some((w) => TRAINING_WORDS.has(w));
  // `dl_images_create_dataset.py`, `build_ds_shards.py`: a dataset is built, fetched or filtered (not with `train`).
  const dataWork =
    !trains && words.some((w) => DATASET_WORDS.has(w)) ? words.find((w) => DATA_VERBS.has(w)) : undefined;
  if (dataWork)
    return `${program.module ? `-m ${program.module}` : program.script}: builds a dataset (${dataWork}), by its name`;
  const creates = !trains && words.some((w) => MODEL_WORDS.has(w)) ? words.find((w) => INIT_VERBS.has(w)) : undefined;
  if (creates)
    return `${program.module ? `-m ${program.module}` : program.script}: writes a starting model (${creates}), by its name`;
  // `quantize_eval.py`, `gptq_benchmark.py`: the quantised model is evaluated (perplexity, benchmarks), a run.
  const evaluates = words.some((w) => QUANTISED_MODEL_EVALUATION.has(w));
  const hit = words.find((w) => UTILITY_WORDS.has(w) && !((trains || evaluates) && QUANTISATION_WORDS.has(w)));
  return hit ? `${program.module ? `-m ${program.module}` : program.script}: a ${hit} helper, by its name` : undefined;
}

/** A script whose name says it submits or launches jobs elsewhere (`submit_benchmarks.py`, `launch_sweep.py`). */
export function submitsWorkElsewhere(script: string): boolean {
  const name = script.slice(script.lastIndexOf('/') + 1);
  return wordsOf(name).some((w) => /^(?:submit|launch|launcher|sweep|schedule|scheduler|dispatch)$/.test(w));
}

/** A module whose name says it serves or evaluates (`-m openrlhf.cli.serve_rm`): its detail, or undefined. */
export function servingModule(program: { script?: string; module?: string }): string | undefined {
  if (!program.module) return undefined;
  const last = program.module.slice(program.module.lastIndexOf('.') + 1).toLowerCase();
  if (wordsOf(last).some((w) => TRAINS_A_MODEL.has(w))) return undefined;
  // A program of a package's evaluation namespace (`-m llava.eval.model_vqa_loader`) evaluates too.
  const packages = program.module.split('.').slice(0, -1);
  const hit =
    (INFERENCE_WORDS.has(last) ? last : wordsOf(last).find((w) => INFERENCE_WORDS.has(w))) ??
    packages.find((p) => EVALUATION_PACKAGES.has(p.toLowerCase()));
  return hit ? `-m ${program.module}: serves or evaluates a model, by its name` : undefined;
}

/**
 * A script picked by a variable whose written part names evaluation (`python ${bench_dir}/${bench}_eval.py`,
 * `eval_${TASK}.py`): whichever it is, it evaluates a model (a script that cannot be linked says nothing else). Its
 * detail, or undefined (a name that also says it trains, or has no written word, says nothing).
 */
export function variableNamedEvaluation(program: { script?: string; module?: string }): string | undefined {
  const script = program.script;
  if (!script || !script.includes('$') || script.length > 300) return undefined;
  const name = script.slice(script.lastIndexOf('/') + 1).replace(/\.py$/, '');
  // `$2` is one digit (positional parameters), `${x}` braced, `$x_eval` one name (bash reads the longest).
  const written = name.replace(/\$(?:\{\w{1,64}\}|\d|[A-Za-z_]\w{0,63})/g, ' ');
  if (written === name) return undefined;
  const words = written.split(/[\s_.-]+/).flatMap((w) => (w ? wordsOf(w) : []));
  if (words.some((w) => TRAINS_A_MODEL.has(w))) return undefined;
  const hit = words.find((w) => EVALUATION_NAME_WORDS.has(w));
  return hit ? `${script}: an evaluation program by the written part of its name (${hit})` : undefined;
}
const EVALUATION_NAME_WORDS = new Set(['eval', 'evaluate', 'evaluation', 'inference', 'infer', 'predict']);

/** Words of a script's name that say it answers with a trained model (INFERENCE_WORDS and demos: `cli_demo.py`, `web_demo.py`). */
const ANSWERING_SCRIPT_WORDS = new Set([...INFERENCE_WORDS, 'demo']);

/**
 * A script named for serving, generating, evaluating or demonstrating a model (`cli_demo.py`, `inference.py`,
 * `eval_model.py`), unless its name also says it trains: its detail, or undefined. Only for a script that was not
 * read (a program inside a container image, outside the repository): a script that was read says what it does.
 */
export function answeringScript(script: string): string | undefined {
  if (script.includes('$')) return undefined;
  const name = script.slice(script.lastIndexOf('/') + 1).replace(/\.py$/, '');
  const words = wordsOf(name);
  if (words.some((w) => TRAINS_A_MODEL.has(w))) return undefined;
  const hit = words.find((w) => ANSWERING_SCRIPT_WORDS.has(w));
  return hit ? `${script}: runs a trained model (${hit}), by its name (the script is not in the folder)` : undefined;
}

/**
 * A program named for labelling data with a model (`run_pseudo_labelling.py`, `pseudo_label.py`) or for transcribing
 * audio (`transcribe.py`, `run_transcription.py`): it generates over a dataset with a trained model (inference),
 * unless its name also says it trains (`train_on_pseudo_labels.py`). Its detail, or undefined.
 */
export function labellingProgram(program: { script?: string; module?: string }): string | undefined {
  const path = program.module ?? program.script;
  if (!path || path.includes('$')) return undefined;
  const name = program.module
    ? path.slice(path.lastIndexOf('.') + 1)
    : path.slice(path.lastIndexOf('/') + 1).replace(/\.py$/, '');
  const words = wordsOf(name);
  if (words.some((w) => TRAINS_A_MODEL.has(w) || w === 'distill' || w === 'distillation')) return undefined;
  const pseudo = words.findIndex((w) => w === 'pseudo');
  const labels = pseudo >= 0 && /^label(?:s|l?ing|l?ed)?$/.test(words[pseudo + 1] ?? '');
  const transcribes = words.some((w) => /^(?:transcribe|transcription)$/.test(w));
  return labels || transcribes ? `${path}: labels or transcribes data with a model, by its name` : undefined;
}

const MAX_FLAGS = 300;

/** The first word after the script a line runs (its subcommand, unquoted), if any. */
function subcommandOf(command: LaunchCommand, program: { script?: string }): string | undefined {
  if (!program.script) return undefined;
  const at = command.words.indexOf(program.script);
  return at >= 0 ? command.words[at + 1]?.replace(/^["']|["']$/g, '') : undefined;
}

/**
 * Subcommands of a program's command line that fetch, convert or list weights and run no model on data:
 * `torchchat.py download --repo-id …`, `cli.py export …`, `main.py list`. The first word after the script is
 * the subcommand (as for INFERENCE_SUBCOMMANDS); a verb of work (`train`, `generate`) is not among them.
 */
const UTILITY_SUBCOMMANDS = new Set([
  'download',
  'upload',
  'convert',
  'export',
  'list',
  'install',
  'remove',
  'delete',
  'where',
  'clean',
  'login',
]);
export function utilitySubcommand(command: LaunchCommand, program: { script?: string }): string | undefined {
  const next = subcommandOf(command, program);
  return next && UTILITY_SUBCOMMANDS.has(next)
    ? `${program.script} ${next}: a maintenance command, not a run`
    : undefined;
}

/**
 * A program with subcommands run with one that evaluates or generates: `cli.py eval --model ...`
 * (clip_benchmark), `main.py test|validate|predict` (LightningCLI's subcommands beside `fit`), `run.py infer`,
 * an LLM front end's `chat` verb (`cli.py chat <model>`: an interactive session that generates replies).
 * The first word after the script is the subcommand. Returns the detail, or undefined.
 */
const INFERENCE_SUBCOMMANDS = new Set([
  'eval',
  'evaluate',
  'validate',
  'test',
  'predict',
  'infer',
  'inference',
  'generate',
  'serve',
  'chat',
]);
export function inferenceSubcommand(command: LaunchCommand, program: { script?: string }): string | undefined {
  const next = subcommandOf(command, program);
  return next && INFERENCE_SUBCOMMANDS.has(next) ? `${program.script} ${next}: evaluates or generates` : undefined;
}

/** `--mode inference`, `--mode=eval`: a program's run mode flag set to a mode that only runs a trained model. */
const RUN_MODE_FLAG =
  /(?:^|\s)--(?:run[-_])?mode(?:=|\s+)["']?(inference|infer|eval|evaluate|evaluation|test|predict|prediction|generate|generation|sample|sampling)["']?(?=\s|$)/;

/**
 * Flags that evaluate a trained model and train nothing, without an explicit switch (evaluationSwitch reads those): a
 * checkpoint (`--pretrained`, `--resume`, `--checkpoint`) with evaluation data (`--imagenet-val`, `--val-data`,
 * `--eval_dataset`) and no flag that names training data or a training length. Returns the flags that say so.
 */
export function checkpointEvaluation(command: LaunchCommand): string | undefined {
  const words = flagNames(command).map((n) => ({ n, w: wordsOf(n) }));
  const evalData = words.find(({ w }) => w.some((x) => /^(?:val|valid|validation|eval|evaluation|test)$/.test(x)));
  const training = words.find(({ w }) =>
    w.some((x) => /^(?:train|training|epochs?|steps|iters|iterations|lr|learning|warmup|optimizer)$/.test(x)),
  );
  const checkpoint = words.find(({ w }) =>
    w.some((x) => /^(?:pretrained|resume|checkpoint|ckpt|load|weights)$/.test(x)),
  );
  if (evalData && checkpoint && !training) return `--${checkpoint.n} with --${evalData.n}, no training data or length`;
  return undefined;
}

/** The flag names of a command, lower-cased, in order (bounded). */
function flagNames(command: LaunchCommand): string[] {
  const names: string[] = [];
  for (const m of command.text.matchAll(/(?:^|\s)--([A-Za-z][\w.-]*)/g)) {
    if (names.push(m[1].toLowerCase()) >= MAX_FLAGS) break;
  }
  return names;
}

/**
 * The command's own switch to evaluation (`--eval-only`, `--evaluate`, `--do_eval` without `--do_train` or with
 * `--do_train False`, `--do_predict`, `--mode inference`): the program is told to run a trained model only, whatever the
 * config it is handed says of training. Returns the flag, or undefined.
 */
export function evaluationSwitch(command: LaunchCommand): string | undefined {
  // `--do_train False`, `--do_eval=False` (HfArgumentParser and absl read a value after a bool flag): the switch off.
  const off = new Set(
    [...command.text.matchAll(/(?:^|\s)--([A-Za-z][\w.-]*)(?:=|\s+)["']?(?:False|false|0|no)\b/g)].map((m) =>
      m[1].toLowerCase(),
    ),
  );
  const names = flagNames(command).filter((n) => !off.has(n));
  const has = (re: RegExp) => names.find((n) => re.test(n));
  const doTrain = has(/^do[-_]train$/);
  const explicit =
    has(/^(?:eval[-_]only|evaluate|evaluate[-_]only|do[-_]predict|test[-_]only)$/) ?? has(/^do[-_]eval$/);
  if (explicit && !doTrain) return `--${explicit}`;
  // `--mode inference` (SwissArmyTransformer's `--mode` of pretrain|finetune|inference, and the `--mode eval|test|
  // predict` switch of many programs): the run mode the program is told, one that trains nothing.
  const mode = RUN_MODE_FLAG.exec(command.text);
  if (mode && !doTrain) return `--mode ${mode[1]}`;
  // `--eval val` (NVIDIA semantic-segmentation's train.py: evaluate the snapshot on that split and stop): the switch
  // given an evaluation split.
  const split = EVAL_SPLIT_FLAG.exec(command.text);
  if (split && !doTrain) return `--eval ${split[1]}`;
  return undefined;
}

/** `--eval val`, `--eval=test`: an evaluation switch given the split it evaluates on. */
const EVAL_SPLIT_FLAG = /(?:^|\s)--eval(?:=|\s+)["']?(val|valid|validation|test|testing)["']?(?=\s|$)/;

/** A model argument list as evaluation harnesses take it: `"model_name=M,dtype=bfloat16,tensor_parallel_size=8"`. */
function harnessArgument(text: string, key: RegExp): string | undefined {
  for (const m of text.matchAll(/(?:^|[\s,"'])([A-Za-z_]+)=["']?([^,\s"']+)/g)) if (key.test(m[1])) return m[2];
  return undefined;
}

/**
 * Evaluation harnesses run from the shell: `lighteval vllm|accelerate "model_name=M,dtype=bfloat16" TASKS`,
 * `lm_eval --model hf|vllm --model_args pretrained=M,dtype=bfloat16` (also `python -m lm_eval`). Each
 * evaluates a model by generating with it: an inference run. A remote endpoint (`lighteval endpoint`,
 * `lm_eval --model openai-completions`) computes elsewhere: no run here.
 */
export function readEvaluationHarness(command: LaunchCommand, out: LaunchSink): LaunchOutcome {
  const words = command.words;
  const lighteval = words[0] === 'lighteval';
  const backend = lighteval ? words[1] : /--model(?:_api_name)?[=\s]+["']?([\w-]+)/.exec(command.text)?.[1];
  if (!backend || /endpoint|openai|anthropic|litellm|tgi|inference[-_]?providers|api/i.test(backend)) return 'no-run';
  const head = lighteval ? `lighteval ${backend}` : `lm_eval --model ${backend}`;
  const engine = /vllm/.test(backend) ? 'vllm' : /sglang/.test(backend) ? 'sglang' : 'hf-generate';
  out.consume('model', 'model_api_name', 'model_args', 'tasks', 'task_name', 'output_dir', 'output_path', 'batch_size');
  out.add('launch.inference', lighteval ? 'lighteval' : 'lm_eval', `${head} evaluates a model`);
  out.add('inference.engine', engine, `${head}`);
  const model = harnessArgument(command.text, /^(?:model_name|pretrained|model)$/);
  if (model && !model.includes('$')) {
    out.add('model.id', model, `${head}: ${model}`, 'high', model);
    out.add('model.fromScratch', false, `${head} evaluates a trained checkpoint`, 'high');
  }
  const dtype = harnessArgument(command.text, /^dtype$/);
  const precision = dtype ? normalisePrecision(dtype) : null;
  if (precision && !/^int/.test(precision)) out.add('training.precision', precision, `${head}: dtype=${dtype}`);
  const tp = Number(harnessArgument(command.text, /^tensor_parallel_size$/));
  if (Number.isInteger(tp) && tp > 0) out.add('inference.tensorParallel', tp, `tensor_parallel_size=${tp}`);
}

/**
 * An evaluation harness's program run by a launcher (`accelerate launch .../run_evals_accelerate.py --model_args
 * "pretrained=M" --tasks ...`, lighteval's and lm-evaluation-harness's interface: `--model_args` with the checkpoint
 * as `pretrained=` or `model_name=`, and `--tasks`): it evaluates the model, an inference run. Returns the detail and
 * the model the arguments name (undefined when it is a variable), or undefined.
 */
export function harnessProgram(command: LaunchCommand): { detail: string; model?: string } | undefined {
  if (!/(?:^|\s)--(?:tasks|task_name)[=\s]/.test(command.text)) return undefined;
  const args = /(?:^|\s)--model[_-]args[=\s]+("[^"]{1,2000}"|'[^']{1,2000}'|\S{1,2000})/.exec(command.text)?.[1];
  if (!args || !/(?:^|[\s,"'])(?:model_name|pretrained)=/.test(args)) return undefined;
  const model = harnessArgument(args, /^(?:model_name|pretrained)$/);
  return {
    detail: '--model_args pretrained=… with --tasks: an evaluation harness evaluates the model',
    ...(model && !model.includes('$') ? { model } : {}),
  };
}

/**
 * A program given a file of generated outputs and a file of references, with no checkpoint to load: it scores
 * what an earlier run generated (F1, BLEU, accuracy over the two files) and runs no model (`main.py --task
 * MSDP-EVAL-F1 --guess-file gen.txt --answer-file ref.txt`, `score.py --predictions p.jsonl --references r.jsonl`).
 * Returns the two flags, or undefined.
 */
export function scoresGeneratedFiles(command: LaunchCommand): string | undefined {
  const names: string[] = [];
  for (const m of command.text.matchAll(/(?:^|\s)--([A-Za-z][\w.-]*)/g)) {
    if (names.push(m[1].toLowerCase()) >= MAX_FLAGS) break;
  }
  const generated = names.find((n) =>
    /^(?:guess|pred|preds|prediction|predictions|hypothesis|hypotheses|hyp|generated|generation|generations)(?:[-_](?:file|path|files))?$/.test(
      n,
    ),
  );
  const reference = names.find((n) =>
    /^(?:answer|answers|ref|refs|reference|references|gold|ground[-_]truth|target|targets)(?:[-_](?:file|path|files))?$/.test(
      n,
    ),
  );
  const model = names.find((n) =>
    wordsOf(n).some((x) => /^(?:load|checkpoint|ckpt|pretrained|model|weights)$/.test(x)),
  );
  if (generated && reference)
    return model ? undefined : `--${generated} and --${reference}: scores generated outputs against references`;
  // A scorer handed the file an earlier run wrote (`eval_qa.py --result-file answers.jsonl`, `--pred_path preds/`)
  // and naming no model: it scores saved outputs (by rule, or through a judge API given its key), loading nothing.
  // A `--result_dir` is where most programs write their own results (runx's `result_dir: LOGDIR`), not an input.
  const saved = names.find((n) =>
    /^(?:result[-_](?:file|path)|(?:pred|preds|prediction|predictions)[-_](?:file|path|dir))$/.test(n),
  );
  const judgeKey = names.find((n) => /^(?:api[-_]key|openai[-_](?:api[-_])?key)$/.test(n));
  // With a judge's key a `--model` names the judge (`--model gpt-4`); a checkpoint or weights flag still loads one.
  const loads = names.find((n) => wordsOf(n).some((x) => /^(?:load|checkpoint|ckpt|pretrained|weights)$/.test(x)));
  if (saved && (judgeKey ? !loads : !model))
    return `--${saved}${judgeKey ? ` with --${judgeKey}` : ''}: scores the outputs an earlier run saved`;
  return undefined;
}

/** A test suite's own module (`python -m tests.test_utils.python_scripts.generate_local_jobs`): tooling, no run. */
export function testPackageModule(program: { module?: string }): string | undefined {
  return program.module && /^(?:tests?|testing|unit_tests|functional_tests)\./.test(program.module)
    ? `-m ${program.module}: a module of the test suite`
    : undefined;
}

/**
 * OpenMMLab's evaluation entry (mmdetection, mmsegmentation: `python tools/test.py ${CONFIG_FILE} ${CHECKPOINT_FILE}
 * [--eval mIoU]`, their docs' "Test existing models"): a program named `test.py` given a `.py` config and then a
 * checkpoint file evaluates that checkpoint. Returns the detail, or undefined.
 */
export function openMmlabTest(command: LaunchCommand, program: { script?: string }): string | undefined {
  if (!program.script || !/(?:^|\/)test\.py$/.test(program.script)) return undefined;
  const at = command.words.indexOf(program.script);
  const config = command.words[at + 1] ?? '';
  const checkpoint = command.words[at + 2] ?? '';
  if (!/\.py["']?$/.test(config) || !/\.(?:pth|pt|ckpt|bin|safetensors)["']?$/.test(checkpoint)) return undefined;
  return `${program.script} CONFIG CHECKPOINT: evaluates the checkpoint (OpenMMLab's test entry)`;
}

/**
 * A config-driven program named for evaluation (`python evaluate.py --cfg-path x.yaml`, `eval.py --config x.yaml`,
 * `inference.py -c x.yaml`): the config it is handed defines the model and data, and the program runs only the
 * evaluation loop over them, whatever training keys the config also holds (one config often serves both
 * `train.py` and `evaluate.py`). The launch is an inference run of that config. Returns the detail, or undefined.
 */
const EVALUATION_PROGRAMS = new Set(['eval', 'evaluate', 'evaluation', 'inference', 'infer', 'predict']);
export function evaluationProgramWithConfig(command: LaunchCommand, program: { script?: string }): string | undefined {
  if (!program.script || program.script.includes('$')) return undefined;
  const name = program.script.slice(program.script.lastIndexOf('/') + 1).replace(/\.py$/, '');
  const words = wordsOf(name);
  if (words.some((w) => TRAINS_A_MODEL.has(w)) || !words.some((w) => EVALUATION_PROGRAMS.has(w))) return undefined;
  // The program's word as the line wrote it: `"${work_dir}/models/x_inference.py"` keeps its quotes there.
  const at = command.words.findIndex((w) => w === program.script || w.replace(/["']/g, '') === program.script);
  if (at < 0) return undefined;
  for (let k = at + 1; k < command.words.length && k <= at + MAX_FLAGS; k++) {
    const flag = /^--?(cfg[-_]path|cfg|config|config[-_]file|c)(?:=(.*))?$/.exec(command.words[k]);
    if (!flag) continue;
    const value = (flag[2] ?? command.words[k + 1] ?? '').replace(/^["']|["']$/g, '');
    if (/\.(?:ya?ml|json)$/.test(value)) return `${program.script} --${flag[1]} ${value}: evaluates the config's model`;
  }
  return undefined;
}

/**
 * Weights handed to an OpenMMLab config on the command line (`--cfg-options model.pretrained=<ckpt>`, mmcv 1.x
 * `--options model.backbone.pretrained_path=<ckpt>`, `load_from=<ckpt>`): the model starts from them. Returns the
 * option as written, or undefined (an empty or None value hands no weights).
 */
export function openMmlabWeightsOption(command: LaunchCommand): string | undefined {
  return openMmlabWeights(command).find((w) => !w.imagenetBackbone)?.word;
}

/**
 * An ImageNet classifier's weights handed to the backbone alone on the command line
 * (`--options model.backbone.pretrained_path=…/uniformer_small_in1k.pth`): the detector or segmenter is trained on its
 * task from them, the rest of the network at random, as a config's own ImageNet backbone init is read
 * (readers/mmengine.ts). Returns the option as written, or undefined; none where other weights are handed too.
 */
export function openMmlabImageNetBackboneOption(command: LaunchCommand): string | undefined {
  const all = openMmlabWeights(command);
  return all.length > 0 && all.every((w) => w.imagenetBackbone) ? all[0].word : undefined;
}

function openMmlabWeights(command: LaunchCommand): Array<{ word: string; imagenetBackbone: boolean }> {
  const at = command.words.findIndex((w) => w === '--cfg-options' || w === '--options');
  if (at < 0) return [];
  const out: Array<{ word: string; imagenetBackbone: boolean }> = [];
  for (const word of command.words.slice(at + 1, at + 40)) {
    if (word.startsWith('--')) break;
    const m = /^([\w.]+)=["']?([^"'\s]*)/.exec(word);
    if (m && /(?:^|\.)(?:pretrained|pretrained_path|checkpoint|load_from)$/.test(m[1]) && m[2] && !/^none$/i.test(m[2]))
      out.push({ word, imagenetBackbone: /(?:^|\.)backbone\./.test(m[1]) && classificationBackbone(m[2]) });
  }
  return out;
}

/**
 * A line that asks the program to print something and exit instead of running: Hydra's `--cfg job|hydra|all` /
 * `-c job` ("Show config instead of running", hydra.cc, "Hydra's command line flags") and `--help`/`-h`, `--info`,
 * `--hydra-help` after the program. A config generator that flattens a trainer's config this way starts no run.
 */
export function printsInsteadOfRunning(command: LaunchCommand, program: { script?: string; module?: string }): boolean {
  const at = program.script
    ? command.words.indexOf(program.script)
    : command.words.findIndex((w, i) => (w === '-m' || w === '--module') && command.words[i + 1] === program.module) +
      1;
  if (at <= 0) return false;
  const after = command.words.slice(at + 1);
  return after.some(
    (w, i) =>
      ((w === '--cfg' || w === '-c') && /^(?:job|hydra|all)$/.test(after[i + 1] ?? '')) ||
      /^--cfg=(?:job|hydra|all)$/.test(w) ||
      /^(?:--help|-h|--info|--hydra-help)$/.test(w),
  );
}
