import * as assert from 'node:assert/strict';
import { analyzeText, type LinkedFileReader } from '../../src/core/analyze';
import { DEFAULT_SETTINGS } from '../../src/core/runSpec';
import { parsing } from './helpers';

/** A reader over a map of files, by the reference as written (include paths are from the root). */
function filesReader(files: Record<string, string>): LinkedFileReader {
  return (_from, reference) =>
    files[reference] !== undefined
      ? { path: `/repo/${reference}`, display: reference, text: files[reference] }
      : undefined;
}

const AGENT_RUN = `import envs.arcade
QAgent.learn_every = 4
make_agent.agent_name = 'q_agent'
Runner.num_iterations = 50
Runner.training_steps = 250_000  # environment frames
`;

describe('gin runs of any gin program (round 28)', () => {
  it('reads an agent run: the agent named to its factory, from scratch; runner frames are not optimizer steps', async () => {
    const python = await parsing();
    const a = analyzeText({ path: '/repo/agent.gin', text: AGENT_RUN }, python, DEFAULT_SETTINGS);
    assert.equal(a.runs.length, 1);
    const run = a.runs[0].run;
    assert.equal(run.model.name, 'q_agent');
    assert.equal(run.mode, 'pretrain');
    assert.equal(run.training.steps ?? null, null);
  });

  it('lets the including file rebind the agent (the last binding wins)', async () => {
    const python = await parsing();
    const text = "include 'cfg/agent.gin'\nmake_agent.agent_name = 'pruned_agent'\nRunner.num_iterations = 10\n";
    const a = analyzeText(
      { path: '/repo/lab.gin', text },
      python,
      DEFAULT_SETTINGS,
      {},
      filesReader({ 'cfg/agent.gin': AGENT_RUN }),
    );
    assert.equal(a.runs.length, 1);
    assert.equal(a.runs[0].run.model.name, 'pruned_agent');
  });

  it('reads anneal_steps as the length only when the same configurable switches annealing on', async () => {
    const python = await parsing();
    const on = `${AGENT_RUN}make_opt.anneal_learning_rate = True\nmake_opt.anneal_steps = 9_000\n`;
    const off = `${AGENT_RUN}make_opt.anneal_learning_rate = False\nmake_opt.anneal_steps = 9_000\n`;
    assert.equal(
      analyzeText({ path: '/repo/on.gin', text: on }, python, DEFAULT_SETTINGS).runs[0].run.training.steps,
      9000,
    );
    assert.equal(
      analyzeText({ path: '/repo/off.gin', text: off }, python, DEFAULT_SETTINGS).runs[0].run.training.steps ?? null,
      null,
    );
  });

  it('reads a model bound to a train function, its steps and a dtype given as a reference', async () => {
    const python = await parsing();
    const text = 'train.model = @lib.models.Seq2Seq\ntrain.steps = 30_000\nSeq2Seq.dtype = @jnp.bfloat16\n';
    const a = analyzeText({ path: '/repo/lm.gin', text }, python, DEFAULT_SETTINGS);
    assert.equal(a.runs.length, 1);
    const run = a.runs[0].run;
    assert.equal(run.model.name, 'Seq2Seq');
    assert.equal(run.training.steps, 30000);
    assert.equal(run.training.precision, 'bf16');
  });

  it('lists no run for fragments: hyper-parameters without a length, a length without a model, a required model', async () => {
    const python = await parsing();
    for (const text of [
      'QAgent.gamma = 0.99\nQAgent.learn_every = 4\n',
      'Runner.num_iterations = 10\nRunner.training_steps = 1000\n',
      'train.model = %MODEL\nMODEL = %gin.REQUIRED\ntrain.steps = %STEPS\nSTEPS = 100\n',
    ])
      assert.equal(analyzeText({ path: '/repo/frag.gin', text }, python, DEFAULT_SETTINGS).runs.length, 0, text);
  });
});
