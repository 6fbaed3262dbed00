import type { Node } from 'web-tree-sitter';
import { evaluate, FIELD_PREFIX, type SymbolTable } from '../../pythonValues';
import { srArchArgOrder, srArchParams } from '../../srArchParams';
import { onDefaultPath } from '../branches';
import { truncate } from '../context';
import type { Fact } from '../../../facts';
import type { CallRule } from '../rules';

/**
 * A BasicSR super-resolution generator built in a script (`model = RRDBNet(num_in_ch=3, num_out_ch=3, num_feat=64,
 * num_block=23, num_grow_ch=32, scale=4)`, `SRVGGNetCompact(..., num_conv=32, upscale=4, act_type='prelu')`, the
 * classes of basicsr/archs that Real-ESRGAN, GFPGAN and their forks hand to an upsampler): the network is named by its
 * class and sized from the keywords as written (srArchParams.ts). A script that picks one of several by a flag
 * (`if args.model_name == 'x': model = RRDBNet(...)`, an `elif` per released model) builds the one the flag's default
 * selects; where the choice is not decided by a default (a value passed in at run time), no branch is taken for the
 * model. A call whose keywords are not all literal (or flag defaults) names the class, its size unknown.
 */
const SR_CLASSES = ['RRDBNet', 'SRVGGNetCompact'];
const DETAIL_PREFIX = 'super-resolution generator';

/** Clauses climbed from the call to its selector (a call sits a few statements deep in a branch). */
const MAX_CLIMB = 12;

/** `x.flag == 'literal'` (either way round): the flag's name and the literal, else undefined. */
function selectorTest(condition: Node | null): { flag: string; node: Node; literal: string } | undefined {
  if (condition?.type !== 'comparison_operator' || condition.namedChildCount !== 2) return undefined;
  if (condition.children.filter((c) => c?.type === '==').length !== 1) return undefined;
  const [a, b] = condition.namedChildren;
  if (!a || !b) return undefined;
  const literal = a.type === 'string' ? a : b.type === 'string' ? b : undefined;
  const flag = literal === a ? b : a;
  if (!literal || (flag.type !== 'attribute' && flag.type !== 'identifier')) return undefined;
  const text = literal.namedChildren.find((c) => c?.type === 'string_content')?.text;
  const name = /(\w+)$/.exec(flag.text)?.[1];
  return text !== undefined && name ? { flag: name, node: flag, literal: text } : undefined;
}

/**
 * true / false: the call is in a branch of a selector chain that the flag's default takes / does not take;
 * 'undecided': in a selector chain no default decides; undefined: in no selector chain.
 */
function selectedByDefault(node: Node, symbols: SymbolTable): boolean | 'undecided' | undefined {
  let child = node;
  for (let k = 0; k < MAX_CLIMB; k++) {
    const at = child.parent;
    if (!at || at.type === 'function_definition' || at.type === 'class_definition' || at.type === 'module')
      return undefined;
    if (
      (at.type === 'if_statement' || at.type === 'elif_clause') &&
      at.childForFieldName('consequence')?.id === child.id
    ) {
      const test = selectorTest(at.childForFieldName('condition'));
      if (test) {
        // The value as the code binds it (a parameter filled by its caller, a Cog input's default), else the default of
        // the flag of that name (`args.model_name` reassigned from itself stays its default's).
        const binding = symbols.lookup(FIELD_PREFIX + test.flag);
        const direct = evaluate(test.node, symbols)?.value;
        const value =
          typeof direct === 'string'
            ? direct
            : binding
              ? (binding.value ?? evaluate(binding.node, symbols)?.value)
              : undefined;
        return typeof value === 'string' ? value === test.literal : 'undecided';
      }
    }
    child = at;
  }
  return undefined;
}

function callArguments(node: Node): Node[] {
  return node.childForFieldName('arguments')?.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment') ?? [];
}

