import * as vscode from 'vscode';
import { runCount } from '../core/analyze';
import { formatCo2e, measuredText } from '../core/report/format';
import { printable } from '../core/report/neutralise';
import { toCliMeasured } from '../core/report/toCli';
import type { FolderReport, ScannedRun, WorkspaceScanner } from './workspaceScanner';

/**
 * The "Workspace Report" tree: folder → runs sorted by CO2e, totals in the
 * view's description, click-through to the line.
 */

type Node =
  | { kind: 'folder'; report: FolderReport }
  | { kind: 'run'; run: ScannedRun }
  | { kind: 'skipped'; report: FolderReport }
  | { kind: 'measurements'; report: FolderReport };

/** What the tree shows: everything, one folder, one kind of run, or only runs over the budget. */
export type ReportFilter =
  | { readonly kind: 'all' }
  | { readonly kind: 'folder'; readonly folder: string }
  | { readonly kind: 'mode'; readonly modes: readonly string[]; readonly label: string }
  | { readonly kind: 'overBudget'; readonly budgetKg: number };

export class WorkspaceReportProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private reports: FolderReport[] = [];
  private filter: ReportFilter = { kind: 'all' };
  private scanning: vscode.CancellationTokenSource | undefined;
  view: vscode.TreeView<Node> | undefined;

  constructor(private readonly scanner: WorkspaceScanner) {}

  get currentReports(): readonly FolderReport[] {
    return this.reports;
  }

  /** True once a scan has been asked for (the view was shown or a command ran): file events then rescan. */
  hasScanned = false;

  /** Rescans every folder; a new refresh cancels one still running. */
  async refresh(): Promise<void> {
    this.hasScanned = true;
    this.scanning?.cancel();
    const source = new vscode.CancellationTokenSource();
    this.scanning = source;
    const folders = vscode.workspace.workspaceFolders ?? [];
    await vscode.window.withProgress({ location: { viewId: 'greenAI.workspaceReport' }, title: 'Green AI: scanning', cancellable: true }, async (progress, token) => {
      token.onCancellationRequested(() => source.cancel());
      const reports: FolderReport[] = [];
      for (const folder of folders) {
        if (source.token.isCancellationRequested) return;
        let last = 0;
        const report = await this.scanner.scanFolder(folder, source.token, (done, total) => {
          const pct = Math.floor((done / Math.max(1, total)) * 100);
          if (pct > last) {
            progress.report({ increment: (pct - last) / Math.max(1, folders.length), message: `${folder.name}: ${Math.floor(done)}/${total} files` });
            last = pct;
          }
        });
        if (!report) return; // cancelled: keep showing the last complete report
        reports.push(report);
      }
      if (source.token.isCancellationRequested) return;
      this.reports = reports;
      this.updateDescription();
      this.changed.fire(undefined);
      void vscode.commands.executeCommand('setContext', 'greenAI.hasRuns', reports.some((r) => r.runs.length > 0));
    });
    if (this.scanning === source) this.scanning = undefined;
    source.dispose();
  }

  setFilter(filter: ReportFilter): void {
    this.filter = filter;
    void vscode.commands.executeCommand('setContext', 'greenAI.reportFiltered', filter.kind !== 'all');
    this.updateDescription();
    this.changed.fire(undefined);
  }

  get currentFilter(): ReportFilter {
    return this.filter;
  }

  /** The reports as the tree shows them: filtered runs, totals of what is shown. */
  visibleReports(): FolderReport[] {
    const f = this.filter;
    return this.reports
      .filter((r) => f.kind !== 'folder' || r.folder.uri.toString() === f.folder)
      .map((r) => {
        const runs = r.runs.filter((s) => (f.kind === 'mode' ? f.modes.includes(s.run.run.mode) : f.kind === 'overBudget' ? s.run.estimate.co2eKg > f.budgetKg : true));
        return { ...r, runs, totalCo2eKg: runs.reduce((sum, s) => sum + s.run.estimate.co2eKg * runCount(s.run), 0) };
      });
  }

  private filterLabel(): string {
    const f = this.filter;
    if (f.kind === 'folder') return ` · folder ${this.reports.find((r) => r.folder.uri.toString() === f.folder)?.folder.name ?? '?'}`;
    if (f.kind === 'mode') return ` · ${f.label} only`;
    if (f.kind === 'overBudget') return ` · over ${formatCo2e(f.budgetKg)}`;
    return '';
  }

  private updateDescription(): void {
    if (!this.view) return;
    const shown = this.visibleReports();
    const runs = shown.reduce((n, r) => n + r.runs.reduce((k, s) => k + runCount(s.run), 0), 0);
    const total = shown.reduce((s, r) => s + r.totalCo2eKg, 0);
    this.view.description = runs ? `${runs} run${runs === 1 ? '' : 's'} · ${formatCo2e(total)} CO2e${this.filterLabel()}` : this.filter.kind !== 'all' ? `no runs${this.filterLabel()}` : undefined;
    // The description is hidden when the view fills its container; the message is always shown.
    this.view.message = runs ? `${runs} run${runs === 1 ? '' : 's'}, ${formatCo2e(total)} CO2e in total (central estimates)${this.filterLabel()}` : this.filter.kind !== 'all' ? `No runs match the filter${this.filterLabel()}.` : undefined;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'folder') {
      const item = new vscode.TreeItem(node.report.folder.name, vscode.TreeItemCollapsibleState.Expanded);
      const count = node.report.runs.reduce((n, r) => n + runCount(r.run), 0);
      item.description = `${count} run${count === 1 ? '' : 's'} · ${formatCo2e(node.report.totalCo2eKg)} CO2e`;
      item.iconPath = vscode.ThemeIcon.Folder;
      item.contextValue = 'greenAI.folder';
      return item;
    }
    if (node.kind === 'measurements') {
      const pairs = node.report.runs.filter((r) => r.measured).length;
      const item = new vscode.TreeItem(`${node.report.measurementCount} measured run${node.report.measurementCount === 1 ? '' : 's'}, matched to ${pairs} run${pairs === 1 ? '' : 's'} in the code`, vscode.TreeItemCollapsibleState.None);
      item.tooltip = [`CodeCarbon files and model cards in ${node.report.folder.name}.`, pairs ? 'Click to calibrate the estimates from the matched runs.' : 'None matches a run: put emissions.csv next to the script, or set project_name / a `# green-ai: project=NAME` directive.', ...node.report.measurementProblems].join('\n');
      item.iconPath = new vscode.ThemeIcon(node.report.measurementProblems.length ? 'warning' : 'pulse');
      item.contextValue = 'greenAI.measurements';
      if (pairs) item.command = { command: 'greenAI.calibrate', title: 'Calibrate From Measured Runs', arguments: [node.report.folder.uri] };
      return item;
    }
    if (node.kind === 'skipped') {
      const item = new vscode.TreeItem(`${node.report.skipped.length} file(s) skipped`, vscode.TreeItemCollapsibleState.None);
      item.tooltip = node.report.skipped.map((s) => `${vscode.workspace.asRelativePath(s.uri)}: ${s.reason}`).join('\n');
      item.iconPath = new vscode.ThemeIcon('warning');
      return item;
    }
    const { run, relativePath, uri } = node.run;
    const e = run.estimate;
    const item = new vscode.TreeItem(`${relativePath}`, vscode.TreeItemCollapsibleState.None);
    const measured = node.run.measured ? toCliMeasured(node.run.measured) : null;
    const times = run.trial ? ` × ${run.trial.of} runs` : '';
    item.description = `${formatCo2e(e.co2eKg)} (${formatCo2e(e.co2eKgLow)}–${formatCo2e(e.co2eKgHigh)})${times} · ${printable(run.run.model.name ?? 'unknown model')} · ${run.run.mode}${measured ? ` · measured ${formatCo2e(measured.co2eKg)}` : ''}`;
    // File names and model ids come from the repository: appended as text, never as Markdown (no links, images or HTML).
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown('**').appendText(`${printable(relativePath)}:${run.range.startLine + 1}`).appendMarkdown('**\n\n');
    tooltip.appendText(`${printable(run.run.model.name ?? 'unknown model')} · ${run.run.mode} · ${run.run.hardware.count}× ${run.run.hardware.accelerator.id}`).appendMarkdown('\n\n');
    tooltip.appendText(`${formatCo2e(e.co2eKg)} CO2e (${formatCo2e(e.co2eKgLow)}–${formatCo2e(e.co2eKgHigh)})${run.trial ? ` per run, × ${run.trial.of} runs (${printable(run.trial.detail)})` : ''}`);
    if (measured) tooltip.appendMarkdown('\n\n').appendText(`Measured: ${measuredText(measured)}, ${printable(measured.file)}:${measured.line} (${printable(measured.matchedBy)})`);
    item.tooltip = tooltip;
    item.iconPath = new vscode.ThemeIcon(run.run.mode === 'inference' ? 'server-process' : 'flame');
    item.contextValue = 'greenAI.run';
    const pos = new vscode.Position(run.range.startLine, 0);
    item.command = { command: 'vscode.open', title: 'Open', arguments: [uri, { selection: new vscode.Range(pos, pos) }] };
    item.resourceUri = uri;
    return item;
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.visibleReports().filter((r) => r.runs.length > 0 || (r.skipped.length > 0 && this.filter.kind === 'all')).map((report) => ({ kind: 'folder', report }));
    return node.kind === 'folder' ? this.childrenOf(node.report) : [];
  }

  private childrenOf(report: FolderReport): Node[] {
    const nodes: Node[] = report.runs.map((run) => ({ kind: 'run', run }));
    if ((report.measurementCount > 0 || report.measurementProblems.length > 0) && this.filter.kind === 'all') nodes.push({ kind: 'measurements', report });
    if (report.skipped.length > 0 && this.filter.kind === 'all') nodes.push({ kind: 'skipped', report });
    return nodes;
  }

  dispose(): void {
    this.scanning?.cancel();
    this.changed.dispose();
  }
}
