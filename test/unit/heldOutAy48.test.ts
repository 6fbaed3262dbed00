import * as assert from 'node:assert/strict';
import { extractShellFacts } from '../../src/core/extract/shellFacts';
import { findModel } from '../../src/core/knowledge';
import { sizeFromModelName } from '../../src/core/knowledge/modelName';
import { openMmlabNameFacts } from '../../src/core/extract/python/openMmlabName';
import { vendoredRootsOf } from '../../src/core/resolve/entryPoint';
import { takesEveryKey } from '../../src/core/extract/config/configArgparse';
import { yamlKeyPaths } from '../../src/core/scan/siblingConfigs';
import { pythonFacts, scanFiles } from './helpers';

/** Forty-eighth round: rules from what set AY read wrong. */

/** The facts of a Python file say it runs inference with the model `id`. */
async function assertInferenceOf(lines: readonly string[], id: string): Promise<void> {
  const facts = await pythonFacts(lines.join('\n'));
  assert.ok(facts.some((f) => f.kind === 'launch.inference'));
  assert.equal(facts.find((f) => f.kind === 'model.id')?.value, id);
}

/** A trainer that reads a sectioned YAML (data / ckpt / run / optimizer / model) named by a part's config flag. */
const sectionedTrainer = [
  'import argparse',
  'import torch',
  'from omegaconf import OmegaConf',
  '',
  'def main(config):',
  '    model = torch.nn.Linear(4, 4)',
  '    opt = torch.optim.AdamW(model.parameters(), lr=config.optimizer.lr)',
  '    for step in range(config.run.max_train_steps):',
  '        loss = model(torch.randn(2, 4)).sum()',
  '        loss.backward()',
  '        opt.step()',
  '',
  "if __name__ == '__main__':",
  '    parser = argparse.ArgumentParser()',
  '    parser.add_argument("--denoiser_config_path", type=str, default="configs/denoiser.yaml")',
  '    args = parser.parse_args()',
  '    main(OmegaConf.load(args.denoiser_config_path))',
  '',
].join('\n');

const sectioned = (steps: number, extra = '') =>
  [
    'data:',
    '  batch_size: 8',
    '  num_frames: 16',
    '  resolution: 256',
    'ckpt:',
    '  resume_ckpt_path: checkpoints/denoiser.pt',
    '  save_ckpt_steps: 1000',
    'run:',
    `  max_train_steps: ${steps}`,
    '  mixed_precision_training: true',
    '  seed: 7',
    'optimizer:',
    '  lr: 1.0e-5',
    'model:',
    '  attention_head_dim: 8',
    '  cross_attention_dim: 384',
    extra,
    '',
  ].join('\n');

