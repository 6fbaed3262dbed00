import type { Node, Tree } from 'web-tree-sitter';
import type { ForeignClass, ForeignFunction } from '../moduleParams';
import { moduleClassesOf } from '../moduleParams';
import type { SymbolTable } from '../pythonValues';
import { indexModule } from './index';
import { importSource, moduleFile } from './importSource';

/**
 * The modules of a repository a network's classes are spread over (`from .arch_util import ResidualBlockNoBN`,
 * `from model import common` then `common.ResBlock(...)`), parsed once each while one network is counted. A class
 * used by name is found where the module using it imports it from: a module it names, a package's `__init__.py`
 * re-exporting it, or one of the modules it star-imports. Files come from the caller (the folder scan's fetched links,
 * the editor's reader): never from outside the opened folder, and at most MAX_MODULES of them.
 */

export interface ParsedModule {
  readonly path: string;
  readonly text: string;
  readonly symbols: SymbolTable;
  readonly classes: ReadonlyMap<string, Node>;
  /** Its top-level functions by name (`make_layer`, `conv3x3`): helpers a network of another module calls. */
  readonly functions: ReadonlyMap<string, Node>;
  /** Names of the classes and top-level functions the module defines: a name defined here is not looked for elsewhere. */
  readonly defined: ReadonlySet<string>;
}

/** A file of the repository by the reference a module makes to it, relative to that module's path. */
export type ModuleLookup = (fromPath: string, reference: string) => { path: string; text: string } | undefined;

/** Modules parsed for one world (a package star-importing a few dozen modules is searched in order). */
const MAX_MODULES = 48;
/** Re-exports followed from the module using a name to the one defining it. */
const MAX_HOPS = 3;
/** Characters of a module parsed (a generated or vendored file of megabytes holds no hand-written network). */
const MAX_MODULE_CHARS = 1_000_000;

/** `def conv3x3(` at column 0. */
const TOP_LEVEL_DEF = /^(?:async[ \t]+)?def[ \t]+(\w{1,100})[ \t]*\(/gm;
/** Names a module defines that are remembered. */
const MAX_DEFINED = 5000;

export class ModuleWorld {
  private readonly modules = new Map<string, ParsedModule | null>();
  private readonly trees: Tree[] = [];
  private opened = 0;

  constructor(private readonly parse: (text: string) => Tree | null) {}

  /** The module at `path`, parsed on first use. */
  module(path: string, text: string): ParsedModule | undefined {
    const known = this.modules.get(path);
    if (known !== undefined) return known ?? undefined;
    if (++this.opened > MAX_MODULES || text.length > MAX_MODULE_CHARS || text.includes('\u0000')) {
      this.modules.set(path, null);
      return undefined;
    }
    const tree = this.parse(text);
    if (!tree) {
      this.modules.set(path, null);
      return undefined;
    }
    this.trees.push(tree);
    const { index, symbols } = indexModule(tree, text);
    const defined = new Set<string>();
    for (const c of index.classes) {
      const name = c.childForFieldName('name')?.text;
      if (name) defined.add(name);
    }
    // Its own functions too (`conv3x3`, a helper the counter reads in place): no need to look elsewhere for them.
    for (const m of text.matchAll(TOP_LEVEL_DEF)) {
      if (defined.size >= MAX_DEFINED) break;
      defined.add(m[1]);
    }
    const functions = new Map<string, Node>();
    for (const statement of tree.rootNode.namedChildren) {
      if (functions.size >= MAX_DEFINED) break;
      const fn = statement?.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
      const name = fn?.type === 'function_definition' ? fn.childForFieldName('name')?.text : undefined;
      if (fn && name) functions.set(name, fn);
    }
    const parsed: ParsedModule = {
      path,
      text,
      symbols,
      classes: moduleClassesOf(index.classes),
      functions,
      defined,
    };
    this.modules.set(path, parsed);
    return parsed;
  }

  /**
   * The module class `qualified` names where `from` uses it (`ResBlock`, `common.ResBlock`): in `from` itself, or
   * followed through its imports. Undefined when it is not a module class of a file the lookup gives.
   */
  findClass(from: ParsedModule, qualified: string, lookup: ModuleLookup): ForeignFound | undefined {
    return this.find(from, qualified, lookup, 'classes');
  }

  /** The top-level function `qualified` names where `from` uses it (`make_layer` imported from `arch_util`), the same way. */
  findFunction(from: ParsedModule, qualified: string, lookup: ModuleLookup): ForeignFound | undefined {
    return this.find(from, qualified, lookup, 'functions');
  }

  private find(
    from: ParsedModule,
    qualified: string,
    lookup: ModuleLookup,
    kind: 'classes' | 'functions',
    hops = 0,
  ): ForeignFound | undefined {
    const dot = qualified.lastIndexOf('.');
    const name = qualified.slice(dot + 1);
    const prefix = dot < 0 ? '' : qualified.slice(0, dot);
    if (!prefix) {
      const own = from[kind].get(name);
      if (own) return { cls: own, module: from };
      if (from.defined.has(name)) return undefined;
    }
    if (hops >= MAX_HOPS) return undefined;
    const source = importSource(from.text, qualified);
    if (!source) return undefined;
    for (const module of source.modules) {
      const file = moduleFile(module);
      const target = file ? lookup(from.path, file) : undefined;
      const m = target && this.module(target.path, target.text);
      const found = m && this.find(m, source.name, lookup, kind, hops + 1);
      if (found) return found;
    }
    return undefined;
  }

  /** What the module counter asks for a class a module uses but does not define (moduleParams.ts Context.foreign). */
  foreignOf(from: ParsedModule, lookup: ModuleLookup): (qualified: string) => ForeignClass | undefined {
    return (qualified) => {
      const found = this.findClass(from, qualified, lookup);
      return found && { cls: found.cls, ...this.partsOf(found.module, lookup) };
    };
  }

  /** What the module counter asks for a helper function a module imports (moduleParams.ts Context.foreignFunction). */
  foreignFunctionOf(from: ParsedModule, lookup: ModuleLookup): (qualified: string) => ForeignFunction | undefined {
    return (qualified) => {
      const found = this.findFunction(from, qualified, lookup);
      return found && { fn: found.cls, ...this.partsOf(found.module, lookup) };
    };
  }

  private partsOf(module: ParsedModule, lookup: ModuleLookup) {
    return {
      classes: module.classes,
      symbols: module.symbols,
      foreign: this.foreignOf(module, lookup),
      foreignFunction: this.foreignFunctionOf(module, lookup),
    };
  }

  /** Frees the syntax trees (WebAssembly memory the garbage collector does not see). */
  dispose(): void {
    for (const t of this.trees) t.delete();
    this.trees.length = 0;
    this.modules.clear();
  }
}

export interface ForeignFound {
  /** The class's definition, or the function's. */
  readonly cls: Node;
  readonly module: ParsedModule;
}
