import * as assert from 'node:assert/strict';
import { mayStartPythonRun } from '../../src/core/extract/python';
import { architectureName } from '../../src/core/extract/python/readers/xtunerV1';
import { nonRunPathReason } from '../../src/core/resolve/entryPoint';
import { analyzeSource, noFact, oneFact, pythonFacts } from './helpers';

/**
 * OpenMMLab (mmengine) Python configs and xtuner v1 config modules (python/readers/mmengine.ts, xtunerV1.ts):
 * each rule on a small case of its own and on the near miss it must leave alone.
 */

const SCHEDULE = `train_cfg = dict(type='EpochBasedTrainLoop', max_epochs=24)\noptim_wrapper = dict(type='OptimWrapper', optimizer=dict(type='SGD', lr=0.01))\n`;

describe('mmengine (OpenMMLab) configs', () => {
  it('makes a config with a model tree and a schedule a run, and reads how long it trains', async () => {
    const facts = await pythonFacts(
      `model = dict(type='RetinaNet', backbone=dict(type='ResNet', depth=50))\n${SCHEDULE}`,
    );
    oneFact(facts, 'launch.trainer', 'mmengine:config');
    oneFact(facts, 'training.epochs', 24);
    // A plain OptimWrapper does not autocast: no precision is read from it.
    noFact(facts, 'training.precision');
    const iters = await pythonFacts(
      `model = dict(type='EncoderDecoder')\ntrain_cfg = dict(type='IterBasedTrainLoop', max_iters=160000)\n`,
    );
    oneFact(iters, 'training.steps', 160000);
  });

  it('leaves a schedule fragment, a model fragment and a script that only names the same keys alone', async () => {
    noFact(await pythonFacts(SCHEDULE), 'launch.trainer');
    noFact(
      await pythonFacts(`model = dict(type='RetinaNet', backbone=dict(type='ResNet', depth=50))\n`),
      'launch.trainer',
    );
    // Keys of the same names that are not `dict(...)` trees at module level.
    noFact(
      await pythonFacts(
        `model = build_model(cfg)\noptimizer = torch.optim.SGD(model.parameters(), lr=0.1)\ntrain_cfg = cfg.train\n`,
      ),
      'launch.trainer',
      'mmengine:config',
    );
  });

  it('makes a derived config a run (`_base_` and the pure-Python `read_base()`)', async () => {
    oneFact(
      await pythonFacts(`_base_ = ['../_base_/models/x.py', '../_base_/schedules/schedule_1x.py']\n`),
      'launch.trainer',
      'mmengine:config',
    );
    oneFact(
      await pythonFacts(
        `from mmengine.config import read_base\nwith read_base():\n    from .._base_.models.x import *\nmodel.update(dict(neck=None))\n`,
      ),
      'launch.trainer',
      'mmengine:config',
    );
    // `_base_` bound to something other than a path or a list of them is not this dialect's.
    noFact(await pythonFacts(`_base_ = compute_base()\n`), 'launch.trainer');
  });

  it('reads the checkpoint of the language model first, LoRA and 4-bit dicts, and the autocast dtype', async () => {
    const facts = await pythonFacts(
      [
        `llm_path = 'org/chat-7b'`,
        `model = dict(type=Wrapper, visual_encoder=dict(type=CLIPVisionModel.from_pretrained, pretrained_model_name_or_path='org/clip-l'),`,
        `    llm=dict(type=AutoModelForCausalLM.from_pretrained, pretrained_model_name_or_path=llm_path,`,
        `        quantization_config=dict(type=BitsAndBytesConfig, load_in_4bit=True)),`,
        `    llm_lora=dict(type=LoraConfig, r=64))`,
        `optim_wrapper = dict(type=AmpOptimWrapper, accumulative_counts=4)`,
        `train_cfg = dict(type=TrainLoop, max_epochs=1)`,
      ].join('\n'),
    );
    const ids = facts.filter((f) => f.kind === 'model.id').map((f) => f.value);
    assert.deepEqual(ids, ['org/chat-7b']);
    oneFact(facts, 'training.adapter', 'qlora');
    oneFact(facts, 'training.adapter', 'lora');
    oneFact(facts, 'training.gradientAccumulation', 4);
    // AmpOptimWrapper without dtype: torch.autocast's default, float16 on CUDA, said so.
    assert.match(oneFact(facts, 'training.precision', 'fp16').detail, /without dtype/);
  });

  it('gives the full config the mode of its model tree in the estimate', async () => {
    const analysis = await analyzeSource(
      'llama_full_e2.py',
      [
        `import torch`,
        `model = dict(type=SupervisedFinetune, llm=dict(type=AutoModelForCausalLM.from_pretrained,`,
        `    pretrained_model_name_or_path='meta-llama/Llama-2-7b-hf', torch_dtype=torch.bfloat16))`,
        `optim_wrapper = dict(type=AmpOptimWrapper, dtype='bfloat16')`,
        `train_cfg = dict(type=TrainLoop, max_epochs=2)`,
        `if False:`,
        `    pass`,
      ].join('\n'),
    );
    assert.equal(analysis.runs.length, 1);
    const run = analysis.runs[0].run;
    assert.equal(run.mode, 'finetune');
    assert.equal(run.spec.training.epochs, 2);
    assert.equal(run.spec.training.precision, 'bf16');
  });

  it('lets the folder scan parse such configs (their run start) and no other module-level dicts', () => {
    assert.ok(mayStartPythonRun(`import x\ntrain_cfg = dict(type=TrainLoop, max_epochs=1)\nif x:\n    pass\n`));
    assert.ok(mayStartPythonRun(`import x\n_base_ = './a.py'\ndef f():\n    pass\n`));
    assert.ok(!mayStartPythonRun(`import x\ncfg = dict(type=TrainLoop, max_epochs=1)\ndef f():\n    pass\n`));
  });
});

