import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DIFF_FIXTURES } from './cliRun';
import { tempDir } from './helpers';

/** Temporary git repositories for the diff, Action and pre-commit tests (made at test time, removed after). */

export function git(repo: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: repo,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_DATE: '2025-01-01T00:00:00Z',
      GIT_COMMITTER_DATE: '2025-01-01T00:00:00Z',
    },
  });
}

export function emptyRepo(): string {
  const repo = tempDir('greenai-git-');
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'config', 'user.email', 'test@example.com');
  git(repo, 'config', 'user.name', 'Green AI test');
  git(repo, 'config', 'commit.gpgsign', 'false');
  return repo;
}

/** Replaces the working tree's files (not .git) with a copy of `from`. */
export function replaceTree(repo: string, from: string): void {
  for (const entry of fs.readdirSync(repo))
    if (entry !== '.git') fs.rmSync(path.join(repo, entry), { recursive: true, force: true });
  fs.cpSync(from, repo, { recursive: true });
}

export function commitAll(repo: string, message: string): void {
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', message);
}

/** Two commits: the diff fixtures' base folder, then their head folder. */
export function twoCommitRepo(): string {
  const repo = emptyRepo();
  replaceTree(repo, path.join(DIFF_FIXTURES, 'base'));
  commitAll(repo, 'base');
  replaceTree(repo, path.join(DIFF_FIXTURES, 'head'));
  commitAll(repo, 'head');
  return repo;
}

/** Every path under .git with its size and modification time: what "nothing written" is checked against. */
export function gitDirSnapshot(repo: string): string {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else {
        const s = fs.lstatSync(full);
        out.push(`${path.relative(repo, full)} ${s.size} ${s.mtimeMs}`);
      }
    }
  };
  walk(path.join(repo, '.git'));
  return out.sort().join('\n');
}
