import type { Fact, FactKind, FactValue } from '../../facts';
import { ginValue, type GinValue } from './ginStatements';

/**
 * The bindings of a gin run once its includes are read: the statements of every gin file the run links (ginFacts.ts)
 * are replayed in gin's order, an include standing where it is written and a later binding replacing an earlier one
 * (gin-config's `parse_config`: the last binding of a parameter wins). Shared by the readers of what the bindings
 * define (ginRun.ts: t5x model and run gins; ginGeneralRun.ts: any other gin program's run).
 */

const MAX_INCLUDE_DEPTH = 12;
export const MAX_MACRO_DEPTH = 8;
const MAX_BINDINGS = 50_000;

export interface Binding {
  readonly fact: Fact;
  readonly raw: string;
  /** Its place in gin's replay order (a later binding has a larger one). */
  readonly seq: number;
}

/** `scope/module.Fn.param` → `scope/Fn.param` (gin matches a configurable by its name, the module only disambiguates). */
export function keyOf(name: string): string {
  const slash = name.lastIndexOf('/');
  const scope = slash >= 0 ? name.slice(0, slash + 1) : '';
  const path = name.slice(slash + 1).split('.');
  if (path.length < 2) return name;
  return `${scope}${path[path.length - 2]}.${path[path.length - 1]}`;
}

function fileOf(f: Fact): string {
  return f.file ?? '';
}

function sameFile(reference: string, key: string): boolean {
  const ref = reference.replace(/^\.\//, '').replace(/\\/g, '/');
  const k = key.replace(/\\/g, '/');
  return k === ref || k.endsWith(`/${ref}`);
}

export interface Composed {
  readonly bindings: Map<string, Binding>;
  /** Every binding name a function of `__main__` is bound under (`train_script.train` → `train`). */
  readonly mainFunctions: Map<string, Fact>;
  readonly missingIncludes: string[];
}

export function compose(facts: readonly Fact[]): Composed | undefined {
  const byFile = new Map<string, Fact[]>();
  for (const f of facts) {
    if (f.kind !== 'gin.binding' && f.kind !== 'gin.include' && f.kind !== 'gin.import') continue;
    const k = fileOf(f);
    let list = byFile.get(k);
    if (!list) byFile.set(k, (list = []));
    list.push(f);
  }
  const own = byFile.get('');
  if (!own) return undefined;
  const mainAliases = new Set<string>();
  for (const list of byFile.values())
    for (const f of list) if (f.kind === 'gin.import' && f.detail === '__main__') mainAliases.add(String(f.value));
  const bindings = new Map<string, Binding>();
  const mainFunctions = new Map<string, Fact>();
  const missingIncludes: string[] = [];
  let count = 0;
  const replay = (file: string, depth: number, open: Set<string>): void => {
    const list = byFile.get(file) ?? [];
    for (const f of list) {
      if (count >= MAX_BINDINGS) return;
      if (f.kind === 'gin.include') {
        const reference = String(f.value);
        const target = [...byFile.keys()].find((k) => k !== '' && sameFile(reference, k));
        if (target === undefined) {
          missingIncludes.push(reference);
          continue;
        }
        if (depth >= MAX_INCLUDE_DEPTH || open.has(target)) continue;
        open.add(target);
        replay(target, depth + 1, open);
        open.delete(target);
      } else if (f.kind === 'gin.binding') {
        count++;
        const name = String(f.value);
        const key = keyOf(name);
        bindings.set(key, { fact: f, raw: f.detail, seq: count });
        const path = name.slice(name.lastIndexOf('/') + 1).split('.');
        if (path.length >= 3 && mainAliases.has(path[0])) mainFunctions.set(path[1], f);
      }
    }
  };
  replay('', 0, new Set(['']));
  return { bindings, mainFunctions, missingIncludes };
}

export interface Resolved {
  readonly value: GinValue;
  /** The binding that wrote the literal (through macros). */
  readonly at: Binding;
}

export function resolveBinding(bindings: Map<string, Binding>, start: Binding | undefined): Resolved | undefined {
  let at = start;
  for (let depth = 0; at && depth <= MAX_MACRO_DEPTH; depth++) {
    const value = ginValue(at.raw);
    if (value.type !== 'macro') return { value, at };
    at = bindings.get(value.name);
  }
  return undefined;
}

export function numberOf(r: Resolved | undefined): number | undefined {
  return r?.value.type === 'number' && r.value.value > 0 ? r.value.value : undefined;
}

export function stringOf(r: Resolved | undefined): string | undefined {
  return r?.value.type === 'string' ? r.value.value : undefined;
}

/** Adds a run fact placed at the binding that states it, or at the file's first gin statement when none does. */
export type GinFactAdder = (
  kind: FactKind,
  value: FactValue,
  at: Binding | undefined,
  detail: string,
  confidence?: Fact['confidence'],
) => void;

/** A GinFactAdder writing into `out` (a binding from an included file keeps that file on the fact). */
export function ginFactAdder(out: Fact[], firstOwn: Fact): GinFactAdder {
  return (kind, value, at, detail, confidence = 'high') => {
    const source = at?.fact ?? firstOwn;
    out.push({
      kind,
      value,
      range: source.range,
      confidence,
      detail,
      ...(source.file ? { file: source.file } : {}),
    });
  };
}
