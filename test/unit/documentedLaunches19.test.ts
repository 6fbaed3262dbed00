import * as assert from 'node:assert/strict';
// The folder scan first: it loads the readers in the order the extension does.
import { FolderScanCache, type ScanSource } from '../../src/core/scan/folderScan';
import { documentationLaunchFacts } from '../../src/core/extract/documentedLaunch';
import type { Fact } from '../../src/core/facts';
import {
  docShellCommands,
  documentedLaunchIndex,
  isDocumentationFile,
  referencesOf,
} from '../../src/core/scan/documentedLaunches';
import { DEFAULT_SETTINGS } from '../../src/core/runSpec';
import { parsing } from './helpers';

/**
 * Launches a repository documents only in its README or docs pages (fenced shell blocks, `<pre>` blocks): the
 * hardware they ask for joins the files they name, when the documentation is unambiguous and the file does not
 * say it itself; the documentation is never a run, and a changed page re-reads the files it names.
 */

const ROOT = '/repo';

/** A DDP training program: how many processes is the launcher's to say. */
const PROGRAM = `import argparse
import torch
import torch.distributed as dist
from torch.nn.parallel import DistributedDataParallel
from transformers import AutoModelForCausalLM

def main(args):
    dist.init_process_group("nccl")
    model = AutoModelForCausalLM.from_pretrained("gpt2")
    model = DistributedDataParallel(model.cuda())
    optimizer = torch.optim.AdamW(model.parameters(), lr=3e-4)
    for epoch in range(args.epochs):
        for batch in []:
            loss = model(**batch).loss
            loss.backward()
            optimizer.step()

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=3)
    main(parser.parse_args())
`;

function guide(devices: number, single = true): string {
  return `# Captioner

## Training

Fine-tune on ${devices} GPUs:

\`\`\`bash
CUDA_VISIBLE_DEVICES=${Array.from({ length: devices }, (_, i) => i).join(',')} \\
  torchrun --nproc_per_node=${devices} train_captioner.py --epochs 3
\`\`\`
${single ? '\nOr on one GPU:\n\n```\npython train_captioner.py --epochs 3\n```\n' : ''}
\`\`\`python
import torch  # a Python block is not a launch: torchrun --nproc_per_node=64 train_captioner.py
\`\`\`
`;
}

function sourcesOf(files: Record<string, string>, versions: Record<string, number> = {}): ScanSource[] {
  return Object.entries(files).map(([display, text]) => ({
    path: `${ROOT}/${display}`,
    display,
    stat: async () => ({ size: text.length, mtime: versions[display] ?? 1 }),
    read: async () => new TextEncoder().encode(text),
  }));
}

const countOf = (result: Awaited<ReturnType<FolderScanCache['scan']>>, display: string) =>
  result.files.find((f) => f.display === display)?.analysis.runs[0]?.run.spec.hardware.count;

