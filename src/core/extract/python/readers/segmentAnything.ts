import { evaluate, keywordArgument } from '../../pythonValues';
import type { CallRule } from '../rules';

/**
 * segment-anything's builders: `sam_model_registry["vit_h"](checkpoint="sam_vit_h_4b8939.pth")` (also through a
 * variable the file sets, `model_type = "vit_b"`). The registry's keys are the image encoder's size (`vit_b`,
 * `vit_l`, `vit_h`; `default` is `vit_h`, segment-anything build_sam.py), so the model is `sam_vit_<size>`, which the
 * catalog sizes. A key the file does not set (`args.model_type`, a required flag) leaves the family, `sam`, with
 * its size unknown; a checkpoint named after one size (`sam_vit_l_0b3195.pth`) says which when the key does not.
 *
 * The builders make float32 modules (PyTorch's default dtype) and load the checkpoint into them: unless the file
 * casts (`.half()`, `autocast`, a float16/bfloat16 dtype), the model runs in fp32. A file that wraps the model in a
 * `SamPredictor` or `SamAutomaticMaskGenerator` and asks it for masks runs inference; one that only builds it (an
 * ONNX export utility) starts nothing here.
 *
 * SAM as a helper (eighteenth round, set U): a program that loads another model with its class's `from_pretrained`
 * and has that model generate text (`model.generate(...)`, `model.stream_generate(...)`) — a chat demo that turns
 * the boxes in the answers into masks — runs that model; SAM is a tool beside it, not the run's model (nor its
 * precision). Only the inference the program runs is read from the SAM call there.
 */

