import * as assert from 'node:assert/strict';
import { extractShellFacts } from '../../src/core/extract/shellFacts';
import { needsText } from '../../src/core/report/incomplete';
import { toCliRun } from '../../src/core/report/toCli';
import { pythonFacts, runOf, scanFiles, valuesOf } from './helpers';

/** Sixty-first round: rules from what the blind sets CI and CJ (and CG's leftovers) read wrong. */

/** A trainer whose keyword parameters a JSON config fills (`train(n_gpus, rank, **train_config)`). */
const trainer = (scaler: string, autocast: string, call: string) =>
  [
    'import json',
    'import torch',
    'from torch.cuda import amp',
    'from ourtts import OurTTS',
    '',
    'def train(n_gpus, rank, output_directory, epochs, learning_rate, batch_size, use_amp, **kwargs):',
    '    model = OurTTS().cuda()',
    '    optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate)',
    `    scaler = ${scaler}`,
    '    for epoch in range(epochs):',
    '        for batch in loader:',
    `            with ${autocast}:`,
    '                loss = model(batch)',
    '            scaler.scale(loss).backward()',
    '            scaler.step(optimizer)',
    '',
    "if __name__ == '__main__':",
    "    config = json.load(open('config.json'))",
    "    train_config = config['train_config']",
    `    ${call}`,
    '',
  ].join('\n');

const config = (epochs: number, amp: boolean) =>
  JSON.stringify(
    {
      train_config: { output_directory: 'out', epochs, learning_rate: 1e-4, batch_size: 16, use_amp: amp },
      model_config: { n_flows: 8, n_channels: 256 },
    },
    null,
    2,
  );

describe('Sixty-first round: a stated length past any real run is unknown, not a default', () => {
  const project = (epochs: number) => ({
    'train.py': trainer('amp.GradScaler(enabled=use_amp)', 'amp.autocast(use_amp)', 'train(1, 0, **train_config)'),
    'config.json': config(epochs, false),
    'README.md': 'Train with `python train.py -c config.json`.\n',
  });

  it('asks for the run length when the config says "until stopped" (epochs: 10000000)', async () => {
    const run = await runOf(project(10_000_000), 'config.json');
    assert.ok(run, 'the config is a run');
    const length = run.missing.find((m) => m.field === 'training.length');
    assert.ok(length, JSON.stringify(run.missing));
    assert.match(length.detail, /length is unknown/);
    assert.match(length.howToSet, /epochs=N/);
    assert.match(needsText(run), /run length/);
    // The epochs the estimate was worked with are shown as a placeholder, not as Hugging Face's default.
    const epochs = run.assumptions.find((a) => a.field === 'training.epochs');
    assert.match(epochs?.detail ?? '', /placeholder/);
  });

  it('leaves the length, not a known model’s size, null in the CLI’s JSON', async () => {
    const script = [
      'from transformers import AutoModelForCausalLM, Trainer, TrainingArguments',
      "model = AutoModelForCausalLM.from_pretrained('gpt2')",
      "args = TrainingArguments(output_dir='out', num_train_epochs=10000000, per_device_train_batch_size=8)",
      'Trainer(model=model, args=args, train_dataset=data).train()',
      '',
    ].join('\n');
    const scan = await scanFiles({ 'train.py': script });
    const analyzed = scan.files.find((f) => f.display === 'train.py')?.analysis.runs[0];
    assert.ok(analyzed, 'the script is a run');
    const cli = toCliRun('train.py', analyzed);
    assert.equal(cli.incomplete, true);
    assert.deepEqual(
      cli.missing?.map((m) => m.field),
      ['training.length'],
    );
    assert.ok((cli.model.params ?? 0) > 1e8, `${cli.model.params}`);
    assert.deepEqual([cli.training.epochs, cli.training.tokens, cli.training.samples], [null, null, null]);
    assert.equal(cli.estimate.co2eKg, null);
  });

  it('estimates a config with a real length as before', async () => {
    const run = await runOf(project(500), 'config.json');
    assert.ok(run, 'the config is a run');
    assert.equal(
      run.missing.some((m) => m.field === 'training.length'),
      false,
    );
    assert.equal(run.spec.training.epochs, 500);
  });
});

