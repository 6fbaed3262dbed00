import * as assert from 'node:assert/strict';
import { hubIdInPath } from '../../src/core/extract/config/dialect';
import { extractShellFacts } from '../../src/core/extract/shellFacts';
import { findModel, findModelOfFolder } from '../../src/core/knowledge';
import { pythonFacts, scanFiles, valuesOf } from './helpers';

/** Forty-fourth round: rules from the misreads of held-out set AT (and the new set AU). */

/** One Hydra entry point that trains, evaluates and samples, picked by its root `mode` key. */
const HYDRA_PROGRAM = {
  'configs/config.yaml': [
    'defaults:',
    '  - _self_',
    '  - /model: small',
    'mode: train  # train / ppl_eval / sample_eval',
    'trainer:',
    '  max_steps: 50_000',
    '  precision: bf16',
    '  devices: 2',
    '',
  ].join('\n'),
  'configs/model/small.yaml': 'name: small\nhidden_size: 512\nn_blocks: 8\n',
  'main.py': [
    'import hydra',
    'import lightning as L',
    '',
    "@hydra.main(version_base=None, config_path='configs', config_name='config')",
    'def main(config):',
    '    trainer = L.Trainer(**config.trainer)',
    "    if config.mode == 'train':",
    '        trainer.fit(build(config))',
    '    else:',
    '        trainer.validate(build(config))',
    '',
    "if __name__ == '__main__':",
    '    main()',
    '',
  ].join('\n'),
};

