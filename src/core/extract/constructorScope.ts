import type { Node } from 'web-tree-sitter';
import type { GivenArgument, GivenArguments } from './givenArguments';
import { evaluate, ScopedSymbols, type Binding, type SymbolTable } from './pythonValues';

/**
 * The names a class's `__init__` reads when it is built by one call: its parameters bound to the call's arguments
 * (evaluated where the call is) or else to their defaults (evaluated in the module, where Python evaluates them), its
 * locals, and what it stores on `self`. A name whose value is not known statically is bound as unknown, so that it
 * hides a module-level name of the same spelling (`def __init__(self, vocab_size)` built with `Model(len(chars))` does
 * not read a `vocab_size = 65` elsewhere in the file).
 */

interface Parameter {
  readonly name: string;
  readonly default?: Node;
  /** `*args`, `**kwargs`: takes what no other parameter takes. */
  readonly rest: boolean;
  /** `**kwargs`: the keywords no other parameter takes, as a dict. */
  readonly keywordRest?: boolean;
  /** After a bare `*` or `*args`: given only by keyword. */
  readonly keywordOnly: boolean;
}

/** Arguments of one call looked at (a layer is built with a handful). */
const MAX_ARGUMENTS = 64;
/** Assignments of a constructor looked at (a large one makes a few hundred). */
const MAX_ASSIGNMENTS = 2000;
/** Characters of an argument shown in how a value was read. */
const SHOWN = 40;

function shown(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > SHOWN ? `${flat.slice(0, SHOWN - 1)}…` : flat;
}

function parametersOf(fn: Node): Parameter[] {
  const out: Parameter[] = [];
  let keywordOnly = false;
  for (const p of fn.childForFieldName('parameters')?.namedChildren ?? []) {
    if (!p || out.length >= MAX_ARGUMENTS) continue;
    switch (p.type) {
      case 'identifier':
        out.push({ name: p.text, rest: false, keywordOnly });
        break;
      case 'typed_parameter': {
        const inner = p.namedChildren.find((c) => c !== null && c.type !== 'type');
        if (inner?.type === 'identifier') out.push({ name: inner.text, rest: false, keywordOnly });
        else if (inner && (inner.type === 'list_splat_pattern' || inner.type === 'dictionary_splat_pattern')) {
          const name = inner.namedChildren[0]?.text;
          if (name) out.push({ name, rest: true, keywordOnly, keywordRest: inner.type === 'dictionary_splat_pattern' });
          if (inner.type === 'list_splat_pattern') keywordOnly = true;
        }
        break;
      }
      case 'default_parameter':
      case 'typed_default_parameter': {
        const name = p.childForFieldName('name');
        const value = p.childForFieldName('value');
        if (name?.type === 'identifier')
          out.push({ name: name.text, default: value ?? undefined, rest: false, keywordOnly });
        break;
      }
      case 'list_splat_pattern':
      case 'dictionary_splat_pattern': {
        const name = p.namedChildren[0]?.text;
        if (name) out.push({ name, rest: true, keywordOnly, keywordRest: p.type === 'dictionary_splat_pattern' });
        if (p.type === 'list_splat_pattern') keywordOnly = true;
        break;
      }
      case 'keyword_separator':
        keywordOnly = true;
        break;
      default:
        break;
    }
  }
  return out;
}

/** The names of a function's parameters a call fills by place (not `*args`, `**kwargs` or keyword-only ones), in order. */
export function positionalParameterNames(fn: Node, method: boolean): string[] {
  return parametersOf(fn)
    .slice(method ? 1 : 0)
    .filter((p) => !p.rest && !p.keywordOnly)
    .map((p) => p.name);
}

function unknown(node: Node, via: string): Binding {
  return { node, via, unknown: true };
}

/** The assignments a constructor body makes, in order, not those of functions or classes defined in it. */
function assignmentsOf(body: Node): Node[] {
  const out: Node[] = [];
  const stack: Node[] = [body];
  while (stack.length > 0 && out.length < MAX_ASSIGNMENTS) {
    const node = stack.pop()!;
    if (node.type === 'assignment' || node.type === 'augmented_assignment' || node.type === 'for_statement')
      out.push(node);
    if (node.type === 'function_definition' || node.type === 'class_definition' || node.type === 'lambda') continue;
    for (let i = node.namedChildCount - 1; i >= 0; i--) {
      const c = node.namedChild(i);
      if (c) stack.push(c);
    }
  }
  return out;
}

