import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { linkCandidates } from '../../src/core/analyze';
import { ADAPTER_OFF, extractConfigFacts } from '../../src/core/extract/configFacts';
import { extractShellFacts } from '../../src/core/extract/shellFacts';
import { completeTemplateScript, nonRunPlaceReason, TEMPLATE_REASON } from '../../src/core/resolve/entryPoint';

const links = (text: string) =>
  extractShellFacts(text, 'jobs/run.sh')
    .filter((f) => f.kind === 'link.config')
    .map((f) => String(f.value));

describe('Twenty-first round (set X): working-directory paths, template job scripts', () => {
  it('reads a variable set to the working directory as the folder a relative path starts from', () => {
    for (const set of ['TOP="$(pwd)"', 'TOP=$(pwd)', 'TOP=$PWD', 'TOP="${PWD}"', 'TOP=`pwd`']) {
      const text = `${set}\nCONF="$TOP/recipes/conf"\npython3 -m mylib.rl.main --config-path="$CONF" --config-name=agent_rl\n`;
      assert.deepEqual(links(text), ['recipes/conf/agent_rl.yaml'], set);
    }
    // Written directly on the line too; a relative --config-path is still the program's own folder (Hydra).
    assert.deepEqual(links('python3 -m mylib.rl.main --config-path=$PWD/conf --config-name=a\n'), ['conf/a.yaml']);
    assert.deepEqual(links('python3 -m mylib.rl.main --config-path=./conf --config-name=a\n'), [
      'mylib/rl/conf/a.yaml',
    ]);
    // A substitution that is not the working directory (`$(date)`) is not one.
    assert.ok(
      !links('TOP=$(date)\npython3 -m mylib.rl.main --config-path=$TOP/c --config-name=a\n').includes('c/a.yaml'),
    );
  });

  it('finds a job script named under a folder of the script own folder name beside the script, last', () => {
    const from = '/repo/exp/templates/big_run/launch.sh';
    const found = linkCandidates(from, 'exp/runs/big_run/train.slurm', '/repo', path.posix);
    assert.equal(found[found.length - 1], '/repo/exp/templates/big_run/train.slurm');
    // Another folder name: nothing beside the script.
    const other = linkCandidates(from, 'exp/runs/small_run/train.slurm', '/repo', path.posix);
    assert.ok(!other.includes('/repo/exp/templates/big_run/train.slurm'));
    // A path that still holds a variable is not written out: not looked up beside the script this way.
    const open = linkCandidates(from, '${ROOT}/big_run/train.slurm', '/repo', path.posix);
    assert.ok(!open.includes('/repo/exp/templates/big_run/train.slurm'));
  });

  it('keeps a complete job script in a templates folder as a run, one with blanks left out', () => {
    const at = 'exp/job_templates/multi/train.slurm';
    const job = '#!/bin/bash\n#SBATCH --nodes=2\nRUN=${RUN_NAME}\ntorchrun --nproc_per_node 8 train.py\n';
    assert.equal(completeTemplateScript(at, job), true);
    assert.equal(nonRunPlaceReason(at, job), undefined);
    for (const blank of [
      '### EDIT ME ###\n',
      'MODEL=<MODEL_PATH>\n',
      'DATA=/path/to/data\n',
      'OUT=XXX\n',
      '# TODO set\n',
    ])
      assert.equal(nonRunPlaceReason(at, `${blank}${job}`), TEMPLATE_REASON, blank);
    // A template inside a package's source tree is what the package's submitter fills in, not a kept experiment.
    assert.equal(nonRunPlaceReason(`src/mypkg/cloud/template/run.sh`, job), TEMPLATE_REASON);
    // Programs in a templates folder stay left out (a template's Python blanks are often plain names).
    assert.equal(nonRunPlaceReason('exp/templates/train.py', 'print(1)\n'), TEMPLATE_REASON);
  });

  it('reads a LoRA rank of 0 as adapters off and a positive one as LoRA, plain or in a lora section', () => {
    const adapter = (yaml: string) =>
      extractConfigFacts(yaml, 'yaml', 'conf/sft.yaml')
        .facts.filter((f) => f.kind === 'training.adapter')
        .map((f) => f.value);
    assert.deepEqual(adapter('model:\n  lora_rank: 0\n'), [ADAPTER_OFF]);
    assert.deepEqual(adapter('model:\n  lora_rank: 32\n'), ['lora']);
    assert.deepEqual(adapter('model:\n  lora:\n    type: lora\n    rank: 0\n'), [ADAPTER_OFF]);
    assert.deepEqual(adapter('model:\n  lora:\n    rank: 16\n'), ['lora']);
    // A rank outside a lora section is not LoRA's (a tensor rank, a process rank).
    assert.deepEqual(adapter('dist:\n  rank: 0\n'), []);
    // A Hydra primary config (defaults list) still has its rank read.
    assert.deepEqual(adapter('defaults:\n  - optim: adamw\n  - _self_\nmodel:\n  lora_rank: 0\n'), [ADAPTER_OFF]);
  });
});
