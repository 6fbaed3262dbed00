import * as assert from 'node:assert/strict';
import type { Fact } from '../../src/core/facts';
import { pythonFacts } from './helpers';

/**
 * Twentieth round, set W: AutoGPTQ's loaders (float16 unless told otherwise, a GPTQ checkpoint is a pretrained
 * model, its PEFT wrapper trains adapters), evaluators handed the loaded model positionally or run as an evaluation
 * task, and a package's `load(path)` called at a script's top level. Each rule on its shapes and its near misses.
 */

const valuesOf = (facts: readonly Fact[], kind: string) => facts.filter((f) => f.kind === kind).map((f) => f.value);

const GPTQ = 'from auto_gptq import AutoGPTQForCausalLM\n';

describe('Twentieth round: AutoGPTQ loaders, evaluators and top-level package loaders', () => {
  it("reads AutoGPTQ's float16 default where the call says nothing of the dtype", async () => {
    const quantized = await pythonFacts(
      `${GPTQ}m = AutoGPTQForCausalLM.from_quantized("out/opt-gptq", device="cuda:0")\n`,
    );
    assert.deepEqual(valuesOf(quantized, 'training.precision'), ['fp16']);
    assert.deepEqual(valuesOf(quantized, 'model.fromScratch'), [false]);
    const pretrained = await pythonFacts(`${GPTQ}m = AutoGPTQForCausalLM.from_pretrained("facebook/opt-350m", cfg)\n`);
    assert.deepEqual(valuesOf(pretrained, 'training.precision'), ['fp16']);
    assert.deepEqual(valuesOf(pretrained, 'model.id'), ['facebook/opt-350m']);
  });

  it('leaves the default alone when a dtype, **kwargs or the CPU kernels are asked for', async () => {
    const bf16 = await pythonFacts(
      `import torch\n${GPTQ}m = AutoGPTQForCausalLM.from_quantized("q", torch_dtype=torch.bfloat16)\n`,
    );
    assert.deepEqual(valuesOf(bf16, 'training.precision'), ['bf16']);
    const splat = await pythonFacts(`${GPTQ}m = AutoGPTQForCausalLM.from_quantized("q", **load_kwargs)\n`);
    assert.deepEqual(valuesOf(splat, 'training.precision'), []);
    const qigen = await pythonFacts(`${GPTQ}m = AutoGPTQForCausalLM.from_quantized("q", use_qigen=True)\n`);
    assert.deepEqual(valuesOf(qigen, 'training.precision'), []);
    // Another library's `from_quantized` is not AutoGPTQ's.
    const other = await pythonFacts('from otherlib import QuantModel\nm = QuantModel.from_quantized("q")\n');
    assert.deepEqual(valuesOf(other, 'training.precision'), []);
  });

  it("reads AutoGPTQ's PEFT wrapper as LoRA adapters", async () => {
    const facts = await pythonFacts(
      `${GPTQ}from auto_gptq import get_gptq_peft_model\nm = AutoGPTQForCausalLM.from_quantized("q", trainable=True)\nm = get_gptq_peft_model(m, peft_config=cfg, train_mode=True)\n`,
    );
    assert.deepEqual(valuesOf(facts, 'training.adapter'), ['lora']);
  });

  it('reads an evaluator handed the model first and run for its perplexity, or an evaluation task run', async () => {
    const head =
      'from transformers import AutoModelForCausalLM\nmodel = AutoModelForCausalLM.from_pretrained("gpt2")\n';
    const ppl = await pythonFacts(
      `from kit.metrics import Perplexity\n${head}scorer = Perplexity(model, tok, "wikitext")\nscorer.calculate_perplexity(512, 512)\n`,
    );
    assert.deepEqual(valuesOf(ppl, 'launch.inference'), ['scorer.calculate_perplexity']);
    const task = await pythonFacts(
      `from kit.eval_tasks import QaTask\n${head}task = QaTask(model=model, tokenizer=tok)\nprint(task.run())\n`,
    );
    assert.deepEqual(valuesOf(task, 'launch.inference'), ['task.run']);
  });

  it('leaves alone a run() of a class neither named nor imported as an evaluation, and a training task', async () => {
    const head =
      'from transformers import AutoModelForCausalLM\nmodel = AutoModelForCausalLM.from_pretrained("gpt2")\n';
    const exported = await pythonFacts(
      `from kit.export import OnnxExportTask\n${head}job = OnnxExportTask(model=model)\njob.run()\n`,
    );
    assert.deepEqual(valuesOf(exported, 'launch.inference'), []);
    const tuned = await pythonFacts(
      `from kit.evaluation import FineTuneEvaluation\n${head}job = FineTuneEvaluation(model=model)\njob.run()\n`,
    );
    assert.deepEqual(valuesOf(tuned, 'launch.inference'), []);
    // A method that is not the evaluation (a tokenizer's count) starts nothing.
    const other = await pythonFacts(`${head}stats = Stats(model, tok)\nstats.count_tokens()\n`);
    assert.deepEqual(valuesOf(other, 'launch.inference'), []);
  });

  it("reads a package's load(path) at a script's top level, not inside a function nothing calls", async () => {
    const top = await pythonFacts(
      'from mypkg.utils import load, parse_args\nargs = parse_args()\nmodel, tok = load(args.model_name_or_path)\nprint(model(tok("hi")))\n',
    );
    assert.deepEqual(valuesOf(top, 'launch.inference'), ['load']);
    assert.ok(valuesOf(top, 'link.module').includes('mypkg/utils.py'));
    const inside = await pythonFacts(
      'from mypkg.utils import load\ndef run(path):\n    model, tok = load(path)\n    return model\n',
    );
    assert.deepEqual(valuesOf(inside, 'launch.inference'), []);
    // A library's `load` (safetensors, torch) reads tensors, not the package's model.
    const tensors = await pythonFacts(
      'from safetensors.torch import load\nif __name__ == "__main__":\n    weights = load(open(model_path, "rb").read())\n',
    );
    assert.deepEqual(valuesOf(tensors, 'launch.inference'), []);
  });
});
