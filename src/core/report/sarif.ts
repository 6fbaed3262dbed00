import * as crypto from 'node:crypto';
import { SUGGESTION_KINDS, type SuggestionKind } from '../advise/suggest';
import type { CliRun } from './cliSchema';
import { signedCo2e } from './diffFormat';
import type { DiffOutput } from './diffSchema';
import { formatCo2e, formatEnergy } from './format';
import type { RunLocations, SourceLocation } from './locatedRun';

/**
 * SARIF 2.1.0 (OASIS, https://docs.oasis-open.org/sarif/sarif/v2.1.0/) for code
 * scanning and SARIF viewers: one result per run over the budget and one per
 * suggestion, on the line the editor's diagnostic uses, with the same codes
 * (`green-ai.<kind>`) as rule ids. The test suite validates the output against
 * the official JSON schema; the types below are the subset this file writes.
 */

export const SARIF_SCHEMA_URI =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const INFORMATION_URI = 'https://github.com/green-ai-tools/green-ai-vscode';

export const OVER_BUDGET_RULE = 'green-ai.over-budget';
export const NEEDS_INPUT_RULE = 'green-ai.needs-input';

interface SarifText {
  readonly text: string;
}

export interface SarifRegion {
  readonly startLine: number;
  readonly startColumn?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
}

export interface SarifPhysicalLocation {
  readonly artifactLocation: { readonly uri: string; readonly uriBaseId?: string };
  readonly region?: SarifRegion;
}

export interface SarifResult {
  readonly ruleId: string;
  readonly ruleIndex: number;
  readonly level: 'warning' | 'note';
  readonly message: SarifText;
  readonly locations: ReadonlyArray<{ readonly physicalLocation: SarifPhysicalLocation }>;
  readonly partialFingerprints: Readonly<Record<string, string>>;
  readonly properties: Readonly<Record<string, string | number | null>>;
  readonly fixes?: ReadonlyArray<{
    readonly description: SarifText;
    readonly artifactChanges: ReadonlyArray<{
      readonly artifactLocation: { readonly uri: string; readonly uriBaseId?: string };
      readonly replacements: ReadonlyArray<{
        readonly deletedRegion: SarifRegion;
        readonly insertedContent: SarifText;
      }>;
    }>;
  }>;
}

export interface SarifRule {
  readonly id: string;
  readonly name: string;
  readonly shortDescription: SarifText;
  readonly fullDescription: SarifText;
  readonly helpUri: string;
  readonly defaultConfiguration: { readonly level: 'warning' | 'note' };
  readonly properties: { readonly tags: readonly string[] };
}

export interface SarifLog {
  readonly $schema: string;
  readonly version: '2.1.0';
  readonly runs: ReadonlyArray<{
    readonly tool: {
      readonly driver: {
        readonly name: string;
        readonly version: string;
        readonly semanticVersion: string;
        readonly informationUri: string;
        readonly rules: readonly SarifRule[];
      };
    };
    readonly originalUriBaseIds?: Readonly<Record<string, { readonly uri: string }>>;
    readonly columnKind: 'utf16CodeUnits';
    readonly results: readonly SarifResult[];
  }>;
}

