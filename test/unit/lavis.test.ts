import * as assert from 'node:assert/strict';
import { extractConfigFacts } from '../../src/core/extract/configFacts';
import { analyzeSource } from './helpers';

const valueOf = (text: string, kind: string) =>
  extractConfigFacts(text, 'yaml').facts.find((f) => f.kind === kind)?.value;

describe('LAVIS-style configs', () => {
  it('names the language model when llama_model is a name, the registry variant when it is a placeholder', () => {
    const base = 'model:\n  arch: blip2_vicuna_instruct\n  model_type: vicuna7b\n';
    const run = 'run:\n  task: captioning\n  max_epoch: 2\n  amp: True\n';
    assert.equal(valueOf(`${base}  llm_model: "lmsys/vicuna-7b-v1.5"\n${run}`, 'model.id'), 'lmsys/vicuna-7b-v1.5');
    assert.equal(
      valueOf(`${base}  llm_model: "/path/to/vicuna"\n${run}`, 'model.id'),
      'blip2_vicuna_instruct-vicuna7b',
    );
    assert.equal(valueOf(`${base}  llm_model: ""\n${run}`, 'model.id'), 'blip2_vicuna_instruct-vicuna7b');
    // `pretrain` names no variant; a variant the arch already carries is not repeated.
    assert.equal(valueOf('model:\n  arch: minigpt_v2\n  model_type: pretrain\n' + run, 'model.id'), 'minigpt_v2');
    assert.equal(valueOf('model:\n  arch: blip2_opt\n  model_type: pretrain_opt\n' + run, 'model.id'), 'blip2_opt');
  });

  it('trains with the runner keys, answers without them or with evaluate: True', () => {
    const head = 'model:\n  arch: minigpt4\n  model_type: pretrain_llama2\ndatasets:\n  coco: {}\n';
    const facts = (run: string) => extractConfigFacts(head + run, 'yaml').facts.map((f) => f.kind);
    assert.ok(facts('run:\n  task: image_text_pretrain\n  max_epoch: 1\n').includes('launch.trainer'));
    assert.ok(facts('run:\n  task: image_text_pretrain\n').includes('launch.inference'));
    assert.ok(facts('run:\n  task: captioning\n  init_lr: 1e-5\n  evaluate: True\n').includes('launch.inference'));
    // `run.world_size` is the runner's fallback under torchrun: no device count.
    assert.ok(!facts('run:\n  task: t\n  max_epoch: 1\n  world_size: 4\n').includes('hardware.devices'));
    // No `run.task`: not this dialect.
    assert.ok(!facts('run:\n  max_epoch: 1\n').includes('launch.trainer'));
  });

  it('reads amp as fp16 and lora_r as LoRA only in a training config', () => {
    const cfg = (run: string, lora = '') =>
      `model:\n  arch: minigpt_v2\n  model_type: pretrain\n${lora}datasets:\n  x: {}\nrun:\n  task: t\n${run}`;
    assert.equal(valueOf(cfg('  max_epoch: 1\n  amp: True\n'), 'training.precision'), 'fp16');
    assert.equal(valueOf(cfg('  max_epoch: 1\n  amp: False\n'), 'training.precision'), 'fp32');
    assert.equal(valueOf(cfg('  max_epoch: 1\n', '  lora_r: 16\n'), 'training.mode'), 'lora');
    assert.equal(valueOf(cfg('  max_epoch: 1\n', '  lora_r: 0\n'), 'training.mode'), 'finetune');
    assert.equal(valueOf(cfg('', '  lora_r: 16\n'), 'training.mode'), undefined);
  });
});

describe('segment-anything builders', () => {
  it('reads the registry key, a checkpoint name when the key is open, and no size when neither says', async () => {
    const head = 'from segment_anything import SamPredictor, sam_model_registry\n';
    const ask = 'p = SamPredictor(sam)\np.set_image(img)\nmasks = p.predict(point_coords=pts)\n';
    const name = async (body: string) => (await analyzeSource('x.py', head + body + ask)).runs[0]?.run.model.name;
    assert.equal(await name('sam = sam_model_registry["vit_b"](checkpoint="w.pth")\n'), 'sam_vit_b');
    assert.equal(await name('sam = sam_model_registry["default"](checkpoint=ck)\n'), 'sam_vit_h');
    assert.equal(await name('sam = sam_model_registry[kind](checkpoint="sam_vit_l_0b3195.pth")\n'), 'sam_vit_l');
    assert.equal(await name('sam = sam_model_registry[kind](checkpoint=ck)\n'), 'sam');
  });
});
