import type { Fact, FactKind, FactValue } from '../../../facts';
import type { FileRule } from '../rules';
import { escapeRegExp } from '../context';
import { rowOf } from './sb3Program';

/**
 * A config module of EasyDict settings (`config = edict()`, then `config.network = "r50"`, `config.num_epoch = 25`,
 * `config.fp16 = True`, one per line): insightface's arcface_torch configs and the repositories that copy them,
 * which the training program imports by name (`train.py configs/ms1mv3_r50` → `importlib.import_module(
 * "configs.ms1mv3_r50").config`). With a training length at the top level it is a run's definition; a defaults module
 * that sets its length only inside branches (`if config.dataset == "emore": config.num_epoch = 16`) is not.
 */

/** `config = edict()` / `cfg = EasyDict()` at the top level. */
const ROOT = /^(\w{1,40})[ \t]*=[ \t]*(?:edict|EasyDict)\(\)[ \t]*(?:#.*)?$/m;
/** The keys a training length is kept under. */
const LENGTH_KEYS = ['num_epoch', 'num_epochs', 'epochs', 'max_epoch', 'total_epochs'];
/** The keys naming the network trained. */
const NETWORK_KEYS = ['network', 'arch', 'backbone', 'model'];
/** Settings read per file. */
const MAX_SETTINGS = 500;

export const easyDictConfig: FileRule = {
  framework: 'easydict',
  phase: 'after-calls',
  words: ['edict()', 'EasyDict()'],
  runStart: ROOT,
  read: (_index, ctx) => {
    if (ctx.facts.some((f) => f.kind === 'launch.trainer' || f.kind === 'launch.inference')) return;
    const root = ROOT.exec(ctx.text);
    if (!root) return;
    const name = root[1];
    const setting = new RegExp(`^${escapeRegExp(name)}\\.(\\w{1,60})[ \\t]*=[ \\t]*([^\\n#]{1,200})`, 'gm');
    const settings = new Map<string, { value: string; row: number }>();
    let row = 0;
    let at = 0;
    let seen = 0;
    for (const m of ctx.text.matchAll(setting)) {
      if (++seen > MAX_SETTINGS) break;
      for (; at < (m.index ?? 0); at++) if (ctx.text.charCodeAt(at) === 10) row++;
      settings.set(m[1], { value: m[2].trim(), row });
    }
    const lengthKey = LENGTH_KEYS.find((k) => /^\d{1,6}$/.test(settings.get(k)?.value ?? ''));
    if (!lengthKey) return;
    const length = settings.get(lengthKey)!;
    const add = (kind: FactKind, value: FactValue, where: number, detail: string, confidence: Fact['confidence']) =>
      ctx.facts.push({
        kind,
        value,
        range: { startLine: where, startCol: 0, endLine: where, endCol: 0 },
        confidence,
        detail,
      });
    add(
      'run.framework',
      'easydict',
      rowOf(ctx.text, root.index).startLine,
      `${name} = edict(): a config module of EasyDict settings`,
      'medium',
    );
    add(
      'launch.trainer',
      'config:easydict',
      length.row,
      `${name}.${lengthKey} = ${length.value}: a config module with a training length, which the program it is given to trains`,
      'medium',
    );
    add('training.epochs', Number(length.value), length.row, `${name}.${lengthKey} = ${length.value}`, 'medium');
    const fp16 = settings.get('fp16');
    if (fp16?.value === 'True') add('training.precision', 'fp16', fp16.row, `${name}.fp16 = True`, 'medium');
    const batch = settings.get('batch_size');
    if (batch && /^\d{1,6}$/.test(batch.value))
      add('training.batchPerDevice', Number(batch.value), batch.row, `${name}.batch_size = ${batch.value}`, 'medium');
    for (const key of NETWORK_KEYS) {
      const network = /^["']([A-Za-z][\w.-]{0,60})["']$/.exec(settings.get(key)?.value ?? '');
      if (!network) continue;
      add(
        'model.id',
        network[1],
        settings.get(key)!.row,
        `${name}.${key} = "${network[1]}": the network the program builds`,
        'low',
      );
      break;
    }
    // No weights to resume or start from: the network is trained from its own initialisation.
    const resume = settings.get('resume')?.value;
    const pretrained = [...settings.keys()].some(
      (k) =>
        /pretrain|checkpoint|init_from|load_from/.test(k) && !/^(?:None|False|""|'')$/.test(settings.get(k)!.value),
    );
    if ((resume === undefined || resume === 'False') && !pretrained)
      add(
        'model.fromScratch',
        true,
        length.row,
        `${name}: no resume or pretrained weights: trained from its own initialisation`,
        'low',
      );
  },
};