const RULE_TEXT: Record<SuggestionKind | 'over-budget' | 'needs-input', { name: string; short: string; full: string }> =
  {
    'over-budget': {
      name: 'RunOverBudget',
      short: 'Run over the CO2e budget',
      full: "The run's central CO2e estimate exceeds the budget set with --budget-kg or budgetKg in .greenai.json.",
    },
    'use-pretrained': {
      name: 'UsePretrainedWeights',
      short: 'Start from pretrained weights',
      full: 'The run trains from scratch a model that has published weights; fine-tuning them reaches the same accuracy with fewer iterations.',
    },
    peft: {
      name: 'ParameterEfficientFineTuning',
      short: 'Fine-tune with LoRA',
      full: 'A full fine-tune of a large model; LoRA trains a small fraction of the weights for comparable quality.',
    },
    'smaller-model': {
      name: 'SmallerModel',
      short: 'A smaller model of the same family',
      full: 'A smaller or distilled model of the same family, with the quality it gives up from its published benchmark.',
    },
    'mixed-precision': {
      name: 'MixedPrecision',
      short: 'Use mixed precision',
      full: 'The run trains in fp32/tf32 on hardware with faster bf16 or fp16 units.',
    },
    'early-stopping': {
      name: 'EarlyStopping',
      short: 'Stop early',
      full: 'A fine-tune over several epochs without early stopping; the saving shown is an upper bound.',
    },
    'greener-region': {
      name: 'LowerCarbonRegion',
      short: 'A lower-carbon region',
      full: 'A region whose electricity grid emits much less CO2e per kWh.',
    },
    'efficient-hardware': {
      name: 'EfficientHardware',
      short: 'More efficient hardware',
      full: 'An accelerator that does the same work for less energy.',
    },
    'quantize-inference': {
      name: 'QuantizedInference',
      short: 'Quantised inference',
      full: 'Serving with quantised weights uses less memory bandwidth and energy per token.',
    },
    'fewer-trials': {
      name: 'FewerTrials',
      short: 'Fewer trials',
      full: 'A sweep launches many runs; a smaller search often finds the same configuration.',
    },
    'continuous-batching': {
      name: 'ContinuousBatching',
      short: 'Serve with a continuous-batching server',
      full: 'An unbatched generate loop decodes one request at a time; a continuous-batching server (vLLM, TGI, SGLang) shares each weight read across many requests.',
    },
    'shorter-outputs': {
      name: 'ShorterOutputs',
      short: 'Generate shorter outputs',
      full: 'Decoding cost grows with the tokens generated per request; a lower max_tokens cap cuts energy per request.',
    },
    'batch-inputs': {
      name: 'BatchInputs',
      short: 'Batch the inputs',
      full: 'A plain loop running an image or policy network one input at a time is bound by launching its layers; batches of inputs cost about as much per pass as one.',
    },
    'fewer-denoising-steps': {
      name: 'FewerDenoisingSteps',
      short: 'Denoise in fewer steps',
      full: 'Each denoising step runs the diffusion model (twice with guidance); a multistep solver such as DPM-Solver++ reaches guided latent-diffusion images in 15 to 20 steps.',
    },
    'needs-input': {
      name: 'NeedsInput',
      short: 'An input is needed to estimate this run',
      full: 'An input the estimate needs could not be read: the model size (a command-line argument without a default, an id in no catalog; set it with a `# green-ai: params=` or `model=` directive), or the input size of an image model (`# green-ai: input_pixels=` or `forward_flops=`).',
    },
  };

const RULE_IDS = ['over-budget', 'needs-input', ...SUGGESTION_KINDS] as const;

export const SARIF_RULES: readonly SarifRule[] = RULE_IDS.map((kind) => ({
  id: `green-ai.${kind}`,
  name: RULE_TEXT[kind].name,
  shortDescription: { text: RULE_TEXT[kind].short },
  fullDescription: { text: RULE_TEXT[kind].full },
  helpUri: `${INFORMATION_URI}#suggestions`,
  defaultConfiguration: { level: kind === 'over-budget' || kind === 'needs-input' ? 'warning' : 'note' },
  properties: {
    tags: [
      'sustainability',
      'carbon',
      kind === 'over-budget' ? 'budget' : kind === 'needs-input' ? 'unknown' : 'suggestion',
    ],
  },
}));

/** A run to report, with where its deciding facts are and, in a diff, what the change did to it. */
export interface SarifRunInput {
  readonly cli: CliRun;
  readonly locations: RunLocations;
  /** 0-based position among its file's runs: keeps fingerprints of two runs in one file apart. */
  readonly index: number;
  /** Appended to every message about this run, e.g. "This change raises it from 1.1 kg (epochs 3 → 10)." */
  readonly note?: string;
}

