import * as assert from 'node:assert/strict';
import { extractConfigFacts } from '../../src/core/extract/configFacts';
import { extractShellFacts } from '../../src/core/extract/shellFacts';
import { scanFiles, valuesOf } from './helpers';
import { findModel } from '../../src/core/knowledge';
import { fileNameDeviceFacts } from '../../src/core/extract/fileNameDevices';

/**
 * Forty-first round: rules from the misreads of the mosaicml/examples run configs seen in real VS Code last round,
 * and of held-out set AR.
 */

/** An MCLI run whose `parameters:` fine-tune an earlier step's checkpoint (the shape of MosaicML's end-to-end examples). */
/** A client of a model served elsewhere (an OpenAI-compatible endpoint on this machine or another): not a run. */
const ENDPOINT_CLIENT = [
  'import argparse',
  'import json',
  'from datasets import load_dataset',
  'from openai import OpenAI',
  '',
  '',
  'def main():',
  '    parser = argparse.ArgumentParser()',
  '    parser.add_argument("--model", type=str, required=True)',
  '    parser.add_argument("--api_base", type=str, default="http://localhost:8000/v1")',
  '    parser.add_argument("--out", type=str)',
  '    args = parser.parse_args()',
  '    client = OpenAI(base_url=args.api_base, api_key="EMPTY")',
  '    problems = load_dataset("org/problems", split="test")',
  '    answers = []',
  '    for p in problems:',
  '        reply = client.chat.completions.create(model=args.model, messages=[{"role": "user", "content": p["q"]}])',
  '        answers.append(reply.choices[0].message.content)',
  '    json.dump(answers, open(args.out, "w"))',
  '',
  '',
  'if __name__ == "__main__":',
  '    main()',
  '',
].join('\n');

const clientLaunch = (model: string) =>
  `#!/bin/bash\npython evaluate.py --model ${model} --api_base http://localhost:8000/v1 --out results/${model.split('/')[1]}.json\n`;

const MCLI_CONTINUED = [
  'name: chat-sft',
  'compute:',
  '  gpus: 8',
  'command: |',
  '  cd llm-foundry/scripts',
  '  composer train/train.py /mnt/config/parameters.yaml',
  'parameters:',
  '  load_path: s3://bucket/step-2/checkpoints/latest-rank0.pt',
  '  load_weights_only: true',
  '  max_seq_len: 2048',
  '  model:',
  '    name: hf_causal_lm',
  '    pretrained: false',
  '    pretrained_model_name_or_path: mosaicml/mpt-7b',
  '  train_loader:',
  '    name: finetuning',
  '  max_duration: 2ep',
  '',
].join('\n');