/** The registry, or a fork's variant of it (`sam_model_registry_baseline[...]`, HQ-SAM's original-SAM builders). */
const REGISTRY_CALL = /^(?:[A-Za-z_][\w]{0,60}\.){0,3}sam_model_registry(?:_\w{1,30})?\[/;
const SIZE_KEY = /^(?:vit_[blh]|default)$/;
const CHECKPOINT_SIZE = /\bsam_(vit_[blh])_[0-9a-f]{4,10}\.pth$/;
/** The predictor or mask generator the file builds over the model, and a call that asks it for masks. */
const PREDICTOR = /\bSam(?:Predictor|AutomaticMaskGenerator)\(/;
const ASKS = /\.(?:predict|predict_torch|generate)\(/;
/** Another model loaded by its class and asked for text: `Foo.from_pretrained(`, `model.stream_generate(`. */
const OTHER_MODEL = /\b[A-Z]\w{0,60}\.from_pretrained[ \t]*\(/;
const GENERATES_TEXT = /(?:^|[^\w.])(?:model|llm|\w{1,30}_model)\.(?:stream_)?generate\w{0,30}[ \t]*\(/m;
const CASTS = /\.half\(|\bautocast\b|\bfloat16\b|\bbfloat16\b|\bto\(\s*dtype\b/;

export const samRegistry: CallRule = {
  framework: 'vision',
  words: ['sam_model_registry'],
  runStart: [/sam_model_registry(?:_\w{1,30})?\[/, PREDICTOR, ASKS],
  when: ({ full }) => REGISTRY_CALL.test(full),
  read: ({ node, ctx }) => {
    if (OTHER_MODEL.test(ctx.text) && GENERATES_TEXT.test(ctx.text)) {
      if (PREDICTOR.test(ctx.text) && ASKS.test(ctx.text))
        ctx.add(
          'launch.inference',
          'segment-anything',
          node,
          'a SAM predictor beside a generating model (inference)',
          'low',
        );
      return;
    }
    const fn = node.childForFieldName('function');
    const keyNode = fn?.childForFieldName('subscript') ?? null;
    const keyRead = keyNode ? evaluate(keyNode, ctx.symbols) : undefined;
    const key = keyRead?.value;
    const args = node.childForFieldName('arguments');
    const checkpointNode = args ? (keywordArgument(args, 'checkpoint') ?? args.namedChildren[0] ?? null) : null;
    const checkpoint = checkpointNode ? evaluate(checkpointNode, ctx.symbols)?.value : undefined;
    const fromCheckpoint = typeof checkpoint === 'string' ? CHECKPOINT_SIZE.exec(checkpoint)?.[1] : undefined;
    const size = typeof key === 'string' && SIZE_KEY.test(key) ? (key === 'default' ? 'vit_h' : key) : fromCheckpoint;
    if (size) {
      ctx.add(
        'model.id',
        `sam_${size}`,
        keyNode && typeof key === 'string' ? keyNode : (checkpointNode ?? node),
        `sam_model_registry[${typeof key === 'string' ? `"${key}"` : (keyNode?.text ?? '')}]: Segment Anything with the ${size} image encoder`,
      );
      if (typeof key === 'string' && keyRead?.via) ctx.amendLast({ originLine: keyRead.origin.startPosition.row });
    } else
      ctx.add(
        'model.id',
        'sam',
        node,
        `${fn?.text ?? 'sam_model_registry[...]'}: Segment Anything, its image encoder size (vit_b, vit_l, vit_h) given when the program runs`,
        'medium',
      );
    if (typeof checkpoint === 'string' || checkpointNode)
      ctx.add(
        'model.fromScratch',
        false,
        checkpointNode ?? node,
        'the released SAM weights loaded by the builder',
        'medium',
      );
    if (PREDICTOR.test(ctx.text) && ASKS.test(ctx.text))
      ctx.add('launch.inference', 'segment-anything', node, 'a SAM predictor asked for masks (inference)', 'medium');
    if (!CASTS.test(ctx.text))
      ctx.add(
        'training.precision',
        'fp32',
        node,
        'segment-anything builds float32 modules and the file casts nothing to half precision',
        'medium',
      );
  },
};

/**
 * SAM 2's builders (facebookresearch/sam2 `sam2/build_sam.py`): `build_sam2(config_file, ckpt_path, ...)` and
 * `build_sam2_video_predictor(config_file, ckpt_path, ...)`, or the Hub variants `build_sam2_hf("facebook/sam2-
 * hiera-large")`. The config's file name is the released model (`configs/sam2.1/sam2.1_hiera_b+.yaml`:
 * sam2.1_hiera_b+), as is the checkpoint's (`sam2.1_hiera_base_plus.pt`); the catalog sizes each (README, Model
 * Description). A file that asks the model or its predictor for masks (`propagate_in_video`, `predict`,
 * `add_new_points_or_box`, a mask generator's `generate`) runs inference with the released weights.
 */
const SAM2_NAME = /(?:^|\/)(sam2(?:\.1)?_hiera_(?:tiny|small|base_plus|large|t|s|b\+|l))\.(?:yaml|pt)$/;
const SAM2_HUB = /^facebook\/sam2(?:\.1)?-hiera-(?:tiny|small|base-plus|large)$/;
const SAM2_ASKS =
  /\.(?:propagate_in_video|predict|predict_batch|add_new_points_or_box|add_new_points|add_new_mask|generate|track)\(/;
const SAM2_TRAINS = /\.backward\(|\boptim\.\w/;

function sam2Name(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (SAM2_HUB.test(value)) return value;
  return SAM2_NAME.exec(value)?.[1];
}

export const sam2Builder: CallRule = {
  framework: 'vision',
  callees: ['build_sam2', 'build_sam2_video_predictor', 'build_sam2_hf', 'build_sam2_video_predictor_hf'],
  runStart: [/\bbuild_sam2\w{0,30}[ \t]*\(/, SAM2_ASKS],
  when: ({ ctx }) => !SAM2_TRAINS.test(ctx.text) && !/^def[ \t]+build_sam2\b/m.test(ctx.text),
  read: ({ node, full, last, ctx }) => {
    const args = node.childForFieldName('arguments');
    if (!args) return;
    const positional = args.namedChildren.filter(
      (a) => a !== null && a.type !== 'comment' && a.type !== 'keyword_argument',
    );
    const hub = last.endsWith('_hf');
    const configNode = hub
      ? (positional[0] ?? keywordArgument(args, 'model_id'))
      : (positional[0] ?? keywordArgument(args, 'config_file'));
    const checkpointNode = hub ? null : (positional[1] ?? keywordArgument(args, 'ckpt_path'));
    const configRead = configNode ? evaluate(configNode, ctx.symbols) : undefined;
    const checkpointRead = checkpointNode ? evaluate(checkpointNode, ctx.symbols) : undefined;
    const fromConfig = sam2Name(configRead?.value);
    const fromCheckpoint = sam2Name(checkpointRead?.value);
    const name = fromConfig ?? fromCheckpoint;
    const at = (fromConfig ? configNode : checkpointNode) ?? node;
    if (!ctx.facts.some((f) => f.kind === 'model.id' && f.value !== null)) {
      if (name) {
        ctx.add(
          'model.id',
          name,
          at,
          `${full}(...): the released SAM 2 model its ${fromConfig ? 'config' : 'checkpoint'} names`,
          'medium',
        );
        const read = fromConfig ? configRead : checkpointRead;
        if (read?.via) ctx.amendLast({ originLine: read.origin.startPosition.row });
      } else ctx.add('model.id', 'sam2', node, `${full}(...): SAM 2, its size given when the program runs`, 'low');
    }
    if (hub || checkpointNode)
      ctx.add(
        'model.fromScratch',
        false,
        checkpointNode ?? node,
        'the released SAM 2 weights loaded by the builder',
        'medium',
      );
    if (SAM2_ASKS.test(ctx.text) && !ctx.facts.some((f) => f.kind === 'launch.inference'))
      ctx.add('launch.inference', 'sam2', node, `${full}(...) and masks asked of it: SAM 2 inference`, 'medium');
  },
};
