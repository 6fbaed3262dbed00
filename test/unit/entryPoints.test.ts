import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeText, resultsRecordReason } from '../../src/core/analyze';
import { MODELS } from '../../src/core/knowledge/data/models';
import { findModel } from '../../src/core/knowledge';
import { NAME_SIZE_SPREAD, sizeFromModelName } from '../../src/core/knowledge/modelName';
import { nonRunPathReason, packageModuleReason, packageRootsOf } from '../../src/core/resolve/entryPoint';
import { FolderScanCache } from '../../src/core/scan/folderScan';
import { extractShellFacts } from '../../src/core/extract/shellFacts';
import { DEFAULT_SETTINGS } from '../../src/core/runSpec';
import { runCli } from '../../src/cli/main';
import { analyzeSource, parsing, scanFiles, tempDir } from './helpers';

const HF_TRAIN = [
  'from transformers import AutoModelForCausalLM, Trainer, TrainingArguments',
  '',
  'def train():',
  '    model = AutoModelForCausalLM.from_pretrained("gpt2")',
  '    args = TrainingArguments(output_dir="out", num_train_epochs=1)',
  '    Trainer(model=model, args=args).train()',
  '',
].join('\n');

describe('What is a run: entry points', () => {
  it('reads a module whose training sits in definitions nothing calls as a library, not a run', async () => {
    const analysis = await analyzeSource('trainer_utils.py', HF_TRAIN);
    assert.equal(analysis.runs.length, 0);
    assert.match(analysis.notARun ?? '', /library module.*line 6/);
  });

  it('counts the same code as a run when module-level code or the main guard reaches it', async () => {
    for (const tail of ['if __name__ == "__main__":\n    train()\n', 'train()\n', 'import fire\nfire.Fire(train)\n']) {
      const analysis = await analyzeSource('train.py', `${HF_TRAIN}${tail}`);
      assert.equal(analysis.runs.length, 1, tail);
      assert.equal(analysis.notARun, undefined);
    }
  });

  it('follows calls through definitions and classes to a fixpoint, and CLI decorators', async () => {
    const viaClass = `${HF_TRAIN}\nclass Recipe:\n    def run(self):\n        train()\n\ndef main():\n    Recipe().run()\n\nif __name__ == "__main__":\n    main()\n`;
    assert.equal((await analyzeSource('recipe.py', viaClass)).runs.length, 1);
    const typer = `import typer\n${HF_TRAIN.replace('def train():', 'app = typer.Typer()\n\n@app.command()\ndef train():')}\nif __name__ == "__main__":\n    app()\n`;
    assert.equal((await analyzeSource('cli.py', typer)).runs.length, 1);
  });

  it('leaves out tests, CI workflows, docs and packaging by their path, and lists them with a reason', () => {
    assert.match(nonRunPathReason('tests/test_trainer.py') ?? '', /test/);
    assert.match(nonRunPathReason('pkg/sub/test_models.py') ?? '', /test file/);
    assert.match(nonRunPathReason('.github/workflows/lint.yaml') ?? '', /CI/);
    // A folder of data-preparation steps (feature extraction with a pretrained encoder included), by its name.
    assert.match(nonRunPathReason('GPT_SoVITS/prepare_datasets/3-get-codes.py') ?? '', /data preparation/);
    assert.match(nonRunPathReason('tools/prepare_data/make_shards.py') ?? '', /data preparation/);
    assert.equal(nonRunPathReason('recipes/prepared/train.py'), undefined);
    assert.match(nonRunPathReason('docs/source/quickstart.py') ?? '', /documentation/);
    assert.match(nonRunPathReason('setup.py') ?? '', /packaging/);
    assert.equal(nonRunPathReason('examples/train_gpt.py'), undefined);
    assert.equal(nonRunPathReason('recipes/configs/llama3/8B_lora.yaml'), undefined);
    // Launch scripts named as end-to-end tests are tests; `test_*.sh` alone often evaluates a model.
    assert.match(
      nonRunPathReason('scripts/train/debug/sft_integration_test.sh') ?? '',
      /integration, smoke or regression test/,
    );
    assert.match(nonRunPathReason('ci_jobs/grpo_smoke-test.yaml') ?? '', /test/);
    // A folder of smoke tests: each a short check of a feature, whatever it launches.
    assert.match(nonRunPathReason('scripts/train/smoketests/evaluator-check.py') ?? '', /smoke-test folder/);
    assert.equal(nonRunPathReason('examples/grpo/test_grpo_3b_math.sh'), undefined);
    // A config's `.test.` variant is the one a test target loads; its `.example.` sibling stays a run.
    assert.match(nonRunPathReason('configs/train_upsampler.test.json') ?? '', /config a test loads/);
    assert.equal(nonRunPathReason('configs/train_upsampler.example.json'), undefined);
    assert.match(nonRunPathReason('scripts/train/debug/sft_multinode_test.sh') ?? '', /test script/);
    // A script named for CI beside an example: the CI job's check, looping over options on a tiny budget.
    assert.match(nonRunPathReason('examples/language/gpt2/test_ci.sh') ?? '', /CI script/);
    assert.match(nonRunPathReason('recipes/vit/run_ci.sh') ?? '', /CI script/);
    assert.equal(nonRunPathReason('examples/language/gpt2/run_cifar.sh'), undefined);
    assert.match(nonRunPathReason('scripts/merge/average_checkpoints.sh') ?? '', /merging/);
    assert.match(nonRunPathReason('tools/mergekit_merge.sh') ?? '', /merging/);
    assert.equal(nonRunPathReason('scripts/train/merged_data_sft.sh'), undefined);
    assert.match(
      nonRunPathReason('scripts/sweeps/old.sh', { exclude: ['scripts/sweeps/**'] }) ?? '',
      /scripts\/sweeps/,
    );
    assert.equal(nonRunPathReason('tests/test_x.py', { defaults: false }), undefined);
  });

  it('does not count a name written in a string (a docstring example) as a call that reaches a definition', async () => {
    const pipeline = `from transformers import AutoModelForCausalLM\nEXAMPLE = """\n>>> pipe = Generator()\n>>> pipe.run()\n"""\n\nclass Generator:\n    def run(self):\n        model = AutoModelForCausalLM.from_pretrained("gpt2")\n        return model.generate(max_new_tokens=20)\n`;
    const asLibrary = await analyzeSource('pipeline_gen.py', pipeline);
    assert.equal(asLibrary.runs.length, 0);
    assert.match(asLibrary.notARun ?? '', /library module/);
    // The same class called from code does run.
    assert.equal((await analyzeSource('demo.py', `${pipeline}\nGenerator().run()\n`)).runs.length, 1);
    // Offsets hold when the module starts after blank lines (the module node starts at its first statement).
    assert.equal((await analyzeSource('spaced.py', `\n\n\n${HF_TRAIN}train()\n`)).runs.length, 1);
    // A line holding the name both in a string and in code: only the code counts.
    assert.match((await analyzeSource('labels.py', `${HF_TRAIN}LABEL = "train()"\n`)).notARun ?? '', /library module/);
    assert.equal((await analyzeSource('labelled.py', `${HF_TRAIN}LABEL = "train"; train()\n`)).runs.length, 1);
  });

  it('does not count a name written in a comment as a call that reaches a definition', async () => {
    const commented = `${HF_TRAIN}\nclass Adapter:\n    def load(self):\n        # 2. then train() the adapter, as the README shows\n        return 1\n\nADAPTER = Adapter()\nADAPTER.load()\n`;
    assert.match((await analyzeSource('adapters.py', commented)).notARun ?? '', /library module/);
    // The same name in code on a commented line still reaches it, and so does a `#` inside a string.
    assert.equal((await analyzeSource('run1.py', `${HF_TRAIN}train()  # start\n`)).runs.length, 1);
    assert.equal((await analyzeSource('run2.py', `${HF_TRAIN}TAG = "#1"; train()\n`)).runs.length, 1);
  });

  it('leaves out CI scripts, test inputs, developer tooling and data or weights utilities by their path', () => {
    assert.match(nonRunPathReason('cicd/run_tests.sh') ?? '', /CI/);
    assert.match(nonRunPathReason('.lightning/workflows/gpu.yaml') ?? '', /CI/);
    assert.match(nonRunPathReason('.runpod/test_input.json') ?? '', /test inputs/);
    assert.match(nonRunPathReason('devtools/chat_template.yml') ?? '', /tooling/);
    for (const p of [
      'scripts/convert_llama_to_hf.py',
      'data/prepare_openwebtext.py',
      'tools/download_weights.sh',
      'examples/sd3/compute_embeddings.py',
      'scripts/merge_lora.py',
      'tools/multinode_prepare_data.sh',
      'lm/demo-training-prepare.sh',
      'lm/demo-training-prepare-large.sh',
    ]) {
      assert.match(nonRunPathReason(p) ?? '', /utility/, p);
    }
    // `process_<name>_dataset.sh`: the verb with the word data or dataset; `process_video.py` alone may run a model.
    for (const p of ['scripts/process_clicks_dataset.sh', 'tools/process_data.py', 'process-raw-data-shards.sh'])
      assert.match(nonRunPathReason(p) ?? '', /utility/, p);
    for (const p of ['demo/process_video.py', 'process_images.py']) assert.equal(nonRunPathReason(p), undefined, p);
    assert.match(nonRunPathReason('lm-v2/verify.py') ?? '', /consistency check/);
    for (const p of ['examples/rm/to_triton.py', 'tools/reward_to_onnx.py', 'scripts/gpt2-to-torchscript.sh'])
      assert.match(nonRunPathReason(p) ?? '', /serving runtime/, p);
    for (const p of ['examples/photo_triton.py', 'goto_onnx.py']) assert.equal(nonRunPathReason(p), undefined, p);
    assert.equal(nonRunPathReason('scripts/verify_vlm_chat.py'), undefined);
    // An evaluation config named test_… is a run; so are scripts whose names only contain such words.
    for (const p of ['eval/yamls/test_eval.yaml', 'train_converted.py', 'examples/finetune_prepared.py'])
      assert.equal(nonRunPathReason(p), undefined, p);
  });

  it("leaves out a module of the repository's own package that names no model, and keeps its scripts folder and modules that name one", async () => {
    const roots = packageRootsOf([
      'pkg/__init__.py',
      'pkg/cli/train.py',
      'src/other/__init__.py',
      'tests/__init__.py',
      'scripts/__init__.py',
      'examples/x.py',
    ]);
    assert.deepEqual(roots, ['pkg', 'src/other']);
    const launchOnly = [{ kind: 'launch.trainer', value: 'fit' }];
    assert.match(
      packageModuleReason('pkg/cli/train.py', launchOnly, { packageRoots: roots }) ?? '',
      /package pkg\/ that names no model/,
    );
    assert.match(packageModuleReason('src/other/trainer.py', launchOnly, { packageRoots: roots }) ?? '', /src\/other/);
    assert.equal(packageModuleReason('pkg/scripts/sft.py', launchOnly, { packageRoots: roots }), undefined);
    assert.equal(packageModuleReason('examples/x.py', launchOnly, { packageRoots: roots }), undefined);
    assert.equal(
      packageModuleReason('pkg/cli/train.py', [...launchOnly, { kind: 'model.id', value: 'gpt2' }], {
        packageRoots: roots,
      }),
      undefined,
    );
    assert.equal(
      packageModuleReason('pkg/cli/train.py', launchOnly, { packageRoots: roots, defaults: false }),
      undefined,
    );
    // Through the folder scan: the listing gives the package roots.
    const p = await parsing();
    // A module whose main guard trains with settings it does not read from flags (a demo of the package's trainer).
    const program = `from pkg.core import load_config, Trainer\n\ndef do_cli():\n    Trainer(load_config("defaults.yaml")).train()\n\nif __name__ == "__main__":\n    do_cli()\n`;
    const files: Record<string, string> = {
      'pkg/__init__.py': '',
      'pkg/cli/train.py': program,
      'examples/train.py': program,
    };
    const result = await new FolderScanCache().scan(
      Object.entries(files).map(([rel, text]) => ({
        path: `/w/${rel}`,
        display: rel,
        read: async () => new TextEncoder().encode(text),
      })),
      { python: p, root: '/w', settingsFor: () => DEFAULT_SETTINGS },
    );
    assert.deepEqual(
      result.leftOut.map((l) => l.display),
      ['pkg/cli/train.py'],
    );
    assert.match(result.leftOut[0].reason, /package pkg\/ that names no model/);
    assert.equal(
      result.files
        .filter((f) => f.analysis.runs.length > 0)
        .map((f) => f.display)
        .join(),
      'examples/train.py',
    );
  });

  it("keeps a package's thin entry point over its train() and a module's sampling demo, not a shape self-test", async () => {
    const p = await parsing();
    const train = [
      'from dataclasses import dataclass, field',
      'import transformers',
      '',
      '@dataclass',
      'class ModelArguments:',
      '    model_name_or_path: str = field(default="facebook/opt-125m")',
      '',
      'def train(attn_implementation=None):',
      '    parser = transformers.HfArgumentParser((ModelArguments, transformers.TrainingArguments))',
      '    model_args, training_args = parser.parse_args_into_dataclasses()',
      '    model = transformers.AutoModelForCausalLM.from_pretrained(model_args.model_name_or_path)',
      '    transformers.Trainer(model=model, args=training_args).train()',
      '',
      'if __name__ == "__main__":',
      '    train()',
      '',
    ].join('\n');
    const net =
      'import torch\nfrom torch import nn\n\nclass Net(nn.Module):\n    def __init__(self, dim=8):\n        super().__init__()\n        self.fc = nn.Linear(dim, dim)\n\n    def forward(self, x):\n        return self.fc(x)\n\n    def sample(self, n):\n        return self.fc(torch.randn(n, 8))\n\n';
    const files: Record<string, string> = {
      'vlm/__init__.py': '',
      'vlm/train/train.py': train,
      'vlm/train/train_mem.py':
        'from vlm.train.train import train\n\nif __name__ == "__main__":\n    train(attn_implementation="flash_attention_2")\n',
      'vlm/nets/demo.py': `${net}if __name__ == "__main__":\n    net = Net(dim=8)\n    print(net.sample(4).shape)\n`,
      'vlm/nets/selftest.py': `${net}if __name__ == "__main__":\n    net = Net(dim=8)\n    x = torch.randn(2, 8)\n    assert net(x).shape == x.shape\n`,
    };
    const result = await new FolderScanCache().scan(
      Object.entries(files).map(([rel, text]) => ({
        path: `/w/${rel}`,
        display: rel,
        read: async () => new TextEncoder().encode(text),
      })),
      { python: p, root: '/w', settingsFor: () => DEFAULT_SETTINGS },
    );
    const runs = new Map(
      result.files.filter((f) => f.analysis.runs.length > 0).map((f) => [f.display, f.analysis.runs]),
    );
    assert.equal(runs.get('vlm/train/train_mem.py')?.[0].run.model.name, 'facebook/opt-125m');
    assert.equal(runs.get('vlm/nets/demo.py')?.[0].run.mode, 'inference');
    assert.ok(!runs.has('vlm/nets/selftest.py'));
  });

  it('reads serving commands behind wrappers (nohup, conda run) as inference with their engine settings', () => {
    const facts = extractShellFacts(
      'CUDA_VISIBLE_DEVICES=0,1 nohup conda run -n serve vllm serve org/chat-7b --tensor-parallel-size 2 --max-num-seqs 32 --quantization gptq &\n',
    );
    const value = (kind: string) => facts.find((f) => f.kind === kind)?.value;
    assert.equal(value('launch.inference'), 'vllm');
    assert.equal(value('model.id'), 'org/chat-7b');
    assert.equal(value('inference.tensorParallel'), 2);
    assert.equal(value('inference.concurrency'), 32);
    assert.equal(value('inference.weightPrecision'), 'int4');
    assert.equal(value('launch.trainer'), undefined);
    const tgi = extractShellFacts(
      'text-generation-launcher --model-id org/chat-7b --num-shard 4 --max-batch-size 16\n',
    );
    assert.equal(tgi.find((f) => f.kind === 'inference.engine')?.value, 'tgi');
    assert.equal(tgi.find((f) => f.kind === 'inference.tensorParallel')?.value, 4);
  });

  it('reads super().train() in a module as the mode switch it is, and a named model run forward only as inference', async () => {
    const module =
      'import torch\nfrom torch import nn\n\nclass Net(nn.Module):\n    def train(self, mode=True):\n        super().train(mode)\n        return self\n\nnet = Net()\n';
    assert.equal((await analyzeSource('net.py', module)).runs.length, 0);
    const predict =
      'import argparse\nimport torch\nimport timm\nparser = argparse.ArgumentParser()\nparser.add_argument("--model", default="resnet50")\nargs = parser.parse_args()\nmodel = timm.create_model(args.model, pretrained=False)\nmodel.eval()\nwith torch.inference_mode():\n    out = model(torch.randn(8, 3, 224, 224))\n';
    const run = (await analyzeSource('predict.py', predict)).runs[0];
    assert.equal(run?.run.mode, 'inference');
    // A whole model unpickled from a checkpoint and run forward only: inference, its size honestly unknown.
    const generate =
      'import torch\nwith open("model.pt", "rb") as f:\n    model = torch.load(f)\nmodel.eval()\nwith torch.no_grad():\n    out = model(torch.zeros(1, 8, dtype=torch.long))\n';
    const loaded = (await analyzeSource('generate.py', generate)).runs[0];
    assert.equal(loaded?.run.mode, 'inference');
    assert.ok(
      loaded.run.missing.some((m) => m.field === 'model.params'),
      'the size is asked for, not made up',
    );
  });

  it('applies the path rules when the relative path is known, and a `green-ai: run` directive overrides both rules', async () => {
    const p = await parsing();
    const script = `${HF_TRAIN}train()\n`;
    const inTests = analyzeText(
      { path: '/w/tests/test_train.py', text: script, relativePath: 'tests/test_train.py' },
      p,
      DEFAULT_SETTINGS,
    );
    assert.equal(inTests.runs.length, 0);
    assert.match(inTests.notARun ?? '', /test/);
    const forced = analyzeText(
      { path: '/w/tests/test_train.py', text: `# green-ai: run\n${script}`, relativePath: 'tests/test_train.py' },
      p,
      DEFAULT_SETTINGS,
    );
    assert.equal(forced.runs.length, 1);
    assert.equal((await analyzeSource('lib.py', `# green-ai: run\n${HF_TRAIN}`)).runs.length, 1);
  });
});

