import { findModelByName } from '../knowledge';

/** A weights file's stem at the end of a path or URL, with torchvision's `-<8 hex>` hash suffix dropped. */
const CHECKPOINT_STEM = /(?:^|[/\\])([\w.-]{1,120}?)(?:-[0-9a-f]{8})?\.(?:pth|pt|pkl|ckpt|safetensors)$/i;

/**
 * The init checkpoint is a released ImageNet classifier (torchvision's `resnet101-<hash>.pth`, the Swin
 * repository's `swin_tiny_patch4_window7_224.pth`): a catalog row by that name whose published figure is ImageNet
 * classification. A detector started from it gets its backbone's weights only, as from detectron2's
 * `ImageNetPretrained/` files: the detector itself is trained.
 */
/**
 * Backbone releases by their published file names, when no catalog row matches the exact stem:
 * - the Swin repository's ImageNet classifiers, `swin_{tiny,small,base,large}_patch4_window{7,12}_{224,384}` with the
 *   `_22k` (ImageNet-22K) or `_22kto1k` (22K, fine-tuned on 1K) suffix (microsoft/Swin-Transformer README,
 *   "ImageNet-1K and ImageNet-22K Pretrained Swin-V1 Models"; a `_finetune` tail is the same file renamed);
 * - a checkpoint named after a ResNet alone (`resnet50`, `r50`, `R-101`, an optional `_v1`): the classification
 *   network, as detectron2's `ImageNetPretrained/MSRA/R-50.pkl` and torchvision's `resnet50-<hash>.pth` are;
 * - ImageNet-21K classifiers of Alibaba MIIL's "ImageNet-21K Pretraining for the Masses" (Ridnik et al. 2021,
 *   arXiv:2104.10972), released as `resnet50_miil_21k` and `tresnet_m_miil_21k` (Detic's `models/resnet50_miil_21k.pkl`);
 * - EVA-02's masked-image-modelling representations, `eva02_{Ti,S,B,L}_pt_{data}` ("pt": pre-trained only, no
 *   task head; baaivision/EVA EVA-02 README, "MIM pre-trained EVA-02"), a backbone as MAE's `mae_pretrain_vit_*` is.
 */
const BACKBONE_RELEASE =
  /^(?:swin_(?:tiny|small|base|large)_patch4_window(?:7|12)_(?:224|384)(?:_(?:1k|22k|22kto1k))?(?:_finetune)?|(?:resnet|r|r-)(?:18|34|50|101|152)(?:[_-]v[12])?|(?:resnet(?:18|34|50|101|152)|tresnet_[sml])_miil_21k|eva02_(?:ti|s|b|l)_pt_[a-z0-9]{1,12}(?:_p14(?:to16)?)?)$/;

/**
 * A checkpoint whose name says it is a network pretrained on ImageNet and nothing after
 * (`hrnetv2_w48_imagenet_pretrained.pth`, `mobilenetv2_imagenet.pth`; a copy numbered or tagged with its top-1,
 * `hrnetv2_w48_imagenet_pretrained_top1_21.pth`): the classifier, as the releases above are.
 */
const IMAGENET_PRETRAINED = /[_-]imagenet(?:[_-]?(?:1k|21k|22k))?(?:[_-]pre[_-]?trained)?(?:_top1)?(?:_\d{1,3})?$/i;

/**
 * A checkpoint named for the ImageNet split it was trained on (`uniformer_small_in1k.pth`, `convnext_base_in22k.pth`,
 * as timm and OpenMMLab name classification weights: `in1k`, `in21k`, `in22k`, `in22k-ft-in1k`).
 */
const IMAGENET_SPLIT = /(?:^|[_.-])in(?:1k|21k|22k)(?=$|[_.-])/i;

const IMAGENET_FOLDER = /(?:^|[/\\])imagenet(?:[_-]?(?:1k|21k|22k))?[/\\][^/\\]{1,200}$/i;

export function classificationBackbone(path: string): boolean {
  const stem = CHECKPOINT_STEM.exec(path)?.[1];
  if (
    stem &&
    (BACKBONE_RELEASE.test(stem.toLowerCase()) || IMAGENET_PRETRAINED.test(stem) || IMAGENET_SPLIT.test(stem))
  )
    return true;
  // A checkpoint kept in a folder named for ImageNet (HRNet's `models/pytorch/imagenet/hrnet_w32-36af842e.pth`).
  if (stem && IMAGENET_FOLDER.test(path)) return true;
  const row = stem ? findModelByName(stem) : undefined;
  return !!row?.quality && /^ImageNet\b/.test(row.quality.benchmark);
}
