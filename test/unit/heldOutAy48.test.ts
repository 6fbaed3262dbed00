import * as assert from 'node:assert/strict';
import { extractShellFacts } from '../../src/core/extract/shellFacts';
import { findModel } from '../../src/core/knowledge';
import { yamlKeyPaths } from '../../src/core/scan/siblingConfigs';
import { pythonFacts, scanFiles } from './helpers';

/** Forty-eighth round: rules from what set AY read wrong. */

/** A trainer that reads a sectioned YAML (data / ckpt / run / optimizer / model) named by a part's config flag. */
const sectionedTrainer = [
  'import argparse',
  'import torch',
  'from omegaconf import OmegaConf',
  '',
  'def main(config):',
  '    model = torch.nn.Linear(4, 4)',
  '    opt = torch.optim.AdamW(model.parameters(), lr=config.optimizer.lr)',
  '    for step in range(config.run.max_train_steps):',
  '        loss = model(torch.randn(2, 4)).sum()',
  '        loss.backward()',
  '        opt.step()',
  '',
  "if __name__ == '__main__':",
  '    parser = argparse.ArgumentParser()',
  '    parser.add_argument("--denoiser_config_path", type=str, default="configs/denoiser.yaml")',
  '    args = parser.parse_args()',
  '    main(OmegaConf.load(args.denoiser_config_path))',
  '',
].join('\n');

const sectioned = (steps: number, extra = '') =>
  [
    'data:',
    '  batch_size: 8',
    '  num_frames: 16',
    '  resolution: 256',
    'ckpt:',
    '  resume_ckpt_path: checkpoints/denoiser.pt',
    '  save_ckpt_steps: 1000',
    'run:',
    `  max_train_steps: ${steps}`,
    '  mixed_precision_training: true',
    '  seed: 7',
    'optimizer:',
    '  lr: 1.0e-5',
    'model:',
    '  attention_head_dim: 8',
    '  cross_attention_dim: 384',
    extra,
    '',
  ].join('\n');

describe('Forty-eighth round: configs a launch names for a part (set AY)', () => {
  it('links the YAML a part’s config flag names (--denoiser_config_path)', () => {
    const facts = extractShellFacts(
      'torchrun --nproc_per_node=1 -m scripts.train_denoiser --denoiser_config_path "configs/denoiser/stage1.yaml"\n',
    );
    assert.ok(facts.some((f) => f.kind === 'link.config' && f.value === 'configs/denoiser/stage1.yaml'));
  });

  it('does not take a part’s JSON settings for the run’s config (--tokenizer_config x.json)', () => {
    const facts = extractShellFacts('python train.py --tokenizer_config tok/tokenizer_config.json\n');
    assert.ok(!facts.some((f) => f.kind === 'link.config' && String(f.value).endsWith('tokenizer_config.json')));
  });

  it('reads configs beside the one a training launch names, in its sectioned shape, as that launch run with them', async () => {
    const scan = await scanFiles({
      'train.sh':
        'torchrun --nproc_per_node=1 -m scripts.train_denoiser --denoiser_config_path "configs/denoiser/stage1.yaml"\n',
      'scripts/train_denoiser.py': sectionedTrainer,
      'configs/denoiser/stage1.yaml': sectioned(1000),
      'configs/denoiser/stage2.yaml': sectioned(5000, '  temporal_layers: 4'),
    });
    const sibling = scan.files.find((f) => f.display === 'configs/denoiser/stage2.yaml');
    assert.equal(sibling?.analysis.runs[0]?.run.training.steps, 5000);
  });

  it('leaves the siblings of a launcher’s own config (no run length in it) alone', async () => {
    const accelerate = (machines: number) =>
      [
        'compute_environment: LOCAL_MACHINE',
        'distributed_type: MULTI_GPU',
        'downcast_bf16: "no"',
        'machine_rank: 0',
        'main_training_function: main',
        'mixed_precision: bf16',
        `num_machines: ${machines}`,
        'num_processes: 8',
        'use_cpu: false',
        '',
      ].join('\n');
    const scan = await scanFiles({
      'train.sh': 'accelerate launch --config_file configs/accel/one_node.yaml scripts/train_denoiser.py\n',
      'scripts/train_denoiser.py': sectionedTrainer,
      'configs/accel/one_node.yaml': accelerate(1),
      'configs/accel/two_nodes.yaml': accelerate(2),
      'configs/denoiser.yaml': sectioned(1000),
    });
    const sibling = scan.files.find((f) => f.display === 'configs/accel/two_nodes.yaml');
    assert.equal(sibling?.analysis.runs.length ?? 0, 0);
  });

  it('does not read a training config’s siblings as the evaluation that loads it for its model', async () => {
    const evaluator = [
      'import argparse',
      'import torch',
      'from omegaconf import OmegaConf',
      '',
      'def main(config):',
      '    model = torch.nn.Linear(4, 4).eval()',
      '    with torch.no_grad():',
      '        print(model(torch.randn(2, 4)))',
      '',
      "if __name__ == '__main__':",
      '    parser = argparse.ArgumentParser()',
      '    parser.add_argument("--denoiser_config_path", type=str, default="configs/denoiser.yaml")',
      '    args = parser.parse_args()',
      '    main(OmegaConf.load(args.denoiser_config_path))',
      '',
    ].join('\n');
    const scan = await scanFiles({
      'infer.sh': 'python -m scripts.infer --denoiser_config_path "configs/denoiser/stage1.yaml"\n',
      'scripts/infer.py': evaluator,
      'configs/denoiser/stage1.yaml': sectioned(1000),
      'configs/denoiser/stage2.yaml': sectioned(5000, '  temporal_layers: 4'),
    });
    const sibling = scan.files.find((f) => f.display === 'configs/denoiser/stage2.yaml');
    assert.ok(!sibling?.analysis.runs.some((r) => r.run.mode === 'inference'));
  });

  it('keeps the nesting of a YAML’s keys as paths', () => {
    const paths = yamlKeyPaths('run:\n  max_train_steps: 5\n  seed: 1\nmodel:\n  dims:\n    width: 4\n');
    assert.deepEqual([...paths], ['run', 'run.max_train_steps', 'run.seed', 'model', 'model.dims', 'model.dims.width']);
  });
});

