import * as assert from 'node:assert/strict';
import type { Fact, FactKind } from '../../src/core/facts';
import { matchLauncher } from '../../src/core/extract/shell/launchers';
import { evaluateFolderValue } from '../../src/core/extract/shell/scriptFolder';
import { extractShellFacts } from '../../src/core/extract/shellFacts';
import { extractConfigFacts } from '../../src/core/extract/configFacts';
import { sizeFromModelName } from '../../src/core/knowledge/modelName';
import { nonRunPathReason } from '../../src/core/resolve/entryPoint';
import { linkCandidates } from '../../src/core/analyze';
import { utilityProgram } from '../../src/core/extract/shell/runIntent';
import * as path from 'node:path';
import { analyzeSource } from './helpers';

const values = (facts: readonly Fact[], kind: FactKind) => facts.filter((f) => f.kind === kind).map((f) => f.value);

describe('SLURM jobs, experiment folders, m4 and distilabel (round 11, huggingface/smollm-style repositories)', () => {
  it('reads a submission whose job id is kept, and only sbatch in a command substitution', () => {
    assert.equal(matchLauncher('JOB_ID=$(sbatch --parsable job.slurm)')?.command.text, 'sbatch --parsable job.slurm');
    assert.equal(matchLauncher('JOB=`sbatch job.slurm`')?.command.text, 'sbatch job.slurm');
    // A value a helper prints is not a launch.
    assert.equal(matchLauncher('OUT=$(python get_path.py)'), undefined);
    assert.equal(matchLauncher('N=$(nproc)'), undefined);
  });

  it("reads sbatch's own resource options, option values given as the next word, and the job script after them", () => {
    const facts = extractShellFacts(
      'ID=$(sbatch --nodes=4 --gres=gpu:8 --time 24:00:00 --requeue --qos high experiments/a/train.slurm)\n',
    );
    assert.deepEqual(values(facts, 'hardware.nodes'), [4]);
    assert.deepEqual(values(facts, 'hardware.devices'), [8]);
    assert.deepEqual(values(facts, 'link.script'), ['experiments/a/train.slurm']);
    // `-N 2 -J name`: short options take the next word.
    const short = extractShellFacts('sbatch -N 2 -J eval --gpus-per-node=4 job.sbatch\n');
    assert.deepEqual(values(short, 'hardware.nodes'), [2]);
    assert.deepEqual(values(short, 'hardware.devices'), [4]);
    assert.deepEqual(values(short, 'link.script'), ['job.sbatch']);
  });

  it('names a run after its folder: basename of the script folder, known from the script path', () => {
    const lookup = (name: string) => ({ SELF: '$0' })[name];
    const where = { file: '01_launch.sh', folders: ['work', 'exp', 'tr_07_vlm'] };
    assert.equal(evaluateFolderValue('$(basename $(dirname "$0"))', lookup, where), 'tr_07_vlm');
    assert.equal(evaluateFolderValue('$(basename $(dirname ${SELF}))', lookup, where), 'tr_07_vlm');
    assert.equal(evaluateFolderValue('$(realpath "$0")', lookup, where), '$0');
    assert.equal(evaluateFolderValue('$(builtin cd $(dirname "$0")/..; pwd)', lookup, where), '..');
    // Without the script's place, no name (and the script's own path is never a value).
    assert.equal(evaluateFolderValue('$(basename $(dirname "$0"))', lookup), undefined);
    assert.equal(evaluateFolderValue('$(realpath "$0")', lookup), undefined);
    const text =
      'THIS=$(realpath "${BASH_SOURCE[0]}")\nRUN=$(basename $(dirname ${THIS}))\nsbatch --nodes=2 experiments/$RUN/train.slurm\n';
    assert.deepEqual(values(extractShellFacts(text, '/repo/experiments/tr_09/01_launch.sh'), 'link.script'), [
      'experiments/tr_09/train.slurm',
    ]);
    assert.deepEqual(values(extractShellFacts(text), 'link.script'), []);
  });

  it('reads the precision of a DeepSpeed or accelerate config a job writes, and a precision variable', () => {
    const job = [
      'cat << EOT > $DS_CONFIG',
      '{',
      '  "bf16": {',
      '    "enabled": true',
      '  },',
      '  "zero_optimization": { "stage": 3 }',
      '}',
      'EOT',
      'torchrun --nproc_per_node 8 train.py --deepspeed $DS_CONFIG',
    ].join('\n');
    assert.deepEqual(values(extractShellFacts(job), 'training.precision'), ['bf16']);
    // `"enabled": $ENABLE_BF16`: set by a branch when the job runs, not read.
    assert.deepEqual(values(extractShellFacts(job.replace('true', '$ENABLE_BF16')), 'training.precision'), []);
    const accelerate =
      'cat > acc.yaml <<EOF\nmixed_precision: fp16\nnum_processes: 4\nEOF\naccelerate launch --config_file acc.yaml t.py\n';
    assert.deepEqual(values(extractShellFacts(accelerate), 'training.precision'), ['fp16']);
    const variable = 'MODEL_PRECISION="bf16"  # "fp32", "bf16"\nsbatch --gres=gpu:1 eval_job.slurm\n';
    assert.deepEqual(values(extractShellFacts(variable), 'training.precision'), ['bf16']);
    // No launch: nothing is run in that precision.
    assert.deepEqual(values(extractShellFacts('PRECISION=bf16\necho done\n'), 'training.precision'), []);
  });

  it('does not read `echo $CMD` as the launch it prints', () => {
    const text = 'PREP="mkdir -p /x &&"\nLAUNCH="python train.py --epochs 2"\nCMD="$PREP $LAUNCH"\necho $CMD\n';
    const launchLines = (t: string) =>
      extractShellFacts(t)
        .filter((f) => f.kind === 'launch.trainer')
        .map((f) => f.range.startLine);
    assert.ok(!launchLines(text).includes(3));
    assert.ok(launchLines(`${text}bash -c "$CMD"\n`).includes(4));
  });

  it('concatenates the quoted pieces of an unquoted value (`$DIR"/sub"`) so the launch behind it is read', () => {
    const text = [
      'CKPT=${CKPTS[${SLURM_ARRAY_TASK_ID}]}',
      'MODEL_DIR=$CKPT"/unwrapped_model"',
      'FETCH="&& mkdir -p $MODEL_DIR && aws s3 sync s3://b/$CKPT $MODEL_DIR"',
      'PREP="mkdir -p $CKPT $FETCH &&"',
      'export CMD="$PREP python -u -m accelerate.commands.launch eval.py --model_name $MODEL_DIR"',
      'srun bash -c "$CMD"',
    ].join('\n');
    assert.deepEqual(values(extractShellFacts(text), 'link.script'), ['eval.py']);
  });

  it('reads a script that only submits several job scripts as a driver, not a run', () => {
    const driver = extractShellFacts('sbatch evals/a.slurm\nsbatch evals/b.slurm\n');
    assert.deepEqual(values(driver, 'run.entry'), [false]);
    // One job (a loop of it, or a launcher with its own settings) stays a run.
    assert.deepEqual(values(extractShellFacts('sbatch train.slurm\n'), 'run.entry'), []);
    assert.deepEqual(values(extractShellFacts('sbatch a.slurm\ntorchrun train.py\n'), 'run.entry'), []);
  });

  it('names the model an evaluation job loads by its checkpoints folder, never by where a run saves', () => {
    const evaluation =
      'RUN_NAME="tr_12_vlm_2B_fix"\nCHECKPOINTS_DIR="/scratch/${RUN_NAME}"\nsbatch --gres=gpu:1 eval_job.slurm\n';
    assert.deepEqual(values(extractShellFacts(evaluation), 'model.id'), ['tr_12_vlm_2B_fix']);
    // A folder name that names no model (no size, no catalog id) says nothing.
    assert.deepEqual(values(extractShellFacts(evaluation.replace('_2B', '')), 'model.id'), []);
    const saving = 'CHECKPOINT_PATH=/ckpt/gpt2-345m\ntorchrun pretrain_gpt.py --save $CHECKPOINT_PATH\n';
    assert.deepEqual(values(extractShellFacts(saving), 'model.id'), []);
  });

  it('reads adapters switched off on the command line as a full fine-tune of the named checkpoint', () => {
    const line =
      'torchrun --nproc_per_node=8 train.py --model_name_or_path org/vlm-2B --peft_enable False --bf16 True\n';
    assert.deepEqual(values(extractShellFacts(line), 'training.mode'), ['finetune']);
    assert.deepEqual(values(extractShellFacts(line.replace('False', 'True')), 'training.mode'), []);
    // No pretrained checkpoint named: nothing said about the mode.
    assert.deepEqual(values(extractShellFacts('python train.py --use_lora false\n'), 'training.mode'), []);
  });

  it('finds a script named by an absolute path of another checkout beside the job, in a folder of the same name', () => {
    const from = '/repo/data/build_sft/job.slurm';
    assert.ok(
      linkCandidates(from, '/home/me/old/data_scripts/build_sft/build.py', '/repo', path.posix).includes(
        '/repo/data/build_sft/build.py',
      ),
    );
    assert.ok(
      !linkCandidates(from, '/home/me/old/other_folder/build.py', '/repo', path.posix).includes(
        '/repo/data/build_sft/build.py',
      ),
    );
  });

  it('reads a program named for building, fetching or filtering a dataset as a data program', () => {
    assert.ok(utilityProgram({ script: 'm4/callers/dl_images_create_dataset.py' }));
    assert.ok(utilityProgram({ script: 'build_ds_shards.py' }));
    assert.equal(utilityProgram({ script: 'train_on_dataset.py' }), undefined);
    assert.equal(utilityProgram({ script: 'create_dataset_and_train.py' }), undefined);
    assert.equal(utilityProgram({ script: 'evaluate_dataset.py' }), undefined);
  });

  it('reads local inference programs: MLC LLM, MLX LM and llama-cpp-python name their model', async () => {
    const mlc = await analyzeSource(
      'mlc.py',
      'from mlc_llm import MLCEngine\nmodel = "HF://mlc-ai/Llama-3-8B-Instruct-q4f16_1-MLC"\nengine = MLCEngine(model)\nfor r in engine.chat.completions.create(messages=[], model=model, stream=True):\n    print(r)\n',
    );
    assert.equal(mlc.runs.length, 1);
    assert.equal(mlc.runs[0].run.model.name, 'mlc-ai/Llama-3-8B-Instruct-q4f16_1-MLC');
    assert.equal(mlc.runs[0].run.mode, 'inference');
    const mlx = await analyzeSource(
      'mlx.py',
      'from mlx_lm import load, generate\nmodel, tokenizer = load("mlx-community/Qwen2.5-7B-Instruct-4bit")\nprint(generate(model, tokenizer, prompt="hi"))\n',
    );
    assert.equal(mlx.runs[0]?.run.model.name, 'mlx-community/Qwen2.5-7B-Instruct-4bit');
    // `load` of anything else (a checkpoint, a file) is not MLX LM's.
    const torchLoad = await analyzeSource('t.py', 'import torch\nsd = torch.load("org/ckpt.pt")\n');
    assert.equal(torchLoad.runs.length, 0);
    const gguf = await analyzeSource(
      'gguf.py',
      'from llama_cpp import Llama\nllm = Llama.from_pretrained(repo_id="org/Model-1.7B-GGUF", filename="*q8_0.gguf")\nprint(llm("Hello"))\n',
    );
    assert.equal(gguf.runs[0]?.run.model.name, 'org/Model-1.7B-GGUF');
  });

  it('places a Ray job entrypoint in its --working-dir', () => {
    const facts = extractShellFacts('ray job submit --working-dir pipeline -- python -u run.py\n');
    assert.deepEqual(values(facts, 'link.script'), ['pipeline/run.py']);
  });

  it('leaves templates, merge jobs and tiny-model builders out of runs, by their place and name', () => {
    for (const p of [
      'exp/slurm_scripts_templates/train.slurm',
      'exp/tr_cron_template/config.yaml',
      'exp/templates/run.sh',
      'm4/scripts/merge_lora_template.slurm',
      'exp/tr_1/merge_lora_and_resize.slurm',
      'm4/models/idefics/make_tiny_llama.py',
      'm4/evaluation/deprecated_generation/make_generation.slurm',
    ])
      assert.ok(nonRunPathReason(p), p);
    for (const p of ['exp/tr_1/train.slurm', 'exp/tr_1/config.yaml', 'prompt_template_eval.py'])
      assert.equal(nonRunPathReason(p), undefined, p);
  });

  it('reads a leading-zero size as a decimal (025b is 0.25B)', () => {
    assert.equal(sizeFromModelName('smolvlm_025b_stage1')?.params, 0.25e9);
    assert.equal(sizeFromModelName('tr_41_vlm_05b_opt_step_100')?.params, 0.5e9);
    assert.equal(sizeFromModelName('qwen2_5_0_5b')?.params, 0.5e9);
    assert.equal(sizeFromModelName('llama-7b')?.params, 7e9);
  });

  it('reads an m4 training config: steps with digit separators, LoRA switch, text model plus vision tower', () => {
    const config = (lora: string) =>
      [
        'data_param:',
        '  ocr:',
        '    max_seq_len: 2048',
        'hparams:',
        '  model_name: HuggingFaceTB/SmolLM2-1.7B-Instruct',
        '  model_config:',
        '    vision_config:',
        '      vision_model_name: /data/siglip-so400m-14-384',
        `  use_lora: ${lora}`,
        '  max_num_opt_steps: 200_000',
        'optim_param:',
        '  vl_optim: AdamW',
      ].join('\n');
    const facts = extractConfigFacts(config('True'), 'yaml').facts;
    assert.deepEqual(values(facts, 'training.steps'), [200000]);
    assert.deepEqual(values(facts, 'model.params'), [1_711_376_384 + 428e6]);
    assert.deepEqual(values(facts, 'launch.trainer'), ['config:m4']);
    assert.deepEqual(values(facts, 'training.mode'), []);
    assert.deepEqual(values(extractConfigFacts(config('False'), 'yaml').facts, 'training.mode'), ['finetune']);
  });

  it('reads a distilabel pipeline step on a local vLLM as an inference run, and not a remote endpoint', async () => {
    const pipeline = (llm: string) =>
      [
        'from distilabel.llms import vLLM, InferenceEndpointsLLM',
        'from distilabel.pipeline import Pipeline',
        'from distilabel.steps import StepResources',
        'from distilabel.steps.tasks import TextGeneration',
        'with Pipeline(name="p") as pipeline:',
        `    gen = TextGeneration(llm=${llm}, resources=StepResources(replicas=3))`,
        'if __name__ == "__main__":',
        '    pipeline.run()',
      ].join('\n');
    const local = await analyzeSource(
      'pipeline.py',
      pipeline('vLLM(model="Qwen/Qwen2.5-7B-Instruct", extra_kwargs={"tensor_parallel_size": 2})'),
    );
    assert.equal(local.runs.length, 1);
    assert.equal(local.runs[0].run.mode, 'inference');
    assert.equal(local.runs[0].run.model.name, 'Qwen/Qwen2.5-7B-Instruct');
    assert.equal(local.runs[0].run.spec.hardware.count, 6);
    const remote = await analyzeSource('pipeline.py', pipeline('InferenceEndpointsLLM(model_id="org/m")'));
    assert.equal(remote.runs.length, 0);
  });
});
