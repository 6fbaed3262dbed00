import { startsARun } from '../../../facts';
import { lineRange } from '../context';
import { codeLinesKeptWithoutStrings, executedRowMask } from '../entryPoint';
import type { FileRule } from '../rules';

/**
 * A program run as main that starts a model server of the repository's own package: it declares the model it serves
 * on its command line (`add_argument('model')`, `--model_name_or_path`, `--converted_model_name_or_path`), builds a
 * server class its package defines (`from pkg.server.server import Server`, `server = Server(**args)`, a
 * `BlockServer(...)`, a `ModelServer(...)`) and runs it (`server.run()`, `.serve_forever()`, `.serve()`, `.start()`)
 * in code that runs. The server answers requests with the model (forward passes for its clients): an inference run.
 * A peer or registry that serves no model (a DHT bootstrap node, a parameter store) declares no model flag and is
 * not read. Nothing may train in the file.
 */

/** `from pkg.mod import Server, ModelServer as S` (also in parentheses), at column 0. */
const FROM_IMPORT =
  /^from[ \t]+(\.{0,3}[A-Za-z_]\w{0,100}(?:\.[A-Za-z_]\w{0,100}){0,8})[ \t]+import[ \t]+(\([^)]{0,2000}\)|[^\n#]{1,2000})/gm;
/** Libraries installed from an index: their server classes are read by their own rules (serving.ts, webServer.ts). */
const INSTALLED =
  /^(?:torch|transformers|vllm|sglang|tritonclient|ray|http|socketserver|xmlrpc|grpc|flask|fastapi|uvicorn|gradio|aiohttp|tornado|werkzeug|multiprocessing|concurrent|asyncio|jupyter|tensorboard)(?:\.|$)/;
/** A server class name: `Server`, `ModelServer`, `InferenceServer`, `BlockServer`. */
const SERVER_CLASS = /^[A-Z]\w{0,40}Server$|^Server$/;
/** A command-line argument naming the model served. */
const MODEL_ARGUMENT =
  /\badd_argument\([ \t\r\n]{0,40}["'](?:--)?(?:model|model[-_]name|model[-_]path|model[-_]name[-_]or[-_]path|converted[-_]model[-_]name[-_]or[-_]path|pretrained[-_]model[-_]name[-_]or[-_]path|checkpoint)["']/;
/** Work that is no serving run. */
const NOT_INFERENCE = /\.backward\(|\.fit\(|Trainer\(|optimizer\.step\(|torch\.save\(|save_pretrained\(/;
const MAX_NAMES = 20;
const START_METHOD = '(?:run|serve|serve_forever|start|run_forever)';

export const packageServer: FileRule = {
  framework: 'serving',
  phase: 'after-calls',
  words: [],
  runStart: [/Server\s*\(/, /__name__\s*==\s*["']__main__["']/, /\badd_argument\(/],
  read: (_index, ctx) => {
    if (ctx.facts.some(startsARun) || !ctx.hasMainGuard) return;
    if (!MODEL_ARGUMENT.test(ctx.text) || NOT_INFERENCE.test(ctx.text)) return;
    const classes = new Set<string>();
    for (const m of ctx.text.matchAll(FROM_IMPORT)) {
      if (INSTALLED.test(m[1].replace(/^\.+/, ''))) continue;
      for (const part of m[2].replace(/[()\\]/g, ' ').split(',')) {
        const name = /^\s*(\w+)(?:\s+as\s+(\w+))?\s*$/.exec(part);
        if (name && SERVER_CLASS.test(name[1]) && classes.size < MAX_NAMES) classes.add(name[2] ?? name[1]);
      }
    }
    if (classes.size === 0) return;
    const code = codeLinesKeptWithoutStrings(ctx.tree).split('\n');
    const executed = executedRowMask(ctx.tree);
    const built = new RegExp(`^\\s*(\\w{1,60})\\s*=\\s*(${[...classes].join('|')})\\s*\\(`);
    for (let row = 0; row < code.length; row++) {
      if (executed[row] !== 1) continue;
      const m = built.exec(code[row]);
      if (!m) continue;
      const started = new RegExp(`(?:^|[^\\w.])${m[1]}\\.${START_METHOD}\\s*\\(`);
      const startRow = code.findIndex((line, r) => r > row && executed[r] === 1 && started.test(line));
      if (startRow < 0) continue;
      ctx.facts.push({
        kind: 'launch.inference',
        value: 'model-server',
        range: lineRange(startRow, code[startRow].length),
        confidence: 'medium',
        detail: `${m[2]}(...) of the package, started on line ${startRow + 1}, serves the model the command line names: each request runs it forward (inference)`,
      });
      return;
    }
  },
};