describe('Model size from the name', () => {
  it('reads the size names state, and not context lengths or versions', () => {
    const cases: Array<[string, number | undefined]> = [
      ['Qwen/Qwen3-4B', 4e9],
      ['huggyllama/llama-7b', 7e9],
      ['EleutherAI/pythia-1.4b-deduped', 1.4e9],
      ['facebook/opt-125m', 125e6],
      ['meta-llama/Meta-Llama-3.1-8B-Instruct', 8e9],
      ['torchtune.models.qwen2_5.qwen2_5_0_5b', 0.5e9],
      ['microsoft/Phi-3-mini-4k-instruct', undefined],
      ['mistralai/Mistral-7B-v0.1', 7e9],
      ['gpt2', undefined],
      ['resnet50', undefined],
      ['bert-base-uncased', undefined],
      ['org/model-2024', undefined],
    ];
    for (const [name, params] of cases) assert.equal(sizeFromModelName(name)?.params, params, name);
    const moe = sizeFromModelName('mistralai/Mixtral-8x7B-v0.1');
    assert.equal(moe?.params, 56e9);
    assert.equal(moe?.experts, 8);
    assert.equal(sizeFromModelName('Qwen/Qwen3-30B-A3B')?.active, 3e9);
    // A one-letter ViT variant glued to the word needs its patch size: `VITS` alone is the text-to-speech model.
    assert.equal(sizeFromModelName('VITS'), undefined);
    assert.equal(sizeFromModelName('vits'), undefined);
    assert.equal(sizeFromModelName('dinov2_vits14')?.params, sizeFromModelName('vit_small_patch16_224')?.params);
    assert.ok(sizeFromModelName('ViT-S/16'));
    // The decimal tail of an active size (`A2.7B`) is no total: the name states the active parameters alone.
    assert.equal(sizeFromModelName('Qwen/Qwen1.5-MoE-A2.7B-Chat'), undefined);
    assert.equal(sizeFromModelName('EleutherAI/pythia-2.8b')?.params, 2.8e9);
    // "<word>-ViT" architectures name their own sizes (Next-ViT-L is not ViT-L); a method's prefix keeps ViT's.
    assert.equal(sizeFromModelName('dpt_next_vit_large_384'), undefined);
    assert.equal(sizeFromModelName('mobile_vit_small'), undefined);
    // GC ViT's configs write `gc_vit_tiny` (28M; ViT-Ti is 5.7M): its own family, catalogued under that name.
    assert.equal(sizeFromModelName('gc_vit_tiny'), undefined);
    assert.equal(findModel('gc_vit_tiny')?.params, 28e6);
    assert.equal(findModel('gcvit_base')?.params, 90e6);
    assert.equal(
      sizeFromModelName('mae_vit_large_patch16')?.params,
      sizeFromModelName('vit_large_patch16_224')?.params,
    );
  });

  it('reads a size glued to a chat family word with a capital B, and no other glued digits', () => {
    const cases: Array<[string, number | undefined]> = [
      ['Llama7B_adapter', 7e9],
      ['Llama65B_bias_scale_norm_tuning', 65e9],
      ['models.Vicuna13B', 13e9],
      ['llama1b_%date_%jobid', undefined],
      ['resnet50B', undefined],
      ['gpt2B', undefined],
      ['Llama2', undefined],
    ];
    for (const [name, params] of cases) assert.equal(sizeFromModelName(name)?.params, params, name);
  });

  it('is within the stated spread of the published count for every catalog model whose id states a size', () => {
    let checked = 0;
    // Names that understate on purpose, each with its reason: MiniCPM-2B counts its 2.4B non-embedding parameters,
    // rounded down (arXiv:2404.06395); with its tied 123k-token embedding it has 2.72B. BLIP-2's ids name the wrapped
    // language model (OPT-2.7B); the whole model adds the 1B EVA ViT-g and the Q-Former (3.8B, arXiv:2301.12597).
    // OLMo 2 1B has 1.48B with its untied 100k-token input and output embeddings (0.41B of them).
    // OLMoE-1B-7B names its active size first (1B of 7B per token, arXiv:2409.02060): the name reader takes the first.
    const understated = new Set([
      'openbmb/MiniCPM-2B-sft-bf16',
      'Salesforce/blip2-opt-2.7b',
      'allenai/OLMo-2-0425-1B',
      'allenai/OLMoE-1B-7B-0924',
    ]);
    for (const m of MODELS) {
      const named = sizeFromModelName(m.id);
      if (!named || named.experts || understated.has(m.id)) continue;
      checked++;
      const ratio = named.params / m.params;
      assert.ok(
        ratio <= NAME_SIZE_SPREAD && ratio >= 1 / NAME_SIZE_SPREAD,
        `${m.id}: name says ${named.params}, catalog ${m.params}`,
      );
    }
    assert.ok(checked >= 20, `only ${checked} catalog ids state a size`);
  });

  it('estimates a model outside the catalog from its name, with a wider range', async () => {
    const code =
      'from transformers import AutoModelForCausalLM, Trainer, TrainingArguments\nmodel = AutoModelForCausalLM.from_pretrained("someorg/Newmodel-4B")\nTrainer(model=model, args=TrainingArguments(output_dir="o", max_steps=100)).train()\n';
    const [run] = (await analyzeSource('train.py', code)).runs;
    assert.equal(run.run.model.params, 4e9);
    assert.equal(run.run.model.source, 'name');
    assert.equal(run.run.missing.length, 0);
    assert.equal(run.run.paramsSpread, NAME_SIZE_SPREAD);
  });
});

