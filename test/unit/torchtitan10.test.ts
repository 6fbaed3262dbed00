import * as assert from 'node:assert/strict';
import { extractShellFacts } from '../../src/core/extract/shellFacts';
import { servingModule, utilityProgram } from '../../src/core/extract/shell/runIntent';
import { nonRunPathReason } from '../../src/core/resolve/entryPoint';
import { defaultTrainingPrecision } from '../../src/core/estimate/precisionDefault';
import { findAccelerator } from '../../src/core/knowledge';
import { analyzeSource, noFact, oneFact } from './helpers';

/** torchtitan as one dialect (python/readers/torchtitan.ts, shell/torchtitan.ts), and the pipeline-script rules beside it. */

const shell = (text: string) => extractShellFacts(text);

const REGISTRY = `from torchtitan.components.quantization import MXFP8LinearConverter
from torchtitan.config import TrainingConfig
from torchtitan.trainer import Trainer

from . import model_registry


def _base(flavor: str) -> Trainer.Config:
    return Trainer.Config(
        model_spec=model_registry(flavor),
        training=TrainingConfig(local_batch_size=4, seq_len=2048, steps=1200),
    )


def gemma_2b_c4() -> Trainer.Config:
    config = _base("2B")
    config.model_spec = model_registry("2B", converters=[MXFP8LinearConverter.Config()])
    return config


def gemma_2b_c4_long() -> Trainer.Config:
    config = gemma_2b_c4()
    config.training.steps = 5000
    return config
`;

describe('torchtitan: config registries', () => {
  it('reads the first run configuration, drawing on the helper it calls', async () => {
    const a = await analyzeSource('/ws/ours/config_registry.py', REGISTRY);
    assert.equal(a.runs.length, 1);
    const facts = a.facts ?? [];
    oneFact(facts, 'run.framework', 'torchtitan');
    assert.match(oneFact(facts, 'source.configModule', 'registry').detail, /gemma_2b_c4, the first of 2/);
    oneFact(facts, 'model.id', 'gemma_2b_c4');
    oneFact(facts, 'model.fromScratch', true);
    oneFact(facts, 'training.steps', 1200);
    oneFact(facts, 'training.batchPerDevice', 4);
    oneFact(facts, 'training.seqLen', 2048);
    oneFact(facts, 'training.precision', 'fp8');
    const { run } = a.runs[0];
    assert.equal(run.spec.model.params ?? run.model.params, 2e9);
    assert.equal(run.spec.training.precision, 'fp8');
  });

  it('leaves alone a module whose Config-returning functions name no model spec, and one with parameters only', async () => {
    const plain = await analyzeSource(
      '/ws/cfg.py',
      'from dataclasses import dataclass\n\ndef make() -> MyConfig:\n    return MyConfig(lr=1e-3)\n',
    );
    noFact(plain.facts ?? [], 'run.framework', 'torchtitan');
    const helperOnly = await analyzeSource(
      '/ws/cfg.py',
      'def build(flavor: str) -> Trainer.Config:\n    return Trainer.Config(model_spec=model_registry(flavor))\n',
    );
    noFact(helperOnly.facts ?? [], 'run.framework', 'torchtitan');
  });

  it('bf16 mixed precision is the documented default of a silent job', () => {
    const d = defaultTrainingPrecision('torchtitan', findAccelerator('H100')!);
    assert.equal(d.precision, 'bf16');
    assert.match(d.detail, /mixed_precision_param/);
  });
});

