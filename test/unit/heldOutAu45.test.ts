import * as assert from 'node:assert/strict';
import { findModel } from '../../src/core/knowledge';
import { scanFiles } from './helpers';

/** Forty-fifth round: rules from the misreads left in held-out sets AT and AU. */

const notebook = (...cells: string[]): string =>
  JSON.stringify({
    cells: cells.map((source) => ({ cell_type: 'code', source, metadata: {}, outputs: [] })),
    nbformat: 4,
    metadata: {},
  });

/** A pipeline trainer whose loop stops at `--total-steps`, a flag without a default. */
const LOOP_BOUND_PROGRAM = [
  'import argparse',
  'import torch',
  '',
  'def train_loop(args, pipe, loader):',
  '    for batch in loader:',
  '        pipe.sgd_iter(batch)',
  '        if pipe.global_step >= args.total_steps:',
  '            break',
  '',
  'def main():',
  '    parser = argparse.ArgumentParser()',
  "    parser.add_argument('--model-name', type=str, default='gpt2')",
  "    parser.add_argument('--total-steps', type=int, default=None)",
  "    parser.add_argument('--fp16', action='store_true')",
  '    args = parser.parse_args()',
  '    model = torch.nn.Linear(4, 4)',
  '    optimizer = torch.optim.AdamW(model.parameters())',
  '    loss = model(torch.ones(4)).sum()',
  '    loss.backward()',
  '    optimizer.step()',
  '    train_loop(args, None, [])',
  '',
  "if __name__ == '__main__':",
  '    main()',
  '',
].join('\n');

