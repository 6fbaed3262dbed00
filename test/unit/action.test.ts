import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { runAction, type ActionEnv } from '../../src/cli/action/runAction';
import { upsertComment, type Fetch } from '../../src/cli/action/prComment';
import { DIFF_COMMENT_MARKER } from '../../src/core/report/diffFormat';
import type { SarifLog } from '../../src/core/report/sarif';
import { cli, wasmBesideCompiledCli } from './cliRun';
import { git, twoCommitRepo } from './gitRepo';
import { ROOT, tempDir } from './helpers';
import { sarifProblems } from './sarifSchema';

interface Call {
  method: string;
  url: string;
  body?: unknown;
  auth?: string;
}

/** A stand-in for the GitHub REST API: answers from a table, records every request. Nothing leaves the process. */
function stubGitHub(existing: Array<{ id: number; body: string; user: { type: string } }>, failPost = 0) {
  const calls: Call[] = [];
  const fetch: Fetch = async (url, init) => {
    calls.push({
      method: init.method,
      url,
      body: init.body ? JSON.parse(init.body) : undefined,
      auth: init.headers.Authorization,
    });
    const reply = (status: number, value: unknown) => ({
      ok: status < 300,
      status,
      json: async () => value,
      text: async () => JSON.stringify(value),
    });
    if (init.method === 'GET') return reply(200, /page=1(&|$)/.test(url) ? existing : []);
    if (init.method === 'POST')
      return failPost ? reply(failPost, { message: 'Resource not accessible by integration' }) : reply(201, { id: 99 });
    return reply(200, { id: Number(url.split('/').pop()) });
  };
  return { fetch, calls };
}

