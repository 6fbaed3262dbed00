import { MODULE_LEVEL_FLAG_PARSE } from '../entryPoint';
import { RL_LIBRARY_ALGORITHMS } from './rlLibraryLearn';
import { longOptionOfCall, optionDest } from '../argparseOption';
import type { Node } from 'web-tree-sitter';
import { findModel, findModelByName } from '../../../knowledge';
import { normalisePrecision } from '../../precision';
import { keywordArgument, stringLiteral } from '../../pythonValues';
import type { FileRule } from '../rules';
import { MODEL_CLASS_FLAGS, modelClassName } from '../../modelClassFlag';

/**
 * The model a flag-driven program loads when `--model-path` is not given: `add_argument("--model-path",
 * default="org/name")` in an evaluation, serving or chat script whose loading call is a function the
 * repository defines elsewhere (`load_pretrained_model(args.model_path, ...)`, a model worker's engine
 * args), so no loader call in this file names it. Only a Hub id (`org/name`) counts: a local folder
 * (`./checkpoints/x`) names no model anyone can size. Read after the calls, and only when they named no
 * model: a loader this file calls with the flag names it itself.
 */

/** Flags that hold the model to load (dashes and underscores alike). */
export const MODEL_FLAGS: ReadonlySet<string> = new Set([
  'model_path',
  'model_name_or_path',
  'model',
  'model_name',
  'model_id',
  'base_model',
  // `--hf_model lusxvr/nanoVLM-230M-8k`, `--checkpoint OpenGVLab/InternVL3-8B`: with a Hub id as default, the model.
  'hf_model',
  'checkpoint',
]);
/** A declaration of one of MODEL_FLAGS (`add_argument("--model_name_or_path", …)`). */
const CHECKPOINT_FLAG_DECLARED =
  /add_argument\([ \t\r\n]{0,40}["']--(?:model[-_]path|model[-_]name[-_]or[-_]path|model|model[-_]name|model[-_]id|base[-_]model|hf[-_]model|checkpoint)["']/;

/** `org/name`, as the Hub writes ids. */
export const HUB_ID = /^[A-Za-z0-9][\w.-]{0,95}\/[A-Za-z0-9][\w.-]{0,95}$/;

/**
 * `model_path = os.getenv("APP_MODEL_PATH", "org/name")` (or `os.environ.get`), at the start of a line: the value a
 * variable named `name` holds when the environment does not set it. Read from the text: the assignment usually sits in
 * the main guard, on a line no rule's words select for the syntax index.
 */
function environmentDefault(text: string, name: string): { value: string; via: string } | undefined {
  if (!/^\w{1,60}$/.test(name) || (!text.includes('environ') && !text.includes('getenv'))) return undefined;
  const m = new RegExp(
    `^[ \\t]*${name}[ \\t]*=[ \\t]*os\\.(?:getenv|environ\\.get)\\([ \\t]*["'](\\w{1,80})["'][ \\t]*,[ \\t]*["']([^"'\\n]{1,200})["'][ \\t]*\\)`,
    'm',
  ).exec(text);
  return m ? { value: m[2], via: `$${m[1]} unset: ${m[2]}` } : undefined;
}

/**
 * A flag whose default picks the model class the program builds, by comparison: `if args.type == 'transformer':`
 * then `model = Transformer(config)` on the next line (an `elif` chain over the architectures the program offers,
 * as single-file research programs write it). The default is the architecture's name.
 */
const DISPATCH =
  /^[ \t]*(?:el)?if[ \t]+(?:args|opt|opts|flags|cfg|config)\.(\w{1,60})[ \t]*==[ \t]*["']([A-Za-z][\w-]{0,40})["'][ \t]*:[ \t]*\r?\n[ \t]+(?:self\.)?(?:model|net|network)[ \t]*=[ \t]*([A-Z]\w{0,60})\(/gm;

/**
 * Every dispatch of a text, by flag and value (the first of each), found in one pass: a program declares tens of
 * flags, and a pass per flag over a long training script cost more than the rest of this rule.
 */
function dispatches(text: string): ReadonlyMap<string, string> {
  const found = new Map<string, string>();
  for (const m of text.matchAll(DISPATCH)) {
    const key = `${m[1]}\n${m[2]}`;
    if (!found.has(key)) found.set(key, m[3]);
  }
  return found;
}

function dispatchedClass(
  found: () => ReadonlyMap<string, string>,
  flagName: string,
  value: string | undefined,
): { value: string; built: string } | undefined {
  if (value === undefined || !/^[A-Za-z][\w-]{0,40}$/.test(value) || !/^\w{1,60}$/.test(flagName)) return undefined;
  const built = found().get(`${flagName}\n${value}`);
  return built ? { value, built } : undefined;
}

export const modelFlagDefault: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  words: ['add_argument'],
  read: (index, ctx) => {
    // A loader that names its model through a value the code computes (`from_pretrained(source)`, read as an
    // unknown id) still loads the flag's default when nothing else is given.
    // A helper's model read at low confidence (a classifier pipeline beside the run's model) does not name the run's.
    if (ctx.facts.some((f) => f.kind === 'model.id' && f.value !== null && f.confidence !== 'low')) return;
    if (!ctx.hasMainGuard) return;
    let classDefault: { value: string; node: Node; flag: string } | undefined;
    // The text's dispatches, found on the first lookup (most files ask none).
    let found: ReadonlyMap<string, string> | undefined;
    const dispatchTable = () => (found ??= dispatches(ctx.text));
    for (const node of index.calls) {
      const { last } = ctx.callee(node);
      if (last !== 'add_argument') continue;
      const args = node.childForFieldName('arguments');
      if (!args) continue;
      const flag = longOptionOfCall(args);
      const flagName = flag ? optionDest(flag) : undefined;
      const def = keywordArgument(args, 'default');
      // `--llama_type` with `default='llama'`: the model class the program builds when the flag is not given, a
      // family whose size the config it is handed sets (modelClassFlag.ts). Low: a named checkpoint says more.
      const modelClass =
        flagName && MODEL_CLASS_FLAGS.has(flagName) && def
          ? modelClassName(stringLiteral(def) ?? undefined)
          : undefined;
      // Kept for the end: a checkpoint flag's Hub id default (`--model_path org/name`) names the model more closely.
      if (modelClass) {
        classDefault ??= { value: modelClass, node: def!, flag: flag! };
        continue;
      }
      // `--type` with `default='transformer'` and `if args.type == 'transformer': model = Transformer(config)`: the
      // program builds the architecture the default names (one of its own classes, chosen by the flag).
      const chosen =
        flagName && def ? dispatchedClass(dispatchTable, flagName, stringLiteral(def) ?? undefined) : undefined;
      if (chosen) {
        ctx.add(
          'model.id',
          chosen.value,
          def!,
          `default of ${flag}: the program builds ${chosen.built}(...) when args.${flagName} == '${chosen.value}'`,
          'medium',
        );
        return;
      }
      // `--name` (nineteenth round, set V): a model when its default is one the catalog knows (`default="flux-schnell",
      // choices=list(configs.keys())`); elsewhere the flag names an experiment or an output, so nothing else counts.
      const byName = flagName === 'name' && def !== null && findModel(stringLiteral(def) ?? '') !== undefined;
      // `--model_type` (MiDaS's run.py: `default="dpt_beit_large_512"`): the released model the program loads when its
      // default is one catalog row's own name exactly; elsewhere the flag names an architecture family (`bert`, `gpt2`)
      // a config sizes, which is no model.
      // Only where no flag of the checkpoint is declared beside it (`--model_type bert --model_name_or_path ...`).
      const byType =
        flagName === 'model_type' &&
        def !== null &&
        findModelByName(stringLiteral(def) ?? '') !== undefined &&
        !CHECKPOINT_FLAG_DECLARED.test(ctx.text);
      if (!flag || (!MODEL_FLAGS.has(flagName!) && !byName && !byType)) continue;
      // `default=model_path` after `model_path = os.getenv("APP_MODEL_PATH", "org/name")`: the name the default holds
      // (the environment variable's own default, as a plain run has it unset).
      const held = def?.type === 'identifier' ? environmentDefault(ctx.text, def.text) : undefined;
      const value = def ? (stringLiteral(def) ?? held?.value ?? null) : null;
      // A Hub id, or a name the catalog knows (`default="seamlessM4T_v2_large"`, a package's registry name).
      if (!def || !value || !(HUB_ID.test(value) || findModel(value) !== undefined)) continue;
      const via = held ? ` (${def.text} = ${held.via})` : '';
      ctx.add(
        'model.id',
        value,
        def,
        `default of ${flag}: the model loaded when the flag is not given${via}`,
        'medium',
      );
      // A launch that gives the flag loads its own model (analyze.ts launchValue), not this default.
      ctx.amendLast({ fromFlags: [flagName!], flagDefault: [flagName!] });
      return;
    }
    if (classDefault)
      ctx.add(
        'model.id',
        classDefault.value,
        classDefault.node,
        `default of ${classDefault.flag}: the model class the program builds (its size from the config it is handed)`,
        'low',
      );
  },
};

/** Flags that pick an RL library's algorithm (`--alg ppo2`, `--algo dqn`). */
const RL_ALGORITHM_FLAGS = new Set(['alg', 'algo', 'algorithm']);

/** Whole-number flag defaults kept per module (an options class declares a few dozen flags). */
const MAX_FLAG_DEFAULTS = 200;

/** Flags that hold the compute precision (`--precision amp_bf16`, `--mixed_precision bf16`). */
const PRECISION_FLAG_NAMES = new Set(['precision', 'mixed_precision']);

/**
 * A module that only declares a program's flags (`params.py` with `parse_args()`, no main guard of its own),
 * linked from the program that calls it (localModules.flagModule): the defaults of its model and precision flags
 * are what the program runs with when the launch does not set them. A model default counts when it is a Hub id
 * or a name the catalog knows (`--model RN50`); a precision default when it names one (`amp_bf16` → bf16). Its
 * whole-number defaults are kept for the program's loop bounds that sum them (`flag.default`).
 */
export const flagModuleDefaults: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  words: ['add_argument'],
  read: (index, ctx) => {
    if (ctx.hasMainGuard) return;
    let model = ctx.facts.some((f) => f.kind === 'model.id');
    let precision = ctx.facts.some((f) => f.kind === 'training.precision');
    let pretrainedOff: { node: Node; detail: string } | undefined;
    // A flat script parsing its own flags at its top (`args = parser.parse_args()`) reads them itself: only a module that
    // declares a program's flags for another keeps their whole-number defaults for it.
    let flagDefaults = MODULE_LEVEL_FLAG_PARSE.test(ctx.text) ? MAX_FLAG_DEFAULTS : 0;
    for (const node of index.calls) {
      if (ctx.callee(node).last !== 'add_argument') continue;
      const args = node.childForFieldName('arguments');
      if (!args) continue;
      const flag = longOptionOfCall(args);
      const def = keywordArgument(args, 'default');
      if (!flag || !def) continue;
      const name = optionDest(flag);
      // `--niter` default 100: a whole number a program's loop may sum with others (Fact.flagSum, analyze.ts).
      const number = flagDefaults < MAX_FLAG_DEFAULTS && /^\d{1,9}$/.test(def.text) ? Number(def.text) : undefined;
      if (number !== undefined) {
        ctx.add('flag.default', name, def, String(number), 'medium');
        flagDefaults++;
      }
      // `--pretrained` (a weights tag or path, or a switch) empty or off by default: the weights start random.
      if (name === 'pretrained' && /^(?:''|""|None|False)$/.test(def.text))
        pretrainedOff = { node: def, detail: `default of ${flag} is ${def.text}: no pretrained weights are loaded` };
      const value = stringLiteral(def);
      if (!value) continue;
      if (!model && MODEL_FLAGS.has(name) && (HUB_ID.test(value) || findModel(value) !== undefined)) {
        ctx.add(
          'model.id',
          value,
          def,
          `default of ${flag}: the model the program builds when the flag is not given`,
          'medium',
        );
        model = true;
      } else if (!model && RL_ALGORITHM_FLAGS.has(name) && RL_LIBRARY_ALGORITHMS.has(value.toLowerCase())) {
        // `--alg ppo2` in an RL library's shared parser (OpenAI Baselines' common_arg_parser): the algorithm the
        // program trains when the flag is not given; a launch giving `--alg` trains that one instead.
        ctx.add(
          'model.id',
          value.toLowerCase(),
          def,
          `default of ${flag}: the RL algorithm the program trains when the flag is not given`,
          'medium',
        );
        ctx.amendLast({ fromFlags: [name], flagDefault: [name] });
        model = true;
      } else if (!precision && PRECISION_FLAG_NAMES.has(name) && normalisePrecision(value) !== null) {
        ctx.add('training.precision', normalisePrecision(value), def, `default of ${flag} (${value})`, 'medium');
        precision = true;
      }
    }
    if (model && pretrainedOff) ctx.add('model.fromScratch', true, pretrainedOff.node, pretrainedOff.detail, 'medium');
  },
};
