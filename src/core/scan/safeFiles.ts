import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Reading and writing a repository's files when the repository is untrusted (node fs: the CLI,
 * and the extension for files on disk). Only regular files are read: a FIFO, a device or a socket
 * committed under a training-script name would block `readFileSync` forever or stream without end
 * (`/dev/zero`), so everything is stat'ed first and opened non-blocking. Symbolic links are
 * resolved and must stay inside the folder being scanned, for reading and for writing, and a
 * file is never written through a link.
 */

/** Why a file was not read, for people ("a FIFO", "a symbolic link to a file outside the folder"). */
export class UnsafeFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly kind: 'missing' | 'not-regular' | 'outside' | 'too-large' | 'unreadable' | 'link',
  ) {
    super(`${file}: ${reason}`);
  }
}

/** What a non-regular file is, in words. */
export function fileTypeName(stat: fs.Stats): string {
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  if (stat.isDirectory()) return 'a folder';
  if (stat.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

/** Is `child` (an absolute, resolved path) the folder `root` itself or inside it? */
export function isInside(root: string, child: string): boolean {
  const rel = path.relative(root, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The folder's real path (symbolic links resolved), the reference every containment check uses. */
export function realFolder(dir: string): string {
  return fs.realpathSync.native(path.resolve(dir));
}

export interface SafeReadOptions {
  /** Real path of the folder the file must resolve into; undefined = the user named this file (any place). */
  readonly root?: string;
  readonly maxBytes: number;
}

export interface SafeRead {
  /** The file's real path (links resolved). */
  readonly real: string;
  readonly bytes: Buffer;
}

/**
 * Reads a regular file, refusing anything else with an UnsafeFileError that says why. The file is
 * opened with O_NONBLOCK and checked again through its descriptor, so a file swapped for a FIFO
 * between the check and the read still cannot block.
 */
export function readRegularFile(file: string, options: SafeReadOptions): SafeRead {
  const display = file;
  let real: string;
  try {
    real = fs.realpathSync.native(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      // A dangling link is reported as one, not as a missing file.
      const isLink = (() => {
        try {
          return fs.lstatSync(file).isSymbolicLink();
        } catch {
          return false;
        }
      })();
      throw new UnsafeFileError(
        display,
        isLink ? 'a symbolic link to a file that does not exist' : 'no such file',
        isLink ? 'link' : 'missing',
      );
    }
    if (code === 'ELOOP') throw new UnsafeFileError(display, 'a loop of symbolic links', 'link');
    throw new UnsafeFileError(display, `cannot be read (${code ?? (e as Error).message})`, 'unreadable');
  }
  if (options.root !== undefined && !isInside(options.root, real)) {
    throw new UnsafeFileError(display, 'a symbolic link to a file outside the folder: not read', 'outside');
  }
  const stat = fs.statSync(real);
  if (!stat.isFile())
    throw new UnsafeFileError(display, `${fileTypeName(stat)}, not a regular file: not read`, 'not-regular');
  if (stat.size > options.maxBytes)
    throw new UnsafeFileError(display, tooLarge(stat.size, options.maxBytes), 'too-large');
  let fd: number;
  try {
    fd = fs.openSync(real, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOFOLLOW ?? 0));
  } catch (e) {
    throw new UnsafeFileError(
      display,
      `cannot be opened (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
      'unreadable',
    );
  }
  try {
    const opened = fs.fstatSync(fd);
    if (!opened.isFile() || opened.ino !== stat.ino || opened.dev !== stat.dev)
      throw new UnsafeFileError(display, 'changed while it was being read: not read', 'unreadable');
    // Read at most one byte past the limit: a file that grows while it is read cannot make this unbounded.
    const buffer = Buffer.allocUnsafe(Math.min(opened.size, options.maxBytes) + 1);
    let length = 0;
    for (;;) {
      const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (n <= 0) break;
      length += n;
      if (length >= buffer.length) break;
    }
    if (length > options.maxBytes) throw new UnsafeFileError(display, tooLarge(length, options.maxBytes), 'too-large');
    return { real, bytes: buffer.subarray(0, length) };
  } finally {
    fs.closeSync(fd);
  }
}

/** The same, decoded as UTF-8 text. */
export function readRegularText(file: string, options: SafeReadOptions): { real: string; text: string } {
  const { real, bytes } = readRegularFile(file, options);
  return { real, text: bytes.toString('utf8') };
}

function tooLarge(size: number, max: number): string {
  return `${(size / 1048576).toFixed(1)} MB, over the ${(max / 1048576).toFixed(max < 1048576 ? 2 : 0)} MB limit`;
}

/**
 * Writes `text` to `file` inside `root` without following a link: a `.greenai.json` committed as a
 * symbolic link to a file elsewhere is refused, not written through. The text goes to a new file
 * next to it (created exclusively) that then replaces the old one, so a link put in place meanwhile
 * is replaced too, never followed.
 */
export function writeFileInside(root: string, file: string, text: string): void {
  const dir = path.dirname(path.resolve(file));
  let realDir: string;
  try {
    realDir = fs.realpathSync.native(dir);
  } catch (e) {
    throw new UnsafeFileError(
      file,
      `its folder cannot be opened (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
      'unreadable',
    );
  }
  if (!isInside(root, realDir))
    throw new UnsafeFileError(file, 'its folder is outside the folder being written to: not written', 'outside');
  const target = path.join(realDir, path.basename(file));
  let mode = 0o644;
  try {
    const stat = fs.lstatSync(target);
    if (stat.isSymbolicLink())
      throw new UnsafeFileError(
        file,
        'is a symbolic link: not written through it (replace it with a regular file)',
        'link',
      );
    if (!stat.isFile()) throw new UnsafeFileError(file, `is ${fileTypeName(stat)}: not written`, 'not-regular');
    mode = stat.mode & 0o777;
  } catch (e) {
    if (e instanceof UnsafeFileError) throw e;
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new UnsafeFileError(file, `cannot be checked (${(e as NodeJS.ErrnoException).code})`, 'unreadable');
  }
  const temp = path.join(realDir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  const fd = fs.openSync(
    temp,
    fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | (fs.constants.O_NOFOLLOW ?? 0),
    mode,
  );
  try {
    fs.writeSync(fd, text);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.renameSync(temp, target);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw e;
  }
}

/** Folders a folder scan never enters (version control, dependencies, environments, caches): the CLI's report and the benches. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set([
  '.git',
  'node_modules',
  '.venv',
  'venv',
  '__pycache__',
  '.tox',
  'site-packages',
  '.mypy_cache',
  '.pytest_cache',
  '.ipynb_checkpoints',
  '.vscode-test',
]);

export interface ListedFile {
  /** The path as found under the folder (not the link target), so what is shown is where it is. */
  readonly path: string;
  /** Relative to the folder. */
  readonly display: string;
}

export interface FolderListing {
  readonly files: ListedFile[];
  /** Candidates that are not read, with why: FIFOs, devices, links out of the folder. */
  readonly skipped: Array<{ readonly path: string; readonly display: string; readonly reason: string }>;
}

export interface ListOptions {
  /** Files worth reading, by name (and path relative to the folder, for files kept in a folder of a kind). */
  readonly accept: (name: string, display: string) => boolean;
  /** Folder names never entered (.git, node_modules, virtualenvs). */
  readonly skipDirs: ReadonlySet<string>;
  readonly maxDepth?: number;
  readonly maxFiles?: number;
}

const DEFAULT_MAX_DEPTH = 64;
const DEFAULT_MAX_FILES = 200_000;

/**
 * Every accepted regular file under `dir`, sorted by name per folder. Links are followed only when
 * they resolve inside the folder (each real folder entered once, so link loops end); accepted names
 * that are FIFOs, devices, sockets or links to the outside are listed as skipped with the reason.
 */
export function listFolder(dir: string, options: ListOptions): FolderListing {
  const root = realFolder(dir);
  const files: ListedFile[] = [];
  const skipped: FolderListing['skipped'] = [];
  const entered = new Set<string>();
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const maxFiles = options.maxFiles ?? DEFAULT_MAX_FILES;
  const walk = (folder: string, real: string, depth: number): void => {
    if (entered.has(real) || depth > maxDepth || files.length >= maxFiles) return;
    entered.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch {
      return; // an unreadable folder holds nothing we can read
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const full = path.join(folder, e.name);
      const display = path.relative(dir, full);
      if (e.isDirectory()) {
        if (!options.skipDirs.has(e.name)) walk(full, path.join(real, e.name), depth + 1);
        continue;
      }
      if (e.isFile()) {
        if (options.accept(e.name, display) && files.length < maxFiles) files.push({ path: full, display });
        continue;
      }
      if (e.isSymbolicLink()) {
        let target: string;
        let stat: fs.Stats;
        try {
          target = fs.realpathSync.native(full);
          stat = fs.statSync(target);
        } catch {
          if (options.accept(e.name, display))
            skipped.push({ path: full, display, reason: 'a symbolic link to nothing (dangling or a loop): not read' });
          continue;
        }
        if (stat.isDirectory()) {
          if (!options.skipDirs.has(e.name) && isInside(root, target)) walk(full, target, depth + 1);
          continue;
        }
        if (!options.accept(e.name, display)) continue;
        if (!isInside(root, target))
          skipped.push({ path: full, display, reason: 'a symbolic link to a file outside the folder: not read' });
        else if (!stat.isFile())
          skipped.push({ path: full, display, reason: `a symbolic link to ${fileTypeName(stat)}: not read` });
        else if (files.length < maxFiles) files.push({ path: full, display });
        continue;
      }
      // FIFOs, sockets, devices: reading one blocks or never ends.
      if (options.accept(e.name, display)) {
        const what = e.isFIFO()
          ? 'a FIFO (named pipe)'
          : e.isSocket()
            ? 'a socket'
            : e.isCharacterDevice()
              ? 'a character device'
              : e.isBlockDevice()
                ? 'a block device'
                : 'not a regular file';
        skipped.push({ path: full, display, reason: `${what}, not a regular file: not read` });
      }
    }
  };
  walk(dir, root, 0);
  return { files, skipped };
}
