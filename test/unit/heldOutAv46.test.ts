import * as assert from 'node:assert/strict';
import { extractShellFacts } from '../../src/core/extract/shellFacts';
import { scanFiles } from './helpers';

/** Forty-sixth round: rules from the misreads left in held-out set AV. */

const SFT_PROGRAM = [
  'from trl import SFTTrainer, TrlParser, ScriptArguments, SFTConfig, ModelConfig',
  '',
  'def main(script_args, training_args, model_args):',
  '    trainer = SFTTrainer(model=model_args.model_name_or_path, args=training_args)',
  '    trainer.train()',
  '',
  "if __name__ == '__main__':",
  '    parser = TrlParser((ScriptArguments, SFTConfig, ModelConfig))',
  '    main(*parser.parse_args_and_config())',
  '',
].join('\n');

const RECIPE = [
  'model_name_or_path: Qwen/Qwen2.5-1.5B',
  'torch_dtype: bfloat16',
  'bf16: true',
  'dataset_name: trl-lib/Capybara',
  'num_train_epochs: 2',
  'per_device_train_batch_size: 4',
  'gradient_accumulation_steps: 8',
  'max_seq_length: 1024',
  'packing: false',
  '',
].join('\n');

const acceleratePlan = (processes: number) =>
  `distributed_type: MULTI_GPU\nmixed_precision: bf16\nnum_machines: 1\nnum_processes: ${processes}\n`;

const readmeLaunching = (launcherConfig: string) =>
  [
    '# Recipe',
    '',
    '```shell',
    `accelerate launch --config_file configs/launch/${launcherConfig} train/sft.py --config recipes/small/sft.yaml`,
    '```',
    '',
  ].join('\n');

describe('Forty-sixth round: real-repository rules', () => {
  it("counts the devices of the launcher config a recipe's README launches it with", async () => {
    const files = {
      'train/sft.py': SFT_PROGRAM,
      'recipes/small/sft.yaml': RECIPE,
      'configs/launch/multi.yaml': acceleratePlan(4),
      'configs/launch/single.yaml': acceleratePlan(1),
    };
    const scan = await scanFiles({ ...files, 'recipes/small/README.md': readmeLaunching('multi.yaml') });
    const run = scan.files.find((f) => f.display === 'recipes/small/sft.yaml')?.analysis.runs[0]?.run;
    assert.equal(run?.spec.hardware.count, 4);
    // Two pages launching it on different launcher configs do not say which it runs on.
    const two = await scanFiles({
      ...files,
      'recipes/small/README.md': readmeLaunching('multi.yaml'),
      'docs/README.md': readmeLaunching('single.yaml'),
    });
    const unsure = two.files.find((f) => f.display === 'recipes/small/sft.yaml')?.analysis.runs[0]?.run;
    assert.ok(unsure, 'the recipe is still a run');
    assert.notEqual(unsure.spec.hardware.count, 4);
  });
});

describe('Forty-sixth round: DeepSpeed launches', () => {
  it('counts the device slots `deepspeed --include` names', async () => {
    const program = [
      'import argparse, deepspeed, torch',
      "if __name__ == '__main__':",
      '    parser = argparse.ArgumentParser()',
      "    parser.add_argument('--model', type=str, default='gpt2')",
      '    args = parser.parse_args()',
      '    model = torch.nn.Linear(4, 4)',
      '    engine, optimizer, _, _ = deepspeed.initialize(model=model, model_parameters=model.parameters())',
      '    loss = engine(torch.ones(4)).sum()',
      '    engine.backward(loss)',
      '    engine.step()',
      '',
    ].join('\n');
    const scan = await scanFiles({
      'train.py': program,
      'one_host.sh': 'deepspeed --include localhost:0,1,2,3,4,5 --master_port 29500 train.py --model gpt2\n',
      'two_hosts.sh': 'deepspeed --include worker-1:0,1,2,3@worker-2:0,1,2,3 train.py --model gpt2\n',
    });
    const runOf = (name: string) => scan.files.find((f) => f.display === name)?.analysis.runs[0]?.run;
    assert.equal(runOf('one_host.sh')?.spec.hardware.count, 6);
    assert.equal(runOf('two_hosts.sh')?.spec.hardware.count, 8);
  });
});

/** A Composer train config of a model class the repository registers itself, pruned towards a smaller shape. */
const PRUNING_CONFIG = [
  'max_seq_len: 2048',
  'model:',
  '  name: ours_llama2_7b',
  '  d_model: 4096',
  '  n_heads: 32',
  '  n_layers: 32',
  '  intermediate_size: 11008',
  '  vocab_size: 32000',
  '  l0_module:',
  '    target_sparsity: 0.5',
  '    target_model:',
  '      d_model: 2048',
  '      n_layers: 24',
  '      n_heads: 16',
  '      intermediate_size: 5504',
  'global_train_batch_size: 32',
  'max_duration: 800ba',
  'precision: amp_bf16',
  '',
].join('\n');

