import type { Fact } from '../../facts';

/**
 * A yacs program's defaults module (Swin Transformer's `config.py`, the `defaults.py` of the many repositories built
 * the same way): `_C = CN()` and `_C.TRAIN.EPOCHS = 300`, `_C.AMP_ENABLE = True`, `_C.DATA.BATCH_SIZE = 128`. The
 * program merges each YAML config over these (`config.merge_from_file(args.cfg)`), so what a config leaves out is
 * the default here. Read line by line (no Python parse): only the run's settings a config may leave to its program,
 * never the model (a config names its own type; the defaults' architecture is another model's). The facts carry the
 * marker detail prefix YACS_DEFAULT so that only a yacs config's link to its defaults module draws them in.
 */

export const YACS_DEFAULT = 'yacs default ';
/** The detail a yacs config's link to its program's defaults module starts with (analyze.ts keeps only these facts). */
export const YACS_DEFAULTS_LINK = 'yacs defaults: ';

/** Where yacs programs keep their defaults module, relative to the root or above the config (first found is read). */
export const YACS_DEFAULTS_MODULES = ['config.py', 'config/defaults.py', 'config/default.py'];
/**
 * The detail a yacs config's link to the program that merges it starts with: Swin Transformer's layout, kept by the
 * repositories built on it, is `main.py --cfg <config>` beside `config.py` (microsoft/Swin-Transformer get_started.md).
 * Only the precision that program fixes reaches the config (analyze.ts), as a default the config may override: apex
 * AMP at its `--amp-opt-level` default, which `update_config` copies into an `AMP_OPT_LEVEL` left empty here.
 */
export const YACS_PROGRAM_LINK = 'yacs program: ';
export const YACS_PROGRAM = 'main.py';

/** Whether the text may be a yacs defaults module: a cheap test, run before any other reading. */
export function mayBeYacsDefaults(text: string): boolean {
  return text.includes('= CN()') && text.includes('_C.');
}

const MAX_LINE = 500;
const ASSIGNMENT = /^_C\.([A-Z][A-Z0-9_]{0,60}(?:\.[A-Z][A-Z0-9_]{0,60}){0,6})[ \t]*=[ \t]*([^#\n]{1,200})/;

function literal(raw: string): number | boolean | string | undefined {
  const v = raw.trim();
  if (v === 'True' || v === 'False') return v === 'True';
  if (/^\d{1,12}$/.test(v)) return Number(v);
  const s = /^(['"])([^'"]{0,100})\1$/.exec(v);
  return s ? s[2] : undefined;
}

export function yacsDefaultsFacts(text: string): Fact[] {
  if (!mayBeYacsDefaults(text)) return [];
  const values = new Map<string, { value: number | boolean | string; line: number; length: number }>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line.startsWith('_C.') || line.length > MAX_LINE) continue;
    const m = ASSIGNMENT.exec(line);
    if (!m) continue;
    const value = literal(m[2]);
    if (value !== undefined) values.set(m[1], { value, line: i, length: line.length });
  }
  const out: Fact[] = [];
  const add = (kind: Fact['kind'], value: Fact['value'], key: string, what: string) => {
    const at = values.get(key)!;
    out.push({
      kind,
      value,
      range: { startLine: at.line, startCol: 0, endLine: at.line, endCol: at.length },
      confidence: 'medium',
      detail: `${YACS_DEFAULT}_C.${key} = ${String(at.value)}${what}`,
    });
  };
  const epochs = values.get('TRAIN.EPOCHS')?.value;
  if (typeof epochs === 'number' && epochs > 0)
    add('training.epochs', epochs, 'TRAIN.EPOCHS', ' (the program’s default)');
  const batch = values.get('DATA.BATCH_SIZE')?.value;
  if (typeof batch === 'number' && batch > 0) add('training.batchPerDevice', batch, 'DATA.BATCH_SIZE', ' (per GPU)');
  // As the yacs dialect reads them (yacs.ts readPrecision): apex levels O1–O3 and torch.cuda.amp are fp16.
  const level = values.get('AMP_OPT_LEVEL')?.value;
  const type = String(values.get('AMP_TYPE')?.value ?? '').toLowerCase();
  const half = /bfloat16|bf16/.test(type) ? 'bf16' : 'fp16';
  if (typeof level === 'string' && /^O[0-3]$/.test(level))
    add('training.precision', level === 'O0' ? 'fp32' : half, 'AMP_OPT_LEVEL', '');
  else if (values.get('AMP_ENABLE')?.value === true) add('training.precision', half, 'AMP_ENABLE', ` (${half})`);
  else if (values.get('AMP_ENABLE')?.value === false) add('training.precision', 'fp32', 'AMP_ENABLE', '');
  return out;
}
