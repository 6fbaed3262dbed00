import './styles.css';
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';
import {
  ExtensionToWebviewSchema,
  type PanelViewModel,
  type WebviewToExtension,
} from '../src/core/report/panelMessages';

/**
 * The panel's UI: renders what the extension sends, nothing more. Messages are
 * validated on arrival; anything malformed is dropped and reported to the console.
 */

declare function acquireVsCodeApi(): {
  postMessage(message: unknown): void;
  setState(state: unknown): void;
  getState(): unknown;
};
const vscode = acquireVsCodeApi();
Chart.register(DoughnutController, ArcElement, BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

const app = document.getElementById('app')!;
let chart: Chart | undefined;
let comparisonChart: Chart | undefined;
let deploymentChart: Chart | undefined;
let current: PanelViewModel | undefined;

function post(message: WebviewToExtension): void {
  vscode.postMessage(message);
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Record<string, string>,
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K];
function el(tag: string, attrs?: Record<string, string>, ...children: Array<Node | string>): HTMLElement;
function el(tag: string, attrs: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElement {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(c);
  return node;
}

function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
}

function renderBreakdown(model: PanelViewModel): HTMLElement {
  const canvas = el('canvas', {
    role: 'img',
    'aria-label': `Breakdown of ${model.headline.co2e} CO2e: ${model.breakdown.map((b) => `${b.label} ${b.co2eKg.toPrecision(2)} kg`).join(', ')}`,
  });
  const table = el(
    'table',
    { class: 'breakdown-table' },
    el('caption', { class: 'sr-only' }, 'CO2e breakdown'),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', { scope: 'col' }, 'Part'),
        el('th', { scope: 'col' }, 'Energy'),
        el('th', { scope: 'col' }, 'kg CO2e'),
      ),
    ),
    el(
      'tbody',
      {},
      ...model.breakdown.map((b) =>
        el(
          'tr',
          {},
          el('td', {}, b.label),
          el('td', {}, b.energyKWh === null ? '—' : `${b.energyKWh.toPrecision(2)} kWh`),
          el('td', {}, b.co2eKg.toPrecision(2)),
        ),
      ),
    ),
  );
  queueMicrotask(() => {
    chart?.destroy();
    const palette = [
      '--vscode-charts-green',
      '--vscode-charts-blue',
      '--vscode-charts-yellow',
      '--vscode-charts-purple',
    ].map((v, i) => cssVar(v, ['#89d185', '#3794ff', '#cca700', '#b180d7'][i]));
    chart = new Chart(canvas, {
      type: 'doughnut',
      data: {
        labels: model.breakdown.map((b) => b.label),
        datasets: [
          {
            data: model.breakdown.map((b) => b.co2eKg),
            backgroundColor: palette,
            borderColor: cssVar('--vscode-editor-background', '#1e1e1e'),
          },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { position: 'right', labels: { color: cssVar('--vscode-foreground', '#ccc') } } },
      },
    });
  });
  return el(
    'section',
    { class: 'breakdown', 'aria-labelledby': 'breakdown-h' },
    el('h2', { id: 'breakdown-h' }, 'Breakdown'),
    el('div', { class: 'chart-box' }, canvas),
    table,
  );
}

function renderComparison(model: PanelViewModel): HTMLElement {
  const canvas = el('canvas', {
    role: 'img',
    'aria-label': `CO2e of this run and with each suggestion: ${model.comparison.map((c) => `${c.label} ${c.co2eKg.toPrecision(2)} kg`).join('; ')}`,
  });
  queueMicrotask(() => {
    comparisonChart?.destroy();
    const fg = cssVar('--vscode-foreground', '#ccc');
    comparisonChart = new Chart(canvas, {
      type: 'bar',
      data: {
        labels: model.comparison.map((c) => (c.label.length > 42 ? `${c.label.slice(0, 41)}…` : c.label)),
        datasets: [
          {
            label: 'kg CO2e',
            data: model.comparison.map((c) => c.co2eKg),
            backgroundColor: model.comparison.map((_, i) =>
              cssVar(i === 0 ? '--vscode-charts-orange' : '--vscode-charts-green', i === 0 ? '#d18616' : '#89d185'),
            ),
          },
        ],
      },
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: false } },
        scales: {
          x: { ticks: { color: fg }, title: { display: true, text: 'kg CO2e', color: fg } },
          y: { ticks: { color: fg } },
        },
      },
    });
  });
  const box = el('div', { class: 'chart-box comparison' }, canvas);
  // CSSOM, not a style attribute: the panel's Content-Security-Policy blocks inline styles.
  box.style.height = `${60 + 34 * model.comparison.length}px`;
  return box;
}