const COMPOSER_PROGRAM = [
  'import sys',
  'from omegaconf import OmegaConf as om',
  'from composer import Trainer',
  '',
  'def main(cfg):',
  '    trainer = Trainer(model=build(cfg.model), max_duration=cfg.max_duration)',
  '    trainer.fit()',
  '',
  "if __name__ == '__main__':",
  '    yaml_path, args_list = sys.argv[1], sys.argv[2:]',
  '    cfg = om.merge(om.load(yaml_path), om.from_cli(args_list))',
  '    main(cfg)',
  '',
].join('\n');

describe('Forty-sixth round: configs of a model of the repository’s own', () => {
  it('sizes a registered LLaMA-shaped model from its config, not from the shape it is pruned towards', async () => {
    const scan = await scanFiles({ 'pkg/configs/7b.yaml': PRUNING_CONFIG, 'pkg/train.py': COMPOSER_PROGRAM });
    const run = scan.files.find((f) => f.display === 'pkg/configs/7b.yaml')?.analysis.runs[0]?.run;
    assert.equal(run?.spec.model.name, 'ours_llama2_7b');
    // LLaMA 2 7B's layout (gated MLP, untied output layer): 6.74e9, not the 5.2e9 of a two-matrix MLP nor the target's size.
    const params = run?.spec.model.params ?? 0;
    assert.ok(params > 6.6e9 && params < 6.9e9, String(params));
  });

  it('takes the model a launch’s config builds over the folder name of the weights file it starts from', async () => {
    const launch = [
      'PROJ_DIR=/scratch/group/me/space/Project',
      'model=7b',
      'config_file=${PROJ_DIR}/pkg/configs/${model}.yaml',
      'composer ${PROJ_DIR}/pkg/train.py $config_file \\',
      '    max_duration=3200ba \\',
      '    model.path=/scratch/group/me/out/run_13b_pruned_to7b/latest-rank0.pt',
      '',
    ].join('\n');
    const scan = await scanFiles({
      'pkg/configs/7b.yaml': PRUNING_CONFIG,
      'pkg/train.py': COMPOSER_PROGRAM,
      'pkg/scripts/continue.sh': launch,
    });
    const run = scan.files.find((f) => f.display === 'pkg/scripts/continue.sh')?.analysis.runs[0]?.run;
    assert.equal(run?.spec.model.name, 'ours_llama2_7b');
    assert.equal(run?.spec.training.steps, 3200);
  });
});

describe('Forty-sixth round: entry points', () => {
  it('reads every function of a module `fire.Fire()` exposes as a command, a `test_` one included', async () => {
    const program = [
      'import torch',
      'from fire import Fire',
      'from transformers import AutoModelForSeq2SeqLM, AutoTokenizer',
      '',
      'def test_model(path: str, prompt: str = "Hello"):',
      '    model = AutoModelForSeq2SeqLM.from_pretrained(path)',
      '    tokenizer = AutoTokenizer.from_pretrained(path)',
      '    with torch.inference_mode():',
      '        outputs = model.generate(**tokenizer(prompt, return_tensors="pt"), max_length=64)',
      '    print(tokenizer.decode(outputs[0]))',
      '',
      "if __name__ == '__main__':",
      '    Fire()',
      '',
    ].join('\n');
    const scan = await scanFiles({ 'generate.py': program });
    assert.equal(scan.files[0]?.analysis.runs[0]?.run.spec.training.mode, 'inference');
    // Without Fire() the function is a helper nothing calls.
    const library = await scanFiles({ 'generate.py': program.replace("if __name__ == '__main__':\n    Fire()\n", '') });
    assert.equal(library.files[0]?.analysis.runs.length, 0);
  });

  it('runs a class of the module that the main guard hands to a framework by its import string', async () => {
    const program = [
      'import torch',
      'from transformers import OpenAIGPTLMHeadModel',
      'from parlai.scripts.eval_model import setup_args',
      '',
      'class OurAgent:',
      '    def __init__(self, opt):',
      "        self.model = OpenAIGPTLMHeadModel.from_pretrained('openai-gpt')",
      '    def act(self, batch):',
      '        with torch.no_grad():',
      '            return self.model(batch)',
      '',
      "if __name__ == '__main__':",
      '    parser = setup_args()',
      "    parser.set_params(model='ours_eval:OurAgent')",
      '    opt = parser.parse_args()',
      '',
    ].join('\n');
    const scan = await scanFiles({ 'ours_eval.py': program });
    const run = scan.files[0]?.analysis.runs[0]?.run;
    assert.equal(run?.spec.training.mode, 'inference');
    assert.equal(run?.spec.model.name, 'openai-gpt');
    // The catalog knows GPT-1 (OpenAIGPTConfig: 12 layers, d 768, vocab 40478, 512 positions).
    assert.ok(!run?.sizeIsDefault);
    assert.equal(run?.model.params, 116_534_784);
  });
});