describe('torchtitan: launches', () => {
  it('names the model by the config, reads overrides and checkpoint loads', () => {
    const f = shell(
      'torchrun --nproc_per_node=8 -m torchtitan.train --module llama3 --config llama3_70b --training.steps 40 --checkpoint.initial_load_path ./ckpt\n',
    );
    oneFact(f, 'run.framework', 'torchtitan');
    oneFact(f, 'model.id', 'llama3_70b');
    oneFact(f, 'training.steps', 40);
    oneFact(f, 'model.fromScratch', false);
  });

  it('a dry run or a debugging comm mode is no run; the default mode is', () => {
    noFact(shell('python -m torchtitan.train --module a --config b --comm.mode fake_backend\n'), 'launch.trainer');
    noFact(shell('python -m torchtitan.train --module a --config b --comm.mode=local_tensor\n'), 'launch.trainer');
    oneFact(shell('python -m torchtitan.train --module a --config b --comm.mode default\n'), 'launch.trainer');
  });

  it('an inference program of the library runs the trained model', () => {
    oneFact(
      shell('torchrun --nproc_per_node=2 -m torchtitan.models.flux.inference.infer --module flux --config flux_dev\n'),
      'launch.inference',
    );
  });

  it('run_train.sh with the job in its environment; without it, some other script', () => {
    const f = shell('NGPU=16 MODULE=deepseek_v3 CONFIG=deepseek_v3_16b ./run_train.sh --training.steps 20\n');
    oneFact(f, 'model.id', 'deepseek_v3_16b');
    oneFact(f, 'hardware.devices', 16);
    oneFact(f, 'training.steps', 20);
    const toml = shell('CONFIG_FILE=./train_configs/llama3_8b.toml ./run_train.sh\n');
    oneFact(toml, 'model.id', 'llama3_8b');
    noFact(shell('./run_train.sh --epochs 3\n'), 'run.framework');
  });
});

describe('Pipeline scripts and program names (round 10)', () => {
  it('a script that trains then evaluates is its training run', () => {
    const f = shell(
      'python -m pkg.dataset -n 4\ntorchrun --nproc_per_node=8 -m scripts.base_train -- --fp8 --num-iterations=300\ntorchrun --nproc_per_node=8 -m scripts.base_eval\ntorchrun --nproc_per_node=8 -m scripts.chat_sft\n',
    );
    noFact(f, 'training.mode', 'inference');
    noFact(f, 'model.fromScratch', false);
    oneFact(f, 'training.precision', 'fp8');
    oneFact(f, 'training.steps', 300);
    // Evaluations alone keep their mode; an SFT step first keeps its start.
    oneFact(shell('python -m scripts.base_eval\npython -m scripts.chat_eval\n'), 'training.mode', 'inference');
    oneFact(shell('python -m scripts.chat_sft\npython -m scripts.chat_eval\n'), 'model.fromScratch', false);
  });

  it('tokenizer programs and data modules are helpers; a training word outranks a chat word', () => {
    assert.ok(utilityProgram({ module: 'scripts.tok_train' }));
    assert.ok(utilityProgram({ script: 'train_tokenizer.py' }));
    assert.ok(utilityProgram({ module: 'nanopkg.dataset' }));
    assert.equal(utilityProgram({ module: 'scripts.base_train' }), undefined);
    assert.equal(servingModule({ module: 'scripts.chat_sft' }), undefined);
    assert.equal(servingModule({ module: 'scripts.chat_rl' }), undefined);
    assert.ok(servingModule({ module: 'scripts.chat_cli' }));
    assert.ok(servingModule({ module: 'llava.eval.model_vqa_loader' }));
  });

  it('a training script over a model its loader returns from a checkpoint fine-tunes it; an evaluation does not train', async () => {
    const train = await analyzeSource(
      '/ws/sft.py',
      'from pkg.ckpt import load_model\nmodel, tok = load_model("base", "cuda")\nfor x in data:\n    model(x).backward()\n    opt.step()\n',
    );
    oneFact(train.facts ?? [], 'model.fromScratch', false);
    const evaluate = await analyzeSource(
      '/ws/ppl.py',
      'from pkg.ckpt import load_model\nmodel = load_model("base")\nfor x in data:\n    print(model(x))\n',
    );
    noFact(evaluate.facts ?? [], 'model.fromScratch');
  });

  it('numerical-equivalence tests of a model port are not runs', () => {
    assert.match(nonRunPathReason('scripts/conversion/numerical_tests_llama.py') ?? '', /numerical-equivalence/);
    assert.match(nonRunPathReason('skills/numerical_equivalence_pretrained.py') ?? '', /numerical-equivalence/);
    assert.equal(nonRunPathReason('scripts/numerical_stability_train.py'), undefined);
  });
});
