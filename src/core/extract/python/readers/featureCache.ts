import { keywordArgument, stringLiteral } from '../../pythonValues';
import { argparseFlags } from '../context';
import type { FileRule } from '../rules';

/**
 * Feature-caching programs: a program run as main whose flags name a CLIP vision encoder of open_clip
 * (`--vision_encoder_path` default `ViT-L-14`, `--vision_encoder_pretrained` default `openai`), hands them to a
 * class or function of its package that encodes a dataset (retrieval-based in-context example selection, k-NN
 * memories), and saves the features (`torch.save(…features…)`). Nothing is trained: the encoder's forward passes
 * over the dataset are an inference run of that open_clip model, which loads pretrained weights from the tag.
 */

/** The flag holding the encoder's architecture, and the flag holding its weights tag. */
const ENCODER_FLAGS = new Set(['vision_encoder_path', 'vision_encoder', 'clip_model', 'clip_model_name']);
const TAG_FLAGS = new Set(['vision_encoder_pretrained', 'clip_pretrained', 'pretrained']);
/** open_clip's architecture names (`ViT-L-14`, `ViT-H-14-quickgelu`, `RN50`, `convnext_base_w`, `EVA02-L-14`). */
const OPEN_CLIP_ARCH =
  /^(?:ViT-[A-Za-z]+-\d{1,2}|RN\d{2,3}|convnext_\w{1,40}|EVA\d{0,2}-[A-Za-z]+-\d{1,2})[\w-]{0,40}$/;
/** Features written to a file, the first argument naming them (`torch.save(rices.features, path)`): the program's output. */
const SAVES_FEATURES = /\b(?:torch|np|numpy)\.save\s*\(\s*[\w.]{0,120}feature/;

export const featureCacheProgram: FileRule = {
  framework: 'pytorch',
  phase: 'after-calls',
  words: ['vision_encoder', 'clip_model', 'clip_pretrained'],
  read: (index, ctx) => {
    if (!ctx.hasMainGuard || !SAVES_FEATURES.test(ctx.text)) return;
    // A program that trains or already names its model is read by the other rules.
    if (ctx.facts.some((f) => (f.kind === 'launch.trainer' || f.kind === 'model.id') && f.value !== null)) return;
    let arch: { value: string; node: Parameters<typeof ctx.add>[2] } | undefined;
    let tagged = false;
    for (const { dest: name, args } of argparseFlags(index.calls, ctx)) {
      const def = keywordArgument(args, 'default');
      const value = def ? stringLiteral(def) : null;
      if (!name || !def || !value) continue;
      if (!arch && ENCODER_FLAGS.has(name) && OPEN_CLIP_ARCH.test(value)) arch = { value, node: def };
      else if (TAG_FLAGS.has(name) && value !== '') tagged = true;
    }
    if (!arch || !tagged) return;
    ctx.add(
      'model.id',
      `open_clip:${arch.value}`,
      arch.node,
      `default of the vision encoder flag: open_clip ${arch.value}`,
      'medium',
    );
    ctx.add('model.fromScratch', false, arch.node, 'the encoder loads the weights its tag names', 'medium');
    ctx.add(
      'launch.inference',
      'feature-cache',
      arch.node,
      'encodes a dataset and saves the features (inference, nothing trained)',
      'medium',
    );
  },
};
