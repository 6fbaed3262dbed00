import type { ClassBuild, SourceRange } from '../../facts';
import { countBuiltClass } from '../moduleParams';
import { nodeRange } from './context';
import type { ModuleLookup, ModuleWorld } from './moduleWorld';

/**
 * The network a program builds from a class of another module of its repository (python/readers/
 * importedNetworkClass.ts links the module with the arguments read at the call), counted in the module that defines
 * it with those arguments (moduleParams.ts countBuiltClass): found through the package that re-exports it, its
 * building blocks followed into the modules it imports them from (moduleWorld.ts).
 */
export interface LinkedClassCount {
  /** Counted parameters; null when a part's size is not stated (`why`). */
  readonly params: number | null;
  readonly why: string;
  /** The file defining the class (its path as the lookup gave it), and the class's name there. */
  readonly path: string;
  readonly range: SourceRange;
  readonly hasConvolution: boolean;
  /** It builds token embeddings (its forward cost is not 2 × parameters per sample). */
  readonly usesEmbeddings: boolean;
}

/** Unresolved parts named in how a count was not made. */
const SHOWN_PARTS = 3;

export function countLinkedClass(
  world: ModuleWorld,
  entry: { readonly path: string; readonly text: string },
  build: ClassBuild,
  lookup: ModuleLookup,
): LinkedClassCount | undefined {
  const module = world.module(entry.path, entry.text);
  const found = module && world.findClass(module, build.className, lookup);
  if (!found) return undefined;
  const name = found.cls.childForFieldName('name')?.text ?? build.className;
  const count = countBuiltClass(
    found.module.classes,
    name,
    build.arguments,
    found.module.symbols,
    world.foreignOf(found.module, lookup),
    world.foreignFunctionOf(found.module, lookup),
  );
  if (!count) return undefined;
  const built = build.arguments.text;
  return {
    params: count.unresolved.length > 0 ? null : count.params,
    why:
      count.unresolved.length > 0
        ? `${name}, built as ${built}, builds parts whose size is not stated (${count.unresolved.slice(0, SHOWN_PARTS).join('; ')}): size unknown`
        : `counted from the layers of ${name}, built as ${built}`,
    path: found.module.path,
    range: nodeRange(found.cls.childForFieldName('name') ?? found.cls),
    hasConvolution: count.hasConvolution,
    usesEmbeddings: /\bEmbedding\s*\(/.test(count.node.text),
  };
}