/** One labelled input: a text field or a select; changes are sent together after a short pause. */
function field(label: string, id: string, control: HTMLElement, hint?: string): HTMLElement {
  control.id = id;
  control.setAttribute('aria-label', label);
  // VS Code Elements fire their own change/input events on the element, which need not bubble.
  control.addEventListener('change', onInputChange);
  control.addEventListener('input', onInputChange);
  return el(
    'div',
    { class: 'field' },
    el('label', { for: id }, label),
    control,
    ...(hint ? [el('span', { class: 'muted hint' }, hint)] : []),
  );
}

function textInput(value: string | number | null, type: 'number' | 'text' = 'number'): HTMLElement {
  // A PUE of 1.58 or an MFU of 35.5 is valid input, not a step mismatch. vscode-textfield reads `step` as a number, so
  // `step="any"` became NaN and the inner input kept its default step of 1 (1.58 showed as an error): a step fine
  // enough for any figure a person types instead.
  const input = el('vscode-textfield', {
    type,
    value: value === null ? '' : String(value),
    ...(type === 'number' ? { step: '0.000001', min: '0' } : {}),
  });
  return input;
}

function select(options: Array<{ value: string; label: string }>, value: string, combobox = false): HTMLElement {
  const s = el('vscode-single-select', combobox ? { combobox: '' } : {});
  for (const o of options) {
    const opt = el('vscode-option', { value: o.value, ...(o.value === value ? { selected: '' } : {}) }, o.label);
    s.append(opt);
  }
  return s;
}

let pending: ReturnType<typeof setTimeout> | undefined;

function readInputs(): Record<string, unknown> {
  // The inputs are <vscode-textfield>/<vscode-single-select> elements: read their `value` where it is a string.
  const get = (id: string) => {
    const node = document.getElementById(id);
    return node && 'value' in node && typeof node.value === 'string' ? node.value : '';
  };
  const num = (id: string) => {
    const v = get(id).trim();
    return v === '' ? undefined : Number(v);
  };
  const changes: Record<string, unknown> = {};
  const base = current?.inputs;
  if (!base) return changes;
  if (get('in-accelerator') && get('in-accelerator') !== base.accelerator) changes.accelerator = get('in-accelerator');
  if (num('in-count') !== undefined && num('in-count') !== base.count) changes.count = num('in-count');
  if (get('in-region') && get('in-region') !== base.region) changes.region = get('in-region');
  if (num('in-pue') !== undefined && num('in-pue') !== base.pue) changes.pue = num('in-pue');
  if (num('in-mfu') !== undefined && Math.abs((num('in-mfu') as number) / 100 - base.mfu) > 1e-9)
    changes.mfu = (num('in-mfu') as number) / 100;
  if (num('in-epochs') !== undefined && num('in-epochs') !== base.epochs) changes.epochs = num('in-epochs');
  if (num('in-steps') !== undefined && num('in-steps') !== base.steps) changes.steps = num('in-steps');
  if (num('in-tokens') !== undefined && num('in-tokens') !== base.tokens) changes.tokens = num('in-tokens');
  if (get('in-precision') && get('in-precision') !== base.precision) changes.precision = get('in-precision');
  if (get('in-model').trim() && get('in-model').trim() !== (base.model ?? '')) changes.model = get('in-model').trim();
  if (base.serving) {
    if (num('in-rpd') !== undefined && num('in-rpd') !== base.requestsPerDay) changes.requestsPerDay = num('in-rpd');
    if (num('in-days') !== undefined && num('in-days') !== base.days) changes.days = num('in-days');
    if (num('in-concurrency') !== undefined && num('in-concurrency') !== base.concurrency)
      changes.concurrency = Math.round(num('in-concurrency') as number);
    if (num('in-output') !== undefined && num('in-output') !== base.outputTokens)
      changes.outputTokens = Math.round(num('in-output') as number);
  }
  return changes;
}

