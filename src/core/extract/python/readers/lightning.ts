import { readTrainerSetup } from '../keywords';
import type { CallRule } from '../rules';

/**
 * PyTorch Lightning: `Trainer(...)` and `trainer.fit` are read with the shared trainer and fit rules;
 * `LightningCLI` takes its settings from the command line and a YAML config, which this file cannot say.
 */

export const lightningCli: CallRule = {
  framework: 'lightning',
  callees: ['LightningCLI', 'cli_main', 'CLI'],
  runStart: /\b(LightningCLI|cli_main|CLI)\s*\(/,
  when: ({ full }) => /Lightning|lightning|CLI/.test(full),
  read: ({ node, full, last, ctx }) => {
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
