import * as vscode from 'vscode';
import { loadPythonParsing, wasmLocationIn } from '../core/parse/pythonParser';
import { AnalysisService } from './analysisService';
import { GreenAiCodeActions } from './codeActions';
import { GreenAiCodeLens } from './codeLens';
import { registerCommands } from './commands';
import { DiagnosticsPublisher } from './diagnostics';
import { MeasurementLookup } from './measurements';
import type { GreenAiContext } from './context';
import { ESTIMATE_PANEL_VIEW_TYPE, EstimatePanels } from './estimatePanel';
import { GreenAiHover } from './hover';
import { GreenAiInlayHints } from './inlayHints';
import { StatusBarTotal } from './statusBar';
import { Settings, TeamConfigStore } from './settings';
import { WorkspaceReportProvider } from './workspaceReport';
import { SCANNED_GLOB, WorkspaceScanner } from './workspaceScanner';

/** Activation: load the parser, then wire each feature. No estimation logic lives here. */

const SELECTOR: vscode.DocumentSelector = [
  { language: 'python' },
  { language: 'yaml' },
  { language: 'json' },
  { language: 'jsonc' },
  { language: 'shellscript' },
  { pattern: '**/*.{sbatch,slurm,sub,gin}' },
];

/** What the integration tests (and other extensions) reach through `extension.exports`. */
export interface GreenAiApi {
  readonly ready: true;
  readonly reportRunCount: () => number;
  /** The Workspace Report as shown (filter applied): folder → runs. */
  readonly reportSnapshot: () => Array<{
    folder: string;
    totalCo2eKg: number;
    runs: Array<{ file: string; mode: string; co2eKg: number; measuredCo2eKg: number | null }>;
    skipped: string[];
    incomplete: string[];
    leftOut: string[];
  }>;
  /** Scans the first folder and cancels after `files` progress ticks; true when the scan stopped without a result. */
  readonly scanCancelledAfter: (files: number) => Promise<boolean>;
  /** The Workspace Report's running scan (files done of total) and the view's message; undefined state when none runs. */
  readonly scanStatus: () => {
    readonly state: { readonly done: number; readonly total: number; readonly folder: string } | undefined;
    readonly message: string | undefined;
  };
}

export async function activate(context: vscode.ExtensionContext): Promise<GreenAiApi> {
  const log = vscode.window.createOutputChannel('Green AI', { log: true });
  context.subscriptions.push(log);
  try {
    return await activateFeatures(context, log);
  } catch (error) {
    reportActivationFailure(log, error);
    throw error;
  }
}

/** VS Code shows nothing when an extension fails to activate (a wasm that will not load, say): log it and say so once. */
function reportActivationFailure(log: vscode.LogOutputChannel, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  log.error('activation failed:', error instanceof Error ? error : message);
  void vscode.window.showErrorMessage(`Green AI could not start: ${message}`, 'Show Log').then((choice) => {
    if (choice) log.show();
  });
}