describe('Sixty-first round: an AMP switch a config fills through `**config` is the config’s', () => {
  it('reads no float16 from GradScaler(enabled=use_amp) or amp.autocast(use_amp) in such a trainer', async () => {
    const facts = await pythonFacts(
      trainer('amp.GradScaler(enabled=use_amp)', 'amp.autocast(use_amp)', 'train(1, 0, **train_config)'),
    );
    assert.deepEqual(valuesOf(facts, 'training.precision'), []);
  });

  it('still reads float16 where the switch is the function’s own, or not a switch at all', async () => {
    // Called with its arguments written out: nothing says a config fills `use_amp`.
    const written = await pythonFacts(
      trainer('amp.GradScaler(enabled=use_amp)', 'amp.autocast(use_amp)', "train(1, 0, 'out', 10, 1e-4, 16, True)"),
    );
    assert.ok(valuesOf(written, 'training.precision').includes('fp16'));
    // A scaler without a switch, beside the unpacked config: mixed precision always.
    const always = await pythonFacts(trainer('amp.GradScaler()', 'amp.autocast()', 'train(1, 0, **train_config)'));
    assert.ok(valuesOf(always, 'training.precision').includes('fp16'));
    // torch.autocast's first parameter is the device type, not a switch.
    const device = await pythonFacts(
      trainer('amp.GradScaler()', 'torch.autocast(device, dtype=torch.bfloat16)', 'train(1, 0, **train_config)'),
    );
    assert.ok(valuesOf(device, 'training.precision').includes('bf16'));
  });

  it('leaves the config to say float16 when it turns the switch on', async () => {
    const run = await runOf(
      {
        'train.py': trainer('amp.GradScaler(enabled=use_amp)', 'amp.autocast(use_amp)', 'train(1, 0, **train_config)'),
        'config.json': config(500, true),
        'README.md': 'Train with `python train.py -c config.json`.\n',
      },
      'config.json',
    );
    assert.equal(run?.spec.training.precision, 'fp16');
  });
});

describe('Sixty-first round: a time-series model’s forecast is its inference', () => {
  const script = (receiver: string, load: string) =>
    [
      'import argparse',
      'import numpy as np',
      '',
      'def main():',
      '    parser = argparse.ArgumentParser()',
      "    parser.add_argument('--horizon', type=int, default=24)",
      '    args = parser.parse_args()',
      '    import ourseries',
      `    ${receiver} = ${load}`,
      '    series = [np.sin(np.linspace(0, 20, 512))]',
      `    point, quantiles = ${receiver}.forecast(horizon=args.horizon, inputs=series)`,
      '    print(point)',
      '',
      "if __name__ == '__main__':",
      '    main()',
      '',
    ].join('\n');

  it('reads a loaded model’s forecast(...) as an inference run of that model', async () => {
    const run = await runOf(
      { 'forecast.py': script('model', "ourseries.SeriesModel.from_pretrained('org/series-model-200m')") },
      'forecast.py',
    );
    assert.ok(run, 'the forecasting script is a run');
    assert.equal(run.spec.training.mode, 'inference');
    assert.equal(run.spec.model.name, 'org/series-model-200m');
  });

  it('does not read a hosted forecasting API client’s forecast as a run', async () => {
    const facts = await pythonFacts(script('api_client', "ourseries.Client(api_key='x')"));
    assert.deepEqual(valuesOf(facts, 'launch.inference'), []);
  });
});

