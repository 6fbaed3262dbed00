import type { Node } from 'web-tree-sitter';
import { autotrainBackendGpus, autotrainMode } from '../../config/autotrain';
import { normalisePrecision } from '../../precision';
import { callKeyword, evaluate } from '../../pythonValues';
import { callOf, scalar, type PythonReadContext } from '../context';
import type { FileRule } from '../rules';

/**
 * AutoTrain's Python API (huggingface/autotrain-advanced notebooks and README): a task's parameters object
 * (`LLMTrainingParams(model=..., epochs=3, peft=True, quantization="int4", mixed_precision="bf16")`,
 * `TextClassificationParams(...)`, from `autotrain.params`) handed to `AutoTrainProject(params=params,
 * backend="local", process=True)`, whose `.create()` starts the training job. The same fields as the
 * `params:` section of an `autotrain --config` YAML (config/autotrain.ts), with `model` for `base_model`.
 */

/** The task family a parameters class trains (its `peft`/`quantization` defaults: config/autotrain.ts). */
function taskOf(paramsClass: string): string {
  if (/^LLM/.test(paramsClass)) return 'llm';
  if (/^VLM/.test(paramsClass)) return 'vlm';
  if (/^Seq2Seq/.test(paramsClass)) return 'seq2seq';
  return paramsClass.replace(/(?:Training)?Params$/, '');
}

function readAutotrainProject(index: { calls: readonly Node[] }, ctx: PythonReadContext): void {
  if (!/\bautotrain\b/.test(ctx.text)) return;
  const project = index.calls.find((c) => ctx.callee(c).last === 'AutoTrainProject');
  if (!project) return;
  const params = callOf(callKeyword(project, 'params'), ctx);
  const paramsClass = params ? ctx.callee(params).last : '';
  if (!params || !/^[A-Z]\w*Params$/.test(paramsClass)) return;
  const task = taskOf(paramsClass);
  const fn = project.childForFieldName('function') ?? project;
  ctx.add('run.framework', 'autotrain', fn, `AutoTrainProject(params=${paramsClass}(...))`, 'medium');
  ctx.add(
    'launch.trainer',
    `autotrain:${paramsClass}`,
    fn,
    `AutoTrainProject(...).create() trains the ${paramsClass} job`,
    'medium',
  );
  const model = callKeyword(params, 'model');
  if (model) {
    ctx.addResolved('model.id', model, `model in ${paramsClass}`);
    ctx.add('model.fromScratch', false, model, `AutoTrain fine-tunes the loaded model`, 'medium');
  }
  const epochs = callKeyword(params, 'epochs');
  if (epochs)
    ctx.addResolved('training.epochs', epochs, `epochs in ${paramsClass}`, (v) =>
      typeof v === 'number' && v > 0 ? v : undefined,
    );
  const precision = callKeyword(params, 'mixed_precision');
  if (precision)
    ctx.addResolved('training.precision', precision, `mixed_precision in ${paramsClass}`, (v) => {
      const p = normalisePrecision(scalar(v));
      return p && !/^int/.test(p) ? p : undefined;
    });
  const peft = callKeyword(params, 'peft');
  const quantization = callKeyword(params, 'quantization');
  const q = quantization ? evaluate(quantization, ctx.symbols)?.value : undefined;
  const mode = autotrainMode(
    task,
    peft ? evaluate(peft, ctx.symbols)?.value : false,
    quantization ? (typeof q === 'string' ? q : null) : undefined,
  );
  ctx.add('training.mode', mode.mode, quantization ?? peft ?? params, `${paramsClass}: ${mode.why}`, 'medium');
  const backend = callKeyword(project, 'backend');
  const b = backend ? evaluate(backend, ctx.symbols)?.value : undefined;
  const gpus = typeof b === 'string' ? autotrainBackendGpus(b) : undefined;
  if (backend && gpus && typeof b === 'string') {
    ctx.add('hardware.devices', gpus.count, backend, `AutoTrainProject backend ${b}`, 'medium');
    ctx.add('hardware.accelerator', gpus.accelerator, backend, `AutoTrainProject backend ${b}`, 'medium');
  }
}

export const autotrainProject: FileRule = {
  framework: 'autotrain',
  phase: 'after-calls',
  words: ['AutoTrainProject'],
  runStart: /AutoTrainProject\(/,
  read: (index, ctx) => readAutotrainProject(index, ctx),
};
