import { noFact, oneFact, pythonFacts } from './helpers';

/**
 * A TF1 Estimator program whose optional init checkpoint's help mentions a pre-trained model: a fine-tune, unless the
 * program computes the pre-training objectives itself (masked LM and next sentence), where the checkpoint only
 * continues an earlier pre-training when given.
 */

const PROGRAM = (objective: string) => `import tensorflow as tf
import modeling

flags = tf.flags
FLAGS = flags.FLAGS
flags.DEFINE_string("encoder_config_file", None, "The config json file of the encoder.")
flags.DEFINE_string(
    "init_checkpoint", None,
    "Initial checkpoint (usually from a pre-trained encoder).")
flags.DEFINE_integer("num_train_steps", 100000, "Number of training steps.")

${objective}

def main(_):
  config = modeling.EncoderConfig.from_json_file(FLAGS.encoder_config_file)
  model_fn = model_fn_builder(config, FLAGS.init_checkpoint)
  estimator = tf.contrib.tpu.TPUEstimator(use_tpu=False, model_fn=model_fn, train_batch_size=32)
  estimator.train(input_fn=train_input_fn, max_steps=FLAGS.num_train_steps)

if __name__ == "__main__":
  tf.app.run()
`;

const PRETRAINING = `def model_fn_builder(config, init_checkpoint):
  def model_fn(features, labels, mode, params):
    (masked_lm_loss, _) = get_masked_lm_output(config, features["masked_lm_positions"])
    (next_sentence_loss, _) = get_next_sentence_output(config, features["next_sentence_labels"])
    return masked_lm_loss + next_sentence_loss
  return model_fn`;

const CLASSIFIER = `def model_fn_builder(config, init_checkpoint):
  def model_fn(features, labels, mode, params):
    return create_classifier(config, features["input_ids"], labels)
  return model_fn`;

describe('an optional pre-trained init checkpoint and the pre-training objective', () => {
  it('is a fine-tune of a classifier, and no fine-tune of a program computing masked-LM and next-sentence losses', async () => {
    oneFact(await pythonFacts(PROGRAM(CLASSIFIER)), 'model.fromScratch', false);
    noFact(await pythonFacts(PROGRAM(PRETRAINING)), 'model.fromScratch', false);
  });
});
