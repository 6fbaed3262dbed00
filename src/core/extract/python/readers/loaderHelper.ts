import { startsARun, type Fact } from '../../../facts';
import { findModelByName } from '../../../knowledge';
import { sizeFromModelName } from '../../../knowledge/modelName';
import { escapeRegExp, lineRange } from '../context';
import type { FileRule } from '../rules';

/**
 * A demo's own loader helper: `def prepare_model(chkpt_dir, arch='vit_base')` builds the network of the repository's
 * model module by name (`model = getattr(models_mod, arch)()`), loads a checkpoint into it
 * (`model.load_state_dict(torch.load(chkpt_dir)['model'])`) and returns it; the notebook or script then calls it at
 * the top level with the architecture's name (`net = prepare_model('ckpt.pth', 'vit_large_patch16')`) and runs the
 * network on its inputs. Nothing trains: the run is inference with the named architecture (the name as the call or the
 * helper's default gives it), read only where the name states a size or is a catalog model. Not read where the file
 * trains or writes weights (a conversion), or where the module the name is looked up in is not imported.
 */

/** `def name(params):` at column 0, its parameters on one line. */
const HELPER_DEF = /^def[ \t]+(\w{1,60})[ \t]*\(([^()\n]{0,300})\)[ \t]*(?:->[^:\n]{0,60})?:/gm;
/** In its body: `x = getattr(module, param)(...)`. */
const BUILT_BY_NAME = /^[ \t]+(\w{1,60})[ \t]*=[ \t]*getattr\([ \t]*(\w{1,60})[ \t]*,[ \t]*(\w{1,60})[ \t]*\)\(/m;
const TRAINS = /\.backward\(|\boptim\.\w|optimizer\.step\(|\.fit\(|Trainer\(/;
const WRITES = /\btorch\.save\(|\.save_pretrained\(|\bonnx\.export\(/;
const MAX_HELPERS = 40;
const MAX_BODY = 4000;

export const loaderHelper: FileRule = {
  framework: 'torch',
  phase: 'after-calls',
  words: ['getattr('],
  runStart: [/\bgetattr\(/, /\.load_state_dict\(/],
  read: (_index, ctx) => {
    const text = ctx.text;
    if (!text.includes('getattr(') || !text.includes('.load_state_dict(') || TRAINS.test(text) || WRITES.test(text))
      return;
    if (ctx.facts.some((f) => f.kind === 'model.id' && f.value !== null)) return;
    let seen = 0;
    for (const def of text.matchAll(HELPER_DEF)) {
      if (++seen > MAX_HELPERS) return;
      const start = def.index + def[0].length;
      // The body: up to the next line at column 0 that is code (bounded).
      const rest = text.slice(start, start + MAX_BODY);
      const end = /\n(?=[^\s#])/.exec(rest);
      const body = end ? rest.slice(0, end.index) : rest;
      const built = BUILT_BY_NAME.exec(body);
      if (!built || !body.includes(`${built[1]}.load_state_dict(`) || !/^[ \t]+return\b/m.test(body)) continue;
      const [, , module, param] = built;
      if (
        !new RegExp(
          `^[ \\t]*import[ \\t]+${escapeRegExp(module)}\\b|^[ \\t]*from[ \\t]+[\\w.]+[ \\t]+import[^\\n]*\\b${escapeRegExp(module)}\\b`,
          'm',
        ).test(text)
      )
        continue;
      const params = def[2].split(',').map((p) => p.trim());
      const position = params.findIndex((p) => new RegExp(`^${escapeRegExp(param)}\\b`).test(p));
      if (position < 0) continue;
      const fallback = /=[ \t]*["']([\w.-]{1,100})["']$/.exec(params[position])?.[1];
      // A top-level call: `net = helper(path, 'arch')`, `net = helper(path, arch='arch')`, `net = helper(path)`.
      const call = new RegExp(`^(\\w{1,60})[ \\t]*=[ \\t]*${escapeRegExp(def[1])}\\(([^()\\n]{0,300})\\)`, 'm').exec(
        text,
      );
      if (!call) continue;
      const args = call[2].split(',').map((a) => a.trim());
      const keyword = args.find((a) => new RegExp(`^${escapeRegExp(param)}[ \\t]*=`).test(a));
      const given = keyword
        ? keyword.replace(/^[^=]*=[ \t]*/, '')
        : args.filter((a) => !/^\w+[ \t]*=/.test(a))[position];
      const literal = given === undefined ? fallback : /^["']([\w.-]{1,100})["']$/.exec(given)?.[1];
      if (!literal || (!findModelByName(literal) && sizeFromModelName(literal) === undefined)) continue;
      const row = text.slice(0, call.index).split('\n').length - 1;
      const range: Fact['range'] = lineRange(row, (text.split('\n', row + 1)[row] ?? '').length);
      const detail = `${call[1]} = ${def[1]}(...): the helper builds getattr(${module}, ${param})() for '${literal}' and loads a checkpoint into it`;
      if (!ctx.facts.some(startsARun))
        ctx.facts.push({
          kind: 'launch.inference',
          value: `${def[1]}`,
          range,
          confidence: 'medium',
          detail: `${detail}; nothing trains it: inference`,
        });
      ctx.facts.push({ kind: 'model.id', value: literal, range, confidence: 'medium', detail });
      ctx.facts.push({ kind: 'model.fromScratch', value: false, range, confidence: 'medium', detail });
      return;
    }
  },
};
