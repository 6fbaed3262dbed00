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

/**
 * A launcher that submits a job object of its own class (DINOv2's `dinov2/run/eval/linear.py`): the class's
 * `__call__` imports a program's `main` and runs it (`from pkg.eval.linear import main as linear_main` …
 * `linear_main(self.args)`), and the program run as main hands the class to a submitting helper
 * (`submit_jobs(Evaluator, args, name=...)`, `executor.submit(Trainer(args))`). The job runs that program: its module
 * is linked (what it trains or evaluates is this launch's run), as for a submitted main above. The job's size is
 * read from the flags the launcher declares (`--ngpus`, `--nodes` of a shared argument parser it links).
 */
/** The detail a submitted job's link starts with (resolve/entryPoint.ts: such a launcher is no package module). */
export const SUBMITTED_JOB_LINK = 'the submitted job (';
const CALL_METHOD = /^[ \t]+def[ \t]+__call__[ \t]*\(/m;
const IMPORTED_MAIN =
  /^[ \t]+from[ \t]+([A-Za-z_]\w{0,60}(?:\.[A-Za-z_]\w{0,60}){1,6})[ \t]+import[ \t]+main(?:[ \t]+as[ \t]+([A-Za-z_]\w{0,60}))?[ \t]*$/m;
/** Job classes looked at per file (a launcher defines one or two). */
const MAX_JOB_CLASSES = 8;

export const submittedJobClass: FileRule = {
  framework: 'submitit',
  phase: 'after-calls',
  words: ['__call__'],
  runStart: [CALL_METHOD, /\bsubmit\w{0,20}[ \t]*\(/, MAIN_GUARD],
  read: (index, ctx) => {
    if (!ctx.hasMainGuard) return;
    for (const cls of index.classes.slice(0, MAX_JOB_CLASSES)) {
      if (cls.startPosition.column !== 0) continue;
      const name = cls.childForFieldName('name')?.text;
      const body = cls.text;
      if (!name || !/^\w{1,60}$/.test(name) || !CALL_METHOD.test(body)) continue;
      const imported = IMPORTED_MAIN.exec(body);
      const alias = imported?.[2] ?? 'main';
      if (!imported || !new RegExp(`\\b${alias}[ \\t]*\\(`).test(body.slice(imported.index + imported[0].length)))
        continue;
      // The class (or an instance of it) handed to a submitting call.
      const submitted = new RegExp(`\\bsubmit\\w{0,20}[ \\t]*\\([ \\t]*${name}\\b`).exec(ctx.text);
      if (!submitted) continue;
      const row = ctx.text.slice(0, submitted.index).split('\n').length - 1;
      const file = `${imported[1].replace(/\./g, '/')}.py`;
      ctx.facts.push({
        kind: 'link.module',
        value: file,
        range: { startLine: row, startCol: 0, endLine: row, endCol: submitted[0].length },
        confidence: 'low',
        detail: `${SUBMITTED_JOB_LINK}${name}) runs ${imported[1]}.main`,
      });
      return;
    }
  },
};
