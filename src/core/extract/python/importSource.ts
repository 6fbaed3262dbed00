import { fromImports } from './fromImports';

/**
 * Where a name a module uses comes from, read from its imports at column 0: the module a program imports its network
 * class from (readers/importedNetworkClass.ts) and the module a class's building block comes from (moduleWorld.ts).
 */

/** `import models.nets as nets`, `import models`: a whole module bound to a name. */
const WHOLE_MODULE_IMPORT =
  /^import[ \t]+([A-Za-z_]\w{0,100}(?:\.[A-Za-z_]\w{0,100}){0,8})(?:[ \t]+as[ \t]+(\w{1,100}))?[ \t]*$/gm;
/** `from .dla import *` at column 0: a module whose every public name the file takes. */
const STAR_IMPORT = /^from[ \t]+(\.{0,3}[A-Za-z_]\w{0,100}(?:\.[A-Za-z_]\w{0,100}){0,8})[ \t]+import[ \t]+\*/gm;
/** Star imports looked at per module (a package's `__init__.py` gathers a few dozen). */
const MAX_STAR_IMPORTS = 40;
/** `from` import statements looked at per module. */
const MAX_FROM_IMPORTS = 1000;

/**
 * The file a module name points at, relative to the importing file's folder (`.nets` → `nets.py`, `..models.x` →
 * `../models/x.py`) or, for an absolute name, from where the link is resolved (`models.encoder` → `models/encoder.py`;
 * analyze.ts linkCandidates also tries the package's `__init__.py`). (loaderModule.ts's moduleFiles drops the
 * relative dots: a loader's package is named from the repository's root.)
 */
export function moduleFile(module: string): string | undefined {
  const dots = /^\.*/.exec(module)![0].length;
  const rest = module.slice(dots);
  if (!rest) return undefined;
  const up = dots > 1 ? '../'.repeat(dots - 1) : '';
  return `${up}${rest.replace(/\./g, '/')}.py`;
}

/** The modules a file star-imports, in order. */
function starImports(text: string): string[] {
  const out: string[] = [];
  if (!text.includes('*')) return out;
  for (const m of text.matchAll(STAR_IMPORT)) {
    out.push(m[1]);
    if (out.length >= MAX_STAR_IMPORTS) break;
  }
  return out;
}

/**
 * The modules the name `qualified` (`Encoder`, `nets.Encoder`) may come from and its name there: the one a `from`
 * import names (`from models import Encoder as Enc`; `from model import common`, then `common.ResBlock`), a module
 * imported whole (`import lib.nets as nets`), or, for a bare name no import names, every module the file star-imports,
 * in order (`starred`). Undefined when no import can give it.
 */
export function importSource(
  text: string,
  qualified: string,
): { readonly modules: readonly string[]; readonly name: string; readonly starred: boolean } | undefined {
  const dot = qualified.lastIndexOf('.');
  const name = qualified.slice(dot + 1);
  const prefix = dot < 0 ? '' : qualified.slice(0, dot);
  for (const i of fromImports(text, MAX_FROM_IMPORTS)) {
    if (!prefix && i.local === name) return { modules: [i.module], name: i.name, starred: false };
    if (prefix && i.local === prefix)
      return { modules: [`${i.module.replace(/\.$/, '')}.${i.name}`], name, starred: false };
  }
  if (prefix) {
    for (const m of text.matchAll(WHOLE_MODULE_IMPORT))
      if ((m[2] ?? m[1]) === prefix) return { modules: [m[1]], name, starred: false };
    return undefined;
  }
  const stars = starImports(text);
  return stars.length > 0 ? { modules: stars, name, starred: true } : undefined;
}
