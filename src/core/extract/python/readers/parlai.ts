import type { Node } from 'web-tree-sitter';
import { startsARun } from '../../../facts';
import type { PythonReadContext } from '../context';
import { fromImports } from '../fromImports';
import type { FileRule } from '../rules';

/**
 * ParlAI programs (parl.ai docs "Scripts" and "Using the command line", parlai/core/script.py). A ParlAI program is a
 * module run as main (`if __name__ == '__main__': Script.main()` on a `ParlaiScript` subclass, or a main block that
 * parses a `ParlaiParser`) whose options name the model with `-m/--model` (the agent class) and `-mf/--model-file` (the
 * weights, often a zoo key such as `zoo:blender/blender_90M/model`); `parser.set_defaults(...)` / `parser.set_params(...)`
 * give them defaults. Two shapes start a run:
 *
 * - the program runs one of ParlAI's own scripts (parlai/scripts/*.py, the `parlai <script>` commands): it calls an
 *   entry imported from `parlai.scripts.<script>` (`eval_model(opt)`, `interactive(opt)`, `TrainModel.main()`,
 *   `TrainLoop(opt).train()`, `TodWorldScript(opt).run()`); the script's documented job says whether the run trains
 *   (train_model and its multi-process and SLURM versions) or runs the model (evaluation, interactive chat, self-chat,
 *   serving, display of its predictions);
 * - the program makes the agent itself (`create_agent(opt)`, `create_agent_from_model_file(...)`, or an `...Agent(opt)`
 *   class, ParlAI's Agent(opt, shared) interface) and drives it: `world.parley()` / `agent.act()` in a loop, or
 *   `agent.act()` answering a web request (`serve_forever()`, a Flask `app.run()`). That is an inference run of the
 *   `-mf` model; a program that compiles the agent for export (`torch.jit`) runs nothing.
 *
 * ParlAI's data utilities (build_dict, display_data, data_stats, convert_data_*) make no model agent and start no run.
 * The model read is the `model_file` default when one is given (the weights the run loads), else the `model` default.
 */

