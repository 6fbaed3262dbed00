// Starts the offline VS Code (code-server, see docs/REAL-VSCODE-TESTING.md) and a
// headless Debian Chromium pointed at it. Shared by the integration launcher, the
// browser checks and the demo.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CODE_SERVER = join(ROOT, '.vscode-test/code-server/node_modules/.bin/code-server');
/** The default code-server, and where scripts/install-code-server.sh puts another version. */
export const DEFAULT_CODE_SERVER_VERSION = '4.100.3';
export function codeServerBinary(version = DEFAULT_CODE_SERVER_VERSION) {
  return version === DEFAULT_CODE_SERVER_VERSION
    ? CODE_SERVER
    : join(ROOT, `.vscode-test/code-server-${version}/node_modules/.bin/code-server`);
}
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function ensureCodeServer(version = DEFAULT_CODE_SERVER_VERSION) {
  execFileSync('bash', [join(ROOT, 'scripts/install-code-server.sh'), version], { stdio: 'inherit' });
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Folders this process made under the temp folder, removed when it exits (GREENAI_KEEP_SCRATCH=1 keeps them). */
const scratchDirs = [];
process.once('exit', () => {
  if (process.env.GREENAI_KEEP_SCRATCH) return;
  for (const dir of scratchDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A new empty folder under the temp folder, removed when this process exits. */
export function scratchDir(label) {
  const dir = mkdtempSync(join(tmpdir(), `greenai-${label}-`));
  scratchDirs.push(dir);
  return dir;
}

/** A scratch copy of a folder, so tests that change settings or files never touch the repository. */
export function scratchCopy(folder, label) {
  const dir = scratchDir(label);
  cpSync(folder, dir, { recursive: true });
  return dir;
}

export function freshProfile(label) {
  const base = scratchDir(`${label}-profile`);
  const userDataDir = join(base, 'user-data');
  const extensionsDir = join(base, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(
    join(userDataDir, 'User/settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.welcomePage.walkthroughs.openOnInstall': false,
        'telemetry.telemetryLevel': 'off',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'security.workspace.trust.enabled': false,
        'update.mode': 'none',
        'editor.inlayHints.enabled': 'on',
        'workbench.colorTheme': process.env.GREENAI_THEME ?? 'Default Dark Modern',
      },
      null,
      2,
    ),
  );
  return { base, userDataDir, extensionsDir };
}

export function installVsix(vsix, extensionsDir) {
  execFileSync(CODE_SERVER, ['--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

/** Starts code-server and resolves once it answers HTTP. */
export async function startCodeServer({
  port,
  userDataDir,
  extensionsDir,
  workspace,
  binary = CODE_SERVER,
  log = () => {},
}) {
  if (!existsSync(binary))
    throw new Error(`code-server is not installed at ${binary}; run scripts/install-code-server.sh`);
  const args = [
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--extensions-dir',
    extensionsDir,
    '--user-data-dir',
    userDataDir,
  ];
  if (workspace) args.push(workspace);
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env }, detached: false });
  let output = '';
  child.stdout.on('data', (d) => {
    output += d;
    log(String(d));
  });
  child.stderr.on('data', (d) => {
    output += d;
    log(String(d));
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited early (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`code-server did not answer on port ${port} within 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    child,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', resolve);
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium package (apt-get install chromium)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--disable-dev-shm-usage',
    ],
  });
}
