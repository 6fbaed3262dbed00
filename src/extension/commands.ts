import * as vscode from 'vscode';
import { runsToCsv, runsToMarkdown } from '../core/report/format';
import { CliOutputSchema } from '../core/report/cliSchema';
import { toCliRun } from '../core/report/toCli';
import type { AnalysisService } from './analysisService';
import { EstimatePanel } from './estimatePanel';
import type { WorkspaceReportProvider } from './workspaceReport';

/** The extension's commands: a table of small functions (after rust-analyzer's editors/code). */

export interface CommandContext {
  readonly extensionUri: vscode.Uri;
  readonly analysis: AnalysisService;
  readonly report: WorkspaceReportProvider;
  readonly log: vscode.LogOutputChannel;
}

async function estimateRun(ctx: CommandContext, uriArg?: unknown, lineArg?: unknown): Promise<void> {
  let uri: string | undefined;
  let line = 0;
  if (typeof uriArg === 'string') {
    uri = uriArg;
    line = typeof lineArg === 'number' ? lineArg : 0;
  } else if (uriArg && typeof uriArg === 'object' && 'run' in uriArg) {
    // From the Workspace Report's context menu: a run node.
    const node = uriArg as { run: { uri: vscode.Uri; run: { range: { startLine: number } } } };
    uri = node.run.uri.toString();
    line = node.run.run.range.startLine;
  } else {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showInformationMessage('Green AI: open a training script (Python, notebook, YAML/JSON config or launch script) first.');
      return;
    }
    uri = editor.document.uri.toString();
    line = editor.selection.active.line;
    if (ctx.analysis.analyze(editor.document).runs.length === 0) {
      void vscode.window.showInformationMessage(`Green AI: no training or inference run found in ${vscode.workspace.asRelativePath(editor.document.uri)}.`);
    }
  }
  EstimatePanel.show(ctx.extensionUri, ctx.analysis, { uri, line }, (m) => ctx.log.warn(m));
}

async function exportReport(ctx: CommandContext): Promise<void> {
  if (ctx.report.currentReports.length === 0) await ctx.report.refresh();
  const formats = [
    { label: 'Markdown', description: 'a table for a pull request or paper', ext: 'md' },
    { label: 'CSV', description: 'one row per run', ext: 'csv' },
    { label: 'JSON', description: 'the green-ai CLI report format', ext: 'json' },
  ];
  const picked = await vscode.window.showQuickPick(formats, { title: 'Green AI: export the workspace report as…' });
  if (!picked) return;
  const runs = ctx.report.currentReports.flatMap((r) => r.runs.map((s) => toCliRun(s.relativePath, s.run)));
  const body = picked.ext === 'md' ? runsToMarkdown(runs, 'Green AI workspace report') : picked.ext === 'csv' ? runsToCsv(runs) : JSON.stringify(CliOutputSchema.parse({ version: 1, runs }), null, 2) + '\n';
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, `green-ai-report.${picked.ext}`) : undefined,
    filters: { [picked.label]: [picked.ext] },
  });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(body));
  void vscode.window.showInformationMessage(`Green AI: wrote ${runs.length} run(s) to ${vscode.workspace.asRelativePath(target)}.`);
}

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  const table: Record<string, (...args: unknown[]) => unknown> = {
    'greenAI.estimateRun': (uri, line) => estimateRun(ctx, uri, line),
    'greenAI.refreshReport': () => ctx.report.refresh(),
    'greenAI.exportReport': () => exportReport(ctx),
  };
  return Object.entries(table).map(([id, fn]) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        await fn(...args);
      } catch (e) {
        ctx.log.error(`${id} failed: ${(e as Error).stack ?? String(e)}`);
        void vscode.window.showErrorMessage(`Green AI: ${id} failed: ${(e as Error).message}`);
      }
    }),
  );
}