describe('Sixty-first round: llama.cpp programs run from a shell line or a Python front end', () => {
  it('reads llama-server, llama-bench and llama-perplexity with a model file as inference runs', () => {
    for (const line of [
      './build/bin/llama-server -m models/our-model-7B/ggml-model-q4_0.gguf --port 8080',
      './build/bin/llama-bench -m "models/our-model-7B/ggml-model-q4_0.gguf" -p 128 -t 4',
      'build/bin/llama-perplexity -m models/our-model-7B/ggml-model-q4_0.gguf -f wiki.test.raw',
    ]) {
      const facts = extractShellFacts(`#!/bin/bash\n${line}\n`);
      assert.deepEqual(valuesOf(facts, 'launch.inference'), ['llama.cpp'], line);
      assert.deepEqual(valuesOf(facts, 'model.id'), ['models/our-model-7B/ggml-model-q4_0.gguf'], line);
    }
    // A program of another name that is handed `-m` is not llama.cpp's (`main -m` still needs its own flags).
    assert.deepEqual(valuesOf(extractShellFacts('./main -m model.gguf\n'), 'launch.inference'), []);
    assert.deepEqual(valuesOf(extractShellFacts('./llama-cli-wrapper -m model.gguf\n'), 'launch.inference'), []);
  });

  const frontEnd = (binary: string, runsIt: string) =>
    [
      'import argparse',
      'import os',
      'import subprocess',
      '',
      'def run_inference():',
      `    main_path = os.path.join("build", "bin", "${binary}")`,
      '    command = [',
      "        f'{main_path}',",
      "        '-m', args.model,",
      "        '-n', str(args.n_predict),",
      "        '-p', args.prompt,",
      '    ]',
      `    ${runsIt}`,
      '',
      "if __name__ == '__main__':",
      '    parser = argparse.ArgumentParser()',
      "    parser.add_argument('-m', '--model', type=str, default='models/our-model-3B/ggml-model-i2_s.gguf')",
      "    parser.add_argument('-n', '--n-predict', type=int, default=128)",
      "    parser.add_argument('-p', '--prompt', type=str, required=True)",
      '    args = parser.parse_args()',
      '    run_inference()',
      '',
    ].join('\n');

  it('reads a Python program that runs llama-cli on its --model default as that model’s inference', async () => {
    const run = await runOf(
      { 'run_inference.py': frontEnd('llama-cli', 'subprocess.run(command, check=True)') },
      'run_inference.py',
    );
    assert.ok(run, 'the front end is a run');
    assert.equal(run.spec.training.mode, 'inference');
    assert.equal(run.spec.model.name, 'models/our-model-3B/ggml-model-i2_s.gguf');
    assert.equal(run.model.params, 3e9);
  });

  it('reads nothing where the program only builds the command, or runs another program', async () => {
    const built = await pythonFacts(frontEnd('llama-cli', 'print(" ".join(command))').replace('import subprocess', ''));
    assert.deepEqual(valuesOf(built, 'launch.inference'), []);
    const other = await pythonFacts(frontEnd('llama-quantize', 'subprocess.run(command, check=True)'));
    assert.deepEqual(valuesOf(other, 'launch.inference'), []);
    // A quantisation tool that times each file it writes with llama-bench: it makes model files, it runs no model's job.
    const quantiser = frontEnd('llama-bench', 'subprocess.run(command, check=True)').replace(
      'def run_inference():',
      'QUANTIZE_BIN = "../build/bin/llama-quantize"\n\ndef run_inference():',
    );
    assert.deepEqual(valuesOf(await pythonFacts(quantiser), 'launch.inference'), []);
    // A perplexity test that can also quantise a variant first, naming the quantiser after its own program: a run.
    const perplexity = frontEnd('llama-perplexity', 'subprocess.run(command, check=True)').replace(
      '    ]\n',
      "    ]\n    quantize_bin = '../build/bin/llama-quantize'\n",
    );
    assert.deepEqual(valuesOf(await pythonFacts(perplexity), 'launch.inference'), ['llama.cpp']);
  });
});

describe('Sixty-first round: PyText task configs are runs', () => {
  const config = (body: object) => JSON.stringify(body, null, 2);
  const tsv = { source: { TSVDataSource: { field_names: ['label', 'text'], train_filename: 'train.tsv' } } };

  it('reads the task’s model class, its epochs and the processes a config spreads over', async () => {
    const run = await runOf(
      {
        'configs/doc_cnn.json': config({
          version: 8,
          task: {
            DocumentClassificationTask: {
              data: tsv,
              model: { DocModel: { representation: { DocNNRepresentation: {} } } },
              trainer: { epochs: 15 },
            },
          },
          distributed_world_size: 4,
        }),
      },
      'configs/doc_cnn.json',
    );
    assert.ok(run, 'the task config is a run');
    assert.equal(run.spec.model.name, 'DocModel');
    assert.equal(run.spec.training.mode, 'pretrain');
    assert.equal(run.spec.training.epochs, 15);
    assert.equal(run.spec.hardware.count, 4);
  });

  it('gives a task without a model its default model and an unset trainer PyText’s 10 epochs (versioned form)', async () => {
    const run = await runOf(
      { 'configs/joint.json': config({ config: { version: 8, task: { IntentSlotTask: { data: tsv } } } }) },
      'configs/joint.json',
    );
    assert.equal(run?.spec.model.name, 'IntentSlotModel');
    assert.equal(run?.spec.training.epochs, 10);
    const epochs = run?.assumptions.find((a) => a.field === 'training.epochs');
    assert.match(epochs?.detail ?? '', /TrainerConfig default/);
  });

  it('reads a trainer keyed by its class, and weights to start from as a fine-tune', async () => {
    const run = await runOf(
      {
        'configs/tagger.json': config({
          task: {
            WordTaggingTask: {
              data: tsv,
              model: { load_path: 'models/tagger.pt' },
              trainer: { TaskTrainer: { epochs: 3 } },
            },
          },
        }),
      },
      'configs/tagger.json',
    );
    assert.equal(run?.spec.training.epochs, 3);
    assert.equal(run?.spec.training.mode, 'finetune');
  });

  it('does not take a config whose task is a plain word, or has several keys, for a PyText run', async () => {
    for (const body of [
      { task: 'summarization', model: 'facebook/bart-large' },
      { task: { DocumentClassificationTask: { data: tsv }, LMTask: { data: tsv } } },
    ]) {
      const run = await runOf({ 'configs/other.json': config(body) }, 'configs/other.json');
      const readAsPytext = (run?.assumptions ?? []).filter((a) => /PyText|pytext/.test(a.detail));
      assert.deepEqual(readAsPytext, [], JSON.stringify(body));
    }
  });
});

