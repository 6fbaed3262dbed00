import * as assert from 'node:assert/strict';
import { extractShellFacts } from '../../src/core/extract/shellFacts';
import { nonRunPathReason, vendoredRootsOf } from '../../src/core/resolve/entryPoint';
import { scanFiles } from './helpers';

/**
 * Thirty-eighth round (held-out set AN): a repository that keeps a copy of another project (its packaging and tests
 * included) beside its own code, launch scripts that `cd` into the checkout on the machine they ran on, a config
 * handed as the first positional argument after a flag's value, and a backbone's weights handed on the command line.
 */

const OWN_TRAINER =
  'import argparse\nimport torch\n\n\ndef main(args):\n    model = torch.nn.Linear(8, 2)\n    opt = torch.optim.AdamW(model.parameters(), lr=args.lr)\n    for epoch in range(args.epochs):\n        loss = model(torch.randn(4, 8)).sum()\n        loss.backward()\n        opt.step()\n\n\nif __name__ == "__main__":\n    p = argparse.ArgumentParser()\n    p.add_argument("--lr", type=float, default=1e-3)\n    p.add_argument("--epochs", type=int, default=300)\n    main(p.parse_args())\n';

/** A copied detection library's model-zoo config (its own `_BASE_`-free form), a run by itself. */
const ZOO_CONFIG =
  'MODEL:\n  META_ARCHITECTURE: "GeneralizedRCNN"\n  WEIGHTS: "detectron2://ImageNetPretrained/MSRA/R-50.pkl"\n  MASK_ON: False\n  RESNETS:\n    DEPTH: 50\nSOLVER:\n  IMS_PER_BATCH: 16\n  BASE_LR: 0.02\n  MAX_ITER: 90000\nDATASETS:\n  TRAIN: ("coco_2017_train",)\n  TEST: ("coco_2017_val",)\n';

/** A copied library's benchmark, run as main. */
const BENCHMARK =
  'import argparse\nimport torch\nfrom transformers import AutoModelForCausalLM\n\nparser = argparse.ArgumentParser()\nparser.add_argument("--model-name", type=str, default="EleutherAI/pythia-160m")\nargs = parser.parse_args()\nmodel = AutoModelForCausalLM.from_pretrained(args.model_name)\nout = model.generate(torch.ones(1, 8, dtype=torch.long), max_new_tokens=100)\n';

function repository(extra: Record<string, string> = {}): Record<string, string> {
  return {
    'ours/main.py': OWN_TRAINER,
    'det/setup.py': 'from setuptools import setup, find_packages\nsetup(name="detlib", packages=find_packages())\n',
    'det/detlib/__init__.py': '',
    'det/tests/test_boxes.py': 'def test_area():\n    assert 1 + 1 == 2\n',
    'det/configs/COCO/faster_rcnn_R_50_FPN_1x.yaml': ZOO_CONFIG,
    'det/benchmarks/generation.py': BENCHMARK,
    ...extra,
  };
}

async function specOfFile(files: Record<string, string>, file: string) {
  const result = await scanFiles(files);
  return result.files.find((f) => f.display === file)?.analysis.runs[0]?.run.spec;
}