describe("The GitHub Action's script on a fixture repository", function () {
  this.timeout(60000);
  let repo: string;
  let work: string;
  before(() => {
    wasmBesideCompiledCli();
    repo = twoCommitRepo();
    work = tempDir('greenai-action-');
  });
  after(() => {
    fs.rmSync(repo, { recursive: true, force: true });
    fs.rmSync(work, { recursive: true, force: true });
  });

  function actionEnv(extra: ActionEnv): ActionEnv {
    const run = fs.mkdtempSync(path.join(work, 'run-'));
    const event = path.join(run, 'event.json');
    fs.writeFileSync(
      event,
      JSON.stringify({ pull_request: { number: 7, base: { sha: git(repo, 'rev-parse', 'HEAD~1').trim() } } }),
    );
    for (const f of ['summary.md', 'output.txt']) fs.writeFileSync(path.join(run, f), '');
    return {
      GITHUB_WORKSPACE: repo,
      GITHUB_EVENT_PATH: event,
      GITHUB_STEP_SUMMARY: path.join(run, 'summary.md'),
      GITHUB_OUTPUT: path.join(run, 'output.txt'),
      GITHUB_REPOSITORY: 'acme/models',
      GITHUB_API_URL: 'https://api.github.invalid',
      RUNNER_TEMP: run,
      GREEN_AI_SARIF_FILE: path.join(run, 'green-ai.sarif'),
      GREEN_AI_TOKEN: 'test-token',
      ...extra,
    };
  }

  async function act(env: ActionEnv, fetch: Fetch) {
    const log: string[] = [];
    const code = await runAction(env, {
      runCli: (args) => cli(...args).then((r) => ({ code: r.code, stdout: r.out, stderr: r.err })),
      fetch,
      log: (l) => log.push(l),
    });
    const outputs = Object.fromEntries(
      [...fs.readFileSync(env.GITHUB_OUTPUT!, 'utf8').matchAll(/^([\w-]+)<<GREEN_AI_EOF\n(.*)\nGREEN_AI_EOF$/gm)].map(
        (m) => [m[1], m[2]],
      ),
    );
    return { code, log, outputs, summary: fs.readFileSync(env.GITHUB_STEP_SUMMARY!, 'utf8') };
  }

  it('writes the job summary, a valid SARIF file and the outputs, and posts one comment', async () => {
    const github = stubGitHub([]);
    const env = actionEnv({ GREEN_AI_COMMENT: 'true' });
    const { code, log, outputs, summary } = await act(env, github.fetch);
    assert.equal(code, 0, log.join('\n'));
    assert.ok(summary.startsWith(DIFF_COMMENT_MARKER));
    assert.match(
      summary,
      /\| `sentiment\/finetune\.py:11`<br>`roberta-large · finetune` \| changed \| \d+ g → \d+ g \| \*\*\+\d+ g\*\* \|/,
    );
    assert.match(summary, /epochs `3` → `10` \(line 13\)/);
    const sarif = JSON.parse(fs.readFileSync(outputs['sarif-file'], 'utf8')) as SarifLog;
    assert.equal(sarifProblems(sarif), null);
    assert.ok(sarif.runs[0].results.length > 0);
    // The change removes a serving run and adds smaller ones: a saving overall, as the summary's headline says.
    const delta = Number(outputs['co2e-delta-kg']);
    assert.ok(Number.isFinite(delta) && delta < 0, outputs['co2e-delta-kg']);
    assert.match(summary, /^### Green AI: −/m);
    assert.equal(outputs['over-budget'], 'false');
    assert.equal(fs.readFileSync(outputs['markdown-file'], 'utf8'), summary);
    assert.deepEqual(
      github.calls.map((c) => [c.method, c.url.replace(/\?.*/, '')]),
      [
        ['GET', 'https://api.github.invalid/repos/acme/models/issues/7/comments'],
        ['POST', 'https://api.github.invalid/repos/acme/models/issues/7/comments'],
      ],
    );
    assert.equal((github.calls[1].body as { body: string }).body, summary);
    assert.equal(github.calls[1].auth, 'Bearer test-token');
  });

  it("updates its own earlier comment instead of adding another, and leaves a person's alone", async () => {
    const github = stubGitHub([
      { id: 41, body: `${DIFF_COMMENT_MARKER}\nquoted by a person`, user: { type: 'User' } },
      { id: 42, body: `${DIFF_COMMENT_MARKER}\nold table`, user: { type: 'Bot' } },
    ]);
    const { code } = await act(actionEnv({ GREEN_AI_COMMENT: 'true' }), github.fetch);
    assert.equal(code, 0);
    assert.deepEqual(
      github.calls.map((c) => [c.method, c.url.replace(/\?.*/, '')]),
      [
        ['GET', 'https://api.github.invalid/repos/acme/models/issues/7/comments'],
        ['PATCH', 'https://api.github.invalid/repos/acme/models/issues/comments/42'],
      ],
    );
  });

  it('fails over budget after writing the summary; a read-only token only warns', async () => {
    const github = stubGitHub([], 403);
    const { code, log, outputs, summary } = await act(
      actionEnv({ GREEN_AI_COMMENT: 'true', GREEN_AI_BUDGET_KG: '0.1' }),
      github.fetch,
    );
    assert.equal(code, 3);
    assert.ok(summary.startsWith(DIFF_COMMENT_MARKER), 'the summary is written before failing');
    assert.equal(outputs['over-budget'], 'true');
    assert.ok(
      log.some((l) =>
        /^::warning title=Green AI::could not post the pull-request comment: POST .+ answered 403/.test(l),
      ),
      log.join('\n'),
    );
    assert.ok(log.some((l) => /^::error title=Green AI::over budget/.test(l)));
    assert.ok(
      log.some((l) => /over budget: chat\/lora_llama\.py:13/.test(l)),
      'the CLI names the run',
    );
  });

  it('compares a subfolder with SARIF paths from the repository root, and refuses a bad input', async () => {
    // A budget the nano run exceeds, so its SARIF result shows where the paths are rooted.
    const { code, outputs } = await act(
      actionEnv({ GREEN_AI_WORKING_DIRECTORY: 'nano', GREEN_AI_BUDGET_KG: '0.001' }),
      stubGitHub([]).fetch,
    );
    assert.equal(code, 3);
    const sarif = JSON.parse(fs.readFileSync(outputs['sarif-file'], 'utf8')) as SarifLog;
    assert.deepEqual(
      [...new Set(sarif.runs[0].results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri))],
      ['nano/run.sh'],
    );
    const bad = await act(actionEnv({ GREEN_AI_BUDGET_DELTA_KG: 'lots' }), stubGitHub([]).fetch);
    assert.equal(bad.code, 2);
    assert.match(
      bad.log.join('\n'),
      /::error title=Green AI::the `budget-delta-kg` input must be a number, got "lots"/,
    );
  });

  it('text from the repository never becomes a workflow command in the log', async () => {
    const evil = [path.join(repo, 'evil\n::error::pwned.yaml'), path.join(repo, 'also ##[error]pwned.yaml')];
    // A broken config (a key the config readers read, so the scan parses it): its YAML error names the file.
    for (const f of evil) fs.writeFileSync(f, 'model_name_or_path: [unclosed\n');
    try {
      const { log } = await act(actionEnv({}), stubGitHub([]).fetch);
      const stop = log.findIndex((l) => l.startsWith('::stop-commands::'));
      const token = log[stop]?.slice('::stop-commands::'.length);
      const resume = log.indexOf(`::${token}::`);
      assert.ok(stop >= 0 && token && token.length >= 32 && resume > stop, log.join('\n'));
      const mentions = log.map((l, i) => [l, i] as const).filter(([l]) => l.includes('pwned'));
      assert.equal(mentions.length, 2, 'both files are reported');
      for (const [line, i] of mentions)
        assert.ok(i > stop && i < resume, `"${line}" is printed while commands are stopped`);
    } finally {
      for (const f of evil) fs.rmSync(f);
    }
  });

  it('the bundle action.yml runs (dist/action.js, which runs dist/cli.js) does the same end to end', () => {
    const bundle = path.join(ROOT, 'dist/action.js');
    assert.ok(fs.existsSync(bundle), 'dist/action.js is built by npm run build');
    const env = actionEnv({ GREEN_AI_BUDGET_DELTA_KG: '-1000000' });
    const child = spawnSync(process.execPath, [bundle], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' });
    assert.equal(child.status, 3, child.stdout + child.stderr);
    assert.match(
      child.stdout,
      /^::error title=Green AI::over budget: this change adds -[\d.]+ (g|kg|t) CO2e in total \(budget-delta-kg -1000000\)/m,
    );
    assert.ok(fs.readFileSync(env.GITHUB_STEP_SUMMARY!, 'utf8').startsWith(DIFF_COMMENT_MARKER));
    assert.equal(sarifProblems(JSON.parse(fs.readFileSync(env.GREEN_AI_SARIF_FILE!, 'utf8'))), null);
  });

  it('action.yml passes every input to the script through the environment', () => {
    const action = parseYaml(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
      inputs: Record<string, unknown>;
      runs: { using: string; steps: Array<{ id?: string; run: string; env?: Record<string, string> }> };
    };
    assert.equal(action.runs.using, 'composite');
    const step = action.runs.steps.find((s) => s.id === 'diff')!;
    assert.equal(step.run, 'node "$GITHUB_ACTION_PATH/dist/action.js"');
    assert.deepEqual(
      Object.values(step.env ?? {}).sort(),
      Object.keys(action.inputs)
        .map((name) => `\${{ inputs.${name} }}`)
        .sort(),
    );
    for (const s of action.runs.steps)
      assert.doesNotMatch(s.run, /\$\{\{/, 'no expression spliced into a shell command');
  });
});

describe('upsertComment', () => {
  it("keeps comments under GitHub's size limit and checks what it is given", async () => {
    const github = stubGitHub([]);
    await upsertComment(
      github.fetch,
      { apiUrl: 'https://api.github.invalid/', repository: 'a/b', issueNumber: 1, token: 't' },
      DIFF_COMMENT_MARKER,
      `${DIFF_COMMENT_MARKER}\n${'x'.repeat(70_000)}`,
    );
    const posted = (github.calls[1].body as { body: string }).body;
    assert.ok(posted.length < 65_536 && posted.startsWith(DIFF_COMMENT_MARKER));
    await assert.rejects(
      upsertComment(github.fetch, { apiUrl: 'x', repository: 'a/b/../c', issueNumber: 1, token: 't' }, 'm', 'b'),
      /not a repository name/,
    );
  });
});
