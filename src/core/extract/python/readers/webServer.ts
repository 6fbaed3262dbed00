import { startsARun, type Fact } from '../../../facts';
import { lineRange } from '../context';
import { codeLinesKeptWithoutStrings, executedRowMask } from '../entryPoint';
import type { FileRule } from '../rules';

/**
 * A web server that loads a model and answers requests with it: an inference run of that model, whatever the
 * requests are (generation, scoring by a reward model, embeddings, classification). The program starts the server
 * in code that runs (`uvicorn.run(app, ...)` for FastAPI/Starlette, `app.run(...)` for a Flask/Quart/FastAPI app
 * built in the file, aiohttp's `web.run_app(app)`, waitress's `waitress.serve(app)`), and loads a model there or in what
 * that code reaches (a handler class's `__init__`): a pretrained checkpoint (`from_pretrained`, `torch.load`,
 * `pipeline(...)`) or a loader of the repository's own package handed the model's path or name
 * (`get_reward_model(args.model_name_or_path, ...)`). Nothing in it trains. Rules that read a generate call or a
 * served engine decide first; this one says only that the program serves, and links the package loader's module
 * (low confidence) so what the loader fixes (the dtype it loads in) reaches the run.
 *
 * Server entry points: uvicorn.org (`uvicorn.run(app, host, port)`), flask.palletsprojects.com (`app.run()`),
 * docs.aiohttp.org (`web.run_app(app)`), docs.pylonsproject.org/projects/waitress (`serve(app)`).
 */