export interface SarifOptions {
  readonly toolVersion: string;
  /** Budget per run in kg: runs above it get a warning. */
  readonly budgetKg?: number;
  /** Folder of the scanned tree inside the repository (e.g. "ml/"), prepended to every path so code scanning finds the file. */
  readonly uriPrefix?: string;
  /** Absolute file: URI of the scanned folder, recorded as SRCROOT for viewers outside a repository. */
  readonly srcRoot?: string;
}

function artifactUri(file: string, prefix: string): string {
  return `${prefix}${file}`.split('/').map(encodeURIComponent).join('/');
}

/** One line, as the editor's diagnostics: a run's range can span a whole config, its first line is where it starts. */
function region(l: SourceLocation): SarifRegion {
  // Without an end, a SARIF region runs to the end of its start line (SARIF 2.1.0 §3.30.7, §3.30.8).
  return l.endLine === l.startLine
    ? { startLine: l.startLine, startColumn: l.startColumn, endLine: l.endLine, endColumn: l.endColumn }
    : { startLine: l.startLine, startColumn: l.startColumn };
}

/** Notebook lines count within a cell, not the .ipynb file: such results point at the file only. */
function physical(l: SourceLocation, options: SarifOptions): SarifPhysicalLocation {
  const artifactLocation = {
    uri: artifactUri(l.file, options.uriPrefix ?? ''),
    ...(options.srcRoot ? { uriBaseId: 'SRCROOT' } : {}),
  };
  return l.cell === undefined ? { artifactLocation, region: region(l) } : { artifactLocation };
}

function cellNote(l: SourceLocation): string {
  return l.cell === undefined ? '' : ` (notebook cell ${l.cell + 1}, line ${l.startLine})`;
}

function fingerprint(parts: readonly (string | number | null)[]): string {
  return crypto.createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
}

function runSummary(run: CliRun): string {
  const e = run.estimate;
  const hw = `${run.hardware.count ?? '?'}× ${run.hardware.accelerator ?? 'unknown accelerator'}`;
  return `${formatCo2e(e.co2eKg)} CO2e (${formatCo2e(e.co2eKgLow)}–${formatCo2e(e.co2eKgHigh)}), ${formatEnergy(e.energyKWh)}; ${run.model.name ?? 'unknown model'} · ${run.training.mode} · ${hw}`;
}

/** The modelling inputs behind a suggestion are at the model load; the rest at the launch. */
function anchorFor(kind: SuggestionKind, l: RunLocations): SourceLocation | null {
  return kind === 'smaller-model' || kind === 'peft' || kind === 'use-pretrained' ? (l.model ?? l.launch) : l.launch;
}

