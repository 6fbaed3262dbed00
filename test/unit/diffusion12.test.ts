import * as assert from 'node:assert/strict';
import { nonRunPathReason } from '../../src/core/resolve/entryPoint';
import { noFact, oneFact, pythonFacts } from './helpers';

/**
 * Stable-Diffusion-family programs and the Accelerate precision rules (python/readers/diffusion.ts, torch.ts
 * autocast, constants.ts `--mixed_precision`): each rule on a small case of its own and on the near miss it must
 * leave alone.
 */

const MAIN = `if __name__ == "__main__":\n    main()\n`;

describe('Stable-Diffusion-family programs', () => {
  it('sizes the family a program names most often, not a helper it borrows', async () => {
    const facts = await pythonFacts(
      `from library import flux_utils, flux_train_utils, sdxl_train_util\n` +
        `def main():\n    m = flux_utils.load_flow_model(p)\n    flux_train_utils.train(m)\n    sdxl_train_util.verify(m)\n${MAIN}`,
    );
    assert.match(String(oneFact(facts, 'model.id', 'black-forest-labs/FLUX.1-dev').detail), /FLUX\.1/);
  });

  it('reads an SD 1.x program when SDXL is behind an --sdxl switch, and names SD3 without a size', async () => {
    const switched = await pythonFacts(
      `from library import sdxl_train_util, sdxl_model_util, train_util\n` +
        `def main():\n    if args.sdxl:\n        sdxl_train_util.load(args)\n    else:\n        train_util.load_target_model(args)\n${MAIN}`,
    );
    oneFact(switched, 'model.id', 'runwayml/stable-diffusion-v1-5');
    const sd3 = await pythonFacts(
      `from library import sd3_utils, sd3_train_utils, sdxl_train_util\n` +
        `def main():\n    m = sd3_utils.load(p)\n    sd3_train_utils.train(m)\n${MAIN}`,
    );
    // Twentieth round: the family is named (`SD3`, no catalog row: medium or large is the checkpoint's).
    oneFact(sd3, 'model.id', 'SD3');
  });

  it('leaves alone a model library whose main block is a self-test, and a module with no main block', async () => {
    noFact(
      await pythonFacts(
        `from library import sdxl_original_unet\nimport torch\n` +
          `class ControlNet(sdxl_original_unet.SdxlUNet2DConditionModel):\n    pass\n${MAIN}`,
      ),
      'model.id',
    );
    noFact(await pythonFacts(`from library import sdxl_train_util\nx = sdxl_train_util.load(p)\n`), 'model.id');
  });

  it('reads a --network_module trainer as LoRA', async () => {
    const facts = await pythonFacts(
      `import importlib\ndef main():\n    network_module = importlib.import_module(args.network_module)\n    net = network_module.create_network()\n    accelerator.backward(net.loss())\n${MAIN}`,
    );
    oneFact(facts, 'training.adapter', 'lora');
  });

  it('reads a sampling loop that trains nothing as inference, and its denoiser cast as the precision', async () => {
    const facts = await pythonFacts(
      `import torch\nif __name__ == "__main__":\n    DTYPE = torch.bfloat16\n    unet.to("cuda", dtype=DTYPE)\n` +
        `    for t in scheduler.timesteps:\n        latents = scheduler.step(unet(latents, t), t, latents).prev_sample\n`,
    );
    oneFact(facts, 'launch.inference', 'diffusion-sampling');
    oneFact(facts, 'training.precision', 'bf16');
    // The same loop in a trainer (a backward pass) is its validation sampling, not a separate run.
    noFact(
      await pythonFacts(
        `if __name__ == "__main__":\n    loss.backward()\n    for t in scheduler.timesteps:\n        latents = scheduler.step(p, t, latents).prev_sample\n`,
      ),
      'launch.inference',
    );
    // A policy class whose method samples is a component; its demo call is left to the other rules.
    noFact(
      await pythonFacts(
        `class Policy:\n    def predict(self, obs):\n        for t in self.scheduler.timesteps:\n            a = self.scheduler.step(self.model(a, t), t, a).prev_sample\n        return a\n` +
          `if __name__ == "__main__":\n    print(Policy().predict(obs))\n`,
      ),
      'launch.inference',
    );
  });

  it('makes a latent-caching program not a run, but not a trainer that caches before it trains', async () => {
    const caching = await pythonFacts(
      `def cache_to_disk(args):\n    dataset.new_cache_latents(vae, accelerator)\nif __name__ == "__main__":\n    cache_to_disk(args)\n`,
    );
    oneFact(caching, 'run.entry', false);
    const trainer = await pythonFacts(
      `def main():\n    dataset.new_cache_latents(vae, accelerator)\n    trainer.train(args)\n${MAIN}`,
    );
    noFact(trainer, 'run.entry', false);
  });

  it('reads a --model registry build with nothing loaded into it as from scratch, not one that loads a state dict', async () => {
    const fresh = await pythonFacts(
      `from diffusers.models import AutoencoderKL\ndef main(args):\n    model = DiT_models[args.model](input_size=32)\n` +
        `    vae = AutoencoderKL.from_pretrained("stabilityai/sd-vae-ft-ema")\n    loss.backward()\n${MAIN}`,
    );
    oneFact(fresh, 'model.fromScratch', true);
    // The frozen autoencoder names neither the model nor a fine-tune.
    noFact(fresh, 'model.id');
    const loaded = await pythonFacts(
      `def main(args):\n    model = DiT_models[args.model](input_size=32)\n    model.load_state_dict(torch.load(args.ckpt))\n    loss.backward()\n${MAIN}`,
    );
    noFact(loaded, 'model.fromScratch', true);
  });
});

