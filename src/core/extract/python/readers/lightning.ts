import { readTrainerSetup } from '../keywords';
import type { CallRule } from '../rules';

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