export function runsToSarif(runs: readonly SarifRunInput[], options: SarifOptions): SarifLog {
  const results: SarifResult[] = [];
  const ruleIndex = (id: string) => SARIF_RULES.findIndex((r) => r.id === id);
  for (const { cli, locations, index, note } of runs) {
    const launch = locations.launch ?? locations.model ?? locations.size;
    if (!launch) continue;
    const tail = note ? ` ${note}` : '';
    const identity = [cli.file, index, cli.model.name, cli.training.mode];
    const co2e = cli.estimate.co2eKg;
    if (cli.incomplete) {
      // No estimate: say what is missing, where the model is, so a reviewer can set it.
      const at = locations.model ?? launch;
      results.push({
        ruleId: NEEDS_INPUT_RULE,
        ruleIndex: ruleIndex(NEEDS_INPUT_RULE),
        level: 'warning',
        message: {
          text: `This run cannot be estimated: ${(cli.missing ?? []).map((m) => `${m.detail}; to estimate it, ${m.howToSet}`).join(' ')}${cellNote(at)}.${tail}`,
        },
        locations: [{ physicalLocation: physical(at, options) }],
        partialFingerprints: { 'greenAiRun/v1': fingerprint([NEEDS_INPUT_RULE, ...identity]) },
        properties: { missing: (cli.missing ?? []).map((m) => m.field).join(', ') },
      });
      continue;
    }
    if (options.budgetKg !== undefined && co2e !== null && co2e > options.budgetKg) {
      results.push({
        ruleId: OVER_BUDGET_RULE,
        ruleIndex: ruleIndex(OVER_BUDGET_RULE),
        level: 'warning',
        message: {
          text: `This run's estimate is over the budget of ${formatCo2e(options.budgetKg)}: ${runSummary(cli)}${cellNote(launch)}.${tail}`,
        },
        locations: [{ physicalLocation: physical(launch, options) }],
        partialFingerprints: { 'greenAiRun/v1': fingerprint([OVER_BUDGET_RULE, ...identity]) },
        properties: {
          co2eKg: co2e,
          co2eKgLow: cli.estimate.co2eKgLow,
          co2eKgHigh: cli.estimate.co2eKgHigh,
          energyKWh: cli.estimate.energyKWh,
          budgetKg: options.budgetKg,
        },
      });
    }
    for (const s of cli.suggestions) {
      const at = anchorFor(s.kind, locations) ?? launch;
      const ruleId = `green-ai.${s.kind}`;
      const share = co2e && co2e > 0 ? ` (−${Math.round((s.co2eKgSaved / co2e) * 100)}%)` : '';
      const fix =
        s.fix && s.fix.edits.length > 0 && at.cell === undefined
          ? [
              {
                description: { text: s.fix.title },
                artifactChanges: [
                  {
                    artifactLocation: physical(at, options).artifactLocation,
                    replacements: s.fix.edits.map((e) => ({
                      deletedRegion: {
                        startLine: e.range.startLine,
                        startColumn: e.range.startColumn,
                        endLine: e.range.endLine,
                        endColumn: e.range.endColumn,
                      },
                      insertedContent: { text: e.newText },
                    })),
                  },
                ],
              },
            ]
          : undefined;
      results.push({
        ruleId,
        ruleIndex: ruleIndex(ruleId),
        level: 'note',
        message: {
          text: `${s.title}: saves ${formatCo2e(s.co2eKgSaved)} CO2e${share} of this run's ${runSummary(cli)}${cellNote(at)}. ${s.tradeoff.replace(/\.\s*$/, '')}.${tail}`,
        },
        locations: [{ physicalLocation: physical(at, options) }],
        partialFingerprints: { 'greenAiRun/v1': fingerprint([ruleId, ...identity]) },
        properties: { co2eKg: co2e, co2eKgSaved: s.co2eKgSaved },
        ...(fix ? { fixes: fix } : {}),
      });
    }
  }
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Green AI',
            version: options.toolVersion,
            semanticVersion: options.toolVersion,
            informationUri: INFORMATION_URI,
            rules: SARIF_RULES,
          },
        },
        ...(options.srcRoot
          ? {
              originalUriBaseIds: {
                SRCROOT: { uri: options.srcRoot.endsWith('/') ? options.srcRoot : `${options.srcRoot}/` },
              },
            }
          : {}),
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

/** The runs a change adds or changes, each message saying what the change did to it. */
export function diffToSarifInputs(diff: DiffOutput): SarifRunInput[] {
  const inputs: SarifRunInput[] = [];
  // Position among the head file's runs, as `report` counts it, so fingerprints agree between the two.
  const perFile = new Map<string, number>();
  const inHead = diff.changes
    .filter((c) => c.after !== null)
    .sort((a, b) => a.file.localeCompare(b.file) || a.after!.range.startLine - b.after!.range.startLine);
  for (const c of inHead) {
    const index = perFile.get(c.file) ?? 0;
    perFile.set(c.file, index + 1);
    if (c.status !== 'added' && c.status !== 'changed') continue;
    const reasons = c.why
      .filter((r) => !r.derived)
      .slice(0, 3)
      .map((r) => r.text)
      .join('; ');
    const note =
      c.status === 'added'
        ? 'This change adds the run.'
        : `This change takes it from ${formatCo2e(c.before!.estimate.co2eKg)} to ${formatCo2e(c.after!.estimate.co2eKg)} (${signedCo2e(c.co2eKgDelta)})${reasons ? `: ${reasons}` : ''}.`;
    inputs.push({ cli: c.after!, locations: c.locations, index, note });
  }
  return inputs;
}
