import * as assert from 'node:assert/strict';
import { extractShellFacts } from '../../src/core/extract/shellFacts';
import { sizeFromModelName } from '../../src/core/knowledge/modelName';
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

describe('Forty-seventh round: Megatron jobs and evaluations (set AX)', () => {
  const megatronJob = (extra: string) =>
    [
      '#!/bin/bash',
      '#SBATCH --job-name=tr4-1B3-rotary',
      '#SBATCH --nodes=4',
      '#SBATCH --gres=gpu:8',
      'TRAIN_SAMPLES=220_000_000  # 450B tokens',
      'GPT_ARGS=" \\',
      '    --num-layers 24 \\',
      '    --hidden-size 2048 \\',
      '    --num-attention-heads 16 \\',
      '    --seq-length 2048 \\',
      '    --micro-batch-size 2 \\',
      '    --global-batch-size 512 \\',
      '    --train-samples $TRAIN_SAMPLES \\',
      '    --pad-vocab-size-to 250880 \\',
      `    ${extra} \\`,
      '    --fp16 \\',
      '    "',
      'srun python -u -m torch.distributed.run --nproc_per_node 8 --nnodes 4 pretrain_gpt.py $GPT_ARGS',
      '',
    ].join('\n');

  it('reads a flag number written with digit-group underscores, as Python’s int() does', () => {
    const facts = extractShellFacts(megatronJob('--seed 42'), 'train/tr11b-1B3-ml.slurm');
    const steps = facts.find((f) => f.kind === 'training.steps');
    assert.equal(steps?.value, Math.ceil(220_000_000 / 512));
  });

  it('takes a curriculum run’s --train-tokens budget as its tokens', () => {
    const facts = extractShellFacts(megatronJob('--train-tokens 300_000_000_000'), 'train/tr8b-104B-cl.slurm');
    assert.equal(facts.find((f) => f.kind === 'training.tokens')?.value, 300_000_000_000);
  });

  it('counts the padded vocabulary of --pad-vocab-size-to', () => {
    const facts = extractShellFacts(megatronJob('--seed 42'), 'train/tr11b-1B3-ml.slurm');
    assert.equal(facts.find((f) => f.kind === 'model.vocabSize')?.value, 250880);
  });

  it('names a model the flags size after the script, not after a job named for its data', () => {
    const facts = extractShellFacts(megatronJob('--seed 42'), 'train/tr11b-1B3-ml.slurm');
    const named = facts.filter((f) => f.kind === 'model.id');
    assert.deepEqual(
      named.map((f) => f.value),
      ['tr11b-1B3-ml'],
    );
    assert.equal(named[0].confidence, 'low');
    // A script named only for what it does: the job's name.
    const generic = extractShellFacts(megatronJob('--seed 42'), 'train/run_train_distributed.sh');
    assert.equal(generic.find((f) => f.kind === 'model.id')?.value, 'tr4-1B3-rotary');
  });

  it('reads --reset-progress with --no-load-optim and a checkpoint as a fine-tune', () => {
    const tuned = extractShellFacts(
      megatronJob('--load $CHECKPOINT_PATH --no-load-optim --reset-progress'),
      'train/tr13-mtf.slurm',
    );
    assert.equal(tuned.find((f) => f.kind === 'model.fromScratch')?.value, false);
    // Without the reset, a restart without the optimizer's state continues the same pre-training.
    const resumed = extractShellFacts(megatronJob('--load $CHECKPOINT_PATH --no-load-optim'), 'train/tr8.slurm');
    assert.notEqual(resumed.find((f) => f.kind === 'model.fromScratch')?.value, false);
  });

  it('reads BigScience’s evaluation-harness flags (--model_api_name, --task_name) as an evaluation', () => {
    const job = [
      'MODEL_CKPT=/scratch/models/bloomckpt/6b3/bloom-7b1',
      'cd /scratch/lm-evaluation-harness',
      'python main.py --model_api_name "hf-causal" \\',
      '    --model_args pretrained=$MODEL_CKPT,use_accelerate=True,dtype=float16 \\',
      '    --device cuda --batch_size 16 --task_name wiki_lingua_en',
      '',
    ].join('\n');
    const facts = extractShellFacts(job, 'eval/run_generation.slurm');
    assert.equal(facts.find((f) => f.kind === 'launch.inference')?.value, 'lm_eval');
    assert.equal(facts.find((f) => f.kind === 'training.precision')?.value, 'fp16');
    assert.match(String(facts.find((f) => f.kind === 'model.id')?.value), /bloom-7b1$/);
  });

  it('names an evaluated model by its checkpoint folder under a root variable and step folders', () => {
    const job = [
      'CHECKPOINT_PATH=$SCRATCH/checkpoints/tr11-176B-ml/checkpoints/main/global_step50000',
      'python -u -m torch.distributed.run --nproc_per_node 8 ./tasks/eval_harness/evaluate.py \\',
      '    --load $CHECKPOINT_PATH --inference --bf16 --task_list arc_easy',
      '',
    ].join('\n');
    const facts = extractShellFacts(job, 'eval/run_evalharness.slurm');
    assert.equal(facts.find((f) => f.kind === 'model.id')?.value, 'tr11-176B-ml');
  });

  it('reads a size written with the unit as the decimal point (BLOOM’s 7b1, 1B3)', () => {
    assert.equal(sizeFromModelName('bigscience/bloom-7b1')?.params, 7.1e9);
    assert.equal(sizeFromModelName('tr11b-1B3-ml')?.params, 1.3e9);
    assert.equal(sizeFromModelName('v1b2'), undefined);
  });
});

