import * as vscode from 'vscode';
import { runCount } from '../core/analyze';
import { defaultRequestsNote, formatCo2e, measuredText } from '../core/report/format';
import { isIncomplete, missingLines, needsText } from '../core/report/incomplete';
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
  | { kind: 'incomplete'; report: FolderReport }
  | { kind: 'leftOut'; report: FolderReport }
  | { kind: 'skipped'; report: FolderReport }
  /** One file of the left-out or skipped group, with why. */
  | { kind: 'file'; uri: vscode.Uri; reason: string; icon: string }
  | { kind: 'measurements'; report: FolderReport };

/** Rows a left-out or skipped group lists (the tooltip of the group says how many more). */
const MAX_FILE_ROWS = 500;

/** What the tree shows: everything, one folder, one kind of run, or only runs over the budget. */
export type ReportFilter =
  | { readonly kind: 'all' }
  | { readonly kind: 'folder'; readonly folder: string }
  | { readonly kind: 'mode'; readonly modes: readonly string[]; readonly label: string }
  | { readonly kind: 'overBudget'; readonly budgetKg: number };

/** How often a running scan updates the view: the count in the message, and the runs found so far. */
const MESSAGE_EVERY_MS = 100;
const TREE_EVERY_MS = 400;
/** A rescan shorter than this leaves the view as it is until its result replaces the report. */
const QUIET_RESCAN_MS = 500;

/** When a running scan last updated the view, and until when it stays quiet. */
interface Pace {
  readonly quietUntil: number;
  lastMessage: number;
  lastTree: number;
}

