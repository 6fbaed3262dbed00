import type { Node } from 'web-tree-sitter';
import { normalisePrecision } from '../../precision';
import { evaluate, keywordArgument } from '../../pythonValues';
import type { PythonReadContext } from '../context';
import { readTrainerSetup } from '../keywords';
import type { CallRule, FileRule } from '../rules';

/**
 * PyTorch Lightning: `Trainer(...)` and `trainer.fit` are read with the shared trainer and fit rules;
 * `LightningCLI` takes its settings from the command line and a YAML config, which this file cannot say.
 */

/** `from jsonargparse import CLI` / `from jsonargparse.cli import CLI`. */
const JSONARGPARSE_CLI = /^[ \t]*from[ \t]+jsonargparse(?:\.cli)?[ \t]+import[^\n]{0,200}\bCLI\b/m;

export const lightningCli: CallRule = {
  framework: 'lightning',
  callees: ['LightningCLI', 'cli_main', 'CLI'],
  runStart: /\b(LightningCLI|cli_main|CLI)\s*\(/,
  when: ({ full }) => /Lightning|lightning|CLI/.test(full),
  read: ({ node, full, last, ctx }) => {
    // jsonargparse's `CLI(main)` calls a function with flags read from its signature: the function's defaults are
    // what runs, and the function itself says whether it trains (jsonargparse docs, "Classes, methods and
    // functions": CLI "calls the function with the parsed arguments"). Only LightningCLI is a trainer.
    if (last === 'CLI' && full === 'CLI' && JSONARGPARSE_CLI.test(ctx.text)) return;
    ctx.add(
      'launch.trainer',
      last,
      node.childForFieldName('function') ?? node,
      `${full}(...) trains with settings from the command line and its config`,
      'medium',
    );
    for (const kind of ['training.epochs', 'hardware.devices', 'training.precision'] as const) {
      ctx.add(kind, null, node, `${full}: set on the command line or in its YAML config`, 'low');
    }
  },
};

/** Fabric sets up training by hand (`fabric.backward`, loops); its keywords size the run like a trainer's. */
export const fabric: CallRule = {
  framework: 'lightning',
  callees: ['Fabric'],
  read: ({ node, full, last, ctx }) => readTrainerSetup(node, full, last, ctx),
};

/** A Lightning program: it imports `lightning` or `pytorch_lightning`. */
const LIGHTNING_IMPORT = /^[ \t]*(?:import|from)[ \t]+(?:lightning|pytorch_lightning)\b/m;

/**
 * `trainer.test(model, datamodule=dm, ckpt_path=...)`, `trainer.validate(...)`, `trainer.predict(...)`: a Lightning
 * Trainer's evaluation loops (lightning.ai/docs/pytorch/stable/common/trainer.html, "test: Perform one evaluation
 * epoch over the test set"; validate, predict likewise): the model runs forward over the data, nothing is trained.
 * In a program that also fits, the fit is the run (a trainer start outranks an inference one); alone, the program is
 * an evaluation run. Only a receiver named as a trainer in a Lightning program.
 */
export const lightningEvaluate: CallRule = {
  framework: 'lightning',
  callees: ['test', 'validate', 'predict'],
  runStart: /trainer\.(?:test|validate|predict)\s*\(/i,
  when: ({ full, ctx }) => /(?:^|\.)trainer\.(?:test|validate|predict)$/i.test(full) && LIGHTNING_IMPORT.test(ctx.text),
  read: ({ node, full, ctx }) => {
    ctx.add(
      'launch.inference',
      'lightning-evaluate',
      node.childForFieldName('function') ?? node,
      `${full}(...): a Lightning Trainer's evaluation loop runs the model forward, nothing is trained`,
      'medium',
    );
  },
};

/** `class Lite(LightningLite):` (pytorch_lightning.lite, Lightning 1.5–1.9). Group 1: the subclass. Bounded, one line. */
const LITE_SUBCLASS = /^[ \t]*class[ \t]+([A-Za-z_]\w{0,60})[ \t]*\([ \t]*(?:[\w.]{0,80}\.)?LightningLite[ \t]*\)/gm;
/** Subclasses looked at per file. */
const MAX_LITE_CLASSES = 8;

/**
 * Lightning Lite, Fabric's predecessor (pytorch_lightning.lite.LightningLite, Lightning 1.5–1.9): a program subclasses
 * it, writes its loop in `run()`, and builds the subclass with the accelerator, `strategy`, `devices`, `num_nodes`
 * and `precision` keywords (lightning.ai/docs/pytorch/1.9.5/starter/lightning_lite.html, "LightningLite Flags"),
 * then calls `.run(...)`. Those keywords size the run as Fabric's do.
 */
export const lightningLiteSubclass: FileRule = {
  framework: 'lightning',
  phase: 'after-calls',
  words: ['LightningLite'],
  read: (_index, ctx) => {
    if (!ctx.text.includes('LightningLite')) return;
    const classes = new Set<string>();
    for (const m of ctx.text.matchAll(LITE_SUBCLASS)) {
      classes.add(m[1]);
      if (classes.size >= MAX_LITE_CLASSES) break;
    }
    if (classes.size === 0) return;
    for (const call of ctx.tree.rootNode.descendantsOfType('call')) {
      const fn = call?.childForFieldName('function');
      if (!call || fn?.type !== 'identifier' || !classes.has(fn.text)) continue;
      readTrainerSetup(call, fn.text, fn.text, ctx);
      readSwitchedPrecision(call, ctx);
      return;
    }
  },
};

/** `args.mixed_precision`, `opt.amp`: a flag read from the parsed arguments. Group 1: its destination. */
const FLAG_READ = /^(?:args|opt|opts|flags|config|cfg)\.([A-Za-z_]\w{0,60})$/;

/** Whether `--<flag>` is declared `action="store_true"` with no default of True: off unless the launch passes it. */
function storeTrueFlag(text: string, flag: string): boolean {
  const dashed = flag.replace(/_/g, '[-_]');
  const m = new RegExp(`add_argument\\([ \\t\\n]{0,40}["']--${dashed}["']([^)]{0,400})\\)`).exec(text);
  return !!m && /action[ \t\n]*=[ \t\n]*["']store_true["']/.test(m[1]) && !/default[ \t\n]*=[ \t\n]*True\b/.test(m[1]);
}

/**
 * `precision="bf16" if args.mixed_precision else 32` on a setup call, the flag a `store_true` switch: the program's
 * own precision is the `else` branch (the flag is off unless given), and a launch that passes the flag runs the other
 * (`picks` under any word: a switch is given without one).
 */
function readSwitchedPrecision(call: Node, ctx: PythonReadContext): void {
  const args = call.childForFieldName('arguments');
  const value = args ? keywordArgument(args, 'precision') : null;
  if (value?.type !== 'conditional_expression') return;
  const [whenOn, condition, whenOff] = value.namedChildren;
  const flag = condition ? FLAG_READ.exec(condition.text)?.[1] : undefined;
  if (!whenOn || !whenOff || !flag || !storeTrueFlag(ctx.text, flag)) return;
  const on = normalisePrecision(scalarOf(evaluate(whenOn, ctx.symbols)?.value));
  const off = normalisePrecision(scalarOf(evaluate(whenOff, ctx.symbols)?.value));
  if (!on || !off) return;
  ctx.add(
    'training.precision',
    off,
    value,
    `precision: \`${value.text}\` with --${flag} off (a store_true flag) gives ${off}; passing it gives ${on}`,
    'medium',
  );
  ctx.amendLast({ fromFlags: [flag], flagDefault: [flag], picks: [['*', on]] });
}

function scalarOf(v: unknown): string | number | undefined {
  return typeof v === 'string' || typeof v === 'number' ? v : undefined;
}
