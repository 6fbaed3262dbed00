import * as assert from 'node:assert/strict';
import { ADAPTER_OFF, extractConfigFacts } from '../../src/core/extract/configFacts';
import { matchLauncher } from '../../src/core/extract/shell/launchers';
import { modelOfPath } from '../../src/core/extract/shell/overrides';
import { evaluateArithmetic, extractShellFacts } from '../../src/core/extract/shellFacts';
import { defaultTrainingPrecision } from '../../src/core/estimate/precisionDefault';
import { findAccelerator } from '../../src/core/knowledge';
import { noFact, oneFact } from './helpers';

const one = oneFact;
const none = noFact;

describe('Hydra / OmegaConf overrides on a launch line (shell/overrides.ts)', () => {
  const script = [
    '#!/bin/bash', // 0
    'MODEL=${MODEL:-Qwen/Qwen2.5-7B-Instruct}', // 1
    'python3 -m rlstack.trainer.main_ppo \\', // 2
    '  algorithm.adv_estimator=grpo \\', // 3
    '  actor_rollout_ref.model.path=$MODEL \\', // 4
    '  actor_rollout_ref.model.lora_rank=32 \\', // 5
    '  actor_rollout_ref.actor.fsdp_config.dtype=bfloat16 \\', // 6
    '  critic.model.path=Qwen/Qwen2.5-0.5B \\', // 7
    '  rollout.n_gpus_per_node=2 \\', // 8
    '  trainer.n_gpus_per_node=8 \\', // 9
    '  trainer.nnodes=${NNODES} \\', // 10
    '  trainer.total_epochs=15 \\', // 11
    '  +trainer.total_training_steps=400 \\', // 12
    '  ++data.train_batch_size=256', // 13
  ].join('\n');
  const all = extractShellFacts(script);

  it('reads each key as the same key of a YAML config would be read, at the line that sets it', () => {
    assert.equal(one(all, 'training.epochs', 15).range.startLine, 11);
    assert.equal(one(all, 'training.steps', 400).range.startLine, 12, '+key adds a key');
    assert.equal(one(all, 'training.globalBatch', 256).range.startLine, 13, '++key; train_batch_size as in configs');
    assert.equal(one(all, 'hardware.devices', 8).range.startLine, 9);
    assert.equal(one(all, 'training.precision', 'bf16').range.startLine, 6);
    assert.equal(one(all, 'training.adapter', 'lora').range.startLine, 5, 'lora_rank > 0');
  });

  it('takes the model from `model.path`, the trained model before another model of the run', () => {
    const actor = one(all, 'model.id', 'Qwen/Qwen2.5-7B-Instruct');
    assert.equal(actor.range.startLine, 4);
    assert.equal(actor.originLine, 1, 'the ${VAR:-default} line that writes it');
    assert.equal(actor.confidence, 'high');
    assert.equal(one(all, 'model.id', 'Qwen/Qwen2.5-0.5B').confidence, 'medium', 'the critic is auxiliary');
    one(all, 'model.fromScratch', false);
  });

  it('leaves out values set when the job runs and settings of the rollout section', () => {
    none(all, 'hardware.nodes');
    none(all, 'hardware.devices', 2);
  });

  it('a post-training program (PPO/GRPO/DPO/SFT in its name) starts from a pretrained model', () => {
    assert.match(one(all, 'model.fromScratch', false).detail, /post-training method/);
    const bare = extractShellFacts('torchrun --nproc_per_node=4 -m pkg.trainer.fsdp_sft_trainer data.x=1\n');
    assert.equal(one(bare, 'model.fromScratch', false).confidence, 'low');
    none(extractShellFacts('python train_gpt.py n_layer=12\n'), 'model.fromScratch');
  });

  it('a config group choice (`trainer=gpu`) gives way to the overrides inside it', () => {
    const f = extractShellFacts(
      'python src/train.py trainer=gpu trainer.devices=2 trainer.max_epochs=20 trainer=cpu\n',
    );
    one(f, 'hardware.devices', 2);
    one(f, 'training.epochs', 20);
  });

  it('actor and rollout on GPUs of their own, on the same nodes: both count', () => {
    const split = extractShellFacts(
      'python3 -m pkg.async_main_ppo trainer.nnodes=2 trainer.n_gpus_per_node=6 rollout.nnodes=2 rollout.n_gpus_per_node=2\n',
    );
    one(split, 'hardware.devices', 8);
    none(split, 'hardware.devices', 6);
    one(split, 'hardware.nodes', 2);
    const apart = extractShellFacts(
      'python3 -m pkg.async_main_ppo trainer.nnodes=2 trainer.n_gpus_per_node=6 rollout.nnodes=1 rollout.n_gpus_per_node=2\n',
    );
    one(apart, 'hardware.devices', 6);
    none(apart, 'hardware.devices', 8);
  });

  it('zero and negative counts mean "not set"', () => {
    const f = extractShellFacts('python3 -m x.main_ppo trainer.nnodes=0 trainer.total_training_steps=-1\n');
    none(f, 'hardware.nodes');
    none(f, 'training.steps');
  });

  it('names the model of a local folder by the folder when nothing else does', () => {
    assert.equal(modelOfPath('Qwen/Qwen3-8B'), 'Qwen/Qwen3-8B');
    assert.equal(modelOfPath('~/models/Qwen/Qwen3-8B'), 'Qwen/Qwen3-8B');
    assert.equal(modelOfPath('${HOME}/verl/models/Qwen3-0.6B'), 'Qwen3-0.6B');
    assert.equal(modelOfPath('$MODEL'), undefined);
    assert.equal(modelOfPath('$CKPT_DIR/latest'), undefined, 'no name of a model');
  });
});