describe('Forty-fifth round: real-repository rules', () => {
  it("takes a launch's value of a step flag the program's loop stops at, and leaves it unknown without one", async () => {
    const scan = await scanFiles({
      'train.py': LOOP_BOUND_PROGRAM,
      'finetune.sh':
        'TOTAL_STEPS=${FINETUNE_TOTAL_STEPS:-500}\npython train.py --model-name gpt2 --total-steps ${TOTAL_STEPS} --fp16\n',
    });
    const launch = scan.files.find((f) => f.display === 'finetune.sh')?.analysis.runs[0]?.run;
    assert.equal(launch?.spec.training.steps, 500);
    const alone = await scanFiles({ 'train.py': LOOP_BOUND_PROGRAM });
    const program = alone.files[0]?.analysis.runs[0]?.run;
    assert.ok(program, 'the program is a run of its own');
    assert.equal(program.spec.training.steps, undefined);
    assert.ok(program.unknowns?.some((u) => u.field === 'training.steps' && u.detail.includes('--total-steps')));
  });

  it('does not read a step flag only handed to a scheduler as the launch’s steps', async () => {
    const program = LOOP_BOUND_PROGRAM.replace(
      '        if pipe.global_step >= args.total_steps:\n            break\n',
      '        scheduler = get_linear_schedule(warmup=10, total=args.total_steps)\n',
    );
    const scan = await scanFiles({ 'train.py': program, 'finetune.sh': 'python train.py --total-steps 500\n' });
    const launch = scan.files.find((f) => f.display === 'finetune.sh')?.analysis.runs[0]?.run;
    assert.ok(launch);
    assert.notEqual(launch.spec.training.steps, 500);
  });

  it("lists a serving program handed a training config only to find the trained model's folder", async () => {
    const serve = [
      'import argparse',
      'import yaml',
      'from transformers import AutoModelForCausalLM, AutoTokenizer, pipeline',
      '',
      "if __name__ == '__main__':",
      '    parser = argparse.ArgumentParser()',
      "    parser.add_argument('config_path')",
      '    args = parser.parse_args()',
      '    config = yaml.safe_load(open(args.config_path))',
      `    model_path = f"{config['model_output_dir']}/{config['model_name']}"`,
      '    model = AutoModelForCausalLM.from_pretrained(model_path)',
      '    tokenizer = AutoTokenizer.from_pretrained(model_path)',
      "    pipe = pipeline('text-generation', model=model, tokenizer=tokenizer)",
      "    print(pipe('Hello'))",
      '',
    ].join('\n');
    const train = [
      'import argparse',
      'import yaml',
      'from transformers import AutoModelForCausalLM, Trainer, TrainingArguments',
      '',
      "if __name__ == '__main__':",
      '    parser = argparse.ArgumentParser()',
      "    parser.add_argument('config_path')",
      '    args = parser.parse_args()',
      '    config = yaml.safe_load(open(args.config_path))',
      "    model = AutoModelForCausalLM.from_pretrained(config['base_model'])",
      "    Trainer(model=model, args=TrainingArguments(output_dir=config['model_output_dir'])).train()",
      '',
    ].join('\n');
    const scan = await scanFiles({ 'inference.py': serve, 'train.py': train });
    const served = scan.files.find((f) => f.display === 'inference.py')?.analysis.runs[0]?.run;
    assert.equal(served?.spec.training.mode, 'inference');
    assert.equal(scan.files.find((f) => f.display === 'train.py')?.analysis.runs.length, 0);
  });

  it("puts a notebook's own variables into the shell escape that launches a program", async () => {
    const program = [
      'import argparse',
      'from transformers import AutoModelForSeq2SeqLM, Seq2SeqTrainer, Seq2SeqTrainingArguments',
      '',
      "if __name__ == '__main__':",
      '    parser = argparse.ArgumentParser()',
      "    parser.add_argument('--model_id', type=str)",
      "    parser.add_argument('--epochs', type=int, default=1)",
      '    args = parser.parse_args()',
      '    model = AutoModelForSeq2SeqLM.from_pretrained(args.model_id)',
      '    Seq2SeqTrainer(model=model, args=Seq2SeqTrainingArguments(output_dir="out", num_train_epochs=args.epochs)).train()',
      '',
    ].join('\n');
    const nb = notebook(
      'model_id = "google/flan-t5-xxl" # Hub id\nsave_path = "data"\n',
      '!deepspeed --num_gpus=8 scripts/run_seq2seq.py \\\n    --model_id $model_id \\\n    --epochs 3\n',
    );
    const scan = await scanFiles({ 'scripts/run_seq2seq.py': program, 'train.ipynb': nb });
    const run = scan.files.find((f) => f.display === 'train.ipynb')?.analysis.runs[0]?.run;
    assert.equal(run?.spec.model.name, 'google/flan-t5-xxl');
    assert.equal(run?.spec.training.epochs, 3);
    assert.equal(run?.spec.hardware.count, 8);
  });

  it("reads the model and the LoRA switch of TRL's ModelConfig built in the file", async () => {
    const code = [
      'from trl import GRPOConfig, GRPOTrainer, ModelConfig, get_peft_config',
      '',
      'model_config = ModelConfig(model_name_or_path="Qwen/Qwen2.5-3B-Instruct", torch_dtype="bfloat16", use_peft=True)',
      'training_args = GRPOConfig(output_dir="out", max_steps=100, bf16=True)',
      'trainer = GRPOTrainer(',
      '    model=model_config.model_name_or_path,',
      '    reward_funcs=[reward],',
      '    args=training_args,',
      '    peft_config=get_peft_config(model_config),',
      ')',
      'trainer.train()',
      '',
    ].join('\n');
    const scan = await scanFiles({ 'grpo.py': code, 'full.py': code.replace(', use_peft=True', '') });
    const runOf = (display: string) => scan.files.find((f) => f.display === display)?.analysis.runs[0]?.run;
    assert.equal(runOf('grpo.py')?.spec.model.name, 'Qwen/Qwen2.5-3B-Instruct');
    assert.equal(runOf('grpo.py')?.mode, 'lora');
    assert.equal(runOf('full.py')?.mode, 'finetune');
  });

  it('sizes OpenLLaMA by the layout it was trained with', () => {
    assert.equal(findModel('openlm-research/open_llama_7b')?.params, 6_738_415_616);
    assert.equal(findModel('openlm-research/open_llama_3b_v2')?.params, 3_426_473_600);
    assert.equal(findModel('openlm-research/open_llama_13b')?.params, 13_015_864_320);
  });

  it('counts the samples a step takes over model copies, not devices, where the model is split across devices', async () => {
    const launch = (parallel: string) =>
      `torchrun --nproc_per_node 8 train.py --model-name gpt2 --total-steps 1000 --batch-size 16 ${parallel}\n`;
    const scan = await scanFiles({
      'train.py': LOOP_BOUND_PROGRAM.replace(
        "    parser.add_argument('--fp16', action='store_true')",
        "    parser.add_argument('--fp16', action='store_true')\n    parser.add_argument('--batch-size', type=int, default=8)\n    parser.add_argument('--pipeline-group-size', type=int, default=1)\n    parser.add_argument('--tensor-model-parallel-size', type=int, default=1)",
      ),
      'data_parallel.sh': launch(''),
      'pipeline.sh': launch('--pipeline-group-size 4'),
      'both.sh': launch('--pipeline-group-size 2 --tensor-model-parallel-size 2'),
      'uneven.sh': launch('--pipeline-group-size 3'),
    });
    const samplesOf = (display: string) =>
      scan.files.find((f) => f.display === display)?.analysis.runs[0]?.run.training.samples;
    assert.equal(samplesOf('data_parallel.sh'), 1000 * 16 * 8);
    assert.equal(samplesOf('pipeline.sh'), 1000 * 16 * 2);
    assert.equal(samplesOf('both.sh'), 1000 * 16 * 2);
    // A degree that does not divide the devices is no layout the launcher would accept: the devices stay the copies.
    assert.equal(samplesOf('uneven.sh'), 1000 * 16 * 8);
  });

  it("reads the model a trainer gets from its package's preparing function in that function's module", async () => {
    const program = [
      'from dataclasses import dataclass, field',
      'from transformers import HfArgumentParser, Trainer, TrainingArguments',
      'from utils.peft_utils import create_and_prepare_model',
      '',
      '@dataclass',
      'class ScriptArguments:',
      "    model_id: str = field(metadata={'help': 'The model to train'})",
      '',
      'def training_function(script_args, training_args):',
      '    model, peft_config, tokenizer = create_and_prepare_model(script_args.model_id, training_args)',
      '    Trainer(model=model, args=training_args).train()',
      '',
      'def main():',
      '    script_args, training_args = HfArgumentParser((ScriptArguments, TrainingArguments)).parse_args_into_dataclasses()',
      '    training_function(script_args, training_args)',
      '',
      "if __name__ == '__main__':",
      '    main()',
      '',
    ].join('\n');
    const helper = [
      'from peft import LoraConfig, get_peft_model',
      'from transformers import AutoModelForCausalLM',
      '',
      'def create_and_prepare_model(model_id, training_args):',
      '    model = AutoModelForCausalLM.from_pretrained(model_id)',
      '    peft_config = LoraConfig(r=64, lora_alpha=16, task_type="CAUSAL_LM")',
      '    return get_peft_model(model, peft_config), peft_config, None',
      '',
    ].join('\n');
    const scan = await scanFiles({ 'run_lora.py': program, 'utils/peft_utils.py': helper });
    const run = scan.files.find((f) => f.display === 'run_lora.py')?.analysis.runs[0]?.run;
    assert.equal(run?.mode, 'lora');
    assert.equal(run?.model.name ?? null, null);
    assert.equal(scan.files.find((f) => f.display === 'utils/peft_utils.py')?.analysis.runs.length, 0);
  });
});