describe('Honest unknowns', () => {
  const SFT = [
    'import argparse',
    'from transformers import AutoModelForCausalLM',
    'from trl import SFTConfig, SFTTrainer',
    'parser = argparse.ArgumentParser()',
    'parser.add_argument("--model_name_or_path", required=True)',
    'args = parser.parse_args()',
    'model = AutoModelForCausalLM.from_pretrained(args.model_name_or_path)',
    'trainer = SFTTrainer(model=model, args=SFTConfig(output_dir="o", num_train_epochs=1, bf16=True))',
    'trainer.train()',
    '',
  ].join('\n');

  it('marks a run whose model is a command-line argument without a default as needing the model size', async () => {
    const [run] = (await analyzeSource('sft.py', SFT)).runs;
    assert.equal(run.run.mode, 'finetune', 'an SFT trainer fine-tunes a pretrained model');
    assert.equal(run.run.missing.length, 1);
    assert.equal(run.run.missing[0].field, 'model.params');
    assert.match(run.run.missing[0].detail, /model_name_or_path/);
    assert.match(run.run.missing[0].howToSet, /green-ai: params=/);
    assert.equal(run.suggestions.length, 0, 'no savings computed from a placeholder');
  });

  it('gives the panel "needs input" instead of figures, until a what-if names the model', async () => {
    const { buildPanelViewModel } = await import('../../src/core/report/panelModel');
    const { PanelViewModelSchema } = await import('../../src/core/report/panelMessages');
    const [run] = (await analyzeSource('sft.py', SFT)).runs;
    const model = buildPanelViewModel('sft.py', run);
    assert.match(model.needs?.text ?? '', /needs the model size/);
    assert.ok(PanelViewModelSchema.safeParse(model).success, 'the message schema accepts it');
    const { applyWhatIf } = await import('../../src/core/advise/whatIf');
    const named = applyWhatIf(run, { model: 'Qwen/Qwen2.5-1.5B' }, DEFAULT_SETTINGS);
    assert.equal(buildPanelViewModel('sft.py', named).needs, undefined);
  });

  it('gives the CLI nulls, the missing input, a total without it, and a budget gate that fails closed', async () => {
    const dir = tempDir('greenai-unknown-');
    fs.writeFileSync(path.join(dir, 'sft.py'), SFT);
    fs.writeFileSync(
      path.join(dir, 'finetune.py'),
      'from transformers import AutoModelForCausalLM, Trainer, TrainingArguments\nmodel = AutoModelForCausalLM.from_pretrained("gpt2")\nTrainer(model=model, args=TrainingArguments(output_dir="o", max_steps=10)).train()\n',
    );
    fs.mkdirSync(path.join(dir, 'tests'));
    fs.writeFileSync(path.join(dir, 'tests', 'test_sft.py'), SFT);
    let out = '';
    let err = '';
    const io = { stdout: (s: string) => (out += s), stderr: (s: string) => (err += s), color: false };
    assert.equal(await runCli(['report', dir, '--json'], io), 0, err);
    const json = JSON.parse(out) as {
      runs: Array<{
        file: string;
        incomplete?: boolean;
        model: { params: number | null };
        estimate: { co2eKg: number | null };
      }>;
      leftOut: Array<{ file: string; reason: string }>;
    };
    const sft = json.runs.find((r) => r.file === 'sft.py')!;
    assert.equal(sft.incomplete, true);
    assert.equal(sft.model.params, null);
    assert.equal(sft.estimate.co2eKg, null);
    assert.equal(json.runs.find((r) => r.file === 'finetune.py')?.incomplete, false);
    assert.deepEqual(
      json.leftOut.map((l) => l.file),
      [path.join('tests', 'test_sft.py')],
    );
    out = '';
    assert.equal(await runCli(['report', dir], io), 0);
    assert.match(out, /needs input: the model is not known/);
    assert.match(out, /1 more needs input and is not counted/);
    err = '';
    assert.equal(
      await runCli(['report', dir, '--budget-kg', '1000'], io),
      3,
      'a run that cannot be checked fails the gate',
    );
    assert.match(err, /cannot check against the budget: sft\.py/);
    out = '';
    assert.equal(await runCli(['report', dir, '--json', '--exclude', 'sft.py'], io), 0);
    assert.ok(!(JSON.parse(out) as typeof json).runs.some((r) => r.file === 'sft.py'));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads the branch a nanoGPT-style switch takes by default: from scratch, not a model named "scratch"', async () => {
    const code = [
      'import torch',
      "init_from = 'scratch'",
      'n_layer = 12',
      'n_embd = 768',
      'vocab_size = 50304',
      'max_iters = 600000',
      "if init_from == 'scratch':",
      '    model = GPT(GPTConfig(n_layer=n_layer, n_embd=n_embd))',
      "elif init_from.startswith('gpt2'):",
      '    model = GPT.from_pretrained(init_from, dict(dropout=0.0))',
      'for iter_num in range(max_iters):',
      '    loss = model(x)',
      '    loss.backward()',
      '',
    ].join('\n');
    const [run] = (await analyzeSource('train.py', code)).runs;
    assert.equal(run.run.mode, 'pretrain');
    assert.notEqual(run.run.model.name, 'scratch');
    assert.equal(run.run.missing.length, 0);
    const tuned = (await analyzeSource('train.py', code.replace("init_from = 'scratch'", "init_from = 'gpt2-medium'")))
      .runs[0];
    assert.equal(tuned.run.model.name, 'gpt2-medium');
    assert.equal(tuned.run.mode, 'finetune');
  });
});

