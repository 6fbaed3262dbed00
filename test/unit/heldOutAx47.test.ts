import * as assert from 'node:assert/strict';
import { scanFiles } from './helpers';

/** Forty-seventh round: rules from what sets AV and AX read wrong. */

const trainer = [
  'import transformers',
  'from transformers import AutoModelForCausalLM, Trainer, TrainingArguments',
  '',
  'def main():',
  '    parser = transformers.HfArgumentParser((TrainingArguments,))',
  '    parser.add_argument("--model_name_or_path")',
  '    args, = parser.parse_args_into_dataclasses()',
  '    model = AutoModelForCausalLM.from_pretrained(args.model_name_or_path)',
  '    Trainer(model=model, args=args).train()',
  '',
  "if __name__ == '__main__':",
  '    main()',
  '',
].join('\n');

describe('Forty-seventh round: sets AV and AX', () => {
  it('reads the words a job hands a script as that script’s positional parameters', async () => {
    const worker = [
      'output_dir=$1',
      'model_name_or_path=$3',
      'epoch=$5',
      'python train.py --model_name_or_path "${model_name_or_path}" --num_train_epochs "${epoch}" \\',
      '  --output_dir "${output_dir}" --bf16 True',
      '',
    ].join('\n');
    const job = ['model=org/tiny-llama-1.3B', 'srun bash scripts/worker.sh out/run1 run1 $model data 2', ''].join('\n');
    const scan = await scanFiles({ 'scripts/worker.sh': worker, 'job.sh': job, 'scripts/train.py': trainer });
    const run = scan.files.find((f) => f.display === 'job.sh')?.analysis.runs[0]?.run;
    assert.equal(run?.spec.model.name, 'org/tiny-llama-1.3B');
    assert.equal(run?.spec.training.epochs, 2);
    // Run alone, the worker's model is what its caller hands it: not known from the worker.
    const alone = scan.files.find((f) => f.display === 'scripts/worker.sh')?.analysis.runs[0]?.run;
    assert.notEqual(alone?.spec.model.name, 'org/tiny-llama-1.3B');
  });

  it('leaves a script that walks its arguments (shift) to read its own', async () => {
    const worker = [
      'while [ $# -gt 0 ]; do case "$1" in --model) model=$2; shift ;; esac; shift; done',
      'model_name_or_path=$1',
      'python train.py --model_name_or_path "${model_name_or_path}"',
      '',
    ].join('\n');
    const job = 'bash scripts/worker.sh org/tiny-llama-1.3B\n';
    const scan = await scanFiles({ 'scripts/worker.sh': worker, 'job.sh': job, 'scripts/train.py': trainer });
    const run = scan.files.find((f) => f.display === 'job.sh')?.analysis.runs[0]?.run;
    assert.notEqual(run?.spec.model.name, 'org/tiny-llama-1.3B');
  });
});
