import * as assert from 'node:assert/strict';
import { extractShellFacts } from '../../src/core/extract/shellFacts';
import { analyzeSource } from './helpers';

const TRAINER_CLASS = [
  'from diffusers import FluxPipeline',
  'from pkg.trainer import Trainer',
  'from pkg.registry import register',
  '',
  'class FluxLoraTrainer(Trainer):',
  '    def build(self):',
  '        pipe = FluxPipeline(transformer=self.transformer, vae=self.vae)',
  '        return pipe',
  '',
  '    def validate(self, pipe, prompt):',
  '        return pipe(prompt=prompt).images[0]',
  '',
];

describe('Fifteenth round (set Q, second pass): not runs by what they do, launches from tables', () => {
  it('a class handed to a registry at module level reaches nothing; a registry call that builds something still runs', async () => {
    const registered = [...TRAINER_CLASS, 'register("flux", "lora", FluxLoraTrainer)', ''].join('\n');
    assert.equal((await analyzeSource('lora_trainer.py', registered)).runs.length, 0);
    // An instance built inside the call runs its constructor: not a registration only, so the class is reached.
    const built = [...TRAINER_CLASS, 'register("flux", FluxLoraTrainer().validate(None, "a cat"))', ''].join('\n');
    assert.equal((await analyzeSource('lora_trainer.py', built)).runs.length, 1);
  });

  it('weights edited in place and saved is model surgery; a comparison of weights is not an edit', async () => {
    const head = [
      'import torch',
      'from transformers import AutoModelForCausalLM',
      'model = AutoModelForCausalLM.from_pretrained("gpt2")',
      'with torch.no_grad():',
    ];
    const edit = [
      ...head,
      '    model.lm_head.weight[5] = model.lm_head.weight.mean(0)',
      'model.save_pretrained("out")',
      '',
    ];
    assert.equal((await analyzeSource('edit.py', edit.join('\n'))).runs.length, 0);
    const check = [...head, '    out = model(torch.tensor([[1, 2]]))', '    ok = model.lm_head.weight == 0', ''];
    assert.equal((await analyzeSource('check.py', check.join('\n'))).runs.length, 1);
  });

  it('an epoch loop is training only where the file names a model, a loss, an optimizer or a train call', async () => {
    const sampler = [
      'for epoch in range(3):',
      '    sampler.set_epoch(epoch)',
      '    for batch in sampler:',
      '        pass',
      '',
    ];
    assert.equal((await analyzeSource('check_sampler.py', sampler.join('\n'))).runs.length, 0);
    const training = ['for epoch in range(3):', '    train_one_epoch(net, loader)', ''];
    assert.equal((await analyzeSource('train.py', training.join('\n'))).runs.length, 1);
  });

  it('reads a row of a declare -A table into names; a key the table lacks leaves them unset', () => {
    const script = (type: string) =>
      [
        `MODEL_TYPE="${type}"`,
        'declare -A CONFIGS=(',
        '    ["small"]="generate.py /models/Qwen2.5-0.5B 20"',
        ')',
        'IFS=\' \' read -r SCRIPT MODEL_ID STEPS <<< "${CONFIGS[$MODEL_TYPE]}"',
        'torchrun --nproc_per_node=2 ./$SCRIPT --model $MODEL_ID --steps $STEPS',
        '',
      ].join('\n');
    const facts = extractShellFacts(script('small'));
    assert.ok(facts.some((f) => f.kind === 'link.script' && String(f.value).endsWith('generate.py')));
    assert.ok(facts.some((f) => f.kind === 'model.id' && f.value === '/models/Qwen2.5-0.5B'));
    const missing = extractShellFacts(script('large'));
    assert.ok(!missing.some((f) => f.kind === 'model.id' && f.value === '/models/Qwen2.5-0.5B'));
  });

  it('a cloud-job submitter runs the script its --entry-point names', () => {
    const facts = extractShellFacts('python submit.py --entry-point eval/score.py --cfg $1\n');
    assert.ok(facts.some((f) => f.kind === 'link.script' && f.value === 'eval/score.py'));
  });
});