describe('Forty-seventh round: RL4LMs task configs (set AX)', () => {
  const config = (alg: string) =>
    [
      'tokenizer:',
      '  model_name: gpt2',
      'env:',
      '  n_envs: 10',
      'alg:',
      `  id: ${alg}`,
      '  args:',
      '    n_steps: 128',
      '    batch_size: 64',
      '    n_epochs: 5',
      '  policy:',
      '    id: causal_lm_actor_critic_policy',
      '    args:',
      '      model_name: gpt2',
      'train_evaluation:',
      '  n_iters: 50',
      '  eval_batch_size: 64',
      '',
    ].join('\n');

  it('counts PPO’s optimizer steps: iterations × passes × minibatches of each rollout, and no epochs', async () => {
    const scan = await scanFiles({ 'task_configs/gpt2_ppo.yml': config('ppo') });
    const run = scan.files[0]?.analysis.runs[0]?.run;
    assert.equal(run?.spec.model.name, 'gpt2');
    assert.equal(run?.spec.training.mode, 'finetune');
    assert.equal(run?.spec.training.steps, 50 * 5 * Math.ceil((10 * 128) / 64));
    assert.equal(run?.spec.training.epochs, undefined);
  });

  it('counts one A2C step an iteration', async () => {
    const scan = await scanFiles({ 'task_configs/gpt2_a2c.yml': config('a2c') });
    assert.equal(scan.files[0]?.analysis.runs[0]?.run.spec.training.steps, 50);
  });
});

describe('Forty-seventh round: programs (set AX)', () => {
  it('reads a class built from an architecture registry and given trained weights as an inference run', async () => {
    const program = [
      'import argparse',
      'import torch',
      'from basicsr.utils.registry import ARCH_REGISTRY',
      '',
      "if __name__ == '__main__':",
      '    parser = argparse.ArgumentParser()',
      "    parser.add_argument('--input', type=str, default='inputs')",
      '    args = parser.parse_args()',
      "    net = ARCH_REGISTRY.get('FaceRestorer')(dim_embd=512, n_layers=9).to('cuda')",
      "    net.load_state_dict(torch.load('weights/restorer.pth')['params_ema'])",
      '    net.eval()',
      '    with torch.no_grad():',
      '        out = net(torch.zeros(1, 3, 512, 512))',
      '',
    ].join('\n');
    const scan = await scanFiles({ 'inference_restore.py': program });
    const run = scan.files[0]?.analysis.runs[0]?.run;
    assert.equal(run?.spec.training.mode, 'inference');
    assert.equal(run?.spec.model.name, 'FaceRestorer');
  });
});