describe('Forty-eighth round: configs a launch names for a part (set AY)', () => {
  it('links the YAML a part’s config flag names (--denoiser_config_path)', () => {
    const facts = extractShellFacts(
      'torchrun --nproc_per_node=1 -m scripts.train_denoiser --denoiser_config_path "configs/denoiser/stage1.yaml"\n',
    );
    assert.ok(facts.some((f) => f.kind === 'link.config' && f.value === 'configs/denoiser/stage1.yaml'));
  });

  it('does not take a part’s JSON settings for the run’s config (--tokenizer_config x.json)', () => {
    const facts = extractShellFacts('python train.py --tokenizer_config tok/tokenizer_config.json\n');
    assert.ok(!facts.some((f) => f.kind === 'link.config' && String(f.value).endsWith('tokenizer_config.json')));
  });

  it('reads configs beside the one a training launch names, in its sectioned shape, as that launch run with them', async () => {
    const scan = await scanFiles({
      'train.sh':
        'torchrun --nproc_per_node=1 -m scripts.train_denoiser --denoiser_config_path "configs/denoiser/stage1.yaml"\n',
      'scripts/train_denoiser.py': sectionedTrainer,
      'configs/denoiser/stage1.yaml': sectioned(1000),
      'configs/denoiser/stage2.yaml': sectioned(5000, '  temporal_layers: 4'),
    });
    const sibling = scan.files.find((f) => f.display === 'configs/denoiser/stage2.yaml');
    assert.equal(sibling?.analysis.runs[0]?.run.training.steps, 5000);
  });

  it('leaves the siblings of a launcher’s own config (no run length in it) alone', async () => {
    const accelerate = (machines: number) =>
      [
        'compute_environment: LOCAL_MACHINE',
        'distributed_type: MULTI_GPU',
        'downcast_bf16: "no"',
        'machine_rank: 0',
        'main_training_function: main',
        'mixed_precision: bf16',
        `num_machines: ${machines}`,
        'num_processes: 8',
        'use_cpu: false',
        '',
      ].join('\n');
    const scan = await scanFiles({
      'train.sh': 'accelerate launch --config_file configs/accel/one_node.yaml scripts/train_denoiser.py\n',
      'scripts/train_denoiser.py': sectionedTrainer,
      'configs/accel/one_node.yaml': accelerate(1),
      'configs/accel/two_nodes.yaml': accelerate(2),
      'configs/denoiser.yaml': sectioned(1000),
    });
    const sibling = scan.files.find((f) => f.display === 'configs/accel/two_nodes.yaml');
    assert.equal(sibling?.analysis.runs.length ?? 0, 0);
  });

  it('does not read a training config’s siblings as the evaluation that loads it for its model', async () => {
    const evaluator = [
      'import argparse',
      'import torch',
      'from omegaconf import OmegaConf',
      '',
      'def main(config):',
      '    model = torch.nn.Linear(4, 4).eval()',
      '    with torch.no_grad():',
      '        print(model(torch.randn(2, 4)))',
      '',
      "if __name__ == '__main__':",
      '    parser = argparse.ArgumentParser()',
      '    parser.add_argument("--denoiser_config_path", type=str, default="configs/denoiser.yaml")',
      '    args = parser.parse_args()',
      '    main(OmegaConf.load(args.denoiser_config_path))',
      '',
    ].join('\n');
    const scan = await scanFiles({
      'infer.sh': 'python -m scripts.infer --denoiser_config_path "configs/denoiser/stage1.yaml"\n',
      'scripts/infer.py': evaluator,
      'configs/denoiser/stage1.yaml': sectioned(1000),
      'configs/denoiser/stage2.yaml': sectioned(5000, '  temporal_layers: 4'),
    });
    const sibling = scan.files.find((f) => f.display === 'configs/denoiser/stage2.yaml');
    assert.ok(!sibling?.analysis.runs.some((r) => r.run.mode === 'inference'));
  });

  it('keeps the nesting of a YAML’s keys as paths', () => {
    const paths = yamlKeyPaths('run:\n  max_train_steps: 5\n  seed: 1\nmodel:\n  dims:\n    width: 4\n');
    assert.deepEqual([...paths], ['run', 'run.max_train_steps', 'run.seed', 'model', 'model.dims', 'model.dims.width']);
  });
});

describe('Forty-eighth round: positional arguments of a program (set AY)', () => {
  const command =
    'CUDA_VISIBLE_DEVICES=0 python finetune_hf.py data/AdvertiseGen_fix /media/models/chatglm3-6b configs/lora.yaml\n';

  it('links a YAML among a program’s positional arguments as its config', () => {
    const facts = extractShellFacts(command);
    assert.ok(facts.some((f) => f.kind === 'link.config' && String(f.value).endsWith('configs/lora.yaml')));
  });

  it('names the model by a positional folder whose last part states a size, with low confidence', () => {
    const model = extractShellFacts(command).find((f) => f.kind === 'model.id');
    assert.equal(model?.value, 'chatglm3-6b');
    assert.equal(model?.confidence, 'low');
  });

  it('does not name a model from a positional data folder or a variable', () => {
    const facts = extractShellFacts('python finetune_hf.py data/AdvertiseGen_fix $MODEL_DIR configs/lora.yaml\n');
    assert.ok(!facts.some((f) => f.kind === 'model.id'));
  });
});

