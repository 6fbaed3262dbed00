import type { AnalyzedRun } from '../analyze';
import { estimateRun, type InferenceEstimate } from '../estimate/estimateRun';
import { completeRun, type ResolvedRun } from '../resolve/completeRun';
import type { EstimateSettings } from '../runSpec';
import { formatCo2e, formatEnergy, requestWord, sig } from './format';
import type { PanelViewModel } from './panelMessages';

/**
 * The deployment view of an inference run: per request, per 1,000 requests, per day and per deployment, and a
 * year of serving set beside the training of the model, with the day serving overtakes it.
 */

export interface TrainingReference {
  readonly label: string;
  readonly co2eKg: number;
  readonly source: string;
}

/** Tokens per parameter of a compute-optimal training run, used when no training run of the model is known. */
export const CHINCHILLA_TOKENS_PER_PARAM = {
  value: 20,
  source:
    'Hoffmann et al. 2022 ("Chinchilla"), arXiv:2203.15556: compute-optimal training uses about 20 tokens per parameter; many released models train on far more, so this is a lower bound',
};

/**
 * When the workspace holds no training run of the served model: pre-training it compute-optimally on the same
 * accelerators, estimated by the same model (a lower bound: released models often train on many more tokens).
 */
export function pretrainingReference(run: ResolvedRun, settings: EstimateSettings): TrainingReference | null {
  // Compute-optimal tokens describe a token model's training; an image or policy network's is not measured in them.
  if (!run.inference || run.inference.forwardPass) return null;
  const spec = {
    model: { name: run.spec.model.name, params: run.model.params, activeParams: run.model.activeParams },
    training: {
      mode: 'pretrain' as const,
      tokens: CHINCHILLA_TOKENS_PER_PARAM.value * run.model.params,
      framework: 'spec' as const,
    },
    hardware: {
      accelerator: run.hardware.accelerator.id,
      count: Math.max(8, run.hardware.count),
      region: run.hardware.region.id,
    },
    datacenter: { pue: run.datacenter.pue, intensityGPerKWh: run.datacenter.intensityGPerKWh },
  };
  try {
    const e = estimateRun(completeRun(spec, settings));
    return {
      label: `Pre-training ${run.model.name ?? 'this model'} (${sig(spec.training.tokens / 1e9)}B tokens)`,
      co2eKg: e.co2eKg,
      source: `${CHINCHILLA_TOKENS_PER_PARAM.source}; same accelerator type, grid and PUE, estimated by the same model`,
    };
  } catch {
    return null;
  }
}

const perDayOf = (inf: InferenceEstimate) => inf.perDay;

type ForwardServing = NonNullable<NonNullable<AnalyzedRun['estimate']['inference']>['forwardPass']>;

/** What one input costs: a forward pass, or a diffusion pipeline's image (its denoising steps and decoder). */
function forwardWork(pass: ForwardServing): string {
  return pass.denoisingSteps !== undefined
    ? `${sig(pass.denoisingSteps)} denoising steps and the decoder, ${sig(pass.gflopsPerInput)} GFLOPs per image`
    : `one forward pass of ${sig(pass.gflopsPerInput)} GFLOPs per input`;
}

/** "image(s)" for a diffusion pipeline's outputs, "input(s)" otherwise. */
function inputWord(pass: ForwardServing, n: number): string {
  const word = pass.denoisingSteps !== undefined ? 'image' : 'input';
  return n >= 1.5 ? `${word}s` : word;
}