describe('Thirty-eighth round: held-out set AN', () => {
  it('finds a copy of another project by its own setup.py and tests beside the repository’s own code', () => {
    assert.deepEqual(vendoredRootsOf(Object.keys(repository())), ['det']);
    // Without its own tests it may be the repository's own package, kept in a folder (`training/setup.py`).
    const untested = Object.keys(repository()).filter((p) => !p.startsWith('det/tests/'));
    assert.deepEqual(vendoredRootsOf(untested), []);
    // A collection of projects, each in its folder with its packaging and tests, has none of them copied.
    const collection = Object.keys(repository()).filter((p) => !p.startsWith('ours/'));
    assert.deepEqual(vendoredRootsOf(collection), []);
    // A project copied inside another copy is part of it.
    const nested = [...Object.keys(repository()), 'det/projects/Pose/setup.py', 'det/projects/Pose/tests/test_a.py'];
    assert.deepEqual(vendoredRootsOf(nested), ['det']);
  });

  it('leaves a copied project’s configs and programs out, with why, and keeps its launch scripts', async () => {
    const result = await scanFiles(repository());
    const leftOut = new Map(result.leftOut.map((l) => [l.display, l.reason]));
    for (const file of ['det/configs/COCO/faster_rcnn_R_50_FPN_1x.yaml', 'det/benchmarks/generation.py'])
      assert.match(leftOut.get(file) ?? '', /part of det\/, a copy of another project/, file);
    const listed = result.files.filter((f) => f.analysis.runs.length > 0).map((f) => f.display);
    assert.ok(listed.includes('ours/main.py'), listed.join(', '));
    assert.ok(!listed.some((f) => f.startsWith('det/')), listed.join(', '));
    // Not a copy (no tests of its own): the same files are runs.
    const own = repository();
    delete own['det/tests/test_boxes.py'];
    const kept = (await scanFiles(own)).files.filter((f) => f.analysis.runs.length > 0).map((f) => f.display);
    assert.ok(kept.includes('det/configs/COCO/faster_rcnn_R_50_FPN_1x.yaml'), kept.join(', '));
  });

  /** A detectron2 LazyConfig of the authors' own, importing its schedule from another config. */
  const BASE_LAZY =
    'from detectron2.config import LazyCall as L\nfrom detectron2.modeling import GeneralizedRCNN\nfrom ..common.coco_loader import dataloader\nfrom ..common.train import train\n\nmodel = L(GeneralizedRCNN)()\ntrain.max_iter = 184375\ntrain.amp.enabled = True\ntrain.init_checkpoint = ""\n';
  const MIDDLE_LAZY =
    'from .mask_rcnn_ours_b_100ep import (\n    dataloader,\n    model,\n    train,\n)\n\nmodel.roi_heads.num_classes = 80\n';
  const CHILD_LAZY =
    'from .cascade_mask_rcnn_ours_b_100ep import (\n    dataloader,\n    model,\n    train,\n)\n\ntrain.init_checkpoint = ""\nmodel.backbone.net.depth = 24\n';
  const LAUNCH = (cd: string) =>
    `#!/bin/bash\nsource /opt/conda/bin/activate det\n${cd}\n\nCONFIG_NAME=mask_rcnn_ours_t_100ep\nCONFIG=projects/Ours/configs/$CONFIG_NAME.py\n\n/opt/conda/envs/det/bin/python3 tools/lazyconfig_train_net.py \\\n --num-gpus 4 --num-machines 1 \\\n --config-file \${CONFIG} \\\n train.output_dir=/data/work_dirs/$CONFIG_NAME\n`;

  it('follows `cd /abs/path/<folder>;` to the script’s own folder of that name, and a config flag’s variable', () => {
    const facts = extractShellFacts(LAUNCH('cd /mnt/me/Repo/det;'), '/w/det/scripts/train_ours.sh');
    const links = facts.filter((f) => f.kind.startsWith('link.')).map((f) => `${f.kind} ${String(f.value)}`);
    assert.deepEqual(links, [
      'link.script ../tools/lazyconfig_train_net.py',
      'link.config ../projects/Ours/configs/mask_rcnn_ours_t_100ep.py',
    ]);
    // A folder of another name is not the checkout's: the programs are named as written.
    const other = extractShellFacts(LAUNCH('cd /mnt/me/elsewhere'), '/w/det/scripts/train_ours.sh');
    assert.ok(other.some((f) => f.kind === 'link.script' && f.value === 'tools/lazyconfig_train_net.py'));
  });

  it('reads a launch’s LazyConfig through the chain of configs it imports from (a `_base_` written as an import)', async () => {
    const result = await scanFiles({
      'det/scripts/train_ours.sh': LAUNCH('cd /mnt/me/Repo/det;'),
      'det/tools/lazyconfig_train_net.py':
        'from detectron2.config import LazyConfig\nfrom detectron2.engine import default_argument_parser, launch\n\n\ndef main(args):\n    cfg = LazyConfig.load(args.config_file)\n\n\nif __name__ == "__main__":\n    args = default_argument_parser().parse_args()\n    launch(main, args.num_gpus, args=(args,))\n',
      'det/projects/Ours/configs/mask_rcnn_ours_b_100ep.py': BASE_LAZY,
      'det/projects/Ours/configs/cascade_mask_rcnn_ours_b_100ep.py': MIDDLE_LAZY,
      'det/projects/Ours/configs/mask_rcnn_ours_t_100ep.py': CHILD_LAZY,
    });
    const run = result.files.find((f) => f.display === 'det/scripts/train_ours.sh')?.analysis.runs[0]?.run.spec;
    assert.equal(run?.training.steps, 184375);
    assert.equal(run?.training.precision, 'fp16');
    assert.equal(run?.hardware.count, 4);
  });

  const SEG_LAUNCH =
    '#!/bin/bash\ncd /mnt/me/Repo/seg\n\nSEG_CONFIG=configs/ours/upernet_ours_tiny_512_60k.py\nCKPT=/mnt/me/ckpts/ours-t.pth\n\npython3 -m torch.distributed.launch --nproc_per_node=4 --use_env train.py --launcher pytorch \\\n    ${SEG_CONFIG} \\\n    --seed 0 --work-dir work_dirs/ours-t --deterministic \\\n    --options model.backbone.pretrained=${CKPT} optimizer.lr=2e-4\n';

  it('takes the first config path after a flag’s value as the program’s positional config', () => {
    const facts = extractShellFacts(SEG_LAUNCH, '/w/seg/scripts/ft_ours_tiny.sh');
    const configs = facts.filter((f) => f.kind === 'link.config').map((f) => f.value);
    assert.deepEqual(configs, ['../configs/ours/upernet_ours_tiny_512_60k.py']);
    // A flag's own value is the flag's (`--deepspeed ds.json`), not the program's positional config.
    const flagged = extractShellFacts('python train.py --deepspeed ds_config.json --epochs 3\n', '/w/run.sh');
    assert.deepEqual(
      flagged.filter((f) => f.kind === 'link.config').map((f) => f.value),
      ['ds_config.json'],
    );
  });

  const JEPA =
    'app: vjepa\nnodes: 16\ntasks_per_node: 8\ndata:\n  batch_size: 24\n  num_frames: 16\n  patch_size: 16\nmeta:\n  load_checkpoint: false\n  seed: 234\n  dtype: bfloat16\nmodel:\n  model_name: vit_large\n  pred_depth: 12\n  pred_embed_dim: 384\noptimization:\n  ipe: 300\n  ipe_scale: 1.25\n  epochs: 300\n  lr: 0.000625\n';

  it('reads a JEPA config’s iterations per epoch as its steps, and a submitit job shape at its top as its GPUs', async () => {
    const spec = await specOfFile({ 'configs/pretrain/vitl16.yaml': JEPA }, 'configs/pretrain/vitl16.yaml');
    assert.equal(spec?.training.epochs, 300);
    assert.equal(spec?.training.steps, 90000);
    assert.equal(spec?.hardware.count, 128);
    // Without `ipe` an epoch is the loader's length: no steps stated.
    const loader = await specOfFile(
      { 'configs/pretrain/vitl16.yaml': JEPA.replace('  ipe: 300\n', '') },
      'configs/pretrain/vitl16.yaml',
    );
    assert.equal(loader?.training.steps ?? undefined, undefined);
    // `nodes` alone (no job shape beside it) is no node count: a graph's nodes, a list's.
    const nodesOnly = await specOfFile(
      { 'configs/pretrain/vitl16.yaml': JEPA.replace('tasks_per_node: 8\n', '') },
      'configs/pretrain/vitl16.yaml',
    );
    assert.notEqual(nodesOnly?.hardware.count, 128);
  });

  const OLMO = (load: string) =>
    `run_name: ours-1b\nmodel:\n  d_model: 2048\n  n_heads: 16\n  n_layers: 16\n  mlp_ratio: 8\n  activation_type: swiglu\n  max_sequence_length: 4096\n  vocab_size: 100278\n  embedding_size: 100352\n  weight_tying: false\nprecision: amp_bf16\n${load}max_duration: 4e12T\nglobal_train_batch_size: 512\ndevice_train_microbatch_size: 4\n`;

  it('an OLMo run that starts at step 0 with a token budget ends at ceil(tokens / tokens a batch) steps', async () => {
    const spec = await specOfFile({ 'configs/ours-1b.yaml': OLMO('load_path: null\n') }, 'configs/ours-1b.yaml');
    assert.equal(spec?.training.steps, Math.ceil(4e12 / (512 * 4096)));
    assert.equal(spec?.training.tokens, 4e12);
    // Resumed from a checkpoint, the run starts at that checkpoint's step: the steps left are not stated.
    const resumed = await specOfFile(
      { 'configs/ours-1b.yaml': OLMO('load_path: https://example.org/ckpt/step100000-unsharded\n') },
      'configs/ours-1b.yaml',
    );
    assert.notEqual(resumed?.training.steps, Math.ceil(4e12 / (512 * 4096)));
  });

  const EVAL_JOB =
    '#!/bin/bash\n#SBATCH --gres=gpu:1\nbenchmark="mme"\nexport EVAL_DIR=${EVAL_DIR:-$SCRATCH/workspace/evals}\nsingularity exec --nv $SCRATCH/image.sif /bin/bash -c "\nsource $SCRATCH/env.sh\n\ncd $EVAL_DIR/scripts\nbash run_benchmark.sh --benchmark $benchmark --ckpt $ckpt\n"\n';
  const RUN_BENCHMARK =
    '#!/bin/bash\nwhile [[ $# -gt 0 ]]; do\n  case "$1" in\n    --benchmark)\n        benchmark="$2"\n        shift 2\n        ;;\n    --ckpt)\n        ckpt="$2"\n        shift 2\n        ;;\n  esac\ndone\nscript_dir=$(dirname $(realpath $0))\nbenchmark_dir="${script_dir}/../benchmarks/${benchmark}"\neval_file="${benchmark_dir}/${benchmark}_eval.py"\ntest_file="${benchmark_dir}/${benchmark}_test.py"\npython $eval_file --model_path "$ckpt" --answers_file answers.jsonl\npython $test_file --answers_file answers.jsonl\n';

  it('follows `cd $UNKNOWN/<folder>` to a folder of that name near the script, also inside a container’s `bash -c`', () => {
    const facts = extractShellFacts(EVAL_JOB, '/w/eval/slurm/eval_mme.slurm');
    assert.deepEqual(
      facts.filter((f) => f.kind === 'link.script').map((f) => f.value),
      ['scripts/run_benchmark.sh'],
    );
    // A `cd` into a folder the script names by a variable alone moves the launch nowhere it can say.
    const nowhere = extractShellFacts(EVAL_JOB.replace('cd $EVAL_DIR/scripts', 'cd $EVAL_DIR'), '/w/x.slurm');
    assert.deepEqual(
      nowhere.filter((f) => f.kind === 'link.script').map((f) => f.value),
      ['run_benchmark.sh'],
    );
  });

  it('an evaluation program picked by a variable (`${benchmark}_eval.py`) is inference; its answers’ scorer trains nothing', async () => {
    const facts = extractShellFacts(RUN_BENCHMARK, '/w/eval/scripts/run_benchmark.sh');
    assert.equal(facts.find((f) => f.kind === 'training.mode')?.value, 'inference');
    const result = await scanFiles({
      'eval/slurm/eval_mme.slurm': EVAL_JOB,
      'eval/scripts/run_benchmark.sh': RUN_BENCHMARK,
    });
    const job = result.files.find((f) => f.display === 'eval/slurm/eval_mme.slurm')?.analysis.runs[0]?.run.spec;
    assert.equal(job?.training.mode, 'inference');
    // A written name that trains is not read as an evaluation.
    const training = extractShellFacts(
      RUN_BENCHMARK.replace('${benchmark}_eval.py', 'train_${benchmark}.py'),
      '/w/r.sh',
    );
    assert.notEqual(training.find((f) => f.kind === 'training.mode')?.value, 'inference');
  });

  it('a loop that only generates with a model (retry rounds named `epoch`) is inference, not a training loop', async () => {
    const program = (body: string) =>
      `import argparse\nfrom vllm import LLM, SamplingParams\n\n\ndef main(args):\n    llm = LLM(model=args.model_name_or_path)\n    prompts = ["1+1="] * 8\n    max_func_call = 4 if args.prompt_type in ["cot", "pal"] else 1\n    for epoch in range(max_func_call):\n${body}\n\n\nif __name__ == "__main__":\n    p = argparse.ArgumentParser()\n    p.add_argument("--model_name_or_path", default="Qwen/Qwen2.5-Math-7B-Instruct")\n    p.add_argument("--prompt_type", default="tool-integrated")\n    main(p.parse_args())\n`;
    const generating = await specOfFile(
      { 'math_eval.py': program('        outputs = llm.generate(prompts, SamplingParams(max_tokens=2048))') },
      'math_eval.py',
    );
    assert.equal(generating?.training.mode, 'inference');
    // A loop that also takes an optimizer step trains.
    const stepping = await specOfFile(
      {
        'math_eval.py': program(
          '        outputs = llm.generate(prompts, SamplingParams(max_tokens=2048))\n        loss.backward()\n        optimizer.step()',
        ),
      },
      'math_eval.py',
    );
    assert.notEqual(stepping?.training.mode, 'inference');
  });

  it('a module run after `cd` into a vendored tool’s folder is that folder’s package', () => {
    const facts = extractShellFacts(
      '#!/bin/bash\nif [ "$TASK" = "code" ]; then\n    cd ./Coding/benchkit-main\n    python -m benchkit.runner.main --model $CKPT --evaluate\n    cd ../../\nfi\n',
      '/w/eval/run.sh',
    );
    assert.deepEqual(
      facts.filter((f) => f.kind === 'link.script').map((f) => f.value),
      ['Coding/benchkit-main/benchkit/runner/main.py'],
    );
    const plain = extractShellFacts('python -m benchkit.runner.main --model x\n', '/w/eval/run.sh');
    assert.deepEqual(
      plain.filter((f) => f.kind === 'link.script').map((f) => f.value),
      ['benchkit/runner/main.py'],
    );
  });

  it('shell scripts named for running tests (`run_instant_tests.sh`) are tests', () => {
    assert.match(nonRunPathReason('dev/run_instant_tests.sh') ?? '', /test script/);
    assert.equal(nonRunPathReason('scripts/run_eval_tasks.sh'), undefined);
  });
});
