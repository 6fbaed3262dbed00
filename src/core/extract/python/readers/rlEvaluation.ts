import { startsARun, type Fact } from '../../../facts';
import { simulatedEnvironment } from '../rlEnvironment';
import { gatedTest } from '../requiredLiterals';
import type { FileRule } from '../rules';

/**
 * Evaluation of a trained reinforcement-learning agent (the "enjoy"/eval programs RL libraries ship: Stable-Baselines3
 * zoo's enjoy.py, CleanRL's evals): run as main, it fetches the agent's trained weights (`hf_hub_download(...)`,
 * `torch.load(...)`, `load_state_dict(...)`, Flax `from_bytes(...)`) and plays episodes in simulated environments
 * (rlEnvironment.ts, or the `make_env` factory Gym-style code builds them with), with nothing trained (no backward
 * pass, no optimizer step): an inference run. The agent's network and size are the training script's, left to it.
 */
const RUNS_AS_MAIN = /^if[ \t]+__name__[ \t]*==[ \t]*["']__main__["'][ \t]*:/m;
const LOADS_AGENT = /\b(?:hf_hub_download|load_state_dict|from_bytes)[ \t]*\(|\btorch\.load[ \t]*\(/;
const MAY_LOAD_AGENT = gatedTest(LOADS_AGENT);
const MAKE_ENV = /\bmake_env\b/;
const IMPORT_WITH_MAKE_ENV =
  /^[ \t]*from[ \t]+([\w.]{1,200})[ \t]+import[ \t]+([\w, \t]{0,400}\bmake_env\b[\w, \t]{0,400})$/m;
const TRAINS = /\.backward[ \t]*\(|\b\w{0,40}optim\w{0,40}\.step[ \t]*\(|\boptax\.\w|\bapply_gradients[ \t]*\(/;

export const rlAgentEvaluation: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  words: ['make_env', 'hf_hub_download', 'load_state_dict'],
  runStart: [
    /\bmake_env\b|\b(?:gym|gymnasium|envpool)\.|ProcgenEnv/,
    /hf_hub_download|load_state_dict|from_bytes|torch\.load/,
  ],
  read: (_index, ctx) => {
    const text = ctx.text;
    // Every condition is required; the rare ones are tested first and the scan for training (a pattern V8 tries at
    // every position of a long script) last, so a training script in the editor pays for it only when it evaluates.
    if (!MAY_LOAD_AGENT(text)) return;
    const main = RUNS_AS_MAIN.exec(text);
    const load = main ? LOADS_AGENT.exec(text.slice(main.index)) : null;
    if (!main || !load) return;
    const environment = simulatedEnvironment(text) ?? MAKE_ENV.exec(text)?.[0];
    if (!environment || TRAINS.test(text)) return;
    const row = text.slice(0, main.index + load.index).split('\n').length - 1;
    const range: Fact['range'] = { startLine: row, startCol: 0, endLine: row, endCol: 0 };
    const started = ctx.facts.some(startsARun);
    // `from pkg.td3 import Actor, QNetwork, make_env`: the network classes imported beside the environment factory
    // from the training script are the agent evaluated.
    const imported = IMPORT_WITH_MAKE_ENV.exec(text.slice(main.index));
    const classes = imported?.[2]
      .split(',')
      .map((w) => w.trim())
      .filter((w) => /^[A-Z]\w{0,60}$/.test(w))
      .slice(0, 4);
    if (imported && classes && classes.length > 0 && !ctx.facts.some((f) => f.kind === 'model.id' && f.value)) {
      const at = text.slice(0, main.index + imported.index).split('\n').length - 1;
      ctx.facts.push({
        kind: 'model.id',
        value: classes.join(' + '),
        range: { startLine: at, startCol: 0, endLine: at, endCol: 0 },
        confidence: 'low',
        detail: `the network class${classes.length > 1 ? 'es' : ''} imported beside make_env from ${imported[1]}: the agent evaluated`,
      });
    }
    if (started) return;
    ctx.facts.push({
      kind: 'launch.inference',
      value: 'rl-evaluation',
      range,
      confidence: 'medium',
      detail: `the main block loads a trained agent (\`${load[0].replace(/[ \t]*\($/, '')}\`) and plays it in environments built with \`${environment.replace(/[ \t]*\($/, '')}\`, training nothing: an evaluation (inference)`,
    });
  },
};
