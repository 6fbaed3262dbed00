import { classLink } from '../../scan/classIndex';
import { isSizingKeyword, srArchParams } from '../srArchParams';
import { keywordBuild } from './keywordBuild';
import type { ConfigDialect, ConfigDoc, FactSink } from './dialect';
import { positiveIntegerAt } from './dialect';

/**
 * BasicSR option files (github.com/XPixelGroup/BasicSR, docs/Config.md; the dialect of BasicSR, Real-ESRGAN, GFPGAN
 * and the restoration repositories built on it): `python basicsr/train.py -opt <this>.yml` (or the project's own
 * `train.py` that calls basicsr's `train_pipeline`). The program needs the option file, so each one is the run:
 *
 * - `network_g: {type: RRDBNet, <kwargs>}` is the generator the registry builds from those keywords: it names the
 *   model, and its size is worked out from the architecture where the arch is known (srArchParams.ts). A
 *   discriminator (`network_d`) is trained beside it in GAN runs; the size given is the generator's.
 * - `train:` with `total_iter` is a training run of that many iterations (BasicSR counts iterations, not epochs); an
 *   option file without `train` (the `options/test/` files basicsr/test.py reads) evaluates the network.
 * - `path.pretrain_network_g` loads the generator's weights before training: a fine-tune of those weights; without
 *   it (`~`) the generator starts from its initialisation.
 * - `num_gpu`: a number is the devices the model is spread over; `auto` takes every visible GPU (unknown here).
 *   `datasets.train.batch_size_per_gpu` is the micro-batch on each of them.
 * - Precision: BasicSR's models train and test in float32 (its `BaseModel` has no autocast or GradScaler, and
 *   the option schema of docs/Config.md has no precision key); a file that adds an amp/fp16 key of its own (a fork)
 *   is left to the generic table.
 */
/** A file of trained weights, as option files name them. */
const WEIGHTS_FILE = /\.(?:pth|pt|ckpt|safetensors|bin)$/i;
const PRECISION_KEY = /(^|_)(amp|fp16|bf16|half|mixed_precision|precision)($|_)/i;

function isOptionFile(doc: ConfigDoc): boolean {
  return (
    doc.prefix === '' &&
    doc.get('network_g')?.shape === 'map' &&
    typeof doc.str('network_g.type') === 'string' &&
    doc.has('model_type') &&
    (doc.get('train')?.shape === 'map' || doc.get('path')?.shape === 'map')
  );
}

export const basicsr: ConfigDialect = {
  name: 'basicsr',
  words: ['network_g'],
  owns: (path) =>
    path === 'train.total_iter' ||
    path === 'num_gpu' ||
    path === 'datasets.train.batch_size_per_gpu' ||
    path.startsWith('network_g.'),
  detect: isOptionFile,
  read(doc: ConfigDoc, out: FactSink): void {
    const network = doc.get('network_g.type')!;
    const type = String(network.value);
    const training = doc.get('train')?.shape === 'map';
    out.add('run.framework', 'basicsr', network, 'BasicSR option file (model_type, network_g, path)');
    if (training)
      out.add(
        'launch.trainer',
        'config:basicsr',
        network,
        'BasicSR option file with a train section (train.py -opt <this>)',
      );
    else
      out.add(
        'launch.inference',
        'config:basicsr',
        network,
        'BasicSR option file without a train section (test.py -opt <this>)',
      );
    out.add('model.id', type, network, `network_g.type: ${type}, the generator BasicSR builds`, 'medium');

    const args: Record<string, number | undefined> = {};
    let written = true;
    for (const entry of doc.entries('network_g')) {
      if (entry.key === 'type' || entry.key === 'act_type') continue;
      if (typeof entry.value === 'number') args[entry.key] = entry.value;
      // A value the size is not counted from (EDSR's `rgb_mean: [0.4488, ...]`) does not hide the size.
      else if (isSizingKeyword(type, entry.key)) written = false;
    }
    const sized = written ? srArchParams(type, args, doc.str('network_g.act_type')) : undefined;
    out.add(
      'model.params',
      sized ? sized.params : null,
      network,
      sized
        ? `${type} with these network_g keywords: ${sized.params} parameters (${sized.source}); the generator only`
        : `${type}: a generator whose size is not worked out from this option file`,
      sized ? 'medium' : 'low',
    );
    // Not one of those: the registry builds the class of that name with the section's keywords (BasicSR's
    // `ARCH_REGISTRY.get(opt.pop('type'))(**opt)`), so the class is counted in the repository's module that defines it.
    if (!sized && /^[A-Za-z_]\w{0,100}$/.test(type)) {
      const build = keywordBuild(type, doc, 'network_g');
      out.add(
        'link.class',
        classLink(type),
        network,
        `network_g.type: ${type}, built with the section's keywords`,
        'low',
        {
          classBuild: build,
        },
      );
    }

    const pretrained = doc.get('path.pretrain_network_g');
    if (typeof pretrained?.value === 'string' && pretrained.value.trim() !== '') {
      if (training)
        out.add(
          'training.mode',
          'finetune',
          pretrained,
          `path.pretrain_network_g: training starts from ${pretrained.value}`,
          'medium',
        );
      else
        out.add(
          'model.fromScratch',
          false,
          pretrained,
          `path.pretrain_network_g: evaluates ${pretrained.value}`,
          'medium',
        );
    } else if (training) {
      // A part of the generator its constructor loads trained weights into (`network_g.vqgan_path:
      // …/vqgan_code1024.pth`, GFPGAN's `decoder_load_path`): the run trains on top of those weights.
      const part = doc
        .entries('network_g')
        .find((e) => /_path$/.test(e.key) && typeof e.value === 'string' && WEIGHTS_FILE.test(e.value));
      if (part)
        out.add(
          'training.mode',
          'finetune',
          part,
          `network_g.${part.key}: the generator is built with trained weights (${String(part.value)})`,
          'medium',
        );
      else
        out.add(
          'model.fromScratch',
          true,
          network,
          'no path.pretrain_network_g: the generator starts from its initialisation',
          'medium',
        );
    }

    if (training) {
      const iters = positiveIntegerAt(doc, 'train.total_iter');
      if (iters) out.add('training.steps', iters.n, iters.at, `train.total_iter: ${iters.n} iterations`);
    }
    const gpus = positiveIntegerAt(doc, 'num_gpu');
    const numGpu = doc.get('num_gpu');
    if (gpus) out.add('hardware.devices', gpus.n, gpus.at, `num_gpu: ${gpus.n}`, 'medium');
    else if (numGpu && String(numGpu.value).toLowerCase() === 'auto')
      out.add(
        'hardware.devices',
        null,
        numGpu,
        'num_gpu: auto takes every visible GPU, which the file does not say',
        'low',
      );
    if (training) {
      const batch = positiveIntegerAt(doc, 'datasets.train.batch_size_per_gpu');
      if (batch) out.add('training.batchPerDevice', batch.n, batch.at, `datasets.train.batch_size_per_gpu: ${batch.n}`);
    }

    if (!doc.walk().some((v) => PRECISION_KEY.test(v.key)))
      out.add(
        'training.precision',
        'fp32',
        network,
        'BasicSR trains and tests in float32 (no autocast or GradScaler in its models, no precision option)',
        'medium',
      );
  },
};
