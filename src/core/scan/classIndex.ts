/**
 * Which module of a repository defines a class, for a link that names a class rather than a file: a config that
 * names its network by its registered class (BasicSR's `network_g: {type: RCAN, num_feat: 64, …}`, built by the
 * registry that every `*_arch.py` module fills on import) is counted in the module that defines it, with the
 * config's keywords (analyze.ts countedClassFacts). A registry's modules are imported by scanning a folder at run
 * time, so no import the code writes leads to the class: only the folder's files can.
 *
 * The index is built from the Python files of the opened folder that the folder scan lists (nothing outside it), on
 * the first such link only, and bounded in files and names. A class defined in more than one module is ambiguous and
 * links nothing.
 */

/** The reference form of such a link (`class:RCAN`): never a file name a program writes. */
const CLASS_LINK = /^class:([A-Za-z_]\w{0,100})$/;

export function classLink(name: string): string {
  return `class:${name}`;
}

/** The class a `class:Name` reference names, or undefined for a reference to a file. */
export function linkedClassName(reference: string): string | undefined {
  return CLASS_LINK.exec(reference)?.[1];
}

/** A class statement at column 0 (a module's own class; nested and indented definitions are not the network). */
const CLASS_STATEMENT = /^class[ \t]+([A-Za-z_]\w{0,100})[ \t]*[(:]/gm;

/** Files indexed at most (a folder of a hundred thousand modules is indexed in part: a class may then not be found). */
export const MAX_INDEXED_FILES = 20_000;
/** Class names remembered at most, over the whole index. */
const MAX_NAMES = 200_000;

export class ClassIndex {
  private readonly modules = new Map<string, string[]>();
  private names = 0;

  /** Adds the classes one module defines at column 0. */
  add(path: string, text: string): void {
    if (!text.includes('class')) return;
    for (const m of text.matchAll(CLASS_STATEMENT)) {
      if (this.names >= MAX_NAMES) return;
      const list = this.modules.get(m[1]);
      if (!list) {
        this.modules.set(m[1], [path]);
        this.names++;
      } else if (!list.includes(path) && list.length < 2) list.push(path);
    }
  }

  /** The one module that defines the class; undefined when none or several do. */
  moduleOf(name: string): string | undefined {
    const list = this.modules.get(name);
    return list?.length === 1 ? list[0] : undefined;
  }
}
