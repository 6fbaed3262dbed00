import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { DiffOutputSchema } from '../../src/core/report/diffSchema';
import type { SarifLog } from '../../src/core/report/sarif';
import { cli, wasmBesideCompiledCli } from './cliRun';
import { commitAll, emptyRepo, git, gitDirSnapshot, twoCommitRepo } from './gitRepo';
import { ROOT, tempDir } from './helpers';
import { sarifProblems } from './sarifSchema';

const LORA = (epochs: number) => `from peft import LoraConfig, get_peft_model
from transformers import AutoModelForCausalLM, Trainer, TrainingArguments
model = get_peft_model(AutoModelForCausalLM.from_pretrained("meta-llama/Llama-2-13b-hf"), LoraConfig(r=16))
args = TrainingArguments(output_dir="out", num_train_epochs=${epochs}, per_device_train_batch_size=4, bf16=True)
Trainer(model=model, args=args, train_dataset=None).train()
`;

describe('green-ai diff --git (a temporary repository)', function () {
  this.timeout(60000);
  const repos: string[] = [];
  /** A repository of its own, for a test that changes files. */
  const repo = () => {
    const r = twoCommitRepo();
    repos.push(r);
    return r;
  };
  /** One repository the read-only tests share. */
  let shared = '';
  before(() => {
    wasmBesideCompiledCli();
    shared = repo();
  });
  after(() => {
    for (const r of repos) fs.rmSync(r, { recursive: true, force: true });
  });

  it('HEAD~1 against the checkout gives the same change as the two folders, and writes nothing', async () => {
    const r = shared;
    const before = gitDirSnapshot(r);
    const text = await cli('diff', '--git', 'HEAD~1', r);
    assert.equal(text.code, 0, text.err);
    assert.match(text.out, /^Green AI diff: HEAD~1 \([0-9a-f]{7}\) → working tree$/m);
    assert.match(text.out, /changed +sentiment\/finetune\.py:11 .+\n +epochs 3 → 10 \(line 13\)/);
    assert.match(text.out, /moved +lm-old\/pretrain_gpt2\.py → lm\/pretrain_gpt2\.py/);
    const json = DiffOutputSchema.parse(JSON.parse((await cli('diff', '--git', 'HEAD~1', r, '--json')).out));
    const folders = DiffOutputSchema.parse(
      JSON.parse(
        (
          await cli(
            'diff',
            path.join(ROOT, 'test/fixtures/diff/base'),
            path.join(ROOT, 'test/fixtures/diff/head'),
            '--json',
          )
        ).out,
      ),
    );
    const shape = (d: typeof json) => d.changes.map((c) => [c.status, c.file, c.previousFile, c.co2eKgDelta]);
    assert.deepEqual(shape(json), shape(folders));
    assert.equal(gitDirSnapshot(r), before, 'nothing under .git changed (no index refresh, no objects, no lock files)');
    assert.equal(git(r, 'status', '--porcelain'), '');
  });

  it('a subfolder is compared on its own, its SARIF paths from the repository root', async () => {
    const r = shared;
    const result = await cli('diff', '--git', 'HEAD~1', path.join(r, 'nano'), '--sarif', '--budget-kg', '0.01');
    assert.equal(result.code, 3, result.err);
    const log = JSON.parse(result.out) as SarifLog;
    assert.equal(sarifProblems(log), null);
    assert.deepEqual(
      [...new Set(log.runs[0].results.map((x) => x.locations[0].physicalLocation.artifactLocation.uri))],
      ['nano/run.sh'],
    );
    assert.equal(log.runs[0].originalUriBaseIds?.SRCROOT.uri, `file://${fs.realpathSync(r)}/`);
  });

  it('--staged compares the index, the working tree its files; both against the revision', async () => {
    const r = repo();
    const file = path.join(r, 'chat/lora_llama.py');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('num_train_epochs=2', 'num_train_epochs=4'));
    git(r, 'add', 'chat/lora_llama.py');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('num_train_epochs=4', 'num_train_epochs=8'));
    const staged = DiffOutputSchema.parse(
      JSON.parse((await cli('diff', '--git', 'HEAD', r, '--staged', '--json')).out),
    );
    const working = DiffOutputSchema.parse(JSON.parse((await cli('diff', '--git', 'HEAD', r, '--json')).out));
    const epochs = (d: typeof staged) =>
      d.changes
        .filter((c) => c.status === 'changed')
        .map((c) => c.why.find((w) => w.field === 'training.epochs'))
        .map((w) => [w?.before, w?.after]);
    assert.deepEqual(epochs(staged), [[2, 4]]);
    assert.deepEqual(epochs(working), [[2, 8]]);
    assert.equal(staged.head.label, 'staged changes');
  });

  it('a .greenai.json change is part of the change: every run follows the new region', async () => {
    const r = repo();
    fs.writeFileSync(path.join(r, '.greenai.json'), '{ "region": "FR" }\n');
    const d = DiffOutputSchema.parse(JSON.parse((await cli('diff', '--git', 'HEAD', r, '--json')).out));
    assert.equal(d.counts.changed, d.changes.length);
    for (const c of d.changes)
      assert.deepEqual(
        c.why.filter((w) => !w.derived).map((w) => [w.field, w.before, w.after]),
        [['hardware.region', 'world', 'FR']],
      );
    assert.ok(d.co2eKgDelta < 0, "France's grid is cleaner than the world average");
  });

  it('the first commit compares against nothing', async () => {
    const r = emptyRepo();
    repos.push(r);
    fs.writeFileSync(path.join(r, 'train.py'), LORA(2));
    git(r, 'add', 'train.py');
    const d = DiffOutputSchema.parse(JSON.parse((await cli('diff', '--git', 'HEAD', r, '--staged', '--json')).out));
    assert.deepEqual([d.base.label, d.counts.added, d.changes[0].file], ['HEAD (no commit yet)', 1, 'train.py']);
  });

  it('symlinks are not followed, on either side', async () => {
    const r = emptyRepo();
    repos.push(r);
    const outside = tempDir('greenai-outside-');
    fs.writeFileSync(path.join(outside, 'secret_train.py'), LORA(3));
    fs.symlinkSync(path.join(outside, 'secret_train.py'), path.join(r, 'linked.py'));
    commitAll(r, 'a symlink to a script outside');
    fs.symlinkSync(path.join(outside, 'secret_train.py'), path.join(r, 'untracked_link.py'));
    const d = DiffOutputSchema.parse(JSON.parse((await cli('diff', '--git', 'HEAD', r, '--json')).out));
    assert.deepEqual(d.changes, []);
    fs.rmSync(outside, { recursive: true, force: true });
  });

  for (const [label, args, pattern] of [
    [
      'a revision that looks like an option',
      (r: string) => ['diff', '--git=--output=/tmp/x', r],
      /--git needs a revision, got "--output=\/tmp\/x"/,
    ],
    [
      'a revision that does not exist',
      (r: string) => ['diff', '--git', 'no-such-branch', r],
      /"no-such-branch" does not name a commit/,
    ],
    [
      'a folder outside any repository',
      () => ['diff', '--git', 'HEAD', tempDir('greenai-nogit-')],
      /is not inside a git working tree/,
    ],
    ['two folders with --git', (r: string) => ['diff', '--git', 'HEAD', r, r], /takes one folder/],
  ] as Array<[string, (r: string) => string[], RegExp]>) {
    it(`exits 2 for ${label}`, async () => {
      const r = await cli(...args(shared));
      assert.equal(r.code, 2, r.out);
      assert.match(r.err, pattern);
    });
  }
});

