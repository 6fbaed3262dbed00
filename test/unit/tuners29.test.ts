import * as assert from 'node:assert/strict';
import { fourBitOrLessBase, simpleTunerModel } from '../../src/core/extract/config/simpleTuner';
import { extractConfigFacts } from '../../src/core/extract/configFacts';
import type { Fact } from '../../src/core/facts';

const values = (read: readonly Fact[], kind: string) => read.filter((f) => f.kind === kind).map((f) => f.value);
const json = (value: unknown) => extractConfigFacts(JSON.stringify(value, null, 2), 'json').facts;

describe('Diffusion fine-tuning toolkit configs: OneTrainer presets, SimpleTuner configs (round 29, set AF)', () => {
  it('resolves a SimpleTuner family and flavour to the Hub repository the family class loads', () => {
    assert.deepEqual(simpleTunerModel('flux', undefined), {
      id: 'black-forest-labs/flux.1-krea-dev',
      flavour: 'krea',
      byDefault: true,
    });
    assert.equal(simpleTunerModel('flux', 'kontext')?.id, 'black-forest-labs/flux.1-kontext-dev');
    // Registered names that differ from the family's folder.
    assert.equal(simpleTunerModel('pixart_sigma', '600M-1024')?.id, 'PixArt-alpha/PixArt-Sigma-XL-2-1024-MS');
    assert.equal(simpleTunerModel('kandinsky5-image', undefined)?.flavour, 't2i-lite-sft');
    // A family that requires a flavour, an unknown flavour, an unknown family: no model.
    assert.equal(simpleTunerModel('deepfloyd', undefined), undefined);
    assert.equal(simpleTunerModel('flux', 'no-such-flavour'), undefined);
    assert.equal(simpleTunerModel('llama', undefined), undefined);
    assert.equal(simpleTunerModel('toString', undefined), undefined);
  });

  it('counts a base of four bits or fewer as QLoRA storage, eight bits and more as LoRA', () => {
    for (const q of [
      'int4-quanto',
      'int2-quanto',
      'nf4-bnb',
      'uint4-sdnq',
      'uint3-sdnq',
      'fp8-int4-torchao',
      'int4-torchao',
    ])
      assert.equal(fourBitOrLessBase(q), true, q);
    for (const q of [
      'no_change',
      'int8-quanto',
      'fp8-torchao',
      'int8-sdnq',
      'uint5-sdnq',
      'int6-sdnq',
      'fp8wo-torchao',
    ])
      assert.equal(fourBitOrLessBase(q), false, q);
  });

  it('reads a SimpleTuner config with its defaults marked as such', () => {
    const facts = json({ model_family: 'sd3', model_type: 'lora', max_train_steps: 100, num_train_epochs: 0 });
    assert.deepEqual(values(facts, 'model.id'), ['stabilityai/stable-diffusion-3.5-medium']);
    assert.deepEqual(values(facts, 'training.mode'), ['lora']);
    assert.deepEqual(values(facts, 'training.epochs'), []);
    const precision = facts.find((f) => f.kind === 'training.precision')!;
    assert.equal(precision.value, 'bf16');
    assert.equal(precision.confidence, 'medium');
    assert.match(precision.detail, /default/);
    // A pretrained path wins over the family's flavour.
    const own = json({ model_family: 'flux', model_type: 'full', pretrained_model_name_or_path: 'org/my-flux' });
    assert.deepEqual(values(own, 'model.id'), ['org/my-flux']);
    assert.deepEqual(values(own, 'training.mode'), ['finetune']);
  });

  it('claims a SimpleTuner config only with a trainer key beside model_family', () => {
    assert.deepEqual(
      values(json({ model_family: 'flux', model_type: 'causal-lm', max_train_steps: 10 }), 'run.framework'),
      [],
    );
    assert.deepEqual(values(json({ model_family: 'flux', base_model_precision: 'int8-quanto' }), 'run.framework'), [
      'simpletuner',
    ]);
  });

  it('reads a OneTrainer preset over TrainConfig defaults', () => {
    const lora = json({
      base_model_name: 'Qwen/Qwen-Image',
      model_type: 'QWEN',
      training_method: 'LORA',
      transformer: { train: true, weight_dtype: 'FLOAT_8' },
      train_dtype: 'BFLOAT_16',
    });
    assert.deepEqual(values(lora, 'training.mode'), ['lora']);
    assert.deepEqual(values(lora, 'training.precision'), ['bf16']);
    assert.deepEqual(values(lora, 'training.epochs'), [100]);
    assert.deepEqual(values(lora, 'hardware.devices'), [1]);
    const multi = json({
      base_model_name: 'Qwen/Qwen-Image',
      model_type: 'QWEN',
      training_method: 'FINE_TUNE',
      multi_gpu: true,
      device_indexes: '0,1,2,3',
      epochs: 5,
    });
    assert.deepEqual(values(multi, 'hardware.devices'), [4]);
    assert.deepEqual(values(multi, 'training.epochs'), [5]);
    assert.deepEqual(values(multi, 'training.precision'), ['fp16']);
    // multi_gpu without indexes: every visible GPU, not known here.
    assert.deepEqual(
      values(json({ model_type: 'SANA', training_method: 'FINE_TUNE', multi_gpu: true }), 'hardware.devices'),
      [],
    );
  });

  it('leaves alone JSON whose method or model type is not one of OneTrainer', () => {
    assert.deepEqual(values(json({ base_model_name: 'gpt2', training_method: 'sft', epochs: 3 }), 'run.framework'), []);
    assert.deepEqual(values(json({ model_type: 'llama', base_model_name: 'gpt2' }), 'run.framework'), []);
    // A model type alone (a Hugging Face config.json with an upper-case type) is no preset.
    assert.deepEqual(values(json({ model_type: 'LLAMA', hidden_size: 64 }), 'run.framework'), []);
  });
});