/** Whether the expression names the identifier (`dim = dim or 64` reads the parameter it rebinds). */
function mentions(expression: Node, name: string): boolean {
  return new RegExp(`(?<![\\w.])${name}(?!\\w)`).test(expression.text);
}

/**
 * The constructor's locals and `self.x` attributes: each assigned once, bound to its expression (read in this scope
 * when used); one assigned more than once, by a tuple, a loop or an augmented assignment, or rebinding a parameter
 * under a condition or from itself, unknown.
 */
function bindAssignments(body: Node, locals: Map<string, Binding>, parameters: ReadonlySet<string>): void {
  const seen = new Map<string, { node: Node; right: Node | null; conditional: boolean }[]>();
  const note = (name: string, node: Node, right: Node | null) => {
    const list = seen.get(name) ?? seen.set(name, []).get(name)!;
    list.push({ node, right, conditional: node.parent?.parent !== body && node.parent !== body });
  };
  for (const node of assignmentsOf(body)) {
    if (node.type === 'for_statement') {
      const left = node.childForFieldName('left');
      for (const id of left?.type === 'identifier' ? [left] : (left?.namedChildren ?? []))
        if (id?.type === 'identifier') note(id.text, node, null);
      continue;
    }
    const left = node.childForFieldName('left');
    const right = node.type === 'assignment' ? node.childForFieldName('right') : null;
    if (!left) continue;
    if (left.type === 'identifier' || (left.type === 'attribute' && /^self\.\w+$/.test(left.text)))
      note(left.text, node, right);
    else if (left.type === 'pattern_list' || left.type === 'tuple_pattern')
      for (const id of left.namedChildren) if (id?.type === 'identifier') note(id.text, node, null);
  }
  for (const [name, list] of seen) {
    const only = list.length === 1 ? list[0] : undefined;
    const rebinds = parameters.has(name);
    if (
      !only?.right ||
      only.node.type !== 'assignment' ||
      mentions(only.right, name) ||
      (rebinds && only.conditional)
    ) {
      locals.set(name, unknown(list[0].node, `\`${name}\` assigned more than once in __init__`));
      continue;
    }
    const line = only.node.startPosition.row + 1;
    locals.set(name, { node: only.right, via: `\`${name}\` = ${shown(only.right.text)} (line ${line})` });
  }
}

/** Reads a call's arguments in the caller's scope: the values a class is built with. */
export function argumentsOfCall(call: Node, callerScope: SymbolTable): GivenArguments {
  const positional: GivenArgument[] = [];
  const keywords: Array<[string, GivenArgument]> = [];
  let spreadsPositional = false;
  let spreadsKeywords = false;
  const text = shown(call.text);
  const read = (node: Node, name: string): GivenArgument => {
    const r = evaluate(node, callerScope);
    return r
      ? { value: r.value, via: `${name} = ${shown(node.text)} in ${text}${r.via ? ` (${r.via})` : ''}` }
      : { unknown: `${name} = ${shown(node.text)} cannot be read statically` };
  };
  const args = (call.childForFieldName('arguments')?.namedChildren ?? []).slice(0, MAX_ARGUMENTS);
  for (const a of args) {
    if (!a || a.type === 'comment') continue;
    if (a.type === 'keyword_argument') {
      const key = a.childForFieldName('name')?.text;
      const value = a.childForFieldName('value');
      if (key && value) keywords.push([key, read(value, key)]);
    } else if (a.type === 'list_splat') spreadsPositional = true;
    else if (a.type === 'dictionary_splat') {
      // `basic_block(**kwarg)` with `kwarg` a dict whose entries are known (a helper's `**kwarg` filled by its call,
      // a literal dict): its entries are the keywords. Anything else may give any parameter.
      const spread = a.namedChildren[0];
      const r = spread ? evaluate(spread, callerScope) : undefined;
      const dict =
        r && typeof r.value === 'object' && r.value !== null && !Array.isArray(r.value) ? r.value : undefined;
      if (!dict || Object.keys(dict).length > MAX_ARGUMENTS) spreadsKeywords = true;
      else
        for (const [key, value] of Object.entries(dict))
          keywords.push([
            key,
            { value, via: `${key} from **${shown(spread!.text)} in ${text}${r!.via ? ` (${r!.via})` : ''}` },
          ]);
    } else if (!spreadsPositional) positional.push(read(a, `argument ${positional.length + 1}`));
  }
  return { positional, keywords, spreadsPositional, spreadsKeywords, text };
}

