import * as assert from 'node:assert/strict';
import type { Fact } from '../../src/core/facts';
import { analyzeSource, pythonFacts } from './helpers';

const factsOf = pythonFacts;
const value = (facts: Fact[], kind: Fact['kind']) => facts.find((f) => f.kind === kind)?.value;

describe('Reading serving code', () => {
  it("does not read a model class's super().generate(...) as a generate call, but does read model.generate", async () => {
    const override = [
      'from transformers import WhisperForConditionalGeneration',
      'class Tuned(WhisperForConditionalGeneration):',
      '    def generate(self, inputs=None, **kwargs):',
      '        return super().generate(inputs, max_new_tokens=64, **kwargs)',
      '',
    ].join('\n');
    assert.equal(value(await factsOf(override), 'inference.engine'), undefined);
    const call = override.replace('super().generate', 'self.model.generate');
    assert.equal(value(await factsOf(call), 'inference.engine'), 'hf-generate');
  });

  it('reads whether a model reasons before answering: enable_thinking (a keyword or in chat_template_kwargs), reasoning_effort', async () => {
    const template = (kw: string) =>
      `from transformers import AutoModelForCausalLM, AutoTokenizer\ntok = AutoTokenizer.from_pretrained("Qwen/Qwen3-8B")\nmodel = AutoModelForCausalLM.from_pretrained("Qwen/Qwen3-8B")\ntext = tok.apply_chat_template([], tokenize=False, ${kw})\nout = model.generate(**tok(text, return_tensors="pt"), max_new_tokens=64)\n`;
    assert.equal(value(await factsOf(template('enable_thinking=False')), 'inference.reasoning'), false);
    assert.equal(value(await factsOf(template('enable_thinking=True')), 'inference.reasoning'), true);
    const client = (kw: string) =>
      `from openai import OpenAI\nclient = OpenAI(base_url="http://localhost:8000/v1")\nclient.chat.completions.create(model="openai/gpt-oss-20b", messages=[], ${kw})\n`;
    assert.equal(value(await factsOf(client('reasoning_effort="high"')), 'inference.reasoning'), true);
    assert.equal(
      value(
        await factsOf(client('extra_body={"chat_template_kwargs": {"enable_thinking": False}}')),
        'inference.reasoning',
      ),
      false,
    );
    // It reaches the spec the estimate uses.
    const analysis = await analyzeSource('chat.py', template('enable_thinking=False'));
    assert.equal(analysis.runs[0]?.run.inference?.reasoning, false);
  });

  it('reads a vLLM offline job: engine, tensor parallel, batch, quantisation, outputs and requests', async () => {
    const code = [
      'from vllm import LLM, SamplingParams',
      'prompts = ["a", "b", "c", "d"]',
      'params = SamplingParams(max_tokens=256, n=2)',
      'llm = LLM(model="mistralai/Mistral-7B-Instruct-v0.2", tensor_parallel_size=2, max_num_seqs=128, quantization="awq")',
      'for _ in range(10):',
      '    outputs = llm.generate(prompts, params)',
      '',
    ].join('\n');
    const facts = await factsOf(code);
    assert.equal(value(facts, 'inference.engine'), 'vllm');
    assert.equal(value(facts, 'inference.tensorParallel'), 2);
    assert.equal(value(facts, 'inference.concurrency'), 128);
    assert.equal(value(facts, 'inference.weightPrecision'), 'int4');
    assert.equal(value(facts, 'inference.maxNewTokens'), 256);
    assert.equal(value(facts, 'inference.numSequences'), 2);
    assert.equal(value(facts, 'inference.requests'), 40, '10 iterations × 4 prompts');
    const [run] = (await analyzeSource('serve.py', code)).runs;
    assert.equal(run.run.mode, 'inference');
  });

  it('reads a Hugging Face generate loop, a pipeline batch and a diffusers pipeline call as inference', async () => {
    const loop = await factsOf(
      'for i in range(500):\n    out = model.generate(**batch, max_new_tokens=64, num_beams=4)\n',
    );
    assert.equal(value(loop, 'inference.engine'), 'hf-generate');
    assert.equal(value(loop, 'inference.requests'), 500);
    assert.equal(value(loop, 'inference.numSequences'), 4);
    const pipe = await factsOf(
      'from transformers import pipeline\nclf = pipeline("text-classification", model="distilbert-base-uncased", batch_size=32)\n',
    );
    assert.equal(value(pipe, 'inference.concurrency'), 32);
    const diffusion =
      'from diffusers import StableDiffusionPipeline\npipe = StableDiffusionPipeline.from_pretrained("stabilityai/stable-diffusion-2-1")\nimage = pipe("a cat", num_inference_steps=30).images[0]\n';
    const [run] = (await analyzeSource('generate.py', diffusion)).runs;
    assert.equal(run.run.mode, 'inference');
    assert.equal(run.run.model.name, 'stabilityai/stable-diffusion-2-1');
  });

  it('reads an OpenAI-compatible client of a local server, and not one of a hosted API', async () => {
    const local =
      'from openai import OpenAI\nclient = OpenAI(base_url="http://localhost:8000/v1", api_key="x")\nr = client.chat.completions.create(model="Qwen/Qwen2.5-7B-Instruct", messages=m, max_tokens=128)\n';
    const facts = await factsOf(local);
    assert.equal(value(facts, 'model.id'), 'Qwen/Qwen2.5-7B-Instruct');
    assert.equal(value(facts, 'inference.maxNewTokens'), 128);
    assert.ok(facts.some((f) => f.kind === 'launch.inference'));
    const hosted = await factsOf(local.replace('base_url="http://localhost:8000/v1", ', ''));
    assert.ok(!hosted.some((f) => f.kind === 'launch.inference'));
  });
});