describe('Forty-eighth round: example scripts of a project’s own model wrappers (set AY)', () => {
  it('reads a model loaded through the project’s loader from arguments that name it, then run, as inference', async () => {
    await assertInferenceOf(
      [
        'from src.model.model import EmbedderModel',
        'from src.arguments import ModelArguments',
        'import torch',
        '',
        "model_args = ModelArguments(model_name='acme/embedder-v2', pooling='last', normalize=True)",
        'model = EmbedderModel.load(model_args, is_trainable=False)',
        'model.eval()',
        "model = model.to('cuda', dtype=torch.bfloat16)",
        'qry = model(qry=inputs)',
        '',
      ],
      'acme/embedder-v2',
    );
  });

  it('reads a wrapper built with a Hub id and asked for embeddings (get_*_embeddings) as inference', async () => {
    await assertInferenceOf(
      [
        'from embed_inference import VisualEmbedder',
        '',
        'embedder = VisualEmbedder("acme/visual-embedder-2B")',
        'e_text = embedder.get_text_embeddings(texts=["a cat"])',
        '',
      ],
      'acme/visual-embedder-2B',
    );
  });

  it('reads a package’s model class built with no id and given its released weights, then asked, as inference', async () => {
    await assertInferenceOf(
      [
        'import torch',
        'import sound_clip',
        '',
        'model = sound_clip.SoundCLIP_Module(enable_fusion=False)',
        'model.load_ckpt()',
        'with torch.no_grad():',
        '    text_embed = model.get_text_embedding(["a dog barking"])',
        '',
      ],
      'SoundCLIP_Module',
    );
  });

  it('leaves a package object that is given no weights and no model alone', async () => {
    const facts = await pythonFacts(
      [
        'import sound_clip',
        '',
        'model = sound_clip.SoundCLIP_Module(enable_fusion=False)',
        'text_embed = model.get_text_embedding(["a dog barking"])',
        '',
      ].join('\n'),
    );
    assert.ok(!facts.some((f) => f.kind === 'launch.inference'));
  });

  it('takes a pipeline’s first argument for its model when it is a Hub id (lmdeploy), not a task name', async () => {
    const facts = await pythonFacts(
      [
        'from lmdeploy import TurbomindEngineConfig, pipeline',
        "pipe = pipeline('acme/vision-chat-7b-4bit', backend_config=TurbomindEngineConfig(model_format='awq'))",
        "print(pipe(('describe this image', image)).text)",
        '',
      ].join('\n'),
    );
    assert.equal(facts.find((f) => f.kind === 'model.id')?.value, 'acme/vision-chat-7b-4bit');
    const task = await pythonFacts(
      ['from transformers import pipeline', "pipe = pipeline('text-generation')", "print(pipe('hi'))", ''].join('\n'),
    );
    assert.ok(!task.some((f) => f.kind === 'model.id' && f.value === 'text-generation'));
  });
});

