import type { Node } from 'web-tree-sitter';
import type { PythonReadContext } from '../context';
import type { CallRule } from '../rules';

/**
 * A TensorFlow 1 graph program trains by running its update op in a session, step by step:
 * `grads = tf.gradients(loss, params)` (or `opt.minimize(loss)`, `opt.apply_gradients(...)`) builds the op, then
 * `for ...: cost, _ = sess.run([loss, train_op], feed_dict)` runs one optimizer step per call
 * (tensorflow.org/api_docs/python/tf/compat/v1/Session#run: "runs one step of TensorFlow computation"). A session
 * run in a loop of a file that builds gradients is the run's training loop; a file without gradients only evaluates
 * or exports (inference is other rules' to read).
 */

/** The file builds an update op from gradients. */
const BUILDS_GRADIENTS = /\btf\.gradients[ \t]*\(|\.minimize[ \t]*\(|\.apply_gradients[ \t]*\(/;
/** A session is opened (`tf.Session(...)`, `tf.compat.v1.Session()`, `tf.InteractiveSession()`). */
const OPENS_SESSION = /\b(?:Interactive)?Session[ \t]*\(/;
/** A session object's name: `sess`, `session`, `self.sess`, `train_sess`. */
const SESSION_NAME = /^(?:self\.)?\w{0,20}sess(?:ion)?$/i;
/**
 * Variables given saved weights before training: `sess.run([p.assign(ip) for p, ip in zip(params, init_params)])`
 * with the arrays read by `np.load` (GPT-1's fine-tuning starts from the released `params_*.npy` this way). Bounded to
 * one line.
 */
const ASSIGNS_WEIGHTS = /\bsess(?:ion)?\.run[ \t]*\([^\n]{0,200}\.assign[ \t]*\(/;
const LOADS_ARRAYS = /\b(?:np|numpy)\.load[ \t]*\(/;
/** Enclosing statements climbed to find the loop the call runs in. */
const MAX_CLIMB = 30;

function inALoop(node: Node): boolean {
  let at: Node | null = node.parent;
  for (let up = 0; at && up < MAX_CLIMB; up++, at = at.parent) {
    if (at.type === 'for_statement' || at.type === 'while_statement') return true;
    if (at.type === 'function_definition' || at.type === 'class_definition' || at.type === 'module') return false;
  }
  return false;
}

/** Whether the file opens a session and builds gradients, tested once per file however many `run` calls ask. */
const GRAPH_TRAINS = new WeakMap<PythonReadContext, boolean>();
function buildsAGraphToTrain(ctx: PythonReadContext): boolean {
  let known = GRAPH_TRAINS.get(ctx);
  if (known === undefined)
    GRAPH_TRAINS.set(ctx, (known = OPENS_SESSION.test(ctx.text) && BUILDS_GRADIENTS.test(ctx.text)));
  return known;
}

export const tfSessionTraining: CallRule = {
  framework: 'tensorflow',
  callees: ['run'],
  words: ['Session'],
  runStart: [OPENS_SESSION, BUILDS_GRADIENTS, /\bsess(?:ion)?\.run[ \t]*\(/i],
  when: ({ full, ctx }) => {
    const receiver = full.slice(0, -'.run'.length);
    return full.endsWith('.run') && SESSION_NAME.test(receiver) && buildsAGraphToTrain(ctx);
  },
  read: ({ node, full, ctx }) => {
    if (!inALoop(node)) return false;
    if (ctx.facts.some((f) => f.kind === 'launch.trainer')) return;
    ctx.add(
      'launch.trainer',
      full,
      node.childForFieldName('function') ?? node,
      `${full}(...) in a loop of a TensorFlow 1 graph that builds gradients: each call runs a training step`,
      'medium',
    );
    const assigned = ASSIGNS_WEIGHTS.exec(ctx.text);
    if (assigned && LOADS_ARRAYS.test(ctx.text) && !ctx.facts.some((f) => f.kind === 'model.fromScratch')) {
      const row = ctx.text.slice(0, assigned.index).split('\n').length - 1;
      ctx.facts.push({
        kind: 'model.fromScratch',
        value: false,
        range: { startLine: row, startCol: 0, endLine: row, endCol: 0 },
        confidence: 'medium',
        detail:
          'the graph variables are assigned weights loaded from saved arrays (np.load) in the session: training starts from them',
      });
    }
  },
};