/**
 * The scope a constructor's body reads when the class is built with `given` arguments (argumentsOfCall, or carried
 * from another file), or with its defaults when no build is known. `moduleSymbols` is the table of the class's own
 * file, which the body sees for every name it does not bind itself.
 */
export function constructorScope(
  init: Node,
  given: GivenArguments | undefined,
  moduleSymbols: SymbolTable,
  /** A method's first parameter (`self`) is not given by the call; a plain function's is. */
  method = true,
): { readonly symbols: SymbolTable; readonly key: string } {
  const locals = new Map<string, Binding>();
  const parameters = parametersOf(init).slice(method ? 1 : 0);
  const keywords = new Map(given?.keywords ?? []);
  const positional = given?.positional ?? [];
  let place = 0;
  for (const p of parameters) {
    const holder = p.default?.parent ?? init;
    if (p.keywordRest && given && !given.spreadsKeywords) {
      // `**kwarg`: the call's keywords no other parameter names (`make_layer(Block, 4, num_feat=64)` gives
      // `kwarg = {num_feat: 64}`), to be handed on (`basic_block(**kwarg)`). One not read leaves the dict unknown.
      const named = new Set(parameters.filter((q) => !q.rest).map((q) => q.name));
      const rest = (given.keywords ?? []).filter(([key]) => !named.has(key));
      const notRead = rest.find(([, a]) => 'unknown' in a);
      locals.set(
        p.name,
        notRead
          ? unknown(holder, `**${p.name} holds ${notRead[0]}, whose value is not read`)
          : {
              node: holder,
              value: Object.fromEntries(rest.map(([key, a]) => [key, 'value' in a ? a.value : null])),
              via: `**${p.name} = the keywords ${given.text} gives beyond the named parameters`,
            },
      );
      continue;
    }
    if (p.rest) {
      locals.set(p.name, unknown(holder, `*${p.name} takes what the call spreads`));
      continue;
    }
    const argument = keywords.get(p.name) ?? (!p.keywordOnly ? positional[place] : undefined);
    if (!p.keywordOnly) place++;
    if (argument) {
      // A positional argument is named by the parameter it fills.
      const via = ('unknown' in argument ? argument.unknown : argument.via).replace(/^argument \d+ = /, `${p.name} = `);
      locals.set(p.name, 'unknown' in argument ? unknown(holder, via) : { node: holder, value: argument.value, via });
      continue;
    }
    // `Model(*args)`, `Model(**cfg)`: any parameter not written out may be filled by the spread.
    if (given && ((given.spreadsPositional && !p.keywordOnly) || given.spreadsKeywords)) {
      locals.set(p.name, unknown(holder, `${p.name} may be given by the spread arguments of ${given.text}`));
      continue;
    }
    const r = p.default ? evaluate(p.default, moduleSymbols) : undefined;
    locals.set(
      p.name,
      r
        ? { node: r.origin, value: r.value, via: `default of ${p.name}${r.via ? ` (${r.via})` : ''}` }
        : unknown(holder, `${p.name} has no default${given ? ` and ${given.text} does not give it` : ''}`),
    );
  }
  const body = init.childForFieldName('body');
  if (body) bindAssignments(body, locals, new Set(parameters.map((p) => p.name)));
  // What the body's count depends on beyond the module: the parameters' values (unknown ones alike).
  const key = JSON.stringify(
    parameters.map((p) => locals.get(p.name)?.value ?? (locals.get(p.name)?.unknown ? '?' : null)),
  );
  return { symbols: new ScopedSymbols(moduleSymbols, locals), key };
}
