import type { Fact } from '../../facts';
import { postTrainingMethod } from '../shell/launchers';

/**
 * What a training script's own file name says, as a launch line's program name says it (shell/launchers.ts
 * postTrainingMethod): a script named for SFT, preference optimisation or RL from feedback (`train_ppo_ray.py`,
 * `train_dpo.py`) starts from a pretrained model. Only read when the code trains and says nothing itself about
 * where its weights come from (the actor is often a flag without a default).
 */
export function programNameFacts(path: string, facts: readonly Fact[]): Fact[] {
  if (!facts.some((f) => f.kind === 'launch.trainer')) return [];
  if (facts.some((f) => f.kind === 'model.fromScratch' || f.kind === 'training.mode')) return [];
  const script = /[^/\\]+$/.exec(path)?.[0];
  const method = script?.endsWith('.py') ? postTrainingMethod({ script }) : undefined;
  if (!method) return [];
  return [
    {
      kind: 'model.fromScratch',
      value: false,
      range: { startLine: 0, startCol: 0, endLine: 0, endCol: 0 },
      confidence: 'low',
      detail: method,
    },
  ];
}
