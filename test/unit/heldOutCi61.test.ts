import * as assert from 'node:assert/strict';
import { needsText } from '../../src/core/report/incomplete';
import { pythonFacts, runOf, valuesOf } from './helpers';

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
