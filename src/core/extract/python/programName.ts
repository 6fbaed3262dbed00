import { startsARun, type Fact } from '../../facts';
import { postTrainingMethod } from '../shell/launchers';
import { truncate } from './context';
import { FLAG_PARSER, RUNS_AS_MAIN } from './entryPoint';
import { simulatedEnvironment } from './rlEnvironment';

/**
 * What a training script's own file name says, as a launch line's program name says it (shell/launchers.ts
 * postTrainingMethod): a script named for SFT, preference optimisation or RL from feedback (`train_ppo_ray.py`,
 * `train_dpo.py`) starts from a pretrained model. Only read when the code trains and says nothing itself about
 * where its weights come from (the actor is often a flag without a default). A script named for PPO or REINFORCE
 * that steps simulated environments (rlEnvironment.ts) is that RL algorithm (Schulman et al. 2017, arXiv:1707.06347:
 * Atari and MuJoCo policies learned from scratch), not RL from human feedback on a pretrained model: unless it loads
 * weights, its policy starts from the network's initialisation.
 */
export function programNameFacts(path: string, code: string, facts: readonly Fact[]): Fact[] {
  if (!facts.some((f) => f.kind === 'launch.trainer')) return [];
  if (facts.some((f) => f.kind === 'model.fromScratch' || f.kind === 'training.mode')) return [];
  const script = /[^/\\]+$/.exec(path)?.[0];
  const method = script?.endsWith('.py') ? postTrainingMethod({ script }) : undefined;
  if (!method) return [];
  const environment = simulatedEnvironment(code);
  if (environment && !LOADS_WEIGHTS.test(code))
    return [
      {
        kind: 'model.fromScratch',
        value: true,
        range: { startLine: 0, startCol: 0, endLine: 0, endCol: 0 },
        confidence: 'medium',
        detail: `${script}: ${method.slice(method.indexOf('named for ') + 10, method.indexOf(','))} here trains a policy by interaction with simulated environments (\`${truncate(environment, 40)}\`), from the network's initialisation (no weights loaded)`,
      },
    ];
  return [
    {
      kind: 'model.fromScratch',
      value: false,
      range: { startLine: 0, startCol: 0, endLine: 0, endCol: 0 },
      confidence: 'low',
      detail: method,
    },
  ];
}

