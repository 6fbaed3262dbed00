import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The files of a folder as a git revision, the index or the working tree has
 * them, for `green-ai diff --git`. Only git's plumbing reads the repository
 * (argument arrays, no shell, nothing of the project run, nothing written):
 * blobs are read into memory, so there is no checkout to clean up.
 */

export class GitError extends Error {}

/** One file of a tree: its path relative to the compared folder (POSIX separators). */
export interface TreeFile {
  readonly path: string;
  readonly size: number;
  read(): Uint8Array;
}

/** Git's plumbing stays read-only and runs no configured program (fsmonitor hooks), whatever the repository's config says. */
const SAFE_CONFIG = ['-c', 'core.fsmonitor=false', '-c', 'core.quotepath=off'];
const BATCH_OVERHEAD_BYTES = 128;

function git(cwd: string, args: readonly string[], options: { input?: string; maxBuffer?: number } = {}): Buffer {
  try {
    return execFileSync('git', [...SAFE_CONFIG, ...args], {
      cwd,
      input: options.input,
      maxBuffer: options.maxBuffer ?? 64 * 1024 * 1024,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
      windowsHide: true,
    });
  } catch (e) {
    const err = e as { code?: string; stderr?: Buffer; message: string };
    if (err.code === 'ENOENT') throw new GitError('git is not installed (or not on PATH)');
    const detail = err.stderr?.toString('utf8').trim().split('\n')[0];
    throw new GitError(detail || err.message);
  }
}

function nulSeparated(out: Buffer): string[] {
  return out
    .toString('utf8')
    .split('\0')
    .filter((s) => s.length > 0);
}

/** Git paths never hold `..` or absolute parts; a crafted tree that does is not followed. */
function safeRelative(p: string): boolean {
  return (
    p.length > 0 && !p.startsWith('/') && !p.split('/').some((part) => part === '..' || part === '.' || part === '')
  );
}

export class GitFolder {
  private constructor(
    readonly dir: string,
    readonly root: string,
    readonly prefix: string,
  ) {}

  /** The git working tree `dir` is in; a GitError when it is not in one. */
  static open(dir: string): GitFolder {
    const stat = fs.statSync(dir, { throwIfNoEntry: false });
    if (!stat?.isDirectory()) throw new GitError(`no such folder: ${dir}`);
    let out: string[];
    try {
      out = git(dir, ['rev-parse', '--show-toplevel', '--show-prefix']).toString('utf8').split('\n');
    } catch {
      throw new GitError(`${dir} is not inside a git working tree`);
    }
    return new GitFolder(path.resolve(dir), out[0], out[1] ?? '');
  }

