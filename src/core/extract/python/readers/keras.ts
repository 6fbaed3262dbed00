import type { Node } from 'web-tree-sitter';
import { addedLayers, countKerasSequential, fittedInputShape, sequentialLayers } from '../../kerasParams';
import { normalisePrecision } from '../../precision';
import { evaluate } from '../../pythonValues';
import type { CallRule } from '../rules';
import { readModelLoad } from './huggingface';

/** Keras / TensorFlow: mixed-precision policies and `Sequential([...])` models counted through their layers. */

/** set_global_policy("mixed_float16"), Policy("mixed_bfloat16"). */
export const mixedPrecisionPolicy: CallRule = {
  framework: 'keras',
  callees: ['set_global_policy', 'Policy', 'set_policy'],
  read: ({ node, full, ctx }) => {
    const arg = node.childForFieldName('arguments')?.namedChildren[0];
    const r = arg ? evaluate(arg, ctx.symbols) : undefined;
    const policy = typeof r?.value === 'string' ? r.value : null;
    const p = policy ? normalisePrecision(policy.replace('mixed_', '')) : null;
    if (p && arg) ctx.add('training.precision', p, arg, `${full}("${policy}")`);
  },
};

/** keras.Sequential([...]): parameters counted through the layer shapes; images also get forward FLOPs. */
export const sequentialModels: CallRule = {
  framework: 'keras',
  callees: ['Sequential'],
  when: ({ full, ctx }) => !/^(nn|torch\.nn)\./.test(full) && /keras|tensorflow/.test(ctx.text),
  read: ({ node, full, ctx }) => {
    const listed = sequentialLayers(node);
    // `model = Sequential()` followed by `model.add(...)` calls builds the same model layer by layer.
    const added = listed === null && node.childForFieldName('arguments')?.namedChildCount === 0;
    const layers = added ? addedLayers(node) : listed;
    if (!layers || layers.length === 0) return;
    const bound = node.parent?.type === 'assignment' ? node.parent.childForFieldName('left') : null;
    const declares = (l: Node) => /\binput_shape\s*=|^[\w.]*\b(?:Input|InputLayer)\s*\(/.test(l.text);
    const input =
      bound?.type === 'identifier' && !declares(layers[0])
        ? fittedInputShape(bound.text, ctx.text.slice(node.endIndex), ctx.text.slice(0, node.startIndex))
        : undefined;
    const counted = countKerasSequential(layers, ctx.symbols, input);
    if (counted.params <= 0) return;
    const at = node.childForFieldName('function') ?? node;
    const lowerBound =
      counted.unresolved.length > 0
        ? `; a lower bound: could not size ${counted.unresolved.slice(0, 3).join('; ')}`
        : '';
    ctx.add(
      'model.params',
      counted.params,
      at,
      `counted from the ${counted.layers} layers of ${full}(${added ? ') and its .add(...) calls' : '[...])'}${input ? `, input shape (${input.join(', ')}) from the array it is fitted on` : ''}${lowerBound}`,
      lowerBound ? 'low' : 'medium',
    );
    if (counted.forwardFlops && counted.unresolved.length === 0 && !/Embedding\s*\(/.test(node.text)) {
      ctx.add(
        'model.forwardFlopsPerSample',
        counted.forwardFlops,
        at,
        `one forward pass of ${full}([...]) from its layer shapes`,
        'medium',
      );
    }
  },
};

/**
 * KerasHub (and its predecessors KerasNLP / KerasCV): `keras_hub.models.Backbone.from_preset("roberta_base_en")`,
 * `CausalLM.from_preset("gemma3_1b")` load a named preset's pretrained weights, as `from_pretrained` does for Hugging
 * Face (keras.io/keras_hub/api/models: every task and backbone class has `from_preset(preset, load_weights=True)`).
 * The preset names the model. Preprocessing classes load only vocabularies and image settings (Tokenizer,
 * ImageConverter, AudioConverter, Preprocessor), so they name nothing.
 */
const KERAS_HUB_OWNER = /(?:^|\.)(?:keras_hub|keras_nlp|keras_cv)\.models\.([A-Z]\w{0,80})$/;
const KERAS_HUB_NOT_A_MODEL = /Tokenizer|Converter|Preprocessor|Layer$/;
/** Keras training calls (Model.fit and the lower-level loops). */
const KERAS_FIT = /\.fit(?:_generator)?[ \t]*\(|\.train_on_batch[ \t]*\(/;

/**
 * Whether a preset load is the model the file trains. A notebook often trains one model and, in another cell, loads a
 * preset only to predict or generate with it; that load names neither the trained model nor its size. In a file that
 * trains, the load counts when its name is trained after it: `lm.fit(...)`, or called as a layer of the model built
 * next (`features = backbone(inputs)` before `model.fit(...)`). In a file that trains nothing, every load counts.
 */
function presetTrained(call: Node, text: string): boolean {
  if (!KERAS_FIT.test(text)) return true;
  const bound = call.parent?.type === 'assignment' ? call.parent.childForFieldName('left') : null;
  if (bound?.type !== 'identifier') return false;
  const after = text.slice(call.endIndex);
  const name = bound.text;
  const fitted = after.search(new RegExp(`\\b${name}\\.fit(?:_generator)?[ \\t]*\\(`));
  // The same name bound again before it is trained (a second preset loaded into the variable) ends this load's use.
  const rebound = after.search(new RegExp(`^[ \\t]*${name}[ \\t]*=(?!=)`, 'm'));
  const layer = after.search(new RegExp(`\\b${name}[ \\t]*\\(`));
  const end = rebound < 0 ? after.length : rebound;
  if (fitted >= 0 && fitted < end) return true;
  return layer >= 0 && layer < end && KERAS_FIT.test(after.slice(layer));
}

/** `lm.backbone.enable_lora(rank=4)` (KerasHub backbones, keras.io/keras_hub/api/models/gemma/gemma_backbone). */
function loraEnabled(call: Node, text: string): boolean {
  const bound = call.parent?.type === 'assignment' ? call.parent.childForFieldName('left') : null;
  if (bound?.type !== 'identifier') return false;
  return new RegExp(`\\b${bound.text}(?:\\.backbone)?\\.enable_lora[ \\t]*\\(`).test(text.slice(call.endIndex));
}

/**
 * KerasHub names its ImageNet classification checkpoints `<arch>_imagenet` (`resnet_50_imagenet`,
 * `xception_41_imagenet`; keras.io/keras_hub/presets). Such a backbone under a model trained on bounding boxes is a
 * detector trained from a classification backbone only: the detector's own weights start at random, as with
 * detectron2's ImageNet backbones (config/yacs.ts), so the run trains the detector rather than fine-tuning one.
 */
const IMAGENET_PRESET = /_imagenet(?:_\d+)?$/;
const BOXES = /\bbounding_box|\bbbox(?:es)?\b|\bboxes\b/;

export const kerasHubPreset: CallRule = {
  framework: 'keras',
  callees: ['from_preset'],
  when: ({ full }) => {
    const owner = KERAS_HUB_OWNER.exec(full.slice(0, -'.from_preset'.length));
    return owner !== null && !KERAS_HUB_NOT_A_MODEL.test(owner[1]);
  },
  read: ({ node, full, ctx }) => {
    if (!presetTrained(node, ctx.text)) return;
    const owner = full.slice(0, -'.from_preset'.length);
    readModelLoad(node, ctx, owner, false, 'from_preset');
    const preset = [...ctx.facts].reverse().find((f) => f.kind === 'model.id')?.value;
    if (/Backbone$/.test(owner) && typeof preset === 'string' && IMAGENET_PRESET.test(preset) && BOXES.test(ctx.text)) {
      const detail = `${owner}.from_preset("${preset}"), an ImageNet classification backbone under a box detector`;
      ctx.add('model.fromScratch', true, node, `${detail}: the detector trains from scratch`, 'low');
      ctx.add('training.mode', 'pretrain', node, `${detail}: the detector is trained, not fine-tuned`, 'low');
    }
    if (loraEnabled(node, ctx.text))
      ctx.add('training.mode', 'lora', node, `${owner}.from_preset, then enable_lora(...) on its backbone`, 'medium');
  },
};
