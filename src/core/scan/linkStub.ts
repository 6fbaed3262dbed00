/**
 * A symbolic link stored as a plain file. Git keeps a symbolic link as a blob whose content is the link's
 * target path; where links are not made (`core.symlinks=false`, Windows checkouts, archives and snapshots of
 * a repository's blobs) the file on disk holds just that path (git-config docs, core.symlinks: "If false,
 * symbolic links are checked out as small plain files that contain the link text"). Recipe collections share
 * one program among many recipe folders this way, so such a file is read as the file it names, where that
 * file is one of the folder's own.
 */

/** A link's text is a short relative path; longer content is a real file. */
const MAX_STUB_BYTES = 512;
/** Links followed from one file (a link to a link …), so a cycle ends. */
export const MAX_STUB_HOPS = 4;
/** A relative POSIX path of plain segments, no spaces, no line break, no absolute root. */
const STUB_PATH = /^(?:\.{1,2}\/){0,16}[\w.+-]{1,100}(?:\/[\w.+-]{1,100}){0,16}$/;

const extensionOf = (p: string) => {
  const slash = p.lastIndexOf('/');
  const dot = p.lastIndexOf('.');
  return dot > slash + 1 ? p.slice(dot).toLowerCase() : '';
};

/**
 * The path (absolute, POSIX) a link stub at `filePath` names, or undefined when the bytes are not a stub: one
 * relative path with a folder part, ending in the file's own extension (a link to `x.py` stored as `y.py`).
 */
export function linkStubTarget(bytes: Uint8Array, filePath: string): string | undefined {
  if (bytes.length === 0 || bytes.length > MAX_STUB_BYTES) return undefined;
  const text = new TextDecoder('utf-8').decode(bytes).replace(/\r?\n$/, '');
  if (!text.includes('/') || !STUB_PATH.test(text)) return undefined;
  const ext = extensionOf(filePath);
  if (ext === '' || extensionOf(text) !== ext) return undefined;
  const parts = filePath.split('/').slice(0, -1);
  for (const segment of text.split('/')) {
    if (segment === '.') continue;
    if (segment === '..') {
      if (parts.length <= 1) return undefined;
      parts.pop();
    } else parts.push(segment);
  }
  const target = parts.join('/');
  return target === filePath ? undefined : target;
}