describe('Launch commands handed over, wrapped or escaped (shell/launchers.ts)', () => {
  it('a command after a standalone `--` is the run; the submitter before it is not', () => {
    const m = matchLauncher('uv run python submit.py --cluster c --gpus 8 -- accelerate launch train.py --bf16');
    assert.equal(m?.launcher.name, 'accelerate launch');
    assert.match(m?.command.prefix ?? '', /submit\.py/);
    const f = extractShellFacts('python submit.py --num_nodes 2 --gpus 8 -- torchrun dpo.py --num_epochs 1\n');
    one(f, 'link.script', 'dpo.py');
    none(f, 'link.script', 'submit.py');
    one(f, 'hardware.devices', 8);
    one(f, 'hardware.nodes', 2);
    assert.equal(matchLauncher('torchrun train.py -- --lr 1e-4')?.launcher.name, 'torchrun', 'no launch after --');
  });

  it('`uv run [options] script.py` runs the script with Python, also after escaped `\\&\\&`', () => {
    assert.equal(
      matchLauncher('uv run --active scripts/grpo.py --lr 1')?.command.text,
      'python scripts/grpo.py --lr 1',
    );
    const m = matchLauncher('uv run submit.py --gpus 8 -- source setup.sh \\&\\& uv run train_sft.py --epochs 2');
    assert.equal(m?.command.words[1], 'train_sft.py');
    assert.equal(matchLauncher('uv run --with rich report.sh'), undefined);
  });

  it('container runners: the command after the options and the image', () => {
    for (const line of [
      'srun -N1 -w "$node" apptainer run --nv --bind /data /img/rl.sif python3 -m pkg.main_ppo a=1',
      'singularity exec --nv rl.sif python train.py',
      'docker run --gpus all -v /a:/b team/image:1 torchrun train.py',
    ])
      assert.ok(matchLauncher(line), line);
    assert.equal(matchLauncher('apptainer exec --nv rl.sif ray start --head'), undefined, 'Ray, not a run');
  });

  it('leading commands after environment assignments', () => {
    const m = matchLauncher('unset X && PYTHONPATH="/a:$P" pip install y && accelerate launch train.py');
    assert.equal(m?.launcher.name, 'accelerate launch');
    assert.equal(matchLauncher('/opt/isaac/python.sh -m pkg.main_ppo x=1')?.launcher.name, 'python');
  });

  it('a driver checking that each example runs (`|| error "x failed"`) runs checks, not jobs', () => {
    const driver = [
      'function mnist() { uv run main.py --epochs 1 || error "mnist example failed"; }',
      'function vae() { uv run main.py --epochs 1 || error "vae failed"; }',
      'function snli() { uv run train.py --epochs 1 || { error "couldn\'t train snli"; return; }; }',
    ].join('\n');
    none(extractShellFacts(driver), 'launch.trainer');
    one(extractShellFacts('torchrun train.py --epochs 3 || echo "training failed"\n'), 'launch.trainer');
  });

  it('accelerate --num_processes is the total over --num_machines', () => {
    const f = extractShellFacts('accelerate launch --num_machines 4 --num_processes 32 train.py\n');
    one(f, 'hardware.devices', 8);
    one(f, 'hardware.nodes', 4);
  });
});