describe('Forty-eighth round: positional arguments of a program (set AY)', () => {
  const command =
    'CUDA_VISIBLE_DEVICES=0 python finetune_hf.py data/AdvertiseGen_fix /media/models/chatglm3-6b configs/lora.yaml\n';

  it('links a YAML among a program’s positional arguments as its config', () => {
    const facts = extractShellFacts(command);
    assert.ok(facts.some((f) => f.kind === 'link.config' && String(f.value).endsWith('configs/lora.yaml')));
  });

  it('names the model by a positional folder whose last part states a size, with low confidence', () => {
    const model = extractShellFacts(command).find((f) => f.kind === 'model.id');
    assert.equal(model?.value, 'chatglm3-6b');
    assert.equal(model?.confidence, 'low');
  });

  it('does not name a model from a positional data folder or a variable', () => {
    const facts = extractShellFacts('python finetune_hf.py data/AdvertiseGen_fix $MODEL_DIR configs/lora.yaml\n');
    assert.ok(!facts.some((f) => f.kind === 'model.id'));
  });
});

describe('Forty-eighth round: example scripts of a project’s own model wrappers (set AY)', () => {
  it('reads a model loaded through the project’s loader from arguments that name it, then run, as inference', async () => {
    const facts = await pythonFacts(
      [
        'from src.model.model import EmbedderModel',
        'from src.arguments import ModelArguments',
        'import torch',
        '',
        "model_args = ModelArguments(model_name='acme/embedder-v2', pooling='last', normalize=True)",
        'model = EmbedderModel.load(model_args, is_trainable=False)',
        'model.eval()',
        "model = model.to('cuda', dtype=torch.bfloat16)",
        'qry = model(qry=inputs)',
        '',
      ].join('\n'),
    );
    assert.ok(facts.some((f) => f.kind === 'launch.inference'));
    assert.equal(facts.find((f) => f.kind === 'model.id')?.value, 'acme/embedder-v2');
  });

  it('reads a wrapper built with a Hub id and asked for embeddings (get_*_embeddings) as inference', async () => {
    const facts = await pythonFacts(
      [
        'from embed_inference import VisualEmbedder',
        '',
        'embedder = VisualEmbedder("acme/visual-embedder-2B")',
        'e_text = embedder.get_text_embeddings(texts=["a cat"])',
        '',
      ].join('\n'),
    );
    assert.ok(facts.some((f) => f.kind === 'launch.inference'));
    assert.equal(facts.find((f) => f.kind === 'model.id')?.value, 'acme/visual-embedder-2B');
  });

  it('reads a package’s model class built with no id and given its released weights, then asked, as inference', async () => {
    const facts = await pythonFacts(
      [
        'import torch',
        'import sound_clip',
        '',
        'model = sound_clip.SoundCLIP_Module(enable_fusion=False)',
        'model.load_ckpt()',
        'with torch.no_grad():',
        '    text_embed = model.get_text_embedding(["a dog barking"])',
        '',
      ].join('\n'),
    );
    assert.ok(facts.some((f) => f.kind === 'launch.inference'));
    assert.equal(facts.find((f) => f.kind === 'model.id')?.value, 'SoundCLIP_Module');
  });

  it('leaves a package object that is given no weights and no model alone', async () => {
    const facts = await pythonFacts(
      [
        'import sound_clip',
        '',
        'model = sound_clip.SoundCLIP_Module(enable_fusion=False)',
        'text_embed = model.get_text_embedding(["a dog barking"])',
        '',
      ].join('\n'),
    );
    assert.ok(!facts.some((f) => f.kind === 'launch.inference'));
  });

  it('takes a pipeline’s first argument for its model when it is a Hub id (lmdeploy), not a task name', async () => {
    const facts = await pythonFacts(
      [
        'from lmdeploy import TurbomindEngineConfig, pipeline',
        "pipe = pipeline('acme/vision-chat-7b-4bit', backend_config=TurbomindEngineConfig(model_format='awq'))",
        "print(pipe(('describe this image', image)).text)",
        '',
      ].join('\n'),
    );
    assert.equal(facts.find((f) => f.kind === 'model.id')?.value, 'acme/vision-chat-7b-4bit');
    const task = await pythonFacts(
      ['from transformers import pipeline', "pipe = pipeline('text-generation')", "print(pipe('hi'))", ''].join('\n'),
    );
    assert.ok(!task.some((f) => f.kind === 'model.id' && f.value === 'text-generation'));
  });
});

describe('Forty-eighth round: catalog (set AY)', () => {
  it('knows Qwen2-VL-2B-Instruct and InternLM-XComposer2 (its vision tower and Partial LoRA beyond the 7B name)', () => {
    assert.equal(findModel('Qwen/Qwen2-VL-2B-Instruct')?.params, 2_210_000_000);
    assert.ok((findModel('internlm/internlm-xcomposer2-7b')?.params ?? 0) > 8e9);
  });
});