describe('Forty-fourth round: real-repository rules', () => {
  it("reads a Hydra launch that sets the program's mode to an evaluation as inference", async () => {
    const scan = await scanFiles({
      ...HYDRA_PROGRAM,
      'scripts/eval_ppl.sh': 'python -u -m main \\\n  mode=ppl_eval \\\n  model=small \\\n  loader.batch_size=16\n',
      'scripts/train.sh': 'python -u -m main \\\n  mode=train \\\n  model=small \\\n  trainer.max_steps=1000\n',
      'scripts/train_eval.sh': 'python -u -m main mode=train_eval model=small\n',
    });
    const modeOf = (display: string) =>
      scan.files.find((f) => f.display === display)?.analysis.runs[0]?.run.spec.training.mode;
    assert.equal(modeOf('scripts/eval_ppl.sh'), 'inference');
    assert.notEqual(modeOf('scripts/train.sh'), 'inference');
    assert.notEqual(modeOf('scripts/train_eval.sh'), 'inference');
    assert.equal(scan.files.find((f) => f.display === 'scripts/train.sh')?.analysis.runs.length, 1);
  });

  it("sizes LoftQ's quantised backbones as the model they are obtained from", () => {
    assert.equal(findModel('LoftQ/Llama-2-7b-hf-4bit-64rank')?.id, 'meta-llama/Llama-2-7b-hf');
    assert.equal(findModel('LoftQ/Llama-2-13b-hf-2bit-64rank')?.id, 'meta-llama/Llama-2-13b-hf');
    assert.equal(findModel('LoftQ/Meta-Llama-3-70B-4bit-64rank-1iter')?.id, 'meta-llama/Meta-Llama-3-70B');
    assert.equal(findModel('LoftQ/bart-large-bit4-rank16')?.id, 'facebook/bart-large');
    // Tags are dropped only at the end of the name, and only as LoftQ writes them.
    assert.equal(findModel('someone/Llama-2-7b-hf-4bit-64rank-merged'), undefined);
    assert.equal(findModel('someone/Llama-2-7b-hf-64rank'), undefined);
  });

  it('reads the devices a comment right above a launch names, when the launch names none', () => {
    const devices = (text: string) =>
      extractShellFacts(text, '/w/scripts/run.sh')
        .filter((f) => f.kind === 'hardware.devices')
        .map((f) => [f.value, f.confidence]);
    const launch = 'accelerate launch train.py \\\n  --model_name_or_path org/model \\\n  --num_train_epochs 3\n';
    assert.deepEqual(devices(`# fine-tune on GSM8K using 8 A100s\n# global batch 64\n${launch}`), [[8, 'medium']]);
    assert.deepEqual(devices(`# 4x A100 (80GB)\n${launch}`), [[4, 'medium']]);
    // Counts that disagree, a blank line between, a memory size, or a count on the command: not the comment's.
    assert.deepEqual(devices(`# 8 GPUs for 7B, 2 GPUs for 1B\n${launch}`), []);
    assert.deepEqual(devices(`# train with 8 GPUs\n\n${launch}`), []);
    assert.deepEqual(devices(`# needs an 80GB A100\n${launch}`), []);
    assert.deepEqual(devices(`# on 8 GPUs\naccelerate launch --num_processes 2 train.py --x 1\n`), [[2, 'high']]);
    // One launch's comment is that launch's: the next launch, with no comment, is not given its count.
    const two = `# using 8 A100s\n${launch}\n# evaluate on 1 GPU\npython eval.py --model_name_or_path org/model\n`;
    assert.deepEqual(devices(two), [
      [8, 'medium'],
      [1, 'medium'],
    ]);
  });

  it('reads LoRA from the LoRA libraries other than PEFT', async () => {
    const dreambooth = [
      'from diffusers import StableDiffusionPipeline, UNet2DConditionModel',
      'from lora_diffusion import inject_trainable_lora',
      '',
      'def main(args):',
      '    unet = UNet2DConditionModel.from_pretrained(args.pretrained_model_name_or_path, subfolder="unet")',
      '    unet.requires_grad_(False)',
      '    params, _ = inject_trainable_lora(unet, r=args.lora_rank)',
      '    optimizer = torch.optim.AdamW(itertools.chain(*params), lr=1e-4)',
      '    for step, batch in enumerate(loader):',
      '        loss = unet(batch).sample.mean()',
      '        loss.backward()',
      '        optimizer.step()',
      '',
      "if __name__ == '__main__':",
      '    main(parse_args())',
      '',
    ].join('\n');
    assert.deepEqual(valuesOf(await pythonFacts(dreambooth), 'training.adapter'), ['lora']);
    const loralib = 'import loralib as lora\nmodel = build()\nlora.mark_only_lora_as_trainable(model)\n';
    assert.deepEqual(valuesOf(await pythonFacts(loralib), 'training.adapter'), ['lora']);
    // The library's own module, which defines the function and calls nothing, puts no adapter in.
    const library =
      'def inject_trainable_lora(model, r=4):\n    """Replaces attention projections."""\n    return [], []\n';
    assert.deepEqual(valuesOf(await pythonFacts(library), 'training.adapter'), []);
  });

  it('keeps a program whose name says it does not merge weights', async () => {
    const chat = [
      'import argparse',
      'from peft import PeftModel',
      'from transformers import AutoModelForCausalLM',
      '',
      "if __name__ == '__main__':",
      '    parser = argparse.ArgumentParser()',
      "    parser.add_argument('--model_name_or_path', type=str)",
      '    args = parser.parse_args()',
      "    base = AutoModelForCausalLM.from_pretrained('meta-llama/Llama-2-7b-hf', torch_dtype=torch.float16)",
      '    model = PeftModel.from_pretrained(base, args.model_name_or_path)',
      "    print(model.generate(**tokenizer('hi', return_tensors='pt')))",
      '',
    ].join('\n');
    const merge = chat.replace(
      "    print(model.generate(**tokenizer('hi', return_tensors='pt')))",
      '    model.merge_and_unload().save_pretrained("out")',
    );
    const scan = await scanFiles({ 'examples/chat_no_merge.py': chat, 'tools/lora_merge.py': merge });
    const runsOf = (display: string) => scan.files.find((f) => f.display === display)?.analysis.runs.length ?? 0;
    assert.equal(runsOf('examples/chat_no_merge.py'), 1);
    assert.equal(runsOf('tools/lora_merge.py'), 0);
  });

  it("names the model of a folder of the Hub's download cache", () => {
    const cache = '/mnt/models/llama/models--meta-llama--Llama-2-7b-chat-hf';
    assert.equal(hubIdInPath(cache), 'meta-llama/Llama-2-7b-chat-hf');
    assert.equal(hubIdInPath('~/.cache/huggingface/hub/models--Qwen--Qwen2.5-7B/snapshots/0a1b2c/'), 'Qwen/Qwen2.5-7B');
    assert.equal(findModelOfFolder(cache)?.id, 'meta-llama/Llama-2-7b-chat-hf');
    // `--` is no part of an id: a folder with a third one is no cache folder.
    assert.equal(hubIdInPath('/data/models--a---b--c'), undefined);
  });

  it('reads a config-driven QLoRA program through the class its launch trains, for each config of its shape', async () => {
    const config = (name: string, base: string, family: boolean) =>
      [
        `model_name: ${name}`,
        `base_model: ${base}`,
        ...(family ? ['model_family: llama'] : ['#model_family: llama']),
        'model_context_window: 4096',
        'data:',
        '  dataset: org/chats',
        'lora:',
        '  r: 8',
        'trainer:',
        '  batch_size: 1',
        '  num_train_epochs: 1',
        'trainer_output_dir: trainer_outputs/',
        'model_output_dir: models/',
        '',
      ].join('\n');
    const scan = await scanFiles({
      'README.md': '## Train\n\n```\npython train.py configs/chat_8b.yaml\n```\n',
      'train.py': [
        'import argparse, yaml',
        'from QloraTrainer import QloraTrainer',
        '',
        "if __name__ == '__main__':",
        '    parser = argparse.ArgumentParser()',
        "    parser.add_argument('config_path')",
        '    args = parser.parse_args()',
        '    config = yaml.safe_load(open(args.config_path))',
        '    trainer = QloraTrainer(config)',
        '    trainer.load_base_model()',
        '    trainer.train()',
        '',
      ].join('\n'),
      'QloraTrainer.py': [
        'import torch, transformers',
        'from peft import LoraConfig, get_peft_model, prepare_model_for_kbit_training',
        'from transformers import AutoModelForCausalLM, BitsAndBytesConfig',
        '',
        'class QloraTrainer:',
        '    def __init__(self, config):',
        '        self.config = config',
        '',
        '    def load_base_model(self):',
        '        bnb = BitsAndBytesConfig(load_in_4bit=True, bnb_4bit_compute_dtype=torch.bfloat16)',
        '        model = AutoModelForCausalLM.from_pretrained(self.config["base_model"], quantization_config=bnb)',
        '        self.model = prepare_model_for_kbit_training(model)',
        '',
        '    def train(self):',
        '        model = get_peft_model(self.model, LoraConfig(**self.config["lora"]))',
        '        transformers.Trainer(model=model, args=transformers.TrainingArguments(output_dir="out")).train()',
        '',
      ].join('\n'),
      'configs/chat_8b.yaml': config('chat_8b_uncensored', 'meta-llama/Meta-Llama-3-8B', false),
      'configs/chat_7b.yaml': config('chat_7b_uncensored', 'meta-llama/Llama-2-7b-hf', true),
    });
    const specOf = (display: string) => scan.files.find((f) => f.display === display)?.analysis.runs[0]?.run.spec;
    // The checkpoint key names the model; `model_name` beside it is the name the result is saved under.
    assert.equal(specOf('configs/chat_8b.yaml')?.model.name, 'meta-llama/Meta-Llama-3-8B');
    assert.equal(specOf('configs/chat_8b.yaml')?.training.mode, 'qlora');
    // The sibling config (one optional key more) is the same program's run too.
    assert.equal(specOf('configs/chat_7b.yaml')?.model.name, 'meta-llama/Llama-2-7b-hf');
    assert.equal(specOf('configs/chat_7b.yaml')?.training.mode, 'qlora');
  });

  it('reads copies of one program started side by side as one job on that many devices', () => {
    const facts = (text: string) =>
      extractShellFacts(text, '/w/training/finetune.sh').filter(
        (f) => f.kind === 'hardware.devices' || f.kind === 'launch.trainer' || f.kind === 'link.script',
      );
    const line = (rank: number) =>
      `python \${DIR}/train.py $(echo \${ARGS}) --cuda-id ${rank} --rank ${rank} \\\n  & \\\n`;
    const script = `DIR=$(cd -- "$(dirname -- "\${BASH_SOURCE[0]}")" &> /dev/null && pwd)\nARGS="--lr 1e-5 --fp16"\n(trap 'kill 0' SIGINT; \\\n${[0, 1, 2, 3].map(line).join('')}wait)\n`;
    const read = facts(script);
    assert.equal(read.filter((f) => f.kind === 'launch.trainer').length, 1);
    assert.deepEqual(
      read.filter((f) => f.kind === 'hardware.devices').map((f) => f.value),
      [4],
    );
    assert.ok(read.some((f) => f.kind === 'link.script' && String(f.value).endsWith('train.py')));
    // Two different programs in the background are not copies; output redirections are no separators.
    const mixed = facts('python a.py --x 1 & python b.py --y 2 & wait\n');
    assert.deepEqual(
      mixed.filter((f) => f.kind === 'hardware.devices'),
      [],
    );
    const redirected = facts('python a.py --r 0 &> l0 & python a.py --r 1 > l1 2>&1 & wait\n');
    assert.deepEqual(
      redirected.filter((f) => f.kind === 'hardware.devices').map((f) => f.value),
      [2],
    );
    // A command inside a group, after a leading command with a quoted word.
    assert.equal(facts("{ trap 'kill 0' SIGINT; torchrun --nproc_per_node 2 train.py; }\n").length >= 2, true);
  });

  it('takes the model a launch gives a program over the default of the same flag, by folder name too', async () => {
    const program = [
      'import argparse',
      'from transformers import AutoConfig, AutoModelForCausalLM',
      'parser = argparse.ArgumentParser()',
      "parser.add_argument('--model-name', type=str, default='gpt2')",
      "parser.add_argument('--total-steps', type=int, default=10)",
      'args = parser.parse_args()',
      'config = AutoConfig.from_pretrained(args.model_name)',
      'model = AutoModelForCausalLM.from_pretrained(args.model_name, config=config)',
      'for step in range(args.total_steps):',
      '    loss = model(**batch).loss',
      '    loss.backward()',
      '    optimizer.step()',
      '',
    ].join('\n');
    const scan = await scanFiles({
      'training/train.py': `${program}\nif __name__ == '__main__':\n    pass\n`,
      'training/finetune_pythia.sh':
        'BASE=../pretrained/EleutherAI_pythia-1b-deduped/\npython train.py --model-name ${BASE} --total-steps 100\n',
      'training/finetune_local.sh': 'python train.py --model-name /data/my_own_model/ --total-steps 100\n',
    });
    const nameOf = (display: string) =>
      scan.files.find((f) => f.display === display)?.analysis.runs[0]?.run.spec.model.name;
    // The id as the folder spells it (the catalog sizes it through its alias).
    assert.equal(nameOf('training/finetune_pythia.sh'), 'EleutherAI/pythia-1b-deduped');
    // A folder named after no model the catalog knows: the default is not this run's; the model is unknown.
    assert.notEqual(nameOf('training/finetune_local.sh'), 'gpt2');
    assert.equal(findModelOfFolder('/models/meta-llama_Llama-2-7b-hf')?.id, 'meta-llama/Llama-2-7b-hf');
    assert.equal(findModelOfFolder('/models/my_model_7b'), undefined);
  });

  it('sizes resharded copies as their model, and the catalog rows added this round', () => {
    assert.equal(findModel('philschmid/flan-t5-xxl-sharded-fp16')?.id, 'google/flan-t5-xxl');
    assert.equal(findModel('someone/flan-t5-xxl-fp32-sharded')?.id, 'google/flan-t5-xxl');
    assert.equal(findModel('someone/flan-t5-xxl-shardedfp16'), undefined);
    // StarCoder: 40 layers of d 6144 with one shared K/V head, vocab 49152, 8192 learned positions, tied head.
    const d = 6144;
    const layer = d * (d + 2 * 128) + (d + 2 * 128) + (d * d + d) + (d * 4 * d + 4 * d) + (4 * d * d + d) + 4 * d;
    assert.equal(findModel('bigcode/starcoderbase')?.params, 40 * layer + 49152 * d + 8192 * d + 2 * d);
    assert.equal(findModel('fnlp/moss-moon-003-sft-int4')?.id, 'fnlp/moss-moon-003-base');
  });

  it("reads a launch of the package's own console script through the module its setup.py names", async () => {
    const setup = [
      'from setuptools import setup, find_packages',
      '',
      'setup(',
      '    name="tinylora",',
      '    packages=find_packages(),',
      '    entry_points={',
      '        "console_scripts": [',
      '            "tiny_add = tinylora.cli_add:main",',
      '            "tiny_train = tinylora.cli_train:main",',
      '        ],',
      '    },',
      ')',
      '',
    ].join('\n');
    const cli = [
      'import fire',
      'import torch',
      'from diffusers import UNet2DConditionModel',
      'from tinylora import inject_trainable_lora',
      '',
      'def train(pretrained_model_name_or_path: str, max_train_steps: int = 1000, lora_rank: int = 4):',
      '    unet = UNet2DConditionModel.from_pretrained(pretrained_model_name_or_path, subfolder="unet")',
      '    params, _ = inject_trainable_lora(unet, r=lora_rank)',
      '    optimizer = torch.optim.AdamW(params, lr=1e-4)',
      '    for step in range(max_train_steps):',
      '        loss = unet(batch).sample.mean()',
      '        loss.backward()',
      '        optimizer.step()',
      '',
      'def main():',
      '    fire.Fire(train)',
      '',
    ].join('\n');
    const run = (command: string) =>
      `export MODEL_NAME="runwayml/stable-diffusion-v1-5"\n\n${command} \\\n  --pretrained_model_name_or_path=$MODEL_NAME \\\n  --max_train_steps=500\n`;
    const files = {
      'tinylora/__init__.py': 'from .lora import inject_trainable_lora\n',
      'tinylora/cli_train.py': cli,
      'tinylora/cli_add.py': 'def main():\n    print("adds two LoRA files")\n',
      'scripts/train_style.sh': run('tiny_train'),
      'scripts/add.sh': 'tiny_add --path_1 a.safetensors --path_2 b.safetensors\n',
      'scripts/other.sh': run('some_tool'),
      'scripts/login.sh': 'wandb login --relogin\nhuggingface-cli login --token $TOKEN\n',
    };
    const withSetup = await scanFiles({ ...files, 'setup.py': setup });
    const runsOf = (scan: typeof withSetup, display: string) =>
      scan.files.find((f) => f.display === display)?.analysis.runs ?? [];
    const styled = runsOf(withSetup, 'scripts/train_style.sh');
    assert.equal(styled.length, 1);
    assert.equal(styled[0].run.spec.model.name, 'runwayml/stable-diffusion-v1-5');
    assert.equal(styled[0].run.spec.training.mode, 'lora');
    // A command whose module starts nothing, one the package does not install, and the usual tools: no run.
    for (const display of ['scripts/add.sh', 'scripts/other.sh', 'scripts/login.sh'])
      assert.equal(runsOf(withSetup, display).length, 0, display);
    // Without the package's setup.py nothing says what the command runs: no run, and no warning about setup.py.
    const withoutSetup = await scanFiles(files);
    assert.equal(runsOf(withoutSetup, 'scripts/train_style.sh').length, 0);
    const problems = withoutSetup.files.flatMap((f) => f.analysis.problems.map((p) => p.message));
    assert.ok(!problems.some((m) => m.includes('setup.py')), problems.join('\n'));
  });

  it('reads a switch that loads the pretrained checkpoint as a fine-tune', () => {
    const fromScratch = (line: string) =>
      extractShellFacts(`python train.py --model-name /ckpt ${line} --lr 1e-5\n`, '/w/run.sh')
        .filter((f) => f.kind === 'model.fromScratch')
        .map((f) => f.value);
    assert.deepEqual(fromScratch('--load-pretrained-model true'), [false]);
    assert.deepEqual(fromScratch('--load_pretrained_weights'), [false]);
    assert.deepEqual(fromScratch('--load-pretrained-model false'), []);
    assert.equal(
      findModel('togethercomputer/RedPajama-INCITE-7B-Base')?.params,
      findModel('EleutherAI/pythia-6.9b')?.params,
    );
  });
});
