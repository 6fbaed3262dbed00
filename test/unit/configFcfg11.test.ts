import * as assert from 'node:assert/strict';
import { extractConfigFacts } from '../../src/core/extract/configFacts';
import type { Fact } from '../../src/core/facts';
import { noFact, oneFact } from './helpers';

const facts = (yaml: string): Fact[] => extractConfigFacts(yaml, 'yaml').facts;

/** A sgm/latent-diffusion training config with the trainer section and model params a test varies. */
function sgm(trainer: string, modelParams = ''): string {
  return [
    'model:',
    '  target: sgm.models.diffusion.DiffusionEngine',
    '  params:',
    modelParams,
    '    network_config:',
    '      target: sgm.modules.diffusionmodules.openaimodel.UNetModel',
    '      params:',
    '        model_channels: 64',
    '        num_res_blocks: 2',
    'data:',
    '  target: my.data.Loader',
    '  params:',
    '    batch_size: 16',
    'lightning:',
    '  trainer:',
    trainer,
    '',
  ]
    .filter((l) => l !== '')
    .join('\n');
}

describe('instantiate-from-config training configs (config/instantiateConfig.ts)', () => {
  it('reads the module, a from-scratch build, the length and the batch', () => {
    const all = facts(sgm('    devices: 0,\n    max_epochs: 7'));
    // sgm's DiffusionEngine is one generic class for every model: named with the network it builds.
    assert.equal(oneFact(all, 'model.id').value, 'DiffusionEngine (UNetModel)');
    oneFact(all, 'training.mode', 'pretrain');
    oneFact(all, 'training.epochs', 7);
    oneFact(all, 'training.batchPerDevice', 16);
    oneFact(all, 'launch.trainer', 'config:instantiate-config');
    // `devices: 0,` is the string "0,": one GPU index, not zero devices.
    oneFact(all, 'hardware.devices', 1);
    noFact(all, 'training.precision');
  });

  it('counts device lists and leaves "auto" / -1 unknown; max_steps -1 is unset', () => {
    oneFact(facts(sgm('    devices: [0, 1, 2]\n    num_nodes: 2\n    max_steps: 900')), 'hardware.devices', 3);
    oneFact(facts(sgm('    devices: [0, 1, 2]\n    num_nodes: 2\n    max_steps: 900')), 'hardware.nodes', 2);
    oneFact(facts(sgm('    devices: 4\n    max_steps: 900')), 'hardware.devices', 4);
    noFact(facts(sgm('    devices: auto\n    max_steps: 900')), 'hardware.devices');
    noFact(facts(sgm('    devices: -1\n    max_epochs: 2\n    max_steps: -1')), 'hardware.devices');
    noFact(facts(sgm('    devices: -1\n    max_epochs: 2\n    max_steps: -1')), 'training.steps');
  });

  it('maps Lightning precision values', () => {
    oneFact(facts(sgm('    precision: bf16-mixed\n    max_epochs: 1')), 'training.precision', 'bf16');
    oneFact(facts(sgm('    precision: 16\n    max_epochs: 1')), 'training.precision', 'fp16');
    oneFact(facts(sgm('    precision: 32-true\n    max_epochs: 1')), 'training.precision', 'fp32');
  });

  it("is a fine-tune when the module's own ckpt_path loads weights", () => {
    const all = facts(sgm('    max_epochs: 1', '    ckpt_path: ckpts/base.ckpt'));
    oneFact(all, 'training.mode', 'finetune');
    noFact(all, 'training.mode', 'pretrain');
  });

  it("is a fine-tune when the module continues an earlier stage's checkpoint or wraps a pretrained pipeline", () => {
    for (const params of [
      '    init_ckpt: logs/stage1/checkpoints/last.ckpt',
      '    diffusion_config:\n      pretrained_model_name_or_path: acme/multiview-base\n      custom_pipeline: ./mv',
    ]) {
      const all = facts(sgm('    max_epochs: 1', params));
      oneFact(all, 'training.mode', 'finetune');
      noFact(all, 'training.mode', 'pretrain');
    }
    // A frozen part's pretrained weights (its conditioning encoder) do not make the trained module a fine-tune.
    const frozen = facts(
      sgm('    max_epochs: 1', '    cond_stage_config:\n      pretrained_model_name_or_path: acme/text-encoder'),
    );
    oneFact(frozen, 'training.mode', 'pretrain');
  });

  it('a personalization (textual inversion) config fine-tunes a pretrained checkpoint', () => {
    const all = facts(
      sgm(
        '    max_steps: 6100',
        '    personalization_config:\n      target: ldm.modules.embedding_manager.EmbeddingManager',
      ),
    );
    oneFact(all, 'training.mode', 'finetune');
    noFact(all, 'training.mode', 'pretrain');
  });

  it('a model definition without a lightning section is not a run', () => {
    const all = facts(
      'model:\n  target: a.b.LatentDiffusion\n  params:\n    unet_config:\n      target: a.UNetModel\n',
    );
    noFact(all, 'launch.trainer', 'config:instantiate-config');
  });
});

describe('training_args / peft_config fine-tuning configs (config/trainingArgsSections.ts)', () => {
  const base = 'training_args:\n  output_dir: out\n  max_steps: 40\n  per_device_train_batch_size: 2\n';
  it('LoRA, another PEFT method, or a full fine-tune', () => {
    oneFact(facts(`${base}peft_config:\n  peft_type: LORA\n  r: 8\n`), 'training.mode', 'lora');
    oneFact(facts(`${base}peft_config:\n  peft_type: P_TUNING\n`), 'training.mode', 'finetune');
    const full = facts(base);
    oneFact(full, 'training.mode', 'finetune');
    oneFact(full, 'training.steps', 40);
    oneFact(full, 'launch.trainer', 'config:training-args-section');
  });
  it('needs a TrainingArguments section', () => {
    noFact(facts('training_args:\n  foo: 1\npeft_config:\n  peft_type: LORA\n'), 'launch.trainer');
  });
});

describe('mistral-finetune configs (config/mistralFinetune.ts)', () => {
  it('reads the checkpoint folder, LoRA and the batch', () => {
    const all = facts(
      'model_id_or_path: /ckpt/mistralai/Mistral-7B-v0.3\nlora:\n  rank: 16\nseq_len: 2048\nbatch_size: 2\nnum_microbatches: 3\nmax_steps: 50\n',
    );
    assert.equal(oneFact(all, 'model.id').value, 'mistralai/Mistral-7B-v0.3');
    oneFact(all, 'training.mode', 'lora');
    oneFact(all, 'training.gradientAccumulation', 3);
    oneFact(all, 'training.seqLen', 2048);
  });
  it('an empty model path names no model', () => {
    const all = facts('model_id_or_path: ""\nlora:\n  rank: 64\nmax_steps: 10\n');
    noFact(all, 'model.id');
    oneFact(all, 'training.steps', 10);
  });
});
