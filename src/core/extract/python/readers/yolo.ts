import type { Node } from 'web-tree-sitter';
import { longOptionOfCall, optionDest } from '../argparseOption';
import { keywordArgument, stringLiteral } from '../../pythonValues';
import { truncate, type PythonReadContext } from '../context';
import type { FileRule } from '../rules';

/**
 * Ultralytics-style YOLO programs (YOLOv5's train.py / val.py / detect.py / predict.py / benchmarks.py,
 * classify/ and segment/, the many forks that keep their shape): argparse programs run as main whose
 * `--weights` (or `--model`) flag defaults to a released checkpoint by name (`default=ROOT / "yolov5s.pt"`,
 * `default="yolov5s-cls.pt"`, `nargs="+", default=["yolov5s"]`). The model is that checkpoint: the release
 * weights Ultralytics downloads when the file is not found (docs.ultralytics.com/yolov5, "Train Custom Data":
 * `--weights yolov5s.pt` starts from pretrained weights, `--weights '' --cfg yolov5s.yaml` from scratch).
 * A program with an `--epochs` flag trains it; one without runs it (validation, detection, prediction,
 * a benchmark of exports, a hub entry module's main): inference.
 */

/** Flags that name the checkpoint to start from or run (dashes and underscores alike). */
const WEIGHT_FLAGS = new Set(['weights', 'model', 'cfg_weights']);

/**
 * A released YOLO checkpoint's name: `yolov5s`, `yolov5s6`, `yolov5m-seg`, `yolov5s-cls`, `yolov8n-pose`,
 * `yolo11x-obb`, `yolov3-tiny`, with or without `.pt`. Bounded parts: linear on any input.
 */
/**
 * Also the unversioned checkpoint file of a fork that ships its weights under the family name and the task
 * (`yolo.pt`, `yolo-seg.pt`, `yolo-pan.pt`: the programs of a release whose README names the sized files to download
 * in its place): the model is a YOLO network whose size the name does not state. Only as a `.pt` file, so a bare
 * `yolo` (a choice among model families) is not read as a checkpoint.
 */
/**
 * Also a released checkpoint exported by Ultralytics' exporter (THU-MIG/yolov10 ultralytics/engine/exporter.py, the
 * export formats table line 100 and `self.file.with_suffix(".onnx")` line 364, `.engine` line 675; TFLite files
 * `{stem}_float32.tflite`, `{stem}_float16.tflite`, `{stem}_int8.tflite` lines 852-856 and
 * `{stem}_full_integer_quant.tflite` line 303): the same network, run by another runtime.
 */
