import type { CallRule } from '../rules';

/**
 * A Python program that submits a SLURM batch job (`subprocess.run(["sbatch", script_path])`,
 * `subprocess.check_output(["sbatch", *args, f.name])`): a launcher written in Python, whose job script it
 * usually writes itself from its flags. The submission starts the run; what the job trains is what the
 * program's own code states (its config objects, flag defaults). Only a command given as a list whose first
 * word is `sbatch`, in a program run as main.
 */
const SUBPROCESS_CALL = /^subprocess\.(?:run|call|check_call|check_output|Popen)$/;

export const slurmSubmission: CallRule = {
  framework: 'slurm',
  callees: ['run', 'call', 'check_call', 'check_output', 'Popen'],
  runStart: [/\[\s*["']sbatch["']/, /__name__\s*==\s*["']__main__["']/],
  when: ({ node, full }) => {
    if (!SUBPROCESS_CALL.test(full)) return false;
    const first = node.childForFieldName('arguments')?.namedChildren[0];
    return first?.type === 'list' && /^\[\s*["']sbatch["']/.test(first.text);
  },
  read: ({ node, full, ctx }) => {
    if (!ctx.hasMainGuard) return false;
    ctx.add(
      'launch.trainer',
      // Not the shell's `sbatch` launcher (a run only through the job script it names): this program writes its job.
      'sbatch-from-python',
      node.childForFieldName('function') ?? node,
      `${full}(["sbatch", ...]) submits a SLURM job`,
      'medium',
    );
  },
};
