// Runs the integration suite (out/test/integration) inside a real VS Code extension host.
// One suite, two launchers: @vscode/test-electron where VS Code can be downloaded, the
// offline code-server otherwise (the default here). Force one with
// GREENAI_VSCODE_LAUNCHER=electron|code-server.
// The suite runs on two VS Code versions: the current one and the oldest that package.json's
// `engines.vscode` allows. GREENAI_VSCODE_VERSIONS=1.100.3 (comma-separated) picks others.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import {
  ROOT,
  codeServerBinary,
  ensureCodeServer,
  freePort,
  freshProfile,
  launchChromium,
  scratchCopy,
  scratchDir,
  startCodeServer,
} from './code-server.mjs';

/** VS Code version → the code-server release that ships it (code-server's changelog, "Code v…"). */
const CODE_SERVER_FOR = { '1.100.3': '4.100.3', '1.90.0': '4.90.0' };
const CURRENT = '1.100.3';
const OLDEST = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).engines.vscode.replace(/^\^/, '');
if (!CODE_SERVER_FOR[OLDEST]) {
  console.error(
    `integration: engines.vscode allows ${OLDEST}, but no code-server release is mapped to it in scripts/run-integration.mjs`,
  );
  process.exit(1);
}
const VERSIONS = (process.env.GREENAI_VSCODE_VERSIONS ?? [...new Set([CURRENT, OLDEST])].join(','))
  .split(',')
  .map((v) => v.trim());

const RESULT_FILE = join(ROOT, 'test-results/integration-results.json');
const TESTS = join(ROOT, 'out/test/integration/index.js');
/**
 * How long one VS Code run may take before it counts as hung. The suite takes 1–2 minutes on a quiet 2-core machine;
 * on a machine busy with other work (load several times its cores) the same suite was seen to need more than 4, so
 * the base allowance grows with the load at the start (at most ×4): a hang still fails, only later.
 */
const BASE_TIMEOUT_MS = Number(process.env.GREENAI_INTEGRATION_TIMEOUT_MS ?? 240_000);
const TIMEOUT_MS = Math.round(BASE_TIMEOUT_MS * Math.min(4, Math.max(1, loadavg()[0] / Math.max(1, cpus().length))));

async function canDownloadVsCode() {
  try {
    const res = await fetch('https://update.code.visualstudio.com/api/releases/stable', {
      signal: AbortSignal.timeout(4000),
    });
    return res.ok;
  } catch {
    return false;
  }
}

function report(outcome, version) {
  console.log(`\nVS Code ${version}:`);
  for (const t of outcome.tests) {
    const mark = t.state === 'passed' ? '✔' : t.state === 'failed' ? '✘' : '-';
    console.log(`  ${mark} ${t.title}${t.durationMs ? ` (${t.durationMs} ms)` : ''}`);
    if (t.error)
      console.log(
        t.error
          .split('\n')
          .map((l) => `      ${l}`)
          .join('\n'),
      );
  }
  console.log(
    `\nintegration (VS Code ${version}): ${outcome.passes} passing, ${outcome.failures} failing, ${outcome.pending} pending`,
  );
  return outcome.failures === 0 && outcome.passes > 0 ? 0 : 1;
}

