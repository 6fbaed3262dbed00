import * as assert from 'node:assert/strict';
import { analyzeText, fileKindOf, type LinkedFileReader } from '../../src/core/analyze';
import { ginStatements, ginValue } from '../../src/core/extract/gin/ginStatements';
import { yacsDefaultsFacts } from '../../src/core/extract/config/yacsDefaults';
import { DEFAULT_SETTINGS } from '../../src/core/runSpec';
import { parsing } from './helpers';

const MODEL = `MODEL = @models.EncoderDecoderModel()
network.T5Config:
  vocab_size = 32128
  dtype = 'bfloat16'
  emb_dim = 512
  num_heads = 8
  num_encoder_layers = 6
  num_decoder_layers = 6
  head_dim = 64
  mlp_dim = 2048
  mlp_activations = ('relu',)
  logits_via_embedding = True
`;

/** A reader over a map of files, by the reference as written (include paths are from the root). */
function filesReader(files: Record<string, string>): LinkedFileReader {
  return (_from, reference) =>
    files[reference] !== undefined
      ? { path: `/repo/${reference}`, display: reference, text: files[reference] }
      : undefined;
}

describe('gin configs (round 14)', () => {
  it('reads .gin files as their own kind and SLURM .sub files as shell', () => {
    assert.equal(fileKindOf('t5x/configs/runs/pretrain.gin'), 'gin');
    assert.equal(fileKindOf('scripts/example_pretrain.sub'), 'shell');
  });

  it('reads blocks, multi-line values, comments and strings holding # or brackets', () => {
    const statements = ginStatements(`include 'a/b.gin'  # the base
import __main__ as train_script
X = "a # not a comment (["
train/utils.DatasetConfig:
  batch_size = %BATCH  # per all devices
  lengths = {
      'inputs': 512,
      'targets': 114,
  }
Y = 1_000
`);
    const bindings = statements.filter((s) => s.kind === 'binding');
    assert.deepEqual(
      bindings.map((b) => (b.kind === 'binding' ? [b.name, b.raw] : [])),
      [
        ['X', '"a # not a comment (["'],
        ['train/utils.DatasetConfig.batch_size', '%BATCH'],
        ['train/utils.DatasetConfig.lengths', "{ 'inputs': 512, 'targets': 114, }"],
        ['Y', '1_000'],
      ],
    );
    assert.equal(statements[0].kind, 'include');
    assert.deepEqual(ginValue('1_000'), { type: 'number', value: 1000 });
    assert.deepEqual(ginValue('%gin.REQUIRED'), { type: 'required' });
    assert.deepEqual(ginValue("('gelu', 'linear')"), { type: 'sequence', items: ["'gelu'", "'linear'"] });
    assert.deepEqual(ginValue('[]'), { type: 'sequence', items: [] });
  });

  it('sizes a T5 1.0-style model gin (relu MLP, tied embeddings)', async () => {
    const python = await parsing();
    const a = analyzeText({ path: 'models/t5_1_0/small.gin', text: MODEL }, python, DEFAULT_SETTINGS);
    assert.equal(a.runs.length, 1);
    // 6 × (4·512·512 + 2·512·2048) + 6 × (8·512·512 + 2·512·2048) + 32128·512 = 60.5M
    assert.equal(
      a.runs[0].run.model.params,
      6 * (4 * 512 * 512 + 2 * 512 * 2048) + 6 * (8 * 512 * 512 + 2 * 512 * 2048) + 32128 * 512,
    );
    assert.equal(a.runs[0].run.model.name, 't5_1_0-small');
    assert.equal(a.runs[0].run.training.precision, 'bf16');
  });

  it('replays includes in gin order: a later include and the file itself win', async () => {
    const python = await parsing();
    const files = {
      'm/base.gin': MODEL,
      'm/vocab.gin': 'VOCAB_SIZE = 256384\n',
      'm/arch.gin': 'network.T5Config.vocab_size = %VOCAB_SIZE\n',
      'runs/pretrain.gin':
        'import __main__ as train_script\ntrain_script.train:\n  model = %MODEL\n  total_steps = %TRAIN_STEPS\nutils.RestoreCheckpointConfig.path = []\n',
    };
    const text =
      "include 'm/base.gin'\ninclude 'm/arch.gin'\ninclude 'runs/pretrain.gin'\ninclude 'm/vocab.gin'\nTRAIN_STEPS = 1_000\n";
    const a = analyzeText({ path: '/repo/exp.gin', text }, python, DEFAULT_SETTINGS, {}, filesReader(files));
    assert.equal(a.runs.length, 1);
    const run = a.runs[0].run;
    assert.equal(run.training.steps, 1000);
    assert.equal(
      run.model.params,
      6 * (4 * 512 * 512 + 2 * 512 * 2048) + 6 * (8 * 512 * 512 + 2 * 512 * 2048) + 256384 * 512,
    );
  });

  it('subtracts the checkpoint step a fine-tune path states, and leaves the length unknown otherwise', async () => {
    const python = await parsing();
    const files = {
      'm/base.gin': MODEL,
      'runs/finetune.gin':
        'import __main__ as train_script\ntrain_script.train.total_steps = %TRAIN_STEPS\nutils.RestoreCheckpointConfig.path = %INITIAL_CHECKPOINT_PATH\n',
    };
    const run = (checkpoint: string) =>
      analyzeText(
        {
          path: '/repo/ft.gin',
          text: `include 'm/base.gin'\ninclude 'runs/finetune.gin'\nTRAIN_STEPS = 1_020_000\nINITIAL_CHECKPOINT_PATH = "${checkpoint}"\n`,
        },
        python,
        DEFAULT_SETTINGS,
        {},
        filesReader(files),
      ).runs[0].run;
    const stated = run('gs://b/t5_small/checkpoint_1000000');
    assert.equal(stated.training.steps, 20000);
    assert.equal(stated.mode, 'finetune');
    const unstated = run('gs://b/t5_small/best');
    assert.ok(unstated.unknowns.some((u) => u.field === 'training.steps' && /absolute/.test(u.detail)));
  });

  it('a template (MODEL %gin.REQUIRED or unbound), a fragment and a macro cycle define no run', async () => {
    const python = await parsing();
    for (const text of [
      'import __main__ as train_script\ntrain_script.train:\n  model = %MODEL\n  total_steps = %TRAIN_STEPS\nTRAIN_STEPS = %gin.REQUIRED\n',
      'MODEL = %gin.REQUIRED\n',
      'network.T5Config.emb_dim = 8\nnetwork.T5Config.num_layers = 2\n',
      'MODEL = %A\nA = %B\nB = %A\n',
    ])
      assert.equal(analyzeText({ path: 'x.gin', text }, python, DEFAULT_SETTINGS).runs.length, 0, text);
  });
});

describe('yacs defaults module (round 14)', () => {
  it("reads a program's _C defaults (epochs, per-GPU batch, AMP), never its model", () => {
    const facts = yacsDefaultsFacts(
      "_C = CN()\n_C.MODEL = CN()\n_C.MODEL.NAME = 'swin_tiny'\n_C.TRAIN = CN()\n_C.TRAIN.EPOCHS = 300\n_C.DATA.BATCH_SIZE = 128\n_C.AMP_ENABLE = True\n",
    );
    assert.deepEqual(
      facts.map((f) => [f.kind, f.value]),
      [
        ['training.epochs', 300],
        ['training.batchPerDevice', 128],
        ['training.precision', 'fp16'],
      ],
    );
    assert.deepEqual(yacsDefaultsFacts('EPOCHS = 300\n'), []);
  });
});
