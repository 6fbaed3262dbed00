import { truncate } from '../context';
import type { CallRule } from '../rules';

/**
 * OpenMMLab's inferencers (the `apis` of mmengine-based toolboxes: mmpretrain's `ImageClassificationInferencer`,
 * `ImageCaptionInferencer`, …, mmdet's `DetInferencer`, mmseg's `MMSegInferencer`, mmocr's `MMOCRInferencer`, mmpose's
 * `MMPoseInferencer`, mmagic's `MMagicInferencer`): built from a model name or a config with its checkpoint
 * (`ImageClassificationInferencer(model, pretrained=True)` loads the model-zoo weights, mmpretrain docs "Inference
 * with existing models"), then called on inputs. Building one is running a trained model: an inference run. Also
 * when it is built lazily (`partial(ImageCaptionInferencer, name)`, a demo server's cache). The model, given on the
 * command line or chosen in a UI, is not read here.
 */

/** An inferencer class of an OpenMMLab toolbox: a capitalised name ending in `Inferencer` (bounded: linear). */
const INFERENCER = /^[A-Z][A-Za-z0-9]{0,60}Inferencer$/;
/**
 * The file imports from an OpenMMLab toolbox (`from mmpretrain.apis import …`, `from mmdet.apis import …`, or a
 * submodule of its apis: `from mmocr.apis.inferencers import MMOCRInferencer`). Bounded repetitions: linear.
 */
const OPENMMLAB_IMPORT = /^[ \t]*from[ \t]+mm[a-z0-9]{1,20}(?:\.apis(?:\.[a-z_]{1,40}){0,2})?[ \t]+import\b/m;

export const openMmlabInferencer: CallRule = {
  framework: 'openmmlab',
  words: ['Inferencer'],
  runStart: [/Inferencer\b/, OPENMMLAB_IMPORT],
  when: ({ last, args, ctx }) => {
    if (INFERENCER.test(last)) return OPENMMLAB_IMPORT.test(ctx.text);
    if (last !== 'partial') return false;
    const first = args?.namedChildren[0];
    return first?.type === 'identifier' && INFERENCER.test(first.text) && OPENMMLAB_IMPORT.test(ctx.text);
  },
  read: ({ node, ctx }) => {
    // The call is left to the rules after this one too (a module the file's own classes come from, linked).
    if (ctx.facts.some((f) => f.kind === 'launch.inference' || f.kind === 'launch.trainer')) return false;
    ctx.add(
      'launch.inference',
      'openmmlab:inferencer',
      node,
      `${truncate(node.text, 60)}: an OpenMMLab inferencer runs a trained model on its inputs`,
      'medium',
    );
    return false;
  },
};

/**
 * OpenMMLab's model-initialising inference APIs (`from mmpose.apis import init_model, inference_topdown`; mmdet's
 * `init_detector`/`inference_detector`, mmseg's `init_model`/`inference_model`, mmaction's `init_recognizer`, mmpose's
 * `init_pose_estimator`): each builds the network from a config file and loads a checkpoint into it for inference
 * ("Build a model from a config file and a checkpoint file", mmdet/mmpose `apis/inference.py` docstrings; mmpose docs
 * "Inference with existing models"). A program that calls one runs a trained model: an inference run whose model the
 * config and checkpoint it is given name. Not in a file that trains (the runner's `.train()`).
 */
const INIT_API = /^init_(?:model|pose_estimator|detector|recognizer|segmentor|track_model)$/;
/** Text of a file that trains (a runner or a backward pass). */
const TRAINS_TEXT = /\bRunner\b|\.backward\(|\btrain_model\(|\.train\(\)/;

export const openMmlabInitApi: CallRule = {
  framework: 'openmmlab',
  words: ['init_'],
  runStart: [/\binit_(?:model|pose_estimator|detector|recognizer|segmentor|track_model)[ \t]*\(/, OPENMMLAB_IMPORT],
  when: ({ last, ctx }) => INIT_API.test(last) && OPENMMLAB_IMPORT.test(ctx.text) && !TRAINS_TEXT.test(ctx.text),
  read: ({ node, last, ctx }) => {
    if (ctx.facts.some((f) => f.kind === 'launch.inference' || f.kind === 'launch.trainer')) return false;
    ctx.add(
      'launch.inference',
      'openmmlab:api',
      node,
      `${last}(...): an OpenMMLab API builds the network from a config and loads a checkpoint into it to run inference`,
      'medium',
    );
    return false;
  },
};
