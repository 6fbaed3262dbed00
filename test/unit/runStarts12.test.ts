import * as assert from 'node:assert/strict';
import { noFact, oneFact, pythonFacts } from './helpers';

/** What starts a run: a scikit-learn estimator's fit is no training run; Keras's and Lightning's are. */
describe('fit calls', () => {
  it('reads fit on a scikit-learn estimator built in the file (bound, chained or aliased) as no run start', async () => {
    noFact(
      await pythonFacts('from sklearn.cluster import KMeans\nkm = KMeans(n_clusters=8)\nkm.fit(embeddings)\n'),
      'launch.trainer',
    );
    noFact(
      await pythonFacts(
        'from sklearn.cluster import (\n    AgglomerativeClustering,\n)\nAgglomerativeClustering(n_clusters=4).fit(x)\n',
      ),
      'launch.trainer',
    );
    noFact(
      await pythonFacts('from sklearn.linear_model import LogisticRegression as LR\nclf = LR()\nclf.fit(x, y)\n'),
      'launch.trainer',
    );
    noFact(await pythonFacts('import sklearn.cluster\nkm = sklearn.cluster.KMeans(3)\nkm.fit(x)\n'), 'launch.trainer');
  });

  it('keeps fit on a Keras model or a Lightning trainer a run start, also in a file that imports scikit-learn', async () => {
    const keras = await pythonFacts(
      'from sklearn.model_selection import train_test_split\nfrom tensorflow import keras\nmodel = keras.Sequential([])\nmodel.fit(x, y, epochs=3)\n',
    );
    assert.equal(oneFact(keras, 'launch.trainer').value, 'fit');
    const lightning = await pythonFacts(
      'import lightning as L\nfrom sklearn.metrics import f1_score\ntrainer = L.Trainer(max_epochs=2)\ntrainer.fit(model)\n',
    );
    assert.ok(lightning.some((f) => f.kind === 'launch.trainer' && f.value === 'fit'));
  });
});

describe('a network built from a config and put in eval mode', () => {
  it('reads sampling with it as inference with a trained model of unknown size (the size is in the config)', async () => {
    const facts = await pythonFacts(
      'import torch\nfrom omegaconf import OmegaConf\nfrom sgm.util import instantiate_from_config\n\nconfig = OmegaConf.load("configs/svd.yaml")\nmodel = instantiate_from_config(config.model).to("cuda").eval()\nwith torch.no_grad():\n    samples = model.sample(cond)\n',
    );
    assert.match(String(oneFact(facts, 'launch.inference').value), /\.eval$|no_grad$/);
    assert.equal(oneFact(facts, 'model.fromScratch').value, false);
    // The config it loads by name (configs/svd.yaml) names and sizes the model: no unknown id of its own.
    noFact(facts, 'model.id');
    const fromRunFolder = await pythonFacts(
      'import torch, glob\nfrom omegaconf import OmegaConf\nfrom ldm.util import instantiate_from_config\n\ndef load(cfg):\n    model = instantiate_from_config(cfg)\n    model.cuda()\n    model.eval()\n    return model\n\nif __name__ == "__main__":\n    config = OmegaConf.merge(*[OmegaConf.load(c) for c in glob.glob(logdir + "/config.yaml")])\n    model = load(config.model)\n    with torch.no_grad():\n        x = model.sample(16)\n',
    );
    assert.match(String(oneFact(fromRunFolder, 'launch.inference').value), /\.eval$|no_grad$/);
    assert.equal(oneFact(fromRunFolder, 'model.id').value, null);
  });

  it('leaves a config-built network that is trained, or never put in eval mode, alone', async () => {
    noFact(
      await pythonFacts(
        'import torch\nfrom ldm.util import instantiate_from_config\nmodel = instantiate_from_config(config.model)\nwith torch.no_grad():\n    x = model.encode(batch)\n',
      ),
      'launch.inference',
    );
    noFact(
      await pythonFacts(
        'import torch\nfrom ldm.util import instantiate_from_config\nmodel = instantiate_from_config(config.model).eval()\nwith torch.no_grad():\n    x = model(batch)\nloss.backward()\noptimizer.step()\n',
      ),
      'launch.inference',
    );
  });
});

