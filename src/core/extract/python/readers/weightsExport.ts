import { lineRange } from '../context';
import { codeLinesKeptWithoutStrings, executedRowMask } from '../entryPoint';
import type { FileRule } from '../rules';

/**
 * Weights writers (twenty-second round, set Y): a program run as main that builds a model, gives it weights (a
 * checkpoint, an average of several) and writes it out: a state dict saved with `torch.save(... .state_dict() ...)`,
 * a TorchScript file (`torch.jit.trace`/`torch.jit.script`, then `.save(...)` or `torch.jit.save`), an ONNX file
 * (`torch.onnx.export`). Tracing or exporting runs the model once on an example input; averaging runs it not at all.
 * Either way it converts weights (PyTorch docs, "Saving and Loading Models", TorchScript and `torch.onnx`): no
 * training and no inference job, so not a run.
 *
 * Not read where the file trains (a backward pass, an optimiser step) or iterates a data loader (an evaluation that
 * also saves what it loaded), where nothing turns gradients off or puts the model in eval mode (a launcher whose
 * workers train in an imported function and that saves the model at its end), nor where the writing call is outside
 * the code the program runs, nor where the program serves the model or writes what it generates (USES_OUTPUTS).
 */

/** A model written out: a state dict saved, a TorchScript module saved, an ONNX export. */
const WRITES_WEIGHTS =
  /\btorch\.save\([^\n]{0,200}\bstate_dict\(\)|\btorch\.jit\.save\(|\btorch\.onnx\.export\(|\btorch\.onnx\.dynamo_export\(/;
/** A TorchScript module made here (its `.save(path)` writes it). */
const SCRIPTED = /\btorch\.jit\.(?:trace|script)\(/;
const SAVES = /\.save\(/;
const TRAINS_HERE = /\.backward\(|\.step\(\)|\.fit\(/;
/** Gradients off or the model in eval mode: what a converter needs, never a trainer (which may save at its end too). */
const NO_GRADIENTS = /\btorch\.no_grad\(|\btorch\.inference_mode\(|\.eval\(\)/;
/** Data iterated or fed: a data loader or a dataset split (an evaluation or a training loop). */
const READS_DATA = /\bDataLoader\b|\b\w{0,20}dataloader\b|\b\w{0,20}data_loader\b|\bdl\.\w+\(\)|\bload_dataset\(/i;
/**
 * What a model made here is used for besides being written: serving it (a web app or API server) or writing what it
 * generates (audio, images). Such a program runs the model on real inputs; an export at its end does not make it a
 * converter.
 */
const USES_OUTPUTS =
  /\buvicorn\.run\(|\bFastAPI\(|\bFlask\(|\bgr\.(?:Blocks|Interface)\(|\b(?:soundfile|sf|wavfile|torchaudio)\.(?:write|save)\(|\bsave_image\(|\bimwrite\(/;

export const weightsExport: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  words: ['state_dict', 'jit', 'onnx'],
  read: (_index, ctx) => {
    if (!ctx.hasMainGuard) return;
    if (!WRITES_WEIGHTS.test(ctx.text) && !SCRIPTED.test(ctx.text)) return;
    if (ctx.facts.some((f) => f.kind === 'launch.trainer' && !f.file)) return;
    const code = codeLinesKeptWithoutStrings(ctx.tree);
    if (TRAINS_HERE.test(code) || READS_DATA.test(code) || USES_OUTPUTS.test(code) || !NO_GRADIENTS.test(code)) return;
    const executed = executedRowMask(ctx.tree);
    const lines = code.split('\n');
    let scripted = false;
    for (let row = 0; row < lines.length; row++) {
      if (executed[row] !== 1) continue;
      if (SCRIPTED.test(lines[row])) scripted = true;
      const writes = WRITES_WEIGHTS.test(lines[row]);
      if (!writes && !(scripted && SAVES.test(lines[row]))) continue;
      ctx.facts.push({
        kind: 'run.entry',
        value: false,
        range: lineRange(row, lines[row].length),
        confidence: 'medium',
        detail: `a weights export: it writes a model out (a state dict, TorchScript or ONNX, line ${row + 1}) and reads no data and trains nothing; it converts weights, no run`,
      });
      return;
    }
  },
};
