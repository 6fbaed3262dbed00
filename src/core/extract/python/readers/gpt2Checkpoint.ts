import { startsARun } from '../../../facts';
import { gatedTest } from '../requiredLiterals';
import type { FileRule } from '../rules';
import { rowOf } from './sb3Program';

/**
 * The names OpenAI published the GPT-2 TensorFlow checkpoints under, as the release's own download script fetches them
 * (`python download_model.py 124M` into `models/124M/`, with `hparams.json`, `encoder.json`, `vocab.bpe` and the
 * `model.ckpt` files; github.com/openai/gpt-2 DEVELOPERS.md and Dockerfile.gpu: 124M, 355M, 774M, 1558M; the README's
 * note: "our original parameter counts were wrong due to an error ... you may have seen small referred to as 117M
 * and medium referred to as 345M"). Each is the catalog's Hugging Face port of the same weights (model card of
 * huggingface.co/openai-community/gpt2: "the smallest version of GPT-2, with 124M parameters"; gpt2-medium 355M,
 * gpt2-large 774M, gpt2-xl 1.5B).
 */
const RELEASED_CHECKPOINTS: ReadonlyMap<string, string> = new Map([
  ['117M', 'gpt2'],
  ['124M', 'gpt2'],
  ['345M', 'gpt2-medium'],
  ['355M', 'gpt2-medium'],
  ['774M', 'gpt2-large'],
  ['1558M', 'gpt2-xl'],
]);

/** `model_name='124M'` (a parameter's or a field's default) or `--model_name ... default='124M'`: bounded, so linear. */
const MODEL_NAME_DEFAULT =
  /\bmodel_name["']?[ \t]*(?::[ \t]*str[ \t]*)?=[ \t]*["'](\d{3,4}M)["']|["']--model[_-]name["'][^)\n]{0,200}?\bdefault[ \t]*=[ \t]*["'](\d{3,4}M)["']/;
/** TensorFlow 1 restores the checkpoint folder the name picks. */
const RESTORES = /\btf\.train\.latest_checkpoint[ \t]*\(|\.restore[ \t]*\(/;
/** The release's own files read beside the checkpoint: its BPE encoder and its hyperparameters. */
const RELEASE_FILES = /\bget_encoder[ \t]*\(|["']hparams\.json["']|["']encoder\.json["']/;
const IMPORTS_TF = gatedTest(/^[ \t]*(?:import[ \t]+tensorflow\b|from[ \t]+tensorflow\b)/m);
/** Run as a program: a main guard, or `fire.Fire(fn)` at module level. */
const RUNS = /^if[ \t]+__name__[ \t]*==[ \t]*["']__main__["'][ \t]*:|^fire\.Fire[ \t]*\(/m;
/** A TF1 optimizer step: the program fine-tunes the checkpoint instead of sampling from it. */
const TRAINS = /\btf\.(?:compat\.v1\.)?train\.\w{0,40}Optimizer[ \t]*\(|\.minimize[ \t]*\(|\bapply_gradients[ \t]*\(/;

/**
 * A TensorFlow-1 program built on OpenAI's GPT-2 release (the release's sampling scripts and the programs written
 * after them): run as main (`fire.Fire(sample_model)`), it takes `model_name='124M'`, reads that checkpoint folder's
 * `hparams.json` and BPE encoder, restores its weights (`tf.train.Saver().restore(sess, tf.train.latest_checkpoint(
 * os.path.join(models_dir, model_name)))`) and samples from it: an inference run of the GPT-2 size the name
 * publishes. With a TF1 optimizer in the program it fine-tunes that checkpoint instead. A launch giving another
 * `--model_name` loads another size.
 */
export const gpt2Checkpoint: FileRule = {
  framework: 'tensorflow',
  phase: 'after-calls',
  words: ['model_name'],
  runStart: [/\bmodel_name\b/, /\d{3,4}M["']/, /latest_checkpoint|\.restore[ \t]*\(/],
  read: (_index, ctx) => {
    const text = ctx.text;
    if (!IMPORTS_TF(text)) return;
    const named = MODEL_NAME_DEFAULT.exec(text);
    const size = named?.[1] ?? named?.[2];
    const id = size ? RELEASED_CHECKPOINTS.get(size) : undefined;
    if (!named || !id || !RUNS.test(text) || !RESTORES.test(text) || !RELEASE_FILES.test(text)) return;
    const range = rowOf(text, named.index);
    const trains = TRAINS.exec(text);
    if (!ctx.facts.some((f) => f.kind === 'model.id' && f.value))
      ctx.facts.push({
        kind: 'model.id',
        value: id,
        range,
        confidence: 'medium',
        detail: `model_name defaults to '${size}': the GPT-2 checkpoint OpenAI published under that name (${id}), restored from its folder`,
        fromFlags: ['model_name'],
      });
    if (!ctx.facts.some((f) => f.kind === 'model.fromScratch'))
      ctx.facts.push({
        kind: 'model.fromScratch',
        value: false,
        range,
        confidence: 'medium',
        detail: `the published ${size} checkpoint is restored before the program runs it`,
      });
    if (ctx.facts.some(startsARun)) return;
    if (trains) {
      ctx.facts.push({
        kind: 'launch.trainer',
        value: 'gpt2-finetune',
        range: rowOf(text, trains.index),
        confidence: 'medium',
        detail: `a TF1 optimizer trains the restored ${size} checkpoint: a fine-tune`,
      });
      return;
    }
    ctx.facts.push({
      kind: 'launch.inference',
      value: 'gpt2-sampling',
      range,
      confidence: 'medium',
      detail: `the restored ${size} GPT-2 checkpoint generates text and nothing is trained: an inference run`,
    });
  },
};
