import * as assert from 'node:assert/strict';
import { autotrainBackendGpus, autotrainMode } from '../../src/core/extract/config/autotrain';
import { extractConfigFacts } from '../../src/core/extract/configFacts';
import { withWrittenConfigs, type NotebookSource } from '../../src/core/extract/notebookConfigs';
import { checkpointFileModel } from '../../src/core/extract/shell/checkpointPath';
import { extractShellFacts } from '../../src/core/extract/shellFacts';
import type { Fact } from '../../src/core/facts';
import { notebookCode } from '../../src/core/analyze';
import { noFact, oneFact, pythonFacts } from './helpers';

const values = (read: readonly Fact[], kind: string) => read.filter((f) => f.kind === kind).map((f) => f.value);
const yaml = (text: string) => extractConfigFacts(text, 'yaml').facts;

describe('AutoTrain configs, gpt-fast checkpoints, ml_collections configs, notebooks that write configs (round 12)', () => {
  it('reads AutoTrain backend ids as GPU counts only where the id states them', () => {
    assert.deepEqual(autotrainBackendGpus('spaces-a10g-largex4'), { count: 4, accelerator: 'A10G' });
    assert.deepEqual(autotrainBackendGpus('spaces-a10g-large'), { count: 1, accelerator: 'A10G' });
    assert.deepEqual(autotrainBackendGpus('spaces-l40sx8'), { count: 8, accelerator: 'L40S' });
    assert.deepEqual(autotrainBackendGpus('nvcf-h100x2'), { count: 2, accelerator: 'H100' });
    assert.deepEqual(autotrainBackendGpus('dgx-4a100'), { count: 4, accelerator: 'A100' });
    assert.deepEqual(autotrainBackendGpus('dgx-a100'), { count: 1, accelerator: 'A100' });
    for (const none of ['local', 'local-cli', 'spaces-cpu-basic', 'ep-aws-useast1-xl', 'spaces-a10g-largex999'])
      assert.equal(autotrainBackendGpus(none), undefined, none);
  });

  it('decides AutoTrain modes from peft and quantization with each task family its own default', () => {
    assert.equal(autotrainMode('llm-sft', true, undefined).mode, 'qlora');
    assert.equal(autotrainMode('vlm:vqa', true, undefined).mode, 'qlora');
    assert.equal(autotrainMode('seq2seq', true, undefined).mode, 'lora');
    assert.equal(autotrainMode('llm-orpo', true, null).mode, 'lora');
    assert.equal(autotrainMode('llm-dpo', true, 'int8').mode, 'lora');
    assert.equal(autotrainMode('llm-sft', false, 'int4').mode, 'finetune');
    assert.equal(autotrainMode('llm-sft', undefined, 'int4').mode, 'finetune');
    // Tasks whose trainers have no PEFT switch train every weight.
    assert.equal(autotrainMode('text_classification', true, 'int4').mode, 'finetune');
  });

  it('claims an AutoTrain YAML only with a task, a base_model and an AutoTrain key', () => {
    const run = yaml('task: llm-sft\nbase_model: gpt2\nbackend: spaces-l4x4\nparams:\n  peft: true\n');
    assert.deepEqual(values(run, 'run.framework'), ['autotrain']);
    assert.deepEqual(values(run, 'training.mode'), ['qlora']);
    assert.deepEqual(values(run, 'hardware.devices'), [4]);
    // Another tool's YAML with a `task:` and a `base_model:` is not AutoTrain's.
    assert.ok(
      !values(yaml('task: summarise\nbase_model: gpt2\nsequence_len: 512\n'), 'run.framework').includes('autotrain'),
    );
    assert.deepEqual(values(yaml('task: [a, b]\nbase_model: gpt2\nparams: {}\n'), 'run.framework'), []);
  });

  it('names the model by the Hub folder of a weights file, and its int4/int8 weight-only format', () => {
    assert.deepEqual(checkpointFileModel('checkpoints/meta-llama/Llama-2-7b-chat-hf/model.pth'), {
      id: 'meta-llama/Llama-2-7b-chat-hf',
    });
    assert.deepEqual(checkpointFileModel('checkpoints/codellama/CodeLlama-7b-Python-hf/model_int4.g32.pth'), {
      id: 'codellama/CodeLlama-7b-Python-hf',
      weights: 'int4',
    });
    assert.deepEqual(checkpointFileModel('checkpoints/org/name/model_int8.pth')?.weights, 'int8');
    // A folder (no weights file), a file whose folder names no Hub id, and a suffix inside a word are no readings.
    assert.equal(checkpointFileModel('checkpoints/meta-llama/Llama-2-7b-chat-hf'), undefined);
    assert.equal(checkpointFileModel('checkpoints/model.pth'), undefined);
    assert.equal(checkpointFileModel('out/run1/model.pth'), undefined);
    assert.equal(checkpointFileModel('checkpoints/org/name/mint4x.pth')?.weights, undefined);
  });

  it('reads --checkpoint_path on a launch line through the variable that holds the repository', () => {
    const facts = extractShellFacts(
      'export MODEL_REPO=meta-llama/Llama-2-70b-chat-hf\npython generate.py --checkpoint_path checkpoints/$MODEL_REPO/model_int4.g32.pth\n',
    );
    assert.equal(oneFact(facts, 'model.id').value, 'meta-llama/Llama-2-70b-chat-hf');
    assert.equal(oneFact(facts, 'inference.weightPrecision').value, 'int4');
    // --draft_checkpoint_path is another model's.
    const draft = extractShellFacts('python generate.py --draft_checkpoint_path checkpoints/org/draft-1b/model.pth\n');
    noFact(draft, 'model.id', 'org/draft-1b');
  });

  it('reads the dtype a model is moved to through the name that holds it, and not a switch between two', async () => {
    const moved = await pythonFacts(
      'import torch\ndef load(p, precision):\n    model = build(p)\n    model = model.to(device="cuda", dtype=precision)\n    return model\nprecision = torch.bfloat16\nload("x", precision)\n',
    );
    assert.deepEqual(values(moved, 'training.precision'), ['bf16']);
    const switched = await pythonFacts(
      'import torch\nmodel = build()\nif fast:\n    dtype = torch.float16\nelse:\n    dtype = torch.float32\nmodel = model.to(dtype=dtype)\n',
    );
    assert.deepEqual(values(switched, 'training.precision'), []);
  });

  it('reads an ml_collections get_config() as a run, and a config without a model as a fragment', async () => {
    const run = await pythonFacts(
      "import ml_collections\n\ndef get_config():\n  config = ml_collections.ConfigDict()\n  config.model_name = 'vit'\n  config.model = ml_collections.ConfigDict()\n  config.model.variant = 'B/16'\n  config.total_steps = 90_000\n  config.input = ml_collections.ConfigDict()\n  config.input.batch_size = 4096\n  config.model_init = 'gs://bucket/vit_b16.npz'\n  return config\n",
    );
    assert.equal(oneFact(run, 'model.id').value, 'vit-B/16');
    assert.equal(oneFact(run, 'training.steps').value, 90000);
    assert.equal(oneFact(run, 'training.globalBatch').value, 4096);
    assert.equal(oneFact(run, 'training.mode').value, 'finetune');
    oneFact(run, 'launch.trainer', 'ml_collections:get_config');
    const fragment = await pythonFacts(
      'import ml_collections\n\ndef get_config():\n  config = ml_collections.ConfigDict()\n  config.model = None\n  config.total_steps = 1000\n  return config.lock()\n',
    );
    noFact(fragment, 'launch.trainer');
    // Its steps are kept for the configs built on it (read inside get_config, reaching only a config whose link names
    // that function), never as a run of the fragment's own.
    noFact(
      fragment.filter((f) => f.within !== 'get_config'),
      'training.steps',
    );
    // A method named get_config (a Keras layer's) is not a config module.
    const layer = await pythonFacts(
      "class Block:\n  def get_config(self):\n    config = {}\n    config.model_name = 'x'\n    return config\n",
    );
    noFact(layer, 'launch.trainer');
  });

  it('reads an inference job of an ml_collections config, and leaves a model chosen at load time unknown', async () => {
    const bench = await pythonFacts(
      "import ml_collections\ndef get_config():\n  config = ml_collections.ConfigDict()\n  config.model_name = 'ViT-B_32'\n  config.steps = 30\n  config.trainer = 'inference_time'\n  return config\n",
    );
    oneFact(bench, 'launch.inference');
    noFact(bench, 'launch.trainer');
    const chosen = await pythonFacts(
      'from configs import common, models\ndef get_config(name):\n  config = common.get_config()\n  config.model = models.REGISTRY[name]\n  config.total_steps = 500\n  return config\n',
    );
    assert.deepEqual(values(chosen, 'model.id'), [null]);
  });

  it('blanks the body of a cell magic that is not Python, and keeps a %%writefile of a Python module', () => {
    const nb = (cells: string[]) =>
      JSON.stringify({ cells: cells.map((source) => ({ cell_type: 'code', source })), nbformat: 4, metadata: {} });
    const code = notebookCode(
      nb(['%%writefile c.yml\ntask: x\n', '%%bash\nls -l\n', '%%writefile t.py\nimport os\n']),
    ).code;
    assert.ok(!code.includes('task: x') && !code.includes('ls -l'));
    assert.ok(code.includes('import os'));
  });

  it('reads a config a notebook writes only when one of its shell commands runs it', () => {
    const body = 'task: llm-sft\nbase_model: gpt2\nbackend: local\nparams:\n  epochs: 2\n  peft: true\n';
    const cells = (run: string): NotebookSource[] => [
      { index: 0, startLine: 0, text: `%%writefile cfg.yml\n${body}` },
      { index: 1, startLine: 8, text: run },
    ];
    const link: Fact = {
      kind: 'link.config',
      value: 'cfg.yml',
      range: { startLine: 0, startCol: 0, endLine: 0, endCol: 0 },
      confidence: 'low',
      detail: 'x',
    };
    const ran = withWrittenConfigs([link], cells('!autotrain --config cfg.yml'), '');
    assert.deepEqual(values(ran, 'training.mode'), ['qlora']);
    assert.deepEqual(values(ran, 'link.config'), []);
    // The config's facts sit on the lines of the cell that writes it (its body starts on the cell's second line).
    assert.equal(ran.find((f) => f.kind === 'training.epochs')?.range.startLine, 5);
    assert.deepEqual(values(withWrittenConfigs([], cells('print(1)'), ''), 'training.mode'), []);
    assert.deepEqual(values(withWrittenConfigs([], cells('!cat other.yml'), ''), 'training.mode'), []);
  });

  it('fills a written config template from the notebook literals, leaving other fields empty', () => {
    const code =
      'epochs_n = 3 # @param\nprec = \'fp16\'\ncfg = f"""\ntask: llm-sft\nbase_model: gpt2\nbackend: local\nparams:\n  epochs: {epochs_n}\n  mixed_precision: {prec}\n  lr: {lr * 2}\n  peft: {{literal}}\n"""\nwith open("c.yaml", "w") as f:\n  f.write(cfg)\n';
    const sources: NotebookSource[] = [
      { index: 0, startLine: 0, text: code },
      { index: 1, startLine: 17, text: '!autotrain --config c.yaml' },
    ];
    const facts = withWrittenConfigs([], sources, code);
    assert.deepEqual(values(facts, 'training.epochs'), [3]);
    assert.deepEqual(values(facts, 'training.precision'), ['fp16']);
  });
});
