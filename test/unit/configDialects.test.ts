import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { CONFIG_DIALECTS, configDialectWords } from '../../src/core/extract/config';
import { parseComposerDuration } from '../../src/core/extract/config/composer';
import { configDocOf, hubIdInPath, sizeFromName } from '../../src/core/extract/config/dialect';
import { parseTorchtuneBuilder, torchtuneRecipe } from '../../src/core/extract/config/torchtune';
import { extractConfigFacts } from '../../src/core/extract/configFacts';
import { launcherWords, matchLauncher } from '../../src/core/extract/shell/launchers';
import { extractShellFacts } from '../../src/core/extract/shellFacts';
import type { Fact } from '../../src/core/facts';
import { noFact, oneFact, ROOT } from './helpers';

const FIXTURES = path.join(ROOT, 'test/fixtures/scanner');

function facts(yaml: string): Fact[] {
  return extractConfigFacts(yaml, 'yaml').facts;
}
const one = oneFact;
const none = noFact;
function doc(text: string) {
  const lineCounter = new LineCounter();
  return configDocOf(parseDocument(text, { lineCounter, uniqueKeys: false, strict: false }), text, lineCounter);
}
function dialectsOf(text: string): string[] {
  const d = doc(text);
  return CONFIG_DIALECTS.filter((x) => x.detect(d)).map((x) => x.name);
}
function fixtureFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? fixtureFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

const TORCHTUNE = `# Config for single device LoRA
#   tune download meta-llama/Meta-Llama-3-8B-Instruct --output-dir /tmp/Meta-Llama-3-8B-Instruct
# To launch on 2 devices, run the following command from root:
#   tune run --nproc_per_node 2 lora_finetune_distributed --config llama3/8B_lora
model:
  _component_: torchtune.models.llama3.lora_llama3_8b
  lora_rank: 8
checkpointer:
  _component_: torchtune.training.FullModelHFCheckpointer
  checkpoint_dir: /tmp/Meta-Llama-3-8B-Instruct/
dataset:
  _component_: torchtune.datasets.alpaca_dataset
batch_size: 2
epochs: 3
max_steps_per_epoch: 100
gradient_accumulation_steps: 8
dtype: bf16
`;