describe('Shell values the overrides take (shellFacts.ts)', () => {
  it('evaluates $(( )) on known integers, and nothing else', () => {
    const vars = new Map([
      ['N', '8'],
      ['r', '2'],
      ['name', 'x'],
    ]);
    assert.equal(evaluateArithmetic('N - r', vars), 6);
    assert.equal(evaluateArithmetic('$N * (r + 1) / 4', vars), 6);
    assert.equal(evaluateArithmetic('${N} % 3', vars), 2);
    assert.equal(evaluateArithmetic('-N + 10', vars), 2);
    assert.equal(evaluateArithmetic('N / 0', vars), undefined);
    assert.equal(evaluateArithmetic('N - name', vars), undefined);
    assert.equal(evaluateArithmetic('N - M', vars), undefined);
    assert.equal(evaluateArithmetic('N + ', vars), undefined);
    assert.equal(evaluateArithmetic(`${'('.repeat(50)}1${')'.repeat(50)}`, vars), undefined, 'bounded depth');
  });

  it('quoted defaults hold spaces and name other variables', () => {
    const f = extractShellFacts(
      [
        'ROOT=${ROOT:-"${HOME}/rl"}',
        'MODEL_PATH=${MODEL_PATH:-"${ROOT}/models/Qwen3-8B"}',
        'ENTRY=${ENTRY:-"-m pkg.trainer.main_ppo"}',
        'G=4',
        'T=$((G * 2))',
        'python3 ${ENTRY} actor_rollout_ref.model.path="${MODEL_PATH}" trainer.n_gpus_per_node="${T}"',
      ].join('\n'),
    );
    one(f, 'model.id', 'Qwen3-8B');
    one(f, 'hardware.devices', 8);
    one(f, 'model.fromScratch', false);
  });
});

