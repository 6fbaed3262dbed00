import type { ConfigDialect, ConfigDoc, ConfigValue, FactSink } from './dialect';

/**
 * AllenNLP experiment configs (docs.allennlp.org, "Configuring experiments" / `allennlp train PARAM_PATH -s DIR`): one
 * JSON or Jsonnet object with a `dataset_reader`, a `model` and a `trainer` (beside `train_data_path` and an
 * `iterator` or `data_loader`). The `allennlp train` command builds and trains what it describes, so the file is the
 * run's definition. Read here:
 * - the config is a run (`launch.trainer`);
 * - a pretrained transformer among the model's token embedders (AllenNLP's `bert-pretrained` and
 *   `pretrained_transformer[_mismatched]` embedders load published weights by `pretrained_model` / `model_name`):
 *   the run starts from those weights, so it is a fine-tune of them, and that transformer is the network the compute
 *   goes through (the layers written around it, an LSTM encoder or a CRF tagger, are a few percent of it). Its name
 *   is the model where the file writes it; where the launch sets it (Jsonnet's `std.extVar("BERT_WEIGHTS")`) the
 *   model is unknown, not the small encoder's size.
 */

/** Token embedders that load a pretrained transformer (AllenNLP 0.9 `bert-pretrained`, 1.x+ `pretrained_transformer*`). */
const PRETRAINED_EMBEDDER = /^(?:bert-pretrained|pretrained_transformer(?:_mismatched)?)$/;
/** Keys such an embedder is given its weights by. */
const WEIGHTS_KEYS = ['pretrained_model', 'model_name'];
/** A model name or weights path written as a literal. */
const WRITTEN_NAME = /^[\w./-]{2,200}$/;
/** Keys of the document looked at for embedders (a config has a few hundred). */
const MAX_KEYS_LOOKED_AT = 5_000;

/** ` (environment variable BERT_WEIGHTS)` for a Jsonnet `std.extVar("BERT_WEIGHTS")`, else ''. */
function launchVariable(at: ConfigValue): string {
  const raw = typeof at.raw === 'string' ? at.raw : '';
  const name = /std\.extVar\(\s*["']([A-Za-z_]\w{0,60})["']\s*\)/.exec(raw.slice(0, 200))?.[1];
  return name ? ` (environment variable ${name})` : '';
}

function isExperiment(doc: ConfigDoc): boolean {
  return ['dataset_reader', 'model', 'trainer'].every((k) => doc.get(k)?.shape === 'map');
}

/** The first pretrained transformer embedder under `model`, with the key naming its weights. */
function pretrainedEmbedder(doc: ConfigDoc): { type: ConfigValue; weights: ConfigValue | undefined } | undefined {
  for (const v of doc.walk().slice(0, MAX_KEYS_LOOKED_AT)) {
    if (v.key !== 'type' || !v.path.startsWith('model.') || typeof v.value !== 'string') continue;
    if (!PRETRAINED_EMBEDDER.test(v.value)) continue;
    const owner = v.path.slice(0, -'.type'.length);
    return { type: v, weights: WEIGHTS_KEYS.map((k) => doc.get(`${owner}.${k}`)).find((w) => w !== undefined) };
  }
  return undefined;
}

export const allennlpExperiment: ConfigDialect = {
  name: 'allennlp',
  words: ['dataset_reader'],
  detect: isExperiment,
  // With a pretrained transformer inside, the sizes written under `model` are the layers around it, not the model.
  owns: (path) => /^model\./.test(path) && !/\.type$/.test(path),
  read(doc: ConfigDoc, out: FactSink): void {
    const model = doc.get('model')!;
    out.add(
      'launch.trainer',
      'config:allennlp',
      model,
      'an AllenNLP experiment config (dataset_reader, model, trainer): `allennlp train` trains what it describes',
      'medium',
    );
    out.add('run.framework', 'allennlp', model, 'an AllenNLP experiment config', 'medium');
    const embedder = pretrainedEmbedder(doc);
    if (!embedder) return;
    const at = embedder.weights ?? embedder.type;
    const written = typeof embedder.weights?.value === 'string' ? embedder.weights.value : undefined;
    out.add(
      'model.fromScratch',
      false,
      at,
      `${embedder.type.path}: ${String(embedder.type.value)} loads a pretrained transformer's weights: the run fine-tunes on top of them`,
      'medium',
    );
    if (written && WRITTEN_NAME.test(written))
      out.add('model.id', written, at, `${at.path}: ${written} (the pretrained transformer the model embeds with)`);
    else
      out.add(
        'model.id',
        null,
        at,
        `${at.path}: the pretrained transformer is named when the job is launched${launchVariable(at)}`,
        'medium',
      );
  },
};
