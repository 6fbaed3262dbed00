import * as crypto from 'node:crypto';
import * as vscode from 'vscode';
import type { AnalyzedRun } from '../core/analyze';
import { applyWhatIf, type WhatIfChanges } from '../core/advise/whatIf';
import { runsToMarkdown } from '../core/report/format';
import { buildPanelViewModel, modelCardBlock } from '../core/report/panelModel';
import { pretrainingReference, type TrainingReference } from '../core/report/deployment';
import { WebviewToExtensionSchema, type ExtensionToWebview } from '../core/report/panelMessages';
import { CliOutputSchema } from '../core/report/cliSchema';
import { toCliRun } from '../core/report/toCli';
import { RunInputError } from '../core/resolve/completeRun';
import { messagesOf } from '../core/problem';
import type { Settings } from './settings';
import type { AnalysisService } from './analysisService';
import type { MeasurementLookup } from './measurements';

/**
 * "Estimate This Run": one webview panel that shows the run at the cursor and
 * follows its document as it changes. The webview only renders; every number
 * comes from the core through typed, validated messages.
 */

interface PanelTarget {
  uri: string;
  line: number;
}

/** What a panel needs from the extension's context. */
export interface PanelServices {
  readonly extensionUri: vscode.Uri;
  readonly analysis: AnalysisService;
  readonly settings: Settings;
  /** Where measured runs beside a document come from. */
  readonly measurements: MeasurementLookup;
  readonly log: (m: string) => void;
}

export const ESTIMATE_PANEL_VIEW_TYPE = 'greenAI.estimatePanel';

/** The one "Estimate This Run" panel of an extension context: shown, revived after a reload, disposed with the context. */
export class EstimatePanels implements vscode.Disposable {
  private current: EstimatePanel | undefined;

  constructor(private readonly services: PanelServices) {}

  show(target: PanelTarget): EstimatePanel {
    if (this.current) {
      this.current.retarget(target);
      return this.current;
    }
    const panel = vscode.window.createWebviewPanel(
      ESTIMATE_PANEL_VIEW_TYPE,
      'Green AI: Estimate',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      webviewOptions(this.services.extensionUri),
    );
    return this.adopt(panel, target);
  }

  /** Restores a panel VS Code kept across a reload. */
  revive(panel: vscode.WebviewPanel, state: unknown): void {
    const s = state as Partial<PanelTarget> | undefined;
    const target =
      typeof s?.uri === 'string' && typeof s.line === 'number' ? { uri: s.uri, line: s.line } : { uri: '', line: 0 };
    panel.webview.options = webviewOptions(this.services.extensionUri);
    this.adopt(panel, target);
  }

  get active(): EstimatePanel | undefined {
    return this.current;
  }

  private adopt(panel: vscode.WebviewPanel, target: PanelTarget): EstimatePanel {
    const shown: EstimatePanel = new EstimatePanel(panel, this.services, target, () => {
      if (this.current === shown) this.current = undefined;
    });
    this.current = shown;
    return shown;
  }

  dispose(): void {
    this.current?.dispose();
  }
}

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    retainContextWhenHidden: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist')],
  };
}

