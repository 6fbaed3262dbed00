import { noFact, oneFact, pythonFacts } from './helpers';

/** An argparse flag that counts devices (`--n_gpu 4`) gives the run its device count; a device-id flag does not. */

const PROGRAM = (flag: string) => `import argparse
import torch

parser = argparse.ArgumentParser()
${flag}
parser.add_argument('--epochs', type=int, default=3)
args = parser.parse_args()
model = torch.nn.Linear(8, 8)
opt = torch.optim.Adam(model.parameters())
for epoch in range(args.epochs):
    loss = model(torch.zeros(4, 8)).sum()
    loss.backward()
    opt.step()
`;

describe('a device-count flag default', () => {
  it('reads --n_gpu and --num_gpus defaults as the device count', async () => {
    oneFact(await pythonFacts(PROGRAM("parser.add_argument('--n_gpu', type=int, default=4)")), 'hardware.devices', 4);
    oneFact(
      await pythonFacts(PROGRAM("parser.add_argument('--num-gpus', type=int, default=8)")),
      'hardware.devices',
      8,
    );
  });

  it('reads no count from a device-id flag or a zero default', async () => {
    noFact(await pythonFacts(PROGRAM("parser.add_argument('--gpus', type=str, default='0')")), 'hardware.devices');
    noFact(await pythonFacts(PROGRAM("parser.add_argument('--n_gpu', type=int, default=0)")), 'hardware.devices');
  });
});