function onInputChange(): void {
  clearTimeout(pending);
  pending = setTimeout(() => {
    const changes = readInputs();
    const bad = Object.entries(changes).find(([, v]) => typeof v === 'number' && !(Number.isFinite(v) && v > 0));
    const error = document.getElementById('input-error');
    if (bad) {
      if (error) error.textContent = `${bad[0]} must be a positive number`;
      return;
    }
    if (error) error.textContent = '';
    // Merge with what-if changes already in effect, so one edit does not undo another.
    post({ type: 'whatIf', changes: { ...(current?.whatIf ? lastChanges : {}), ...changes } });
    lastChanges = { ...(current?.whatIf ? lastChanges : {}), ...changes };
  }, 250);
}

let lastChanges: Record<string, unknown> = {};

function renderInputs(model: PanelViewModel): HTMLElement {
  const i = model.inputs;
  const common = [
    field(
      'Precision',
      'in-precision',
      select(
        model.choices.precisions.map((p) => ({ value: p, label: p })),
        i.precision,
      ),
    ),
    field(
      'Accelerator',
      'in-accelerator',
      select(
        model.choices.accelerators.map((a) => ({ value: a, label: a })),
        i.accelerator,
        true,
      ),
    ),
    field('Count', 'in-count', textInput(i.count)),
    field(
      'Region',
      'in-region',
      select(
        model.choices.regions.map((r) => ({ value: r.id, label: r.label })),
        i.region,
        true,
      ),
    ),
    field('PUE', 'in-pue', textInput(i.pue)),
  ];
  // Serving runs: load and length decide the cost, not epochs or utilisation.
  const grid = i.serving
    ? el(
        'div',
        { class: 'inputs' },
        field('Model', 'in-model', textInput(i.model, 'text'), 'catalog id'),
        field('Requests per day', 'in-rpd', textInput(i.requestsPerDay ?? null), 'e.g. 100000'),
        field('Days of service', 'in-days', textInput(i.days ?? null), '365 for a year'),
        field(
          'Batch / concurrency',
          'in-concurrency',
          textInput(i.concurrency ?? null),
          "max_num_seqs, or the loop's batch",
        ),
        // A network run forward once per input generates no tokens (its serving inputs say null).
        ...(i.outputTokens === null
          ? []
          : [field('Output tokens', 'in-output', textInput(i.outputTokens ?? null), 'generated per request')]),
        ...common,
      )
    : el(
        'div',
        { class: 'inputs' },
        field('Model', 'in-model', textInput(i.model, 'text'), 'catalog id'),
        field('Epochs', 'in-epochs', textInput(i.epochs)),
        field('Steps', 'in-steps', textInput(i.steps), 'optimizer steps; replaces epochs'),
        field('Tokens', 'in-tokens', textInput(i.tokens), 'processed in total, e.g. 2e9'),
        ...common,
        field('Utilisation (MFU %)', 'in-mfu', textInput(Math.round(i.mfu * 1000) / 10)),
      );
  const reset = el(
    'vscode-button',
    { secondary: '', id: 'reset', 'aria-label': 'Reset to what the code says' },
    'Reset to the code',
  );
  reset.addEventListener('click', () => {
    lastChanges = {};
    post({ type: 'reset' });
  });
  return el(
    'section',
    { 'aria-labelledby': 'whatif-h' },
    el('h2', { id: 'whatif-h' }, 'What if…'),
    el(
      'p',
      { class: 'muted' },
      model.whatIf
        ? 'Showing changed inputs, not what the code says. The code is untouched.'
        : 'Change an input to see the estimate move. The code is untouched.',
    ),
    grid,
    el('p', { id: 'input-error', class: 'error', role: 'alert' }),
    model.whatIf ? reset : el('span'),
  );
}