describe('Forty-eighth round: precision and model of example programs (set AY)', () => {
  it('reads the reduced dtype a GPU check bound to a name picks (is_fp16_supported)', async () => {
    const facts = await pythonFacts(
      [
        'import torch',
        'from diffusers import AutoencoderKL',
        '',
        'def main():',
        '    is_fp16_supported = torch.cuda.is_available() and torch.cuda.get_device_capability()[0] > 7',
        '    dtype = torch.float16 if is_fp16_supported else torch.float32',
        '    vae = AutoencoderKL.from_pretrained("acme/vae-ft", torch_dtype=dtype).to("cuda")',
        '    with torch.no_grad():',
        '        out = vae.decode(torch.randn(1, 4, 8, 8, dtype=dtype, device="cuda"))',
        '',
        "if __name__ == '__main__':",
        '    main()',
        '',
      ].join('\n'),
    );
    assert.equal(facts.find((f) => f.kind === 'training.precision' && f.value !== null)?.value, 'fp16');
  });

  it('does not read a dtype picked by a negated check bound to a name', async () => {
    const facts = await pythonFacts(
      [
        'import torch',
        'from diffusers import AutoencoderKL',
        '',
        'def main():',
        '    on_cpu = not torch.cuda.is_available()',
        '    dtype = torch.float16 if on_cpu else torch.float32',
        '    vae = AutoencoderKL.from_pretrained("acme/vae-ft", torch_dtype=dtype)',
        '    with torch.no_grad():',
        '        out = vae.decode(torch.randn(1, 4, 8, 8))',
        '',
        "if __name__ == '__main__':",
        '    main()',
        '',
      ].join('\n'),
    );
    assert.ok(!facts.some((f) => f.kind === 'training.precision' && f.value === 'fp16'));
  });

  it('names the model a project’s wrapper is loaded with (llm.load_model(MODEL_PATH), the variable’s default)', async () => {
    const facts = await pythonFacts(
      [
        'import os',
        'from chat_wrapper import ChatWrapper',
        "MODEL_PATH = os.environ.get('MODEL_PATH', 'acme/chat-6b')",
        '',
        "if __name__ == '__main__':",
        '    llm = ChatWrapper()',
        '    llm.load_model(MODEL_PATH)',
        '    agent = make_agent(llm=llm)',
        '',
      ].join('\n'),
    );
    assert.equal(facts.find((f) => f.kind === 'model.id')?.value, 'acme/chat-6b');
  });
});

describe('Forty-eighth round: catalog (set AY)', () => {
  it('knows Qwen2-VL-2B-Instruct and InternLM-XComposer2 (its vision tower and Partial LoRA beyond the 7B name)', () => {
    assert.equal(findModel('Qwen/Qwen2-VL-2B-Instruct')?.params, 2_210_000_000);
    assert.ok((findModel('internlm/internlm-xcomposer2-7b')?.params ?? 0) > 8e9);
  });
});

