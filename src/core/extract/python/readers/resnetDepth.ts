import { evaluate, keywordArgument } from '../../pythonValues';
import type { CallRule } from '../rules';

/**
 * A ResNet built by its depth: `resnet_v1(resnet_depth=FLAGS.resnet_depth, width_multiplier=FLAGS.width_multiplier)`,
 * the TensorFlow ResNet builders' keyword (tensorflow/tpu models/official/resnet `resnet_model.resnet_v1(resnet_depth,
 * ...)`, and the self-supervised programs built on them, SimCLR's `--resnet_depth 50 --width_multiplier 1`). The
 * depths are He et al.'s (arXiv:1512.03385, Table 1: 18, 34, 50, 101, 152; 200 from He et al. 2016, arXiv:1603.05027)
 * and name the standard network `resnet<depth>`, whose size is the catalog's. A width multiplier other than 1
 * widens every layer (a ResNet-50 (2x) is another network, about four times the size): no name is given then, so no
 * size is taken from the standard one.
 */
const DEPTHS = new Set([18, 34, 50, 101, 152, 200]);

export const resnetByDepth: CallRule = {
  framework: 'tensorflow',
  words: ['resnet_depth'],
  when: ({ argsText }) => argsText.includes('resnet_depth'),
  read: ({ args, full, ctx }) => {
    if (!args) return false;
    const depthArg = keywordArgument(args, 'resnet_depth');
    const depth = depthArg ? evaluate(depthArg, ctx.symbols) : undefined;
    if (!depthArg || typeof depth?.value !== 'number' || !DEPTHS.has(depth.value)) return false;
    const widthArg = keywordArgument(args, 'width_multiplier');
    const width = widthArg ? evaluate(widthArg, ctx.symbols)?.value : 1;
    if (width !== 1) return false;
    ctx.add(
      'model.id',
      `resnet${depth.value}`,
      depthArg,
      `${full}(resnet_depth=${depth.value}${widthArg ? ', width_multiplier=1' : ''}): a ResNet-${depth.value}${depth.via ? ` (${depth.via})` : ''}`,
      depth.via ? 'medium' : 'high',
    );
    if (depth.via) ctx.amendLast({ originLine: depth.origin.startPosition.row });
    // A builder by depth makes the layers with their initialisers: random weights, unless a checkpoint the program
    // restores says otherwise (low confidence, so that any stated start wins).
    ctx.add(
      'model.fromScratch',
      true,
      depthArg,
      `${full}(resnet_depth=...) builds the network with random weights`,
      'low',
    );
    return true;
  },
};