describe('The pre-commit hook (.pre-commit-hooks.yaml)', function () {
  this.timeout(60000);
  const hooks = parseYaml(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{
    id: string;
    entry: string;
    language: string;
    pass_filenames: boolean;
    files: string;
  }>;
  const hook = hooks.find((h) => h.id === 'green-ai-budget')!;
  let repo: string;
  before(() => {
    wasmBesideCompiledCli();
    repo = emptyRepo();
    fs.writeFileSync(path.join(repo, '.greenai.json'), '{ "budgetKg": 0.1 }\n');
    fs.writeFileSync(
      path.join(repo, 'small.py'),
      `from transformers import AutoModelForSequenceClassification, Trainer, TrainingArguments
model = AutoModelForSequenceClassification.from_pretrained("distilbert-base-uncased")
Trainer(model=model, args=TrainingArguments(output_dir="o", num_train_epochs=1, max_steps=100), train_dataset=None).train()
`,
    );
    commitAll(repo, 'a small run');
  });
  after(() => fs.rmSync(repo, { recursive: true, force: true }));

  /** Runs the hook's entry the way pre-commit does: in the repository root, its `green-ai` being the compiled CLI. */
  function runHook(extraArgs: string[] = []): { code: number; err: string } {
    const [program, ...args] = hook.entry.split(' ');
    assert.equal(program, 'green-ai');
    try {
      execFileSync(process.execPath, [path.join(__dirname, '../../src/cli/main.js'), ...args, ...extraArgs], {
        cwd: repo,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      return { code: 0, err: '' };
    } catch (e) {
      const err = e as { status: number; stderr: string };
      return { code: err.status, err: err.stderr };
    }
  }

  it('is a node hook that takes no file names and wakes for the files Green AI reads', () => {
    assert.equal(hook.language, 'node');
    assert.equal(hook.pass_filenames, false);
    const files = new RegExp(hook.files);
    for (const f of ['train.py', 'nb.ipynb', 'cfg.yaml', 'cfg.yml', '.greenai.json', 'run.sh', 'job.sbatch'])
      assert.match(f, files);
    assert.doesNotMatch('README.md', files);
  });

  it('fails when the staged files add a run over the team budget, passes otherwise', () => {
    assert.equal(runHook().code, 0, 'nothing staged');
    fs.writeFileSync(path.join(repo, 'big.py'), LORA(2));
    git(repo, 'add', 'big.py');
    const over = runHook();
    assert.equal(over.code, 3);
    assert.match(over.err, /over budget: big\.py:\d+ [\d.]+ kg CO2e > 0\.1 kg \(added\)/);
    assert.equal(runHook(['--budget-kg', '5']).code, 0, 'args in .pre-commit-config.yaml override the team budget');
    // Unstaged edits are not what is being committed.
    git(repo, 'reset', '-q', 'big.py');
    assert.equal(runHook().code, 0);
  });
});