describe('Serving facts in the run spec', () => {
  it('carries engine, batch, tensor parallel, quantisation, outputs and the deployment into the estimate', async () => {
    const code = [
      '# green-ai: requests_per_day=50000 days=365',
      'from vllm import LLM, SamplingParams',
      'llm = LLM(model="mistralai/Mistral-7B-Instruct-v0.2", tensor_parallel_size=2, max_num_seqs=128, quantization="awq")',
      'outputs = llm.generate(prompts, SamplingParams(max_tokens=256))',
      '',
    ].join('\n');
    const [run] = (await analyzeSource('serve.py', code)).runs;
    const inference = run.run.spec.inference!;
    assert.equal(inference.engine, 'vllm');
    assert.equal(inference.concurrency, 128);
    assert.equal(inference.tensorParallel, 2);
    assert.equal(inference.weightPrecision, 'int4');
    assert.equal(inference.outputTokens, 256);
    assert.equal(inference.requestsPerDay, 50000);
    assert.equal(inference.days, 365);
    assert.ok(run.estimate.inference, 'the serving model estimated it');
    // The same model in an unbatched generate loop costs more per request than a batching server.
    const loop = (
      await analyzeSource(
        'loop.py',
        'from transformers import AutoModelForCausalLM\nmodel = AutoModelForCausalLM.from_pretrained("mistralai/Mistral-7B-Instruct-v0.2")\nfor i in range(1000):\n    out = model.generate(**batch, max_new_tokens=256)\n',
      )
    ).runs[0];
    assert.equal(loop.run.spec.inference?.engine, 'hf-generate');
    assert.ok(loop.estimate.inference!.perRequest.energyWh > run.estimate.inference.perRequest.energyWh);
  });

  it('names the framework a config or a script was read from', async () => {
    const [hf] = (
      await analyzeSource(
        'train.py',
        'from transformers import AutoModelForCausalLM, Trainer, TrainingArguments\nmodel = AutoModelForCausalLM.from_pretrained("gpt2")\nTrainer(model=model, args=TrainingArguments(output_dir="o")).train()\n',
      )
    ).runs;
    assert.equal(hf.run.spec.training.framework, 'hf-trainer');
  });
});