describe('Job specs holding a launch (configFacts.ts)', () => {
  it('Beaker: command [/bin/sh, -c] with its arguments is one command, at the arguments; gpuCount counts', () => {
    const yaml = [
      'version: v2', // 0
      'tasks:', // 1
      '  - name: sft', // 2
      "    command: ['/bin/sh', '-c']", // 3
      "    arguments: ['accelerate launch", // 4
      '      --num_processes 4', // 5
      '      train.py', // 6
      '      --model_name_or_path org/model-7b', // 7
      '      --num_train_epochs 3', // 8
      "      ']", // 9
      '    resources:', // 10
      '      gpuCount: 4', // 11
    ].join('\n');
    const f = extractConfigFacts(yaml, 'yaml').facts;
    assert.equal(f.filter((x) => x.kind === 'launch.trainer').length, 1, 'read once');
    const launch = one(f, 'launch.trainer').range.startLine;
    assert.ok(launch >= 4 && launch <= 9, `the launch is in the arguments (line ${launch})`);
    assert.equal(one(f, 'training.epochs', 3).range.startLine, 8);
    assert.equal(one(f, 'model.id', 'org/model-7b').range.startLine, 7);
    assert.equal(one(f, 'hardware.devices', 4).range.startLine, 5);
    assert.ok(
      f.some((x) => x.kind === 'hardware.devices' && x.value === 4 && x.range.startLine === 11),
      'gpuCount',
    );
  });

  it("a flow list closed at its key's indentation (as PyYAML accepts) is read whole; a mounted dataset names the model", () => {
    const yaml = [
      'tasks:', // 0
      '  - name: dpo', // 1
      "    command: ['/bin/sh', '-c']", // 2
      "    arguments: ['torchrun dpo.py", // 3
      '        --model_name_or_path /base', // 4
      "    ']", // 5
      '    datasets:', // 6
      '      - mountPath: /base', // 7
      '        source:', // 8
      '          beaker: team/llama2_13b_hf', // 9
      '    resources:', // 10
      '      gpuCount: 8', // 11
    ].join('\n');
    const r = extractConfigFacts(yaml, 'yaml');
    assert.deepEqual(r.problems, []);
    assert.equal(one(r.facts, 'hardware.devices', 8).range.startLine, 11);
    const model = one(r.facts, 'model.id', 'team/llama2_13b_hf');
    assert.equal(model.range.startLine, 4);
    assert.match(model.detail, /mounted at \/base/);
  });

  it('Kubernetes: a command list with its args list', () => {
    const f = extractConfigFacts(
      'spec:\n  containers:\n    - command: ["torchrun", "--nproc_per_node=2", "train.py"]\n      args: ["--num_train_epochs", "5"]\n',
      'yaml',
    ).facts;
    one(f, 'launch.trainer');
    one(f, 'training.epochs', 5);
    one(f, 'link.script', 'train.py');
  });

  it('lora_rank > 0 in a config is LoRA; 0 is none', () => {
    one(extractConfigFacts('model:\n  lora_rank: 16\n', 'yaml').facts, 'training.adapter', 'lora');
    // 0 is LoRA stated off (session 21): the adapters a program builds behind `lora_rank > 0` are not built.
    one(extractConfigFacts('model:\n  lora_rank: 0\n', 'yaml').facts, 'training.adapter', ADAPTER_OFF);
    const tokenizeOnly =
      'model_name_or_path: org/m-4b\nstage: sft\nfinetuning_type: lora\nlora_rank: 8\ntokenized_path: saves/x\n';
    assert.ok(
      !extractConfigFacts(tokenizeOnly, 'yaml').facts.some(
        (f) => f.kind === 'training.adapter' && f.detail.startsWith('lora_rank'),
      ),
      "a framework's dialect reads its method itself",
    );
  });
});

describe('verl precision default (estimate/precisionDefault.ts)', () => {
  it('bf16 as verl ships it, on chips that compute in bf16; the source is cited', () => {
    const h100 = findAccelerator('H100')!;
    const d = defaultTrainingPrecision('verl', h100);
    assert.equal(d.precision, 'bf16');
    assert.match(d.detail, /engine\/fsdp\.yaml/);
    const v100 = findAccelerator('V100')!;
    assert.equal(defaultTrainingPrecision('verl', v100).precision, 'fp16');
  });

  it("verl's generation program serves with its rollout engine, vLLM in bf16 unless overridden", () => {
    const f = extractShellFacts('python3 -m verl.trainer.main_generation model.path=org/m-7b trainer.nnodes=1\n');
    one(f, 'training.mode', 'inference');
    assert.equal(one(f, 'inference.engine', 'vllm').confidence, 'low');
    one(f, 'inference.weightPrecision', 'bf16');
    const sglang = extractShellFacts(
      'python3 -m verl.trainer.main_generation rollout.name=sglang rollout.dtype=float16\n',
    );
    assert.equal(one(sglang, 'inference.engine', 'sglang').confidence, 'high');
    none(sglang, 'inference.weightPrecision', 'bf16');
    none(extractShellFacts('python3 -m verl.trainer.main_ppo x=1\n'), 'inference.engine');
  });

  it('a verl module launch names the framework', () => {
    one(extractShellFacts('python3 -m verl.trainer.main_ppo trainer.total_epochs=1\n'), 'run.framework', 'verl');
  });
});