  /**
   * The commit a ref names, as a full hash; null for HEAD in a repository with no commit yet
   * (a first commit compares against nothing).
   */
  resolveCommit(ref: string): string | null {
    if (ref.startsWith('-')) throw new GitError(`"${ref}" is not a git revision (it looks like an option)`);
    try {
      const sha = git(this.dir, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])
        .toString('utf8')
        .trim();
      if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(sha))
        throw new GitError(`unexpected answer from git rev-parse: ${sha.slice(0, 80)}`);
      return sha;
    } catch (e) {
      if (ref === 'HEAD' && this.unbornHead()) return null;
      throw new GitError(
        `"${ref}" does not name a commit in this repository${e instanceof GitError && e.message ? ` (${e.message})` : ''}`,
      );
    }
  }

  private unbornHead(): boolean {
    try {
      git(this.dir, ['symbolic-ref', '--quiet', 'HEAD']);
    } catch {
      return false;
    }
    try {
      git(this.dir, ['rev-parse', '--verify', '--quiet', 'HEAD']);
      return false;
    } catch {
      return true;
    }
  }

  /** The files under the folder in a commit, those `include` keeps and at most maxBytes(path) each (larger ones are listed as skipped). */
  commitFiles(
    sha: string,
    include: (p: string) => boolean,
    maxBytes: (path: string) => number,
  ): { files: TreeFile[]; skipped: string[] } {
    // ls-tree run inside the folder lists only what is under it, relative to it.
    const entries = nulSeparated(git(this.dir, ['ls-tree', '-r', '-l', '-z', '--end-of-options', sha]));
    const wanted: Array<{ path: string; oid: string; size: number }> = [];
    const skipped: string[] = [];
    for (const entry of entries) {
      const m = /^(\d{6}) (\w+) ([0-9a-f]+) +(\d+|-)\t(.+)$/s.exec(entry);
      if (!m || m[2] !== 'blob' || (m[1] !== '100644' && m[1] !== '100755')) continue;
      const [, , , oid, size, p] = m;
      if (!safeRelative(p) || !include(p)) continue;
      if (Number(size) > maxBytes(p)) skipped.push(p);
      else wanted.push({ path: p, oid, size: Number(size) });
    }
    return { files: this.readBlobs(wanted), skipped };
  }

  /** The files under the folder as staged in the index (what the next commit would hold). */
  stagedFiles(
    include: (p: string) => boolean,
    maxBytes: (path: string) => number,
  ): { files: TreeFile[]; skipped: string[] } {
    const entries = nulSeparated(git(this.dir, ['ls-files', '--stage', '-z']));
    const staged: Array<{ path: string; oid: string }> = [];
    for (const entry of entries) {
      const m = /^(\d{6}) ([0-9a-f]+) (\d)\t(.+)$/s.exec(entry);
      // Stage 0 only: a file with merge conflicts has no single staged content.
      if (!m || m[3] !== '0' || (m[1] !== '100644' && m[1] !== '100755')) continue;
      if (safeRelative(m[4]) && include(m[4])) staged.push({ path: m[4], oid: m[2] });
    }
    const sizes =
      staged.length > 0
        ? git(this.dir, ['cat-file', '--batch-check=%(objectsize)'], {
            input: staged.map((s) => s.oid).join('\n') + '\n',
          })
            .toString('utf8')
            .trim()
            .split('\n')
        : [];
    const wanted: Array<{ path: string; oid: string; size: number }> = [];
    const skipped: string[] = [];
    staged.forEach((s, i) => {
      const size = Number(sizes[i]);
      if (!Number.isFinite(size)) return;
      if (size > maxBytes(s.path)) skipped.push(s.path);
      else wanted.push({ ...s, size });
    });
    return { files: this.readBlobs(wanted), skipped };
  }

  /** The files under the folder in the working tree: tracked and untracked ones, not ignored ones, regular files only. */
  workingFiles(
    include: (p: string) => boolean,
    maxBytes: (path: string) => number,
  ): { files: TreeFile[]; skipped: string[] } {
    const listed = nulSeparated(git(this.dir, ['ls-files', '--cached', '--others', '--exclude-standard', '-z']));
    const files: TreeFile[] = [];
    const skipped: string[] = [];
    const root = fs.realpathSync.native(this.dir);
    for (const p of new Set(listed)) {
      if (!safeRelative(p) || !include(p)) continue;
      const full = path.join(this.dir, ...p.split('/'));
      const stat = fs.lstatSync(full, { throwIfNoEntry: false });
      // Deleted but still tracked, or a symlink (which could point outside the folder): not read.
      if (!stat?.isFile()) continue;
      // A tracked path under a folder replaced by a symlink (`sub/x.py` with `sub -> /elsewhere`): lstat follows the
      // parent link, so the file's real place is checked too.
      const real = fs.realpathSync.native(full);
      if (real !== path.join(root, ...p.split('/')) && !real.startsWith(root + path.sep)) continue;
      if (stat.size > maxBytes(p)) skipped.push(p);
      else files.push({ path: p, size: stat.size, read: () => fs.readFileSync(full) });
    }
    return { files, skipped };
  }

  private readBlobs(wanted: ReadonlyArray<{ path: string; oid: string; size: number }>): TreeFile[] {
    if (wanted.length === 0) return [];
    const total = wanted.reduce((n, w) => n + w.size + BATCH_OVERHEAD_BYTES, 0);
    const out = git(this.dir, ['cat-file', '--batch'], {
      input: wanted.map((w) => w.oid).join('\n') + '\n',
      maxBuffer: total + 1024 * 1024,
    });
    const files: TreeFile[] = [];
    let at = 0;
    for (const w of wanted) {
      const headerEnd = out.indexOf(0x0a, at);
      if (headerEnd < 0) throw new GitError('git cat-file ended early');
      const header = out.subarray(at, headerEnd).toString('utf8').split(' ');
      if (header[1] === 'missing' || header.length < 3) throw new GitError(`git object ${w.oid} is missing`);
      const size = Number(header[2]);
      const content = out.subarray(headerEnd + 1, headerEnd + 1 + size);
      at = headerEnd + 1 + size + 1;
      files.push({ path: w.path, size, read: () => content });
    }
    return files;
  }
}
