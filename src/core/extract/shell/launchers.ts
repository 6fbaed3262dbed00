import { ordinal } from '../../ordinal';
import type { Fact, FactKind, FactValue } from '../../facts';
import { isOpenRlhfRayTrainer, readOpenRlhfEpisodes, readOpenRlhfRayPlacement } from './openRlhfRay';
import { hubIdInPath } from '../config/dialect';
import { torchtuneRecipe } from '../config/torchtune';
import { parseComposerDuration } from '../config/composer';
import { flagMeaning } from '../sizingNames';
import { readOverrides } from './overrides';
import { readYacsOpts } from './yacsOpts';
import { CONSOLE_SCRIPT_LINK } from '../consoleScripts';
import { escapeRegExp } from '../python/context';
import { weightPrecisionOf } from '../python/readers/serving';
import { readMegatronSwiftCli, readSwiftCli, readSwiftCommand, swiftProgram } from './swift';
import { unquote, withoutQuotes } from './words';
import { readPaxLaunch } from './pax';
import { EVALUATES_CONFIG } from '../python/readers/corenetOptions';
import { readSlurmOptions } from './slurm';
import { readTorchtitanLaunch, readTorchtitanScript } from './torchtitan';
import { handedArguments, readScriptCall, SCRIPT_CALL } from './scriptCall';
import { isOpenClipTrain, readOpenClipTrain } from './openClip';
import { fairseqCli, fairseqEvaluationOverride, readFairseqPluginLaunch } from './fairseq';
import { PARLAI_COMMAND, readParlaiCommand } from './parlai';
import {
  checkpointEvaluation,
  evaluationSwitch,
  labellingProgram,
  harnessProgram,
  openMmlabTest,
  openMmlabImageNetBackboneOption,
  openMmlabWeightsOption,
  variableNamedEvaluation,
  inferenceSubcommand,
  utilitySubcommand,
  launchedProgram,
  readEvaluationHarness,
  scoresGeneratedFiles,
  servingModule,
  evaluationProgramWithConfig,
  testPackageModule,
  utilityProgram,
  printsInsteadOfRunning,
} from './runIntent';

/**
 * The commands that start training runs, as a table: each launcher names the words that
 * start its command, the `launch.trainer` value it gives, and what the command line itself
 * says beyond its flags (recipe names, positional configs, subcommands). Flags are read by
 * shellFacts.ts through the sizing table for every launcher alike.
 */

export interface LaunchSink {
  /** A fact on the command's lines; on the line holding `word` when given (an override on a continued line). */
  add(
    kind: FactKind,
    value: FactValue,
    detail: string,
    confidence?: Fact['confidence'],
    word?: string,
    /** On a link: the classes or functions of the linked module it names, the settings it passes (Fact). */
    link?: Pick<Fact, 'functions' | 'passes' | 'positional'>,
  ): void;
  /** Flags (snake_case names) this launcher reads itself with its own meaning: the sizing table leaves them alone. */
  consume(...flags: string[]): void;
}

export interface LaunchCommand {
  /** The command with the launcher's words first (environment assignments and `srun ...` stripped). */
  readonly text: string;
  /** What came before the launcher's words: `NPROC_PER_NODE=8 CUDA_VISIBLE_DEVICES=0,1 srun ...`. */
  readonly prefix: string;
  /** Whitespace-separated words of `text`. */
  readonly words: readonly string[];
}

export interface Launcher {
  /** The `launch.trainer` value. */
  readonly name: string;
  /** Matches the start of the command (after `VAR=... ` and `srun ...`); group 1, when present, is the value to report instead of `name`. */
  readonly pattern: RegExp;
  /** Prefilter words: a script without any launcher's word launches nothing. */
  readonly words: readonly string[];
  /**
   * What the command says beyond its flags. Returns 'no-run' when this command starts no run
   * (`tune download`, `litgpt evaluate`, `llamafactory-cli export`), so no launch is reported;
   * 'own-links' when it linked the files it runs itself (GPT-NeoX's deepy.py is a launcher, not the run).
   */
  read?(command: LaunchCommand, out: LaunchSink): LaunchOutcome;
  /**
   * 'script': runs a script (`python`, `torchrun`, `accelerate launch`): whether the run trains or generates is the
   * script's to say. 'job': submits a job script (`sbatch job.slurm`): a run only when that script launches one.
   */
  readonly runs?: 'script' | 'job';
}

export type LaunchOutcome = 'no-run' | 'own-links' | void;

/** `uvicorn`, `gunicorn`, `hypercorn` run as commands. */
const ASGI_SERVER = /^(?:uvicorn|gunicorn|hypercorn)(?=\s)/;

/**
 * The application module an ASGI/WSGI server is handed (`main:app`, `pkg.serve:create_app()`; uvicorn's and gunicorn's
 * `MODULE:VARIABLE` argument), as the repository file of that module. Exported for `python -m uvicorn …` (shellFacts).
 */