export function deploymentBlock(
  analyzed: AnalyzedRun,
  training: TrainingReference | null,
): NonNullable<PanelViewModel['deployment']> | null {
  const { run, estimate } = analyzed;
  const inf = estimate.inference;
  if (!run.inference || !inf) return null;
  const figures: NonNullable<PanelViewModel['deployment']>['figures'] = [
    {
      label: `Per ${requestWord(inf)}`,
      value: `${formatEnergy(inf.perRequest.energyWh / 1000)} · ${formatCo2e(inf.perRequest.co2eG / 1000)} CO2e`,
      detail: `range ${formatEnergy(inf.perRequest.energyWhLow / 1000)}–${formatEnergy(inf.perRequest.energyWhHigh / 1000)}; ${inf.forwardPass ? forwardWork(inf.forwardPass) : `${sig(run.inference.inputTokens)} prompt + ${sig(run.inference.outputTokens)} generated tokens${run.inference.numSequences > 1 ? ` × ${run.inference.numSequences} sequences` : ''}`}${inf.perDay ? ', idle time between requests included' : ''}`,
    },
    {
      label: `Per 1,000 ${requestWord(inf)}s`,
      value: `${formatEnergy(inf.per1kRequests.energyKWh)} · ${formatCo2e(inf.per1kRequests.co2eKg)} CO2e`,
      detail: 'central estimate, host and datacenter overhead included',
    },
  ];
  const day = perDayOf(inf);
  if (day) {
    figures.push({
      label: 'Per day of service',
      value: `${formatEnergy(day.energyKWh)} · ${formatCo2e(day.co2eKg)} CO2e`,
      detail: `${Math.round(day.requests).toLocaleString('en-US')} requests; accelerators busy ${Math.round(day.busyShare * 100)}% of the day${day.idleEnergyKWh > 0 ? `, ${formatEnergy(day.idleEnergyKWh)} of it idle power` : ''}`,
    });
  }
  if (inf.deployment) {
    figures.push({
      label: `Deployment (${sig(inf.deployment.days)} days)`,
      value: `${formatEnergy(inf.deployment.energyKWh)} · ${formatCo2e(inf.deployment.co2eKg)} CO2e`,
      detail: `${Math.round(inf.deployment.requests).toLocaleString('en-US')} requests`,
    });
  }
  const notes: string[] = [
    inf.forwardPass
      ? `${inf.engine}: batches of ${sig(inf.forwardPass.batch)} ${inputWord(inf.forwardPass, inf.forwardPass.batch)} (configured ${sig(inf.configuredConcurrency)}), ${sig(inf.forwardPass.stepMs)} ms a batch, ${inf.regime}; ${sig(inf.forwardPass.inputsPerSecond)} ${inputWord(inf.forwardPass, 2)}/s in all`
      : `${inf.engine}: ${sig(inf.concurrency)} sequence${inf.concurrency >= 1.5 ? 's' : ''} in flight per replica (configured ${sig(inf.configuredConcurrency)}), ${inf.devicesPerReplica} device${inf.devicesPerReplica > 1 ? 's' : ''} per replica × ${inf.replicas}; decode is ${inf.regime}; ${sig(inf.outputTokensPerSecond)} generated tokens/s in all`,
  ];
  if (run.inference.server && !day)
    notes.push(
      `A continuous-batching server reaches ${sig(inf.configuredConcurrency)} sequences in flight only under load; set requests per day to see a lighter load and its idle time.`,
    );
  if (!inf.fits)
    notes.push(
      `The weights do not fit on ${run.hardware.count} × ${run.hardware.accelerator.id}: the estimate assumes they do (offloading would be slower).`,
    );
  if (day?.overloaded)
    notes.push(
      `At ${Math.round(day.requests).toLocaleString('en-US')} requests a day these accelerators are saturated: the figures count the extra accelerator time such a load needs.`,
    );

  let comparison: NonNullable<PanelViewModel['deployment']>['comparison'] = null;
  if (training) {
    const yearCo2 = day ? day.co2eKg * 365 : null;
    const breakEvenDays = day && day.co2eKg > 0 ? training.co2eKg / day.co2eKg : null;
    comparison = {
      trainingLabel: training.label,
      trainingCo2eKg: training.co2eKg,
      trainingSource: training.source,
      servingLabel: day
        ? `A year of serving (${Math.round(day.requests).toLocaleString('en-US')} requests/day)`
        : 'A year of serving (set requests per day)',
      servingCo2eKg: yearCo2 ?? 0,
      breakEven:
        breakEvenDays === null
          ? 'Set requests per day to see when serving overtakes training.'
          : breakEvenDays <= 365
            ? `Serving overtakes training after ${sig(breakEvenDays)} days.`
            : `Serving would overtake training after ${sig(breakEvenDays / 365)} years at this load.`,
      breakEvenDays,
    };
  }
  return { figures, notes, comparison };
}
