import type { AnalyzedRun } from '../analyze';
import { estimateRun } from '../estimate/estimateRun';
import { completeRun } from '../resolve/completeRun';
import type { EstimateSettings, Overrides, RunSpec } from '../runSpec';
import { suggestImprovements } from './suggest';

/**
 * What-if: the same run with inputs the user changed in the panel, re-estimated by
 * the same model. The code is untouched; "reset" is simply the run without changes.
 */

export interface WhatIfChanges {
  readonly accelerator?: string;
  readonly count?: number;
  readonly region?: string;
  readonly pue?: number;
  readonly mfu?: number;
  readonly epochs?: number;
  readonly steps?: number;
  readonly tokens?: number;
  readonly precision?: RunSpec['training']['precision'];
  readonly model?: string;
  readonly requestsPerDay?: number;
  readonly days?: number;
  readonly concurrency?: number;
  readonly outputTokens?: number;
}

const SERVING_CHANGES = ['requestsPerDay', 'days', 'concurrency', 'outputTokens'] as const;

export function applyWhatIf(run: AnalyzedRun, changes: WhatIfChanges, settings: EstimateSettings): AnalyzedRun {
  const serving = SERVING_CHANGES.filter((k) => changes[k] !== undefined);
  const spec: RunSpec = {
    ...run.run.spec,
    ...(serving.length > 0
      ? { inference: { ...(run.run.spec.inference ?? {}), ...Object.fromEntries(serving.map((k) => [k, changes[k]])) } }
      : {}),
    model: changes.model ? { name: changes.model } : run.run.spec.model,
    training: {
      ...run.run.spec.training,
      ...(changes.epochs !== undefined
        ? { epochs: changes.epochs, steps: undefined, tokens: undefined, samples: undefined }
        : {}),
      ...(changes.steps !== undefined
        ? { steps: changes.steps, epochs: changes.epochs, tokens: undefined, samples: undefined }
        : {}),
      ...(changes.tokens !== undefined ? { tokens: changes.tokens } : {}),
      ...(changes.precision ? { precision: changes.precision } : {}),
    },
  };
  const overrides: Overrides = {
    accelerator: changes.accelerator,
    count: changes.count,
    region: changes.region,
    pue: changes.pue,
    mfu: changes.mfu,
  };
  // The code's own facts stay as assumptions, except those a change replaces.
  const replaced = new Set<string>([
    ...(changes.epochs !== undefined ? ['training.epochs', 'training.steps'] : []),
    ...(changes.steps !== undefined ? ['training.steps'] : []),
    ...(changes.tokens !== undefined ? ['training.tokens'] : []),
    ...(changes.precision ? ['training.precision'] : []),
    ...(changes.model
      ? [
          'model.name',
          'model.params',
          'model.layers',
          'model.hiddenSize',
          'model.vocabSize',
          'model.forwardFlopsPerSample',
        ]
      : []),
    ...serving.map((k) => `inference.${k}`),
    ...(serving.includes('requestsPerDay') || serving.includes('days') ? ['inference.requests'] : []),
  ]);
  const kept = run.run.assumptions.filter(
    (a) => (a.source === 'code' || a.source === 'config' || a.source === 'directive') && !replaced.has(a.field),
  );
  const changedAssumptions = [
    ...(changes.epochs !== undefined
      ? [
          {
            field: 'training.epochs',
            value: changes.epochs,
            source: 'override' as const,
            detail: 'what-if in the panel',
          },
        ]
      : []),
    ...(changes.steps !== undefined
      ? [{ field: 'training.steps', value: changes.steps, source: 'override' as const, detail: 'what-if in the panel' }]
      : []),
    ...(changes.tokens !== undefined
      ? [
          {
            field: 'training.tokens',
            value: changes.tokens,
            source: 'override' as const,
            detail: 'what-if in the panel',
          },
        ]
      : []),
    ...(changes.precision
      ? [
          {
            field: 'training.precision',
            value: changes.precision,
            source: 'override' as const,
            detail: 'what-if in the panel',
          },
        ]
      : []),
    ...(changes.model
      ? [{ field: 'model.name', value: changes.model, source: 'override' as const, detail: 'what-if in the panel' }]
      : []),
    ...serving.map((k) => ({
      field: `inference.${k}`,
      value: changes[k] as number,
      source: 'override' as const,
      detail: 'what-if in the panel',
    })),
  ];
  const resolved = completeRun(spec, settings, overrides, {
    origin: 'code',
    assumptions: [...changedAssumptions, ...kept],
    unknowns: run.run.unknowns,
  });
  const estimate = estimateRun(resolved);
  const suggestions = suggestImprovements(resolved, estimate.co2eKg, settings, overrides);
  return { range: run.range, anchors: run.anchors, run: resolved, estimate, suggestions };
}
