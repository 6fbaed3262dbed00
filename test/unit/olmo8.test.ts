import * as assert from 'node:assert/strict';
import { extractConfigFacts } from '../../src/core/extract/configFacts';
import { parseOlmoDuration } from '../../src/core/extract/config/olmo';
import { utilityProgram } from '../../src/core/extract/shell/runIntent';
import { extractShellFacts } from '../../src/core/extract/shellFacts';
import type { Fact } from '../../src/core/facts';
import { nonRunPathReason } from '../../src/core/resolve/entryPoint';

const values = (facts: readonly Fact[], kind: string) => facts.filter((f) => f.kind === kind).map((f) => f.value);

describe('OLMo trainer configs, Gantry launches, vendored code and helper programs', () => {
  it('reads max_duration as OLMo does: bare numbers are steps, T tokens, ep epochs', () => {
    assert.deepEqual(parseOlmoDuration(739328), { kind: 'steps', value: 739328 });
    assert.deepEqual(parseOlmoDuration('739_328'), { kind: 'steps', value: 739328 });
    assert.deepEqual(parseOlmoDuration('1e4'), { kind: 'steps', value: 10000 });
    assert.deepEqual(parseOlmoDuration('2e12T'), { kind: 'tokens', value: 2e12 });
    assert.deepEqual(parseOlmoDuration('50e9T'), { kind: 'tokens', value: 5e10 });
    assert.deepEqual(parseOlmoDuration('1ep'), { kind: 'epochs', value: 1 });
    for (const bad of ['', 'T', '-5', '0', '1.5 tok', '${max}', '1'.repeat(50), null])
      assert.equal(parseOlmoDuration(bad), null, String(bad));
  });

  it('a stop step before the token budget ends the run there; a later one leaves the budget', () => {
    const config = (stop: number) =>
      `model:\n  d_model: 512\n  n_layers: 8\n  max_sequence_length: 1000\nglobal_train_batch_size: 100\nmax_duration: 1e9T\nstop_at: ${stop}\n`;
    const early = extractConfigFacts(config(500), 'yaml').facts;
    assert.deepEqual(values(early, 'training.tokens'), [5e7]);
    assert.deepEqual(values(early, 'training.steps'), [500]);
    const late = extractConfigFacts(config(20000), 'yaml').facts;
    assert.deepEqual(values(late, 'training.tokens'), [1e9]);
    assert.ok(values(late, 'launch.trainer').includes('config:olmo'));
  });

  it('leaves llm-foundry configs to the Composer dialect and needs the trainer’s run keys', () => {
    const foundry = extractConfigFacts(
      'model:\n  name: mpt_causal_lm\n  d_model: 768\n  n_layers: 12\nmax_duration: 100ba\nglobal_train_batch_size: 8\n',
      'yaml',
    ).facts;
    assert.ok(!values(foundry, 'run.framework').includes('olmo'));
    assert.ok(values(foundry, 'run.framework').includes('composer'));
    const sizesOnly = extractConfigFacts('model:\n  d_model: 768\n  n_layers: 12\n', 'yaml').facts;
    assert.ok(!values(sizesOnly, 'run.framework').includes('olmo'));
  });

  it('reads gantry run --gpus × --replicas and the job after --, direct or through bash -c', () => {
    const direct = extractShellFacts(
      'gantry run --gpus 4 --replicas 2 --name x -- torchrun --nproc-per-node 4 scripts/train.py configs/a.yaml --x=1\n',
    );
    assert.deepEqual(values(direct, 'launch.trainer'), ['gantry']);
    assert.deepEqual(values(direct, 'hardware.devices').slice(0, 1), [4]);
    assert.deepEqual(values(direct, 'hardware.nodes'), [2]);
    assert.deepEqual(values(direct, 'link.script'), ['scripts/train.py']);
    assert.deepEqual(values(direct, 'link.config'), ['configs/a.yaml']);
    const job = extractShellFacts(
      'N=4\ngantry run \\\n  --gpus 8 \\\n  --replicas "${N}" \\\n  -- /bin/bash -c "scripts/job.sh \\$BEAKER_LEADER_REPLICA_HOSTNAME ${N}"\n',
    );
    assert.deepEqual(values(job, 'link.script'), ['scripts/job.sh']);
    assert.deepEqual(values(job, 'hardware.nodes'), [4]);
    // Other gantry commands, and a job that is no script, link nothing.
    assert.deepEqual(extractShellFacts('gantry list --workspace x\n'), []);
    assert.deepEqual(values(extractShellFacts('gantry run --gpus 1 -- nvidia-smi\n'), 'link.script'), []);
  });

  it('a python -c one-liner starts no run', () => {
    assert.deepEqual(
      values(extractShellFacts("python -c 'import torch; print(torch.cuda.is_available())'\n"), 'launch.trainer'),
      [],
    );
    assert.deepEqual(values(extractShellFacts('python train.py --epochs 1\n'), 'launch.trainer'), ['python']);
  });

  it('post-training quantisation and unsharding are helpers; quantisation-aware training is not', () => {
    for (const script of ['run_quantization.py', 'quantize_gptq.py', 'awq_quantise.py', 'scripts/unshard.py'])
      assert.ok(utilityProgram({ script }), script);
    for (const script of ['quantization_aware_training.py', 'qat_train.py', 'train.py', 'train_gptq_lora.py'])
      assert.equal(utilityProgram({ script }), undefined, script);
    // A utility word other than a quantisation one still names a helper beside a training word.
    assert.ok(utilityProgram({ script: 'prepare_train_data.py' }));
  });

  it('vendored third-party folders and test fixture folders hold no runs of this repository', () => {
    for (const p of [
      'third_party/apex/examples/imagenet/main_amp.py',
      'inference/dependencies/AutoGPTQ/examples/peft/lora.py',
      'vendor/lib/train.py',
      'src/pkg/_vendor/x/run.py',
      'test_fixtures/train_tiny.yaml',
      'pkg/testdata/config.yaml',
    ])
      assert.ok(nonRunPathReason(p), p);
    assert.match(nonRunPathReason('third_party/x/train.py') ?? '', /vendored/);
    // `external/` is also where repositories keep their own scripts for external baselines: left to the reader.
    for (const p of [
      'external/baselines/train_baseline.py',
      'scripts/dependency_parser_train.py',
      'configs/tiny/a.yaml',
    ])
      assert.equal(nonRunPathReason(p), undefined, p);
  });
});
