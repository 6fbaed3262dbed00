import type { Node } from 'web-tree-sitter';
import { evaluate } from '../../pythonValues';
import type { FileRule } from '../rules';
import type { PythonReadContext } from '../context';
import { modelArgument } from './huggingface';

/**
 * A flag's default that is a local checkpoint folder of one model family while the program builds a model class of
 * another from it (`--model-path` defaults to `/data/ckpt/llava-v1.5-7b`, and the program runs
 * `VisionChat.from_pretrained(args.model_path)` or `VisionChat(AutoConfig.from_pretrained(args.model_path))`): the
 * default was left from an earlier program (copied demo scripts keep their first model's path), and every launch
 * passes its own path. The folder's name does not say this program's model, so the model is unknown, not the
 * leftover's. Only the project's own classes judge (a transformers `XForCausalLM` class loads fine-tunes named after
 * anything, a Vicuna folder into `LlamaForCausalLM`), only a family read from the folder's leading word, and only when
 * no class built from the same path agrees with it.
 */
const LOCAL_PATH = /^(?:\/|~\/|\.{1,2}\/)/;
/** Classes named after the library, not a model family. */
const GENERIC_CLASS =
  /^(?:auto\w*|model|net|network|transformer|module|lm|pipeline|\w*(?:for[a-z]+|lmheadmodel|tokenizer|processor|config|extractor))$/;
const MAX_CALLS = 2000;

function familyOfPath(path: string): string | undefined {
  const base = path.replace(/\/+$/, '').split('/').pop() ?? '';
  return /^[a-z]{3,}/.exec(base.toLowerCase())?.[0];
}

/** The class a call builds from a path, and the node naming the path: `C.from_pretrained(p)` or `C(AutoConfig.from_pretrained(p))`. */
function classAndPath(call: Node, ctx: PythonReadContext): { owner: string; arg: Node } | undefined {
  const { full, last } = ctx.callee(call);
  if (last === 'from_pretrained') {
    const owner = full.slice(0, -'.from_pretrained'.length).split('.').pop() ?? '';
    const arg = modelArgument(call);
    return /^[A-Z]\w{1,60}$/.test(owner) && arg ? { owner, arg } : undefined;
  }
  if (full !== last || !/^[A-Z]\w{1,60}$/.test(last)) return undefined;
  const first = call.childForFieldName('arguments')?.namedChildren.find((c) => c?.type !== 'comment');
  if (first?.type !== 'identifier') return undefined;
  const bound = ctx.symbols.lookup(first.text)?.node;
  if (bound?.type !== 'call' || !/^(?:transformers\.)?AutoConfig\.from_pretrained$/.test(ctx.callee(bound).full))
    return undefined;
  const arg = modelArgument(bound);
  return arg ? { owner: last, arg } : undefined;
}

function readContradictedDefaults(calls: readonly Node[], ctx: PythonReadContext): void {
  const defaults = new Set(
    ctx.facts
      .filter(
        (f) =>
          f.kind === 'model.id' &&
          typeof f.value === 'string' &&
          LOCAL_PATH.test(f.value) &&
          // Read through a flag or a name (`id.via`): its line is kept, as the launch that passes the flag replaces it.
          (f.originLine !== undefined || /\(default of /.test(f.detail)),
      )
      .map((f) => f.value as string),
  );
  if (defaults.size === 0) return;
  const verdict = new Map<string, { agrees: boolean; against?: string }>();
  for (const call of calls.slice(0, MAX_CALLS)) {
    const built = classAndPath(call, ctx);
    if (!built) continue;
    const owner = built.owner.toLowerCase();
    if (GENERIC_CLASS.test(owner)) continue;
    const value = evaluate(built.arg, ctx.symbols)?.value;
    if (typeof value !== 'string' || !defaults.has(value)) continue;
    const family = familyOfPath(value);
    if (!family) continue;
    const ownerWord = /^[a-z]{3,}/.exec(owner)?.[0] ?? owner;
    const agrees = owner.includes(family) || family.includes(ownerWord);
    const seen = verdict.get(value);
    verdict.set(value, {
      agrees: (seen?.agrees ?? false) || agrees,
      against: seen?.against ?? (agrees ? undefined : built.owner),
    });
  }
  for (const [value, v] of verdict) {
    if (v.agrees || !v.against) continue;
    const family = familyOfPath(value);
    for (let i = 0; i < ctx.facts.length; i++) {
      const f = ctx.facts[i];
      if (f.kind !== 'model.id' || f.value !== value) continue;
      ctx.facts[i] = {
        ...f,
        value: null,
        confidence: 'medium',
        detail: `the flag's default \`${value}\` is a ${family ?? 'another'} checkpoint, but the program builds ${v.against} from it: a leftover default, so the model a launch passes is unknown here`,
      };
    }
  }
}

export const contradictedDefaultPath: FileRule = {
  framework: 'huggingface',
  phase: 'after-calls',
  words: ['from_pretrained'],
  read: (index, ctx) => readContradictedDefaults(index.calls, ctx),
};
