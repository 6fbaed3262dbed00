import * as assert from 'node:assert/strict';
import { gpuOfHeaderLine } from '../../src/core/extract/python/readers/headerGpu';
import { findModel } from '../../src/core/knowledge';
import { DEFAULT_SETTINGS } from '../../src/core/runSpec';
import { analyzeSource } from './helpers';

const LOAD = `from unsloth import FastLanguageModel
from trl import SFTTrainer, SFTConfig
model, tokenizer = FastLanguageModel.from_pretrained(model_name = "unsloth/Llama-3.2-3B-Instruct", dtype = None)
model = FastLanguageModel.get_peft_model(model, r = 16)
`;

const trainer = (args: string) =>
  `trainer = SFTTrainer(model = model, train_dataset = ds, args = SFTConfig(${args}))\ntrainer.train()\n`;

describe('Unsloth loads and precision that follows the GPU (round 14)', () => {
  it('dtype=None computes in bf16 on a GPU with bf16, fp16 on a T4, and says it depends on the GPU', async () => {
    const text = LOAD + trainer('max_steps = 60');
    const a100 = (await analyzeSource('sft.py', text)).runs[0].run;
    assert.equal(a100.training.precision, 'bf16');
    assert.equal(a100.mode, 'qlora', 'no load_in_* keyword: Unsloth loads in 4 bits');
    assert.ok(a100.unknowns.some((u) => u.field === 'training.precision'));
    const t4 = (await analyzeSource('sft.py', text, { ...DEFAULT_SETTINGS, defaultAccelerator: 'T4' })).runs[0].run;
    assert.equal(t4.training.precision, 'fp16');
  });

  it('bf16=is_bfloat16_supported() alone leaves float32 where there is no bf16; with fp16=not … it is fp16', async () => {
    const plain = `from transformers import AutoModelForCausalLM, Trainer, TrainingArguments
from transformers.utils import is_torch_bf16_gpu_available
model = AutoModelForCausalLM.from_pretrained("gpt2")
`;
    const t4 = { ...DEFAULT_SETTINGS, defaultAccelerator: 'T4' };
    const only = `${plain}Trainer(model=model, args=TrainingArguments(num_train_epochs=1, bf16=is_torch_bf16_gpu_available())).train()\n`;
    assert.equal((await analyzeSource('t.py', only, t4)).runs[0].run.training.precision, 'fp32');
    assert.equal((await analyzeSource('t.py', only)).runs[0].run.training.precision, 'bf16');
    const both = `${plain}Trainer(model=model, args=TrainingArguments(num_train_epochs=1, bf16=is_torch_bf16_gpu_available(), fp16=not is_torch_bf16_gpu_available())).train()\n`;
    assert.equal((await analyzeSource('t.py', both, t4)).runs[0].run.training.precision, 'fp16');
  });

  it('loads in 4 bits unless told otherwise; full_finetuning trains every weight; an explicit dtype wins', async () => {
    const defaults = LOAD.replace(', dtype = None', '');
    assert.equal((await analyzeSource('b.py', defaults + trainer('max_steps = 10'))).runs[0].run.mode, 'qlora');
    const eightBit = LOAD.replace('dtype = None', 'load_in_8bit = True');
    assert.equal((await analyzeSource('a.py', eightBit + trainer('max_steps = 10'))).runs[0].run.mode, 'lora');
    const full = defaults.replace('Instruct"', 'Instruct", full_finetuning = True');
    assert.equal((await analyzeSource('c.py', full + trainer('max_steps = 10'))).runs[0].run.mode, 'finetune');
    const sixteen = LOAD.replace('dtype = None', 'dtype = torch.float16, load_in_4bit = False');
    const run = (await analyzeSource('d.py', sixteen + trainer('max_steps = 10'))).runs[0].run;
    assert.equal(run.mode, 'lora');
    assert.equal(run.training.precision, 'fp16');
  });

  it('adds the steps of trainers started one after another, only when every stage states its own', async () => {
    const two = LOAD + trainer('max_steps = 100') + trainer('max_steps = 50');
    assert.equal((await analyzeSource('s.py', two)).runs[0].run.spec.training.steps, 150);
    const epochs = LOAD + trainer('max_steps = 100') + trainer('num_train_epochs = 1');
    assert.equal((await analyzeSource('s.py', epochs)).runs[0].run.spec.training.steps, 100);
    const resumed = `${LOAD}${trainer('max_steps = 100')}trainer.train(resume_from_checkpoint = True)\n`;
    assert.equal((await analyzeSource('s.py', resumed)).runs[0].run.spec.training.steps, 100);
  });
});

describe('the GPU a header names, and checkpoints copied under another organisation (round 14)', () => {
  it('reads one GPU from "on a … instance", none from alternatives or other sentences', () => {
    assert.equal(gpuOfHeaderLine('# press "Run all" on a **free** Tesla T4 Google Colab instance!'), 'T4');
    assert.equal(gpuOfHeaderLine('# Run all on your A100 Google Colab Pro instance'), 'A100');
    assert.equal(gpuOfHeaderLine('# Run all on a Google Colab A100 or H100 instance.'), null);
    assert.equal(gpuOfHeaderLine('# Run All on AMD Dev Cloud'), undefined);
    assert.equal(gpuOfHeaderLine(`# on a ${'x '.repeat(400)}T4 instance`), undefined);
  });

  it('sizes unsloth/… uploads and their bitsandbytes copies as the catalog row of the same name', () => {
    assert.equal(findModel('unsloth/Qwen2.5-7B')?.id, 'Qwen/Qwen2.5-7B');
    assert.equal(findModel('unsloth/Qwen2.5-7B-bnb-4bit')?.id, 'Qwen/Qwen2.5-7B');
    assert.equal(findModel('unsloth/Phi-4')?.id, 'microsoft/phi-4');
    assert.equal(findModel('someone/not-a-catalogued-model'), undefined);
    assert.equal(findModel('a/b/Qwen2.5-7B'), undefined, 'a path, not an organisation and a name');
  });
});