export class WorkspaceReportProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private reports: FolderReport[] = [];
  /** While the first scan runs (nothing complete to show yet): the runs found so far, per folder. */
  private streaming: FolderReport[] | undefined;
  /** "Scanning 120 / 830 files…" while a scan runs; what became of the last scan otherwise. */
  private status: string | undefined;
  private filter: ReportFilter = { kind: 'all' };
  private scanning: vscode.CancellationTokenSource | undefined;
  view: vscode.TreeView<Node> | undefined;

  constructor(private readonly scanner: WorkspaceScanner) {}

  get currentReports(): readonly FolderReport[] {
    return this.reports;
  }

  /** True once a scan has been asked for (the view was shown or a command ran): file events then rescan. */
  hasScanned = false;

  /** Where the running scan is, for the view and the tests; undefined when none runs. */
  scanState: { readonly done: number; readonly total: number; readonly folder: string } | undefined;

  /** Stops the running scan (the view's stop button); the last complete report stays. */
  cancel(): void {
    this.scanning?.cancel();
  }

  /** Rescans every folder; a new refresh cancels one still running. Runs appear as files finish. */
  async refresh(): Promise<void> {
    this.hasScanned = true;
    this.scanning?.cancel();
    const source = new vscode.CancellationTokenSource();
    this.scanning = source;
    void vscode.commands.executeCommand('setContext', 'greenAI.scanning', true);
    const now = Date.now();
    // A rescan with a report on show (after a save, usually quick) says it is scanning only if it takes a while.
    const pace: Pace = {
      quietUntil: this.reports.length > 0 ? now + QUIET_RESCAN_MS : now,
      lastMessage: 0,
      lastTree: 0,
    };
    if (this.reports.length === 0) {
      // Before the first count arrives (listing a large folder takes a moment): never the "no runs" welcome.
      this.status = 'Scanning: listing files…';
      this.updateDescription();
    }
    try {
      await vscode.window.withProgress(
        { location: { viewId: 'greenAI.workspaceReport' }, title: 'Green AI: scanning', cancellable: true },
        async (progress, token) => {
          token.onCancellationRequested(() => source.cancel());
          await this.scanFolders(source, progress, pace);
        },
      );
    } finally {
      if (this.scanning === source) {
        this.scanning = undefined;
        this.scanState = undefined;
        if (this.status?.startsWith('Scanning')) this.status = undefined;
        this.updateDescription();
        void vscode.commands.executeCommand('setContext', 'greenAI.scanning', false);
      }
      source.dispose();
    }
  }

  private async scanFolders(
    source: vscode.CancellationTokenSource,
    progress: vscode.Progress<{ increment?: number }>,
    pace: Pace,
  ): Promise<void> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const reports: FolderReport[] = [];
    for (const [index, folder] of folders.entries()) {
      if (source.token.isCancellationRequested) break;
      let last = 0;
      const report = await this.scanner.scanFolder(folder, source.token, ({ done, total, partial }) => {
        if (this.scanning !== source) return;
        this.scanState = { done, total, folder: folder.name };
        const pct = Math.floor((done / Math.max(1, total)) * 100);
        if (pct > last) {
          progress.report({ increment: (pct - last) / Math.max(1, folders.length) });
          last = pct;
        }
        const now = Date.now();
        const end = done === total;
        if (now < pace.quietUntil || (!end && now - pace.lastMessage < MESSAGE_EVERY_MS)) return;
        pace.lastMessage = now;
        const where = folders.length > 1 ? ` in ${folder.name} (${index + 1} of ${folders.length})` : '';
        this.status = `Scanning ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} files${where}…`;
        // Nothing complete to show yet: show what is found so far.
        if (this.reports.length === 0 && (end || now - pace.lastTree >= TREE_EVERY_MS)) {
          pace.lastTree = now;
          this.streaming = [...reports, partial()];
          this.changed.fire(undefined);
        }
        this.updateDescription();
      });
      if (!report) break; // cancelled: keep showing the last complete report
      reports.push(report);
    }
    if (this.scanning !== source) return; // a newer refresh took over
    if (source.token.isCancellationRequested) {
      const state = this.scanState;
      this.status = state
        ? `Scan stopped at ${state.done.toLocaleString('en-US')} / ${state.total.toLocaleString('en-US')} files${this.reports.length === 0 ? ': the list is incomplete' : ''}. Refresh to scan again.`
        : undefined;
    } else {
      this.reports = reports;
      this.streaming = undefined;
      this.status = undefined;
      void vscode.commands.executeCommand(
        'setContext',
        'greenAI.hasRuns',
        reports.some((r) => r.runs.length > 0),
      );
    }
    this.scanState = undefined;
    this.updateDescription();
    this.changed.fire(undefined);
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

  /** The reports as the tree shows them: filtered runs, totals of what is shown (during a first scan, what is found so far). */
  visibleReports(): FolderReport[] {
    const f = this.filter;
    return (this.reports.length === 0 && this.streaming ? this.streaming : this.reports)
      .filter((r) => f.kind !== 'folder' || r.folder.uri.toString() === f.folder)
      .map((r) => {
        const keep = (s: ScannedRun) =>
          f.kind === 'mode'
            ? f.modes.includes(s.run.run.mode)
            : f.kind === 'overBudget'
              ? s.run.estimate.co2eKg > f.budgetKg
              : true;
        const runs = r.runs.filter(keep);
        return {
          ...r,
          runs,
          incomplete: f.kind === 'overBudget' ? [] : r.incomplete.filter(keep),
          totalCo2eKg: runs.reduce((sum, s) => sum + s.run.estimate.co2eKg * runCount(s.run), 0),
        };
      });
  }

  private filterLabel(): string {
    const f = this.filter;
    if (f.kind === 'folder')
      return ` · folder ${this.reports.find((r) => r.folder.uri.toString() === f.folder)?.folder.name ?? '?'}`;
    if (f.kind === 'mode') return ` · ${f.label} only`;
    if (f.kind === 'overBudget') return ` · over ${formatCo2e(f.budgetKg)}`;
    return '';
  }

  private updateDescription(): void {
    if (!this.view) return;
    const shown = this.visibleReports();
    const runs = shown.reduce((n, r) => n + r.runs.reduce((k, s) => k + runCount(s.run), 0), 0);
    const total = shown.reduce((s, r) => s + r.totalCo2eKg, 0);
    this.view.description = runs
      ? `${runs} run${runs === 1 ? '' : 's'} · ${formatCo2e(total)} CO2e${this.filterLabel()}`
      : this.filter.kind !== 'all'
        ? `no runs${this.filterLabel()}`
        : undefined;
    // The description is hidden when the view fills its container; the message is always shown.
    // While scanning it says how far the scan is (and keeps the "no runs" welcome away until it is done).
    const summary = runs
      ? `${runs} run${runs === 1 ? '' : 's'}, ${formatCo2e(total)} CO2e in total (central estimates)${this.filterLabel()}`
      : this.filter.kind !== 'all'
        ? `No runs match the filter${this.filterLabel()}.`
        : undefined;
    const soFar = this.reports.length === 0 && this.streaming !== undefined;
    this.view.message = !this.status
      ? summary
      : !runs
        ? this.status
        : soFar
          ? `${this.status} ${runs} run${runs === 1 ? '' : 's'} so far.`
          : `${this.status} ${summary}`;
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
      const item = new vscode.TreeItem(
        `${node.report.measurementCount} measured run${node.report.measurementCount === 1 ? '' : 's'}, matched to ${pairs} run${pairs === 1 ? '' : 's'} in the code`,
        vscode.TreeItemCollapsibleState.None,
      );
      item.tooltip = [
        `CodeCarbon files and model cards in ${node.report.folder.name}.`,
        pairs
          ? 'Click to calibrate the estimates from the matched runs.'
          : 'None matches a run: put emissions.csv next to the script, or set project_name / a `# green-ai: project=NAME` directive.',
        ...node.report.measurementProblems,
      ].join('\n');
      item.iconPath = new vscode.ThemeIcon(node.report.measurementProblems.length ? 'warning' : 'pulse');
      item.contextValue = 'greenAI.measurements';
      if (pairs)
        item.command = {
          command: 'greenAI.calibrate',
          title: 'Calibrate From Measured Runs',
          arguments: [node.report.folder.uri],
        };
      return item;
    }
    if (node.kind === 'incomplete') {
      const n = node.report.incomplete.length;
      const item = new vscode.TreeItem(
        `${n} run${n === 1 ? '' : 's'} need${n === 1 ? 's' : ''} input (not in the total)`,
        vscode.TreeItemCollapsibleState.Collapsed,
      );
      item.tooltip =
        'The model size of these runs could not be read (a command-line argument without a default, a model not in the catalog). Add `# green-ai: params=7e9` or `model=<hub id>` to the file to estimate them.';
      item.iconPath = new vscode.ThemeIcon('question');
      item.contextValue = 'greenAI.incomplete';
      return item;
    }
    if (node.kind === 'leftOut') {
      const n = node.report.leftOut.length;
      const item = new vscode.TreeItem(
        `${n} file${n === 1 ? '' : 's'} left out: not runs`,
        vscode.TreeItemCollapsibleState.Collapsed,
      );
      // Plain text: the reasons quote file names and code.
      item.tooltip = [
        ...node.report.leftOut.slice(0, 40).map((l) => `${vscode.workspace.asRelativePath(l.uri, false)}: ${l.reason}`),
        ...(n > 40 ? [`… and ${n - 40} more`] : []),
        '',
        'Tests, CI workflows, docs, packaging and library modules are not runs. Change this with greenAI.report.exclude, or put `# green-ai: run` in a file to list it.',
      ].join('\n');
      item.iconPath = new vscode.ThemeIcon('eye-closed');
      item.contextValue = 'greenAI.leftOut';
      return item;
    }
    if (node.kind === 'skipped') {
      const item = new vscode.TreeItem(
        `${node.report.skipped.length} file(s) skipped`,
        vscode.TreeItemCollapsibleState.Collapsed,
      );
      item.tooltip = node.report.skipped
        .map((s) => `${vscode.workspace.asRelativePath(s.uri)}: ${s.reason}`)
        .join('\n');
      item.iconPath = new vscode.ThemeIcon('warning');
      return item;
    }
    if (node.kind === 'file') {
      // File names and reasons come from the repository: plain text, never Markdown.
      const item = new vscode.TreeItem(
        printable(vscode.workspace.asRelativePath(node.uri, false)),
        vscode.TreeItemCollapsibleState.None,
      );
      item.description = printable(node.reason);
      item.tooltip = `${printable(vscode.workspace.asRelativePath(node.uri, false))}\n${printable(node.reason)}`;
      item.iconPath = new vscode.ThemeIcon(node.icon);
      item.resourceUri = node.uri;
      item.command = { command: 'vscode.open', title: 'Open', arguments: [node.uri] };
      return item;
    }
    const { run, relativePath, uri } = node.run;
    const e = run.estimate;
    const item = new vscode.TreeItem(`${relativePath}`, vscode.TreeItemCollapsibleState.None);
    const measured = node.run.measured ? toCliMeasured(node.run.measured) : null;
    if (isIncomplete(run.run)) {
      item.description = `${needsText(run.run)} · ${printable(run.run.model.name ?? 'unknown model')} · ${run.run.mode}`;
      // A plain-string tooltip is never rendered as Markdown.
      item.tooltip = `${printable(relativePath)}:${run.range.startLine + 1}\n\n${missingLines(run.run).map(printable).join('\n')}`;
      item.iconPath = new vscode.ThemeIcon('question');
      item.contextValue = 'greenAI.run';
      const at = new vscode.Position(run.range.startLine, 0);
      item.command = {
        command: 'vscode.open',
        title: 'Open',
        arguments: [uri, { selection: new vscode.Range(at, at) }],
      };
      item.resourceUri = uri;
      return item;
    }
    const times = run.trial ? ` × ${run.trial.of} runs` : '';
    const perRequests = defaultRequestsNote(run.run.assumptions);
    item.description = `${formatCo2e(e.co2eKg)} (${formatCo2e(e.co2eKgLow)}–${formatCo2e(e.co2eKgHigh)})${times}${perRequests ? ` ${perRequests}` : ''} · ${printable(run.run.model.name ?? 'unknown model')} · ${run.run.mode}${measured ? ` · measured ${formatCo2e(measured.co2eKg)}` : ''}`;
    // File names and model ids come from the repository: appended as text, never as Markdown (no links, images or HTML).
    const tooltip = new vscode.MarkdownString();
    tooltip
      .appendMarkdown('**')
      .appendText(`${printable(relativePath)}:${run.range.startLine + 1}`)
      .appendMarkdown('**\n\n');
    tooltip
      .appendText(
        `${printable(run.run.model.name ?? 'unknown model')} · ${run.run.mode} · ${run.run.hardware.count}× ${run.run.hardware.accelerator.id}`,
      )
      .appendMarkdown('\n\n');
    tooltip.appendText(
      `${formatCo2e(e.co2eKg)} CO2e (${formatCo2e(e.co2eKgLow)}–${formatCo2e(e.co2eKgHigh)})${run.trial ? ` per run, × ${run.trial.of} runs (${printable(run.trial.detail)})` : ''}`,
    );
    if (measured)
      tooltip
        .appendMarkdown('\n\n')
        .appendText(
          `Measured: ${measuredText(measured)}, ${printable(measured.file)}:${measured.line} (${printable(measured.matchedBy)})`,
        );
    item.tooltip = tooltip;
    item.iconPath = new vscode.ThemeIcon(run.run.mode === 'inference' ? 'server-process' : 'flame');
    item.contextValue = 'greenAI.run';
    const pos = new vscode.Position(run.range.startLine, 0);
    item.command = {
      command: 'vscode.open',
      title: 'Open',
      arguments: [uri, { selection: new vscode.Range(pos, pos) }],
    };
    item.resourceUri = uri;
    return item;
  }

  getChildren(node?: Node): Node[] {
    if (!node)
      return this.visibleReports()
        .filter(
          (r) =>
            r.runs.length > 0 ||
            r.incomplete.length > 0 ||
            ((r.skipped.length > 0 || r.leftOut.length > 0) && this.filter.kind === 'all'),
        )
        .map((report) => ({ kind: 'folder', report }));
    if (node.kind === 'incomplete') return node.report.incomplete.map((run) => ({ kind: 'run', run }));
    // By path, so a folder's files sit together.
    const byPath = <T extends { readonly uri: vscode.Uri }>(files: readonly T[]) =>
      [...files]
        .sort((a, b) => (a.uri.path < b.uri.path ? -1 : a.uri.path > b.uri.path ? 1 : 0))
        .slice(0, MAX_FILE_ROWS);
    if (node.kind === 'leftOut')
      return byPath(node.report.leftOut).map((l) => ({
        kind: 'file',
        uri: l.uri,
        reason: l.reason,
        icon: 'eye-closed',
      }));
    if (node.kind === 'skipped')
      return byPath(node.report.skipped).map((f) => ({ kind: 'file', uri: f.uri, reason: f.reason, icon: 'warning' }));
    return node.kind === 'folder' ? this.childrenOf(node.report) : [];
  }

  private childrenOf(report: FolderReport): Node[] {
    const nodes: Node[] = report.runs.map((run) => ({ kind: 'run', run }));
    if (report.incomplete.length > 0) nodes.push({ kind: 'incomplete', report });
    if (report.leftOut.length > 0 && this.filter.kind === 'all') nodes.push({ kind: 'leftOut', report });
    if ((report.measurementCount > 0 || report.measurementProblems.length > 0) && this.filter.kind === 'all')
      nodes.push({ kind: 'measurements', report });
    if (report.skipped.length > 0 && this.filter.kind === 'all') nodes.push({ kind: 'skipped', report });
    return nodes;
  }

  dispose(): void {
    this.scanning?.cancel();
    this.changed.dispose();
  }
}