describe('What is a run: configs, records and config-driven programs', () => {
  it('leaves out a record of results (trainer_state.json, a benchmark result) even though it names a model and steps', async () => {
    const p = await parsing();
    const record = JSON.stringify(
      { run_info: { train_config: { model_id: 'meta-llama/Llama-3.2-3B', max_steps: 500 } }, metrics: [] },
      null,
      2,
    );
    const a = analyzeText({ path: '/r/results/lora.json', text: record }, p, DEFAULT_SETTINGS);
    assert.equal(a.runs.length, 0);
    assert.match(a.notARun ?? '', /record of results/);
  });

  it("leaves out an evaluation harness's results (per-task metrics), not a config whose `results` names a folder", () => {
    const metrics = (results: unknown) =>
      JSON.stringify({ results, config: { model: 'hf-causal', model_args: 'pretrained=gpt2' } }, null, 2);
    const byTask = metrics({ arc_easy: { acc: 0.61, acc_stderr: 0.01 }, piqa: { acc: 0.7 } });
    const byPrompt = metrics([{ task_name: 'wino_bias', prompt_name: 'p', em: 0.41 }]);
    for (const text of [byTask, byPrompt])
      assert.match(resultsRecordReason('/r/evals/out.json', text) ?? '', /results of an evaluation/, text);
    // Not metrics: an output folder, a list of names, and the same shape in a YAML file (harnesses write JSON).
    for (const [file, text] of [
      ['/r/cfg.json', JSON.stringify({ results: { dir: 'out/', keep: 3 }, model_name_or_path: 'gpt2' }, null, 2)],
      ['/r/cfg.json', JSON.stringify({ results: ['loss', 'acc'], model_name_or_path: 'gpt2' }, null, 2)],
      ['/r/cfg.yaml', 'results:\n  arc_easy:\n    acc: 0.61\n'],
    ])
      assert.equal(resultsRecordReason(file, text), undefined, text);
  });

  it('leaves out a program that runs only with the config it is given; the configs are the runs', async () => {
    const recipe = `${HF_TRAIN.replace('def train():', 'from torchtune import config\n\n@config.parse\ndef train(cfg):')}\nif __name__ == "__main__":\n    train()\n`;
    assert.match(
      (await analyzeSource('recipes/full_finetune.py', recipe)).notARun ?? '',
      /config-driven program \(@config\.parse\)/,
    );
    const argv = `import sys\nfrom omegaconf import OmegaConf as om\n${HF_TRAIN}\nif __name__ == "__main__":\n    yaml_path, args_list = sys.argv[1], sys.argv[2:]\n    cfg = om.load(yaml_path)\n    train()\n`;
    assert.match((await analyzeSource('scripts/train/train.py', argv)).notARun ?? '', /first argument/);
  });

  it('reads a Python file of constants like a config: sizes and steps make a pre-training run, init_from names the model', async () => {
    const scratch = (
      await analyzeSource(
        'config/train_char.py',
        "out_dir = 'out'\nn_layer = 6\nn_embd = 384\nmax_iters = 5000\nbatch_size = 64\n",
      )
    ).runs;
    assert.equal(scratch.length, 1);
    assert.equal(scratch[0].run.mode, 'pretrain');
    const finetune = (
      await analyzeSource('config/finetune.py', "init_from = 'gpt2-xl'\nmax_iters = 20\nbatch_size = 1\n")
    ).runs;
    assert.equal(finetune[0].run.model.name, 'gpt2-xl');
    assert.equal(finetune[0].run.mode, 'finetune');
    const evaluation = (
      await analyzeSource(
        'config/eval.py',
        "batch_size = 8\neval_iters = 500\neval_only = True\ninit_from = 'gpt2-xl'\n",
      )
    ).runs;
    assert.equal(evaluation[0].run.mode, 'inference');
  });
});

