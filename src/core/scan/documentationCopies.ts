/**
 * Documentation sites often carry byte-for-byte copies of a repository's notebooks and scripts
 * (`docs/source/tutorial/1.1.ipynb` beside `Tutorials/1.1_Intro.ipynb`), so that the site renders
 * them. The run is the original's; listing the copy too counts one run twice in the report's totals.
 * A file under a documentation folder whose content equals a file outside every documentation
 * folder is left out as that file's copy. Copies elsewhere (two experiment folders holding the same
 * config) stay: each can be launched on its own, and nothing tells which one is the run.
 */

const DOCUMENTATION_FOLDER = /(?:^|\/)(?:docs|doc|docs_src|documentation)\//i;

export function isUnderDocumentationFolder(relativePath: string): boolean {
  return DOCUMENTATION_FOLDER.test(relativePath.replace(/\\/g, '/'));
}

export interface HashedFile {
  /** The path shown to the user, relative to the scanned folder. */
  readonly display: string;
  /** The content hash (undefined when the file could not be read). */
  readonly hash: string | undefined;
}

/**
 * For each file (same order), the display path of the original it copies, or undefined. The
 * original is the first file outside documentation folders with the same content, by path order,
 * so the answer does not depend on the order files finished in.
 */
export function documentationCopiesOf(files: readonly HashedFile[]): Array<string | undefined> {
  const originals = new Map<string, string>();
  for (const f of files) {
    if (f.hash === undefined || isUnderDocumentationFolder(f.display)) continue;
    const held = originals.get(f.hash);
    if (held === undefined || f.display < held) originals.set(f.hash, f.display);
  }
  return files.map((f) =>
    f.hash !== undefined && isUnderDocumentationFolder(f.display) ? originals.get(f.hash) : undefined,
  );
}