describe('Sixty-first round: a sampling script over a project model its factory builds', () => {
  const sampler = (evalLine: string) =>
    [
      'import argparse',
      'import torch',
      'from ourdiffusion import get_model, sampling',
      '',
      'def main():',
      '    p = argparse.ArgumentParser()',
      "    p.add_argument('--model', type=str, default='ours_1_cfg', choices=['ours_1', 'ours_1_cfg'])",
      "    p.add_argument('--steps', type=int, default=50)",
      '    args = p.parse_args()',
      '    model = get_model(args.model)()',
      "    model.load_state_dict(torch.load(f'checkpoints/{args.model}.pth', map_location='cpu'))",
      `    ${evalLine}`,
      '',
      '    def model_fn(x, t):',
      '        return model(x, t)',
      '',
      '    x = torch.randn([4, 3, 256, 256])',
      '    out = sampling.sample(model_fn, x, torch.linspace(1, 0, args.steps + 1)[:-1], 0.0, {})',
      '',
      "if __name__ == '__main__':",
      '    main()',
      '',
    ].join('\n');

  it('reads the chained eval() and the factory’s model name (a flag default) as that model’s inference', async () => {
    const run = await runOf(
      { 'sample.py': sampler("model = model.half().to('cuda').eval().requires_grad_(False)") },
      'sample.py',
    );
    assert.ok(run, 'the sampling script is a run');
    assert.equal(run.spec.training.mode, 'inference');
    assert.equal(run.spec.model.name, 'ours_1_cfg');
  });

  it('lists no run where the model is never put in eval mode (built and loaded only)', async () => {
    const run = await runOf({ 'sample.py': sampler("model = model.half().to('cuda')") }, 'sample.py');
    assert.equal(run, undefined);
  });
});

describe('Sixty-first round: Classy Vision task configs', () => {
  const task = (extra: object) =>
    JSON.stringify(
      {
        name: 'classification_task',
        num_epochs: 90,
        loss: { name: 'CrossEntropyLoss' },
        dataset: { train: { name: 'image_folder', batchsize_per_replica: 32 } },
        model: { name: 'resnet', num_blocks: [3, 4, 6, 3], heads: [{ name: 'fully_connected', num_classes: 1000 }] },
        optimizer: { name: 'sgd', lr: 0.1 },
        ...extra,
      },
      null,
      2,
    );

  it('names a bottleneck ResNet by its stages and reads its epochs (a run of its own)', async () => {
    const run = await runOf({ 'configs/resnet_in.json': task({}) }, 'configs/resnet_in.json');
    assert.ok(run, 'the task config is a run');
    assert.equal(run.spec.model.name, 'resnet50');
    assert.equal(run.model.params, 25557032);
    assert.equal(run.spec.training.epochs, 90);
    assert.equal(run.mode, 'pretrain');
  });

  it('reads a fine-tuning task, a ResNeXt’s width and apex AMP’s opt level', async () => {
    const run = await runOf(
      {
        'configs/ft.json': task({
          name: 'fine_tuning',
          pretrained_checkpoint: 'checkpoints/pretrained',
          model: { name: 'resnext', num_blocks: [3, 4, 6, 3], base_width_and_cardinality: [4, 32] },
          amp_args: { opt_level: 'O1' },
        }),
      },
      'configs/ft.json',
    );
    assert.equal(run?.spec.model.name, 'resnext50_32x4d');
    assert.equal(run?.spec.training.mode, 'finetune');
    assert.equal(run?.spec.training.precision, 'fp16');
  });

  it('names a non-standard stage list by its family only', async () => {
    const run = await runOf(
      { 'configs/odd.json': task({ model: { name: 'resnet', num_blocks: [2, 3, 5, 2] } }) },
      'configs/odd.json',
    );
    assert.equal(run?.spec.model.name, 'resnet');
  });
});