/** Weights loaded into the model the script trains (a checkpoint, a hub model): then it does not start from scratch. */
const LOADS_WEIGHTS = /\b(?:from_pretrained|load_state_dict|load_checkpoint)[ \t]*\(/;

/** Package folders of evaluation and inference programs (`pkg/evaluation/beir/__main__.py`). */
const EVALUATION_FOLDERS = new Set(['eval', 'evals', 'evaluation', 'inference']);
/** Package folders of training programs, and those that start from a pretrained model. */
const TRAINING_FOLDERS = new Set(['train', 'training', 'finetune', 'fine_tune', 'pretrain', 'sft']);
const FINE_TUNING_FOLDERS = new Set(['finetune', 'fine_tune', 'sft']);
/** Folders of a path looked at, nearest first (a package is a few levels deep). */
const MAX_PACKAGE_FOLDERS = 6;

/**
 * A package's `__main__.py` is what `python -m pkg.sub` and `torchrun -m pkg.sub` run: when it runs as main and
 * reads its settings from the command line (`HfArgumentParser((ModelArgs, DataArgs, TrainingArgs))`) but hands
 * them to the package's own runner (`runner.run()`), nothing in the file starts a run we read, yet it is the
 * program of a run. Its package folder says which: `evaluation`/`inference` folders evaluate (inference), a
 * `*TrainingArguments` class or a `finetune`/`train` folder trains (a `finetune` folder from a pretrained model).
 * The model and the settings stay the flags' (unknown here); its launches (`-m pkg.sub`) link to it.
 */
export function packageMainFacts(path: string, text: string, facts: readonly Fact[]): Fact[] {
  const parts = path.split(/[\\/]/);
  if (parts[parts.length - 1] !== '__main__.py' || parts.length < 2) return [];
  if (facts.some((f) => startsARun(f) || f.kind === 'run.entry' || f.kind === 'run.commandLine')) return [];
  if (!RUNS_AS_MAIN.test(text)) return [];
  const parser = FLAG_PARSER.exec(text);
  if (!parser) return [];
  const folders = parts
    .slice(Math.max(0, parts.length - 1 - MAX_PACKAGE_FOLDERS), -1)
    .map((f) => f.toLowerCase())
    .reverse();
  const evaluates = folders.find((f) => EVALUATION_FOLDERS.has(f));
  const trainsBy = folders.find((f) => TRAINING_FOLDERS.has(f));
  const trainingArguments = /\w{0,60}TrainingArguments\b/.exec(text)?.[0];
  const range = { startLine: 0, startCol: 0, endLine: 0, endCol: 0 };
  const line = text.slice(0, parser.index).split('\n').length;
  const commandLine: Fact = {
    kind: 'run.commandLine',
    value: 'package-main',
    range,
    confidence: 'medium',
    detail: `a package's __main__.py run with \`-m\` that reads command-line flags (line ${line})`,
  };
  if (evaluates && !trainingArguments)
    return [
      commandLine,
      {
        kind: 'launch.inference',
        value: 'package-main',
        range,
        confidence: 'low',
        detail: `__main__.py of a package under ${evaluates}/: an evaluation program set by its flags`,
      },
    ];
  if (!trainingArguments && !trainsBy) return [];
  const out: Fact[] = [
    commandLine,
    {
      kind: 'launch.trainer',
      value: 'package-main',
      range,
      confidence: 'low',
      detail: trainingArguments
        ? `__main__.py parses ${trainingArguments} and runs the package's trainer`
        : `__main__.py of a package under ${trainsBy}/: a training program set by its flags`,
    },
  ];
  const fineTunes = folders.find((f) => FINE_TUNING_FOLDERS.has(f));
  if (fineTunes && !facts.some((f) => f.kind === 'model.fromScratch' || f.kind === 'training.mode'))
    out.push({
      kind: 'model.fromScratch',
      value: false,
      range,
      confidence: 'low',
      detail: `__main__.py of a package under ${fineTunes}/: fine-tunes a pretrained model given by its flags`,
    });
  return out;
}

/**
 * Megatron-LM's entry programs are named for the architecture they build (`pretrain_gpt.py`, `pretrain_bert.py`,
 * `pretrain_t5.py`, `pretrain_ict.py`, `pretrain_vit.py`: each hands `pretrain()` that architecture's
 * `model_provider`): the file name names the model family; its size is the launch's flags'.
 */
export function megatronProgramModel(path: string, facts: readonly Fact[]): Fact[] {
  if (!facts.some((f) => f.kind === 'launch.trainer' && f.value === 'megatron:pretrain')) return [];
  if (facts.some((f) => f.kind === 'model.id')) return [];
  const family = /(?:^|[\\/])pretrain_([a-z][a-z0-9]{1,15})\.py$/.exec(path)?.[1];
  if (!family) return [];
  return [
    {
      kind: 'model.id',
      value: family,
      range: { startLine: 0, startCol: 0, endLine: 0, endCol: 0 },
      confidence: 'low',
      detail: `pretrain_${family}.py: Megatron-LM's ${family} entry point (the architecture its model_provider builds)`,
    },
  ];
}

/** Facts of how a model was trained, left out of the run of a test-time config. */
const TRAINING_ONLY = new Set(['model.fromScratch', 'training.steps', 'training.epochs']);

/**
 * An OpenMMLab config named as the test-time config (`test_config.py`, `test_config_h32.py`: the evaluation variant
 * of a trained model that `tools/test.py CONFIG CHECKPOINT` is given, as the UniFormer and Swin segmentation
 * experiments keep it beside the training `config.py`) evaluates: its facts with the trainer turned into an
 * inference launch, and marked a run despite the `test_*` name (which otherwise marks a unit test). Undefined
 * when the file is not such a config.
 */
export function openMmlabTestConfig(path: string, facts: readonly Fact[]): Fact[] | undefined {
  const name = /[^/\\]+$/.exec(path)?.[0] ?? '';
  if (!/^test_?config(?:[_-][\w-]*)?\.py$/i.test(name)) return undefined;
  const trainer = facts.find((f) => f.kind === 'launch.trainer' && f.value === 'mmengine:config');
  if (!trainer) return undefined;
  const detail = `${name}: the test-time config of an OpenMMLab model (tools/test.py evaluates a checkpoint with it)`;
  return [
    // How it was trained (its start, the schedule it inherits) is not what evaluating it costs.
    ...facts.filter((f) => f !== trainer && !TRAINING_ONLY.has(f.kind)),
    { ...trainer, kind: 'launch.inference', detail },
    { ...trainer, kind: 'run.entry', value: true, confidence: 'medium', detail },
  ];
}