/** The server started (one of these on a line that runs). */
const SERVER_START = /\buvicorn\.run\s*\(|\bweb\.run_app\s*\(|\bwaitress\.serve\s*\(/;
/** An app object built in the file (`app = Flask(__name__)`, `app = FastAPI()`): its `.run(...)` starts the server. */
const APP_BUILT = /^\s*(\w{1,60})\s*=\s*(?:flask\.|fastapi\.|quart\.)?(?:Flask|FastAPI|Quart)\s*\(/gm;
/** The web frameworks' imports: a file without one serves nothing this rule reads. */
const WEB_IMPORT = /^(?:from|import)[ \t]+(?:uvicorn|fastapi|flask|starlette|quart|aiohttp|waitress|gradio)\b/m;
/** Gradio: a Blocks or Interface app's `.launch(...)` starts its server (gradio.app/docs/gradio/blocks). */
const GRADIO_IMPORT = /^import[ \t]+gradio\b/m;
const GRADIO_LAUNCH = /\.launch\s*\(/;
/**
 * A UI app built by a builder of the repository's package (`app = build_app(fn)`, `demo = create_demo(...)`) and
 * launched in the file (`app.launch()`): the package builds the Gradio Blocks the program serves, so the file need not
 * import gradio itself. The builder's name says it builds an app, a UI or a demo.
 */
const APP_BUILDER = /^[a-z_]\w{0,40}(?:app|ui|demo|interface|blocks)$/i;
/** `name = callee(` at the start of a line: what a call's result is bound to. */
const BUILT_BY_CALL = /^[ \t]*(\w{1,60})[ \t]*=[ \t]*(\w{1,60})[ \t]*\(/gm;
/** A pretrained model loaded here: a checkpoint read in, whatever runs it. */
const LOADS_CHECKPOINT = /\.from_pretrained\s*\(|\btorch\.load\s*\(|(?:^|[^\w.])pipeline\s*\(/;
/**
 * A model built from its config by an OpenMMLab registry (`MODELS.build(cfg.model)`: mmengine's Registry.build makes the
 * object the config's `type` names, its pretrained weights named in the config; mmengine.readthedocs.io, "Registry").
 * In a served app (a Gradio demo building it in a builder function or a controller class's callback) it is the model.
 */
const REGISTRY_BUILDS_MODEL = /\bMODELS\.build\s*\(/;
/**
 * A weights file named in code that runs (`ckpt = 'stylegan2_512.pth'` handed to the app's state builder): PyTorch's
 * checkpoint suffixes (`.pth`, `.pt`, `.ckpt`) and safetensors files. Only read on a Gradio app's launched code.
 */
const WEIGHTS_FILE_LITERAL = /["'][^"'\n]{0,200}\.(?:pth|pt|ckpt|safetensors)["']/;
/** `from pkg.mod import (a, b as c)` / `from .mod import a`, at column 0: a module of the repository's package. */
const PACKAGE_IMPORT =
  /^from[ \t]+(\.{0,3}[A-Za-z_]\w{0,100}(?:\.[A-Za-z_]\w{0,100}){0,8})[ \t]+import[ \t]+(\([^)]{0,2000}\)|[^\n#]{1,2000})/gm;
/** Libraries installed from an index: their functions are no loader of the repository's package. */
const INSTALLED =
  /^(?:torch|torchvision|transformers|timm|diffusers|lightning|pytorch_lightning|keras|tensorflow|jax|flax|accelerate|trl|peft|datasets|vllm|fastapi|starlette|flask|uvicorn|pydantic|gradio|typing|collections|concurrent|asyncio)(?:\.|$)/;
/** A model's path or name handed to the loader: a flag, a parameter or a Hub id (`"org/name"`). */
const MODEL_PATH_ARGUMENT =
  /\b(?:model_path|model_name_or_path|model_name|model_id|base_model|pretrained_model_name_or_path|model_dir|ckpt_dir|checkpoint_path)\b|["'][\w.-]{1,96}\/[\w.-]{1,96}["']/;
/** Work that is no serving run: training, or writing the loaded weights out. */
const NOT_INFERENCE =
  /\.backward\(|\boptim\.|\.fit\(|Trainer\(|save_pretrained\(|torch\.save\(|push_to_hub\(|save_model\(/;
/**
 * An inference pipeline class of the repository's package (`from pkg.infer.tts import TTS`, `tts = TTS(tts_config)`,
 * a `SpeechPipeline`, an `InferenceEngine`): built in code that runs, it loads the package's model from the settings
 * it is handed (a config object or path), so the server answers with that model.
 */
const PIPELINE_CLASS = /^[A-Z]\w{0,40}(?:TTS|Pipeline|Engine|Synthesizer|Synthesiser|Inferencer|Predictor)$|^TTS$/;
/** Names followed per file. */
const MAX_NAMES = 50;
/** Lines of a loader call read for the model's argument. */
const CALL_LINES = 12;

/** The text of a call's arguments, from just after its `(` at `col` of `row` to the bracket closing it (a few lines at most). */
function argumentsText(code: readonly string[], original: readonly string[], row: number, col: number): string {
  let depth = 1;
  const parts: string[] = [];
  for (let r = row, c = col; r < code.length && r < row + CALL_LINES; r++, c = 0) {
    for (let i = c; i < code[r].length; i++) {
      const ch = code[r][i];
      if (ch === '(' || ch === '[' || ch === '{') depth++;
      else if ((ch === ')' || ch === ']' || ch === '}') && --depth === 0)
        return [...parts, original[r].slice(c, i)].join('\n');
    }
    parts.push(original[r].slice(c));
  }
  return parts.join('\n');
}

export const webServer: FileRule = {
  framework: 'serving',
  phase: 'after-calls',
  words: [],
  runStart: [WEB_IMPORT, /\.run\s*\(|\brun_app\s*\(|\.serve\s*\(|\.launch\s*\(/],
  read: (_index, ctx) => {
    if (ctx.facts.some(startsARun) || NOT_INFERENCE.test(ctx.text)) return;
    const webImport = WEB_IMPORT.test(ctx.text);
    if (!webImport && !GRADIO_LAUNCH.test(ctx.text)) return;
    const apps = new Set<string>();
    for (const m of ctx.text.matchAll(APP_BUILT)) if (apps.size < MAX_NAMES) apps.add(m[1]);
    const loaders = new Map<string, string>();
    for (const m of ctx.text.matchAll(PACKAGE_IMPORT)) {
      if ((!m[1].includes('.', 1) && !m[1].startsWith('.')) || INSTALLED.test(m[1])) continue;
      const file = `${m[1].replace(/^\.+/, '').replace(/\./g, '/')}.py`;
      for (const part of m[2].replace(/[()\\]/g, ' ').split(',')) {
        const name = /^\s*(\w+)(?:\s+as\s+(\w+))?\s*$/.exec(part);
        if (name && loaders.size < MAX_NAMES && (/^[a-z_]\w*$/.test(name[1]) || PIPELINE_CLASS.test(name[1])))
          loaders.set(name[2] ?? name[1], file);
      }
    }
    // `app = build_app(...)` with a builder of the package: the names launched below serve a Gradio app.
    const builtApps = new Set<string>();
    for (const m of ctx.text.matchAll(BUILT_BY_CALL)) {
      if (builtApps.size >= MAX_NAMES) break;
      if (loaders.has(m[2]) && APP_BUILDER.test(m[2]) && !/^[A-Z]/.test(m[2])) builtApps.add(m[1]);
    }
    if (!webImport && builtApps.size === 0) return;
    const gradio = GRADIO_IMPORT.test(ctx.text);
    const builtLaunch =
      builtApps.size > 0 ? new RegExp(`(?:^|[^\\w.])(?:${[...builtApps].join('|')})\\.launch\\s*\\(`) : undefined;
    const code = codeLinesKeptWithoutStrings(ctx.tree).split('\n');
    const original = ctx.text.split('\n');
    const executed = executedRowMask(ctx.tree);
    const appRun = apps.size > 0 ? new RegExp(`(?:^|[^\\w.])(?:${[...apps].join('|')})\\.run\\s*\\(`) : undefined;
    const startRow = code.findIndex(
      (line, row) =>
        executed[row] === 1 &&
        (SERVER_START.test(line) ||
          (appRun?.test(line) ?? false) ||
          (gradio && GRADIO_LAUNCH.test(line)) ||
          (builtLaunch?.test(line) ?? false)),
    );
    if (startRow < 0) return;
    // A Gradio front end often only talks to a model served elsewhere (a controller, an API) through package helpers
    // handed a model's name: for one, only a pipeline class of the package built here says it holds the model.
    const gradioOnly = !SERVER_START.test(code[startRow]) && !(appRun?.test(code[startRow]) ?? false);
    // The model: a checkpoint loaded, or a package function handed the model's path, in code that runs.
    const loaderCall =
      loaders.size > 0 ? new RegExp(`=\\s*(?:await\\s+)?(${[...loaders.keys()].join('|')})\\s*\\(`) : undefined;
    let loaded: { row: number; how: string; module?: string } | undefined;
    for (let row = 0; row < code.length && !loaded; row++) {
      if (executed[row] !== 1 || /^\s*(?:from|import|def|class)\b/.test(code[row])) continue;
      if (LOADS_CHECKPOINT.test(code[row])) loaded = { row, how: 'loads a pretrained checkpoint' };
      else if (REGISTRY_BUILDS_MODEL.test(code[row])) loaded = { row, how: 'builds the model from its config' };
      else if (gradio && code[row].trim() !== '' && WEIGHTS_FILE_LITERAL.test(original[row]))
        loaded = { row, how: 'names the weights file it loads' };
      const m = loaderCall?.exec(code[row]);
      if (
        m &&
        (PIPELINE_CLASS.test(m[1]) ||
          (!gradioOnly && MODEL_PATH_ARGUMENT.test(argumentsText(code, original, row, m.index + m[0].length))))
      )
        loaded = { row, how: `${m[1]}(...) loads the model`, module: loaders.get(m[1]) };
    }
    if (!loaded) return;
    const rangeAt = (row: number): Fact['range'] => lineRange(row, code[row].length);
    const server = original[startRow].trim().slice(0, 60);
    ctx.facts.push({
      kind: 'launch.inference',
      value: 'web-server',
      range: rangeAt(startRow),
      confidence: 'medium',
      detail: `${server} starts a web server and line ${loaded.row + 1} ${loaded.how}, with nothing trained: the server answers requests with the model (inference)`,
    });
    if (loaded.module)
      ctx.facts.push({
        kind: 'link.module',
        value: loaded.module,
        range: rangeAt(loaded.row),
        confidence: 'low',
        detail: `${loaded.how} from ${loaded.module}`,
      });
  },
};