describe('Forty-seventh round: entry points and option files (set AX)', () => {
  it('keeps a thin entry point whose main() hands its flags to the package’s train()', async () => {
    const entry = [
      'from ranker.utils.parser import Arguments',
      'from ranker.training.training import train',
      '',
      'def main():',
      "    parser = Arguments(description='Training with triples.')",
      '    args = parser.parse()',
      '    train(args)',
      '',
      "if __name__ == '__main__':",
      '    main()',
      '',
    ].join('\n');
    const training = [
      'import torch',
      'from transformers import AutoModel',
      '',
      'def train(args):',
      "    model = AutoModel.from_pretrained('bert-base-uncased')",
      '    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr)',
      '    for batch in range(10):',
      '        loss = model(batch).loss',
      '        loss.backward()',
      '        optimizer.step()',
      '',
    ].join('\n');
    const scan = await scanFiles({
      'ranker/__init__.py': '',
      'ranker/train.py': entry,
      'ranker/training/__init__.py': '',
      'ranker/training/training.py': training,
    });
    const run = scan.files.find((f) => f.display === 'ranker/train.py')?.analysis.runs[0]?.run;
    assert.equal(run?.spec.model.name, 'bert-base-uncased');
  });

  it('keeps a package’s evaluation script that hands its flags to the package’s inference function', async () => {
    const evaluation = [
      'import argparse',
      'from vidchat.eval.model_utils import initialize_model',
      'from vidchat.inference import vidchat_infer',
      '',
      'def run_inference(args):',
      '    model, tokenizer = initialize_model(args.model_name)',
      '    for question in ["a", "b"]:',
      '        print(vidchat_infer(question, model, tokenizer))',
      '',
      "if __name__ == '__main__':",
      '    parser = argparse.ArgumentParser()',
      "    parser.add_argument('--model-name', type=str, required=True)",
      '    run_inference(parser.parse_args())',
      '',
    ].join('\n');
    const inference = [
      'import torch',
      '',
      'def vidchat_infer(question, model, tokenizer):',
      '    with torch.inference_mode():',
      '        return model.generate(**tokenizer(question, return_tensors="pt"))',
      '',
    ].join('\n');
    const scan = await scanFiles({
      'vidchat/__init__.py': '',
      'vidchat/eval/__init__.py': '',
      'vidchat/eval/run_inference_qa.py': evaluation,
      'vidchat/inference.py': inference,
    });
    const file = scan.files.find((f) => f.display === 'vidchat/eval/run_inference_qa.py');
    assert.equal(file?.analysis.notARun, undefined);
    assert.equal(file?.analysis.runs[0]?.run.spec.training.mode, 'inference');
  });

  it('reads a BasicSR generator built with trained weights of a part (network_g.*_path) as a fine-tune', async () => {
    const options = [
      'name: restorer_stage2',
      'model_type: RestorerModel',
      'num_gpu: 8',
      'network_g:',
      '  type: Restorer',
      '  dim_embd: 512',
      "  vqgan_path: './experiments/pretrained_models/vqgan/vqgan_code1024.pth'",
      'path:',
      '  pretrain_network_g: ~',
      'train:',
      '  total_iter: 150000',
      '',
    ].join('\n');
    const scan = await scanFiles({ 'options/stage2.yml': options });
    const run = scan.files[0]?.analysis.runs[0]?.run;
    assert.equal(run?.spec.training.mode, 'finetune');
    assert.equal(run?.spec.training.steps, 150000);
  });
});