describe('What is a run: programs run with flags or configs, helpers beside the workload', () => {
  /** A folder tree scanned like the Workspace Report does (package roots from the listing). */
  async function scan(files: Record<string, string>) {
    const result = await scanFiles(files);
    const runsOf = (rel: string) => result.files.find((f) => f.display === rel)?.analysis.runs ?? [];
    const leftOut = (rel: string) => result.leftOut.find((l) => l.display === rel)?.reason;
    return { result, runsOf, leftOut };
  }

  const TRL_SFT = [
    'from trl import ModelConfig, SFTConfig, SFTTrainer, TrlParser',
    '',
    'def main(script_args, training_args, model_args):',
    '    trainer = SFTTrainer(model=model_args.model_name_or_path, args=training_args)',
    '    trainer.train()',
    '',
    'if __name__ == "__main__":',
    '    parser = TrlParser((ScriptArguments, SFTConfig, ModelConfig))',
    '    main(*parser.parse_args_and_config())',
    '',
  ].join('\n');
  const ARGPARSE_DPO = [
    'import argparse',
    'from pkg.trainer import DPOTrainer',
    '',
    'def train(args):',
    '    trainer = DPOTrainer(args.pretrain, max_epochs=args.max_epochs)',
    '    trainer.fit()',
    '',
    'if __name__ == "__main__":',
    '    parser = argparse.ArgumentParser()',
    '    parser.add_argument("--pretrain", type=str, default=None)',
    '    parser.add_argument("--max_epochs", type=int, default=1)',
    '    train(parser.parse_args())',
    '',
  ].join('\n');
  const TRAINER_DEMO = [
    'from pkg.core import Trainer',
    '',
    'class SFTTrainer(Trainer):',
    '    def step(self, batch):',
    '        return self.model(**batch).loss',
    '',
    'if __name__ == "__main__":',
    '    SFTTrainer.from_defaults().fit()',
    '',
  ].join('\n');

  it("lists a flag-driven program run as main inside the repository's package, model unknown; library code stays out", async () => {
    const { runsOf, leftOut } = await scan({
      'src/pkg/__init__.py': '',
      'src/pkg/sft.py': TRL_SFT,
      'src/pkg/cli/train_dpo.py': ARGPARSE_DPO,
      'src/pkg/trainers/sft_trainer.py': TRAINER_DEMO,
      'src/pkg/__main__.py':
        'from jsonargparse import CLI\nfrom pkg.finetune import setup\n\ndef main():\n    CLI({"finetune": setup})\n\nif __name__ == "__main__":\n    main()\n',
    });
    const [sft] = runsOf('src/pkg/sft.py');
    assert.ok(sft, 'the TrlParser SFT script is a run');
    assert.equal(sft.run.mode, 'finetune');
    assert.equal(sft.run.model.name, null);
    assert.equal(sft.run.missing[0]?.field, 'model.params', 'shown as needing the model, not as a size');
    assert.equal(runsOf('src/pkg/cli/train_dpo.py').length, 1);
    assert.match(leftOut('src/pkg/trainers/sft_trainer.py') ?? '', /package src\/pkg\/ that names no model/);
    assert.match(leftOut('src/pkg/__main__.py') ?? '', /package src\/pkg\//, 'a subcommand dispatcher is not a run');
    assert.equal(
      packageModuleReason('src/pkg/sft.py', [{ kind: 'launch.trainer', value: 'train' }], {
        packageRoots: ['src/pkg'],
      })?.includes('names no model'),
      true,
      'without the flags fact the rule still applies',
    );
  });

  it('leaves out a program that needs a config argument, wherever it sits; an optional --config keeps a run', async () => {
    const body = 'from lib import Trainer\n\ndef main(cfg):\n    Trainer(cfg).train()\n\n';
    const required = `import argparse\n${body}if __name__ == "__main__":\n    p = argparse.ArgumentParser()\n    p.add_argument("--config-file", type=str, required=True)\n    main(p.parse_args().config_file)\n`;
    assert.match(
      (await analyzeSource('examples/moe/train_moe.py', required)).notARun ?? '',
      /config-driven program: it needs the config given as --config-file \(line 9\)/,
    );
    const positional = `import argparse\n${body}if __name__ == "__main__":\n    p = argparse.ArgumentParser()\n    p.add_argument("path_experiment", type=str)\n    main(p.parse_args().path_experiment)\n`;
    assert.match((await analyzeSource('run.py', positional)).notARun ?? '', /path_experiment/);
    const fire = `import fire\n${body.replace('def main(cfg)', 'def do_cli(config="examples/", **kwargs)').replace('Trainer(cfg)', 'Trainer(config)')}if __name__ == "__main__":\n    fire.Fire(do_cli)\n`;
    assert.match((await analyzeSource('cli/train.py', fire)).notARun ?? '', /given as config/);
    for (const optional of [
      required.replace(', required=True', ''),
      positional.replace('type=str)', 'type=str, nargs="?")'),
      required.replace('"--config-file", type=str, required=True', '"--deepspeed_config", required=True'),
      fire.replace('config="examples/"', 'base_model=""').replace('Trainer(config)', 'Trainer(base_model)'),
    ]) {
      const a = await analyzeSource('train.py', optional);
      assert.equal(a.notARun, undefined, optional);
      assert.equal(a.runs.length, 1, optional);
    }
  });

  it('leaves out a typer command that needs a config argument; a config option with a default keeps a run', async () => {
    const body = (params: string) =>
      `import typer\nfrom typing import Annotated\nfrom lib import Trainer\napp = typer.Typer()\n\n@app.command()\ndef main(\n    data_dir: Annotated[str, typer.Argument(help="")],\n    ${params},\n):\n    Trainer(config_file).train()\n\nif __name__ == "__main__":\n    app()\n`;
    for (const params of [
      'config_file: Annotated[str, typer.Argument(help="")]',
      'config_file: str = typer.Argument(...)',
      'config_file: str = typer.Option(..., help="the run")',
    ])
      assert.match(
        (await analyzeSource('finetune.py', body(params))).notARun ?? '',
        /config-driven program: it needs the config given as config_file \(line 9\)/,
        params,
      );
    // typer.run(main) exposes main as the command too.
    const run = `import typer\nfrom lib import Trainer\n\ndef main(config: str = typer.Argument(...)):\n    Trainer(config).train()\n\nif __name__ == "__main__":\n    typer.run(main)\n`;
    assert.match((await analyzeSource('train.py', run)).notARun ?? '', /given as config \(line 4\)/);
    for (const params of [
      'config_file: str = typer.Argument("configs/lora.yaml")',
      'config_file: str = typer.Option(default="configs/lora.yaml")',
      'config_file: Annotated[str, typer.Option()] = "configs/lora.yaml"',
      'model_dir: Annotated[str, typer.Argument(help="")]',
    ]) {
      const a = await analyzeSource('finetune.py', body(params));
      assert.equal(a.notARun, undefined, params);
      assert.equal(a.runs.length, 1, params);
    }
  });

  it('leaves out a latent-diffusion style main.py that builds its run from the --base configs; a single default config keeps a run', async () => {
    const main = (load: string) =>
      `import argparse\nfrom omegaconf import OmegaConf\nfrom pytorch_lightning import Trainer\nfrom ldm.util import instantiate_from_config\n\nif __name__ == "__main__":\n    parser = argparse.ArgumentParser()\n    parser.add_argument("-b", "--base", nargs="*", default=list())\n    parser.add_argument("--config", default="configs/v1-inference.yaml")\n    opt, unknown = parser.parse_known_args()\n    ${load}\n    model = instantiate_from_config(config.model)\n    trainer = Trainer(max_epochs=3)\n    trainer.fit(model)\n`;
    assert.match(
      (
        await analyzeSource(
          'main.py',
          main('configs = [OmegaConf.load(cfg) for cfg in opt.base]\n    config = OmegaConf.merge(*configs)'),
        )
      ).notARun ?? '',
      /config-driven program: it builds the model with instantiate_from_config from the configs given as opt\.base/,
    );
    const single = await analyzeSource('txt2img.py', main('config = OmegaConf.load(opt.config)'));
    assert.equal(single.notARun, undefined);
    assert.equal(single.runs.length, 1);
  });

  it('reads launch scripts and notebooks under docs/, and leaves documentation sources and build scripts out', () => {
    for (const p of ['docs/script_examples/clip/vit_b16_pretrain.sh', 'docs/tutorial.ipynb', 'doc/slurm/train.sbatch'])
      assert.equal(nonRunPathReason(p), undefined, p);
    for (const p of ['docs/source/conf.py', 'docs/source/quickstart.py', 'docs/_toctree.yml', 'docs/index.md'])
      assert.match(nonRunPathReason(p) ?? '', /documentation/, p);
    // Run configs a documentation folder ships as worked examples are read like any config; its other YAML is not.
    for (const p of ['docs/source/examples/wmt/transformer_big.yaml', 'doc/example/lm/config.yml'])
      assert.equal(nonRunPathReason(p), undefined, p);
    for (const p of ['docs/source/examples/README.md', 'docs/source/examples/overview.py', 'docs/mkdocs_nav.yaml'])
      assert.match(nonRunPathReason(p) ?? '', /documentation/, p);
    // A docs build line launches no run (python -m sphinx / pip are tools).
    assert.equal(
      extractShellFacts('python -m sphinx -b html docs/source docs/_build\npython -m pip install -e .\n').some(
        (f) => f.kind === 'launch.trainer',
      ),
      false,
    );
  });

  it('makes a python line no run when its program is a helper by name, or found and reading as nothing', async () => {
    const helper = (line: string) => extractShellFacts(`${line}\n`).filter((f) => f.kind === 'launch.trainer');
    for (const line of [
      'python scripts/upload_details.py --data_files $FILES --hub_repo_id org/details',
      'srun python scripts/e2b_router.py',
      'python -m sglang_router.launch_router --port 39876',
      'python -m deepspeed.checkpoint.ds_to_universal --input_folder ckpt',
      'python tools/convert_checkpoint.py --in a --out b',
    ])
      assert.deepEqual(helper(line), [], line);
    for (const line of [
      'python train.py --epochs 3',
      'accelerate launch src/pkg/$TASK.py',
      'python -m pkg.cli.train_sft',
    ])
      assert.equal(helper(line).length, 1, line);

    const { runsOf } = await scan({
      'jobs/summary.slurm': '#!/bin/bash\n#SBATCH --nodes=1\nsrun python report_status.py results/\n',
      'jobs/report_status.py': 'import json, sys\n\nfor line in open(sys.argv[1]):\n    print(json.loads(line))\n',
      'jobs/missing.slurm': '#!/bin/bash\n#SBATCH --gres=gpu:4\nsrun python not_here.py --epochs 2\n',
      'jobs/sweep.sh': 'python submit_runs.py -m 125m.yaml -g 8\n',
      'jobs/submit_runs.py': 'import sys\n\nprint(sys.argv)\n',
      'jobs/with_config.sh': 'accelerate launch entry.py configs/sft.yaml\n',
      'jobs/entry.py': 'from pkg.cli import run_exp\n\nrun_exp()\n',
      'jobs/configs/sft.yaml': 'model_name_or_path: Qwen/Qwen2.5-1.5B\nnum_train_epochs: 2\n',
    });
    assert.equal(runsOf('jobs/summary.slurm').length, 0, 'a job that only runs a helper found beside it');
    assert.equal(runsOf('jobs/missing.slurm').length, 1, 'a script not in the folder may still be the run');
    assert.equal(runsOf('jobs/sweep.sh').length, 1, 'a script that submits the work elsewhere keeps the line a run');
    assert.equal(
      runsOf('jobs/with_config.sh').length,
      1,
      'a script handed a config: the line with its config is the run',
    );
  });

  it('reads the evaluation harness line of a job as its run, and evaluation-only flags as inference', async () => {
    const job = [
      '#!/bin/bash',
      '#SBATCH --gres=gpu:8',
      'MODEL_ARGS="model_name=$MODEL,dtype=bfloat16,tensor_parallel_size=8"',
      'lighteval vllm "$MODEL_ARGS" "lighteval|aime24|0|0" --output-dir out',
      'python scripts/upload_details.py --data_files out/*.parquet',
      '',
    ].join('\n');
    const [run] = (await analyzeSource('evaluate.slurm', job)).runs;
    assert.equal(run.run.mode, 'inference');
    assert.equal(run.run.spec.training.precision, 'bf16');
    assert.equal(run.run.spec.hardware.count, 8);
    assert.equal(run.run.spec.inference?.engine, 'vllm');
    assert.equal(
      (await analyzeSource('e.sh', 'lm_eval --model openai-completions --model_args model=gpt-4o --tasks gsm8k\n')).runs
        .length,
      0,
      'a remote endpoint computes elsewhere',
    );
    const lm = (
      await analyzeSource('e.sh', 'lm_eval --model hf --model_args pretrained=gpt2,dtype=float16 --tasks hellaswag\n')
    ).runs[0];
    assert.equal(lm.run.model.name, 'gpt2');
    assert.equal(lm.run.mode, 'inference');

    const clip = (flags: string) => `python -m clipkit.main --model ViT-B-32 ${flags}\n`;
    const mode = async (text: string) => (await analyzeSource('x.sh', text)).runs[0]?.run.mode;
    assert.equal(await mode(clip('--pretrained ckpt.pt --imagenet-val /data/val')), 'inference');
    assert.equal(
      await mode(clip('--pretrained ckpt.pt --imagenet-val /data/val --train-data /d --epochs 4')),
      'finetune',
    );
    assert.equal(await mode('python run_glue.py --model_name_or_path bert-base-uncased --do_eval\n'), 'inference');
    assert.equal(
      await mode('python run_glue.py --model_name_or_path bert-base-uncased --do_train --do_eval\n'),
      'finetune',
    );
    assert.equal(
      await mode('python -m rlkit.cli.serve_rm --reward.model_name_or_path org/llama-3-8b-rm\n'),
      'inference',
    );
  });

  it('shows the mode unknown when the launched program is chosen at run time, in the CLI JSON too', async () => {
    const job =
      '#!/bin/bash\n#SBATCH --gres=gpu:8\nTASK=$1\nsrun accelerate launch src/pkg/$TASK.py --config recipes/$2.yaml\n';
    const [run] = (await analyzeSource('train.slurm', job)).runs;
    assert.equal(run.run.mode, 'unknown');
    assert.ok(
      run.run.assumptions.some((a) => a.field === 'training.mode' && /chosen when the job runs/.test(a.detail)),
    );
    assert.ok(run.estimate.flops > 0, 'still estimated, as training every parameter');
    const dir = tempDir('greenai-mode-');
    fs.writeFileSync(path.join(dir, 'train.slurm'), job);
    let out = '';
    const io = { stdout: (s: string) => (out += s), stderr: () => undefined, color: false };
    await runCli(['report', dir, '--json'], io);
    const json = JSON.parse(out) as { runs: Array<{ training: { mode: string } }> };
    assert.equal(json.runs[0].training.mode, 'unknown');
    fs.rmSync(dir, { recursive: true, force: true });
    // A named program keeps the default reading.
    assert.notEqual(
      (await analyzeSource('t.slurm', '#!/bin/bash\nsrun accelerate launch train.py\n')).runs[0].run.mode,
      'unknown',
    );
  });
  it('leaves out a program defaults config merged under each run config, and keeps the run configs beside it', () => {
    assert.match(nonRunPathReason('pkg/configs/ssl_default_config.yaml') ?? '', /defaults/);
    assert.match(nonRunPathReason('configs/default_config.yml') ?? '', /defaults/);
    assert.match(nonRunPathReason('configs/model_defaults.yaml') ?? '', /defaults/);
    assert.strictEqual(nonRunPathReason('pkg/configs/train/vitl14.yaml'), undefined);
    assert.strictEqual(nonRunPathReason('configs/default_offload_opt_param.json'), undefined);
    assert.strictEqual(nonRunPathReason('configs/defaults_sweep.yaml'), undefined);
  });
});