async function activateFeatures(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): Promise<GreenAiApi> {
  const wasmDir = vscode.Uri.joinPath(context.extensionUri, 'dist').fsPath;
  // The grammar (once, for the editor; scan workers load their own) and the team files load together.
  const settings = new Settings((m) => log.warn(m));
  const teamConfig = new TeamConfigStore(settings, (m) => log.warn(m));
  const loadTeamFiles = async () => {
    try {
      await teamConfig.loadAll();
    } catch (e) {
      // A team file must never stop activation: without it, settings and defaults apply.
      log.error(`could not read .greenai.json: ${(e as Error).message}`);
    }
  };
  const [python] = await Promise.all([loadPythonParsing(wasmLocationIn(wasmDir)), loadTeamFiles()]);
  log.info(`activated; tree-sitter wasm from ${wasmDir}`);

  const analysis = new AnalysisService(python, settings);
  // The file being looked at first: its hints are what the user waits for.
  const active = vscode.window.activeTextEditor?.document;
  if (active && AnalysisService.isSupported(active)) analysis.analyze(active);
  // A changed .greenai.json changes estimates: every surface listens to the analysis service.
  teamConfig.onDidChange(() => analysis.invalidate());
  // The scan workers keep V8's code cache of their bundle in the extension's own storage (codeCache.ts).
  const codeCacheDir = vscode.Uri.joinPath(context.globalStorageUri, 'code-cache').fsPath;
  const scanner = new WorkspaceScanner(python, wasmDir, settings, (m) => log.warn(m), codeCacheDir);
  // An open file is read with what the report's scan found its documentation saying of it (launches, model tables).
  analysis.documentationOf = (uri) => scanner.documentationOf(uri);
  const documentationWatch = scanner.onDidChangeDocumentation(() => analysis.invalidate());
  const report = new WorkspaceReportProvider(scanner);
  const view = vscode.window.createTreeView('greenAI.workspaceReport', {
    treeDataProvider: report,
    showCollapseAll: true,
  });
  report.view = view;
  const scanOnce = () => {
    if (!report.hasScanned && view.visible) void report.refresh();
  };
  // After the providers are registered and the first hints are out (the scan itself runs on worker threads).
  setTimeout(scanOnce, 0);
  teamConfig.onDidChange(() => {
    if (report.hasScanned) void report.refresh();
  });

  const watcher = vscode.workspace.createFileSystemWatcher(SCANNED_GLOB);
  let rescan: NodeJS.Timeout | undefined;
  const onFileEvent = (uri: vscode.Uri) => {
    scanner.forget(uri);
    if (!report.hasScanned) return;
    clearTimeout(rescan);
    // Saves often come in bursts (format on save, git checkout): rescan once they settle.
    rescan = setTimeout(() => void report.refresh(), 300);
  };

  const supported = (d: vscode.TextDocument) =>
    vscode.languages.match(SELECTOR, d) > 0 && AnalysisService.isSupported(d);
  const measurements = new MeasurementLookup();
  const warn = (m: string) => log.warn(m);
  const ctx: GreenAiContext = {
    extensionUri: context.extensionUri,
    log,
    settings,
    analysis,
    measurements,
    panels: new EstimatePanels({ extensionUri: context.extensionUri, analysis, settings, measurements, log: warn }),
    report,
  };
  context.subscriptions.push(
    measurements,
    teamConfig,
    analysis,
    ctx.panels,
    new DiagnosticsPublisher(analysis, settings, supported),
    new StatusBarTotal(analysis, supported),
    report,
    scanner,
    documentationWatch,
    view,
    vscode.commands.registerCommand('greenAI.cancelScan', () => report.cancel()),
    watcher,
    view.onDidChangeVisibility(scanOnce),
    watcher.onDidChange(onFileEvent),
    watcher.onDidCreate(onFileEvent),
    watcher.onDidDelete(onFileEvent),
    vscode.languages.registerInlayHintsProvider(SELECTOR, new GreenAiInlayHints(analysis, settings)),
    vscode.languages.registerHoverProvider(SELECTOR, new GreenAiHover(analysis, settings)),
    vscode.languages.registerCodeLensProvider(SELECTOR, new GreenAiCodeLens(analysis, settings)),
    vscode.languages.registerCodeActionsProvider(
      SELECTOR,
      new GreenAiCodeActions(analysis),
      GreenAiCodeActions.metadata,
    ),
    vscode.window.registerWebviewPanelSerializer(ESTIMATE_PANEL_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state) => ctx.panels.revive(panel, state),
    }),
    { dispose: () => clearTimeout(rescan) },
    ...registerCommands(ctx),
  );

  return {
    ready: true,
    reportRunCount: () => report.currentReports.reduce((n, r) => n + r.runs.length, 0),
    reportSnapshot: () =>
      report.visibleReports().map((r) => ({
        folder: r.folder.name,
        totalCo2eKg: r.totalCo2eKg,
        runs: r.runs.map((s) => ({
          file: s.relativePath,
          mode: s.run.run.mode,
          co2eKg: s.run.estimate.co2eKg,
          measuredCo2eKg: s.measured?.measurement.co2eKg ?? null,
        })),
        skipped: r.skipped.map((s) => vscode.workspace.asRelativePath(s.uri, false)),
        incomplete: r.incomplete.map((s) => s.relativePath),
        leftOut: r.leftOut.map((l) => vscode.workspace.asRelativePath(l.uri, false)),
      })),
    scanCancelledAfter: async (files: number) => {
      const folder = vscode.workspace.workspaceFolders?.[0];
      if (!folder) return false;
      const source = new vscode.CancellationTokenSource();
      let ticks = 0;
      const result = await scanner.scanFolder(folder, source.token, () => {
        if (++ticks >= files) source.cancel();
      });
      source.dispose();
      return result === undefined;
    },
    scanStatus: () => ({ state: report.scanState, message: view.message }),
  };
}

export function deactivate(): void {
  // Everything the context owns is in context.subscriptions, which VS Code disposes.
}
