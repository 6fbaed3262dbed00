import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { linkCandidates } from '../../src/core/analyze';
import { extractConfigFacts } from '../../src/core/extract/configFacts';
import { extractShellFacts } from '../../src/core/extract/shellFacts';
import type { Fact } from '../../src/core/facts';
import { analyzeSource, noFact, oneFact, pythonFacts } from './helpers';

/**
 * Round 9 (programs whose settings live in dataclasses and package modules, single-file pre-training
 * scripts, evaluation configs): the rules, each on a small case of its own and on the near miss it must leave alone.
 */

const yamlFacts = (yaml: string): Fact[] => extractConfigFacts(yaml, 'yaml').facts;

describe('Round 9: programs, pre-training scripts and evaluation configs', () => {
  describe('where a linked module is looked for', () => {
    it('finds a dotted module of the package under src/ and a launched script one folder up', () => {
      const from = path.posix.join('/repo', 'cookbook/scripts/run.sh');
      const modules = linkCandidates('/repo/src/pkg/main.py', 'pkg/utils/train.py', '/repo', path.posix);
      assert.ok(modules.includes('/repo/src/pkg/utils/train.py'), modules.join(', '));
      const scripts = linkCandidates(from, 'run_stream.py', '/repo', path.posix);
      assert.deepEqual(scripts.slice(0, 2), ['/repo/cookbook/scripts/run_stream.py', '/repo/run_stream.py']);
      assert.ok(scripts.includes('/repo/cookbook/run_stream.py'), scripts.join(', '));
      // Only a module path is looked for under src/ (a config named by a launcher is not).
      assert.ok(!linkCandidates(from, 'configs/a.yaml', '/repo', path.posix).includes('/repo/src/configs/a.yaml'));
    });
  });

  describe('programs that import their run from their package', () => {
    it('follows fire.Fire(main) of a thin wrapper into the package program', async () => {
      const facts = await pythonFacts(
        'import fire\nfrom mypkg.finetuning import main\n\nif __name__ == "__main__":\n    fire.Fire(main)\n',
      );
      assert.equal(oneFact(facts, 'link.module').value, 'mypkg/finetuning.py');
    });

    it('follows the run function and the settings class of a program that loads its model, not its helpers', async () => {
      const code = [
        'import fire',
        'from transformers import AutoModelForCausalLM',
        'from mypkg.configs.training import train_config',
        'from mypkg.utils.config_utils import update_config',
        'from mypkg.utils.train_utils import train',
        '',
        'def main(**kwargs):',
        '    cfg = train_config()',
        '    update_config(cfg, **kwargs)',
        '    model = AutoModelForCausalLM.from_pretrained(cfg.model_name)',
        '    train(model, cfg)',
        '',
        'if __name__ == "__main__":',
        '    fire.Fire(main)',
        '',
      ].join('\n');
      const links = (await pythonFacts(code)).filter((f) => f.kind === 'link.module').map((f) => f.value);
      assert.deepEqual(links.sort(), ['mypkg/configs/training.py', 'mypkg/utils/train_utils.py']);
    });

    it('does not follow a package run function from a program that only hands over its command line', async () => {
      const code =
        'from mypkg.arguments import Args\nfrom mypkg.training import pretrain\n\n\ndef main():\n    args = Args.consume()\n    pretrain(args)\n\n\nif __name__ == "__main__":\n    main()\n';
      noFact(await pythonFacts(code), 'link.module');
    });

    it('leaves the branch of a model flag whose default is None to the command line', async () => {
      const code = [
        'from dataclasses import dataclass, field',
        'from typing import Optional',
        'import torch',
        'from transformers import AutoConfig, AutoModelForCausalLM, HfArgumentParser',
        '',
        '@dataclass',
        'class Args:',
        '    model_name_or_path: Optional[str] = field(default=None)',
        '    resume_from: Optional[str] = field(default=None)',
        '    num_train_epochs: int = field(default=2)',
        '',
        'def main(args):',
        '    if args.model_name_or_path:',
        '        model = AutoModelForCausalLM.from_pretrained(args.model_name_or_path, torch_dtype=torch.bfloat16)',
        '    else:',
        '        model = AutoModelForCausalLM.from_config(AutoConfig.from_pretrained("gpt2"))',
        '    if args.resume_from:',
        '        model = AutoModelForCausalLM.from_pretrained(args.resume_from)',
        '    for epoch in range(args.num_train_epochs):',
        '        model(torch.zeros(1, 8, dtype=torch.long)).logits.sum().backward()',
        '',
        'if __name__ == "__main__":',
        '    main(HfArgumentParser((Args,)).parse_args_into_dataclasses()[0])',
        '',
      ].join('\n');
      const facts = await pythonFacts(code);
      // The flag's branch is read (the model is a fine-tuned checkpoint named on the command line) ...
      assert.equal(oneFact(facts, 'model.fromScratch', false).range.startLine, 13);
      // ... while another None default still decides its branch (no resume by default).
      assert.ok(!facts.some((f) => f.kind === 'model.fromScratch' && f.range.startLine === 17));
      const analysis = await analyzeSource('sft.py', code);
      assert.equal(analysis.runs[0].run.mode, 'finetune');
    });

    it('reads ArgumentParserPlus as a flag parser and a Ray actor fit.remote() as training', async () => {
      const code = [
        'import ray',
        'from pkg.utils import ArgumentParserPlus',
        'def main(args):',
        '    learners = make_learners(args)',
        '    ray.get([m.setup.remote() for m in learners])',
        '    ray.get([m.fit.remote() for m in learners])',
        'if __name__ == "__main__":',
        '    parser = ArgumentParserPlus((Args,))',
        '    main(parser.parse())',
        '',
      ].join('\n');
      const facts = await pythonFacts(code);
      assert.equal(oneFact(facts, 'launch.trainer', 'fit').range.startLine, 5);
      assert.equal(facts.filter((f) => f.kind === 'launch.trainer').length, 1);
      oneFact(facts, 'run.commandLine', 'ArgumentParserPlus');
    });

    it('reads vLLM engines created as Ray actors as generation', async () => {
      const facts = await pythonFacts(
        'from pkg import vllm_utils\nengines = vllm_utils.create_vllm_engines(4, 1, "Qwen/Qwen2.5-7B")\nresults = ray.get([e.generate.remote(p) for e in engines])\n',
      );
      oneFact(facts, 'launch.inference', 'vllm_utils.create_vllm_engines');
      oneFact(facts, 'inference.engine', 'vllm');
    });

    it('is an inference run when an Accelerator is only built beside generation', async () => {
      const code =
        'from accelerate import Accelerator\nfrom transformers import AutoModelForCausalLM\naccelerator = Accelerator()\nmodel = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2.5-1.5B-Instruct")\nout = model.generate(ids, max_new_tokens=64)\n';
      assert.equal((await analyzeSource('gen.py', code)).runs[0].run.mode, 'inference');
    });
  });

  describe('single-file pre-training scripts', () => {
    const script = (cls: string, extra = '') =>
      [
        'import torch',
        'import torch.nn as nn',
        `class ${cls}(nn.Module):`,
        '    def __init__(self, vocab_size, num_layers, num_heads, model_dim):',
        '        super().__init__()',
        '        self.embed = nn.Embedding(vocab_size, model_dim)',
        '        self.blocks = nn.ModuleList([Block(model_dim, num_heads) for _ in range(num_layers)])',
        '        self.head = nn.Linear(model_dim, vocab_size, bias=False)',
        extra,
        `model = ${cls}(vocab_size=50304, num_layers=12, num_heads=6, model_dim=768).cuda()`,
        'opt = torch.optim.AdamW(model.parameters())',
        'for step in range(1000):',
        '    model(x, y).backward()',
        '    opt.step()',
        '',
      ].join('\n');

    it('sizes the model from its constructor call and names a published architecture', async () => {
      const facts = await pythonFacts(script('GPT'));
      assert.equal(oneFact(facts, 'model.layers').value, 12);
      assert.equal(oneFact(facts, 'model.hiddenSize').value, 768);
      assert.equal(oneFact(facts, 'model.vocabSize').value, 50304);
      assert.equal(oneFact(facts, 'model.id').value, 'GPT');
      const run = (await analyzeSource('train_gpt.py', script('GPT'))).runs[0].run;
      assert.equal(run.mode, 'pretrain');
      // The head is a Linear of its own (never tied to the embedding): counted beside it.
      assert.equal(run.model.params, 12 * 12 * 768 * 768 + 2 * 50304 * 768);
    });

    it('sizes but does not name a class of the script own', async () => {
      const facts = await pythonFacts(script('TinyLM'));
      assert.equal(oneFact(facts, 'model.layers').value, 12);
      noFact(facts, 'model.id');
    });

    it('names GPT imported from the repository module, not from a library', async () => {
      const sized = 'n_layer = 12\nn_embd = 768\n';
      const local = await pythonFacts(
        `from model import GPT, GPTConfig\n${sized}model = GPT(GPTConfig(n_layer=n_layer, n_embd=n_embd))\n`,
      );
      assert.equal(oneFact(local, 'model.id', 'GPT').confidence, 'low');
      const library = await pythonFacts(`from transformers import GPT2Model\n${sized}model = GPT2Model(config)\n`);
      noFact(library, 'model.id', 'GPT2Model');
    });

    it('reads torch._scaled_mm matmuls as FP8, unless the FP8 switch is assigned off', async () => {
      const fp8 =
        'def mm(x, w):\n    return torch._scaled_mm(x, w.T, out_dtype=torch.bfloat16, scale_a=s, scale_b=s)\n';
      assert.equal(oneFact(await pythonFacts(script('GPT', fp8)), 'training.precision').value, 'fp8');
      const off = `${fp8}class Lin(nn.Linear):\n    def __init__(self, a, b, use_fp8=True):\n        super().__init__(a, b)\n        self.use_fp8 = False\n`;
      noFact(await pythonFacts(script('GPT', off)), 'training.precision', 'fp8');
    });
  });

  describe('weights, schedules and adapters stated in other ways', () => {
    it('reads a whole-model weight cast as the precision, unless a precision switch guards it', async () => {
      const cast = await pythonFacts(
        'model = build()\nfor m in model.modules():\n    m.weight.data = m.weight.data.bfloat16()\nfor step in range(10):\n    model(x).backward()\n',
      );
      oneFact(cast, 'training.precision', 'bf16');
      const guarded = await pythonFacts(
        'model = build()\nif training_args.bf16:\n    model.to(torch.bfloat16)\nfor step in range(10):\n    model(x).backward()\n',
      );
      noFact(guarded, 'training.precision', 'bf16');
    });

    it('reads the steps a module-level schedule object stores from the arguments it is built with', async () => {
      const code = [
        'from dataclasses import dataclass',
        '@dataclass',
        'class Hyperparameters:',
        '    num_scheduled_iterations: int = 1200',
        '    num_extension_iterations: int = 40',
        'class Schedule:',
        '    def __init__(self, stages, scheduled_iterations, extension_iterations, cooldown_frac=0.5):',
        '        self.scheduled_iterations = scheduled_iterations',
        '        self.total_steps = self.scheduled_iterations + extension_iterations',
        'args = Hyperparameters()',
        'schedule = Schedule(STAGES, args.num_scheduled_iterations, args.num_extension_iterations, cooldown_frac=0.6)',
        'train_steps = schedule.total_steps',
        'for step in range(train_steps):',
        '    model(x).backward()',
        '',
      ].join('\n');
      assert.equal(oneFact(await pythonFacts(code), 'training.steps', 1240).range.startLine, 11);
    });

    it('reads use_lora / use_qlora keys and the --use_qlora flag', () => {
      const config = yamlFacts(
        'model_name_or_path: meta-llama/Llama-2-7b-hf\nuse_qlora: true\nuse_lora: true\nnum_train_epochs: 2\n',
      );
      oneFact(config, 'training.adapter', 'qlora');
      oneFact(config, 'training.adapter', 'lora');
      noFact(yamlFacts('model_name_or_path: org/m-7b\nuse_qlora: false\n'), 'training.adapter');
      oneFact(extractShellFacts('accelerate launch finetune.py --use_qlora --use_lora\n'), 'training.adapter', 'qlora');
    });
  });

  describe('evaluation configs (lm-evaluation-harness style)', () => {
    it('reads a flat wrapper config as inference on tensor-parallel × data-parallel GPUs', () => {
      const facts = yamlFacts(
        'model_name: "Qwen/Qwen2.5-7B-Instruct"\ntasks: "ifeval,gsm8k"\ntensor_parallel_size: 2\ndata_parallel_size: 4\nlog_samples: true\n',
      );
      oneFact(facts, 'launch.inference', 'config:lm-eval');
      assert.equal(oneFact(facts, 'hardware.devices').value, 8);
      oneFact(facts, 'inference.engine', 'vllm');
    });

    it('reads lm_eval --config with model_args', () => {
      const facts = yamlFacts(
        'model: vllm\nmodel_args: pretrained=meta-llama/Llama-3.1-8B,tensor_parallel_size=4,dtype=bfloat16\ntasks:\n  - mmlu\nnum_fewshot: 5\n',
      );
      oneFact(facts, 'model.id', 'meta-llama/Llama-3.1-8B');
      noFact(facts, 'model.id', 'vllm');
      assert.equal(oneFact(facts, 'hardware.devices').value, 4);
      oneFact(facts, 'training.precision', 'bf16');
    });

    it('leaves alone a job spec whose tasks are maps and a training config with an eval task list', () => {
      noFact(
        yamlFacts(
          'version: v2\ntasks:\n  - name: job\n    image: {beaker: img}\n    resources: {gpuCount: 2}\nmodel_name: org/x\nlimit: 3\n',
        ),
        'launch.inference',
        'config:lm-eval',
      );
      noFact(
        yamlFacts('model_name_or_path: org/model-7b\nnum_train_epochs: 2\ntasks: [mmlu]\n'),
        'launch.inference',
        'config:lm-eval',
      );
    });
  });

  describe('launch flags', () => {
    it('trusts --model_name only when it names a catalog model or states a size', () => {
      const named = extractShellFacts('torchrun --nproc_per_node 8 finetune.py --model_name Qwen/Qwen2.5-1.5B\n');
      oneFact(named, 'model.id', 'Qwen/Qwen2.5-1.5B');
      const label = extractShellFacts('python train.py --model_name exp/baseline_run\n');
      noFact(label, 'model.id');
    });
  });
});
