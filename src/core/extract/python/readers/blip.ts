import type { Node } from 'web-tree-sitter';
import { keywordArgument, stringLiteral } from '../../pythonValues';
import type { CallRule } from '../rules';

/**
 * BLIP's task models built by its package's factories (Li et al. 2022, "BLIP: Bootstrapping Language-Image
 * Pre-training", arXiv:2201.12086; the factories `blip_decoder`, `blip_retrieval`, `blip_vqa`, `blip_nlvr`,
 * `blip_pretrain`, `blip_itm`, `blip_feature_extractor` of its `models/blip*.py`, kept by the many projects built on
 * that code): `model = blip_decoder(pretrained=config['pretrained'], vit=config['vit'], ...)`. The factory names the
 * task model (`blip:decoder`); its size is the image encoder's, `vit='base'` or `'large'`, written here or in the
 * task config the program reads (`vit: 'base'`, read by configFacts as `model.variant`). With both, the catalog's
 * row for that task and size gives the parameters; with only the factory, the model is named and its size unknown.
 * Whether it starts from a checkpoint is the factory's `pretrained=` argument (below).
 */

const FACTORIES: Readonly<Record<string, string>> = {
  blip_decoder: 'blip:decoder',
  blip_retrieval: 'blip:retrieval',
  blip_vqa: 'blip:vqa',
  blip_nlvr: 'blip:nlvr',
  blip_pretrain: 'blip:pretrain',
  blip_itm: 'blip:itm',
  blip_feature_extractor: 'blip:feature-extractor',
};
/** `from models.blip import blip_decoder`, `from models.blip_retrieval import blip_retrieval`, `from .blip_vqa import ...`. */
const FACTORY_IMPORT = /^from[ \t]+\.{0,3}(?:\w{1,100}\.){0,4}blip\w{0,40}[ \t]+import\b/m;
const VIT_SIZE = /^(?:base|large)$/i;
/**
 * A Cog predictor (cog.run: `class Predictor(BasePredictor)`, older releases `class Predictor(cog.Predictor)`), whose
 * `setup` Cog calls to build the models it then serves: a factory call inside it is an inference run.
 */
const COG_PREDICTOR = /^class[ \t]+\w+[ \t]*\([ \t]*(?:cog\.)?(?:Base)?Predictor[ \t]*\)/m;
const COG_IMPORT = /^(?:import[ \t]+cog\b|from[ \t]+cog[ \t]+import\b)/m;
const TRAINS = /\.backward\(|\boptim\.\w/;

export const blipFactory: CallRule = {
  framework: 'blip',
  callees: Object.keys(FACTORIES),
  // The run it can start: a Cog predictor's (a training program is started by its loop and backward pass).
  runStart: [/\bblip_\w{1,30}[ \t]*\(/, COG_PREDICTOR],
  when: ({ full, ctx }) => full in FACTORIES && FACTORY_IMPORT.test(ctx.text),
  read: ({ node, full, ctx }) => {
    const fn = node.childForFieldName('function') ?? node;
    if (inCogSetup(node, ctx.text) && !ctx.facts.some((f) => f.kind === 'launch.inference'))
      ctx.add('launch.inference', full, fn, `${full}(...) in a Cog predictor's setup: the model it serves`, 'medium');
    ctx.add('model.id', FACTORIES[full], fn, `${full}(...): BLIP's ${full.slice(5)} model`, 'medium');
    const args = node.childForFieldName('arguments');
    const vit = args ? keywordArgument(args, 'vit') : null;
    const size = vit ? stringLiteral(vit) : null;
    if (vit && size && VIT_SIZE.test(size))
      ctx.add('model.variant', size.toLowerCase(), vit, `vit='${size}' in ${full}`);
    // The factories load a checkpoint only when `pretrained=` names one (their default is ''): without it, or with
    // '', the model is new (its ViT and BERT parts start from their own published weights, the model does not).
    // A checkpoint named through the config (`config['pretrained']`) is the config's to say.
    const pretrained = args ? keywordArgument(args, 'pretrained') : null;
    const checkpoint = pretrained ? stringLiteral(pretrained) : null;
    if (!pretrained || checkpoint === '')
      ctx.add('model.fromScratch', true, pretrained ?? fn, `${full}(...) without a checkpoint: a new model`, 'medium');
    else if (checkpoint)
      ctx.add('model.fromScratch', false, pretrained, `${full}(pretrained='${checkpoint}'): starts from it`, 'medium');
  },
};

/** The call sits in the `setup` method of a Cog predictor class (and the file trains nothing). */
function inCogSetup(call: Node, text: string): boolean {
  if (!text.includes('cog') || !COG_IMPORT.test(text) || !COG_PREDICTOR.test(text) || TRAINS.test(text)) return false;
  let at: Node | null = call.parent;
  for (let depth = 0; at && depth < 40; depth++, at = at.parent) {
    if (at.type !== 'function_definition') continue;
    if (at.childForFieldName('name')?.text !== 'setup') return false;
    const owner = at.parent?.parent;
    return owner?.type === 'class_definition' && COG_PREDICTOR.test(owner.text.slice(0, 300));
  }
  return false;
}
