import { evaluate, keywordArgument } from '../../pythonValues';
import type { CallRule } from '../rules';

/** CodeCarbon measures this run; its project name ties the emissions.csv rows to this code. */
export const emissionsTracker: CallRule = {
  framework: 'codecarbon',
  callees: ['EmissionsTracker', 'OfflineEmissionsTracker', 'track_emissions'],
  read: ({ node, last, ctx }) => {
    const args = node.childForFieldName('arguments');
    const name = args ? keywordArgument(args, 'project_name') : null;
    const r = name ? evaluate(name, ctx.symbols) : undefined;
    if (typeof r?.value === 'string') ctx.add('tracking.project', r.value, name!, `${last}(project_name="${r.value}")`);
  },
};