describe('Config dialects', () => {
  it('torchtune: builder → checkpoint, size and mode; recipe and devices from the usage comment; each fact at its line', () => {
    const all = facts(TORCHTUNE);
    const model = one(all, 'model.id', 'meta-llama/Meta-Llama-3-8B-Instruct');
    assert.equal(model.range.startLine, 5, 'at the builder');
    assert.equal(model.originLine, 1, 'read from the tune download line');
    assert.equal(one(all, 'training.mode').value, 'lora');
    assert.equal(one(all, 'training.mode').range.startLine, 5);
    const devices = one(all, 'hardware.devices', 2);
    assert.deepEqual([devices.range.startLine, devices.confidence], [3, 'low']);
    assert.match(devices.detail, /usage comment/);
    assert.equal(one(all, 'training.steps', 300).range.startLine, 14, 'epochs × max_steps_per_epoch, at the cap');
    assert.equal(one(all, 'training.precision', 'bf16').range.startLine, 16);
    assert.equal(one(all, 'training.dataset', 'tatsu-lab/alpaca').range.startLine, 11);
    assert.equal(one(all, 'launch.trainer', 'config:torchtune').range.startLine, 5);
    assert.equal(one(all, 'run.framework', 'torchtune').range.startLine, 5);
    none(all, 'model.params', undefined);
  });

  it('torchtune: full fine-tunes, QLoRA, nominal sizes of uncatalogued builders, generation and evaluation configs', () => {
    const full = facts(
      'model:\n  _component_: torchtune.models.qwen2_5.qwen2_5_0_5b\ncheckpointer:\n  checkpoint_dir: /ckpt/x\nepochs: 1\n',
    );
    assert.equal(one(full, 'model.id').value, 'Qwen/Qwen2.5-0.5B');
    assert.equal(one(full, 'training.mode').value, 'finetune');
    assert.equal(one(full, 'model.fromScratch').value, false);
    const qlora = facts('model:\n  _component_: torchtune.models.llama2.qlora_llama2_13b\nepochs: 1\n');
    assert.equal(one(qlora, 'training.mode').value, 'qlora');
    const unknown = facts('model:\n  _component_: torchtune.models.newfam.lora_newfam_3b\nepochs: 1\n');
    assert.equal(one(unknown, 'model.params').value, 3e9);
    assert.equal(one(unknown, 'model.params').confidence, 'medium');
    const moe = facts('model:\n  _component_: torchtune.models.llama4.llama4_scout_17b_16e\nepochs: 1\n');
    none(moe, 'model.params');
    const generate = facts(
      '# tune run generate --config ./g.yaml\nmodel:\n  _component_: torchtune.models.llama2.llama2_7b\nmax_new_tokens: 20\n',
    );
    one(generate, 'launch.inference');
    none(generate, 'launch.trainer');
    const evaluation = facts(
      '# tune run eleuther_eval --config ./e.yaml\nmodel:\n  _component_: torchtune.models.llama2.llama2_7b\nbatch_size: 8\n',
    );
    none(evaluation, 'launch.trainer');
    // An evaluation runs the model forward over its benchmarks: an inference run (as the labelled corpus reads it).
    one(evaluation, 'launch.inference');
  });

  it('torchtune: parses builders and recipes', () => {
    assert.deepEqual(parseTorchtuneBuilder('torchtune.models.qwen3.lora_qwen3_1_7b_instruct'), {
      adapter: 'lora',
      name: 'qwen3_1_7b_instruct',
      hub: 'Qwen/Qwen3-1.7B',
      size: '1_7b',
      moe: false,
    });
    assert.equal(parseTorchtuneBuilder('torchtune.models.llama3_1.llama3_1_70b')?.hub, 'meta-llama/Llama-3.1-70B');
    assert.equal(
      parseTorchtuneBuilder('torchtune.models.phi3.qlora_phi3_mini')?.hub,
      'microsoft/Phi-3-mini-4k-instruct',
    );
    assert.equal(parseTorchtuneBuilder('torchtune.models.llama3.llama3_tokenizer'), null);
    assert.equal(parseTorchtuneBuilder('torch.optim.AdamW'), null);
    assert.deepEqual(torchtuneRecipe('lora_finetune_single_device'), {
      mode: 'lora',
      inference: false,
      training: true,
    });
    assert.equal(torchtuneRecipe('full_finetune_distributed').mode, 'finetune');
    assert.equal(torchtuneRecipe('qat_lora_finetune_distributed').mode, 'lora');
    assert.equal(torchtuneRecipe('dev/grpo_full_finetune_distributed').mode, 'finetune');
    assert.equal(torchtuneRecipe('generate').inference, true);
    assert.equal(torchtuneRecipe('eleuther_eval').training, false);
  });

  it('Composer / llm-foundry: max_duration units, MPT sizes with learned positions, ${variables} interpolation, owned keys', () => {
    const mpt = facts(`variables:
  max_seq_len: 1024
max_seq_len: \${variables.max_seq_len}
model:
  name: mpt_causal_lm
  d_model: 512
  n_layers: 8
  expansion_ratio: 2
  max_seq_len: \${variables.max_seq_len}
  vocab_size: 50368
train_loader:
  name: text
max_duration: 2400ba
global_train_batch_size: 128
precision: amp_fp16
fsdp_config:
  mixed_precision: PURE
callbacks:
  hf_checkpointer:
    precision: bfloat16
`);
    assert.equal(one(mpt, 'training.steps', 2400).range.startLine, 12);
    const positions = one(mpt, 'model.learnedPositions', 1024);
    assert.deepEqual(
      [positions.range.startLine, positions.originLine],
      [8, 1],
      'the interpolation points back at variables.max_seq_len',
    );
    assert.equal(one(mpt, 'model.ffnSize').value, 1024);
    assert.equal(one(mpt, 'training.mode').value, 'pretrain');
    assert.equal(one(mpt, 'training.globalBatch').value, 128);
    assert.deepEqual(
      mpt.filter((f) => f.kind === 'training.precision').map((f) => f.value),
      ['fp16'],
      'FSDP PURE and the checkpointer dtype are not the training precision',
    );
    one(mpt, 'launch.trainer', 'config:composer');

    const hf = facts(
      'model:\n  name: hf_causal_lm\n  pretrained_model_name_or_path: gpt2\n  pretrained: false\ntrain_loader:\n  name: text\nmax_duration: 1ep\n',
    );
    assert.equal(one(hf, 'training.mode').value, 'pretrain', 'pretrained: false on an HF architecture');
    assert.equal(one(hf, 'training.epochs').value, 1);

    assert.deepEqual(parseComposerDuration('4800ba'), { kind: 'training.steps', value: 4800, unit: 'ba' });
    assert.deepEqual(parseComposerDuration('2ep'), { kind: 'training.epochs', value: 2, unit: 'ep' });
    assert.deepEqual(parseComposerDuration('10B tok'), { kind: 'training.tokens', value: 1e10, unit: 'tok' });
    assert.deepEqual(parseComposerDuration('1_000_000tok'), { kind: 'training.tokens', value: 1e6, unit: 'tok' });
    assert.equal(parseComposerDuration('0.5dur'), null);
    assert.equal(parseComposerDuration('soon'), null);
  });

  it('MosaicML run YAML: compute.gpus, parameters: read as the train config, the command that runs it', () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'composer/mcli_mistral_finetune.yaml'), 'utf8');
    const all = facts(text);
    const lines = text.split('\n');
    const at = (needle: string) => lines.findIndex((l) => l.includes(needle));
    assert.equal(one(all, 'hardware.devices', 16).range.startLine, at('gpus: 16'));
    const interpolated = all.find((f) => f.kind === 'training.seqLen' && f.detail.startsWith('parameters.max_seq_len'));
    assert.equal(
      interpolated?.originLine,
      at('max_seq_len: 8192'),
      '${variables.max_seq_len} resolves inside parameters:',
    );
    assert.equal(one(all, 'training.epochs', 2).range.startLine, at('max_duration: 2ep'));
    one(all, 'launch.trainer', 'config:composer');
    assert.equal(one(all, 'launch.trainer', 'composer').range.startLine, at('composer train/train.py'));
    none(all, 'link.config', '/mnt/config/parameters.yaml');
    assert.deepEqual(dialectsOf(text), ['mcli']);
  });

  it('litgpt: checkpoint_dir Hub id, LoRA/QLoRA/full, train.max_tokens, devices auto; eval.* is not the run', () => {
    const qlora = facts(`checkpoint_dir: checkpoints/meta-llama/Llama-2-7b-hf
out_dir: out/qlora
precision: bf16-true
quantize: bnb.nf4
devices: auto
lora_r: 8
train:
  global_batch_size: 16
  micro_batch_size: 1
  epochs: 2
  max_seq_length: 512
eval:
  max_iters: 100
  max_new_tokens: 50
`);
    assert.equal(one(qlora, 'model.id', 'meta-llama/Llama-2-7b-hf').range.startLine, 0);
    assert.equal(one(qlora, 'training.mode', 'qlora').range.startLine, 3);
    assert.equal(one(qlora, 'training.precision', 'bf16').range.startLine, 2);
    assert.equal(one(qlora, 'hardware.devices').value, null, 'devices: auto depends on the machine');
    none(qlora, 'training.steps');
    none(qlora, 'inference.maxNewTokens');
    const full = facts('checkpoint_dir: checkpoints/microsoft/phi-2\nout_dir: out/full\ntrain:\n  max_steps: 100\n');
    assert.equal(one(full, 'training.mode').value, 'finetune');
    const pretrain = facts(
      'model_name: pythia-14m\nout_dir: out/p\ninitial_checkpoint_dir:\ntrain:\n  max_tokens: 100000000\n',
    );
    assert.equal(one(pretrain, 'training.mode').value, 'pretrain');
    assert.equal(one(pretrain, 'training.tokens').value, 1e8);
    assert.equal(one(pretrain, 'model.params').value, 14e6, 'size from the litgpt name');
    none(pretrain, 'model.fromScratch', false);
  });

  it('GPT-NeoX: hyphen keys, gated MLP width, learned positions by default, a sizes-only file is the run of the model it sizes', () => {
    const run = facts(`{
  "pipe-parallel-size": 1,
  "num-layers": 4,
  "hidden-size": 256,
  "seq-length": 512,
  "max-position-embeddings": 512,
  "train-iters": 1000,
  "train_micro_batch_size_per_gpu": 4,
  "activation": "swiglu",
  "intermediate_size": 1024,
  "mlp_multiple_of": 64,
  "finetune": true,
}`);
    assert.equal(one(run, 'model.layers', 4).range.startLine, 2);
    assert.equal(one(run, 'training.steps', 1000).range.startLine, 6);
    assert.equal(one(run, 'model.learnedPositions', 512).range.startLine, 5, 'pos_emb defaults to learned');
    // round_up(2·1024/3 = 682, 2·64) = 768 wide gate+up, 384 down: 1.5 × 256 × 768 = 2 × 256 × 576.
    assert.equal(one(run, 'model.ffnSize').value, 576);
    assert.equal(one(run, 'training.mode').value, 'finetune');
    one(run, 'launch.trainer', 'config:neox');
    one(run, 'model.vocabSize', 50304);
    const sizes = facts(
      '{\n  "pipe_parallel_size": 1,\n  "num_layers": 32,\n  "hidden_size": 4096,\n  "pos_emb": "rotary",\n  "max_position_embeddings": 4096,\n}',
    );
    one(sizes, 'launch.trainer', 'config:neox');
    none(sizes, 'model.learnedPositions');
    one(sizes, 'run.framework', 'neox');
  });

  it('TRL, LLaMA-Factory and axolotl: what makes each a run, and the modes they state', () => {
    const trl = facts(
      '# trl dpo --config dpo.yaml\nmodel_name_or_path: Qwen/Qwen2.5-0.5B-Instruct\ndataset_name: trl-lib/ultrafeedback_binarized\nbeta: 0.1\n',
    );
    assert.match(one(trl, 'run.framework', 'trl').detail, /trl dpo/);
    assert.equal(one(trl, 'launch.trainer', 'config:trl').range.startLine, 1);
    const lf = facts(
      'model_name_or_path: Qwen/Qwen2.5-7B\nstage: pt\ndo_train: true\nfinetuning_type: full\ntrain_from_scratch: true\ncutoff_len: 1024\n',
    );
    assert.equal(one(lf, 'training.mode').value, 'pretrain');
    assert.equal(one(lf, 'training.seqLen', 1024).range.startLine, 5);
    const lfDefault = facts('model_name_or_path: Qwen/Qwen2.5-7B\nstage: sft\ndo_train: true\nquantization_bit: 4\n');
    assert.equal(one(lfDefault, 'training.mode').value, 'qlora', 'finetuning_type defaults to lora');
    const v1 = facts(
      'model: Qwen/Qwen3-4B\nmodel_class: llm\npeft_config:\n  name: lora\n  r: 16\ntrain_dataset: data/sft.yaml\nmicro_batch_size: 1\nmax_steps: 10\n',
    );
    assert.equal(one(v1, 'training.mode', 'lora').range.startLine, 3);
    one(v1, 'launch.trainer', 'config:llamafactory');
    one(v1, 'training.steps', 10);
    const awq = facts(
      'model_name_or_path: TechxGenus/Meta-Llama-3-8B-Instruct-AWQ\nstage: sft\ndo_train: true\nfinetuning_type: lora\n',
    );
    assert.equal(one(awq, 'training.mode').value, 'qlora', 'LoRA on a pre-quantised 4-bit checkpoint');
    const tokenizeOnly = facts(
      'model_name_or_path: Qwen/Qwen2.5-7B\nstage: sft\ndo_train: true\ntokenized_path: saves/tok\ncutoff_len: 1024\n',
    );
    none(tokenizeOnly, 'launch.trainer');
    const predict = facts('model_name_or_path: Qwen/Qwen2.5-7B\nstage: sft\ndo_predict: true\nfinetuning_type: lora\n');
    one(predict, 'launch.inference');
    none(predict, 'launch.trainer');
    const hf = facts(
      '{"model_name_or_path": "roberta-base", "output_dir": "out", "num_train_epochs": 3, "do_train": true}',
    );
    one(hf, 'run.framework', 'hf-trainer');
    none(trl, 'run.framework', 'hf-trainer');
    const axolotl = facts(
      'base_model: NousResearch/Llama-2-7b-hf\nadapter: lora\nsequence_len: 2048\nnum_epochs: 2\ndatasets:\n  - path: tatsu-lab/alpaca\n    type: alpaca\n',
    );
    assert.equal(one(axolotl, 'launch.trainer', 'config:axolotl').range.startLine, 0);
    one(axolotl, 'run.framework', 'axolotl');
  });

  it("NeMo: trainer + model blocks, relative interpolation, learned positions by default, gated FFN, Lightning's placeholder epochs ignored", () => {
    const all = facts(`trainer:
  devices: 4
  max_epochs: 1000
  max_steps: 5000
exp_manager:
  name: x
model:
  micro_batch_size: 2
  encoder_seq_length: 1024
  max_position_embeddings: \${.encoder_seq_length}
  num_layers: 4
  hidden_size: 256
  ffn_hidden_size: 1024
  activation: fast-swiglu
  share_embeddings_and_output_weights: false
`);
    const positions = one(all, 'model.learnedPositions', 1024);
    assert.deepEqual([positions.range.startLine, positions.originLine], [9, 8], 'read through ${.encoder_seq_length}');
    assert.equal(one(all, 'model.ffnSize').value, 1536);
    one(all, 'model.untiedHead', true);
    none(all, 'training.epochs');
    assert.equal(one(all, 'training.steps', 5000).range.startLine, 3);
    one(all, 'launch.trainer', 'config:nemo');
    const rope = facts(
      'trainer:\n  max_steps: 10\nexp_manager: {}\nmodel:\n  num_layers: 2\n  hidden_size: 64\n  max_position_embeddings: 128\n  position_embedding_type: rope\n',
    );
    none(rope, 'model.learnedPositions');
    const launch = extractShellFacts(
      'python megatron_gpt_pretraining.py --config-path=conf --config-name=gpt trainer.precision=bf16-mixed\n',
    );
    one(launch, 'link.config', 'conf/gpt.yaml');
    one(launch, 'training.precision', 'bf16');
  });

  it('detects each fixture with its own dialect only, and never without one of its prefilter words', function () {
    // Every config fixture against every dialect: grows with both.
    this.timeout(60_000);
    const expected: Record<string, string[]> = {
      'torchtune/llama3_1_8B_lora_single_device.yaml': ['torchtune'],
      'composer/mpt_350m_pretrain.yaml': ['composer'],
      'litgpt/finetune/phi-2/lora.yaml': ['litgpt'],
      'neox/configs/350M.yml': ['neox'],
      'nemo/conf/gpt_1b3_pretrain.yaml': ['nemo'],
      'configs/hydra_gpt_pretrain.yaml': [],
      'configs/lightning_cli_resnet.yaml': [],
      'trl/cli_sft_config.yaml': ['trl'],
      'configs/alignment_handbook_sft.yaml': ['trl'],
      'configs/axolotl_qlora.yml': ['axolotl'],
      'llamafactory/qwen2_5_7b_lora_sft.yaml': ['llamafactory'],
      'configs/accelerate_fsdp_2node.yaml': [],
      'configs/mistral_config.json': ['hub-model-config'],
      // A run config with a training section (length, learning rate, batch): still drawn into its program's run.
      'linked-yaml/config.yaml': ['train-section'],
    };
    for (const [file, names] of Object.entries(expected))
      assert.deepEqual(dialectsOf(fs.readFileSync(path.join(FIXTURES, file), 'utf8')), names, file);
    const words = configDialectWords();
    for (const file of fixtureFiles(FIXTURES).filter((f) => /\.(ya?ml|json)$/.test(f))) {
      const text = fs.readFileSync(file, 'utf8');
      // One parse per file (each dialect's detect only reads the document).
      const parsed = doc(text);
      for (const dialect of CONFIG_DIALECTS) {
        if (dialect.detect(parsed))
          assert.ok(
            dialect.words.some((w) => text.includes(w)),
            `${dialect.name} detected in ${file} without its words`,
          );
      }
      if (!words.some((w) => text.includes(w))) assert.deepEqual(dialectsOf(text), [], file);
    }
  });

  it('gives every dialect printable ASCII words, which the one-pass word finder requires', () => {
    // configFacts.ts finds all dialects' words in one pass (an ASCII automaton): a word outside ASCII would throw there.
    for (const dialect of CONFIG_DIALECTS)
      for (const w of dialect.words) assert.match(w, /^[\x20-\x7e]+$/, `${dialect.name}: ${JSON.stringify(w)}`);
  });

  it('finds sizes and Hub ids in names and paths', () => {
    assert.equal(sizeFromName('Qwen3-4B')?.params, 4e9);
    assert.equal(sizeFromName('llama-7b')?.params, 7e9);
    assert.equal(sizeFromName('TinyLlama-1.1B-Chat')?.params, 1.1e9);
    assert.equal(sizeFromName('micro-llama-300M')?.params, 3e8);
    assert.equal(sizeFromName('gpt2'), null);
    assert.equal(hubIdInPath('checkpoints/meta-llama/Llama-2-7b-hf'), 'meta-llama/Llama-2-7b-hf');
    assert.equal(hubIdInPath('/data/ckpt/google/gemma-2b/original/'), 'google/gemma-2b');
    assert.equal(hubIdInPath('/tmp/Llama-2-7b-hf'), undefined, 'a folder, not an org/name pair');
    assert.equal(hubIdInPath('out/finetune'), undefined);
  });
});