describe('Forty-seventh round: job scripts that forward their arguments (set AV)', () => {
  it('reads a submitted job script with the arguments sbatch hands it, forwarded by "$@" to the program', async () => {
    const submit = [
      'PROJ_DIR=/scratch/user/space/shearing-repo',
      'config_file=${PROJ_DIR}/project/configs/llama2/7b.yaml',
      'sbatch --job-name prune --nodes=4 --gpus-per-node=2 \\',
      '    ${PROJ_DIR}/project/scripts/launch.sh \\',
      '    $config_file \\',
      "    model.l0_module.pruning_modules='[head,layer]' \\",
      '    max_duration=3200ba',
      '',
    ].join('\n');
    const launch = [
      'PROJ_DIR=$n/space/shearing-repo',
      'num_nodes=$(scontrol show hostnames $SLURM_JOB_NODELIST | wc -l)',
      'if [[ $num_nodes == 1 ]]; then composer $PROJ_DIR/project/train.py $@; else srun bash run.sh $@; fi',
      '',
    ].join('\n');
    const config = [
      'model:',
      '  name: mosaic_llama2_7b',
      '  d_model: 4096',
      '  n_heads: 32',
      '  n_layers: 32',
      '  intermediate_size: 11008',
      '  vocab_size: 32000',
      'max_seq_len: 4096',
      'global_train_batch_size: 32',
      'max_duration: 800ba',
      'precision: amp_bf16',
      '',
    ].join('\n');
    const program = [
      'import sys',
      'from omegaconf import OmegaConf',
      'from composer import Trainer',
      '',
      'def main(cfg):',
      '    trainer = Trainer(model=None, max_duration=cfg.max_duration, precision=cfg.precision)',
      '    trainer.fit()',
      '',
      "if __name__ == '__main__':",
      '    yaml_path, args_list = sys.argv[1], sys.argv[2:]',
      '    cfg = OmegaConf.merge(OmegaConf.load(yaml_path), OmegaConf.from_cli(args_list))',
      '    main(cfg)',
      '',
    ].join('\n');
    const scan = await scanFiles({
      'project/scripts/pruning.sh': submit,
      'project/scripts/launch.sh': launch,
      'project/configs/llama2/7b.yaml': config,
      'project/train.py': program,
    });
    const file = scan.files.find((f) => f.display === 'project/scripts/pruning.sh');
    assert.ok(file?.analysis.linkedFiles.some((p) => p.endsWith('project/configs/llama2/7b.yaml')));
    const run = file?.analysis.runs[0]?.run;
    assert.equal(run?.spec.model.name, 'mosaic_llama2_7b');
    assert.equal(run?.spec.training.precision, 'bf16');
  });
});

describe('Forty-seventh round: a vision-language evaluation whose language model is a flag (set AX)', () => {
  const helper = [
    'import torch',
    'from transformers import AutoTokenizer, CLIPVisionModel',
    'from vidchat.model import VidChatLlamaForCausalLM',
    '',
    'def initialize_model(model_name):',
    '    tokenizer = AutoTokenizer.from_pretrained(model_name)',
    '    model = VidChatLlamaForCausalLM.from_pretrained(model_name, torch_dtype=torch.float16)',
    '    vision_tower_name = "openai/clip-vit-large-patch14"',
    '    vision_tower = CLIPVisionModel.from_pretrained(vision_tower_name, torch_dtype=torch.float16)',
    '    model.eval()',
    '    return model, vision_tower, tokenizer',
    '',
  ].join('\n');
  const evaluation = [
    'import argparse',
    'import torch',
    'from vidchat.eval.model_utils import initialize_model',
    '',
    "if __name__ == '__main__':",
    '    parser = argparse.ArgumentParser()',
    "    parser.add_argument('--model-name', type=str, required=True)",
    '    args = parser.parse_args()',
    '    model, vision_tower, tokenizer = initialize_model(args.model_name)',
    '    with torch.inference_mode():',
    '        print(model.generate(**tokenizer("Describe the video", return_tensors="pt")))',
    '',
  ].join('\n');

  it('reads the precision its package helper loads the model in, and leaves the language model unknown', async () => {
    const scan = await scanFiles({
      'vidchat/__init__.py': '',
      'vidchat/eval/__init__.py': '',
      'vidchat/eval/model_utils.py': helper,
      'vidchat/eval/run_inference_qa.py': evaluation,
    });
    const run = scan.files.find((f) => f.display === 'vidchat/eval/run_inference_qa.py')?.analysis.runs[0]?.run;
    assert.equal(run?.spec.training.precision, 'fp16');
    // The CLIP vision tower the helper names feeds the language model: it is not the run's model.
    assert.notEqual(run?.spec.model.name, 'openai/clip-vit-large-patch14');
    assert.equal(run?.spec.training.mode, 'inference');
  });
});