function renderExports(): HTMLElement {
  const bar = el('div', { class: 'actions' });
  for (const [format, label] of [
    ['markdown', 'Markdown summary'],
    ['json', 'JSON (CLI format)'],
    ['modelCard', 'Model-card co2_eq_emissions'],
  ] as const) {
    const b = el('vscode-button', { secondary: '', 'data-export': format }, label);
    b.addEventListener('click', () => post({ type: 'export', format }));
    bar.append(b);
  }
  return el(
    'section',
    { 'aria-labelledby': 'export-h' },
    el('h2', { id: 'export-h' }, 'Export'),
    el('p', { class: 'muted' }, 'Opens the text in a new editor and copies it.'),
    bar,
  );
}

/** Serving: per request, per 1,000, per day and per deployment; a year of serving beside training. */
function renderDeployment(deployment: NonNullable<PanelViewModel['deployment']>): HTMLElement {
  const section = el(
    'section',
    { 'aria-labelledby': 'deploy-h', 'data-testid': 'deployment' },
    el('h2', { id: 'deploy-h' }, 'Deployment'),
    el(
      'div',
      { class: 'figures' },
      ...deployment.figures.map((f) =>
        el(
          'div',
          { class: 'figure', title: f.detail },
          el('span', { class: 'value' }, f.value),
          el('span', { class: 'label' }, f.label),
          el('span', { class: 'muted small' }, f.detail),
        ),
      ),
    ),
    el('ul', { class: 'notes muted' }, ...deployment.notes.map((n) => el('li', {}, n))),
  );
  const c = deployment.comparison;
  if (c) {
    // Short axis labels (a narrow panel clips long ones); the full labels are listed under the chart.
    const bars = [
      { label: 'Training', kg: c.trainingCo2eKg },
      { label: 'A year of serving', kg: c.servingCo2eKg },
    ];
    const canvas = el('canvas', {
      role: 'img',
      'aria-label': `Training ${c.trainingCo2eKg.toPrecision(2)} kg CO2e; a year of serving ${c.servingCo2eKg.toPrecision(2)} kg CO2e. ${c.breakEven}`,
    });
    queueMicrotask(() => {
      deploymentChart?.destroy();
      const fg = cssVar('--vscode-foreground', '#ccc');
      deploymentChart = new Chart(canvas, {
        type: 'bar',
        data: {
          labels: bars.map((b) => b.label),
          datasets: [
            {
              label: 'kg CO2e',
              data: bars.map((b) => b.kg),
              backgroundColor: [cssVar('--vscode-charts-blue', '#3794ff'), cssVar('--vscode-charts-orange', '#d18616')],
            },
          ],
        },
        options: {
          indexAxis: 'y',
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          plugins: { legend: { display: false } },
          scales: {
            x: { ticks: { color: fg }, title: { display: true, text: 'kg CO2e', color: fg } },
            y: { ticks: { color: fg } },
          },
        },
      });
    });
    const box = el('div', { class: 'chart-box comparison' }, canvas);
    box.style.height = '130px';
    section.append(
      el('h3', {}, 'Training vs a year of serving'),
      el('p', { class: 'break-even', 'data-testid': 'break-even' }, c.breakEven),
      box,
      el(
        'ul',
        { class: 'notes muted small' },
        el('li', {}, `Training: ${c.trainingLabel}, ${c.trainingCo2eKg.toPrecision(2)} kg CO2e (${c.trainingSource}).`),
        el('li', {}, `${c.servingLabel}: ${c.servingCo2eKg.toPrecision(2)} kg CO2e.`),
      ),
    );
  }
  return section;
}

/** Estimate next to a measured run of the same code (CodeCarbon, model card). */
function renderMeasured(measured: NonNullable<PanelViewModel['measured']>): HTMLElement {
  return el(
    'section',
    { 'aria-labelledby': 'measured-h', 'data-testid': 'measured' },
    el('h2', { id: 'measured-h' }, 'Measured'),
    el('p', { class: 'muted' }, `${measured.source} · ${measured.location} · ${measured.matchedBy}`),
    el(
      'table',
      { class: 'measured' },
      el(
        'thead',
        {},
        el('tr', {}, ...['', 'Estimated', 'Measured', 'Estimate ÷ measured'].map((h) => el('th', { scope: 'col' }, h))),
      ),
      el(
        'tbody',
        {},
        ...measured.rows.map((r) =>
          el(
            'tr',
            {},
            el('th', { scope: 'row' }, r.label),
            el('td', {}, r.estimated),
            el('td', {}, r.measured),
            el('td', {}, r.ratio),
          ),
        ),
      ),
    ),
  );
}

