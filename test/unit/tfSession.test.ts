import * as assert from 'node:assert/strict';
import { noFact, oneFact, pythonFacts } from './helpers';

/** TensorFlow 1 graph programs: a session run in a loop of a file that builds gradients is the training loop. */

const GRAPH = (loop: string) => `import numpy as np
import tensorflow as tf

x = tf.placeholder(tf.float32, [None, 32])
y = tf.placeholder(tf.float32, [None])
w = tf.get_variable('w', [32, 1])
loss = tf.reduce_mean(tf.square(tf.matmul(x, w)[:, 0] - y))
params = tf.trainable_variables()
grads = tf.gradients(loss, params)
update = tf.train.AdamOptimizer(1e-3).apply_gradients(zip(grads, params))
sess = tf.Session()
sess.run(tf.global_variables_initializer())
${loop}
`;

describe('TensorFlow 1 session training', () => {
  it('reads a session run of the update op in a loop as the training step', async () => {
    const facts = await pythonFacts(
      GRAPH(`for rep in range(5):
    for xb, yb in zip(np.zeros((10, 8, 32)), np.zeros((10, 8))):
        cost, _ = sess.run([loss, update], {x: xb, y: yb})`),
    );
    const trainer = oneFact(facts, 'launch.trainer', 'sess.run');
    assert.match(trainer.detail, /TensorFlow 1/);
  });

  it('reads a start from saved weights assigned to the variables from np.load arrays, not without them', async () => {
    const loop = `for rep in range(5):
    for xb, yb in zip(np.zeros((10, 8, 32)), np.zeros((10, 8))):
        cost, _ = sess.run([loss, update], {x: xb, y: yb})`;
    const restored = await pythonFacts(
      GRAPH(`saved = [np.load('weights/part_{}.npy'.format(n)) for n in range(2)]
sess.run([p.assign(ip) for p, ip in zip(params, saved)])
${loop}`),
    );
    assert.match(oneFact(restored, 'model.fromScratch', false).detail, /np\.load/);
    noFact(await pythonFacts(GRAPH(loop)), 'model.fromScratch', false);
  });

  it('reads no training from a run outside a loop, or in a file that builds no gradients', async () => {
    noFact(await pythonFacts(GRAPH(`print(sess.run(loss, {x: np.zeros((8, 32)), y: np.zeros(8)}))`)), 'launch.trainer');
    const evaluation = `import numpy as np
import tensorflow as tf

x = tf.placeholder(tf.float32, [None, 32])
out = tf.layers.dense(x, 1)
sess = tf.Session()
sess.run(tf.global_variables_initializer())
for batch in np.zeros((10, 8, 32)):
    print(sess.run(out, {x: batch}))
`;
    noFact(await pythonFacts(evaluation), 'launch.trainer');
  });
});
