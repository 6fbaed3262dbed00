import { lineRange } from '../context';
import { codeLinesKeptWithoutStrings, executedRowMask } from '../entryPoint';
import type { FileRule } from '../rules';

/**
 * Export checks (twenty-second round, set Y): a program run as main that loads an exported copy of a model (a
 * TorchScript file through `torch.jit.load`, an ONNX file through ONNX Runtime) beside another copy, feeds both the
 * same input and asserts their outputs agree (`assert torch.allclose(a, b, atol=...)`, `np.testing.assert_allclose`,
 * `torch.testing.assert_close`). Its forward passes check a conversion (the export tools' usual last step): no
 * training and no inference job, so not a run, whatever the model it loads would run elsewhere.
 *
 * Read only where the assertion sits in code the program runs (its main guard or what that calls) and nothing in the
 * file trains (a backward pass, an optimiser step): a training script that checks a value with `allclose` stays one.
 */

/** An assertion that two outputs agree within a tolerance (PyTorch and NumPy testing APIs, or `assert x.allclose`). */
const CLOSENESS_ASSERTION =
  /\bassert[ \t]+(?:\(?[ \t]*)?(?:torch|np|numpy)\.allclose\(|\b(?:np|numpy)\.testing\.assert_(?:allclose|almost_equal|array_almost_equal)\(|\btorch\.testing\.assert_(?:close|allclose)\(/;
/** An exported model loaded: TorchScript (`torch.jit.load`), ONNX Runtime (`onnxruntime`, `InferenceSession`). */
const EXPORTED_MODEL = /\btorch\.jit\.load\(|\bonnxruntime\b|\bInferenceSession\(/;
const TRAINS_HERE = /\.backward\(|\.step\(\)|\.fit\(/;

export const exportCheck: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  words: ['allclose', 'assert_close', 'assert_almost_equal', 'assert_array_almost_equal'],
  read: (_index, ctx) => {
    if (!ctx.hasMainGuard || !EXPORTED_MODEL.test(ctx.text) || !CLOSENESS_ASSERTION.test(ctx.text)) return;
    if (ctx.facts.some((f) => f.kind === 'launch.trainer' && !f.file)) return;
    const code = codeLinesKeptWithoutStrings(ctx.tree);
    if (TRAINS_HERE.test(code) || !EXPORTED_MODEL.test(code)) return;
    const executed = executedRowMask(ctx.tree);
    const lines = code.split('\n');
    for (let row = 0; row < lines.length; row++) {
      if (executed[row] !== 1 || !CLOSENESS_ASSERTION.test(lines[row])) continue;
      ctx.facts.push({
        kind: 'run.entry',
        value: false,
        range: lineRange(row, lines[row].length),
        confidence: 'medium',
        detail: `an export check: it loads an exported model (TorchScript or ONNX) and asserts its outputs match another copy's (line ${row + 1}); it checks a conversion, no run`,
      });
      return;
    }
  },
};
