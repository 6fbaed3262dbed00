import * as assert from 'node:assert/strict';
import type { Fact, FactKind } from '../../src/core/facts';
import { matchLauncher } from '../../src/core/extract/shell/launchers';
import { evaluateFolderValue } from '../../src/core/extract/shell/scriptFolder';
import { extractShellFacts } from '../../src/core/extract/shellFacts';
import { flagMeaning, FLAG_ALIASES, sizingKindFor } from '../../src/core/extract/sizingNames';

/** The command a line launches (from the launcher's words on), or undefined. */
const launched = (line: string) => matchLauncher(line)?.command.text;
const values = (facts: readonly Fact[], kind: FactKind) => facts.filter((f) => f.kind === kind).map((f) => f.value);

describe('Shell wrappers, script folders and namespaced flags', () => {
  it('reads the command after a job submitter’s `--`', () => {
    assert.equal(
      launched('ray job submit --address="http://127.0.0.1:8265" --runtime-env-json=x -- python3 -m pkg.train --a 1'),
      'python3 -m pkg.train --a 1',
    );
    assert.equal(
      launched('RAY_ADDRESS=http://h:8265 /opt/bin/ray job submit --no-wait -- vllm serve org/m --port 8000'),
      'vllm serve org/m --port 8000',
    );
    assert.equal(
      launched('kubectl exec -it trainer-0 -- torchrun --nproc_per_node 8 train.py'),
      'torchrun --nproc_per_node 8 train.py',
    );
    assert.equal(launched('uv run -- accelerate launch train.py'), 'accelerate launch train.py');
    // No `--`: what the submitter runs is not on the line.
    assert.equal(matchLauncher('ray job submit --address x python train.py'), undefined);
    // `ray start`, `ray job logs`: no launch.
    assert.equal(matchLauncher('ray job logs --job-id x'), undefined);
  });

  it('skips a runner’s options whatever their values, and finds no launch behind its own command', () => {
    assert.equal(launched('srun --comment laion --cpu_bind=v python -m pkg.main --x 1'), 'python -m pkg.main --x 1');
    assert.equal(launched('srun $SRUN_ARGS --wait=0 torchrun --nnodes=2 run.py'), 'torchrun --nnodes=2 run.py');
    assert.equal(
      launched('mpirun -np 16 -H $HOSTS --bind-to none --mca btl ^openib -x LD_LIBRARY_PATH python t.py'),
      'python t.py',
    );
    assert.equal(matchLauncher('srun --nodes=1 -w "$HEAD" ray start --head --port=6379'), undefined);
    assert.equal(matchLauncher('srun hostname'), undefined);
    assert.equal(matchLauncher('srun -N1 nvidia-smi && echo python train.py'), undefined);
    // A launch ending in `;` is the command, not a leading one.
    assert.equal(matchLauncher('srun -N 2 torchrun train.py; echo done')?.value, 'torchrun');
  });

  it('reads several leading commands and escaped quotes inside bash -c', () => {
    assert.equal(
      launched(
        'srun --container-image="$I" bash -c " cd /w; pip install . ; export A=1; torchrun --nproc_per_node 8 -m pkg.sft"',
      ),
      'torchrun --nproc_per_node 8 -m pkg.sft',
    );
    assert.equal(
      launched(
        String.raw`bash -c "pip install ray && ray job submit --runtime-env-json='{\"working_dir\": \"/w\"}' -- python3 -m pkg.train --x 1"`,
      ),
      'python3 -m pkg.train --x 1',
    );
    assert.equal(matchLauncher('bash -c "pip install ray && ray start --head --block"'), undefined);
  });

  it('evaluates the script-folder idiom to folders relative to the script', () => {
    const known = new Map([
      ['HERE', '.'],
      ['WORK', '../..'],
    ]);
    const lookup = (name: string) => known.get(name);
    assert.equal(evaluateFolderValue('$(cd -- "$(dirname "$0")" >/dev/null 2>&1 ; pwd -P)', lookup), '.');
    assert.equal(evaluateFolderValue('"$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"', lookup), '.');
    assert.equal(evaluateFolderValue('$(dirname "$(readlink -f "$0")")', lookup), '.');
    assert.equal(evaluateFolderValue('"$(dirname "$0")/.."', lookup), '..');
    assert.equal(evaluateFolderValue('$(dirname $HERE)', lookup), '..');
    assert.equal(evaluateFolderValue('$(cd "$HERE/../.." && pwd)', lookup), '../..');
    assert.equal(evaluateFolderValue('$(dirname "$WORK")', lookup), '../../..');
    // Set when the script runs, not by where it is.
    assert.equal(evaluateFolderValue('$(pwd)', lookup), undefined);
    assert.equal(evaluateFolderValue('$(date +%s)', lookup), undefined);
    assert.equal(evaluateFolderValue('$(realpath "$0")', lookup), undefined);
    assert.equal(evaluateFolderValue('$(dirname "$UNSET")', lookup), undefined);
  });

  it('links files beside the script through the idiom, and leaves other substitutions unexpanded', () => {
    const facts = extractShellFacts(
      [
        'EXAMPLE_PATH=$(cd -- "$(dirname "$0")" >/dev/null 2>&1 ; pwd -P)',
        'REPO_PATH=$(dirname $EXAMPLE_PATH)',
        'STAMP=$(date +%s)',
        'torchrun --nproc_per_node 2 $REPO_PATH/run_train.py --config-file $EXAMPLE_PATH/tiny.yaml --out runs/$STAMP',
      ].join('\n'),
    );
    assert.deepEqual(values(facts, 'link.script'), ['../run_train.py']);
    assert.deepEqual(values(facts, 'link.config'), ['./tiny.yaml']);
  });

  it('reads `: ${X:=default}` defaults and readonly variables', () => {
    const facts = extractShellFacts(
      ': ${GPUS_PER_NODE:=4}\n: "${CONFIG:="configs/a.yaml"}"\nreadonly NODES=2\ntorchrun --nproc_per_node $GPUS_PER_NODE --nnodes $NODES train.py --config $CONFIG\n',
    );
    assert.deepEqual(values(facts, 'hardware.devices'), [4]);
    assert.deepEqual(values(facts, 'hardware.nodes'), [2]);
    assert.deepEqual(values(facts, 'link.config'), ['configs/a.yaml']);
  });

  it('links a sourced script, with low confidence (a script with no launch is a run only through a piece that launches)', () => {
    const launch = extractShellFacts(
      'T=train_dpo.sh\nsource ./${T} slurm\nsource /etc/profile\n. ./env.sh\ntorchrun -m $cmd\n',
    );
    assert.deepEqual(values(launch, 'link.script'), ['./train_dpo.sh', './env.sh']);
    assert.ok(launch.filter((f) => f.kind === 'link.script').every((f) => f.confidence === 'low'));
    // Round 12: linked without a launch too (`. \`pwd\`/SBATCH.sh` is a case script's launch); the run then needs a
    // piece that launches (test/unit/megatron12.test.ts), so an environment file alone still makes no run.
    const alone = extractShellFacts('source ./env.sh\necho ready\n').filter((f) => f.kind === 'link.script');
    assert.deepEqual(
      alone.map((f) => [f.value, f.confidence]),
      [['./env.sh', 'low']],
    );
  });

  it('does not take a flag value for the script when a module is run', () => {
    const facts = extractShellFacts('python3 -m pkg.train_ppo --agent_func_path examples/agent.py\n');
    // The module's own file is linked (found only when the package is in the repository), never the flag's value.
    assert.deepEqual(values(facts, 'link.script'), ['pkg/train_ppo.py']);
    const launcherModule = extractShellFacts('python -m torch.distributed.run --nproc_per_node 2 train.py\n');
    assert.deepEqual(values(launcherModule, 'link.script'), ['train.py']);
  });

  it('gives namespaced flags their meaning from the one flag table', () => {
    assert.deepEqual(flagMeaning('train.batch_size'), { name: 'global_batch_size', role: 'run' });
    assert.deepEqual(flagMeaning('train.micro_batch_size'), { name: 'micro_batch_size', role: 'run' });
    assert.deepEqual(flagMeaning('ds.lora.rank'), { name: 'lora_rank', role: 'run' });
    assert.deepEqual(flagMeaning('ds.param_dtype'), { name: 'precision', role: 'run' });
    assert.deepEqual(flagMeaning('trainer.max_epochs'), { name: 'max_epochs', role: 'run' });
    assert.deepEqual(flagMeaning('num-layers'), { name: 'num_layers', role: 'run' });
    assert.deepEqual(flagMeaning('reward.model_name_or_path'), { name: 'model_name_or_path', role: 'auxiliary' });
    assert.equal(flagMeaning('eval.max_iters'), undefined);
    assert.equal(flagMeaning('rollout.batch_size'), undefined);
    // Every alias says why, and an alias to a sizing name reads as that name's kind.
    for (const a of FLAG_ALIASES) assert.ok(a.why.length > 20, a.name);
    assert.equal(sizingKindFor(flagMeaning('train.batch_size')!.name, 'flag'), 'training.globalBatch');
    assert.equal(sizingKindFor(flagMeaning('actor.num_gpus_per_node')!.name, 'flag'), 'hardware.devices');
  });

  it('reads the trained model’s settings over another model’s, and no evaluation setting', () => {
    const facts = extractShellFacts(
      [
        'python3 -m pkg.train_ppo_ray --ref.num_gpus_per_node 8 --actor.num_gpus_per_node 4 \\',
        '  --reward.model_name_or_path org/rm --actor.model_name_or_path org/policy \\',
        '  --rollout.batch_size 1024 --train.batch_size 128 --train.micro_batch_size 2 --eval.max_iters 5 \\',
        '  --ds.param_dtype bf16 --ds.lora.rank 8',
      ].join('\n'),
    );
    const best = (kind: FactKind) =>
      facts
        .filter((f) => f.kind === kind)
        .sort((a, b) => (b.confidence === 'high' ? 1 : 0) - (a.confidence === 'high' ? 1 : 0))[0]?.value;
    assert.equal(best('hardware.devices'), 4);
    assert.equal(best('model.id'), 'org/policy');
    assert.deepEqual(values(facts, 'training.globalBatch'), [128]);
    assert.deepEqual(values(facts, 'training.batchPerDevice'), [2]);
    assert.deepEqual(values(facts, 'training.steps'), []);
    assert.deepEqual(values(facts, 'training.precision'), ['bf16']);
    assert.deepEqual(values(facts, 'training.adapter'), ['lora']);
    assert.ok(
      facts.filter((f) => f.kind === 'model.id' && f.value === 'org/rm').every((f) => f.confidence === 'medium'),
    );
  });

  it('reads a module named as a server as inference', () => {
    const facts = extractShellFacts('python -m pkg.cli.serve_rm --reward.model_name_or_path org/rm --port 5000\n');
    assert.equal(values(facts, 'launch.inference').length, 1);
    assert.deepEqual(values(facts, 'launch.trainer'), []);
    assert.deepEqual(values(facts, 'model.id'), ['org/rm']);
  });

  it('finds no run in an interpreter or launcher that only forwards its caller’s arguments', () => {
    const helper = [
      '#!/usr/bin/env bash',
      '# helpers sourced by the example drivers',
      'python() {',
      '    command python3 "$@"',
      '}',
      'launch() { torchrun ${@}; }',
      'multi() {',
      '  torchrun $*',
      '}',
    ].join('\n');
    assert.deepEqual(values(extractShellFacts(helper), 'launch.trainer'), []);
    // A program named beside the forward is still the run.
    const wrapper = ['train() {', '  python3 train.py "$@"', '}', 'train --epochs 3'].join('\n');
    assert.deepEqual(values(extractShellFacts(wrapper), 'launch.trainer'), ['python3']);
    const launcher = 'torchrun --nproc_per_node 4 "$@"';
    assert.equal(values(extractShellFacts(launcher), 'launch.trainer').length, 1);
  });
});
