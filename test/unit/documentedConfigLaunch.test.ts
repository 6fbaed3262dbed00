import * as assert from 'node:assert/strict';
// The folder scan first: it loads the readers in the order the extension does.
import { FolderScanCache, type ScanSource } from '../../src/core/scan/folderScan';
import { DEFAULT_SETTINGS } from '../../src/core/runSpec';
import { parsing } from './helpers';

/**
 * A Python config module with no usage comment of its own, whose launch the README documents
 * (`python train.py configs/tiny.py`): the program it configures is linked, so the program's precision and
 * model join the config's own settings; a config that names its own model is not given the program's sizes.
 */

const ROOT = '/repo';

/** A program that executes the config file named on its command line over its own module-level defaults. */
const PROGRAM = `import sys
import torch
from contextlib import nullcontext
from model import TinyLM, TinyConfig

n_layer = 8
n_embd = 512
max_iters = 1000
batch_size = 16
init_from = 'scratch'
amp_dtype = 'bfloat16'
for arg in sys.argv[1:]:
    if arg.endswith('.py'):
        exec(open(arg).read())

ctx = torch.autocast(device_type='cuda', dtype=torch.bfloat16)
if init_from == 'scratch':
    model = TinyLM(TinyConfig(n_layer=n_layer, n_embd=n_embd))
optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3)
for it in range(max_iters):
    with ctx:
        loss = model(torch.zeros(batch_size, 128, dtype=torch.long))
    loss.backward()
    optimizer.step()
`;

const TINY = `# a small model on the toy corpus
out = 'out-tiny'
n_layer = 4
n_embd = 256
max_iters = 300
batch_size = 32
`;

const NAMED = `init_from = 'gpt2-medium'
max_iters = 50
batch_size = 2
learning_rate = 1e-5
`;

const README = `# Tiny

\`\`\`sh
python train.py configs/tiny.py
python train.py configs/from_gpt2.py
\`\`\`
`;

function sourcesOf(files: Record<string, string>): ScanSource[] {
  return Object.entries(files).map(([display, text]) => ({
    path: `${ROOT}/${display}`,
    display,
    stat: async () => ({ size: text.length, mtime: 1 }),
    read: async () => new TextEncoder().encode(text),
  }));
}

describe('a config module launched in the README', () => {
  it('links the program the README runs it with, and only for a config of the program’s own model', async () => {
    const python = await parsing();
    const options = { python, root: ROOT, settingsFor: () => DEFAULT_SETTINGS };
    const files = { 'train.py': PROGRAM, 'configs/tiny.py': TINY, 'configs/from_gpt2.py': NAMED };
    const runOf = (result: Awaited<ReturnType<FolderScanCache['scan']>>, display: string) =>
      result.files.find((f) => f.display === display)?.analysis.runs[0]?.run;

    const undocumented = await new FolderScanCache().scan(sourcesOf(files), options);
    // Without the README nothing says which program runs the config: the program's bf16 autocast is not its.
    assert.notEqual(runOf(undocumented, 'configs/tiny.py')?.spec.training.precision, 'bf16');

    const documented = await new FolderScanCache().scan(sourcesOf({ ...files, 'README.md': README }), options);
    const tiny = runOf(documented, 'configs/tiny.py');
    assert.equal(tiny?.spec.training.precision, 'bf16');
    assert.equal(tiny?.spec.training.steps, 300, 'the config’s own values win over the program’s');
    const precision = tiny?.assumptions.find((a) => a.field === 'training.precision');
    assert.match(precision?.detail ?? '', /train\.py/);
    // A config naming a model of its own keeps that model's size, not the program's default sizes.
    const named = runOf(documented, 'configs/from_gpt2.py');
    assert.equal(named?.spec.model.name, 'gpt2-medium');
    assert.ok(!named?.assumptions.some((a) => /train\.py/.test(a.detail)));
  });
});
