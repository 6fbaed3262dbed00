import * as assert from 'node:assert/strict';
import type { Fact } from '../../src/core/facts';
import { pythonFacts } from './helpers';

/**
 * Thirty-sixth round (held-out set AL): shapes of small from-scratch LM repositories and research codebases: a
 * wrapper class handed a checkpoint path is no architecture built at random, a loader returns its model cast to half
 * precision, a substring test on a flag's default decides a branch, a generation loop handed the model runs it, and an
 * architecture's config class names the model it sizes.
 */

const valuesOf = (facts: readonly Fact[], kind: string) => facts.filter((f) => f.kind === kind).map((f) => f.value);

describe('Thirty-sixth round: small-LM program shapes', () => {
  it('does not read a model wrapper handed a checkpoint path as a randomly initialised architecture', async () => {
    const code = [
      'import argparse',
      'from mypkg.utils import LMForRewardModel',
      'from transformers import LlamaForCausalLM, LlamaConfig',
      'parser = argparse.ArgumentParser()',
      'parser.add_argument("--reward_model_path", default="../reward")',
      'args = parser.parse_args()',
      'reward_model = LMForRewardModel(args.reward_model_path, device="cuda")',
      '',
    ].join('\n');
    assert.deepEqual(valuesOf(await pythonFacts(code), 'model.fromScratch'), []);
    // A config object still builds an architecture at random.
    const built = await pythonFacts(
      code.replace('LMForRewardModel(args.reward_model_path, device="cuda")', 'LlamaForCausalLM(config)'),
    );
    assert.deepEqual(valuesOf(built, 'model.fromScratch'), [true]);
  });

  it('reads a loader that returns its model cast to float16 with the tokenizer', async () => {
    const code = [
      'import torch',
      'from transformers import AutoModelForCausalLM, AutoTokenizer',
      'def init_model(path):',
      '    tokenizer = AutoTokenizer.from_pretrained(path)',
      '    model = AutoModelForCausalLM.from_pretrained(path)',
      '    return model.half().eval().to("cuda"), tokenizer',
      'model, tokenizer = init_model("Qwen/Qwen2.5-0.5B")',
      'print(model.generate(**tokenizer("hi", return_tensors="pt")))',
      '',
    ].join('\n');
    assert.deepEqual(valuesOf(await pythonFacts(code), 'training.precision'), ['fp16']);
    // A returned model that is not cast says nothing of its precision here.
    const plain = await pythonFacts(code.replace('model.half().eval()', 'model.eval()'));
    assert.ok(!valuesOf(plain, 'training.precision').includes('fp16'));
  });

  it("decides `if 'model' in args.load_from:` on the flag's default", async () => {
    const code = (value: string) =>
      [
        'import argparse, torch',
        'from transformers import AutoModelForCausalLM',
        'from model.model_lm import TinyConfig, TinyForCausalLM',
        'parser = argparse.ArgumentParser()',
        `parser.add_argument("--load_from", default="${value}")`,
        'args = parser.parse_args()',
        "if 'model' in args.load_from:",
        '    model = TinyForCausalLM(TinyConfig(hidden_size=512, num_hidden_layers=8))',
        '    model.load_state_dict(torch.load("out/full_sft_512.pth"))',
        'else:',
        '    model = AutoModelForCausalLM.from_pretrained(args.load_from)',
        'print(model.generate(torch.zeros(1, 4, dtype=torch.long)))',
        '',
      ].join('\n');
    // The default names the repository's own weights folder: the Hub load (of a folder named `model`) is not taken.
    assert.ok(!valuesOf(await pythonFacts(code('model')), 'model.id').includes('model'));
    // Any other default is loaded from the Hub.
    assert.ok(valuesOf(await pythonFacts(code('org/tiny-lm')), 'model.id').includes('org/tiny-lm'));
  });

  it('reads the generate call of a generation loop the program hands its model', async () => {
    const code = (built: string) =>
      [
        'from omegaconf import OmegaConf',
        'from mypkg.checkpoint import load_consolidated_model_and_tokenizer',
        'class PackedGenerator:',
        '    def __init__(self, cfg, model, tokenizer):',
        '        self.model = model',
        '    def generate(self, prompts):',
        '        return [self.model(p) for p in prompts]',
        'def main():',
        '    cfg = OmegaConf.from_cli()',
        '    model, tokenizer, _ = load_consolidated_model_and_tokenizer(cfg.ckpt)',
        `    generator = ${built}`,
        '    print(generator.generate(["hello"]))',
        'if __name__ == "__main__":',
        '    main()',
        '',
      ].join('\n');
    const handed = await pythonFacts(code('PackedGenerator(cfg, model, tokenizer)'));
    assert.ok(valuesOf(handed, 'launch.inference').length > 0);
    // A plain class of the file's own given no model (a report builder) generates no model output.
    const plain = await pythonFacts(code('PackedGenerator(cfg, None, tokenizer)'));
    assert.deepEqual(valuesOf(plain, 'launch.inference'), []);
  });

  it("names the model by an architecture's config class built with its sizes, only when nothing else does", async () => {
    const code = (extra: string) =>
      [
        'import argparse, torch',
        'from model.model_minilm import MiniLMConfig, MiniLMForCausalLM',
        'from trainer.utils import init_model',
        'parser = argparse.ArgumentParser()',
        'parser.add_argument("--hidden_size", default=512, type=int)',
        'parser.add_argument("--num_hidden_layers", default=8, type=int)',
        'args = parser.parse_args()',
        'lm_config = MiniLMConfig(hidden_size=args.hidden_size, num_hidden_layers=args.num_hidden_layers)',
        'train_config = TrainingConfig(hidden_size=1, num_hidden_layers=2)',
        extra,
        'model, tokenizer = init_model(lm_config)',
        'optimizer = torch.optim.AdamW(model.parameters())',
        'for batch in loader:',
        '    model(batch).loss.backward()',
        '    optimizer.step()',
        '',
      ].join('\n');
    assert.deepEqual(valuesOf(await pythonFacts(code('')), 'model.id'), ['MiniLM']);
    // A checkpoint the program loads names the model instead.
    const loaded = await pythonFacts(code('teacher = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2.5-0.5B")'));
    assert.ok(!valuesOf(loaded, 'model.id').includes('MiniLM'));
    // A library's config at new sizes (transformers' LlamaConfig as a template) is that family's, not a model's name.
    const library = await pythonFacts(
      code('')
        .replace(
          'from model.model_minilm import MiniLMConfig, MiniLMForCausalLM',
          'from transformers import LlamaConfig',
        )
        .replace('MiniLMConfig(', 'LlamaConfig('),
    );
    assert.deepEqual(valuesOf(library, 'model.id'), []);
    // A config with sizes but no layer count (a settings bag) names nothing.
    const partial = await pythonFacts(code('').replace(', num_hidden_layers=args.num_hidden_layers', ''));
    assert.deepEqual(valuesOf(partial, 'model.id'), []);
  });

  it('reads the mixed precision a DeepSpeed config builder is told to switch on', async () => {
    const code = (flag: string) =>
      [
        'import deepspeed',
        'from mypkg.utils import get_train_ds_config',
        'class PolicyTrainer:',
        '    def setup(self, args, model):',
        `        ds_config = get_train_ds_config(offload=False, stage=3${flag})`,
        '        self.model, *_ = deepspeed.initialize(model=model, config=ds_config)',
        '        for batch in self.loader:',
        '            self.model.backward(self.model(batch).loss)',
        '            self.model.step()',
        '',
      ].join('\n');
    assert.deepEqual(valuesOf(await pythonFacts(code(', bf16=True')), 'training.precision'), ['bf16']);
    // Told nothing, or told off, the builder's own defaults decide (read through its module, not here).
    assert.deepEqual(valuesOf(await pythonFacts(code('')), 'training.precision'), []);
    assert.deepEqual(valuesOf(await pythonFacts(code(', bf16=False')), 'training.precision'), []);
  });
});