describe('Accelerate precision', () => {
  it("leaves accelerator.autocast() to the Accelerator's mixed_precision, and reads --mixed_precision no as fp32", async () => {
    const facts = await pythonFacts(
      `import argparse\nfrom accelerate import Accelerator\nparser = argparse.ArgumentParser()\n` +
        `parser.add_argument("--mixed_precision", type=str, default="no", choices=["no", "fp16", "bf16"])\n` +
        `args = parser.parse_args()\naccelerator = Accelerator(mixed_precision=args.mixed_precision)\n` +
        `with accelerator.autocast():\n    loss = model(x)\naccelerator.backward(loss)\n`,
    );
    noFact(facts, 'training.precision', 'fp16');
    oneFact(facts, 'training.precision', 'fp32');
  });

  it('still reads a bare torch autocast as float16', async () => {
    const facts = await pythonFacts(
      `import torch\nwith torch.autocast("cuda"):\n    loss = model(x)\nloss.backward()\n`,
    );
    oneFact(facts, 'training.precision', 'fp16');
  });

  it('does not take a dict of models for a torchvision constructor', async () => {
    const facts = await pythonFacts(`def wrap(**models):\n    models = {k: v for k, v in models.items() if v}\n`);
    noFact(facts, 'model.id');
  });
});

describe('Weights export utilities', () => {
  it('takes export.py for a checkpoint conversion, not a script that merely has export in its name', () => {
    assert.match(nonRunPathReason('export.py') ?? '', /export/);
    assert.match(nonRunPathReason('tools/export.py') ?? '', /export/);
    assert.equal(nonRunPathReason('train_exporter.py'), undefined);
  });
});

describe('Config-driven programs with an empty --config default', () => {
  const PROGRAM = (guard: string) =>
    `import argparse, json\ndef main():\n    parser = argparse.ArgumentParser()\n    parser.add_argument("--config", type=str, default="")\n    args = parser.parse_args()\n${guard}    with open(args.config) as f:\n        config = json.load(f)\n    loss.backward()\n    optimizer.step()\nif __name__ == "__main__":\n    main()\n`;

  it('takes a program that opens its empty --config as is for config-driven', async () => {
    assert.match(String(oneFact(await pythonFacts(PROGRAM('')), 'run.entry', false).detail), /config-driven/);
  });

  it('leaves a program that opens --config only when given as a run', async () => {
    noFact(await pythonFacts(PROGRAM('    if args.config:\n        pass\n')), 'run.entry', false);
  });
});
