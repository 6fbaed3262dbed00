import { gatedTest } from '../requiredLiterals';
import type { Node } from 'web-tree-sitter';
import { startsARun } from '../../../facts';
import { argparseFlags, type PythonReadContext } from '../context';
import { evaluate, keywordArgument, stringLiteral } from '../../pythonValues';
import type { FileRule } from '../rules';

/**
 * OpenFold, the trainable PyTorch AlphaFold2 (github.com/aqlaboratory/openfold, docs "Inference" and "Training
 * OpenFold"): a program builds the network from one of the package's named presets, `config =
 * model_config("model_1_ptm")` (openfold/config.py: `model_1` … `model_5_ptm`, the multimer presets, the training
 * presets `initial_training`, `finetuning`), and either trains it (a Lightning wrapper around `AlphaFold(config)`,
 * read by the Lightning rules) or loads released weights into it and predicts structures: the package's
 * `load_models_from_command_line(config, device, openfold_checkpoint, jax_params, ...)` (openfold/utils/
 * script_utils.py) or the weight importers `import_jax_weights_(model, path, version=preset)` /
 * `import_openfold_weights_(model, state_dict)` (openfold/utils/import_weights.py), then `run_model(...)` or the
 * model called under no_grad. Loading released weights and training nothing is an inference run.
 *
 * The model is named by the preset, prefixed with the package as a registry name is (`openfold:model_1_ptm`):
 * the preset is the literal handed to `model_config`, or the default of the flag handed to it (`--config_preset`,
 * `--model_name`); where neither is fixed (a preset picked in a loop) the model is `openfold`. The presets share one
 * architecture whose size the code does not state and the catalog holds no sourced figure for: the size stays
 * unknown.
 */

/** The package imported: `from openfold.config import model_config`, `from openfold.model import model`. */
const IMPORTS_OPENFOLD = gatedTest(
  /^[ \t]*(?:from[ \t]+openfold(?:\.\w{1,40}){0,4}[ \t]+import\b|import[ \t]+openfold\b)/m,
);
/** Calls that load released OpenFold or AlphaFold weights into the network. */
const LOADS = new Set(['load_models_from_command_line', 'import_jax_weights_', 'import_openfold_weights_']);
/** Training in the file: read by the Lightning and torch rules. */
const TRAINS = /\.backward\(|\boptim\.\w|\.fit\(|Trainer\(/;
/** A preset's name as the package spells them. */
const PRESET = /^[a-z][a-z0-9_]{0,60}$/;
/** Flags that hold the preset (`--config_preset`, `--model_name`, `--model_preset`). */
const PRESET_FLAG = /^(?:config_preset|model_preset|model_name|preset)$/;

function presetOf(
  call: Node,
  index: { calls: readonly Node[] },
  ctx: PythonReadContext,
): { name: string; node: Node } | undefined {
  const args = call.childForFieldName('arguments');
  const first =
    args?.namedChildren.find((c) => c !== null && c.type !== 'comment' && c.type !== 'keyword_argument') ?? null;
  if (!first) return undefined;
  const read = evaluate(first, ctx.symbols);
  const value = read?.value;
  if (typeof value === 'string')
    return PRESET.test(value) ? { name: value, node: read?.via ? read.origin : first } : undefined;
  // `model_config(args.config_preset)` or a function's parameter filled from such a flag: the flag's default.
  const attr = first.type === 'attribute' ? first.childForFieldName('attribute')?.text : undefined;
  for (const { dest, args: flagArgs } of argparseFlags(index.calls, ctx)) {
    if (attr !== undefined ? dest !== attr : !PRESET_FLAG.test(dest)) continue;
    if (!PRESET_FLAG.test(dest)) continue;
    const def = keywordArgument(flagArgs, 'default');
    const text = def ? stringLiteral(def) : null;
    if (def && text !== null && PRESET.test(text)) return { name: text, node: def };
  }
  return undefined;
}

export const openfoldPrograms: FileRule = {
  framework: 'openfold',
  phase: 'after-calls',
  words: ['model_config', 'load_models_from_command_line', 'import_jax_weights_', 'import_openfold_weights_'],
  runStart: [/\bopenfold\b/, /\b(?:load_models_from_command_line|import_jax_weights_|import_openfold_weights_)\b/],
  read: (index, ctx) => {
    if (!IMPORTS_OPENFOLD(ctx.text)) return;
    let load: Node | undefined;
    let preset: { name: string; node: Node } | undefined;
    let configCall: Node | undefined;
    for (const node of index.calls) {
      const { last } = ctx.callee(node);
      if (LOADS.has(last)) load ??= node;
      else if (last === 'model_config' && !configCall) {
        configCall = node;
        preset = presetOf(node, index, ctx);
      }
    }
    if (!load && !configCall) return;
    const trains = TRAINS.test(ctx.text);
    if (load && !trains && !ctx.facts.some(startsARun))
      ctx.add(
        'launch.inference',
        'openfold',
        load,
        `${ctx.callee(load).full}(...) loads released OpenFold/AlphaFold weights, and nothing in the file trains: structure prediction (inference)`,
        'medium',
      );
    if (!load && !trains) return;
    if (ctx.facts.some((f) => f.kind === 'model.id' && f.value !== null)) return;
    if (preset)
      ctx.add(
        'model.id',
        `openfold:${preset.name}`,
        preset.node,
        `model_config("${preset.name}"): OpenFold's preset of that name`,
        'medium',
      );
    else
      ctx.add(
        'model.id',
        'openfold',
        configCall ?? load ?? index.calls[0],
        'an OpenFold (AlphaFold2) network whose preset the file does not fix',
        'low',
      );
  },
};