describe('xtuner v1 config modules', () => {
  it('reads a module-level TrainerConfig: the model config class, loaded or not, and its length', async () => {
    const scratch = await pythonFacts(
      `model_cfg = Qwen3Dense4BConfig()\ntrainer = TrainerConfig(model_cfg=model_cfg, total_epoch=1)\n`,
    );
    oneFact(scratch, 'launch.trainer', 'xtuner:TrainerConfig');
    oneFact(scratch, 'model.id', 'Qwen3Dense-4B');
    oneFact(scratch, 'model.fromScratch', true);
    oneFact(scratch, 'training.epochs', 1);
    // The FSDP default, stated as one (low confidence, with where it is documented).
    assert.match(oneFact(scratch, 'training.precision', 'bf16').detail, /fsdp\.py/);
    const rl = await pythonFacts(
      [
        `import os`,
        `NNODE = int(os.environ.get("WORLD_SIZE", "1"))`,
        `resources = AcceleratorResourcesConfig(accelerator="GPU", num_workers=8 * NNODE)`,
        `worker = WorkerConfig(model_cfg=get_model_config_from_hf(path))`,
        `trainer = RLColocateTrainerConfig(resources=resources, train_worker_cfg=worker, load_from=os.environ["MODEL_PATH"], total_train_steps=45)`,
      ].join('\n'),
    );
    oneFact(rl, 'model.fromScratch', false);
    oneFact(rl, 'training.steps', 45);
    oneFact(rl, 'hardware.devices', 8);
    // get_model_config_from_hf(path) leaves the model to the checkpoint: not named.
    noFact(rl, 'model.id');
  });

  it('leaves a model-config fragment (no trainer config) alone', async () => {
    noFact(await pythonFacts(`model = Qwen3Dense8BConfig(num_hidden_layers=3, hidden_size=512)\n`), 'launch.trainer');
    noFact(await pythonFacts(`trainer = TrainerConfig(work_dir='x')\n`), 'launch.trainer');
  });

  it('sets the size written in a model-config class apart so the name reads as a size', () => {
    assert.equal(architectureName('Qwen3Dense4BConfig'), 'Qwen3Dense-4B');
    assert.equal(architectureName('Qwen3MoE30BA3Config'), 'Qwen3MoE-30B-A3');
    assert.equal(architectureName('InternS1MiniConfig'), 'InternS1Mini');
  });
});

describe('environment defaults and places that hold no runs', () => {
  it('reads os.environ.get / os.getenv at their default, and `"X" in os.environ` as false', async () => {
    const facts = await pythonFacts(
      `import os\nEPOCHS = int(os.getenv("EPOCHS", "3"))\nsteps = int(os.environ["STEPS"]) if "STEPS" in os.environ else 500\nfor epoch in range(EPOCHS):\n    loss.backward()\n`,
    );
    assert.match(oneFact(facts, 'training.epochs', 3).detail, /\$EPOCHS unset/);
    // Without a default the variable stays unknown.
    noFact(await pythonFacts(`import os\nEPOCHS = int(os.environ["EPOCHS"])\n`), 'training.epochs', 3);
  });

  it('treats autotest/ as tests and .dev_scripts/ as developer tooling', () => {
    assert.match(nonRunPathReason('autotest/config/qwen3.py') ?? '', /test/);
    assert.match(nonRunPathReason('.dev_scripts/benchmark_train.py') ?? '', /developer tooling/);
    assert.equal(nonRunPathReason('configs/faster_rcnn/faster-rcnn_r50_fpn_1x_coco.py'), undefined);
  });

  it('leaves out the _base_ fragments a run config inherits, even one that derives from another', () => {
    assert.match(nonRunPathReason('configs/_base_/datasets/cityscapes_769x769.py') ?? '', /base config fragment/);
    assert.match(nonRunPathReason('segmentation/configs/_base_/schedules/schedule_80k.py') ?? '', /_base_/);
    assert.equal(nonRunPathReason('configs/segformer/segformer_mit-b0_8xb2-160k_ade20k-512x512.py'), undefined);
  });
});