describe('Forty-first round: real-repository rules', () => {
  it('reads `pretrained: false` with a starting checkpoint (`load_path`) as fine-tuning those weights', () => {
    const facts = extractConfigFacts(MCLI_CONTINUED, 'yaml', '/w/mcli/finetune.yaml').facts;
    assert.deepEqual(valuesOf(facts, 'training.mode'), ['finetune']);
    const mode = facts.find((f) => f.kind === 'training.mode')!;
    assert.equal(mode.range.startLine, 7, 'the fact points at load_path');
    // Without the checkpoint, `pretrained: false` builds the architecture with random weights.
    const scratch = MCLI_CONTINUED.replace(/ {2}load_path: .*\n/, '');
    assert.deepEqual(valuesOf(extractConfigFacts(scratch, 'yaml', '/w/mcli/pretrain.yaml').facts, 'training.mode'), [
      'pretrain',
    ]);
  });

  it('keeps a batch of scripts that each run the same endpoint client out, every line of it, not only the first', async () => {
    const files = {
      'evaluate.py': ENDPOINT_CLIENT,
      'scripts/eval/small.sh': clientLaunch('Qwen/Qwen2.5-0.5B-Instruct'),
      'scripts/eval/medium.sh': clientLaunch('Qwen/Qwen2.5-1.5B-Instruct'),
      // Flags whose names say evaluation (a test file, cached answers loaded) are said to the client too.
      'scripts/eval/large.sh': clientLaunch('Qwen/Qwen2.5-3B-Instruct').replace(
        /\.json\n$/,
        '.json --test_file data/test.jsonl --load_cached_answers\n',
      ),
    };
    // Each script alone runs a client: no run.
    const alone = await scanFiles(files);
    assert.deepEqual(
      alone.files.filter((f) => f.analysis.runs.length > 0).map((f) => f.display),
      [],
    );
    const batch = await scanFiles({
      ...files,
      'scripts/eval/all.sh': [
        '#!/bin/bash',
        'echo "small"',
        'bash scripts/eval/small.sh',
        'echo "medium"',
        'bash scripts/eval/medium.sh',
        'bash scripts/eval/large.sh',
        '',
      ].join('\n'),
    });
    assert.deepEqual(
      batch.files.filter((f) => f.analysis.runs.length > 0).map((f) => f.display),
      [],
    );
    // Training settings handed to a program that shows nothing of its own (a toolkit's CLI entry) still make a run.
    const toolkit = await scanFiles({
      'train.py':
        'from toolkit.tuner import run_exp\n\n\ndef main():\n    run_exp()\n\n\nif __name__ == "__main__":\n    main()\n',
      'node.sh':
        '#!/bin/bash\ntorchrun --nproc_per_node 8 train.py --model_name_or_path Qwen/Qwen2.5-7B --do_train --num_train_epochs 3 --bf16\n',
      'launch.sh': '#!/bin/bash\n#SBATCH --nodes=2\nsrun bash node.sh\n',
    });
    const runs = toolkit.files.flatMap((f) =>
      f.analysis.runs.map((r) => ({ file: f.display, epochs: r.run.training.epochs })),
    );
    assert.deepEqual(runs, [{ file: 'launch.sh', epochs: 3 }]);
  });

  it('sizes Qwen2.5-VL as its language model and its vision tower, its quantised uploads too', () => {
    for (const [id, language] of [
      ['Qwen/Qwen2.5-VL-3B-Instruct', 'Qwen/Qwen2.5-3B'],
      ['Qwen/Qwen2.5-VL-7B-Instruct-AWQ', 'Qwen/Qwen2.5-7B'],
      ['Qwen/Qwen2.5-VL-72B-Instruct', 'Qwen/Qwen2.5-72B'],
    ]) {
      const vl = findModel(id);
      const lm = findModel(language);
      assert.ok(vl && lm, id);
      assert.equal(vl.family, 'qwen2.5-vl', id);
      // The vision tower and merger add 0.67–0.70B at every size (config.json's vision_config).
      const tower = vl.params - lm.params;
      assert.ok(tower > 0.66e9 && tower < 0.71e9, `${id}: ${tower}`);
    }
  });

  it('sizes DeepSeek-V2 and its Lite model, whose names state no size, by their total and activated parameters', () => {
    const lite = findModel('deepseek-ai/DeepSeek-V2-Lite-Chat');
    assert.equal(lite?.params, 15.7e9);
    assert.equal(lite?.activeParams, 2.4e9);
    assert.equal(findModel('deepseek-ai/DeepSeek-V2-Chat')?.activeParams, 21e9);
  });

  it("reads the GPU count a run file's name states, below any count the file or its launch states", async () => {
    const config = ['base_model: Qwen/Qwen2.5-7B', 'adapter: lora', 'num_epochs: 2', 'micro_batch_size: 1', ''].join(
      '\n',
    );
    const named = await scanFiles({ 'examples/qwen/lora_4gpu.yaml': config });
    const run = named.files.find((f) => f.display === 'examples/qwen/lora_4gpu.yaml')?.analysis.runs[0];
    assert.equal(run?.run.spec.hardware.count, 4);
    const some = [{ kind: 'training.epochs', value: 2 }] as unknown as Parameters<typeof fileNameDeviceFacts>[1];
    for (const [path, gpus] of [
      ['/w/x/llava_llama3_8b_e1_gpu8_pretrain.py', 8],
      ['/w/x/qwen1_5_110b_chat_qlora_alpaca_e3_16k_2gpus.py', 2],
      ['/w/x/vllm_72b_4gpu.sh', 4],
      ['/w/x/run-8xgpu.sh', 8],
    ] as const)
      assert.deepEqual(valuesOf(fileNameDeviceFacts(path, some), 'hardware.devices'), [gpus], path);
    // Not a whole field, or no run: nothing.
    for (const path of ['/w/x/gpu_utils.py', '/w/x/multigpu8.yaml', '/w/x/gpu8.txt.bak/a.yaml', '/w/x/sm_gpu80gb.yaml'])
      assert.deepEqual(fileNameDeviceFacts(path, some), [], path);
    assert.deepEqual(fileNameDeviceFacts('/w/x/lora_4gpu.yaml', []), []);
    // A count the file states wins.
    const stated = await scanFiles({ 'examples/qwen/lora_4gpu.yaml': config + 'num_processes: 8\n' });
    assert.equal(stated.files[0].analysis.runs[0]?.run.spec.hardware.count, 8);
  });

  it("reads a launch that hands its program a hosted API's model as a client of that API, not a run", async () => {
    const program = [
      'import argparse',
      'from vllm import LLM, SamplingParams',
      '',
      'parser = argparse.ArgumentParser()',
      'parser.add_argument("--eng", type=str, required=True)',
      'parser.add_argument("--ds", type=str, default="gsm8k")',
      'args = parser.parse_args()',
      'llm = LLM(model=args.eng)',
      'outputs = llm.generate(["1 + 1 ="], SamplingParams(temperature=0.7))',
      '',
    ].join('\n');
    const launch = (model: string) =>
      `#!/bin/bash\nmodel_name=${model}\npython generate.py --eng $model_name --ds gsm8k\n`;
    const listed = async (model: string) =>
      (await scanFiles({ 'generate.py': program, 'run_generate.sh': launch(model) })).files
        .filter((f) => f.display === 'run_generate.sh')
        .flatMap((f) => f.analysis.runs.map((r) => r.run.model.name));
    for (const hosted of ['gpt-3.5-turbo', 'gpt-4o-mini', 'claude-3-5-sonnet-20241022', 'gemini-1.5-pro', 'o1-mini'])
      assert.deepEqual(await listed(hosted), [], hosted);
    // An open-weight model on the same line is a run (GPT-2 and gpt-oss are open weights).
    assert.deepEqual(await listed('openai/gpt-oss-20b'), ['openai/gpt-oss-20b']);
    assert.deepEqual(await listed('Qwen/Qwen2.5-7B-Instruct'), ['Qwen/Qwen2.5-7B-Instruct']);
  });

  it("reads a toolkit config's `hf_model_ckpt` as the checkpoint it fine-tunes", () => {
    const config = [
      'model:',
      '  hf_model_ckpt: "NousResearch/Llama-2-7b-hf"',
      '  quantize: true',
      'training:',
      '  training_args:',
      '    num_train_epochs: 5',
      '    bf16: true',
      '',
    ].join('\n');
    const facts = extractConfigFacts(config, 'yaml', '/w/examples/llama2_config.yml').facts;
    assert.deepEqual(valuesOf(facts, 'model.id'), ['NousResearch/Llama-2-7b-hf']);
    assert.deepEqual(valuesOf(facts, 'model.fromScratch'), [false]);
  });

  it('counts the runs of C-style loops around a launch (a sweep), by steps of one only', () => {
    const sweep = [
      'epochs=(2 5 10 20 30 50)',
      'RANKS=4',
      'for (( e=0; e<6; e=e+1 )) do',
      '  for ((r=1; r<=RANKS; r++)); do',
      '    python train.py --epochs ${epochs[$e]} --lora_r $r & wait',
      '  done',
      'done',
      '',
    ].join('\n');
    assert.deepEqual(valuesOf(extractShellFacts(sweep, '/w/sweep.sh'), 'launch.repeat'), [24]);
    const strided = sweep.replace('r++', 'r+=2');
    assert.deepEqual(valuesOf(extractShellFacts(strided, '/w/sweep.sh'), 'launch.repeat'), [6]);
  });

  it('reads a switch before the script\'s own arguments handed on (`--fp16 "$@"`) as set', () => {
    for (const rest of ['"$@"', '$@', '"${@}"', '$*'])
      assert.deepEqual(
        valuesOf(
          extractShellFacts(
            `python train.py \\\n  --model_name_or_path bert-base-uncased \\\n  --fp16 \\\n  ${rest}\n`,
            '/w/run.sh',
          ),
          'training.precision',
        ),
        ['fp16'],
        rest,
      );
  });
});