describe('Forty-eighth round: set AZ (LLaVA-derived loaders, model types, script defaults)', () => {
  const builder = [
    'import torch',
    'from transformers import AutoTokenizer, BitsAndBytesConfig',
    'from vlmkit.model import VlmPhiForCausalLM',
    '',
    'def load_pretrained_model(model_path, model_base, model_name, load_8bit=False, load_4bit=False, device_map="auto"):',
    '    kwargs = {"device_map": device_map}',
    '    if load_8bit:',
    "        kwargs['load_in_8bit'] = True",
    '    elif load_4bit:',
    "        kwargs['quantization_config'] = BitsAndBytesConfig(load_in_4bit=True, bnb_4bit_compute_dtype=torch.float16)",
    '    else:',
    "        kwargs['torch_dtype'] = torch.float16",
    '    tokenizer = AutoTokenizer.from_pretrained(model_path)',
    '    model = VlmPhiForCausalLM.from_pretrained(model_path, low_cpu_mem_usage=True, **kwargs)',
    '    return tokenizer, model',
    '',
  ].join('\n');
  const evaluator = [
    'import argparse',
    'import torch',
    'from vlmkit.model.builder import load_pretrained_model',
    '',
    'def eval_model(args):',
    '    tokenizer, model = load_pretrained_model(args.model_path, None, "vlm")',
    '    with torch.inference_mode():',
    '        out = model.generate(torch.ones(1, 4, dtype=torch.long), max_new_tokens=16)',
    '',
    "if __name__ == '__main__':",
    '    parser = argparse.ArgumentParser()',
    '    parser.add_argument("--model-path", type=str, default="facebook/opt-350m")',
    '    eval_model(parser.parse_args())',
    '',
  ].join('\n');

  it('reads the dtype a loader sets in the keyword dict it hands from_pretrained, through the program’s import', async () => {
    const scan = await scanFiles({ 'vlmkit/model/builder.py': builder, 'vlmkit/eval/model_vqa.py': evaluator });
    const run = scan.files.find((f) => f.display === 'vlmkit/eval/model_vqa.py')?.analysis.runs[0]?.run;
    assert.equal(run?.training.precision, 'fp16');
  });

  it('leaves the dtype unread where the loader’s branches set different ones', async () => {
    const split = builder.replace(
      "        kwargs['load_in_8bit'] = True",
      "        kwargs['torch_dtype'] = torch.bfloat16",
    );
    const facts = await pythonFacts(split);
    assert.ok(!facts.some((f) => f.kind === 'training.precision' && f.detail.includes('**kwargs')));
  });

  it('sizes a checkpoint path by the catalog model its launch names as the model type', () => {
    const facts = extractShellFacts(
      'python -m vlmkit.eval.model_vqa --model-path ./checkpoints-phi-2/vlm-phi-2 --model-type phi-2 --temperature 0\n',
    );
    assert.equal(facts.find((f) => f.kind === 'model.architectureOf')?.value, 'microsoft/phi-2');
    // A family word the catalog has no row for names nothing.
    const family = extractShellFacts('python train.py --model_name_or_path ./ckpt --model_type llama\n');
    assert.ok(!family.some((f) => f.kind === 'model.architectureOf'));
  });

  it('reads a vision-language launch whose language model is a documentation blank as the model type it names', () => {
    const facts = extractShellFacts(
      [
        'deepspeed vlmkit/train/train.py \\',
        '    --model_name_or_path /path/to/base_llm_model \\',
        '    --model_type phi-2 \\',
        '    --vision_tower /path/to/siglip-so400m-patch14-384 \\',
        '    --bf16 True',
        '',
      ].join('\n'),
    );
    assert.ok(String(facts.find((f) => f.kind === 'model.id')?.value).startsWith('microsoft/phi-2'));
  });

  it('takes a variable’s default when it was set only to an argument no caller handed (M=${2}; M=${M:-…})', () => {
    const script = [
      'PRETRAINED=${2}',
      'PRETRAINED=${PRETRAINED:-"/models/acme/coder-1.5B/"}',
      'torchrun train.py --model_name_or_path ${PRETRAINED} --bf16 True',
      '',
    ].join('\n');
    assert.equal(extractShellFacts(script).find((f) => f.kind === 'model.id')?.value, '/models/acme/coder-1.5B/');
    const handed = extractShellFacts(script, 'sft.sh', ['data.jsonl', 'acme/other-7b']);
    assert.equal(handed.find((f) => f.kind === 'model.id')?.value, 'acme/other-7b');
  });

  it('reads a ModelScope download folder (dots written ___) as the id it holds', () => {
    assert.equal(sizeFromModelName('/models/Qwen/Qwen2___5-Coder-1___5B/')?.params, 1.5e9);
    assert.equal(findModel('Qwen/Qwen2___5-Coder-1___5B')?.id, findModel('Qwen/Qwen2.5-Coder-1.5B')?.id);
  });

  it('does not read a data script’s own generate(), which runs no model, as inference', async () => {
    const facts = await pythonFacts(
      [
        'import json',
        '',
        'def generate():',
        '    prompts = [json.dumps({"text": m}) for m in dir(str)]',
        '    return prompts',
        '',
        "if __name__ == '__main__':",
        '    generate()',
        '',
      ].join('\n'),
    );
    assert.ok(!facts.some((f) => f.kind === 'launch.inference'));
    const engine = await pythonFacts(
      [
        'from vllm import LLM',
        '',
        'def generate():',
        '    llm = LLM(model="acme/tiny-0.6B")',
        '    print(llm.generate(["hi"]))',
        '',
        "if __name__ == '__main__':",
        '    generate()',
        '',
      ].join('\n'),
    );
    assert.ok(engine.some((f) => f.kind === 'launch.inference'));
  });

  it('follows a shell running a script under a folder the script set (bash ${ROOT_DIR}/eval.sh)', () => {
    const facts = extractShellFacts(
      [
        'ROOT_DIR="./ExecBench"',
        'MODEL_DIR="./qwen/Qwen2.5-Coder-7B"',
        'bash ${ROOT_DIR}/eval.sh name ${MODEL_DIR} 64',
        '',
      ].join('\n'),
    );
    const link = facts.find((f) => f.kind === 'link.script');
    assert.equal(link?.value, './ExecBench/eval.sh');
    assert.deepEqual(link?.positional?.slice(0, 2), ['name', './qwen/Qwen2.5-Coder-7B']);
  });
});

