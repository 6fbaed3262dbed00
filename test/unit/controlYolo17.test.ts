import * as assert from 'node:assert/strict';
import { extractConfigFacts } from '../../src/core/extract/configFacts';
import { pythonFacts } from './helpers';

/** SD 1.x UNet settings, as a ControlLDM config writes them for the UNet and for its control branch. */
const SD1 = [
  'in_channels: 4',
  'model_channels: 320',
  'attention_resolutions: [4, 2, 1]',
  'num_res_blocks: 2',
  'channel_mult: [1, 2, 4, 4]',
  'num_heads: 8',
  'use_spatial_transformer: true',
  'transformer_depth: 1',
  'context_dim: 768',
];

function control(unetTarget: string, controlTarget: string, controlExtra: string[]): string {
  const block = (lines: string[]) => lines.map((l) => `        ${l}`);
  return [
    'model:',
    '  target: pkg.cldm.ControlLDM',
    '  params:',
    '    control_stage_config:',
    `      target: ${controlTarget}`,
    '      params:',
    ...block([...SD1, ...controlExtra]),
    '    unet_config:',
    `      target: ${unetTarget}`,
    '      params:',
    ...block([...SD1, 'out_channels: 4']),
  ].join('\n');
}

const paramsOf = (text: string) => extractConfigFacts(text, 'yaml').facts.find((f) => f.kind === 'model.params');

describe('ControlNet (ControlLDM) configs', () => {
  it('adds the control branch to the SD UNet: 859,520,964 + 361,279,120', () => {
    const f = paramsOf(control('pkg.cldm.ControlledUnetModel', 'pkg.cldm.ControlNet', ['hint_channels: 3']));
    assert.equal(f?.value, 859_520_964 + 361_279_120);
    assert.match(f.detail, /control branch 361\.3M/);
  });

  it('leaves a control branch without hint_channels, or of another class, unsized and says so', () => {
    for (const text of [
      control('pkg.cldm.ControlledUnetModel', 'pkg.cldm.ControlNet', []),
      control('pkg.cldm.ControlledUnetModel', 'pkg.other.Adapter', ['hint_channels: 3']),
    ]) {
      const f = paramsOf(text);
      assert.equal(f?.value, 859_520_964);
      assert.match(f.detail, /not sized from this config: control branch/);
    }
  });
});

const factsOf = pythonFacts;

describe('half casts switched on by the device', () => {
  const program = (switchLine: string, extra = '') =>
    [
      'import argparse',
      'from models.experimental import attempt_load',
      'from utils.torch_utils import select_device',
      '',
      `def run(weights, device=''${extra}):`,
      '    device = select_device(device)',
      `    ${switchLine}`,
      '    model = attempt_load(weights, map_location=device)',
      '    if half:',
      '        model.half()',
      '',
      "if __name__ == '__main__':",
      '    parser = argparse.ArgumentParser()',
      "    parser.add_argument('--weights', default='yolov7.pt')",
      '    run(parser.parse_args().weights)',
    ].join('\n');
  const precision = async (code: string) => (await factsOf(code)).find((f) => f.kind === 'training.precision')?.value;

  it("reads fp16 where the switch is `device.type != 'cpu'` (alone, or with a flag defaulting to True)", async () => {
    assert.equal(await precision(program("half = device.type != 'cpu'")), 'fp16');
    assert.equal(
      await precision(program("half = device.type != 'cpu' and half_precision", ', half_precision=True')),
      'fp16',
    );
  });

  it('reads nothing where the switch is a flag off by default or another condition', async () => {
    assert.equal(
      await precision(program("half = device.type != 'cpu' and half_precision", ', half_precision=False')),
      undefined,
    );
    assert.equal(await precision(program('half = opt.half')), undefined);
    assert.equal(await precision(program("half = device.type == 'cpu'")), undefined);
  });
});
