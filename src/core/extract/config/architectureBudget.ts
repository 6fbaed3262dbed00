import type { ConfigDoc, ConfigValue, FactSink } from './dialect';

/**
 * The fallback for configs no dialect claims: a YAML/JSON file that writes a whole architecture
 * (a layer count and a hidden size) and how long to train it is a run's definition, whatever
 * trainer reads it (home-grown pre-training repos, forks of known frameworks, research code).
 *
 * The generic key table already reads `max_steps`/`epochs`-style budgets; this adds the budget
 * names it leaves out because elsewhere they are scheduler or sampler settings (`train_steps`,
 * `total_steps`, `num_iterations`) and token budgets (`train_tokens`), but only here, where the
 * file sizes a model, only outside sections that configure something else (a scheduler, an
 * optimizer, evaluation, generation, logging), and only when the file states one budget of a kind
 * (two different `total_steps` are a scheduler's and a run's: which is which is not said).
 */

const STEP_NAMES = new Set([
  'train_steps',
  'num_train_steps',
  'total_train_steps',
  'training_steps',
  'total_steps',
  'num_steps',
  'n_steps',
  'num_iterations',
  'max_iterations',
  'train_iterations',
  'total_iters',
  'num_iters',
]);
const TOKEN_NAMES = new Set([
  'train_tokens',
  'num_train_tokens',
  'total_train_tokens',
  'training_tokens',
  'max_train_tokens',
  'token_budget',
  'tokens_budget',
]);
/** Words of a section name (any segment of the key's path) whose lengths are not the run's. */
const OTHER_PURPOSE_PREFIX = /^(sched|optim|eval|valid|test|generat|log|checkpoint|profil|distill|sampl|diffus)/;
const OTHER_PURPOSE_WORDS = new Set([
  'lr',
  'learning',
  'warmup',
  'decay',
  'noise',
  'val',
  'inference',
  'save',
  'ema',
  'teacher',
]);
function configuresSomethingElse(section: string): boolean {
  // Word by word, each test anchored: linear however long a hostile key is.
  return section
    .toLowerCase()
    .split(/[_\-\s]+/)
    .some((w) => OTHER_PURPOSE_WORDS.has(w) || OTHER_PURPOSE_PREFIX.test(w));
}

type Budget = { kind: 'training.steps' | 'training.tokens'; at: ConfigValue; value: number };

export function readArchitectureBudget(doc: ConfigDoc, out: FactSink): void {
  const stated = (kind: 'model.layers' | 'model.hiddenSize' | 'training.steps' | 'training.epochs') =>
    out.facts.some((f) => f.kind === kind && typeof f.value === 'number' && f.value > 0);
  if (!stated('model.layers') || !stated('model.hiddenSize')) return;
  if (stated('training.steps') || stated('training.epochs')) return;
  const found: Budget[] = [];
  for (const v of doc.walk()) {
    if (v.shape !== 'scalar') continue;
    const kind = STEP_NAMES.has(v.key) ? 'training.steps' : TOKEN_NAMES.has(v.key) ? 'training.tokens' : undefined;
    if (!kind) continue;
    const sections = v.path.split('.').slice(0, -1);
    if (sections.some(configuresSomethingElse)) continue;
    const n = typeof v.value === 'number' ? v.value : typeof v.value === 'string' ? Number(v.value) : NaN;
    if (!Number.isInteger(n) || n <= 0) continue;
    found.push({ kind, at: v, value: n });
  }
  let added: Budget | undefined;
  for (const kind of ['training.steps', 'training.tokens'] as const) {
    const of = found.filter((b) => b.kind === kind);
    if (of.length === 0 || of.some((b) => b.value !== of[0].value)) continue;
    const b = of[0];
    out.add(
      kind,
      b.value,
      b.at,
      `${b.at.path}: ${b.value} (${kind === 'training.steps' ? 'steps' : 'tokens'} of a config that sizes its model)`,
      'medium',
    );
    added ??= b;
  }
  if (added)
    out.add(
      'launch.trainer',
      'config:architecture',
      added.at,
      'a config that sizes a whole model (layers, hidden size) and says how long to train it',
      'medium',
    );
}
