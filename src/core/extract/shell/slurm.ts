import type { FactKind, FactValue } from '../../facts';

/**
 * SLURM's resource options, as `#SBATCH` directives in a job script and as options of the `sbatch` command that
 * submits one (options on the command line override the script's directives: slurm.schedmd.com/sbatch.html).
 * `--nodes`/`-N` is the node count, `--gres=gpu[:type]:N` and `--gpus-per-node=[type:]N` the GPUs per node, and
 * `--gpus`/`-G` "the total number of GPUs required for the job" (sbatch's manual): already summed over the nodes,
 * so its fact's detail starts with SLURM_JOB_TOTAL and the resolver does not multiply it by `--nodes` again.
 */
/** How a job-wide GPU count (`--gpus`/`-G`) is worded: the whole job's accelerators, over all its nodes. */
export const SLURM_JOB_TOTAL = "the job's GPUs, all nodes";

export type SlurmSink = (kind: FactKind, value: FactValue, detail: string) => void;

/** Reads the resource options in `options` (the text after `#SBATCH`, or an sbatch command's words). */
export function readSlurmOptions(options: string, add: SlurmSink, prefix = '#SBATCH '): { tasksPerNode?: number } {
  let tasksPerNode: number | undefined;
  let perTask: { n: number; written: string } | undefined;
  let perNode = false;
  for (const m of options.matchAll(/(?:^|\s)--?([\w-]+)(?:[=\s]+([^\s-]\S*))?/g)) {
    const [, name, value] = m;
    // `--gpus-per-task=8` ("the number of GPUs required for the job on each task", sbatch's and srun's manuals):
    // times the tasks on a node, the node's GPUs (below, when no per-node or job-wide count is written).
    if (name === 'gpus-per-task' && value) {
      const n = Number(value.includes(':') ? value.split(':').pop() : value);
      if (Number.isInteger(n) && n > 0) perTask = { n, written: `${prefix}--gpus-per-task=${value}` };
      continue;
    }
    if ((name === 'nodes' || name === 'N') && Number(value) > 0)
      add('hardware.nodes', Number(value), `${prefix}--${name}=${value}`);
    else if (name === 'ntasks-per-node' && Number(value) > 0) tasksPerNode = Number(value);
    else if ((name === 'gpus-per-node' || name === 'gpus' || name === 'G') && value) {
      const [type, n] = value.includes(':') ? value.split(':') : [undefined, value];
      const total = name !== 'gpus-per-node' ? `${SLURM_JOB_TOTAL}: ` : '';
      if (Number(n) > 0) add('hardware.devices', Number(n), `${total}${prefix}--${name}=${value}`);
      perNode = true;
      if (type) add('hardware.accelerator', type, `${prefix}--${name}=${value}`);
    } else if (name === 'gres' && value?.startsWith('gpu')) {
      const parts = value.split(':');
      const n = Number(parts[parts.length - 1]);
      if (n > 0) add('hardware.devices', n, `${prefix}--gres=${value}`);
      perNode = true;
      if (parts.length === 3) add('hardware.accelerator', parts[1], `${prefix}--gres=${value}`);
    } else if (name === 'constraint' && value && /^[a-z]?\d{2,4}|^(a|h|v|l)\d+/i.test(value)) {
      add('hardware.accelerator', value.split(/[&|,]/)[0], `${prefix}--constraint=${value}`);
    }
  }
  if (perTask && !perNode)
    add(
      'hardware.devices',
      perTask.n * (tasksPerNode ?? 1),
      `${perTask.written}${tasksPerNode ? ` × --ntasks-per-node=${tasksPerNode}` : ''} GPUs a node`,
    );
  return { tasksPerNode };
}
