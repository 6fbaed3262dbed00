/**
 * The files a documentation command's word stands for when it writes variants in braces: shell brace expansion
 * (`train_{small,large}.yaml`) and the README shorthand for a family of configs
 * (`configs/training/MaskGen/maskgen_{vq/kl}_{l/xl}_stage1.yaml`: each choice in turn). A word without braces stands
 * for itself. Bounded: at most MAX_GROUPS groups and MAX_VARIANTS words.
 */

const GROUP = /\{([\w.-]{1,40}(?:[/,|][\w.-]{1,40}){1,7})\}/;
const MAX_GROUPS = 4;
const MAX_VARIANTS = 16;

export function wordVariants(word: string): string[] {
  let out = [word];
  for (let g = 0; g < MAX_GROUPS; g++) {
    const next: string[] = [];
    let expanded = false;
    for (const w of out) {
      const m = GROUP.exec(w);
      if (!m) {
        next.push(w);
        continue;
      }
      expanded = true;
      for (const choice of m[1].split(/[/,|]/))
        next.push(w.slice(0, m.index) + choice + w.slice(m.index + m[0].length));
    }
    if (!expanded) return out;
    if (next.length > MAX_VARIANTS) return [word];
    out = next;
  }
  return out.some((w) => w.includes('{')) ? [word] : out;
}