describe('Forty-eighth round: set BA (configs named with dots, RL networks by their constructor)', () => {
  const mmengine = (kind: 'launch.trainer' | 'launch.inference') => [
    {
      kind,
      value: 'mmengine:config',
      range: { startLine: 0, startCol: 0, endLine: 0, endCol: 0 },
      confidence: 'high' as const,
      detail: 'an mmengine config',
    },
  ];

  it('reads an OpenMMLab config named with dots (segformer.b0.512x512.ade.160k.py): the model before the crop size', () => {
    const facts = openMmlabNameFacts(
      'local_configs/segnet/B0/segnet.b0.512x512.ade.160k.py',
      mmengine('launch.trainer'),
    );
    assert.equal(facts.find((f) => f.kind === 'model.id')?.value, 'segnet_b0');
  });

  it('leaves a dotted name without a crop size unnamed', () => {
    const facts = openMmlabNameFacts('configs/my.experiment.v2.py', mmengine('launch.trainer'));
    assert.ok(!facts.some((f) => f.kind === 'model.id'));
  });

  it('names an RL run by the actor-critic constructor its main hands the algorithm, not by a parameter default', async () => {
    const program = (main: string) =>
      [
        'import torch',
        'import core',
        '',
        'def ppo(env_fn, actor_critic=core.MLPActorCritic, ac_kwargs=dict(), epochs=50):',
        '    ac = actor_critic(4, 2, **ac_kwargs)',
        '    opt = torch.optim.Adam(ac.parameters(), lr=3e-4)',
        '    for epoch in range(epochs):',
        '        loss = ac(torch.randn(4)).sum()',
        '        opt.zero_grad()',
        '        loss.backward()',
        '        opt.step()',
        '',
        "if __name__ == '__main__':",
        main,
        '',
      ].join('\n');
    const named = await pythonFacts(
      program('    ppo(lambda: make_env(), actor_critic=core.MLPActorCritic, epochs=50)'),
    );
    assert.equal(named.find((f) => f.kind === 'model.id' && f.value !== null)?.value, 'MLPActorCritic');
    const plain = await pythonFacts(program('    ppo(lambda: make_env(), epochs=50)'));
    assert.ok(!plain.some((f) => f.kind === 'model.id' && f.value === 'MLPActorCritic'));
  });

  it('reads a Dora grid whose explorer annotates its launcher (def explorer(launcher: Launcher))', async () => {
    const facts = await pythonFacts(
      [
        'from ._explorers import MyExplorer',
        'from dora import Launcher',
        '',
        '@MyExplorer',
        'def explorer(launcher: Launcher):',
        '    launcher.slurm_(gpus=8, time=60)',
        "    sub = launcher.bind_({'epochs': 120, 'batch_size': 32})",
        '    sub()',
        '',
      ].join('\n'),
    );
    assert.ok(facts.some((f) => f.kind === 'launch.trainer'));
    assert.equal(facts.find((f) => f.kind === 'hardware.devices')?.value, 8);
  });

  it('reads a fork’s variant of segment-anything’s registry (sam_model_registry_baseline)', async () => {
    const facts = await pythonFacts(
      [
        'from segment_anything import sam_model_registry_baseline, SamPredictor',
        "if __name__ == '__main__':",
        '    sam = sam_model_registry_baseline["vit_l"](checkpoint="./ckpt/sam_vit_l_0b3195.pth")',
        '    predictor = SamPredictor(sam)',
        '    masks, scores, logits = predictor.predict(point_coords=None)',
        '',
      ].join('\n'),
    );
    assert.equal(facts.find((f) => f.kind === 'model.id')?.value, 'sam_vit_l');
  });

  it('reads a package’s source separator handed the model flag (Separator(model=args.name)) as inference', async () => {
    const scan = await scanFiles({
      'sepkit/__init__.py': '',
      'sepkit/api.py': [
        'import torch',
        'class Separator:',
        '    def __init__(self, model="htsep", device="cuda"):',
        '        self.model = torch.hub.load("acme/sep", model)',
        '    def separate_audio_file(self, path):',
        '        with torch.no_grad():',
        '            return self.model(torch.randn(1, 2, 44100))',
        '',
      ].join('\n'),
      'sepkit/separate.py': [
        'import argparse',
        'from .api import Separator',
        '',
        'def main(opts=None):',
        '    parser = argparse.ArgumentParser()',
        '    parser.add_argument("-n", "--name", default="htsep")',
        '    parser.add_argument("tracks", nargs="*")',
        '    args = parser.parse_args(opts)',
        '    separator = Separator(model=args.name, device="cuda")',
        '    for track in args.tracks:',
        '        separator.separate_audio_file(track)',
        '',
        'if __name__ == "__main__":',
        '    main()',
        '',
      ].join('\n'),
    });
    const run = scan.files.find((f) => f.display === 'sepkit/separate.py')?.analysis.runs[0]?.run;
    assert.equal(run?.mode, 'inference');
  });

  it('names a config’s model by the architecture its model: key picks among its sections', async () => {
    const scan = await scanFiles({
      'conf/config.yaml': [
        'epochs: 360',
        'batch_size: 64',
        'model: sepnet',
        'sepnet:',
        '  channels: 64',
        '  depth: 6',
        '  rewrite: true',
        'hsepnet:',
        '  channels: 48',
        '  depth: 6',
        '  rewrite: true',
        '',
      ].join('\n'),
      'train.py': [
        'import hydra',
        'import torch',
        '@hydra.main(config_path="conf", config_name="config")',
        'def main(args):',
        '    model = torch.nn.Linear(4, 4)',
        '    opt = torch.optim.Adam(model.parameters())',
        '    for epoch in range(args.epochs):',
        '        loss = model(torch.randn(2, 4)).sum()',
        '        loss.backward()',
        '        opt.step()',
        '',
        "if __name__ == '__main__':",
        '    main()',
        '',
      ].join('\n'),
    });
    const run = scan.files.find((f) => f.display === 'train.py')?.analysis.runs[0]?.run;
    assert.equal(run?.model.name, 'sepnet');
  });
});