describe('Forty-sixth round: evaluation of a training config', () => {
  const LAZY =
    'from detectron2.config import LazyCall as L\nfrom detectron2.modeling import GeneralizedRCNN\nfrom ..common.coco_loader import dataloader\nfrom ..common.train import train\n\nmodel = L(GeneralizedRCNN)()\ntrain.max_iter = 90000\ntrain.amp.enabled = True\ntrain.init_checkpoint = ""\n';
  const PROGRAM =
    'from detectron2.config import LazyConfig\nfrom detectron2.engine import default_argument_parser, launch\n\n\ndef main(args):\n    cfg = LazyConfig.load(args.config_file)\n\n\nif __name__ == "__main__":\n    args = default_argument_parser().parse_args()\n    launch(main, args.num_gpus, args=(args,))\n';
  const launch = (extra: string) =>
    `#!/bin/bash\ncd /mnt/me/Repo/det;\n\nCONFIG=projects/Ours/configs/mask_rcnn_ours.py\n\npython3 tools/lazyconfig_train_net.py \\\n --num-gpus 2 --config-file \${CONFIG} ${extra}\n`;

  it("leaves the trainer's autocast switch out of an --eval-only run of the config", async () => {
    const scan = await scanFiles({
      'det/tools/lazyconfig_train_net.py': PROGRAM,
      'det/projects/Ours/configs/mask_rcnn_ours.py': LAZY,
      'det/scripts/train.sh': launch(''),
      'det/scripts/eval.sh': launch('--eval-only train.init_checkpoint=/ckpt/ours.pth'),
    });
    const specOf = (name: string) => scan.files.find((f) => f.display === name)?.analysis.runs[0]?.run.spec;
    assert.equal(specOf('det/scripts/train.sh')?.training.precision, 'fp16');
    assert.equal(specOf('det/scripts/eval.sh')?.training.mode, 'inference');
    assert.notEqual(specOf('det/scripts/eval.sh')?.training.precision, 'fp16');
  });
});

describe('Forty-sixth round: where a script runs its programs', () => {
  it('follows each relative `cd` from where the one before it went', () => {
    const script = [
      'cd examples/math_eval',
      'cd latex2sympy',
      'pip install -e .',
      'cd ..',
      'bash sh/evaluate.sh "$MODEL"',
      '',
    ].join('\n');
    const links = extractShellFacts(script, 'eval_all.sh').filter((f) => f.kind === 'link.script');
    assert.deepEqual(
      links.map((f) => f.value),
      ['examples/math_eval/sh/evaluate.sh'],
    );
  });
});

describe('Forty-sixth round: a wrapper handed the program it runs', () => {
  it('reads the program a shell wrapper is handed as its first argument as the line’s', async () => {
    const wrapper = [
      'eval_script_path=$1',
      'model_path=$2',
      'NUM_GPUS=$(nvidia-smi --list-gpus | wc -l)',
      'CUDA_VISIBLE_DEVICES=0 bash "$eval_script_path" "$model_path"',
      '',
    ].join('\n');
    const evaluation = [
      'MODEL=$1',
      'python -u math_eval.py --model_name_or_path "$MODEL" --temperature 0 --use_vllm',
      '',
    ].join('\n');
    const program = [
      'import argparse',
      'from vllm import LLM, SamplingParams',
      '',
      "if __name__ == '__main__':",
      '    parser = argparse.ArgumentParser()',
      "    parser.add_argument('--model_name_or_path', type=str)",
      "    parser.add_argument('--temperature', type=float, default=0)",
      '    args = parser.parse_args()',
      '    llm = LLM(model=args.model_name_or_path)',
      "    print(llm.generate(['1+1='], SamplingParams(temperature=args.temperature)))",
      '',
    ].join('\n');
    const scan = await scanFiles({
      'examples/math_eval/sh/convert_and_evaluate.sh': wrapper,
      'examples/math_eval/sh/eval.sh': evaluation,
      'examples/math_eval/math_eval.py': program,
      'eval_nodes.sh': 'cd examples/math_eval\nbash sh/convert_and_evaluate.sh "sh/eval.sh" "/ckpt/step_100"\n',
    });
    const run = scan.files.find((f) => f.display === 'eval_nodes.sh')?.analysis.runs[0]?.run;
    assert.equal(run?.spec.training.mode, 'inference');
  });
});

describe('Forty-sixth round: a model helper handed a checkpoint', () => {
  it('reads `make_generative_lm(model_name_or_path=…)` as loading pretrained weights', async () => {
    const program = [
      'from dataclasses import dataclass, field',
      'import transformers',
      'from ours import common',
      '',
      '@dataclass',
      'class ModelArguments:',
      '    model_name_or_path: str = field(default=None)',
      '',
      'def train():',
      '    parser = transformers.HfArgumentParser((ModelArguments, transformers.TrainingArguments))',
      '    model_args, training_args = parser.parse_args_into_dataclasses()',
      '    model = common.make_generative_lm(',
      '        model_name_or_path=model_args.model_name_or_path,',
      '        config=transformers.AutoConfig.from_pretrained(model_args.model_name_or_path),',
      '    )',
      '    transformers.Trainer(model=model, args=training_args).train()',
      '',
      "if __name__ == '__main__':",
      '    train()',
      '',
    ].join('\n');
    const scan = await scanFiles({ 'supervised.py': program });
    const run = scan.files[0]?.analysis.runs[0]?.run;
    assert.equal(run?.spec.training.mode, 'finetune');
  });
});
