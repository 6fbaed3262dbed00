import type { ConfigDialect, ConfigDoc, FactSink } from './dialect';
import { VITS_PROGRAM_LINK } from '../python/configProgram';

/**
 * VITS text-to-speech configs (Kim et al. 2021, "Conditional Variational Autoencoder with Adversarial Learning for
 * End-to-End Text-to-Speech", arXiv:2106.06103; github.com/jaywalnut310/vits: `python train.py -c configs/<this>.json
 * -m <name>`, and the forks that keep its layout). A JSON of three sections the program loads into `hps`:
 * `train` (`epochs`, `batch_size` per GPU, `fp16_run`, `segment_size`, loss weights), `data` (audio features:
 * `sampling_rate`, `hop_length`, `filter_length`, `n_mel_channels`, filelists) and `model` (the SynthesizerTrn
 * generator: `inter_channels`, `hidden_channels`, `filter_channels`, the HiFi-GAN decoder's `upsample_rates`,
 * `upsample_initial_channel`, `resblock_*`). The training program needs one (its `-c` default names no file of the
 * repository), so each such config is a run.
 *
 * - Model: the VITS family (the generator with its posterior encoder, flow and HiFi-GAN decoder, trained against a
 *   multi-period discriminator). Its size depends on the program's module code (the text vocabulary comes from the
 *   symbol table, not the config; forks change the blocks), so it is left unknown rather than guessed.
 * - Mode: the model is built from the config and trained from fresh weights (the program resumes only its own latest
 *   checkpoint in the run's folder), unless the program that reads the config fills the generator with pretrained
 *   weights (forks that fine-tune a released voice: `utils.load_checkpoint(hps.pretrain_G, net_g, ...)`), which the
 *   link below draws and which outranks this low-confidence start.
 * - Precision: `train.fp16_run` true trains under autocast with a GradScaler (fp16), false in fp32; the program's
 *   TF32 switches (`torch.backends.cuda.matmul.allow_tf32 = True`) make that float32 TF32 on a GPU.
 * - The program: `train.py` beside the config or a folder above it (the layout of the VITS repository and its forks),
 *   linked with VITS_PROGRAM_LINK so that only its precision and start reach the config's run (analyze.ts).
 * - Epochs: `train.epochs` and the per-GPU `train.batch_size` are read by the generic key table.
 */
/** The training program of the VITS layout (`python train.py -c configs/<config>.json -m <name>`). */
const PROGRAM = 'train.py';
const MODEL_KEYS = ['inter_channels', 'hidden_channels', 'upsample_rates', 'upsample_initial_channel'];

export const vitsTts: ConfigDialect = {
  name: 'vits',
  words: ['upsample_initial_channel'],
  owns: (path) => path === 'train.fp16_run' || path.startsWith('model.'),
  detect: (doc: ConfigDoc) =>
    doc.prefix === '' &&
    doc.get('train')?.shape === 'map' &&
    doc.get('data')?.shape === 'map' &&
    doc.get('model')?.shape === 'map' &&
    MODEL_KEYS.every((k) => doc.has(`model.${k}`)) &&
    (doc.has('data.sampling_rate') || doc.has('data.hop_length')),
  read(doc: ConfigDoc, out: FactSink): void {
    const model = doc.get('model')!;
    out.add('run.framework', 'vits', model, 'VITS text-to-speech config (train, data and model sections)');
    out.add('launch.trainer', 'config:vits', model, 'VITS config (train.py -c <this>): a training run');
    out.add(
      'model.id',
      'VITS',
      model,
      'VITS generator (inter_channels, hidden_channels, HiFi-GAN upsample_*)',
      'medium',
    );
    out.add(
      'model.params',
      null,
      model,
      "VITS: a size that depends on the program's modules (text symbols, flow and decoder blocks), not worked out from this config",
      'low',
    );
    out.add(
      'model.fromScratch',
      true,
      model,
      'the program builds the generator and discriminator from this config (it resumes only its own checkpoints)',
      'low',
    );
    out.add('link.config', PROGRAM, model, `${VITS_PROGRAM_LINK}${PROGRAM}, if it is there`, 'low');
    const fp16 = doc.get('train.fp16_run');
    if (fp16?.value === true)
      out.add('training.precision', 'fp16', fp16, 'train.fp16_run: true (autocast with a GradScaler)');
    else if (fp16?.value === false) out.add('training.precision', 'fp32', fp16, 'train.fp16_run: false');
  },
};