export const srGenerator: CallRule = {
  framework: 'basicsr',
  callees: SR_CLASSES,
  when: ({ node, last, ctx }) =>
    SR_CLASSES.includes(last) &&
    !ctx.facts.some((f) => f.kind === 'model.id' && f.detail.startsWith(DETAIL_PREFIX)) &&
    onDefaultPath(node, ctx.symbols),
  read: ({ node, last, ctx }) => {
    const selected = selectedByDefault(node, ctx.symbols);
    if (selected === false || selected === 'undecided') return false;
    const order = srArchArgOrder(last);
    const args: Record<string, number | undefined> = {};
    let act: string | undefined;
    let readable = true;
    let position = 0;
    for (const a of callArguments(node)) {
      const keyword = a.type === 'keyword_argument';
      const name = keyword ? (a.childForFieldName('name')?.text ?? '') : order[position++];
      const r = evaluate(keyword ? a.childForFieldName('value') : a, ctx.symbols);
      if (name === 'act_type') {
        if (typeof r?.value === 'string') act = r.value;
        else readable = false;
      } else if (name && order.includes(name)) {
        if (typeof r?.value === 'number') args[name] = r.value;
        else readable = false;
      } else if (!keyword) readable = false;
    }
    const sized = readable ? srArchParams(last, args, act) : undefined;
    ctx.add('model.id', last, node, `${DETAIL_PREFIX} ${truncate(node.text, 80)}`, 'medium');
    ctx.add(
      'model.params',
      sized ? sized.params : null,
      node,
      sized
        ? `${last} with these arguments: ${sized.params} parameters (${sized.source})`
        : `${last}: arguments not all written as numbers, size not worked out`,
      sized ? 'medium' : 'low',
    );
  },
};

/**
 * An inference wrapper handed the network and a half-precision switch (`RealESRGANer(model=model, half=not
 * args.fp32, ...)`, `GFPGANer`-style upsamplers, and any `Wrapper(model=net, half=True)`): the wrapper casts the network
 * and its inputs to float16 when the switch is on (fp16), and keeps float32 when it is off. The switch read through a
 * flag's default (`--fp32` store_true: off unless given) or `torch.cuda.is_available()` (on, as a run is taken to be
 * on a GPU).
 */
/**
 * `not args.fp32` where `--fp32` is an argparse `store_true` switch of this file: True unless the flag is given.
 * undefined for anything else.
 */
function storeTrueNegation(value: Node, text: string): { value: boolean; via: string } | undefined {
  if (value.type !== 'not_operator') return undefined;
  const name = /^\w+\.(\w{1,40})$/.exec(value.childForFieldName('argument')?.text ?? '')?.[1];
  if (!name) return undefined;
  const flag = name.replace(/_/g, '[-_]');
  const declared = new RegExp(
    `add_argument\\([^)]{0,200}['"]--${flag}['"][^)]{0,300}action\\s*=\\s*['"]store_true['"]`,
  );
  return declared.test(text) ? { value: true, via: `--${name} is store_true: off unless given` } : undefined;
}

export const wrapperHalfKeyword: CallRule = {
  framework: 'python',
  words: ['half='],
  // The argument text first (kept per call, other rules read it too): listing the arguments of every call of a file
  // was a fifth of the call rules' time in the edit loop.
  when: ({ node, argsText }) => {
    if (!/\bhalf\s*=/.test(argsText)) return false;
    const args = callArguments(node);
    const key = (a: Node) => (a.type === 'keyword_argument' ? a.childForFieldName('name')?.text : undefined);
    return args.some((a) => key(a) === 'half') && args.some((a) => key(a) === 'model');
  },
  read: ({ node, last, ctx }) => {
    const switchArg = callArguments(node).find(
      (a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'half',
    );
    const value = switchArg?.childForFieldName('value');
    if (!value || ctx.facts.some((f) => f.kind === 'training.precision')) return false;
    const r = evaluate(value, ctx.symbols) ?? storeTrueNegation(value, ctx.text);
    const on = r?.value === true || /\bcuda\.is_available\(\)/.test(value.text);
    if (r?.value !== true && r?.value !== false && !on) return false;
    ctx.add(
      'training.precision',
      on ? 'fp16' : 'fp32',
      value,
      `${last}(model=..., half=${truncate(value.text, 40)}): the model runs in ${on ? 'half' : 'full'} precision${r?.via ? ` (${truncate(r.via, 60)})` : ''}`,
      'medium',
    );
    return false;
  },
};

/**
 * The facts the two rules above read from a super-resolution generator and its upsampler wrapper (its class, size and
 * `half=` switch). A restorer handed that wrapper as its background upsampler (`Restorer(model_path=..., bg_upsampler=
 * upsampler)`, readers/packageCheckpointClass.ts) is the run's model, and these facts are its helper's.
 */
export function isUpsamplerFact(f: Fact): boolean {
  if (f.kind === 'model.id') return f.detail.startsWith(DETAIL_PREFIX);
  if (f.kind === 'model.params')
    return /^(?:RRDBNet|SRVGGNetCompact)(?: with these arguments|: arguments not all)/.test(f.detail);
  if (f.kind === 'training.precision') return /^\w{1,60}\(model=\.\.\., half=/.test(f.detail);
  return false;
}