export class EstimatePanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private wasVisible = true;
  /** What-if changes the user made in the panel; cleared by reset or when the panel targets another run. */
  private changes: WhatIfChanges = {};
  /** The run as shown (with what-if applied), for export. */
  private shown: { file: string; run: AnalyzedRun; document: vscode.TextDocument; original: AnalyzedRun } | undefined;
  private readonly extensionUri: vscode.Uri;
  private readonly analysis: AnalysisService;
  private readonly log: (m: string) => void;

  constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly services: PanelServices,
    private target: PanelTarget,
    private readonly onDispose: () => void,
  ) {
    this.extensionUri = services.extensionUri;
    this.analysis = services.analysis;
    this.log = services.log;
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'leaf.svg');
    panel.webview.html = this.html();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((raw) => this.receive(raw)),
      panel.onDidChangeViewState(() => {
        // Only when it comes back into view: focusing the panel must not re-render what the user is typing.
        if (panel.visible && !this.wasVisible) void this.refresh();
        this.wasVisible = panel.visible;
      }),
      this.analysis.onDidChange(() => void this.refresh()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() === this.target.uri) void this.refresh();
      }),
    );
  }

  private receive(raw: unknown): void {
    const parsed = WebviewToExtensionSchema.safeParse(raw);
    if (!parsed.success) {
      this.log(`panel: dropped a malformed message: ${JSON.stringify(raw)?.slice(0, 200)}`);
      return;
    }
    const message = parsed.data;
    if (message.type === 'ready') {
      this.ready = true;
      void this.refresh();
    } else if (message.type === 'revealLine') {
      void this.revealLine(message.line);
    } else if (message.type === 'whatIf') {
      this.changes = { ...message.changes };
      void this.refresh();
    } else if (message.type === 'reset') {
      this.changes = {};
      void this.refresh();
    } else if (message.type === 'applyFix') {
      void this.applyFix(message.index);
    } else if (message.type === 'export') {
      void this.export(message.format);
    } else if (message.type === 'openSetting') {
      void vscode.commands.executeCommand('workbench.action.openSettings', message.id);
    }
  }

  private async applyFix(index: number): Promise<void> {
    const shown = this.shown;
    const fix = shown && Object.keys(this.changes).length === 0 ? shown.original.suggestions[index]?.fix : null;
    if (!shown || !fix) return;
    const edit = new vscode.WorkspaceEdit();
    for (const e of fix.edits)
      edit.replace(
        shown.document.uri,
        new vscode.Range(e.range.startLine, e.range.startCol, e.range.endLine, e.range.endCol),
        e.newText,
      );
    if (await vscode.workspace.applyEdit(edit)) void vscode.window.setStatusBarMessage(`Green AI: ${fix.title}`, 4000);
  }

  /** Markdown, the CLI's JSON, or the model-card block: opened as a new document and copied. */
  private async export(format: 'markdown' | 'json' | 'modelCard'): Promise<void> {
    const shown = this.shown;
    if (!shown) return;
    const cli = toCliRun(shown.file, shown.run);
    const content =
      format === 'markdown'
        ? runsToMarkdown([cli], `Green AI estimate: ${shown.file}`)
        : format === 'json'
          ? JSON.stringify(CliOutputSchema.parse({ version: 1, runs: [cli] }), null, 2) + '\n'
          : modelCardBlock(shown.file, shown.run);
    await vscode.env.clipboard.writeText(content);
    const doc = await vscode.workspace.openTextDocument({
      content,
      language: format === 'json' ? 'json' : format === 'markdown' ? 'markdown' : 'yaml',
    });
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preview: false });
    void vscode.window.setStatusBarMessage(
      `Green AI: ${format === 'modelCard' ? 'model-card block' : format} copied to the clipboard`,
      4000,
    );
  }

  /** What a year of serving is set beside: a training run of the same model in this file, else pre-training it. */
  private trainingFor(shown: AnalyzedRun, runs: readonly AnalyzedRun[], uri: vscode.Uri): TrainingReference | null {
    if (!shown.run.inference) return null;
    const same = runs.find(
      (r) => r.run.mode !== 'inference' && r.run.model.name !== null && r.run.model.name === shown.run.model.name,
    );
    if (same)
      return {
        label: `Training run at line ${same.range.startLine + 1} (${same.run.mode})`,
        co2eKg: same.estimate.co2eKg,
        source: 'estimated from this file by the same model',
      };
    return pretrainingReference(shown.run, this.services.settings.read(uri));
  }

  private async revealLine(line: number): Promise<void> {
    if (!this.target.uri) return;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(this.target.uri));
    const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One });
    const pos = new vscode.Position(Math.min(line, document.lineCount - 1), 0);
    editor.selection = new vscode.Selection(pos, pos);
    editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenter);
  }

  async refresh(): Promise<void> {
    if (!this.ready) return;
    let message: ExtensionToWebview;
    if (!this.target.uri) {
      message = { type: 'empty', reason: 'Open a training script and run "Green AI: Estimate This Run".' };
    } else {
      try {
        const uri = vscode.Uri.parse(this.target.uri);
        const document = await vscode.workspace.openTextDocument(uri);
        const run = this.analysis.runAt(document, this.target.line);
        const fileAnalysis = this.analysis.analyze(document);
        const problems = fileAnalysis.problems;
        const file = vscode.workspace.asRelativePath(uri);
        if (run) {
          const whatIf = Object.keys(this.changes).length > 0;
          let shown = run;
          if (whatIf) {
            try {
              shown = applyWhatIf(run, this.changes, this.services.settings.read(uri));
            } catch (e) {
              if (!(e instanceof RunInputError)) throw e;
              await this.panel.webview.postMessage({
                type: 'inputError',
                message: e.message,
              } satisfies ExtensionToWebview);
              this.changes = {};
            }
          }
          this.shown = { file, run: shown, document, original: run };
          const measured = await this.services.measurements.measuredFor(document, fileAnalysis, run);
          message = {
            type: 'show',
            model: buildPanelViewModel(
              file,
              shown,
              shown !== run,
              measured,
              this.trainingFor(shown, fileAnalysis.runs, uri),
            ),
          };
        } else {
          this.shown = undefined;
          message = {
            type: 'empty',
            reason: `No training or inference run found in ${file}.${problems.length ? ` ${messagesOf(problems).join('; ')}` : ''}`,
          };
        }
        this.panel.title = run ? `Green AI: ${run.run.model.name ?? 'Estimate'}` : 'Green AI: Estimate';
      } catch (e) {
        message = { type: 'empty', reason: `Could not read the file: ${(e as Error).message}` };
      }
    }
    await this.panel.webview.postMessage(message);
    // What VS Code persists for the serializer: enough to find the run again.
    await this.panel.webview.postMessage({ type: 'state', state: this.target });
  }

  private html(): string {
    const webview = this.panel.webview;
    const nonce = crypto.randomBytes(16).toString('base64');
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview.css'));
    const csp = [
      "default-src 'none'",
      `img-src ${webview.cspSource} data:`,
      `font-src ${webview.cspSource}`,
      `style-src ${webview.cspSource} 'nonce-${nonce}'`,
      `script-src 'nonce-${nonce}'`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}" nonce="${nonce}">
<title>Green AI: Estimate</title>
</head>
<body>
<main id="app" aria-live="polite"><p class="muted">Estimating…</p></main>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
  }

  /** Shows another run (the command ran again): what-if changes belong to the old one. */
  retarget(target: PanelTarget): void {
    this.target = target;
    this.changes = {};
    this.panel.reveal(vscode.ViewColumn.Beside, true);
    void this.refresh();
  }

  dispose(): void {
    this.onDispose();
    this.panel.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
