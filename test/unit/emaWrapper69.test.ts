import * as assert from 'node:assert/strict';
import { runOf } from './helpers';

/**
 * Sixty-ninth round: a moving average of a network's weights kept beside it (diffusers' `EMAModel`, timm's
 * `ModelEmaV2`) is not the network the program trains, so it does not name the run's model.
 */
describe('Sixty-ninth round: weight averages are not the model', () => {
  const program = (ema: string) =>
    [
      'import argparse',
      'import torch',
      `from helpers import ${ema}`,
      'from diffusers import UNet2DConditionModel',
      '',
      '',
      'def main():',
      '    parser = argparse.ArgumentParser()',
      '    parser.add_argument("--pretrained_model_name_or_path", type=str, required=True)',
      '    parser.add_argument("--epochs", type=int, default=10)',
      '    args = parser.parse_args()',
      '    net = UNet2DConditionModel.from_pretrained(args.pretrained_model_name_or_path, subfolder="unet")',
      `    ema_net = ${ema}(net.parameters())`,
      '    ema_net.load_state_dict(torch.load("ema.pt"))',
      '    opt = torch.optim.AdamW(net.parameters(), lr=1e-4)',
      '    for epoch in range(args.epochs):',
      '        loss = net(torch.randn(8, 3, 64, 64)).mean()',
      '        loss.backward()',
      '        opt.step()',
      '        ema_net.step(net.parameters())',
      '',
      '',
      'if __name__ == "__main__":',
      '    main()',
      '',
    ].join('\n');

  for (const ema of ['EMAModel', 'ModelEmaV2', 'ExponentialMovingAverage']) {
    it(`${ema} beside the network does not name the model`, async () => {
      const run = await runOf({ 'train.py': program(ema) }, 'train.py');
      assert.ok(run, 'a run');
      assert.notEqual(run.spec.model.name, ema);
    });
  }
});