describe('Sixty-first round: runx experiment files are launches', () => {
  const program = [
    'import argparse',
    'import torch',
    'from ournet import build_net',
    '',
    'parser = argparse.ArgumentParser()',
    "parser.add_argument('--arch', type=str, default='ournet.Small')",
    "parser.add_argument('--max_epoch', type=int, default=180)",
    "parser.add_argument('--eval', type=str, default=None)",
    "parser.add_argument('--snapshot', type=str, default=None)",
    "parser.add_argument('--result_dir', type=str, default='logs')",
    "parser.add_argument('--fp16', action='store_true')",
    '',
    'def main():',
    '    args = parser.parse_args()',
    '    net = build_net(args.arch).cuda()',
    '    optimizer = torch.optim.SGD(net.parameters(), lr=0.01)',
    '    if args.eval:',
    '        validate(net)',
    '        return',
    '    for epoch in range(args.max_epoch):',
    '        for batch in loader:',
    '            loss = net(batch)',
    '            loss.backward()',
    '            optimizer.step()',
    '',
    "if __name__ == '__main__':",
    '    main()',
    '',
  ].join('\n');
  const experiment = (hparams: string) =>
    [
      '# Train on our data',
      'CMD: "python -m torch.distributed.launch --nproc_per_node=8 train.py"',
      '',
      'HPARAMS: [',
      '  {',
      hparams,
      '   result_dir: LOGDIR,',
      "   RUNX.TAG: '{arch}',",
      '  },',
      ']',
      '',
    ].join('\n');

  it('reads CMD with the HPARAMS as its flags: the launcher’s devices and the program it starts', async () => {
    const run = await runOf(
      {
        'train.py': program,
        'scripts/train_ours.yml': experiment('   fp16: true,\n   max_epoch: 175,\n   arch: ournet.Big,'),
      },
      'scripts/train_ours.yml',
    );
    assert.ok(run, 'the experiment file is a run');
    assert.equal(run.spec.hardware.count, 8);
    assert.equal(run.spec.training.epochs, 175);
    assert.equal(run.spec.training.precision, 'fp16');
  });

  it('reads `eval: val` as an evaluation of the snapshot, not a training', async () => {
    const run = await runOf(
      {
        'train.py': program,
        'scripts/eval_ours.yml': experiment("   eval: val,\n   snapshot: 'weights/ours.pth',\n   fp16: true,"),
      },
      'scripts/eval_ours.yml',
    );
    assert.equal(run?.mode, 'inference');
  });

  it('does not read `--result_dir` on a launch line as the saved results of a scorer', () => {
    const facts = extractShellFacts('python train.py --epochs 3 --result_dir out/\n');
    assert.deepEqual(valuesOf(facts, 'launch.trainer'), ['python']);
  });
});

describe('Sixty-first round: `--nr_gpu` counts the GPUs a TensorFlow program replicates over', () => {
  it('reads the flag’s default as the devices', async () => {
    const facts = await pythonFacts(
      [
        'import argparse',
        'import tensorflow as tf',
        'parser = argparse.ArgumentParser()',
        "parser.add_argument('-g', '--nr_gpu', type=int, default=4, help='How many GPUs to distribute the training across?')",
        'args = parser.parse_args()',
        'for i in range(args.nr_gpu):',
        "    with tf.device('/gpu:%d' % i):",
        '        loss = model(xs[i])',
        '',
      ].join('\n'),
    );
    assert.ok(valuesOf(facts, 'hardware.devices').includes(4), JSON.stringify(valuesOf(facts, 'hardware.devices')));
  });
});

describe('Sixty-first round: text from a config never reaches a detail as markup', () => {
  it('quotes a weights path only when it is path characters (PyText, Classy Vision)', async () => {
    const hostile = '<img src=x onerror=alert(1)>\u001b[31m';
    const pytext = await runOf(
      {
        'configs/p.json': JSON.stringify({
          task: { WordTaggingTask: { data: {}, model: { load_path: hostile }, trainer: { epochs: 2 } } },
        }),
      },
      'configs/p.json',
    );
    const classy = await runOf(
      {
        'configs/c.json': JSON.stringify({
          name: 'fine_tuning',
          pretrained_checkpoint: hostile,
          num_epochs: 1,
          dataset: { train: {} },
          model: { name: 'resnet', num_blocks: [3, 4, 6, 3] },
          optimizer: { name: 'sgd' },
        }),
      },
      'configs/c.json',
    );
    for (const run of [pytext, classy]) {
      assert.ok(run, 'the config is a run');
      assert.equal(run.mode, 'finetune');
      const details = run.assumptions.map((a) => a.detail).join('\n');
      assert.ok(!details.includes('<') && !details.includes('>') && !details.includes('\u001b'), details);
    }
  });
});