/** A run that cannot be estimated yet: what is missing and how to set it, with the what-if inputs to try a model. */
function renderNeeds(model: PanelViewModel, needs: NonNullable<PanelViewModel['needs']>): void {
  const headline = el(
    'section',
    { class: 'headline', 'aria-labelledby': 'title' },
    el('h1', { id: 'title' }, model.title, ...(model.whatIf ? [' ', el('vscode-badge', {}, 'what-if')] : [])),
    el('p', { class: 'muted' }, `${model.file}:${model.line + 1} · ${model.summary}`),
    el(
      'div',
      { class: 'figures' },
      el(
        'div',
        { class: 'figure primary', 'data-testid': 'needs' },
        el('span', { class: 'value' }, 'needs input'),
        el('span', { class: 'label' }, `This run ${needs.text}: no figure is shown until it is known.`),
      ),
    ),
    el('ul', { class: 'needs' }, ...needs.lines.map((l) => el('li', {}, l))),
    el(
      'p',
      { class: 'muted' },
      'To see what it would cost, try the inputs below (a model id, epochs or steps: what-if), or set them in the code.',
    ),
  );
  const rows = model.assumptions.map((a) =>
    el(
      'tr',
      {},
      el('td', {}, el('code', {}, a.field)),
      el('td', {}, a.value),
      el('td', {}, a.source),
      el('td', { class: 'detail' }, a.detail),
    ),
  );
  const assumptions = el(
    'section',
    { 'aria-labelledby': 'assume-h' },
    el('h2', { id: 'assume-h' }, 'What was read'),
    el(
      'table',
      { class: 'assumptions' },
      el('thead', {}, el('tr', {}, ...['Input', 'Value', 'From', 'Detail'].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, ...rows),
    ),
  );
  app.replaceChildren(headline, renderInputs(model), assumptions);
}

function render(model: PanelViewModel): void {
  current = model;
  if (model.needs) {
    renderNeeds(model, model.needs);
    return;
  }
  const headline = el(
    'section',
    { class: 'headline', 'aria-labelledby': 'title' },
    el('h1', { id: 'title' }, model.title, ...(model.whatIf ? [' ', el('vscode-badge', {}, 'what-if')] : [])),
    el('p', { class: 'muted' }, `${model.file}:${model.line + 1} · ${model.summary}`),
    el(
      'div',
      { class: 'figures' },
      el(
        'div',
        { class: 'figure primary', 'data-testid': 'co2e' },
        el('span', { class: 'value' }, model.headline.co2e),
        el(
          'span',
          { class: 'label' },
          `CO2e (range ${model.headline.co2eRange})${model.headline.per ? ` ${model.headline.per}` : ''}`,
        ),
      ),
      el(
        'div',
        { class: 'figure' },
        el('span', { class: 'value' }, model.headline.energy),
        el('span', { class: 'label' }, 'energy'),
      ),
      el(
        'div',
        { class: 'figure' },
        el('span', { class: 'value' }, model.headline.acceleratorHours),
        el('span', { class: 'label' }, 'accelerator-hours'),
      ),
      el(
        'div',
        { class: 'figure' },
        el('span', { class: 'value' }, model.headline.wallClock),
        el('span', { class: 'label' }, 'wall-clock'),
      ),
    ),
    ...(model.regionNotice
      ? [
          el(
            'p',
            { class: 'notice', role: 'note', 'data-testid': 'region-notice' },
            model.regionNotice.text,
            ' ',
            el(
              'a',
              {
                href: '#',
                'data-setting': model.regionNotice.setting,
                title: `Open the setting ${model.regionNotice.setting}`,
              },
              'Set the region',
            ),
          ),
        ]
      : []),
    el(
      'ul',
      { class: 'equivalents', 'aria-label': 'Everyday equivalents' },
      ...model.headline.equivalents.map((e) => el('li', { title: e.source }, e.text)),
    ),
    el(
      'details',
      { class: 'equivalent-sources' },
      el('summary', {}, 'Sources of the equivalents'),
      el('ul', {}, ...model.headline.equivalents.map((e) => el('li', {}, `${e.text.replace(/^≈ /, '')}: ${e.source}`))),
    ),
  );

  const suggestions = el('section', { 'aria-labelledby': 'sugg-h' }, el('h2', { id: 'sugg-h' }, 'Suggestions'));
  if (model.suggestions.length === 0)
    suggestions.append(el('p', { class: 'muted' }, 'No cheaper way to the same result found for this run.'));
  const list = el('ol', { class: 'suggestions' });
  model.suggestions.forEach((s, index) => {
    const badge = el('vscode-badge', {}, `−${s.savedPercent}%`);
    const item = el(
      'li',
      {},
      el('div', { class: 'suggestion-title' }, el('strong', {}, s.title), ' ', badge, ` saves ${s.saved} CO2e`),
      el('div', { class: 'muted' }, s.tradeoff),
    );
    if (s.fixTitle) {
      const apply = el(
        'vscode-button',
        { 'data-apply': String(index), 'aria-label': `Apply: ${s.fixTitle}` },
        `Apply: ${s.fixTitle}`,
      );
      apply.addEventListener('click', () => post({ type: 'applyFix', index }));
      item.append(el('div', { class: 'apply' }, apply));
    }
    list.append(item);
  });
  suggestions.append(list);
  if (model.comparison.length > 1) suggestions.append(renderComparison(model));

  const rows = model.assumptions.map((a) => {
    const setting = /setting (greenAI\.\w+)/.exec(a.detail)?.[1];
    const where =
      a.line !== null
        ? el(
            'a',
            { href: '#', 'data-line': String(a.line), title: `Go to line ${a.line + 1}` },
            `${a.source} · line ${a.line + 1}`,
          )
        : setting
          ? el(
              'a',
              { href: '#', 'data-setting': setting, title: `Open the setting ${setting}` },
              `${a.source} · ${setting}`,
            )
          : el('span', {}, a.source);
    return el(
      'tr',
      {},
      el('td', {}, el('code', {}, a.field)),
      el('td', {}, a.value),
      el('td', {}, where),
      el('td', { class: 'detail' }, a.detail),
    );
  });
  const assumptions = el(
    'section',
    { 'aria-labelledby': 'assume-h' },
    el('h2', { id: 'assume-h' }, 'Assumptions'),
    el(
      'table',
      { class: 'assumptions' },
      el('thead', {}, el('tr', {}, ...['Input', 'Value', 'From', 'Detail'].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, ...rows),
    ),
  );
  if (model.unknowns.length > 0) {
    assumptions.append(el('h3', {}, 'Could not be read'), el('ul', {}, ...model.unknowns.map((u) => el('li', {}, u))));
  }

  app.replaceChildren(
    headline,
    ...(model.deployment ? [renderDeployment(model.deployment)] : []),
    ...(model.measured ? [renderMeasured(model.measured)] : []),
    renderBreakdown(model),
    suggestions,
    renderInputs(model),
    assumptions,
    renderExports(),
  );
}

app.addEventListener('click', (event) => {
  const line = (event.target as HTMLElement).closest('a[data-line]');
  const setting = (event.target as HTMLElement).closest('a[data-setting]');
  if (line) {
    event.preventDefault();
    post({ type: 'revealLine', line: Number(line.getAttribute('data-line')) });
  } else if (setting) {
    event.preventDefault();
    post({ type: 'openSetting', id: setting.getAttribute('data-setting') ?? '' });
  }
});

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const parsed = ExtensionToWebviewSchema.safeParse(event.data);
  if (!parsed.success) {
    console.warn('Green AI panel: dropped a malformed message', parsed.error.issues[0]);
    return;
  }
  const message = parsed.data;
  // The same estimate again (a refresh with nothing changed) keeps the page as the user left it.
  if (message.type === 'show') {
    if (JSON.stringify(message.model) !== JSON.stringify(current)) render(message.model);
  } else if (message.type === 'empty') app.replaceChildren(el('p', { class: 'muted' }, message.reason));
  else if (message.type === 'inputError') {
    lastChanges = {};
    const error = document.getElementById('input-error');
    if (error) error.textContent = message.message;
  } else vscode.setState(message.state);
});

post({ type: 'ready' });