async function viaElectron(workspace, version) {
  const { runTests } = await import('@vscode/test-electron');
  await runTests({
    version,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: TESTS,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
}

async function viaCodeServer(workspace, version) {
  const codeServer = CODE_SERVER_FOR[version];
  if (!codeServer) throw new Error(`no code-server release is mapped to VS Code ${version}`);
  ensureCodeServer(codeServer);
  const port = await freePort();
  const profile = freshProfile('integration');
  const server = await startCodeServer({
    port,
    userDataDir: profile.userDataDir,
    extensionsDir: profile.extensionsDir,
    binary: codeServerBinary(codeServer),
  });
  const browser = await launchChromium();
  try {
    const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(ROOT)],
      ['extensionTestsPath', remote(TESTS)],
    ]);
    const url = `http://127.0.0.1:${port}/?workspace=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`;
    const page = await browser.newPage();
    await page.goto(url);
    const deadline = Date.now() + TIMEOUT_MS;
    while (!existsSync(RESULT_FILE)) {
      if (Date.now() > deadline)
        throw new Error(`no result after ${TIMEOUT_MS / 1000} s; code-server said:\n${server.output().slice(-4000)}`);
      if (server.child.exitCode !== null)
        throw new Error(`code-server exited (${server.child.exitCode}):\n${server.output().slice(-4000)}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    await new Promise((r) => setTimeout(r, 300)); // the file is written in one call; let it land
  } finally {
    await browser.close();
    await server.stop();
  }
}

if (!existsSync(TESTS)) {
  console.error(`missing ${TESTS}: run "npx tsc -p ." first`);
  process.exit(1);
}
if (!existsSync(join(ROOT, 'dist/extension.js'))) {
  console.error('missing dist/extension.js: run "npm run build" first');
  process.exit(1);
}
/**
 * A folder a hostile pull request could leave (test/integration/suite/hostile.test.ts): a team file
 * nested 100,000 levels deep, FIFOs named like a script and a measurement file (made here, at test
 * time: they cannot be committed), a pathological shell file, and one ordinary training script.
 */
function hostileFolder() {
  const dir = scratchDir('integration-hostile');
  writeFileSync(join(dir, '.greenai.json'), `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
  writeFileSync(
    join(dir, 'train.py'),
    'from transformers import AutoModelForCausalLM, Trainer, TrainingArguments\nmodel = AutoModelForCausalLM.from_pretrained("gpt2")\nTrainer(model=model, args=TrainingArguments(output_dir="o", num_train_epochs=1)).train()\n',
  );
  writeFileSync(
    join(dir, 'slow.sh'),
    `${'\n'.repeat(200_000)}X="${'${a-'.repeat(50_000)}"\ntorchrun --nproc_per_node 2 other.py --model_name_or_path gpt2 $X\n`,
  );
  for (const name of ['stuck.py', 'emissions.csv']) {
    try {
      execFileSync('mkfifo', [join(dir, name)]);
    } catch {
      // no mkfifo on this platform: the rest of the folder is still hostile
    }
  }
  return dir;
}

const wanted = process.env.GREENAI_VSCODE_LAUNCHER ?? ((await canDownloadVsCode()) ? 'electron' : 'code-server');

/** One run of the suite on one VS Code version; its exit status. */
async function runOn(version) {
  rmSync(RESULT_FILE, { force: true });
  // A multi-root workspace: the examples, a second team's folder, and a hostile one, fresh copies per run.
  const examplesCopy = scratchCopy(join(ROOT, 'examples'), 'integration-ws');
  const teamB = scratchCopy(join(ROOT, 'test/fixtures/multiroot/team-b'), 'integration-team-b');
  const hostile = hostileFolder();
  const workspace = join(scratchDir('integration'), 'green-ai-tests.code-workspace');
  writeFileSync(
    workspace,
    JSON.stringify(
      {
        folders: [
          { name: 'examples', path: examplesCopy },
          { name: 'team-b', path: teamB },
          { name: 'hostile', path: hostile },
        ],
        settings: {},
      },
      null,
      2,
    ),
  );
  console.log(
    `integration: VS Code ${version}, launcher ${wanted}, workspace ${workspace}, time limit ${Math.round(TIMEOUT_MS / 1000)} s`,
  );
  const started = Date.now();
  try {
    if (wanted === 'electron') await viaElectron(workspace, version);
    else await viaCodeServer(workspace, version);
  } catch (e) {
    if (!existsSync(RESULT_FILE)) {
      console.error(`integration (VS Code ${version}): ${e.message}`);
      return 1;
    }
  }
  const status = report(JSON.parse(readFileSync(RESULT_FILE, 'utf8')), version);
  console.log(`integration (VS Code ${version}): ${((Date.now() - started) / 1000).toFixed(0)} s including start-up`);
  return status;
}

let status = 0;
for (const version of VERSIONS) status = Math.max(status, await runOn(version));
process.exit(status);