describe('Forty-eighth round: set BB (timm-style configs, framework copies)', () => {
  const program = (flags: number) => ({
    configFlags: ['config'],
    flags: new Set(['config', ...Array.from({ length: flags }, (_, k) => `flag_${k}`)]),
  });
  const entries = (n: number, extra: readonly string[] = []) => [
    ...Array.from({ length: n }, (_, k) => ({ key: `flag_${k}`, value: '1', line: k })),
    ...extra.map((key, k) => ({ key, value: 'true', line: n + k })),
  ];

  it('takes a config of many keys whose few others the program does not declare (a timm-style args dump)', () => {
    assert.ok(takesEveryKey(program(122), entries(122, ['ThreeAugment', 'activation_tracker'])));
  });

  it('still refuses a small config with a key the program does not take, and a large one with many', () => {
    assert.ok(!takesEveryKey(program(5), entries(5, ['other'])));
    assert.ok(!takesEveryKey(program(60), entries(60, ['a', 'b', 'c', 'd'])));
  });

  it('reads a framework package copied below the top (MobileSAMv2/ultralytics/) as a copy, never src/<name>', () => {
    const own = ['MobileSAMv2/Inference.py', 'app/app.py'];
    assert.deepEqual(
      vendoredRootsOf([
        ...own,
        'MobileSAMv2/ultralytics/__init__.py',
        'MobileSAMv2/ultralytics/yolo/v8/detect/train.py',
      ]),
      ['MobileSAMv2/ultralytics'],
    );
    assert.deepEqual(vendoredRootsOf(['src/diffusers/__init__.py', 'examples/train.py']), []);
    assert.deepEqual(vendoredRootsOf(['ultralytics/__init__.py', 'train.py']), []);
  });
});
