import * as assert from 'node:assert/strict';
import { isSoleAutoencoder } from '../../src/core/extract/python/readers/soleAutoencoder';
import { pythonFacts } from './helpers';

const precisions = async (code: string) =>
  (await pythonFacts(code)).filter((f) => f.kind === 'training.precision').map((f) => f.value);

describe('An autoencoder cast when it is the only network (VAE reconstruction programs)', () => {
  it('the handle must be named as an autoencoder, and no other network may be assigned in the file', () => {
    assert.equal(isSoleAutoencoder('vae', 'vae = load(p)\nvae = vae.half()\nx = vae.decode(vae.encode(img))\n'), true);
    // An input tensor named after the autoencoder is not it.
    assert.equal(isSoleAutoencoder('x_vae', 'x_vae = img.to(dtype=torch.float16)\n'), false);
    // Beside a denoiser, a pipeline or a model, the autoencoder is a part cast on its own.
    assert.equal(isSoleAutoencoder('vae', 'vae = load(p)\ntransformer = Dit.from_pretrained(q)\n'), false);
    assert.equal(isSoleAutoencoder('vae', 'vae = load(p)\ntext_model: Encoder = build(q)\n'), false);
    assert.equal(isSoleAutoencoder('vae', 'vae = load(p)\n    pipe = Pipeline(vae=vae)\n'), false);
    // A comparison is no assignment.
    assert.equal(isSoleAutoencoder('vae', 'vae = load(p)\nif model == "x":\n    pass\n'), true);
  });

  it('reads `vae = vae.half()` and `vae.to(device).to(data_type)` only where the autoencoder is the whole run', async () => {
    const main = 'if __name__ == "__main__":\n    main()\n';
    assert.deepEqual(
      await precisions(
        `import torch\ndef main():\n    vae = CODECS["d8"](path).eval()\n    vae = vae.half()\n    vae.decode(vae.encode(x))\n${main}`,
      ),
      ['fp16'],
    );
    assert.deepEqual(
      await precisions(
        `import torch\ndef main():\n    data_type = torch.bfloat16\n    vae = Codec.from_pretrained(p)\n    vae = vae.to(device).to(data_type)\n    vae.decode(vae.encode(x))\n${main}`,
      ),
      ['bf16'],
    );
    assert.deepEqual(
      await precisions(
        `import torch\ndef main():\n    vae = AutoencoderKL.from_pretrained(p)\n    vae = vae.half()\n    unet = UNet.from_pretrained(q)\n    unet(x)\n${main}`,
      ),
      [],
    );
  });
});
