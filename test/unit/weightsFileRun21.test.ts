import * as assert from 'node:assert/strict';
import { extractConfigFacts } from '../../src/core/extract/configFacts';
import { configDrivenVerdict } from '../../src/core/extract/python/entryPoint';
import type { Fact } from '../../src/core/facts';
import { noFact, oneFact, pythonFacts } from './helpers';

const facts = (yaml: string): Fact[] => extractConfigFacts(yaml, 'yaml').facts;

const TRAINING = [
  'lr: 1.0e-4',
  'batch_size: 24',
  'updates: 6000',
  'warmup_updates: 100',
  'encoder_checkpoint_path: weights/encoder.pt',
  'decoder_checkpoint_path: weights/decoder.pt',
].join('\n');

describe('flat weights-file run configs (config/weightsFileRun.ts)', () => {
  it('reads a training config: the run, its updates, a fine-tune of the weights it names, the model unknown', () => {
    const all = facts(TRAINING);
    oneFact(all, 'launch.trainer', 'config:weights-file-run');
    oneFact(all, 'training.steps', 6000);
    oneFact(all, 'training.mode', 'finetune');
    oneFact(all, 'model.params', null);
    noFact(all, 'model.id');
  });

  it('reads LoRA only when a rank comes with the modules it adapts', () => {
    oneFact(facts(`${TRAINING}\nrank: 8\ntarget_modules: [to_q, to_v]`), 'training.mode', 'lora');
    oneFact(facts(`${TRAINING}\nrank: 8`), 'training.mode', 'finetune');
  });

  it('needs weights files, a learning rate and a batch; a nested config is not such a file', () => {
    noFact(facts(TRAINING.replace(/\.pt/g, '')), 'launch.trainer');
    noFact(facts(TRAINING.replace('lr: 1.0e-4', 'seed: 3')), 'launch.trainer');
    noFact(facts(TRAINING.replace('batch_size: 24', 'image_size: 256')), 'launch.trainer');
    noFact(facts(`${TRAINING}\nmodel:\n  encoder:\n    depth: 12`), 'launch.trainer');
  });

  it('reads a sampling config only without training keys', () => {
    const sampling = 'dtype: bfloat16\ngenerator_checkpoint_path: models/gen.safetensors';
    oneFact(facts(sampling), 'launch.inference', 'config:weights-file-run');
    noFact(facts(`${sampling}\nlr: 0.001`), 'launch.inference');
    noFact(facts('generator_checkpoint_path: models/gen.safetensors'), 'launch.inference');
  });
});

describe('programs that hand sys.argv[1] to their config loader (python/entryPoint.ts)', () => {
  const program = (argument: string) =>
    [
      'import sys',
      'import torch',
      'from engine import Core',
      'class Run(Core):',
      '    def step(self, net, opt, x):',
      '        net(x).mean().backward()',
      '        opt.step()',
      'if __name__ == "__main__":',
      `    run = Run(${argument}, device=torch.device("cuda"))`,
      '    run()',
      '',
    ].join('\n');
  const verdictOf = async (text: string) => configDrivenVerdict(text, await pythonFacts(text));

  it('is config-driven when the argument names a config file and there is no fallback file', async () => {
    assert.ok((await verdictOf(program('config_file_path=sys.argv[1] if len(sys.argv) > 1 else None')))?.detail);
    assert.ok((await verdictOf(program('config=sys.argv[1]')))?.detail);
  });

  it('stays a run with a fallback config or a keyword that names no config', async () => {
    assert.equal(
      await verdictOf(program('config_file_path=sys.argv[1] if len(sys.argv) > 1 else "configs/base.yaml"')),
      undefined,
    );
    assert.equal(await verdictOf(program('seed=sys.argv[1]')), undefined);
  });
});