describe('torchvision.models.get_model', () => {
  it('reads the builder its first argument names, and its weights', async () => {
    const facts = await pythonFacts(
      'import torchvision\nARCH = "resnet50"\nmodel = torchvision.models.get_model(ARCH, weights="DEFAULT")\nmodel.eval()\n',
    );
    assert.equal(oneFact(facts, 'model.id').value, 'resnet50');
    assert.equal(oneFact(facts, 'model.fromScratch').value, false);
  });

  it('reads no model from a name only known when it runs (never the helper name)', async () => {
    const facts = await pythonFacts(
      'import sys\nfrom torchvision import models\nmodel = models.get_model(sys.argv[1])\nmodel.eval()\n',
    );
    assert.ok(!facts.some((f) => f.kind === 'model.id' && f.value === 'get_model'));
  });
});

describe('which assignment of a local name a plain run makes', () => {
  const program = (flags: string) =>
    `import argparse, torch\nfrom diffusers import StableDiffusionPipeline\n\ndef main(args):\n    if args.fp16:\n        dtype = torch.float16\n    elif args.bf16:\n        dtype = torch.bfloat16\n    else:\n        dtype = torch.float32\n    pipe = StableDiffusionPipeline.from_pretrained("runwayml/stable-diffusion-v1-5", torch_dtype=dtype)\n    pipe("a photo")\n\nif __name__ == "__main__":\n    p = argparse.ArgumentParser()\n${flags}    main(p.parse_args())\n`;

  it('takes the branch store_true flags leave (False unless given)', async () => {
    const facts = await pythonFacts(
      program('    p.add_argument("--fp16", action="store_true")\n    p.add_argument("--bf16", action="store_true")\n'),
    );
    assert.equal(oneFact(facts, 'training.precision').value, 'fp32');
  });

  it('keeps the first assignment when the flags are undecided, and a store_false flag on', async () => {
    const undecided = await pythonFacts(program('    p.add_argument("--fp16")\n    p.add_argument("--bf16")\n'));
    assert.equal(oneFact(undecided, 'training.precision').value, 'fp16');
    const on = await pythonFacts(program('    p.add_argument("--fp16", action="store_false")\n'));
    assert.equal(oneFact(on, 'training.precision').value, 'fp16');
  });

  it('still reads code a store_true flag turns on (a launch gated by --run is the run)', async () => {
    const facts = await pythonFacts(
      'import argparse\nfrom transformers import Trainer\n\ndef main(args):\n    if args.run:\n        Trainer(model=m).train()\n\nif __name__ == "__main__":\n    p = argparse.ArgumentParser()\n    p.add_argument("--run", action="store_true")\n    main(p.parse_args())\n',
    );
    assert.ok(facts.some((f) => f.kind === 'launch.trainer' && f.value === 'train'));
  });
});

describe('numeric comparisons on known values', () => {
  const program = (def: string) =>
    `import argparse, torchvision\n\ndef main(args):\n    if args.vgg16_guidance_scale > 0.0:\n        guide = torchvision.models.vgg16(weights="IMAGENET1K_V1")\n        guide.eval()\n\nif __name__ == "__main__":\n    p = argparse.ArgumentParser()\n    p.add_argument("--vgg16_guidance_scale", type=float, default=${def})\n    main(p.parse_args())\n`;

  it('leaves a model built only when a scale flag defaulting to 0 is raised off the plain run', async () => {
    noFact(await pythonFacts(program('0.0')), 'model.id');
  });

  it('keeps it when the default passes the comparison', async () => {
    assert.equal(oneFact(await pythonFacts(program('0.5')), 'model.id').value, 'vgg16');
  });
});