describe('launches documented in README and docs pages (19)', () => {
  it('finds the shell commands of fenced and <pre> blocks, with their lines, and no others', () => {
    const commands = docShellCommands(
      [
        'Intro text naming python train.py is prose.', // 0
        '```sh', // 1
        '$ torchrun --nproc_per_node 4 run.py \\', // 2
        '    --config cfg/a.yaml', // 3
        '# a comment', // 4
        '```', // 5
        '~~~yaml', // 6
        'nproc: 2', // 7
        '~~~', // 8
        '<pre>deepspeed --num_gpus 2 tune.py \\', // 9
        '--cfg cfg/b.yml</pre>', // 10
      ].join('\n'),
    );
    assert.deepEqual(commands, [
      { command: 'torchrun --nproc_per_node 4 run.py  --config cfg/a.yaml', line: 2 },
      { command: 'deepspeed --num_gpus 2 tune.py  --cfg cfg/b.yml', line: 9 },
    ]);
  });

  it("reads the variables a block sets into its later commands, as the block's shell would", () => {
    const commands = docShellCommands(
      [
        '```bash', // 0
        'export NGPUS=8', // 1
        'CONFIG="configs/r50.yaml"', // 2
        'python -m torch.distributed.launch --nproc_per_node=$NGPUS tools/train_net.py --config-file ${CONFIG}', // 3
        'OUT=$(date)', // 4
        'python tools/test_net.py --out $OUT --gpus ${NGPUS} $UNSET', // 5
        '```', // 6
        '```bash', // 7
        'torchrun --nproc_per_node=$NGPUS tools/train_net.py', // 8
        '```', // 9
      ].join('\n'),
    );
    assert.deepEqual(
      commands.map((c) => c.command),
      [
        'export NGPUS=8',
        'CONFIG="configs/r50.yaml"',
        'python -m torch.distributed.launch --nproc_per_node=8 tools/train_net.py --config-file configs/r50.yaml',
        'OUT=$(date)',
        // A value built from a command's output is no reading; a variable never set stays as written.
        'python tools/test_net.py --out $OUT --gpus 8 $UNSET',
        // Another block is another script: its variables are its own.
        'torchrun --nproc_per_node=$NGPUS tools/train_net.py',
      ],
    );
    assert.deepEqual(referencesOf(commands[2].command), [
      'torch/distributed/launch.py',
      'tools/train_net.py',
      'configs/r50.yaml',
    ]);
  });

  it('names a file written below a placeholder for the reader’s copy of the repository from its root', () => {
    assert.deepEqual(
      referencesOf('python -m torch.distributed.launch --nproc_per_node=8 /path_to_det_bench/tools/train_net.py'),
      ['torch/distributed/launch.py', 'tools/train_net.py'],
    );
    assert.deepEqual(referencesOf('python /path/to/mylib/projects/Tri/train_net.py --config-file configs/x.yaml'), [
      'projects/Tri/train_net.py',
      'configs/x.yaml',
    ]);
    // The reader's own file (nothing below the placeholder but a name) is not the repository's.
    assert.deepEqual(referencesOf('python /path/to/config.py'), []);
  });

  it('names the files a command refers to: paths to code or configs, and modules after -m', () => {
    assert.deepEqual(
      referencesOf('python -m pkg.train --config=./configs/x.yaml "scripts/run.sh" ../outside.py $DIR/y.py data/'),
      ['pkg/train.py', './configs/x.yaml', 'scripts/run.sh'],
    );
  });

  it('counts only READMEs and pages of a docs folder as documentation', () => {
    assert.ok(isDocumentationFile('README.md'));
    assert.ok(isDocumentationFile('sub/readme.md'));
    assert.ok(isDocumentationFile('docs/Training.md'));
    assert.ok(!isDocumentationFile('notes/Training.md'));
    assert.ok(!isDocumentationFile('docs/train.py'));
  });

  it('stays bounded on a huge page of unclosed fences and endless continuations', () => {
    const hostile = `${'```\n'.repeat(50_000)}${'torchrun --nproc_per_node 8 a.py \\\n'.repeat(200_000)}`;
    const started = performance.now();
    const commands = docShellCommands(hostile);
    assert.ok(performance.now() - started < 2_000);
    assert.ok(commands.length <= 400);
    assert.ok(commands.every((c) => c.command.length <= 4_000));
    const index = documentedLaunchIndex(
      [{ path: `${ROOT}/README.md`, display: 'README.md', commands }],
      (_from, reference) => `${ROOT}/${reference}`,
    );
    assert.ok((index.get(`${ROOT}/a.py`)?.length ?? 0) <= 32);
    // A block's variables never grow a command past its bound (each use of a long value, many times over).
    const amplified = docShellCommands(
      `\`\`\`bash\nexport X=${'a'.repeat(200)}\npython run.py ${'$X '.repeat(200_000)}\n\`\`\`\n`,
    );
    assert.equal(amplified[1].command.length, 4_000);
    assert.ok(amplified[1].command.startsWith(`python run.py ${'a'.repeat(200)}`));
  });

  it("keeps the file's own value, and takes nothing when the documented launches disagree", () => {
    const own: Fact = {
      kind: 'hardware.devices',
      value: 2,
      range: { startLine: 0, startCol: 0, endLine: 0, endCol: 0 },
      confidence: 'high',
      detail: 'devices=2',
    };
    const launch = { command: 'torchrun --nproc_per_node=8 train.py', file: 'README.md', line: 3 };
    assert.deepEqual(documentationLaunchFacts([own], [launch]), []);
    const unknown = { ...own, value: null };
    const [fact] = documentationLaunchFacts([unknown], [launch]);
    assert.equal(fact.value, 8);
    assert.equal(fact.file, 'README.md');
    assert.equal(fact.range.startLine, 3);
    assert.match(fact.detail, /line 4/);
    const other = { ...launch, command: 'torchrun --nproc_per_node=4 train.py', line: 9 };
    assert.deepEqual(documentationLaunchFacts([unknown], [launch, other]), []);
    assert.deepEqual(documentationLaunchFacts([], [launch]), [], 'a file with no facts of its own gets none');
  });

  it('gives the scanned program the devices its guide launches it with; the guide is no run; a change re-reads it', async () => {
    const python = await parsing();
    const cache = new FolderScanCache();
    const options = { python, root: ROOT, settingsFor: () => DEFAULT_SETTINGS };
    const files = { 'train_captioner.py': PROGRAM, 'docs/Training.md': guide(8), 'README.md': '# Captioner\n' };
    const cold = await cache.scan(sourcesOf(files), options);
    assert.equal(countOf(cold, 'train_captioner.py'), 8);
    assert.ok(!cold.files.some((f) => f.display.endsWith('.md') && f.analysis.runs.length > 0));
    const assumption = cold.files
      .find((f) => f.display === 'train_captioner.py')!
      .analysis.runs[0].run.assumptions.find((a) => a.field === 'hardware.count');
    assert.equal(assumption?.file, 'docs/Training.md');

    const unchanged = await cache.scan(sourcesOf(files), options);
    assert.equal(unchanged.analysed, 0);

    const edited = await cache.scan(
      sourcesOf({ ...files, 'docs/Training.md': guide(4, false) }, { 'docs/Training.md': 2 }),
      options,
    );
    assert.equal(edited.analysed, 1, 'only the program the page names is analysed again');
    assert.equal(countOf(edited, 'train_captioner.py'), 4);

    const ambiguous = await cache.scan(
      sourcesOf(
        { ...files, 'README.md': `# Captioner\n\n\`\`\`\ntorchrun --nproc_per_node=2 train_captioner.py\n\`\`\`\n` },
        { 'README.md': 3 },
      ),
      options,
    );
    assert.equal(countOf(ambiguous, 'train_captioner.py'), undefined, 'launches that disagree say nothing');
  });
});
