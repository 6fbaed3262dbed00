import type { Node } from 'web-tree-sitter';
import { keywordArgument } from '../../pythonValues';
import type { FileRule } from '../rules';

/**
 * A submitit launcher (the DeiT/DETR/MAE `submitit_*.py`, `run_with_submitit.py` shape): a program run as main
 * that builds `submitit.AutoExecutor(folder=...)`, sets the job's size with `executor.update_parameters(
 * gpus_per_node=..., nodes=...)` and submits the training program's main (`executor.submit(trainer)`). The
 * submission starts the run on the cluster; what it trains is the program it imports (`import main_pretrain as
 * trainer`, whose `get_args_parser()` is the launcher's parent parser and whose `main(args)` runs), so that module
 * is linked for its flag defaults and loop. The job's GPUs are `gpus_per_node` on each of `nodes` nodes, the
 * generic parameters of submitit's API reference (https://facebookincubator.github.io/submitit/api.html;
 * `slurm_`-prefixed ones are the same for Slurm only).
 */

/** The executor classes whose `submit` starts a job (submitit API reference). */
const EXECUTOR = /\b(?:AutoExecutor|SlurmExecutor)[ \t]*\(/;
const MAIN_GUARD = /__name__\s*==\s*["']__main__["']/;
/** `import main_pretrain as trainer` / `import main`, at column 0: a module of the program's own folder. */
const PLAIN_IMPORT = /^import[ \t]+([A-Za-z_]\w{0,100})(?:[ \t]+as[ \t]+([A-Za-z_]\w{0,100}))?[ \t]*(?:#[^\n]*)?$/gm;
/** The functions of the imported program a launcher uses: its flags and its main. */
const PROGRAM_USE = ['main', 'get_args_parser', 'get_parser', 'parse_args', 'train'];
/** Imports looked at per file: a launcher has a dozen. */
const MAX_IMPORTS = 40;

function firstKeyword(call: Node, names: readonly string[]): Node | null {
  const args = call.childForFieldName('arguments');
  if (!args) return null;
  for (const name of names) {
    const value = keywordArgument(args, name);
    if (value) return value;
  }
  return null;
}

export const submititLauncher: FileRule = {
  framework: 'submitit',
  phase: 'after-calls',
  words: ['AutoExecutor', 'SlurmExecutor', 'update_parameters', '.submit('],
  runStart: [EXECUTOR, /\.submit[ \t]*\(/, MAIN_GUARD],
  read: (index, ctx) => {
    if (!EXECUTOR.test(ctx.text) || !ctx.hasMainGuard) return;
    let submit: Node | undefined;
    let devices: Node | null = null;
    let nodes: Node | null = null;
    for (const call of index.calls) {
      const { last } = ctx.callee(call);
      if (last === 'submit' && !submit && call.childForFieldName('function')?.type === 'attribute') submit = call;
      if (last !== 'update_parameters') continue;
      devices ??= firstKeyword(call, ['gpus_per_node', 'slurm_gpus_per_node']);
      nodes ??= firstKeyword(call, ['nodes', 'slurm_nodes']);
    }
    if (!submit) return;
    const fn = submit.childForFieldName('function') ?? submit;
    ctx.add(
      'launch.trainer',
      'submitit',
      fn,
      `${ctx.callee(submit).full}(...) submits the job with submitit`,
      'medium',
    );
    if (devices) ctx.addResolved('hardware.devices', devices, 'GPUs per node of the submitit job');
    if (nodes) ctx.addResolved('hardware.nodes', nodes, 'nodes of the submitit job');
    // The program the job runs: an imported module whose main or flags the launcher uses.
    let looked = 0;
    for (const m of ctx.text.matchAll(PLAIN_IMPORT)) {
      if (++looked > MAX_IMPORTS || m[1] === 'submitit') continue;
      const local = m[2] ?? m[1];
      const uses = PROGRAM_USE.some((name) => ctx.text.includes(`${local}.${name}(`));
      if (!uses) continue;
      const row = ctx.text.slice(0, m.index).split('\n').length - 1;
      ctx.facts.push({
        kind: 'link.module',
        value: `${m[1]}.py`,
        range: { startLine: row, startCol: 0, endLine: row, endCol: m[0].length },
        confidence: 'low',
        detail: `the submitted job runs ${m[1]}.py (${local}.main / its flags)`,
      });
      return;
    }
  },
};
