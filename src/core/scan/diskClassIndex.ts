import { ClassIndex, linkedClassName, MAX_INDEXED_FILES } from './classIndex';
import { listFolder, readRegularText, SKIPPED_FOLDERS } from './safeFiles';
import { MAX_FILE_BYTES } from '../analyze';

/**
 * The class index of a folder on disk, for the readers that resolve one file's links outside a folder scan (the
 * editor's, `green-ai estimate`'s): the same index the folder scan builds from its listing (classIndex.ts), over the
 * Python files under the folder (links out of it are not followed, as listFolder lists them). Built on the first
 * `class:` link of a folder and kept a short while, so the editor does not walk the folder on every keystroke but a
 * module added since is found soon after.
 */

/** How long a folder's index is kept. */
const KEEP_MS = 30_000;
/** Folders whose index is kept at once (a multi-root workspace). */
const MAX_FOLDERS = 4;

const kept = new Map<string, { readonly index: ClassIndex; readonly at: number }>();

function indexOf(root: string, now: number): ClassIndex {
  const held = kept.get(root);
  if (held && now - held.at < KEEP_MS) return held.index;
  const index = new ClassIndex();
  const { files } = listFolder(root, {
    skipDirs: SKIPPED_FOLDERS,
    accept: (name) => name.endsWith('.py'),
    maxFiles: MAX_INDEXED_FILES,
  });
  for (const f of files) {
    try {
      index.add(f.path, readRegularText(f.path, { root, maxBytes: MAX_FILE_BYTES }).text);
    } catch {
      // unreadable, too large or outside the folder: its classes are not found
    }
  }
  kept.delete(root);
  kept.set(root, { index, at: now });
  while (kept.size > MAX_FOLDERS) kept.delete(kept.keys().next().value as string);
  return index;
}

/**
 * The files a link may be read from when it names a class (`class:RCAN`): the one module under `root` that defines it
 * (none when no module or several do). Undefined when the reference names a file (analyze.ts linkCandidates finds those).
 */
export function classLinkCandidates(reference: string, root: string, now = Date.now()): string[] | undefined {
  const name = linkedClassName(reference);
  if (name === undefined) return undefined;
  let file: string | undefined;
  try {
    file = indexOf(root, now).moduleOf(name);
  } catch {
    return []; // a folder that cannot be listed holds no class we can read
  }
  return file === undefined ? [] : [file];
}