describe('Launchers', () => {
  it('tune run: recipe → mode, --nproc_per_node → devices, the config linked, overrides at their own lines', () => {
    const all = extractShellFacts(
      '#!/bin/bash\ntune download meta-llama/Llama-3.2-1B\ntune run --nproc_per_node 4 full_finetune_distributed \\\n  --config ./1B_full.yaml \\\n  epochs=3\n',
    );
    assert.equal(all.filter((f) => f.kind === 'launch.trainer').length, 1, 'tune download is not a run');
    assert.equal(one(all, 'launch.trainer', 'tune').range.startLine, 2);
    assert.equal(one(all, 'training.mode', 'finetune').confidence, 'low', 'the config builder can say LoRA');
    assert.equal(one(all, 'hardware.devices', 4).range.startLine, 2);
    assert.equal(one(all, 'link.config', './1B_full.yaml').range.startLine, 2);
    assert.equal(one(all, 'training.epochs', 3).range.startLine, 4);
    none(extractShellFacts('tune run eleuther_eval --config eval.yaml\n'), 'launch.trainer');
  });

  it('litgpt, llamafactory-cli, trl, axolotl: subcommands that run and those that do not', () => {
    const litgpt = extractShellFacts(
      'litgpt finetune_lora checkpoints/google/gemma-2b --quantize bnb.nf4 --train.max_tokens 1000000 --precision bf16-true\n',
    );
    assert.equal(one(litgpt, 'training.mode').value, 'qlora');
    assert.equal(one(litgpt, 'model.id').value, 'google/gemma-2b');
    assert.equal(one(litgpt, 'training.tokens').value, 1e6);
    assert.equal(one(litgpt, 'training.precision').value, 'bf16');
    for (const idle of [
      'litgpt download meta-llama/Llama-2-7b-hf',
      'litgpt evaluate out/x',
      'llamafactory-cli export merge.yaml',
      'axolotl preprocess x.yml',
    ])
      none(extractShellFacts(`${idle}\n`), 'launch.trainer');
    one(extractShellFacts('litgpt chat microsoft/phi-2\n'), 'launch.inference');
    const lf = extractShellFacts('llamafactory-cli train examples/qwen_lora.yaml\n');
    one(lf, 'link.config', 'examples/qwen_lora.yaml');
    one(lf, 'run.framework', 'llamafactory');
    one(extractShellFacts('trl grpo --config grpo.yaml\n'), 'launch.trainer', 'trl');
    one(extractShellFacts('axolotl train configs/qlora.yml\n'), 'link.config', 'configs/qlora.yml');
    one(extractShellFacts('python -m axolotl.cli.train configs/qlora.yml\n'), 'link.config', 'configs/qlora.yml');
    one(extractShellFacts('python -m llamafactory.cli train x.yaml\n'), 'link.config', 'x.yaml');
    assert.deepEqual(
      extractShellFacts('python -m trl.scripts.sft --config a.yaml\n')
        .filter((f) => f.kind === 'link.config')
        .map((f) => f.value),
      ['a.yaml'],
      'linked once',
    );
  });

  it('ms-swift and OpenRLHF: defaults, framework meanings of shared flag names, here-document arguments', () => {
    const swift = extractShellFacts(
      'NPROC_PER_NODE=4 swift sft --model Qwen/Qwen2.5-7B --max_length 2048 --num_train_epochs 1\n',
    );
    assert.equal(one(swift, 'training.mode').value, 'lora', 'train_type defaults to lora');
    one(swift, 'hardware.devices', 4);
    one(swift, 'training.seqLen', 2048);
    one(swift, 'model.id', 'Qwen/Qwen2.5-7B');
    none(extractShellFacts('swift export --adapters out/x --merge_lora true\n'), 'launch.trainer');
    one(extractShellFacts('swift infer --model Qwen/Qwen2.5-7B\n'), 'launch.inference');
    const rlhf = extractShellFacts(
      "read -r -d '' ARGS <<EOF\nopenrlhf.cli.train_dpo \\\n  --pretrain mistralai/Mistral-7B-v0.1 \\\n  --train_batch_size 128\nEOF\ndeepspeed --module $ARGS\n",
    );
    one(rlhf, 'model.id', 'mistralai/Mistral-7B-v0.1');
    one(rlhf, 'training.globalBatch', 128);
    none(rlhf, 'training.batchPerDevice', 128);
    assert.equal(one(rlhf, 'training.mode').value, 'finetune');
  });

  it('GPT-NeoX deepy.py links the merged configs and not the launcher script', () => {
    const all = extractShellFacts('python ./deepy.py train.py -d configs 125M.yml local_setup.yml\n');
    assert.deepEqual(
      all.filter((f) => f.kind.startsWith('link.')).map((f) => f.value),
      ['configs/125M.yml', 'configs/local_setup.yml'],
    );
  });

  it('Megatron-LM: flags in bash arrays, RoPE has no position table, SwiGLU width, untied output layer, train-samples', () => {
    const all = extractShellFacts(`ARGS=(
    --num-layers 2
    --hidden-size 768
    --max-position-embeddings 1024
    --use-rotary-position-embeddings
    --swiglu
    --untie-embeddings-and-output-weights
)
torchrun pretrain_gpt.py \${ARGS[@]} --global-batch-size 64 --train-samples 6400
`);
    assert.equal(one(all, 'model.layers', 2).range.startLine, 1);
    none(all, 'model.learnedPositions');
    assert.equal(one(all, 'model.ffnSize').value, 1.5 * 2048, 'floor(4·768·2/3 / 64)·64 = 2048, three matrices');
    one(all, 'model.untiedHead', true);
    one(all, 'training.steps', 100);
    one(all, 'run.framework', 'megatron');
  });

  it('matches launchers after environment assignments and srun, and lists its prefilter words', () => {
    assert.equal(
      matchLauncher('CUDA_VISIBLE_DEVICES=0,1 srun -N 2 --gpus-per-node=8 torchrun train.py')?.value,
      'torchrun',
    );
    assert.equal(
      matchLauncher('python3 -m torch.distributed.run --nproc_per_node 2 x.py')?.value,
      'python3 -m torch.distributed.run',
    );
    assert.equal(matchLauncher('echo torchrun'), undefined);
    const words = launcherWords();
    for (const w of ['torchrun', 'tune run', 'litgpt', 'llamafactory-cli', 'composer', 'deepspeed'])
      assert.ok(words.includes(w), w);
  });
  it('inference load: a torchtune generate config answers its one prompt; an eval config with a limit runs tasks × limit; an llm-foundry benchmark sweeps batch sizes × lengths', () => {
    const generate = facts(fs.readFileSync(path.join(FIXTURES, 'torchtune/generation.yaml'), 'utf8'));
    one(generate, 'inference.requests', 1);
    one(generate, 'inference.maxNewTokens', 200);
    const evaluation = facts(
      '# tune run eleuther_eval --config ./eval.yaml\nmodel:\n  _component_: torchtune.models.qwen2_5.qwen2_5_0_5b\ncheckpointer:\n  checkpoint_dir: /tmp/Qwen2.5-0.5B-Instruct\ntasks: ["truthfulqa_mc2", "hellaswag"]\nlimit: 250\nbatch_size: 8\n',
    );
    one(evaluation, 'launch.inference');
    one(evaluation, 'inference.requests', 500);
    one(evaluation, 'inference.concurrency', 8);
    const unlimited = facts(
      '# tune run eleuther_eval --config ./eval.yaml\nmodel:\n  _component_: torchtune.models.qwen2_5.qwen2_5_0_5b\ntasks: ["truthfulqa_mc2"]\nlimit: null\n',
    );
    none(unlimited, 'inference.requests');
    const bench = facts(
      'benchmark_name: ours\nmodel:\n  name: mpt_causal_lm\n  d_model: 1024\n  n_layers: 12\nbatch_sizes: [1, 4, 16]\ninput_lengths: [128, 256]\noutput_lengths: [8]\nnum_batches: 5\nnum_warmup_batches: 1\n',
    );
    one(bench, 'inference.concurrency', 16);
    one(bench, 'inference.inputTokens', 192);
    one(bench, 'inference.maxNewTokens', 8);
    one(bench, 'inference.requests', 6 * 21 * 2 * 1);
  });
  it('tune run with a built-in config links recipes/configs/<name>.yaml quietly (there inside torchtune, not elsewhere)', () => {
    const shell = extractShellFacts(
      'tune run --nproc_per_node 8 full_finetune_distributed --config llama3_3/70B_full\n',
    );
    const link = one(shell, 'link.config', 'recipes/configs/llama3_3/70B_full.yaml');
    assert.equal(link.confidence, 'low');
    none(
      extractShellFacts('tune run lora_finetune_single_device --config ./my_lora.yaml\n'),
      'link.config',
      'recipes/configs/./my_lora.yaml.yaml',
    );
  });
});
