import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeText, type LinkedFileReader } from '../../src/core/analyze';
import { documentedLaunch } from '../../src/core/extract/documentedLaunch';
import { DEFAULT_SETTINGS } from '../../src/core/runSpec';
import { parsing, ROOT } from './helpers';

const DIR = path.join(ROOT, 'test/fixtures/scanner/config-module');
const read: LinkedFileReader = (fromPath, reference) => {
  const candidate = path.resolve(path.dirname(fromPath), reference);
  return fs.existsSync(candidate)
    ? { path: candidate, display: path.relative(DIR, candidate), text: fs.readFileSync(candidate, 'utf8') }
    : undefined;
};

describe('A launch documented in a config comment', () => {
  it('links the script it runs, from the folder the command is run in', () => {
    const facts = documentedLaunch(
      'proj/config/big.py',
      '# run as:\n# $ torchrun --nproc_per_node=8 train.py config/big.py\nmax_iters = 10\n',
      [],
    );
    const link = facts.find((f) => f.kind === 'link.script');
    assert.equal(link?.value, '../train.py');
    assert.equal(facts.find((f) => f.kind === 'hardware.devices')?.value, 8);
    assert.equal(link?.range.startLine, 1);
    // The config itself is not a link to follow.
    assert.ok(!facts.some((f) => String(f.value).endsWith('big.py')));
  });

  it('joins continued comment lines', () => {
    const facts = documentedLaunch(
      'recipes/sft.yaml',
      '# accelerate launch --num_processes 4 \\\n#   scripts/sft.py recipes/sft.yaml\nmodel_name_or_path: x/y\n',
      [],
    );
    assert.equal(facts.find((f) => f.kind === 'link.script')?.value, '../scripts/sft.py');
  });

  it('ignores a command about another file, and a file whose reader already read its launch', () => {
    assert.deepEqual(documentedLaunch('config/a.py', '# $ python train.py config/b.py\n', []), []);
    const launch = {
      kind: 'launch.trainer' as const,
      value: 'tune',
      range: { startLine: 0, startCol: 0, endLine: 0, endCol: 0 },
      confidence: 'high' as const,
      detail: 'usage comment',
    };
    assert.deepEqual(documentedLaunch('config/a.py', '# $ python train.py config/a.py\n', [launch]), []);
  });

  it("counts the script's shared accumulation once: batch × accumulation is the global batch", async () => {
    const file = path.join(DIR, 'config/train_medium.py');
    const analysis = analyzeText(
      { path: file, text: fs.readFileSync(file, 'utf8') },
      await parsing(),
      DEFAULT_SETTINGS,
      {},
      read,
    );
    const run = analysis.runs[0].run;
    assert.equal(run.hardware.count, 4);
    // 66,000 iterations × 24 × 16 (the 16 accumulation steps are shared by the 4 processes).
    assert.equal(run.training.samples, 66_000 * 24 * 16);
  });
});
