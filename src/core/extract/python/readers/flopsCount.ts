import { lineRange } from '../context';
import { codeLinesKeptWithoutStrings, executedRowMask } from '../entryPoint';
import type { FileRule } from '../rules';

/**
 * Model-size measurements (twenty-second round, set Y): a program run as main that builds a model and counts its
 * FLOPs and parameters with a FLOPs counter on a dummy input: DeepSpeed's flops profiler (`get_model_profile`,
 * deepspeed.readthedocs.io "Flops Profiler"), THOP (`thop.profile`/`clever_format`), fvcore (`FlopCountAnalysis`),
 * ptflops (`get_model_complexity_info`). One forward pass on a made-up batch measures the architecture: no training
 * and no inference job, so not a run.
 *
 * Not read where the file trains (a backward pass, an optimiser step) or iterates a data loader, nor where the count
 * is outside the code the program runs.
 */

const FLOPS_COUNTER = /\b(?:get_model_profile|FlopCountAnalysis|get_model_complexity_info)\(|\bthop\.profile\(/;
const TRAINS_HERE = /\.backward\(|\.step\(\)|\.fit\(/;
const READS_DATA = /\bDataLoader\b|\b\w{0,20}dataloader\b|\b\w{0,20}data_loader\b|\bload_dataset\(/i;

export const flopsCount: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  words: ['get_model_profile', 'FlopCountAnalysis', 'get_model_complexity_info', 'thop'],
  read: (_index, ctx) => {
    if (!ctx.hasMainGuard || !FLOPS_COUNTER.test(ctx.text)) return;
    if (ctx.facts.some((f) => f.kind === 'launch.trainer' && !f.file)) return;
    const code = codeLinesKeptWithoutStrings(ctx.tree);
    if (TRAINS_HERE.test(code) || READS_DATA.test(code)) return;
    const executed = executedRowMask(ctx.tree);
    const lines = code.split('\n');
    for (let row = 0; row < lines.length; row++) {
      if (executed[row] !== 1 || /^\s*(?:from|import)\b/.test(lines[row]) || !FLOPS_COUNTER.test(lines[row])) continue;
      ctx.facts.push({
        kind: 'run.entry',
        value: false,
        range: lineRange(row, lines[row].length),
        confidence: 'medium',
        detail: `a model-size measurement: it counts the model's FLOPs and parameters with a FLOPs counter (line ${row + 1}) on a made-up input, reads no data and trains nothing; no run`,
      });
      return;
    }
  },
};