const EXPORTED_SUFFIX = '(?:_(?:float32|float16|int8|full_integer_quant))?\\.(?:onnx|tflite|engine|torchscript)';
const YOLO_WEIGHTS = new RegExp(
  `^(?:(yolo(?:v\\d{1,2}|\\d{1,2})[a-z0-9]{0,3}(?:-[a-z0-9]{1,8}){0,2})(?:\\.pt|${EXPORTED_SUFFIX})?|(yolo(?:-[a-z]{1,8})?)\\.pt)$`,
  'i',
);
/** Cheap test of a whole file (the run-start prefilter): a quoted checkpoint name. */
const YOLO_WEIGHTS_IN_TEXT = new RegExp(
  `["'](?:[\\w./-]{0,200}\\/)?yolo(?:(?:v\\d{1,2}|\\d{1,2})[a-z0-9]{0,3}(?:-[a-z0-9]{1,8}){0,2}(?:\\.pt|${EXPORTED_SUFFIX})?|(?:-[a-z]{1,8})?\\.pt)["']`,
  'i',
);
const MAIN_GUARD = /__name__\s*==\s*["']__main__["']/;

/** The checkpoint name a flag's default gives: a string, `ROOT / "name.pt"`, or the first of a list. */
function defaultWeights(node: Node): { name: string; at: Node } | null {
  let at: Node | null = node;
  if (at.type === 'list' || at.type === 'tuple') at = at.namedChildren[0] ?? null;
  // `ROOT / "yolov5s.pt"`: a path joined onto the repository's root; the name is the last part.
  while (at && at.type === 'binary_operator' && at.childForFieldName('operator')?.text === '/')
    at = at.childForFieldName('right');
  const text = at ? stringLiteral(at) : null;
  if (!at || !text) return null;
  const base = text.slice(text.lastIndexOf('/') + 1);
  const m = YOLO_WEIGHTS.exec(base);
  return m ? { name: (m[1] ?? m[2]).toLowerCase(), at } : null;
}

/** The long flag an `add_argument(...)` call declares (`--weights`), without dashes, or null. */
function flagOf(args: Node): string | null {
  const flag = longOptionOfCall(args);
  return flag ? optionDest(flag) : null;
}

/** Classes defined at a module's top level from which it reads as a model library. */
const LIBRARY_CLASSES = 3;

function topLevelClasses(root: Node): number {
  let n = 0;
  for (const c of root.namedChildren) {
    const def = c?.type === 'decorated_definition' ? c.childForFieldName('definition') : c;
    if (def?.type === 'class_definition') n++;
  }
  return n;
}

/** A client library of an inference server (NVIDIA Triton's `tritonclient.grpc`/`tritonclient.http`). */
const SERVER_CLIENT = /^[ \t]*(?:import|from)[ \t]+tritonclient\b/m;
/** A framework that would run a model in this process. */
const LOCAL_FRAMEWORK = /^[ \t]*(?:import|from)[ \t]+(?:torch|tensorflow|onnxruntime|tensorrt|openvino|ultralytics)\b/m;

export const yoloProgram: FileRule = {
  framework: 'ultralytics-yolo',
  phase: 'after-calls',
  words: ['yolo'],
  runStart: [YOLO_WEIGHTS_IN_TEXT, MAIN_GUARD],
  read: (index, ctx) => {
    if (!/yolo/i.test(ctx.text)) return;
    if (!ctx.hasMainGuard) {
      readLoadedCheckpoint(ctx);
      return;
    }
    // A client of an inference server (the Triton client's `--model yolov7` names the model the server runs) loads
    // nothing itself: it only sends requests, no run here.
    if (SERVER_CLIENT.test(ctx.text) && !LOCAL_FRAMEWORK.test(ctx.text)) return;
    let weights: { name: string; at: Node; flag: string } | null = null;
    let trains = false;
    for (const node of index.calls) {
      if (ctx.callee(node).last !== 'add_argument') continue;
      const args = node.childForFieldName('arguments');
      const flag = args ? flagOf(args) : null;
      if (!args || !flag) continue;
      if (flag === 'epochs') trains = true;
      if (weights || !WEIGHT_FLAGS.has(flag)) continue;
      const def = keywordArgument(args, 'default');
      const found = def ? defaultWeights(def) : null;
      if (found) weights = { ...found, flag };
    }
    if (!weights) {
      readHubMain(ctx);
      return;
    }
    // A module that defines the network itself (models/tf.py: a dozen layer classes) and whose main only builds
    // and checks them is a library with a self-test, not a program people run on data.
    if (topLevelClasses(ctx.tree.rootNode) >= LIBRARY_CLASSES) return;
    const flag = `--${weights.flag.replace(/_/g, '-')}`;
    if (!ctx.facts.some((f) => f.kind === 'model.id' && f.value !== null)) {
      ctx.add(
        'model.id',
        weights.name,
        weights.at,
        /\d/.test(weights.name)
          ? `default of ${flag}: the released ${weights.name} checkpoint (Ultralytics YOLO)`
          : `default of ${flag}: a YOLO checkpoint file (${weights.name}.pt; its size is not in the name)`,
        'medium',
      );
      // A launch that passes --weights names its own checkpoint (shellFacts.ts).
      ctx.amendLast({ fromFlags: [weights.flag] });
      ctx.add(
        'model.fromScratch',
        false,
        weights.at,
        `${flag} defaults to released weights: training starts from them (from scratch only with ${flag} '')`,
        'medium',
      );
      ctx.amendLast({ fromFlags: [weights.flag] });
    }
    const started = ctx.facts.some((f) => f.kind === 'launch.trainer' || f.kind === 'launch.inference');
    if (started) return;
    if (trains)
      ctx.add(
        'launch.trainer',
        `yolo:${weights.name}`,
        weights.at,
        `a YOLO training program (--epochs, ${flag} ${weights.name}) run as main`,
        'medium',
      );
    else
      ctx.add(
        'launch.inference',
        `yolo:${weights.name}`,
        weights.at,
        `a YOLO program run as main on ${flag} ${weights.name} with no --epochs: validation or prediction (inference)`,
        'medium',
      );
  },
};

/** A released checkpoint file named as a call's argument (`custom(path_or_model='yolov7.pt')`). */
const YOLO_CHECKPOINT_FILE =
  /^(?:[\w./-]{0,200}\/)?(yolo(?:v\d{1,2}|\d{1,2})[a-z0-9]{0,3}(?:-[a-z0-9]{1,8}){0,2})\.pt$/i;

/**
 * A hub entry module's (`hubconf.py`) main block: `model = custom(path_or_model='yolov7.pt')` (or `create(...)`,
 * `attempt_load('yolov7.pt')`) then `results = model(imgs)`: the released checkpoint loaded and run on images, an
 * inference run. Only the main block's own statements are read; the module's functions stay a library.
 */
function readHubMain(ctx: PythonReadContext): void {
  if (ctx.facts.some((f) => f.kind === 'launch.trainer' || f.kind === 'launch.inference')) return;
  const main = ctx.tree.rootNode.namedChildren.find(
    (c) => c?.type === 'if_statement' && MAIN_GUARD.test(c.childForFieldName('condition')?.text ?? ''),
  );
  const body = main?.childForFieldName('consequence');
  if (!body) return;
  for (const statement of body.namedChildren) {
    const assign = statement?.type === 'expression_statement' ? statement.namedChildren[0] : null;
    if (assign?.type !== 'assignment') continue;
    const name = assign.childForFieldName('left');
    const call = assign.childForFieldName('right');
    if (name?.type !== 'identifier' || call?.type !== 'call') continue;
    let found: { name: string; at: Node } | null = null;
    for (const arg of call.childForFieldName('arguments')?.namedChildren ?? []) {
      const value = arg?.type === 'keyword_argument' ? arg.childForFieldName('value') : arg;
      const text = value ? stringLiteral(value) : null;
      const m = text ? YOLO_CHECKPOINT_FILE.exec(text) : null;
      if (m && value) found = { name: m[1].toLowerCase(), at: value };
    }
    if (!found) continue;
    // The loaded model is called on inputs further down the block (`model(imgs)`).
    const after = linesAfter(body.text, statement!.endPosition.row - body.startPosition.row);
    if (!new RegExp(`(?<![\\w.])${name.text}\\(`).test(after)) continue;
    ctx.add('model.id', found.name, found.at, `the released ${found.name} checkpoint the main block loads`, 'medium');
    ctx.add('model.fromScratch', false, found.at, `${found.name}: released weights`, 'medium');
    ctx.add(
      'launch.inference',
      `yolo:${found.name}`,
      call,
      `main block: ${name.text} = ${truncate(call.text, 50)}, then ${name.text}(...) on inputs (inference)`,
      'medium',
    );
    return;
  }
}

/**
 * A notebook or script that unpickles a released checkpoint at module level and runs the network it holds:
 * `ckpt = torch.load('yolov7-e6e.pt')`, `model = ckpt['model']` (the YOLO checkpoint layout: the whole module under
 * 'model' or 'ema'), then `output = model(image)`: inference of that checkpoint. Only top-level statements count
 * (a library's functions that load a path they are given stay a library).
 */
function readLoadedCheckpoint(ctx: PythonReadContext): void {
  if (!ctx.text.includes('torch.load') || ctx.facts.some((f) => f.kind === 'launch.trainer')) return;
  const top = ctx.tree.rootNode.namedChildren;
  let loaded: { ckpt: string; name: string; at: Node } | null = null;
  for (let i = 0; i < top.length && i < 2000; i++) {
    const assign = top[i]?.type === 'expression_statement' ? top[i]!.namedChildren[0] : null;
    if (assign?.type !== 'assignment') continue;
    const left = assign.childForFieldName('left');
    const right = assign.childForFieldName('right');
    if (!left || !right) continue;
    if (left.type !== 'identifier') continue;
    if (!loaded && right.type === 'call' && right.childForFieldName('function')?.text === 'torch.load') {
      const first = right.childForFieldName('arguments')?.namedChildren[0];
      const text = first ? stringLiteral(first) : null;
      const m = text ? YOLO_CHECKPOINT_FILE.exec(text) : null;
      if (m && first) loaded = { ckpt: left.text, name: m[1].toLowerCase(), at: first };
      continue;
    }
    // `model = ckpt['model']` / `ckpt['ema']`
    if (loaded && right.type === 'subscript' && right.childForFieldName('value')?.text === loaded.ckpt) {
      const key = stringLiteral(right.childForFieldName('subscript') ?? right);
      const model = key === 'model' || key === 'ema' ? left.text : null;
      // The model called further down, at top level or in a block (`with torch.no_grad(): out = model(x)`).
      const call = model
        ? new RegExp(`(?<![\\w.])${model}\\(`).exec(linesAfter(ctx.text, assign.endPosition.row))
        : null;
      if (model && call) {
        addLoadedInference(ctx, loaded, model, assign);
        return;
      }
    }
  }
}

function addLoadedInference(
  ctx: PythonReadContext,
  loaded: { ckpt: string; name: string; at: Node },
  model: string,
  at: Node,
): void {
  ctx.add('model.id', loaded.name, loaded.at, `the released ${loaded.name} checkpoint torch.load opens`, 'medium');
  ctx.add('model.fromScratch', false, loaded.at, `${loaded.name}: released weights`, 'medium');
  ctx.add(
    'launch.inference',
    `yolo:${loaded.name}`,
    at,
    `${model} = ${loaded.ckpt}['model'] from ${loaded.name}, then ${model}(...) on inputs: inference`,
    'medium',
  );
}

/** The text after line `row` (0-based) of `text`: rows, not byte offsets, so non-ASCII text before it cannot shift it. */
function linesAfter(text: string, row: number): string {
  let at = 0;
  for (let r = 0; r <= row && at !== -1; r++) at = text.indexOf('\n', at) === -1 ? -1 : text.indexOf('\n', at) + 1;
  return at === -1 ? '' : text.slice(at);
}