export function asgiApplicationModule(words: readonly string[]): string | undefined {
  for (const word of words.slice(1, 40)) {
    const m = /^["']?([A-Za-z_]\w{0,99}(?:\.[A-Za-z_]\w{0,99}){0,10}):[A-Za-z_][\w.]{0,99}(?:\(\))?["']?$/.exec(word);
    if (m) return `${m[1].replace(/\./g, '/')}.py`;
  }
  return undefined;
}

function readAsgiServer(command: LaunchCommand, out: LaunchSink): LaunchOutcome {
  const module = asgiApplicationModule(command.words);
  if (!module) return 'no-run';
  out.add('link.script', module, `serves the application of ${module}`);
  return 'own-links';
}

/**
 * `key=value` overrides after a config or program (OmegaConf/Hydra dotlists: torchtune, Composer, LLaMA-Factory,
 * NeMo, verl): read as keys of a nested config (shell/overrides.ts). Composer's `max_duration` unit is read here,
 * since its dialect only claims whole train configs.
 */
export function readDotlistOverrides(words: readonly string[], out: LaunchSink): void {
  for (const word of words) {
    const m = /^\+{0,2}((?:[A-Za-z_]\w*\.)*max_duration)=([^\s=]+)$/.exec(word);
    if (!m) continue;
    const value = unquote(m[2]);
    const d = parseComposerDuration(value);
    if (d && d.unit !== 'sp') out.add(d.kind, d.value, `override ${m[1]}=${value}`, 'high', word);
  }
  readOverrides(words, out);
}

/** The positional words after the launcher's own words, skipping `--flag value` pairs. */
function positionals(words: readonly string[], from: number): string[] {
  const out: string[] = [];
  for (let i = from; i < words.length; i++) {
    const w = words[i];
    if (w.startsWith('-')) {
      if (!w.includes('=') && i + 1 < words.length && !words[i + 1].startsWith('-')) i++;
      continue;
    }
    out.push(w);
  }
  return out;
}

/** The value after a flag in a command's words (`--config X` or `--config=X`). */
function flagOf(words: readonly string[], flag: string): string | undefined {
  for (let i = 0; i < words.length; i++) {
    if (words[i] === flag) return words[i + 1];
    if (words[i].startsWith(`${flag}=`)) return words[i].slice(flag.length + 1);
  }
  return undefined;
}

const tune: Launcher = {
  name: 'tune',
  pattern: /^tune\s+run\b/,
  words: ['tune run'],
  read(command, out) {
    // tune run [--nnodes N] [--nproc_per_node N] RECIPE --config CONFIG [key=value ...]
    const recipe = positionals(command.words, 2).find((w) => !w.includes('='));
    if (!recipe) return;
    const kind = torchtuneRecipe(recipe);
    if (!kind.training && !kind.inference) return 'no-run';
    out.add('run.framework', 'torchtune', `tune run ${recipe}`);
    if (kind.inference) {
      out.add('launch.inference', 'tune', `tune run ${recipe}`);
      return;
    }
    // The recipe bounds the mode (a lora_* recipe runs LoRA and QLoRA configs alike); the config's builder says which.
    if (kind.mode) out.add('training.mode', kind.mode, `recipe ${recipe}`, 'low');
    // A built-in config (`--config llama3_3/70B_full_multinode`, no .yaml) ships inside torchtune: its
    // folder names the model family and its file name the size, which is what can be said here.
    const config = flagOf(command.words, '--config');
    const builtIn =
      config && !/\.ya?ml$/i.test(config) ? /^([a-z][a-z0-9_]*)\/(\d+(?:[._]\d+)?[BM])_/i.exec(config) : null;
    if (config && builtIn)
      out.add(
        'model.id',
        `${builtIn[1]}-${builtIn[2].replace('_', '.')}`,
        `--config ${config}: torchtune's built-in config for ${builtIn[1]} ${builtIn[2]}`,
        'medium',
        config,
      );
    // Inside torchtune's own repository (or a copy of its recipes), the built-in config is a file:
    // linked when there, so its epochs and dtype join; no warning when not (it ships in the package).
    if (config && !/\.ya?ml$/i.test(config) && /^[\w-]+(\/[\w-]+)?$/.test(config))
      out.add(
        'link.config',
        `recipes/configs/${config}.yaml`,
        `--config ${config}: torchtune's recipes/configs/${config}.yaml`,
        'low',
        config,
      );
    readDotlistOverrides(command.words.slice(2), out);
  },
};

const LITGPT_TRAINING: Readonly<Record<string, 'lora' | 'finetune' | 'pretrain'>> = {
  finetune: 'lora', // `litgpt finetune` is finetune_lora (litgpt README, "Finetune")
  finetune_lora: 'lora',
  finetune_adapter: 'lora',
  finetune_adapter_v2: 'lora',
  finetune_full: 'finetune',
  pretrain: 'pretrain',
};

const litgptCli: Launcher = {
  name: 'litgpt',
  pattern: /^litgpt\s+\w+/,
  words: ['litgpt'],
  read(command, out) {
    const sub = command.words[1];
    if (/^(generate|chat|serve)/.test(sub)) {
      out.add('run.framework', 'litgpt', `litgpt ${sub}`);
      out.add('launch.inference', 'litgpt', `litgpt ${sub}`);
      return;
    }
    const mode = LITGPT_TRAINING[sub];
    if (!mode) return 'no-run';
    out.add('run.framework', 'litgpt', `litgpt ${sub}`);
    const quantize = /--quantize[=\s]+(\S+)/.exec(command.text)?.[1];
    const initial = /--initial_checkpoint_dir[=\s]+\S/.test(command.text);
    const stated =
      mode === 'lora' && quantize && /^bnb\.(nf4|fp4)/.test(quantize)
        ? 'qlora'
        : mode === 'pretrain' && initial
          ? 'finetune'
          : mode;
    out.add(
      'training.mode',
      stated,
      `litgpt ${sub}${stated === 'qlora' ? ` --quantize ${quantize}` : ''}${initial ? ' --initial_checkpoint_dir' : ''}`,
      'medium',
    );
    if (stated === 'pretrain')
      out.add('model.fromScratch', true, `litgpt pretrain initialises the model randomly`, 'medium');
    // The model: a positional checkpoint (`meta-llama/Llama-2-7b-hf`, `checkpoints/org/name`) or --model_name.
    const positional = positionals(command.words, 2)[0];
    const checkpoint = positional
      ? /^[\w.-]+\/[\w.-]+$/.test(positional)
        ? positional
        : hubIdInPath(positional)
      : undefined;
    const name = /--model_name[=\s]+(\S+)/.exec(command.text)?.[1];
    if (checkpoint && !checkpoint.startsWith('$')) {
      out.add('model.id', checkpoint, `litgpt ${sub} ${positional}`);
      if (mode !== 'pretrain')
        out.add('model.fromScratch', false, `litgpt ${sub} trains the downloaded ${checkpoint}`, 'medium');
    } else if (name && !name.startsWith('$')) out.add('model.id', name, `--model_name ${name}`);
    const tokens = /--train\.max_tokens[=\s]+(\d+)/.exec(command.text)?.[1];
    if (tokens && Number(tokens) > 0) out.add('training.tokens', Number(tokens), `--train.max_tokens ${tokens}`);
  },
};

const llamafactoryCli: Launcher = {
  name: 'llamafactory-cli',
  pattern: /^(?:llamafactory-cli|lmf)\s+\w+/,
  words: ['llamafactory-cli', 'lmf '],
  read(command, out) {
    const sub = command.words[1];
    if (/^(chat|webchat|api)$/.test(sub)) {
      out.add('run.framework', 'llamafactory', `llamafactory-cli ${sub}`);
      out.add('launch.inference', 'llamafactory-cli', `llamafactory-cli ${sub}`);
      linkFirstYaml(command, 2, out);
      return;
    }
    if (sub !== 'train' && sub !== 'sft') return 'no-run';
    out.add('run.framework', 'llamafactory', `llamafactory-cli ${sub}`);
    linkFirstYaml(command, 2, out);
    // Flags stand in for the YAML: read the method from them like the config dialect does.
    const type = /--finetuning_type[=\s]+(\w+)/.exec(command.text)?.[1];
    const bits = /--quantization_bit[=\s]+(\d+)/.exec(command.text)?.[1];
    if (type)
      out.add(
        'training.mode',
        type === 'full' || type === 'freeze' ? 'finetune' : bits === '4' ? 'qlora' : 'lora',
        `--finetuning_type ${type}${bits ? ` --quantization_bit ${bits}` : ''}`,
      );
    readDotlistOverrides(command.words.slice(2), out);
  },
};

/**
 * AllenNLP's command line (docs.allennlp.org, "Commands": `allennlp train PARAM_PATH -s SERIALIZATION_DIR [-r]
 * [-o OVERRIDES]`, also run as `python -m allennlp.run train ...`): `train` trains the model its experiment config
 * (JSON or Jsonnet) describes, so the command is a training launch; a literal .json/.yaml config is linked (a config
 * passed on in `$@` or a variable stays unknown). `evaluate` and `predict` run a trained archive over a dataset
 * (inference). The other subcommands (`find-lr`, `build-vocab`, `count-instances`, `test-install`, `print-results`,
 * `diff`, `cached-path`, `checklist`) start no run.
 */
const allennlpCli: Launcher = {
  name: 'allennlp',
  pattern: /^(?:allennlp|python3?\s+-m\s+allennlp(?:\.run)?)\s+[\w-]+/,
  words: ['allennlp'],
  read(command, out) {
    const at = command.words[0] === 'allennlp' ? 1 : 3;
    const sub = command.words[at];
    if (sub === 'evaluate' || sub === 'predict') {
      out.add('launch.inference', 'allennlp', `allennlp ${sub} runs a trained archive over a dataset`);
      return;
    }
    if (sub !== 'train') return 'no-run';
    out.add('run.framework', 'allennlp', `allennlp ${sub}`);
    linkFirstYaml(command, at + 1, out);
  },
};

/**
 * CoreNet's console scripts (github.com/apple/corenet, pyproject `[project.scripts]`: `corenet-train` runs
 * corenet/cli/main_train.py; `corenet-eval`, `corenet-eval-seg`, `corenet-eval-det`, `corenet-eval-llmadapters`
 * evaluate; ml-cvnets names them `cvnets-train`/`cvnets-eval*`). The run is the YAML given by `--common.config-file`
 * (read by the corenet config dialect); `--model.<task>.pretrained W` on the line loads weights before training.
 */
const corenetCli: Launcher = {
  name: 'corenet-train',
  pattern: /^(?:corenet|cvnets)-(?:train|eval(?:-[a-z]{2,20})?)(?=\s|$)/,
  words: ['corenet-', 'cvnets-'],
  read(command, out) {
    const program = command.words[0];
    const config = /--common\.config-file[=\s]+["']?([^\s"']+\.ya?ml)/.exec(command.text)?.[1];
    out.add('run.framework', 'corenet', program);
    const evaluates = /-eval/.test(program);
    // An evaluation builds the config's model to score it: a training config it names stays a run of its own.
    if (config)
      out.add('link.config', config, `${program} --common.config-file ${config}${evaluates ? EVALUATES_CONFIG : ''}`);
    if (evaluates) {
      out.add('launch.inference', program, `${program}: evaluates the config's model`);
      out.add('training.mode', 'inference', `${program}: evaluates the config's model`);
      return 'own-links';
    }
    const weights = /--model\.[\w-]{1,40}\.pretrained[=\s]+(\S+)/.exec(command.text);
    if (weights) out.add('model.fromScratch', false, `${weights[0]}: training starts from these weights`, 'medium');
    return 'own-links';
  },
};

const trlCli: Launcher = {
  name: 'trl',
  pattern: /^trl\s+(?:sft|dpo|grpo|kto|orpo|reward|rloo|ppo|online_dpo|xpo|nash_md|gkd|bco|cpo)\b/,
  words: ['trl '],
  read(command, out) {
    out.add('run.framework', 'trl', `trl ${command.words[1]}`);
    out.add('model.fromScratch', false, `trl ${command.words[1]} fine-tunes a pretrained model`, 'low');
  },
};

const axolotlCli: Launcher = {
  name: 'axolotl',
  pattern: /^axolotl\s+\w+/,
  words: ['axolotl '],
  read(command, out) {
    if (command.words[1] !== 'train') return 'no-run';
    out.add('run.framework', 'axolotl', 'axolotl train');
    linkFirstYaml(command, 2, out);
  },
};

/**
 * `config=examples/config.yaml`: a program that reads its arguments with OmegaConf's `from_cli` (`key=value` words,
 * EasyR1's `verl.trainer.main` merging the file named by `config=` under the other words) is handed its config file
 * as the value of a `config`/`cfg` key; the file is the part after `=`.
 */
const CONFIG_KEY_WORD = /^(?:\w{0,40}_)?(?:config|cfg)(?:_\w{0,40})?=(?=[^=])/i;

function linkFirstYaml(command: LaunchCommand, from: number, out: LaunchSink): void {
  // Another key's value (`data_template_path=templates/chat.json`, an override) is no config of the run.
  // `"${ROOT}/configs/base.yml"`: a quoted word's quotes are not part of the path.
  const word = positionals(command.words, from).find(
    (w) => /\.(ya?ml|json)$/.test(withoutQuotes(w)) && (!/^[\w.-]+=/.test(w) || CONFIG_KEY_WORD.test(w)),
  );
  if (!word) return;
  const config = withoutQuotes(word.replace(CONFIG_KEY_WORD, ''));
  out.add('link.config', config, `${command.words.slice(0, from).join(' ')} ${word}`);
}

/**
 * Post-training methods a program is named after (`-m verl.trainer.main_ppo`, `fsdp_sft_trainer`, `grpo_fast.py`,
 * `dpo_tune_cache.py`, `train_orpo.py`): SFT, preference optimisation (DPO, ORPO, KTO, SimPO, CPO) and RL from
 * feedback (PPO, GRPO and its variants GSPO/DAPO, RLOO, REINFORCE) start from a pretrained model (issue 12:
 * "SFT/DPO/ORPO/KTO/GRPO trainers imply fine-tuning of a pretrained model"). Whether it is LoRA or full is the
 * flags' and overrides' to say; the program's name only rules out training from scratch.
 */
const POST_TRAINING_WORDS = new Set([
  'sft',
  'dpo',
  'orpo',
  'kto',
  'simpo',
  'cpo',
  'ppo',
  'grpo',
  'gspo',
  'dapo',
  'rloo',
  'reinforce',
  'rlhf',
  'rlvr',
  // A reward model (`train_rm.py`, `train_reward_model.py`) is a pretrained LM fine-tuned with a scalar head
  // (Ouyang et al. 2022, arXiv:2203.02155, section 3.5: the RM starts from the SFT model).
  'rm',
  'reward',
]);
export function postTrainingMethod(program: { script?: string; module?: string }): string | undefined {
  const name = program.module
    ? program.module.slice(program.module.lastIndexOf('.') + 1)
    : program.script?.slice(program.script.lastIndexOf('/') + 1).replace(/\.py$/, '');
  if (!name || name.includes('$')) return undefined;
  const word = name
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .find((w) => POST_TRAINING_WORDS.has(w));
  const method = word === 'rm' || word === 'reward' ? 'reward-model training' : word?.toUpperCase();
  return word
    ? `${program.module ? `-m ${program.module}` : program.script}: named for ${method}, a post-training method that starts from a pretrained model`
    : undefined;
}

/**
 * verl's generation program (`-m verl.trainer.main_generation`) generates with its rollout engine: vLLM unless
 * `rollout.name=` says otherwise, in bfloat16 (its shipped verl/trainer/config/generation.yaml: `rollout.name: vllm`,
 * `dtype: bfloat16 # should align with FSDP`).
 */
function readVerlGeneration(command: LaunchCommand, out: LaunchSink): void {
  const named = /(?:^|\s)\+{0,2}rollout\.name=["']?(\w+)/.exec(command.text)?.[1];
  const engine = named === undefined || named === 'vllm' ? 'vllm' : named === 'sglang' ? 'sglang' : undefined;
  if (engine)
    out.add(
      'inference.engine',
      engine,
      named ? `rollout.name=${named}` : "verl's generation config: rollout.name vllm (the default)",
      named ? 'high' : 'low',
    );
  if (!/(?:^|\s)\+{0,2}rollout\.dtype=/.test(command.text))
    out.add(
      'inference.weightPrecision',
      'bf16',
      "verl's generation config: rollout dtype bfloat16 (the default)",
      'low',
    );
}

/** The working directory a path starts from (`$PWD/`, `${PWD}/`, `$(pwd)/`, `` `pwd`/ ``), as the shell writes it. */
const WORKING_DIR_PREFIX = /^(?:\$\{?PWD\}?|\$\(pwd\)|`pwd`)(?:\/+|$)/;

/** The folder of the program a launch runs (`-m a.b.mod` → a/b, `python src/train.py` → src), when written plainly. */

function programFolder(program: { script?: string; module?: string }): string | undefined {
  const path = program.module ? `${program.module.replace(/\./g, '/')}.py` : program.script;
  if (!path || path.length > 300 || !/^[\w./-]+$/.test(path) || path.startsWith('/')) return undefined;
  const cut = path.lastIndexOf('/');
  return cut < 0 ? '' : path.slice(0, cut);
}

/**
 * A relative folder joined onto another (`verl/trainer` + `./config` → verl/trainer/config); an absolute one, one
 * with a variable, or one climbing above the first folder's start is kept as written (undefined: use it alone).
 */
function joinRelative(base: string, relative: string): string | undefined {
  if (relative.startsWith('/') || relative.includes('$') || relative.length > 300) return undefined;
  const parts = base ? base.split('/') : [];
  for (const part of relative.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0 || parts[parts.length - 1] === '..') return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

/** Python launches that carry a framework's own config: `-m axolotl.cli.train x.yml`, GPT-NeoX's `deepy.py train.py -d configs a.yml b.yml`. */
function readPythonLaunch(command: LaunchCommand, out: LaunchSink): LaunchOutcome {
  // What the line's program is, by its name and flags (shell/runIntent.ts): a helper starts no run.
  const program = launchedProgram(command);
  if (
    utilityProgram(program) ||
    utilitySubcommand(command, program) ||
    testPackageModule(program) ||
    scoresGeneratedFiles(command) ||
    printsInsteadOfRunning(command, program)
  )
    return 'no-run';
  // `python << EOF` / `python -` (the program is a here-document or stdin): code the line does not name, so no run
  // can be read from it (an inline snippet in an installer or CI step, usually).
  if (
    !program.script &&
    !program.module &&
    /(?:^|\s)(?:<<-?|-$|-\s)/.test(command.text.slice(command.words[0]?.length ?? 0))
  )
    return 'no-run';
  // `python -c 'import torch; print(torch.cuda.device_count())'`: a one-line check of the environment, not a job;
  // `python --version` / `python -V` too.
  // `PYTHON="$(which python)"`: a path looked up (the assignment's words read as a command), not a run.
  if (/^(?:[\w.~-]*\/)*python3?[)`'"]/.test(command.text)) return 'no-run';
  if (/(?:^|\/)python3?$/.test(command.words[0] ?? '') && /^(?:-c|-V|--version)$/.test(command.words[1] ?? ''))
    return 'no-run';
  // ms-swift's programs run by a launcher (`torchrun ... swift/cli/sft.py --model ...`): read as `swift sft`.
  const swift = swiftProgram(command.words);
  if (swift) {
    const outcome = readSwiftCommand(swift.tool, swift.sub, command.words.slice(swift.at + 1), command.prefix, out);
    return outcome === 'no-run' ? 'no-run' : 'own-links';
  }
  const fairseqProgram = readFairseqPluginLaunch(command, out);
  const harness = harnessProgram(command);
  if (harness?.model) {
    out.add('model.id', harness.model, `--model_args pretrained=${harness.model}`, 'high', harness.model);
    out.add('model.fromScratch', false, 'an evaluation harness evaluates a trained checkpoint', 'high');
  }
  const switched = evaluationSwitch(command);
  // A fairseq program's own flags say it decodes (`--path` and no training flag), as an explicit switch does.
  const decodes =
    fairseqProgram === 'inference'
      ? 'a fairseq program (--user-dir) given a --path checkpoint and no training flag: it decodes with that checkpoint'
      : undefined;
  const serving =
    decodes ??
    harness?.detail ??
    servingModule(program) ??
    switched ??
    checkpointEvaluation(command) ??
    inferenceSubcommand(command, program) ??
    openMmlabTest(command, program) ??
    evaluationProgramWithConfig(command, program) ??
    fairseqEvaluationOverride(command) ??
    labellingProgram(program) ??
    variableNamedEvaluation(program);
  // A switch on the command itself (`--eval-only`) over what a config it hands the program says of training.
  if (serving)
    out.add('training.mode', 'inference', serving, serving === switched || serving === decodes ? 'high' : 'medium');
  else {
    const weights = openMmlabWeightsOption(command);
    if (weights) out.add('model.fromScratch', false, `${weights}: the model starts from these weights`, 'high');
    const imagenet = weights ? undefined : openMmlabImageNetBackboneOption(command);
    if (imagenet) {
      const why = `${imagenet}: an ImageNet classification backbone only`;
      out.add('model.fromScratch', true, `${why}; the rest of the network starts at random`, 'high');
      out.add('training.mode', 'pretrain', `${why}: the model is trained on its task, not fine-tuned`, 'medium');
    }
    const method = postTrainingMethod(program);
    if (method) out.add('model.fromScratch', false, method, 'low');
  }
  const module = /\s(?:-m|--module)\s+([\w.]+)/.exec(command.text)?.[1];
  if (readTorchtitanLaunch(command, module, out) === 'no-run') return 'no-run';
  // Pax links the experiment module itself (the entry program is config-driven).
  if (readPaxLaunch(command, module, out)) return 'own-links';
  if (module && /^openrlhf\.cli\.train_/.test(module)) readOpenRlhf(command, module, out);
  if (module && isOpenRlhfRayTrainer(module)) {
    readOpenRlhfRayPlacement(command, out);
    readOpenRlhfEpisodes(command, out);
  }
  if (module && isOpenClipTrain(module, command.text)) readOpenClipTrain(command, module, out);
  // A module named as a server (`-m openrlhf.cli.serve_rm`, `-m pkg.serve`, `-m pkg.api_server`) serves a model.
  if (module && /(?:^|\.)(?:serve|serve_\w+|server|api_server)$/.test(module))
    out.add('launch.inference', `python -m ${module}`, `-m ${module} serves a model`);
  // Hydra entry points (NeMo, many research repos): `--config-path conf --config-name megatron_gpt_config`.
  const hydraPath = unquote(/--config-path[=\s]+(\S+)/.exec(command.text)?.[1]);
  const hydraName = unquote(/--config-name[=\s]+(\S+)/.exec(command.text)?.[1]);
  if (hydraName && !hydraName.startsWith('$')) {
    const name = `${hydraName.replace(/\.ya?ml$/, '')}.yaml`;
    // Hydra: "--config-path … is relative to the Python file declaring @hydra.main()" (hydra.cc, Hydra's command
    // line flags): `-m verl.trainer.main_ppo --config-path=./config` reads verl/trainer/config/, not a folder
    // beside the launch script.
    // `--config-path="$(pwd)/examples/config"` (or a variable set to the working directory): an absolute path, the
    // folder under the one the launch runs from, so a path relative to the working directory, not the program's.
    const underWorkingDir = hydraPath ? WORKING_DIR_PREFIX.exec(hydraPath) : null;
    const beside = hydraPath && !underWorkingDir ? programFolder(program) : undefined;
    const folder = underWorkingDir
      ? hydraPath!.slice(underWorkingDir[0].length)
      : ((hydraPath && beside !== undefined ? joinRelative(beside, hydraPath) : undefined) ?? hydraPath);
    const file = `${folder ? `${folder.replace(/(?<!\/)\/+$/, '')}/` : ''}${name}`;
    out.add('link.config', file, `--config-path ${hydraPath ?? '.'} --config-name ${hydraName}`);
  }
  if (module && !/^torch\.distributed\./.test(module)) {
    // `-m axolotl.cli.train x.yml`, `-m llamafactory.cli train x.yaml`, `-m trl.scripts.sft --config x.yaml`:
    // the module is the entry point and the first YAML it is given is its config.
    const framework = /^(axolotl|trl|llamafactory|litgpt|composer|torchtune|openrlhf|verl)\b/.exec(module)?.[1];
    if (framework) out.add('run.framework', framework === 'llamafactory' ? 'llamafactory' : framework, `-m ${module}`);
    if (framework === 'verl' && serving) readVerlGeneration(command, out);
    // `python -m mypkg.eval.model_vqa --model-path org/name`: a module of the repository's own package is the
    // program (its loader's dtype reaches the line). Linked as a module, so the program stays a run of its own
    // with its own flag defaults (many scripts run one evaluation CLI). Quietly (low): a module of an installed
    // library is not in the repository.
    if (!framework && /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+$/.test(module))
      out.add('link.module', `${module.replace(/\./g, '/')}.py`, `-m ${module} runs the package's module`, 'low');
    const after = command.words.indexOf(module);
    if (!/--config[=\s]/.test(command.text)) linkFirstYaml(command, after + 1, out);
  }
  const deepy = command.words.findIndex((w) => /(^|\/)deepy\.py$/.test(w));
  if (deepy >= 0) {
    out.add('run.framework', 'neox', 'GPT-NeoX deepy.py');
    const dir = /\s-d\s+(\S+)/.exec(command.text)?.[1];
    for (const w of positionals(command.words, deepy + 1)) {
      if (/\.(ya?ml|json)$/.test(w))
        out.add(
          'link.config',
          dir && !w.includes('/') ? `${dir.replace(/(?<!\/)\/+$/, '')}/${w}` : w,
          `deepy.py ${dir ? `-d ${dir} ` : ''}${w}`,
        );
    }
    // deepy.py hands the merged configs to the repository's own train.py: the configs are the run.
    return 'own-links';
  }
  if (
    /(^|\/)pretrain_(gpt|bert|t5|llama|mamba|vlm|retro|ict)\w*\.py$/.test(
      command.words.find((w) => w.endsWith('.py')) ?? '',
    ) ||
    // Megatron's own flags (megatron/training/arguments.py): its sizes, or its parallel layout and micro-batch when
    // the architecture comes from a variable set elsewhere (`${MODEL_ARGS} --tensor-model-parallel-size ${TP}`).
    /--num-layers\b|--tensor-model-parallel-size\b|--pipeline-model-parallel-size\b/.test(command.text)
  ) {
    readMegatron(command, out);
  }
  readTokenBudget(command, out);
  const programArguments = command.words.slice(command.words.findIndex((w) => w.endsWith('.py')) + 1);
  readDotlistOverrides(programArguments, out);
  readYacsOpts(programArguments, out);
  return undefined;
}

/**
 * A training length given as a token budget on the launch line: the program stops once it has seen that many
 * tokens (RWKV-LM `--my_exit_tokens 1498226207`, `--train_tokens`, `--total_train_tokens`; Megatron-DeepSpeed's
 * `--train-tokens`, "Total number of tokens to train over all training runs", megatron/arguments.py, which ends a
 * curriculum-learning run before its `--train-samples` at full length would). Only a whole number above zero; a
 * variable (`$TOKENS`) stays unread.
 */
const TOKEN_BUDGET =
  /\s--((?:my_)?exit_tokens|(?:max_|total_)?train[_-]tokens|total_train_tokens)[=\s]+(\d{1,15})(?=\s|$)/;

function readTokenBudget(command: LaunchCommand, out: LaunchSink): void {
  const m = TOKEN_BUDGET.exec(command.text);
  if (m && Number(m[2]) > 0)
    out.add('training.tokens', Number(m[2]), `--${m[1]} ${m[2]}: the run stops after that many tokens`);
}

/** Megatron-LM positions without parameters: `--max-position-embeddings` is then only a context length. */
export function positionsAreNotLearned(command: string): boolean {
  return /--position-embedding-type[=\s]+(rope|none|relative)|--use-rotary-position-embeddings\b/.test(command);
}

/**
 * A command's flags by what they set (sizingNames.ts flagMeaning: `--ds.lora.rank 64` and `--lora_rank 64` are both
 * `lora_rank`), the trained model's own only; a flag without a value is `true`. The first of a name wins.
 */
function flagsByMeaning(words: readonly string[]): Map<string, string | true> {
  const out = new Map<string, string | true>();
  for (let i = 0; i < words.length && i < MAX_FLAG_WORDS; i++) {
    const m = /^--([A-Za-z_][\w.-]*)(?:=(.*))?$/.exec(words[i]);
    if (!m) continue;
    const meaning = flagMeaning(m[1]);
    let value: string | true = true;
    if (m[2] !== undefined) value = m[2];
    else if (i + 1 < words.length && !words[i + 1].startsWith('-')) value = words[++i];
    if (meaning?.role === 'run' && !out.has(meaning.name)) out.set(meaning.name, value);
  }
  return out;
}
const MAX_FLAG_WORDS = 2_000;

/**
 * OpenRLHF (`deepspeed --module openrlhf.cli.train_sft|train_dpo|train_rm|train_ppo ...`): `--pretrain` (before
 * namespaced flags) is the pretrained model every trainer starts from, `--train_batch_size` the global batch and
 * `--micro_train_batch_size` the per-GPU one (openrlhf/cli/train_sft.py arguments), `--lora_rank` > 0 adds LoRA
 * adapters. Since OpenRLHF grouped its flags (`--model.model_name_or_path`, `--train.batch_size`,
 * `--ds.lora.rank`, `--ds.load_in_4bit`) the flag table reads them; the method is read here from either form.
 */
function readOpenRlhf(command: LaunchCommand, module: string, out: LaunchSink): void {
  const text = command.text;
  const pretrain = /--pretrain[=\s]+(\S+)/.exec(text)?.[1];
  if (pretrain && !pretrain.startsWith('$')) {
    out.add('model.id', pretrain, `--pretrain ${pretrain}`, 'high', '--pretrain');
    out.add('model.fromScratch', false, `${module} trains the pretrained ${pretrain}`, 'high', '--pretrain');
  }
  const global = Number(/--train_batch_size[=\s]+(\d+)/.exec(text)?.[1]);
  if (global > 0)
    out.add(
      'training.globalBatch',
      global,
      `--train_batch_size ${global} (OpenRLHF: the global batch)`,
      'high',
      '--train_batch_size',
    );
  const micro = Number(/--micro_train_batch_size[=\s]+(\d+)/.exec(text)?.[1]);
  if (micro > 0)
    out.add('training.batchPerDevice', micro, `--micro_train_batch_size ${micro}`, 'high', '--micro_train_batch_size');
  const dataset = /--dataset[=\s]+(\S+)/.exec(text)?.[1];
  if (dataset && /^[\w.-]+\/[\w.-]+$/.test(dataset))
    out.add('training.dataset', dataset, `--dataset ${dataset}`, 'high', '--dataset');
  out.consume('train_batch_size', 'micro_train_batch_size', 'pretrain', 'dataset', 'lora_rank', 'lora_r');
  const flags = flagsByMeaning(command.words);
  const rankFlag = /--(?:ds\.lora\.rank|lora[._]rank)\b/.exec(text)?.[0] ?? '--lora_rank';
  const rank = Number(flags.get('lora_rank'));
  const fourBit = flags.has('load_in_4bit') && flags.get('load_in_4bit') !== 'false';
  if (rank > 0)
    out.add(
      'training.mode',
      fourBit ? 'qlora' : 'lora',
      `${rankFlag} ${rank}${fourBit ? ' --load_in_4bit' : ''}`,
      'high',
      rankFlag,
    );
  else out.add('training.mode', 'finetune', `${module} updates all weights (no ${rankFlag})`, 'medium');
}

/** ms-swift's CLI and Megatron-SWIFT's (shell/swift.ts). */
const swiftCli: Launcher = {
  name: 'swift',
  pattern: /^swift\s+[\w-]+/,
  words: ['swift '],
  read: readSwiftCli,
};
const megatronSwiftCli: Launcher = {
  name: 'megatron',
  pattern: /^megatron\s+(?:sft|pt|rlhf|export)\b/,
  words: ['megatron '],
  read: readMegatronSwiftCli,
};

/**
 * Megatron-LM flags beyond the sizing table: learned absolute positions are the default
 * (`--position-embedding-type learned_absolute`), rotary ones have no parameters; the output
 * layer is tied to the embedding unless `--untie-embeddings-and-output-weights`; `--swiglu` has
 * three matrices of ffn_hidden_size, which defaults to 4h·2/3 rounded down to a multiple of 64
 * (megatron/training/arguments.py).
 */
function readMegatron(command: LaunchCommand, out: LaunchSink): void {
  out.add('run.framework', 'megatron', 'Megatron-LM launch flags');
  const text = command.text;
  if (/--untie-embeddings-and-output-weights\b/.test(text))
    out.add('model.untiedHead', true, '--untie-embeddings-and-output-weights');
  const swiglu = /--swiglu\b/.test(text);
  if (swiglu) {
    const hidden = Number(/--hidden[-_]size[=\s]+(\d+)/.exec(text)?.[1]);
    const given = Number(/--ffn[-_]hidden[-_]size[=\s]+(\d+)/.exec(text)?.[1]);
    const ffn = given > 0 ? given : hidden > 0 ? Math.floor((4 * hidden * 2) / 3 / 64) * 64 : 0;
    if (ffn > 0)
      out.add(
        'model.ffnSize',
        1.5 * ffn,
        `--swiglu: 3 matrices of ${ffn}${given > 0 ? '' : ' (the default 4h·2/3)'} (counted as ${1.5 * ffn})`,
      );
  }
  readMegatronExperts(text, swiglu, out);
  // `--finetune`: "Load model for finetuning. Do not load optimizer or rng state from checkpoint and set iteration to 0"
  // (megatron/training/arguments.py), with the checkpoint in --load or --pretrained-checkpoint: a pretrained model
  // trained further. (Not `--finetune-hf-dataset` and the like: the flag alone.)
  // BigScience's Megatron-DeepSpeed spells the same with two flags: `--reset-progress` ("Reset iteration to 0 & do not
  // load args", megatron/arguments.py) and `--no-load-optim` ("Do not load optimizer when loading checkpoint"): the
  // checkpoint's weights start a new run (tr13's multitask fine-tunes of BLOOM).
  // So does a fine-tuning program of the fork's (`finetune_t0.py`) handed a checkpoint to load without its optimizer.
  const restarted = /--reset-progress(?=\s|$)/.test(text) && /--no-load-optim(?=\s|$)/.test(text);
  const finetuneProgram = /(?:^|[\s/])finetune[\w-]*\.py(?=\s|$)/.test(text) && /--no-load-optim(?=\s|$)/.test(text);
  if (
    (/--finetune(?=\s|$)/.test(text) || restarted || finetuneProgram) &&
    /--(?:load|pretrained-checkpoint)[=\s]/.test(text)
  )
    out.add(
      'model.fromScratch',
      false,
      restarted || finetuneProgram
        ? `${restarted ? '--reset-progress' : 'a fine-tuning program'} and --no-load-optim with a checkpoint to load: its weights start a new run (a fine-tune)`
        : '--finetune with a checkpoint to load (Megatron-LM fine-tunes it)',
      'high',
    );
  // The downstream tasks' `--pretrained-checkpoint` ("Pretrained checkpoint used for finetunning", Megatron-LM
  // tasks/main.py) and ICT/REALM's `--bert-load` ("Directory containing a BertModel checkpoint (needed to start ICT
  // and REALM)", megatron/arguments.py): the run starts from those trained weights.
  else {
    const start = /--(pretrained-checkpoint|bert-load)[=\s]+\S/.exec(text)?.[1];
    if (start)
      out.add('model.fromScratch', false, `--${start}: starts from a trained checkpoint (Megatron-LM)`, 'high');
  }
  // `--exit-interval N`: "Exit the program after the iteration is divisible by this value" (megatron/arguments.py):
  // below --train-iters, the run stops at iteration N.
  const exitAt = Number(/--exit[-_]interval[=\s]+(\d+)/.exec(text)?.[1]);
  const iters = Number(/--train[-_]iters[=\s]+(\d+)/.exec(text)?.[1]);
  if (exitAt > 0 && iters > exitAt)
    out.add('training.steps', exitAt, `--exit-interval ${exitAt} stops the run before --train-iters ${iters}`, 'high');
  const samples = Number(/--train[-_]samples[=\s]+(\d+)/.exec(text)?.[1]);
  const global = Number(/--global[-_]batch[-_]size[=\s]+(\d+)/.exec(text)?.[1]);
  if (samples > 0 && global > 0)
    out.add(
      'training.steps',
      Math.ceil(samples / global),
      `--train-samples ${samples} over --global-batch-size ${global}`,
    );
}

/**
 * Megatron-LM mixture of experts (megatron/training/arguments.py): `--num-experts N` routed experts in every
 * layer (unless `--moe-layer-freq` says otherwise: then the layout is not read), each token sent to
 * `--moe-router-topk` of them (default 2), each expert of `--moe-ffn-hidden-size` (default --ffn-hidden-size).
 * A shared expert (`--moe-shared-expert-intermediate-size`) is left out: the total is then a lower bound, and
 * the facts say so.
 */
function readMegatronExperts(text: string, swiglu: boolean, out: LaunchSink): void {
  const experts = Number(/--num[-_]experts[=\s]+(\d+)/.exec(text)?.[1]);
  if (!(experts > 1) || /--moe[-_]layer[-_]freq\b/.test(text)) return;
  if (DEEPSPEED_MOE_FLAG.test(text)) {
    readDeepSpeedExperts(text, experts, out);
    return;
  }
  out.add('model.experts', experts, `--num-experts ${experts}: routed experts in every layer`);
  const topk = Number(/--moe[-_]router[-_]topk[=\s]+(\d+)/.exec(text)?.[1]);
  out.add(
    'model.expertsPerToken',
    topk > 0 ? topk : 2,
    topk > 0 ? `--moe-router-topk ${topk}` : '--moe-router-topk not given: Megatron-LM routes each token to 2 experts',
  );
  const width = Number(/--moe[-_]ffn[-_]hidden[-_]size[=\s]+(\d+)/.exec(text)?.[1]);
  if (width > 0)
    out.add(
      'model.expertFfnSize',
      swiglu ? 1.5 * width : width,
      `--moe-ffn-hidden-size ${width}${swiglu ? ` with --swiglu (3 matrices, counted as ${1.5 * width})` : ''}`,
    );
}

/**
 * Megatron-DeepSpeed's own MoE flags (DeepSpeed MoE: megatron/arguments.py of microsoft/Megatron-DeepSpeed), which
 * Megatron-LM does not take: the launch is that fork's, whose MoE layout differs.
 */
const DEEPSPEED_MOE_FLAG = /--(?:moe[-_]expert[-_]parallel[-_]size|expert[-_]interval|mlp[-_]type|topk)(?=[=\s])/;

/**
 * Megatron-DeepSpeed's mixture of experts (megatron/arguments.py of microsoft/Megatron-DeepSpeed): `--num-experts N`
 * in every `--expert-interval` layer ("Use experts in every "expert-interval" layers", default 2), each token sent to
 * `--topk` of them (default 1); the experts are the dense feed-forward block's shape.
 */
function readDeepSpeedExperts(text: string, experts: number, out: LaunchSink): void {
  const interval = Number(/--expert[-_]interval[=\s]+(\d+)/.exec(text)?.[1]);
  const every = interval > 0 ? interval : 2;
  out.add(
    'model.experts',
    experts,
    `--num-experts ${experts} (Megatron-DeepSpeed): routed experts in every ${every === 1 ? '' : `${ordinal(every)} `}layer`,
  );
  out.add(
    'model.expertInterval',
    every,
    interval > 0
      ? `--expert-interval ${interval}`
      : '--expert-interval not given: Megatron-DeepSpeed puts experts in every 2nd layer',
  );
  const topk = Number(/--topk[=\s]+(\d+)/.exec(text)?.[1]);
  out.add(
    'model.expertsPerToken',
    topk > 0 ? topk : 1,
    topk > 0 ? `--topk ${topk}` : '--topk not given: Megatron-DeepSpeed routes each token to 1 expert',
  );
}

/** A flag's value in a command: `--name value` or `--name=value` (the first of the names found). */
function flagValue(text: string, ...names: string[]): string | undefined {
  for (const name of names) {
    const m = new RegExp(`(?:^|\\s)--?${name.replace(/[-_]/g, '[-_]')}(?:=|\\s+)(?!-)(\\S+)`).exec(text);
    if (m) return unquote(m[1]);
  }
  return undefined;
}

/**
 * Serving engines started from the shell: `vllm serve MODEL`, `python -m vllm.entrypoints.openai.api_server
 * --model M`, TGI's `text-generation-launcher --model-id M`, SGLang's `python -m sglang.launch_server
 * --model-path M`, `trtllm-serve M`. What decides energy per request: the engine (continuous batching),
 * how many sequences it decodes together, tensor parallelism and the weights' precision.
 */
const servingCli: Launcher = {
  name: 'serve',
  pattern:
    /^(vllm\s+serve|python3?\s+-m\s+vllm\.entrypoints\.[\w.]+|text-generation-launcher|python3?\s+-m\s+sglang\.launch_server|trtllm-serve)\b/,
  words: ['vllm', 'text-generation-launcher', 'sglang', 'trtllm-serve'],
  read(command, out) {
    const head =
      command.words[0] === 'python' || command.words[0] === 'python3' ? (command.words[2] ?? '') : command.words[0];
    const engine = /vllm/.test(head)
      ? 'vllm'
      : /text-generation/.test(head)
        ? 'tgi'
        : /sglang/.test(head)
          ? 'sglang'
          : 'tensorrt-llm';
    const text = command.text;
    out.consume(
      'model',
      'model_id',
      'model_path',
      'tensor_parallel_size',
      'tp',
      'tp_size',
      'num_shard',
      'max_num_seqs',
      'max_batch_size',
      'max_concurrent_requests',
      'max_running_requests',
      'quantization',
      'quantize',
      'dtype',
      'port',
      'host',
      'max_model_len',
      'gpu_memory_utilization',
    );
    out.add('launch.inference', engine, `${head} serves a model`);
    out.add('inference.engine', engine, `${head}: a continuous-batching server`);
    // `vllm serve "$MODEL_PATH"`: the quotes are not part of the model's name.
    const positionalWord =
      engine === 'vllm' && command.words[0] === 'vllm'
        ? command.words[2]
        : engine === 'tensorrt-llm'
          ? command.words[1]
          : undefined;
    const positional = unquote(positionalWord);
    const model =
      flagValue(text, 'model', 'model-id', 'model-path') ??
      (positional && !positional.startsWith('-') ? positional : undefined);
    if (model && !model.startsWith('$')) {
      out.add('model.id', model, `${head} ${model}`, 'high', model);
      out.add('model.fromScratch', false, `${head} serves a trained checkpoint`, 'high');
    }
    const tp = Number(flagValue(text, 'tensor-parallel-size', 'tp-size', 'tp', 'num-shard'));
    if (Number.isInteger(tp) && tp > 0) out.add('inference.tensorParallel', tp, `tensor parallel over ${tp} devices`);
    const seqs = Number(
      flagValue(text, 'max-num-seqs', 'max-running-requests', 'max-batch-size', 'max-concurrent-requests'),
    );
    if (Number.isInteger(seqs) && seqs > 0)
      out.add('inference.concurrency', seqs, `up to ${seqs} sequences decoded together`);
    const quant = flagValue(text, 'quantization', 'quantize');
    const wp = quant ? weightPrecisionOf(quant) : undefined;
    if (quant && wp) out.add('inference.weightPrecision', wp, `--quantization ${quant}`);
  },
};

/**
 * llama.cpp's command-line chat and completion program, run from a build (`./main -m model.gguf -c 4096 -i ...`, from
 * release b3184 on `llama-cli`; github.com/ggerganov/llama.cpp examples/main/README.md: `-m/--model` the model file,
 * `-i/--interactive`, `-c/--ctx-size`, `-t/--threads`, `-ngl/--n-gpu-layers`, `--temp`, `--repeat-penalty`). It
 * generates with a (usually quantised GGUF/GGML) model on the CPU unless layers are offloaded: an inference run. A
 * bare `./main` is only taken with a model file and one of the program's own generation or context flags. Its
 * siblings that run a model file the same way (`llama-server` serving it over HTTP, `llama-bench` timing prompt and
 * generation, `llama-perplexity` scoring a text; tools/server, tools/llama-bench, tools/perplexity READMEs, each
 * `-m` the model file) are inference runs too, by their names alone with a model file.
 */
const llamaCppCli: Launcher = {
  name: 'llama.cpp',
  pattern:
    /^(?:\.{1,2}\/)?(?:[\w.-]{1,100}\/){0,10}(?:llama-(?:cli|server|bench|perplexity)(?:\.exe)?(?=\s)(?=[^\n]{0,2000}?\s(?:-m|--model)\s)|main(?=\s)(?=[^\n]{0,2000}?\s(?:-m|--model)\s)(?=[^\n]{0,2000}?\s(?:-i|--interactive|-ins|--instruct|--interactive-first|-c|--ctx-size|-ngl|--n-gpu-layers|--temp|--repeat[_-]penalty)\s))/,
  words: ['/main ', 'llama-cli', 'llama-server', 'llama-bench', 'llama-perplexity'],
  read(command, out) {
    out.consume('model', 'ctx_size', 'threads', 'n_gpu_layers', 'batch_size', 'n_predict', 'temp', 'top_k', 'top_p');
    out.add('launch.inference', 'llama.cpp', `${command.words[0]}: llama.cpp generates with a model file`);
    out.add('inference.engine', 'other', 'llama.cpp: one sequence at a time, CPU threads unless layers are offloaded');
    const model = unquote(flagOf(command.words, '-m') ?? flagOf(command.words, '--model'));
    if (model?.startsWith('$'))
      out.add('model.id', null, `-m ${model}: the model file is given when the script runs`, 'medium', model);
    else if (model && !model.startsWith('-')) {
      out.add('model.id', model, `-m ${model}`, 'high', model);
      out.add('model.fromScratch', false, 'llama.cpp runs a trained model file', 'high');
      // GGUF files carry their quantisation type in the name (`*.Q4_K_M.gguf`, `*-q8_0.gguf`, `*.f16.gguf`; llama.cpp
      // README "Quantization" and examples/quantize/README.md list Q4_0…Q4_K_M as 4-bit, Q8_0 as 8-bit, F16 as 16-bit).
      const quant = /[._-]([qQ][48]|[fF]16)(?:_[0-9a-zA-Z]{1,3}){0,2}\.(?:gguf|bin)$/.exec(model)?.[1].toLowerCase();
      const wp = quant === 'q4' ? 'int4' : quant === 'q8' ? 'int8' : quant === 'f16' ? 'fp16' : undefined;
      if (wp && quant) out.add('inference.weightPrecision', wp, `${model}: ${quant.toUpperCase()} GGUF weights`);
    }
  },
};

/**
 * tensor2tensor's command-line programs (tensor2tensor/bin, console scripts of its setup.py): `t2t-trainer` trains
 * `--model` (its `--train_steps` read as any launch's), `t2t-decoder` decodes with a trained model from `--output_dir`
 * (inference: back-translation, evaluation), `t2t-datagen` only writes the problem's data files. The size of the
 * `--hparams_set` (`transformer_big`) depends on the problem's vocabulary: not read.
 */
const tensor2tensor: Launcher = {
  name: 'tensor2tensor',
  pattern: /^(?:[\w.-]{1,100}\/){0,10}t2t-(?:trainer|decoder|datagen)(?=\s|$)/,
  words: ['t2t-'],
  read(command, out) {
    const program = /t2t-(\w+)$/.exec(command.words[0] ?? '')?.[1];
    if (program === 'datagen') return 'no-run';
    if (program === 'decoder') {
      out.add('launch.inference', 't2t-decoder', 't2t-decoder decodes with a trained tensor2tensor model');
      out.add('model.fromScratch', false, 't2t-decoder runs a trained checkpoint', 'high');
    }
  },
};

/**
 * `sbatch [options] job.slurm [args]` (SLURM): submits the job script, whose own launch lines are the run;
 * linked, so its facts join, and a run only when it launches one (resolve/factsToSpec.ts). Arguments that are a
 * command (`wrapper.sh python train.py …`) are the command the wrapper runs: a launch of their own. Options with a
 * separate value are the short ones (`-J name`); long ones are written `--name=value`.
 */
const sbatch: Launcher = {
  name: 'sbatch',
  pattern: /^sbatch\b/,
  words: ['sbatch'],
  runs: 'job',
  read(command, out) {
    const words = command.words;
    let script = -1;
    for (let i = 1; i < words.length && i < MAX_SBATCH_WORDS; i++) {
      const w = words[i];
      if (w.startsWith('-')) {
        // `-J name`, `--time 6:00:00`, `--qos normal`: an option's value may follow it as the next word.
        const next = words[i + 1] ?? '';
        if (/^-[A-Za-z]$/.test(w) || (/^--[\w-]+$/.test(w) && !next.startsWith('-') && !JOB_SCRIPT.test(next))) i++;
        continue;
      }
      if (JOB_SCRIPT.test(w)) script = i;
      break;
    }
    // The resources asked for on the command line (they override the job script's #SBATCH directives).
    const options = (script >= 0 ? words.slice(1, script) : words.slice(1)).join(' ');
    readSlurmOptions(options, (kind, value, detail) => out.add(kind, value, detail), 'sbatch ');
    const file = script >= 0 ? unquote(words[script]) : undefined;
    // The words after the job script are its arguments (`sbatch launch.sh config.yaml run_name=x`: `$1`, `"$@"`).
    const handed = script >= 0 ? handedArguments(words.slice(script + 1)) : undefined;
    if (file && !file.includes('$'))
      out.add('link.script', file, `sbatch ${file}`, undefined, undefined, handed ? { positional: handed } : undefined);
    // `sbatch -J job wrapper.sh python scripts/train.py --dataset x`: a generic job script handed the command it runs
    // (`"$@"` in the wrapper): that command is a launch too, read as gantry's `-- command` is.
    if (script >= 0 && words.length > script + 1) readInnerCommand(words.slice(script + 1).join(' '), out, 'job');
    return 'own-links';
  },
};
/** A job script's name: `train.slurm`, `job.sbatch`, `run.sh`. */
const JOB_SCRIPT = /^["']?[^\s"']+\.(?:slurm|sbatch|sh|bash)["']?$/;
const MAX_SBATCH_WORDS = 200;

/**
 * Beaker Gantry (`gantry run [options] -- command`; allenai/beaker-gantry README, pypi.org/project/beaker-gantry):
 * submits `command` as a Beaker job on `--replicas` replicas (nodes; 1 when not given) of `--gpus` GPUs each; its
 * multi-node recipe is `--replicas N --leader-selection --host-networking --gpus 8 -- torchrun --nnodes N:N
 * --nproc-per-node 8 ...`. A job submission: a run when what it runs launches one. The command after `--` is
 * read as the shell would run it (also through `/bin/bash -c "..."`): a launch (`torchrun scripts/train.py
 * configs/x.yaml`) links its script and the config it passes; a shell script (`scripts/x.sh $ARGS`) is linked as
 * the job script, whose own launch lines are the run.
 */
const gantry: Launcher = {
  name: 'gantry',
  pattern: /^gantry\s+run\b/,
  words: ['gantry'],
  runs: 'job',
  read(command, out) {
    const words = command.words;
    const dashes = words.indexOf('--');
    const options = dashes >= 0 ? words.slice(2, dashes) : words.slice(2);
    out.consume('gpus', 'replicas');
    const gpus = Number(unquote(flagOf(options, '--gpus')));
    if (Number.isInteger(gpus) && gpus > 0)
      out.add('hardware.devices', gpus, `gantry run --gpus ${gpus} (per replica)`);
    const replicas = Number(unquote(flagOf(options, '--replicas')));
    if (Number.isInteger(replicas) && replicas > 0)
      out.add(
        'hardware.nodes',
        replicas,
        `gantry run --replicas ${replicas} (replicas of ${gpus > 0 ? gpus : 'the'} GPUs)`,
      );
    if (dashes < 0) return 'own-links';
    let job = words.slice(dashes + 1).join(' ');
    const shell = /^(?:[\w.-]*\/)*(?:ba|z)?sh[ \t]+-c[ \t]+(?:"((?:[^"\\]|\\[\s\S])*)"|'([^']*)')/.exec(job);
    if (shell) job = shell[1] !== undefined ? shell[1].replace(/\\([\\"$`])/g, '$1') : (shell[2] ?? '');
    const inner = readInnerCommand(job, out);
    if (inner === 'no-run') return 'no-run';
    if (inner) return 'own-links';
    const script = /^(?:(?:ba|z)?sh[ \t]+)?["']?([\w./-]+\.(?:sh|bash))["']?(?:\s|$)/.exec(job.trim())?.[1];
    if (script) out.add('link.script', script, `gantry run -- ${script}`);
    return 'own-links';
  },
};

/**
 * A command a submitter runs for the job (gantry's `-- command`, the words an sbatch job script is handed): read as a
 * launch of its own, linking the script it runs. 'no-run' when that command starts none, true when it is a launch, false
 * when it is none (or a launcher of the kind `skip` names: a job submitted from a job script is that job's to read).
 */
function readInnerCommand(text: string, out: LaunchSink, skip?: Launcher['runs']): boolean | 'no-run' {
  const inner = matchLauncher(text);
  if (!inner || (skip && inner.launcher.runs === skip)) return false;
  const outcome = inner.launcher.read?.(inner.command, out);
  if (outcome === 'no-run') return 'no-run';
  if (outcome !== 'own-links') linkScriptAndConfig(inner.command.words, out);
  return true;
}

/** The script a runner's words run (the first `.py` word, none when a module is run) and a config passed right after it. */
function linkScriptAndConfig(words: readonly string[], out: LaunchSink): void {
  for (let i = 1; i < words.length; i++) {
    const w = unquote(words[i]);
    if (w === '-m' || w === '--module') return;
    if (w.startsWith('-') || !/\.py$/.test(w)) continue;
    out.add('link.script', w, `runs ${w}`);
    const next = unquote(words[i + 1]);
    if (next && /\.(py|ya?ml|json)$/.test(next) && !next.startsWith('-'))
      out.add('link.config', next, `passes ${next} to ${w}`);
    return;
  }
}

/**
 * Modal's CLI (modal.com/docs/reference/cli/run, /deploy, /serve): `modal run app.py[::function]` runs an app's
 * local entrypoint or function on Modal's cloud, `modal deploy app.py` deploys its functions and web endpoints
 * (a served model stays up), `modal serve app.py` runs them live. The app file is the run (its `@app.function(gpu=...)`
 * says the hardware); whether it trains, serves or only downloads weights is its code's to say. `modal run -m
 * pkg.module` names a module: nothing to link.
 */
const modalCli: Launcher = {
  name: 'modal',
  pattern: /^modal\s+(?:run|deploy|serve)\b/,
  words: ['modal run', 'modal deploy', 'modal serve'],
  runs: 'script',
  read(command, out) {
    // The app file is the first `.py` word (options such as `--name prod` or `--env dev` come before it; the
    // function's own arguments after it).
    const words = command.words;
    for (let i = 2; i < words.length; i++) {
      const w = unquote(words[i]);
      if (w === '-m') return 'own-links';
      const file = /^([\w./-]+\.py)(?:::[\w.]*)?$/.exec(w)?.[1];
      if (!file) continue;
      out.add('link.script', file, `modal ${words[1]} ${w}`);
      return 'own-links';
    }
    return 'own-links';
  },
};

/** The launcher name of a compiled program run by its path (see the table's last row). */
export const COMPILED_PROGRAM = 'compiled program';
/**
 * A program run by its path whose name says it trains (`./train_gpt2cu`, `../bin/train-model`, `/x/y/train`), with no
 * file extension (a built executable, not a `.py` or `.sh`). Group 1: the program's name. Path parts are split by
 * `/`, which no part may hold, so the match is linear.
 */
const COMPILED_TRAINER = /^["']?(?:\.{1,2}\/|\/|~\/)(?:[\w.~-]{1,100}\/){0,20}(train[\w-]{0,60})(?=["';]|\s|$)/;

/**
 * Commands every script runs that are no package's console script: shell builtins, file and text tools, package
 * managers, version control, cloud and container CLIs, hub and tracking CLIs. A command not listed here and followed
 * by `--flags` may be a command the repository's own package installs (consoleScriptCli).
 */
const COMMON_COMMANDS = new Set(
  (
    'alias apt apt-get aws az awk basename bq break brew cat cd chmod chown clear cmake conda continue cp curl cut date ' +
    'declare df dirname docker du echo exec exit export false find g++ gcc gcloud git grep gsutil gunzip gzip head ' +
    'helm hf hostname huggingface-cli jq kill killall kubectl less ln local ls make mamba micromamba mkdir mktemp ' +
    'module mv nvcc nvidia-smi nproc ninja npm npx pip pip3 pipx pkill popd printf pushd pwd read readlink realpath ' +
    'return rm rmdir rsync scp sed seq set shift sleep sort source ssh sudo tail tar tee test timeout touch tr trap ' +
    'true type ulimit umask unset unzip uname uniq uv wait wandb wc wget which xargs yes yq zip accelerate ' +
    'tensorboard ray sky gantry modal beaker mlflow dvc kaggle ollama jupyter nbconvert papermill python python3 ' +
    'srun sbatch salloc squeue scancel mpirun mpiexec torchrun deepspeed apptainer singularity podman nohup screen ' +
    'tmux env exec eval time nice numactl taskset command builtin'
  ).split(' '),
);

/**
 * `lora_pti --pretrained_model_name_or_path=$MODEL --max_train_steps_tuning=1000 ...`: a command installed by the
 * repository's own package (a console script its setup.py names, consoleScripts.ts). The line links setup.py with the
 * command's name (low: a command of another package, or a repository without one, links nothing); the walk follows
 * the module of that command's entry. Like a job submission, the line is a run only when that module starts one.
 */
const CONSOLE_SCRIPT_COMMAND = new RegExp(
  `^(?!(?:${[...COMMON_COMMANDS].map(escapeRegExp).join('|')})[ \\t])[a-z][a-z0-9]{0,40}(?:[_-][a-z0-9]{1,40}){0,6}(?=[ \\t]+--[A-Za-z])`,
);
export const CONSOLE_SCRIPT = 'console script';
const consoleScriptCli: Launcher = {
  name: CONSOLE_SCRIPT,
  pattern: CONSOLE_SCRIPT_COMMAND,
  words: ['--'],
  runs: 'job',
  read(command, out) {
    const name = command.words[0];
    // A command inside a substitution (`dir=\`git rev-parse --git-dir\``, `$(tool --x)`) prints a value; it runs no job.
    if (/[`]|\$\(/.test(command.prefix) || command.text.includes('`')) return 'no-run';
    out.add('link.script', 'setup.py', `${CONSOLE_SCRIPT_LINK}${name}`, 'low');
    return 'own-links';
  },
};

/**
 * The table. Order matters where patterns overlap: `python -m torch.distributed.run` before
 * plain `python`. The values of the first launchers are the ones shellFacts has always reported.
 */
export const LAUNCHERS: readonly Launcher[] = [
  servingCli,
  // Evaluation harnesses (shell/runIntent.ts), before plain `python` so `python -m lm_eval` is read as one.
  {
    name: 'lighteval',
    pattern: /^(?:lighteval\s+\w|lm_eval\b|lm-eval\b|python3?\s+-m\s+lm_eval\b)/,
    words: ['lighteval', 'lm_eval', 'lm-eval'],
    read: readEvaluationHarness,
  },
  // lm-evaluation-harness before its `lm_eval` entry point (v0.3 and forks run from a checkout: `python main.py
  // --model hf-causal --model_args pretrained=M --tasks hellaswag`): the same interface, --model_args and --tasks.
  // BigScience's fork names them `--model_api_name hf-causal` and `--task_name` (one task a job).
  {
    name: 'lighteval',
    pattern: /^python3?\s+\S{1,200}\.py\s(?=[^\n]*\s--model_args[=\s])(?=[^\n]*\s--(?:tasks|task_name)[=\s])/,
    words: ['model_args'],
    read: readEvaluationHarness,
  },
  // fairseq's programs (shell/fairseq.ts), before plain `python` so `python fairseq_cli/train.py` is read as fairseq-train.
  fairseqCli,
  // AllenNLP, before plain `python` so `python -m allennlp.run train` is read as its command line.
  allennlpCli,
  // ParlAI's command line (shell/parlai.ts), before plain `python` for `python -m parlai.scripts.<script>`.
  { name: 'parlai', pattern: PARLAI_COMMAND, words: ['parlai'], read: readParlaiCommand },
  { name: 'torchrun', pattern: /^torchrun\b/, words: ['torchrun'], read: readPythonLaunch, runs: 'script' },
  {
    name: 'python',
    pattern: /^(python3?\s+-m\s+torch\.distributed\.(?:run|launch))\b/,
    words: ['torch.distributed'],
    read: readPythonLaunch,
    runs: 'script',
  },
  // Also by path (`/usr/bin/python3`, Isaac Sim's `_isaac_sim/python.sh` wrapper of its bundled Python), one whose
  // folders hold variables the script leaves to its user (`PYTHON="/private/home/${USER}/conda/bin/python"`, then
  // `${PYTHON} main.py …`: a conda environment's interpreter, whatever the folder it lives in).
  {
    name: 'python',
    // One character class per folder (`$`, `{`, `}` among the name's characters), never an alternation inside the
    // repeat: `$aaaa$aaaa…` split in many ways between the two took minutes on one line of 130 characters.
    pattern: /^(?:[\w.~${}-]{0,200}\/){0,30}(python3?)\b/,
    words: ['python'],
    read: readPythonLaunch,
    runs: 'script',
  },
  // A script run through its shebang (`./validate_ood.py data/ --model x`, `tools/train.py cfg.py`): Python runs it as
  // `python ./validate_ood.py ...` would. Only a path with a folder in it (a bare `train.py` runs only from PATH), and
  // not one climbing out of the script's folder (`../../../tools/extract_embedding.py`: a recipe's data steps calling a
  // toolkit's tools, which a recipe runs with its training launch after them).
  {
    name: 'python',
    pattern: /^(?:\.\/|[\w-][\w.-]{0,99}\/)(?:[\w-][\w.-]{0,99}\/){0,8}[\w.-]{1,100}\.py(?=\s|$)/,
    words: ['.py'],
    read: (command, out) =>
      readPythonLaunch({ ...command, text: `python ${command.text}`, words: ['python', ...command.words] }, out),
    runs: 'script',
  },
  {
    name: 'accelerate launch',
    pattern: /^accelerate\s+launch\b/,
    words: ['accelerate launch'],
    read: readPythonLaunch,
    runs: 'script',
  },
  { name: 'deepspeed', pattern: /^deepspeed\b/, words: ['deepspeed'], read: readPythonLaunch, runs: 'script' },
  // Colossal-AI's launcher (`colossalai run --nproc_per_node 4 [--hostfile H] train.py ...`): a wrapper of torchrun
  // with the same per-node process flag (colossalai.cli.launcher, "colossalai run"; docs: colossalai.org, "Launch
  // Colossal-AI"); the program it names is the run. `colossalai check -i` checks the installation and runs nothing.
  {
    name: 'colossalai run',
    pattern: /^colossalai\s+run\b/,
    words: ['colossalai run'],
    read: readPythonLaunch,
    runs: 'script',
  },
  sbatch,
  gantry,
  modalCli,
  {
    name: 'composer',
    pattern: /^composer\b/,
    words: ['composer'],
    read(command, out) {
      out.add('run.framework', 'composer', 'composer launcher');
      return readPythonLaunch(command, out);
    },
  },
  { name: 'lightning run', pattern: /^lightning\s+run\b/, words: ['lightning run'] },
  tune,
  litgptCli,
  llamafactoryCli,
  corenetCli,
  trlCli,
  axolotlCli,
  swiftCli,
  megatronSwiftCli,
  // torchtitan's launch script with the job in its environment (shell/torchtitan.ts).
  {
    name: 'torchtitan run_train.sh',
    pattern: /^(?:(?:ba)?sh\s+)?(?:\.\/)?(?:[\w.-]+\/)*run_train\.sh(?=\s|$)/,
    words: ['run_train.sh'],
    read: readTorchtitanScript,
  },
  // A launcher held in a variable the script does not set (`${LAUNCH_SCRIPT} ${SCRIPT_DIR}/finetune.py --load ...`,
  // `$PYTHON train.py`): set in a file the script sources (NVIDIA ModelOpt's Megatron examples set LAUNCH_SCRIPT to a
  // torchrun line in conf/arguments.sh) or by whoever runs it. The Python program it runs, with its flags, is the run;
  // the process count stays unknown. (A variable set in the script itself was expanded before this is tried.)
  {
    name: 'python',
    pattern: /^["']?\$\{?[A-Za-z_]\w{0,60}\}?["']?[ \t]+[^\s"']{0,300}\.py(?=\s|$)/,
    words: ['.py'],
    read: readPythonLaunch,
    runs: 'script',
  },
  // A launch script run by a sweep or driver (shell/scriptCall.ts): a run when that script launches one.
  { name: 'bash', pattern: SCRIPT_CALL, words: ['.sh'], read: readScriptCall, runs: 'job' },
  // An ASGI/WSGI server handed the application to serve (`uvicorn main:app --port 8000`, `gunicorn serve:app`): the
  // module holding the application is the program; a run when that module loads and runs a model.
  {
    name: 'asgi-server',
    pattern: ASGI_SERVER,
    words: ['uvicorn', 'gunicorn', 'hypercorn'],
    read: readAsgiServer,
    runs: 'job',
  },
  // A compiled training program run by its path (`./train_gpt2cu -i data -b 64`, `/opt/app/train_net ...`), alone or
  // under mpirun/srun: a run only where the same script builds it (`make <name>`, checked in shellFacts.ts). Its
  // flags are its own code's (no framework's): the launch and the runner's process count are all that is read.
  { name: COMPILED_PROGRAM, pattern: COMPILED_TRAINER, words: ['/train'] },
  llamaCppCli,
  tensor2tensor,
  // Last: any other command with flags, a run only through its package's console-script entry.
  consoleScriptCli,
];

/** `VAR=x nohup conda run -n env torchrun ...`: environment assignments and wrappers that run the command as it is. */
// Wrappers that run the command as it is: `nohup`, `screen -d -m [-S name]` (a detached session), `time`, `env [NAME=VALUE]...` (coreutils env runs the command with those variables set), `eval "$CMD"` (a command built in a variable, its own environment assignments after it), `sudo [-E]`, `xvfb-run [-a] [-s "args"]` (xvfb-run(1): runs the command inside a virtual X server, as headless RL and rendering jobs do), `conda run -n env`, `uv run [options] [--]`, `poetry run`.
// Runners with options of their own (`srun`, `mpirun`, `apptainer exec`) and job submitters (`ray job submit ... --`,
// any command handing a launch over after `--`) are read word by word in stripWrapper. Group 1: the project
// runner's name (`uv run script.py` runs the script with Python).
const PREFIX =
  /^\s*(?:[A-Za-z_][A-Za-z0-9_]*=(?:"[^"\n]{0,300}"|'[^'\n]{0,300}'|[^\s"'])*\s+)*(?:(?:nohup|time|exec|eval|env|sudo(?:[ \t]+-[EHnS]{1,4})*|xvfb-run(?:[ \t]+(?:-[al]|--auto-servernum|-[nsefwp][ \t]+(?:"[^"\n]{0,200}"|'[^'\n]{0,200}'|[^\s"']{1,200})|--[\w-]{1,30}=(?:"[^"\n]{0,200}"|'[^'\n]{0,200}'|[^\s"']{1,200})))*|screen(?:[ \t]+-(?:[dmDLA]{1,4}(?:S[ \t]+[\w.-]{1,40})?|S[ \t]+[\w.-]{1,40}))*)\s+(?:[A-Za-z_][A-Za-z0-9_]*=(?:"[^"\n]{0,300}"|'[^'\n]{0,300}'|[^\s"'])*\s+)*)*(?:(?:conda|mamba|micromamba)\s+run(?:\s+(?:-n|--name|-p|--prefix)\s+\S+|\s+--[\w-]+)*\s+|(uv|poetry|pipenv|pixi|pdm|hatch)\s+run(?:\s+(?:--(?:with|with-requirements|extra|group|python|project|directory|env-file|index|package)|-p)\s+\S+|\s+--[\w-]+(?:=\S+)?)*(?:\s+--)?\s+)?/;
/** `uv run train.py`: uv runs a script with the project's Python (docs.astral.sh/uv, "Running scripts"). */
const SCRIPT_WORD = /^["']?[\w./-]+\.py["']?(?:\s|$)/;

/**
 * Commands before the launch on the same line (`cd scripts && torchrun ...`, `clear; srun ...`,
 * `PYTHONPATH=/x pip install y && accelerate launch ...`): each of a few words, after its environment assignments.
 * The separator may be escaped (`source setup.sh \&\& python train.py`): a command handed to a submitter as words,
 * which its job runs through a shell.
 */
const LEADING_COMMAND =
  /^[ \t]*(?:[A-Za-z_]\w*=\S*[ \t]+)*(?!(?:for|while|if|until|case)\b)[\w./-]+(?:[ \t]+(?:[^\s;&|'"\\]+|'[^'\n]{0,200}'|"[^"\\\n]{0,200}")){0,8}[ \t]*(?:;|&&|\\&\\&|\\;)[ \t]*/;
/**
 * A subshell or a group the commands run in (`(trap 'kill 0' SIGINT; python train.py --rank 0 & ... wait)`, `{ torchrun
 * ...; }`): the opening parenthesis or brace, peeled off before the commands inside.
 */
const GROUP_OPENER = /^[ \t]*(?:\((?!\()|\{(?=[ \t]))[ \t]*/;
/**
 * A one-line conditional's test (`if [[ $num_nodes == 1 ]]; then composer train.py $@; else srun … ; fi`): the
 * command its `then` runs is the line's launch (the first of its branches, as for any line of several commands).
 */
const IF_THEN = /^[ \t]*(?:if|elif)[ \t]+\[\[?[^\]\n]{0,300}\]\]?[ \t]*;[ \t]*then[ \t]+/;
/** Leading commands skipped on one line (`cd /x; pip install . ; export A=1; torchrun ...`). */
const MAX_LEADING_COMMANDS = 8;
/**
 * `bash -c "accelerate launch ... train.py"`: the command in the quotes (whole line). Inside double quotes a
 * backslash escapes the next character (`--runtime-env-json='{\"working_dir\": \"/x\"}'`); the first unescaped quote ends it.
 */
const SHELL_C = /^(?:ba|z)?sh[ \t]+-c[ \t]+(?:"((?:[^"\\]|\\[\s\S])*)"|'([^']*)')/;
/**
 * Runners that start the command after their own options, whose values may be any word (`srun --comment laion
 * -w "$node" python ...`, `srun $SRUN_ARGS torchrun ...`, `mpirun -np 8 --bind-to none -x NCCL_DEBUG python ...`),
 * and container runners, whose options come before the image the command runs in (`apptainer run --nv --bind /x
 * image.sif python ...`, `singularity exec`, `docker run --gpus all -v a:b image bash -c "..."`).
 */
const RUNNER =
  /^(?:srun|mpirun|mpiexec|(?:apptainer|singularity)[ \t]+(?:run|exec)|(?:docker|podman)[ \t]+(?:run|exec))(?=\s)/;
/**
 * Job submitters whose command follows a `--` (Ray Jobs CLI: `ray job submit [options] -- python script.py`;
 * `kubectl exec POD -- cmd`, `kubectl run NAME --image=I -- cmd`; Run:ai `runai [training] submit ... -- cmd`),
 * also called by path (`/root/.local/bin/ray job submit`). Any other command that hands a launch over after a
 * standalone `--` (a team's own submitter: `python submit.py --cluster c --gpus 8 -- torchrun train.py`) is one too:
 * see handsOver.
 */
const SUBMITTER =
  /^(?:[\w.~/-]*\/)?(?:ray[ \t]+job[ \t]+submit|kubectl[ \t]+(?:exec|run)|runai[ \t]+(?:training[ \t]+)?submit)(?=\s)/;
/** `NAME=$(sbatch`, `NAME="$(sbatch`, `` NAME=`sbatch ``: a job submitted with its id captured. Group 1: the opener. */
const CAPTURED_SUBMISSION = /^(?:[A-Za-z_]\w*=)?["']?(\$\(|`)[ \t]*(?=sbatch\s)/;
/**
 * A driver program handed the command it runs as one quoted option value (`python -m tools.benchmark --env-ids A B
 * --command "python train.py --seed 1" --num-seeds 3`, `python sweep.py --cmd 'torchrun ...'`): benchmark and sweep
 * drivers run that command once per seed or environment, so the launch is the quoted command, read as if written
 * alone. Only when the value itself starts a launch (stripWrapper). Groups 1/2: the double-/single-quoted body, up to
 * 8,000 characters (an RL job's command with a hundred overrides is ~3,000).
 */
const COMMAND_OPTION =
  /(?:^|[ \t])--?[\w-]{0,30}(?:command|cmd)(?:[ \t]+|=)(?:"((?:[^"\\\n]|\\[\s\S]){1,8000})"|'([^'\n]{1,8000})')/i;
/**
 * Remote runners handed the command a TPU or cluster job runs as their `--command` value: XPK (`xpk workload create
 * --tpu-type=v5p-128 --command="python3 -m maxtext.trainers.pre_train.train ..."`, the workload runner TPU training
 * repositories document) and Cloud TPU VMs over SSH (`gcloud compute tpus tpu-vm ssh $TPU --worker=all
 * --command="cd repo && python3 train.py ..."`, every worker of the slice runs it). Read through COMMAND_OPTION.
 */
const REMOTE_RUNNER =
  /^(?:xpk[ \t]+workload[ \t]+create(?:-pathways)?|gcloud[ \t]+(?:alpha[ \t]+|beta[ \t]+)?compute[ \t]+(?:tpus[ \t]+(?:tpu-vm|queued-resources)[ \t]+)?ssh)(?=\s)/;
/** A runner's options read before giving up on finding its command (far above real lines; bounds the work). */
const MAX_RUNNER_WORDS = 80;
/** Wrappers peeled off one line: `srun ... bash -c "cd /x && ray job submit ... -- python ..."` is four. */
const MAX_WRAPPERS = 6;

/** Whether a command (from its first word) is one a launcher starts. */
function startsLaunch(text: string): boolean {
  // The console-script fallback matches any command with flags: it decides nothing about where a command starts.
  return (
    LAUNCHERS.some((l) => l !== consoleScriptCli && l.pattern.test(text)) || SHELL_C.test(text) || SUBMITTER.test(text)
  );
}

/** Whether `text` starts a launch once its environment assignments and plain wrappers are set aside. */
function headStartsLaunch(text: string): boolean {
  if (CAPTURED_SUBMISSION.test(text)) return true;
  const wrappers = PREFIX.exec(text);
  const head = text.slice(wrappers?.[0].length ?? 0);
  return startsLaunch(head) || RUNNER.test(head) || (wrappers?.[1] === 'uv' && SCRIPT_WORD.test(head));
}

/** Whether a launch starts in `text` after at most a few leading commands (`source setup.sh \&\& python x.py`). */
function leadsToLaunch(text: string): boolean {
  let rest = text;
  for (let k = 0; k <= MAX_LEADING_COMMANDS; k++) {
    if (headStartsLaunch(rest)) return true;
    const leading = LEADING_COMMAND.exec(rest)?.[0];
    if (!leading) return false;
    rest = rest.slice(leading.length);
  }
  return false;
}

/**
 * A command that hands a launch over after a standalone `--`: the submitter's words come first (`uv run mason.py
 * --cluster c --gpus 8 -- accelerate launch ...`), the launch after. Gantry reads its own `--` (its launcher, below).
 */
function handsOver(rest: string): number | undefined {
  if (gantry.pattern.test(rest)) return undefined;
  const dashes = /[ \t]--(?:[ \t]+|$)/.exec(rest);
  if (!dashes) return undefined;
  const at = dashes.index + dashes[0].length;
  return leadsToLaunch(rest.slice(at)) ? at : undefined;
}

/**
 * The wrapper at the start of `rest`, if any: the text it runs the command after, and what it spent. A runner's
 * words are skipped while they are options (`-x`, `--x=v`), an option's value, or a variable holding options
 * (`$SRUN_ARGS`), up to the first word from which a launch starts; any other word is the runner's own command
 * (`srun hostname`), which launches nothing (a container runner's first such word is its image).
 */
/**
 * Container images of serving engines and the server their entrypoint starts with the arguments after the image:
 * TGI's `ghcr.io/huggingface/text-generation-inference` runs `text-generation-launcher` (TGI docs, "Quick Tour":
 * `docker run --gpus all … ghcr.io/huggingface/text-generation-inference:<tag> --model-id $model`); vLLM's
 * `vllm/vllm-openai` runs its OpenAI-compatible server (vLLM docs, "Using Docker": `vllm/vllm-openai:latest --model
 * <model>`).
 */
const SERVING_IMAGES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(?:[\w.-]+\/)*huggingface\/text-generation-inference(?::[\w.-]+)?$/, 'text-generation-launcher'],
  [/^(?:[\w.-]+\/)*vllm\/vllm-openai(?::[\w.-]+)?$/, 'python -m vllm.entrypoints.openai.api_server'],
];

function stripWrapper(rest: string): { spent: string; rest: string } | undefined {
  const submitter = SUBMITTER.exec(rest);
  if (submitter) {
    // The command starts after the first standalone `--`.
    const dashes = /[ \t]--(?:[ \t]+|$)/.exec(rest.slice(submitter[0].length));
    if (!dashes) return undefined;
    const at = submitter[0].length + dashes.index + dashes[0].length;
    return { spent: rest.slice(0, at), rest: rest.slice(at) };
  }
  const runner = RUNNER.exec(rest);
  if (runner) {
    // A quoted value is one word (`--container-mounts "<DIRECTORIES TO MOUNT>"`, a placeholder left to fill in):
    // a quote is matched to its closing quote on the line, one character at a time otherwise (no nested repeat).
    const word = /(?:"[^"\n]{0,500}"|'[^'\n]{0,500}'|[^\s"']|["'])+/g;
    word.lastIndex = runner[0].length;
    // Values an option may still take: `--mca btl ^openib` has two.
    let values = 0;
    let image = /^(?:apptainer|singularity|docker|podman)/.test(runner[0]) ? 1 : 0;
    for (let n = 0; n < MAX_RUNNER_WORDS; n++) {
      const m = word.exec(rest);
      if (!m) return undefined;
      const w = m[0];
      // The end of the runner's command (`;`, `&&`, `|`, a redirection): no launch came.
      if (/^(?:[;&|<>]|\d>)/.test(w)) return undefined;
      // A launch, or another runner (`srun ... apptainer run ... python`), peeled at the next level.
      const from = rest.slice(m.index);
      if (startsLaunch(from) || RUNNER.test(from)) return { spent: rest.slice(0, m.index), rest: from };
      // A serving engine's image runs its server with the words after it as its arguments (SERVING_IMAGES), wherever
      // the options before it leave it (an option may take two values, so the image may be read as one).
      const server = image > 0 && !w.startsWith('-') ? SERVING_IMAGES.find(([re]) => re.test(w))?.[1] : undefined;
      if (server)
        return { spent: rest.slice(0, m.index + w.length), rest: `${server}${rest.slice(m.index + w.length)}` };
      if (w.startsWith('-')) values = w.includes('=') ? 0 : 2;
      else if (w.startsWith('$') || w.startsWith('"$')) values = 0;
      else if (values > 0) values--;
      else if (image > 0) image--;
      else return undefined;
    }
    return undefined;
  }
  const inner = SHELL_C.exec(rest);
  if (inner) {
    const body = inner[1] !== undefined ? inner[1].replace(/\\([\\"$`])/g, '$1') : (inner[2] ?? '');
    return { spent: 'bash -c ', rest: body };
  }
  const handed = handsOver(rest);
  if (handed !== undefined) return { spent: rest.slice(0, handed), rest: rest.slice(handed) };
  if (startsLaunch(rest) || REMOTE_RUNNER.test(rest)) {
    const option = COMMAND_OPTION.exec(rest);
    const body =
      option?.[1] !== undefined
        ? option[1].replace(/\\([\\"$`])/g, '$1')
        : option?.[2] !== undefined
          ? option[2]
          : undefined;
    if (option && body !== undefined && leadsToLaunch(body))
      return { spent: rest.slice(0, option.index + option[0].search(/["']/) + 1), rest: body };
  }
  return undefined;
}

/** The launcher a (logical, continued) command line starts, with the command from the launcher's words on. */
export function matchLauncher(line: string): { launcher: Launcher; value: string; command: LaunchCommand } | undefined {
  let rest = line;
  let prefix = '';
  let ranByUv = false;
  // Leading commands, environment assignments and wrappers, peeled off until a launcher's words come first
  // (`srun ... bash -c " cd /x; pip install . ; torchrun ..."`).
  for (let level = 0; level < MAX_WRAPPERS; level++) {
    for (let k = 0; k < MAX_LEADING_COMMANDS; k++) {
      const group = GROUP_OPENER.exec(rest)?.[0] ?? IF_THEN.exec(rest)?.[0];
      if (group) {
        prefix += group;
        rest = rest.slice(group.length);
      }
      // A launch (or a runner of one) ending in `;` is the command itself, not a leading one.
      if (headStartsLaunch(rest)) break;
      const leading = LEADING_COMMAND.exec(rest)?.[0];
      if (!leading) break;
      prefix += leading;
      rest = rest.slice(leading.length);
    }
    // `ID_JOB=$(sbatch --parsable job.slurm)`, `` JOB=`sbatch job.slurm` ``: a submission whose job id is kept (the
    // SLURM convention for chaining jobs). Only sbatch: other commands run in `$(...)` print a value to keep.
    const captured = CAPTURED_SUBMISSION.exec(rest);
    if (captured) {
      const body = rest.slice(captured[0].length);
      const close = captured[1] === '`' ? body.indexOf('`') : body.lastIndexOf(')');
      prefix += captured[0];
      rest = close >= 0 ? body.slice(0, close) : body;
      continue;
    }
    const wrappers = PREFIX.exec(rest);
    prefix += wrappers?.[0] ?? '';
    rest = rest.slice(wrappers?.[0].length ?? 0);
    ranByUv = wrappers?.[1] === 'uv';
    const wrapped = stripWrapper(rest);
    if (!wrapped) break;
    ranByUv = false;
    prefix += wrapped.spent;
    rest = wrapped.rest;
  }
  // `uv run train.py --flags`: Python runs the script.
  const text = ranByUv && SCRIPT_WORD.test(rest.trim()) ? `python ${rest.trim()}` : rest.trim();
  for (const launcher of LAUNCHERS) {
    const m = launcher.pattern.exec(text);
    if (m) return { launcher, value: m[1] ?? launcher.name, command: { text, prefix, words: text.split(/\s+/) } };
  }
  return undefined;
}

/**
 * Whether a launch value (`python`, `torchrun`, `accelerate launch`, `deepspeed`) names a runner of a
 * script rather than a training command: the script it runs decides whether the run trains or generates.
 */
export function runsAScript(launchValue: string): boolean {
  return LAUNCHERS.some((l) => l.runs !== undefined && (l.name === launchValue || l.pattern.test(launchValue)));
}

/** Whether a launch value submits a job script (`sbatch`): a run only when the script it submits launches one. */
export function submitsAJob(launchValue: string): boolean {
  return LAUNCHERS.some((l) => l.runs === 'job' && l.name === launchValue);
}

/** Whether a block of text (a SkyPilot `run:`, a Kubernetes `command:`) holds a launch command. */
export function mentionsLauncher(text: string): boolean {
  return text.split('\n').some((l) => matchLauncher(l) !== undefined);
}

/** Every launcher's prefilter words. */
export function launcherWords(): readonly string[] {
  return [...new Set(LAUNCHERS.flatMap((l) => l.words))];
}
