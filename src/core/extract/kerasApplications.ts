/**
 * The classifier head ("top") of a `keras.applications` model, so that `include_top=False` (the convolutional base
 * alone, the usual start of transfer learning) is sized as the base, not the whole classifier the catalog lists.
 *
 * Each application builds its top the same way (keras-team/keras, keras/src/applications/<module>.py, the
 * `if include_top:` branch): VGG16/VGG19 flatten the 7x7x512 map of a 224x224 input into `fc1` and `fc2`
 * (Dense(4096) each) and `predictions` (Dense(classes)); every other one pools globally
 * (GlobalAveragePooling2D) and ends in one Dense(classes) over the width of its last feature map (MobileNet's 1x1
 * Conv2D over the pooled features has the same weights). The widths below are those last feature maps, from the
 * same files.
 */

/** Width of the last feature map the head pools, per application class. */
const POOLED_WIDTH: Readonly<Record<string, number>> = {
  // xception.py: block14_sepconv2 = SeparableConv2D(2048)
  Xception: 2048,
  // resnet.py / resnet_v2.py: the last stack's 4 * 512 filters
  ResNet50: 2048,
  ResNet101: 2048,
  ResNet152: 2048,
  ResNet50V2: 2048,
  ResNet101V2: 2048,
  ResNet152V2: 2048,
  // inception_v3.py: mixed10 concatenates 320 + 768 + 768 + 192 = 2048 channels
  InceptionV3: 2048,
  // inception_resnet_v2.py: conv_7b = conv2d_bn(x, 1536, 1)
  InceptionResNetV2: 1536,
  // mobilenet.py: the last depthwise block's 1024 filters (alpha 1.0)
  MobileNet: 1024,
  // mobilenet_v2.py: Conv_1 = Conv2D(1280) (alpha 1.0)
  MobileNetV2: 1280,
  // densenet.py: 64 + growth 32 x blocks, halved by each transition: 1024, 1664, 1920
  DenseNet121: 1024,
  DenseNet169: 1664,
  DenseNet201: 1920,
  // efficientnet.py: top_conv = round_filters(1280) for the width coefficient of each variant
  EfficientNetB0: 1280,
  EfficientNetB1: 1280,
  EfficientNetB2: 1408,
  EfficientNetB3: 1536,
  EfficientNetB4: 1792,
  EfficientNetB5: 2048,
  EfficientNetB6: 2304,
  EfficientNetB7: 2560,
};

/** VGG's top: Flatten of 7x7x512 (a 224x224 input), fc1 and fc2 Dense(4096), predictions Dense(classes). */
const VGG_FLATTENED = 7 * 7 * 512;
const VGG_HIDDEN = 4096;

/** Parameters of the top `include_top=True` adds for `classes` classes (1000, ImageNet's, by default); undefined when not known. */
export function kerasTopParams(className: string, classes = 1000): number | undefined {
  if (!Number.isInteger(classes) || classes < 1) return undefined;
  if (className === 'VGG16' || className === 'VGG19')
    return (VGG_FLATTENED + 1) * VGG_HIDDEN + (VGG_HIDDEN + 1) * VGG_HIDDEN + (VGG_HIDDEN + 1) * classes;
  const width = Object.hasOwn(POOLED_WIDTH, className) ? POOLED_WIDTH[className] : undefined;
  return width === undefined ? undefined : (width + 1) * classes;
}
