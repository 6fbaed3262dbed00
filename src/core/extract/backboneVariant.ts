/** The catalog's size words for a Swin backbone's letter (`swin_L_384_22k`: Swin-L). */
const SWIN_SIZES: Readonly<Record<string, string>> = { t: 'tiny', s: 'small', b: 'base', l: 'large' };

/**
 * `resnet50` → `resnet-50`, `swin_L_384_22k` → `swin-large`: the catalog's words for a detector's backbone named as
 * DETR-family programs and configs name it (`--backbone resnet50`, `backbone = 'swin_L_384_22k'`), or undefined.
 */
export function backboneVariant(name: string): string | undefined {
  const resnet = /^resnet(\d{2,3})$/i.exec(name);
  if (resnet) return `resnet-${resnet[1]}`;
  const swin = /^swin_([tsbl])_/i.exec(name);
  return swin ? `swin-${SWIN_SIZES[swin[1].toLowerCase()]}` : undefined;
}
