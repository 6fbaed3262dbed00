import './styles.css';
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import { ArcElement, Chart, DoughnutController, Legend, Tooltip } from 'chart.js';
import { ExtensionToWebviewSchema, type PanelViewModel, type WebviewToExtension } from '../src/core/report/panelMessages';

/**
 * The panel's UI: renders what the extension sends, nothing more. Messages are
 * validated on arrival; anything malformed is dropped and reported to the console.
 */

declare function acquireVsCodeApi(): { postMessage(message: unknown): void; setState(state: unknown): void; getState(): unknown };
const vscode = acquireVsCodeApi();
Chart.register(DoughnutController, ArcElement, Tooltip, Legend);

const app = document.getElementById('app')!;
let chart: Chart | undefined;

function post(message: WebviewToExtension): void {
  vscode.postMessage(message);
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Record<string, string>, ...children: Array<Node | string>): HTMLElementTagNameMap[K];
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
  const canvas = el('canvas', { role: 'img', 'aria-label': `Breakdown of ${model.headline.co2e} CO2e: ${model.breakdown.map((b) => `${b.label} ${b.co2eKg.toPrecision(2)} kg`).join(', ')}` });
  const table = el('table', { class: 'breakdown-table' },
    el('caption', { class: 'sr-only' }, 'CO2e breakdown'),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Part'), el('th', { scope: 'col' }, 'Energy'), el('th', { scope: 'col' }, 'kg CO2e'))),
    el('tbody', {}, ...model.breakdown.map((b) => el('tr', {}, el('td', {}, b.label), el('td', {}, b.energyKWh === null ? '—' : `${b.energyKWh.toPrecision(2)} kWh`), el('td', {}, b.co2eKg.toPrecision(2))))),
  );
  queueMicrotask(() => {
    chart?.destroy();
    const palette = ['--vscode-charts-green', '--vscode-charts-blue', '--vscode-charts-yellow', '--vscode-charts-purple'].map((v, i) => cssVar(v, ['#89d185', '#3794ff', '#cca700', '#b180d7'][i]));
    chart = new Chart(canvas, {
      type: 'doughnut',
      data: { labels: model.breakdown.map((b) => b.label), datasets: [{ data: model.breakdown.map((b) => b.co2eKg), backgroundColor: palette, borderColor: cssVar('--vscode-editor-background', '#1e1e1e') }] },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { position: 'right', labels: { color: cssVar('--vscode-foreground', '#ccc') } } },
      },
    });
  });
  return el('section', { class: 'breakdown', 'aria-labelledby': 'breakdown-h' }, el('h2', { id: 'breakdown-h' }, 'Breakdown'), el('div', { class: 'chart-box' }, canvas), table);
}

function render(model: PanelViewModel): void {
  const headline = el('section', { class: 'headline', 'aria-labelledby': 'title' },
    el('h1', { id: 'title' }, model.title),
    el('p', { class: 'muted' }, `${model.file}:${model.line + 1} · ${model.summary}`),
    el('div', { class: 'figures' },
      el('div', { class: 'figure primary', 'data-testid': 'co2e' }, el('span', { class: 'value' }, model.headline.co2e), el('span', { class: 'label' }, `CO2e (range ${model.headline.co2eRange})`)),
      el('div', { class: 'figure' }, el('span', { class: 'value' }, model.headline.energy), el('span', { class: 'label' }, 'energy')),
      el('div', { class: 'figure' }, el('span', { class: 'value' }, model.headline.acceleratorHours), el('span', { class: 'label' }, 'accelerator-hours')),
      el('div', { class: 'figure' }, el('span', { class: 'value' }, model.headline.wallClock), el('span', { class: 'label' }, 'wall-clock')),
    ),
    el('p', { class: 'equivalent', title: model.headline.equivalentSource }, model.headline.equivalent),
  );

  const suggestions = el('section', { 'aria-labelledby': 'sugg-h' }, el('h2', { id: 'sugg-h' }, 'Suggestions'));
  if (model.suggestions.length === 0) suggestions.append(el('p', { class: 'muted' }, 'No cheaper way to the same result found for this run.'));
  const list = el('ol', { class: 'suggestions' });
  for (const s of model.suggestions) {
    const badge = el('vscode-badge', {}, `−${s.savedPercent}%`);
    list.append(el('li', {}, el('div', { class: 'suggestion-title' }, el('strong', {}, s.title), ' ', badge, ` saves ${s.saved} CO2e`), el('div', { class: 'muted' }, s.tradeoff)));
  }
  suggestions.append(list);

  const rows = model.assumptions.map((a) => {
    const where = a.line === null ? el('span', {}, a.source) : el('a', { href: '#', 'data-line': String(a.line), title: `Go to line ${a.line + 1}` }, `${a.source} · line ${a.line + 1}`);
    return el('tr', {}, el('td', {}, el('code', {}, a.field)), el('td', {}, a.value), el('td', {}, where), el('td', { class: 'detail' }, a.detail));
  });
  const assumptions = el('section', { 'aria-labelledby': 'assume-h' },
    el('h2', { id: 'assume-h' }, 'Assumptions'),
    el('table', { class: 'assumptions' },
      el('thead', {}, el('tr', {}, ...['Input', 'Value', 'From', 'Detail'].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, ...rows)),
  );
  if (model.unknowns.length > 0) {
    assumptions.append(el('h3', {}, 'Could not be read'), el('ul', {}, ...model.unknowns.map((u) => el('li', {}, u))));
  }

  app.replaceChildren(headline, renderBreakdown(model), suggestions, assumptions);
}

app.addEventListener('click', (event) => {
  const target = (event.target as HTMLElement).closest('a[data-line]');
  if (!target) return;
  event.preventDefault();
  post({ type: 'revealLine', line: Number(target.getAttribute('data-line')) });
});

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const parsed = ExtensionToWebviewSchema.safeParse(event.data);
  if (!parsed.success) {
    console.warn('Green AI panel: dropped a malformed message', parsed.error.issues[0]);
    return;
  }
  const message = parsed.data;
  if (message.type === 'show') render(message.model);
  else if (message.type === 'empty') app.replaceChildren(el('p', { class: 'muted' }, message.reason));
  else vscode.setState(message.state);
});

post({ type: 'ready' });
