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
});
