import { gatedTest } from '../requiredLiterals';
import { evaluate } from '../../pythonValues';
import type { Node } from 'web-tree-sitter';
import type { FileRule } from '../rules';
import type { SyntaxIndex } from '../syntaxIndex';

/**
 * Chainer: `trainer = training.Trainer(updater, (args.epoch, 'epoch'), out=...)` then `trainer.run()` trains the
 * models the updater's optimizers were set up on. The stop trigger (second positional, or `stop_trigger=`) is a
 * `(period, unit)` tuple whose unit is `'epoch'` or `'iteration'` (Chainer docs, chainer.training.Trainer:
 * "stop_trigger: Trigger that determines when to stop the training loop ... a tuple in the form
 * (int, 'epoch') or (int, 'iteration')"). Its period is read as the run's epochs or steps; Chainer's default
 * trigger (one epoch) is not filled in where the call gives none. The hand-written loop of Chainer
 * (`optimizer.update(lossfun, x)` in `for epoch in range(...)`) is read by the plain loop rule (readers/torch.ts).
 */

const TRAINER_CALLEE = /^(?:chainer\.)?(?:training\.)?Trainer$/;
const importsChainer = gatedTest(/^[ \t]*(?:import[ \t]+chainer\b|from[ \t]+chainer\b)/m);

export const chainerTrainer: FileRule = {
  framework: 'chainer',
  phase: 'after-calls',
  words: ['Trainer('],
  runStart: [/\bTrainer[ \t]*\(/, /\bchainer\b/, /\.run[ \t]*\([ \t]*\)/],
  read: (index: SyntaxIndex, ctx) => {
    if (!importsChainer(ctx.text)) return;
    const call = index.calls.find((c) => TRAINER_CALLEE.test(ctx.callee(c).full));
    const args = call?.childForFieldName('arguments');
    if (!call || !args) return;
    // The trainer runs: `<name>.run()` on the name it is bound to.
    const bound = call.parent?.type === 'assignment' ? call.parent.childForFieldName('left')?.text : undefined;
    if (!bound || !/^\w{1,60}$/.test(bound)) return;
    if (!new RegExp(`(?:^|[^\\w.])${bound}\\.run[ \\t]*\\([ \\t]*\\)`, 'm').test(ctx.text)) return;
    ctx.add(
      'launch.trainer',
      'chainer',
      call,
      `chainer ${ctx.callee(call).full}(...).run() trains its updater's models`,
    );
    const positional = args.namedChildren.filter(
      (a) => a !== null && a.type !== 'keyword_argument' && a.type !== 'comment',
    );
    let trigger: Node | null | undefined = positional[1];
    for (const a of args.namedChildren)
      if (a?.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'stop_trigger')
        trigger = a.childForFieldName('value');
    if (trigger?.type !== 'tuple' || trigger.namedChildren.length !== 2) return;
    const [period, unit] = trigger.namedChildren;
    const unitValue = evaluate(unit, ctx.symbols)?.value;
    const kind = unitValue === 'epoch' ? 'training.epochs' : unitValue === 'iteration' ? 'training.steps' : undefined;
    if (!kind || !period || ctx.facts.some((f) => f.kind === kind)) return;
    const value = evaluate(period, ctx.symbols);
    if (typeof value?.value !== 'number') {
      ctx.add(
        kind,
        null,
        period,
        `chainer stop trigger ${trigger.text.slice(0, 60)}: period cannot be read statically`,
        'low',
      );
      return;
    }
    ctx.add(
      kind,
      value.value,
      period,
      value.via ? `chainer stop trigger (${value.via})` : 'chainer stop trigger',
      value.via ? 'medium' : 'high',
    );
    if (value.via) ctx.amendLast({ originLine: value.origin.startPosition.row });
  },
};