/** ParlAI imported at column 0 (`from parlai.core.params import ParlaiParser`, `import parlai.utils.logging`). */
const PARLAI_IMPORT = /^(?:from[ \t]+parlai\.[\w.]{1,200}[ \t]+import\b|import[ \t]+parlai\.)/m;
const MAIN_GUARD = /^if[ \t]+__name__[ \t]*==[ \t]*["']__main__["'][ \t]*:/m;

/**
 * ParlAI's scripts by their module (parlai/scripts/, parl.ai/docs/cli_usage.html): those that train a model, and those
 * that run one (evaluation, generation, chat, serving). The rest (build_dict, display_data, data_stats, converters,
 * torchscript export, model cards) are utilities.
 */
const TRAINING_SCRIPTS = new Set(['train_model', 'multiprocessing_train', 'distributed_train', 'profile_train']);
const INFERENCE_SCRIPTS = new Set([
  'eval_model',
  'multiprocessing_eval',
  'distributed_eval',
  'display_model',
  'eval_wordstat',
  'self_chat',
  'interactive',
  'safe_interactive',
  'interactive_web',
  'profile_interactive',
  'detect_offensive_language',
  'tod_world_script',
  'distributed_tod_world_script',
]);
/** Imported names that only build options (`setup_args`), not the script's work. */
const OPTIONS_ONLY = /^(?:setup_args|setup_\w+|get_\w+|_\w*)$/;
/** `import parlai.scripts.eval_model as eval_model` / `from parlai.scripts import train_model`. */
const CONSTANT = /^[A-Z][A-Z0-9_]*$/;
const MODULE_IMPORT = /^import[ \t]+parlai\.scripts\.(\w{1,60})(?:[ \t]+as[ \t]+(\w{1,60}))?[ \t]*$/gm;

/** ParlAI's agent factories (parlai/core/agents.py). */
const AGENT_FACTORY = /^(?:[\w.]{0,80}\.)?create_agent(?:_from_model_file|_from_opt_file|_from_shared)?$/;
/** An agent class built on the options (`StackedAgent(opt)`, ParlAI's `Agent(opt, shared=None)`). */
const AGENT_CLASS = /^(?:[\w.]{0,80}\.)?[A-Z]\w{0,80}Agent$/;
/** The agent served: a request handler answers with it. */
const SERVES = /\bserve_forever\s*\(|\bapp\.run\s*\(/;
/** Compiled for export (parlai/scripts/torchscript.py): no run. */
const EXPORTS = /\btorch\.jit\.(?:script|trace)\s*\(/;
/**
 * ParlAI's agents that run no model: parlai/agents/{repeat_label,repeat_query,local_human,fixed_response,random_candidate}
 * and the dictionaries (parlai/core/dict.py DictionaryAgent, a tokenizer an agent builds its vocabulary with).
 */
const NO_MODEL_AGENT =
  /(?:^|\.)(?:RepeatLabel|RepeatQuery|LocalHuman|SafeLocalHuman|FixedResponse|RandomCandidate|\w{0,40}Dictionary)Agent$/;
/** A ParlaiScript subclass (parlai/core/script.py): the program's class. */
const PARLAI_SCRIPT_CLASS = /^class[ \t]+\w+[ \t]*\([ \t]*(?:[\w.]+\.)?ParlaiScript[ \t]*\)/m;
const LOOP_TYPES = new Set(['for_statement', 'while_statement']);
const MAX_CALLS = 3_000;

export type Verb = 'train' | 'inference';

export const parlaiProgram: FileRule = {
  framework: 'parlai',
  phase: 'after-calls',
  // Its words keep lines for the line prefilter; a ParlAI program may set its options through its own parser object.
  readsWithoutWords: true,
  words: ['set_defaults', 'set_params'],
  runStart: [/^(?:from|import)[ \t]+parlai\./m, /\bparlai\.scripts\b|\bcreate_agent\w{0,20}\s*\(|Agent\(\s*opt\b/],
  read: (_index, ctx) => {
    if (!PARLAI_IMPORT.test(ctx.text) || !MAIN_GUARD.test(ctx.text)) return;
    const calls = ctx.tree.rootNode
      .descendantsOfType('call')
      .slice(0, MAX_CALLS)
      .filter((c): c is Node => c !== null);
    const scriptUse = scriptEntryUse(ctx, calls);
    const driven = scriptUse ? undefined : drivenAgent(ctx, calls);
    const verb: Verb | undefined = scriptUse?.verb ?? (driven ? 'inference' : undefined);
    if (!verb || runsOwnPlainAgent(ctx, calls)) return;
    const at = scriptUse?.node ?? driven!;
    if (!ctx.facts.some(startsARun)) {
      ctx.add('run.framework', 'parlai', at, 'a ParlAI program (run as main)', 'medium');
      if (verb === 'train')
        ctx.add(
          'launch.trainer',
          'parlai-train',
          at,
          `${scriptUse?.name ?? 'train'}: ParlAI's train_model loop trains the -m/--model agent`,
          'medium',
        );
      else {
        ctx.add(
          'launch.inference',
          'parlai',
          at,
          scriptUse
            ? `${scriptUse.name}: a ParlAI script that runs the -mf/--model-file model (evaluation, chat or serving)`
            : 'a ParlAI agent made from the options answers in a loop or a served request: inference of the -mf/--model-file model',
          'medium',
        );
        ctx.add('training.mode', 'inference', at, 'a ParlAI program that runs the model, no training', 'medium');
      }
    }
    readModelDefaults(ctx, calls, verb);
  },
};

/**
 * A call (or a reference) of an entry imported from one of ParlAI's scripts, with the script's job. Failing that, a
 * program whose options are a script's own (`eval_model.setup_args()`, `from parlai.scripts.interactive import
 * setup_args`) is a version of that script (the multi-process and SLURM versions ParlAI ships are written so).
 */
function scriptEntryUse(
  ctx: PythonReadContext,
  calls: readonly Node[],
): { verb: Verb; name: string; node: Node } | undefined {
  const entries = new Map<string, Verb>();
  const options = new Map<string, Verb>();
  const modules = new Map<string, Verb>();
  for (const imported of fromImports(ctx.text, 400)) {
    const script = /^parlai\.scripts\.(\w+)$/.exec(imported.module)?.[1];
    if (script !== undefined) {
      const verb = verbOf(script);
      // Constants (`WEB_HTML`) are no entry of the script.
      if (verb && !CONSTANT.test(imported.name))
        (OPTIONS_ONLY.test(imported.name) ? options : entries).set(imported.local, verb);
    } else if (imported.module === 'parlai.scripts') {
      const verb = verbOf(imported.name);
      if (verb) modules.set(imported.local, verb);
    }
  }
  for (const m of ctx.text.matchAll(MODULE_IMPORT)) {
    const verb = verbOf(m[1]);
    if (verb) modules.set(m[2] ?? `parlai.scripts.${m[1]}`, verb);
  }
  if (entries.size === 0 && options.size === 0 && modules.size === 0) return undefined;
  let found: { verb: Verb; name: string; node: Node } | undefined;
  let optionsOf: { verb: Verb; name: string; node: Node } | undefined;
  const better = (
    was: { verb: Verb } | undefined,
    verb: Verb, // Training wins over evaluation when a program does both (train, then evaluate what it trained).
  ) => !was || (verb === 'train' && was.verb !== 'train');
  for (const call of calls) {
    const callee = call.childForFieldName('function');
    if (!callee) continue;
    const text = callee.text;
    // `eval_model(opt)`, `EvalModel.main()`, `TodWorldScript(opt).run()`, `single_train.TrainLoop(opt)`.
    const dotted = /^([A-Za-z_][\w.]{0,200}?)\.(\w+)$/.exec(text);
    const head = dotted?.[1] ?? text;
    const last = dotted?.[2] ?? text;
    let verb = entries.get(text) ?? (dotted && !OPTIONS_ONLY.test(last) ? entries.get(head) : undefined);
    let option = false;
    if (!verb && dotted && modules.has(head)) {
      verb = modules.get(head);
      option = OPTIONS_ONLY.test(last);
    } else if (!verb && (options.has(text) || (dotted && OPTIONS_ONLY.test(last) && entries.has(head)))) {
      verb = options.get(text) ?? entries.get(head);
      option = true;
    }
    if (!verb) continue;
    if (option) {
      if (better(optionsOf, verb)) optionsOf = { verb, name: text, node: callee };
    } else if (better(found, verb)) found = { verb, name: text, node: callee };
  }
  // A class handed on, not called here (`def train_class(self): return TrainModel`): the program runs it.
  for (const [name, verb] of entries) {
    if (!/^[A-Z]/.test(name) || !better(found, verb)) continue;
    const returned = new RegExp(`^[ \\t]+return[ \\t]+${name}[ \\t]*$`, 'm').exec(ctx.text);
    if (!returned) continue;
    const node = ctx.tree.rootNode.descendantForIndex(returned.index + returned[0].indexOf(name));
    if (node) found = { verb, name, node };
  }
  return found ?? (optionsOf && PARLAI_SCRIPT_CLASS.test(ctx.text) ? optionsOf : undefined);
}

/**
 * The `model` default names a class of this file built on ParlAI's plain `Agent` (`-m path.to.this_module:OverlapAgent`,
 * `class OverlapAgent(Agent)`): an agent written in code (data generation, rules), not a neural model (ParlAI's models
 * derive from TorchAgent and its subclasses, parlai/core/torch_agent.py). The program runs no model.
 */
function runsOwnPlainAgent(ctx: PythonReadContext, calls: readonly Node[]): boolean {
  for (const call of calls) {
    const callee = call.childForFieldName('function');
    if (callee?.type !== 'attribute') continue;
    const last = callee.childForFieldName('attribute')?.text;
    if (last !== 'set_defaults' && last !== 'set_params') continue;
    for (const arg of call.childForFieldName('arguments')?.namedChildren ?? []) {
      if (arg?.type !== 'keyword_argument' || arg.childForFieldName('name')?.text !== 'model') continue;
      const value = arg.childForFieldName('value');
      const cls = value?.type === 'string' ? /:(\w{1,80})["']$/.exec(value.text)?.[1] : undefined;
      if (cls && new RegExp(`^class[ \\t]+${cls}[ \\t]*\\([ \\t]*Agent[ \\t]*\\)`, 'm').test(ctx.text)) return true;
    }
  }
  return false;
}

function verbOf(script: string): Verb | undefined {
  return TRAINING_SCRIPTS.has(script) ? 'train' : INFERENCE_SCRIPTS.has(script) ? 'inference' : undefined;
}

/**
 * The `parlai <command>` super-command's names and aliases (each script's `@register_script(name, aliases=[...])`,
 * parl.ai/docs/cli_usage.html) for the scripts that train or run a model.
 */
const COMMAND_ALIASES: Readonly<Record<string, string>> = {
  tm: 'train_model',
  train: 'train_model',
  mp_train: 'multiprocessing_train',
  em: 'eval_model',
  eval: 'eval_model',
  mp_eval: 'multiprocessing_eval',
  dm: 'display_model',
  i: 'interactive',
  iweb: 'interactive_web',
  detect_offensive: 'detect_offensive_language',
};

/** What `parlai <command>` (or `python -m parlai.scripts.<command>`) does: train, run a model, or neither. */
export function parlaiCommandKind(command: string): Verb | undefined {
  const script = Object.hasOwn(COMMAND_ALIASES, command) ? COMMAND_ALIASES[command] : command;
  return verbOf(script);
}

/** The call that makes the agent when the program drives it (see the module comment). */
function drivenAgent(ctx: PythonReadContext, calls: readonly Node[]): Node | undefined {
  if (EXPORTS.test(ctx.text)) return undefined;
  let made: Node | undefined;
  const agents = new Set<string>();
  for (const call of calls) {
    const callee = call.childForFieldName('function');
    if (!callee) continue;
    const text = callee.text;
    const makes =
      AGENT_FACTORY.test(text) ||
      (AGENT_CLASS.test(text) &&
        !NO_MODEL_AGENT.test(text) &&
        /^\(\s*(?:self\.)?opt\b/.test(call.childForFieldName('arguments')?.text ?? ''));
    if (!makes) continue;
    made ??= callee;
    const bound = call.parent?.type === 'assignment' ? call.parent.childForFieldName('left')?.text : undefined;
    if (bound) agents.add(bound.replace(/"/g, "'"));
  }
  if (!made) return undefined;
  const served = SERVES.test(ctx.text);
  for (const call of calls) {
    const callee = call.childForFieldName('function');
    if (callee?.type !== 'attribute') continue;
    const last = callee.childForFieldName('attribute')?.text;
    const receiver = callee.childForFieldName('object')?.text.replace(/"/g, "'") ?? '';
    // `world.parley()` in a loop; the agent's own `.act()` in a loop or answering a served request.
    if (last === 'parley' && insideLoop(call)) return made;
    if (last === 'act' && agents.has(receiver) && (served || insideLoop(call))) return made;
  }
  return undefined;
}

function insideLoop(node: Node): boolean {
  for (let p = node.parent, depth = 0; p && depth < 60; p = p.parent, depth++) {
    if (LOOP_TYPES.has(p.type)) return true;
    if (p.type === 'function_definition' && depth > 40) return false;
  }
  return false;
}

/** `parser.set_defaults(model_file='zoo:...', model='...', init_model=...)`: the model the program runs by default. */
function readModelDefaults(ctx: PythonReadContext, calls: readonly Node[], verb: Verb): void {
  if (ctx.facts.some((f) => f.kind === 'model.id' && f.value !== null)) return;
  let model: { value: string; node: Node; key: string } | undefined;
  let init: Node | undefined;
  for (const call of calls) {
    const callee = call.childForFieldName('function');
    if (callee?.type !== 'attribute') continue;
    const last = callee.childForFieldName('attribute')?.text;
    if (last !== 'set_defaults' && last !== 'set_params') continue;
    for (const arg of call.childForFieldName('arguments')?.namedChildren ?? []) {
      if (arg?.type !== 'keyword_argument') continue;
      const key = arg.childForFieldName('name')?.text ?? '';
      const value = arg.childForFieldName('value');
      const literal = value?.type === 'string' ? stringLiteral(value) : undefined;
      if (!value || !literal) continue;
      if (key === 'model_file' && (!model || model.key !== 'model_file')) model = { value: literal, node: value, key };
      else if (key === 'model' && !model) model = { value: literal, node: value, key };
      else if ((key === 'init_model' || key === 'init_model_file') && !init) init = value;
    }
  }
  if (model)
    ctx.add(
      'model.id',
      model.value,
      model.node,
      `ParlAI ${model.key === 'model_file' ? '--model-file' : '--model'} default (set_defaults/set_params)`,
      'medium',
    );
  if (verb === 'train' && init)
    ctx.add(
      'training.mode',
      'finetune',
      init,
      'ParlAI --init-model default: training starts from these weights',
      'medium',
    );
}

function stringLiteral(node: Node): string | undefined {
  const m = /^[rRuU]?(["'])([^"'\n\\{}]{1,300})\1$/.exec(node.text);
  return m ? m[2] : undefined;
}

/**
 * The weights a ParlAI agent starts from when training is given no `--init-model`: ParlAI's BART agent
 * (`-m bart`, parlai/agents/bart/bart.py `BartAgent._initialize_bart`) loads the zoo's BART-large
 * (`<datapath>/models/bart/bart_large/model`, parl.ai/docs/zoo.html "Bart") when no init model exists, so its training
 * fine-tunes BART-large. ParlAI resolves `-m bart` to parlai.agents.bart.bart:BartAgent; a class given by path in a
 * module of a `agents.bart` package (`<pkg>.agents.bart.<module>:<Class>`) is an agent built on it there.
 */
const BART_AGENT = /^(?:bart|(?:[\w]{1,60}\.){0,4}agents\.bart(?:\.[\w]{1,60}){0,3}(?::[\w]{1,80})?)$/;
export const PARLAI_BART_LARGE = 'zoo:bart/bart_large/model';
export function parlaiDefaultInit(agent: string): string | undefined {
  return agent.length <= 300 && BART_AGENT.test(agent) ? PARLAI_BART_LARGE : undefined;
}

/**
 * A ParlAI parameter sweep (the `run_grid(grid=..., prefix=..., gpus=..., nodes=...)` sweep scripts of ParlAI projects):
 * `prefix` is the command each job runs (`python -u -m parlai.scripts.distributed_train`, `parlai train_model`), `grid`
 * a dict from its flags to the values swept (one job per combination), `gpus` the GPUs per node and `nodes` the nodes
 * of each job. A flag given one value is the run's setting: `--model`/`-m` (or `--model-file`/`-mf`) the model,
 * `--fp16 True` float16, `--init-model` weights to start from. A list of several values is swept: none is the run's.
 */
export const parlaiSweep: FileRule = {
  framework: 'parlai',
  phase: 'after-calls',
  words: ['run_grid'],
  runStart: [/\brun_grid\s*\(/, /parlai(?:\.scripts\.|\s+)\w/],
  read: (_index, ctx) => {
    if (ctx.facts.some(startsARun)) return;
    const call = ctx.tree.rootNode
      .descendantsOfType('call')
      .slice(0, MAX_CALLS)
      .find((c) => c?.childForFieldName('function')?.text === 'run_grid');
    if (!call) return;
    const kwargs = new Map<string, Node>();
    for (const arg of call.childForFieldName('arguments')?.namedChildren ?? [])
      if (arg?.type === 'keyword_argument') {
        const value = arg.childForFieldName('value');
        const key = arg.childForFieldName('name')?.text;
        if (key && value) kwargs.set(key, value);
      }
    const prefix = kwargs.get('prefix');
    const command = prefix?.type === 'string' ? stringLiteral(prefix) : undefined;
    const script =
      command && (/\bparlai\.scripts\.(\w{1,60})\b/.exec(command)?.[1] ?? /^parlai\s+(\w{1,40})\b/.exec(command)?.[1]);
    const verb = script ? parlaiCommandKind(script) : undefined;
    if (!prefix || !verb) return;
    ctx.add('run.framework', 'parlai', prefix, `run_grid prefix ${command}: a ParlAI sweep`, 'medium');
    if (verb === 'train')
      ctx.add('launch.trainer', 'parlai-sweep', prefix, `each job runs ${command} (training)`, 'medium');
    else {
      ctx.add('launch.inference', 'parlai-sweep', prefix, `each job runs ${command} (the model answers)`, 'medium');
      ctx.add('training.mode', 'inference', prefix, `${script}: no training`, 'medium');
    }
    const gpus = integerOf(kwargs.get('gpus'));
    const nodes = integerOf(kwargs.get('nodes')) ?? 1;
    if (gpus !== undefined)
      ctx.add('hardware.devices', gpus * nodes, kwargs.get('gpus')!, `run_grid gpus=${gpus} × nodes=${nodes}`, 'high');
    const grid = gridDict(ctx, kwargs.get('grid'));
    if (!grid) return;
    const single = (...flags: string[]) => {
      for (const pair of grid.namedChildren.slice(0, 400)) {
        if (pair?.type !== 'pair') continue;
        const key = pair.childForFieldName('key');
        const flag = key?.type === 'string' ? stringLiteral(key) : undefined;
        if (!flag || !flags.includes(flag)) continue;
        const value = pair.childForFieldName('value');
        const items = value?.type === 'list' ? value.namedChildren.filter((n): n is Node => n !== null) : [];
        return items.length === 1 ? items[0] : undefined;
      }
      return undefined;
    };
    // A fine-tune's weights are the --init-model's; else the model file, else the agent.
    const init = verb === 'train' ? single('--init-model', '-im') : undefined;
    const model =
      (init?.type === 'string' ? init : undefined) ?? single('--model-file', '-mf') ?? single('--model', '-m');
    const name = model?.type === 'string' ? stringLiteral(model) : undefined;
    // Training an agent that starts from its own default weights (BART: BART-large) with no --init-model fine-tunes them.
    const agent = single('--model', '-m');
    const agentName = agent?.type === 'string' ? stringLiteral(agent) : undefined;
    const defaultInit = verb === 'train' && !init && agentName ? parlaiDefaultInit(agentName) : undefined;
    if (agent && agentName && defaultInit) {
      ctx.add(
        'model.id',
        defaultInit,
        agent,
        `grid --model ${agentName}: ParlAI's BART agent starts from ${defaultInit} when no --init-model is given`,
        'medium',
      );
      ctx.add('training.mode', 'finetune', agent, `${agentName} fine-tunes ${defaultInit} (no --init-model)`, 'medium');
    } else if (model && name) ctx.add('model.id', name, model, `grid ${name}: the one model the sweep trains`, 'high');
    const fp16 = single('--fp16');
    if (fp16 && /^(?:True|true|1|["']true["'])$/.test(fp16.text))
      ctx.add('training.precision', 'fp16', fp16, 'grid --fp16 True: ParlAI trains in float16', 'high');
    if (init?.type === 'string')
      ctx.add('training.mode', 'finetune', init, 'grid --init-model: training starts from these weights', 'medium');
  },
};

function integerOf(node: Node | undefined): number | undefined {
  const n = node?.type === 'integer' ? Number(node.text) : NaN;
  return Number.isInteger(n) && n > 0 && n <= 100_000 ? n : undefined;
}

/** The grid dict: written in the call, or a module-level `grid = {...}` the call names. */
function gridDict(ctx: PythonReadContext, value: Node | undefined): Node | undefined {
  if (value?.type === 'dictionary') return value;
  if (value?.type !== 'identifier') return undefined;
  for (const statement of ctx.tree.rootNode.namedChildren.slice(0, 2_000)) {
    const assignment = statement?.type === 'expression_statement' ? statement.namedChildren[0] : undefined;
    if (assignment?.type !== 'assignment' || assignment.childForFieldName('left')?.text !== value.text) continue;
    const right = assignment.childForFieldName('right');
    return right?.type === 'dictionary' ? right : undefined;
  }
  return undefined;
}
