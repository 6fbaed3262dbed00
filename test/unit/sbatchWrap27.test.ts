import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { linkCandidates } from '../../src/core/analyze';
import { extractShellFacts } from '../../src/core/extract/shellFacts';

const facts = (text: string) => extractShellFacts(text, 'jobs/submit.sh');

describe('Twenty-seventh round (set AD): sbatch --wrap, programs copied under a job folder', () => {
  it('reads the command an sbatch --wrap runs, under the resources the command line asks for', () => {
    const text = [
      'sbatch --job-name=x --nodes=2 --gpus-per-node=4 --ntasks-per-node=4 \\',
      '  --wrap="srun python train.py --num_steps 100 --use_bf16"',
      '',
    ].join('\n');
    const read = facts(text);
    assert.ok(read.some((f) => f.kind === 'link.script' && f.value === 'train.py'));
    assert.ok(read.some((f) => f.kind === 'hardware.nodes' && f.value === 2));
    assert.ok(read.some((f) => f.kind === 'hardware.devices' && f.value === 4));
    assert.ok(read.some((f) => f.kind === 'launch.trainer' && f.value === 'python'));
  });

  it('takes the single-quoted form, and a wrapped command that runs no program starts no run', () => {
    assert.ok(facts("sbatch -N 1 --wrap 'python eval.py --split test'\n").some((f) => f.kind === 'link.script'));
    const cleanup = facts('sbatch --time=00:10:00 --wrap="rm -rf /scratch/cache && echo done"\n');
    assert.ok(!cleanup.some((f) => f.kind === 'launch.trainer' || f.kind === 'launch.inference'));
  });

  it('stays linear on an unclosed --wrap string', () => {
    const hostile = `sbatch --wrap="${'python x.py '.repeat(20_000)}\n`;
    const start = performance.now();
    facts(hostile);
    assert.ok(performance.now() - start < 2000);
  });

  it('looks for a program under a folder named by variables from the root, by the folders after them', () => {
    const found = linkCandidates('/repo/launch.sh', '$1/$3_$2/code/train.py', '/repo', path.posix);
    assert.ok(found.includes('/repo/code/train.py'));
    assert.ok(found.includes('/repo/train.py'));
    // Not beside the script by its folder's name: the variable may point anywhere.
    const inJobs = linkCandidates('/repo/jobs/big/run.sh', '${ROOT}/big/train.slurm', '/repo', path.posix);
    assert.ok(!inJobs.includes('/repo/jobs/big/train.slurm'));
  });
});
