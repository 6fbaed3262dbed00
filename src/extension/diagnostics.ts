import * as vscode from 'vscode';
import { isIncomplete, missingLines, needsText } from '../core/report/incomplete';
import type { AnalyzedRun } from '../core/analyze';
import type { Problem } from '../core/problem';
import type { SourceRange } from '../core/facts';
import { formatCo2e } from '../core/report/format';
import type { AnalysisService } from './analysisService';
import type { Settings } from './settings';

/**
 * Information diagnostics for each suggestion that applies, on the line it
 * concerns, and a warning for a run over the configured budget. Codes are stable
 * (`green-ai.<kind>`), so users can filter them.
 */

function toRange(document: vscode.TextDocument, r: SourceRange | undefined, fallbackLine: number): vscode.Range {
  const line = Math.min(r?.startLine ?? fallbackLine, document.lineCount - 1);
  const text = document.lineAt(line).text;
  const start = r && r.startLine === line ? Math.min(r.startCol, text.length) : text.length - text.trimStart().length;
  const end = r && r.endLine === line ? Math.min(r.endCol, text.length) : text.length;
  return new vscode.Range(line, start, line, Math.max(end, start));
}

/**
 * Where a problem shows: its line in this document (a problem in a linked file, or with no line, on
 * the first line), from its column to the end of the line.
 */
function problemRange(document: vscode.TextDocument, p: Problem): vscode.Range {
  const here = p.file === undefined && p.line !== undefined;
  const line = here ? Math.max(0, Math.min(document.lineCount - 1, p.line ?? 0)) : 0;
  const range = document.lineAt(line).range;
  const start =
    here && p.column !== undefined ? Math.min(Math.max(0, p.column), range.end.character) : range.start.character;
  return new vscode.Range(line, start, line, range.end.character);
}

export function diagnosticsFor(
  document: vscode.TextDocument,
  runs: readonly AnalyzedRun[],
  budgetKg: number | null,
  problems: readonly Problem[] = [],
  errors: readonly Problem[] = [],
): vscode.Diagnostic[] {
  const out: vscode.Diagnostic[] = [];
  // What stops an estimate (an unknown region or accelerator, a run that cannot be estimated) is an error:
  // the editor fails closed like the CLI, instead of showing a number made with a default.
  for (const error of errors) {
    const d = new vscode.Diagnostic(
      problemRange(document, error),
      `Green AI cannot estimate this: ${error.message}`,
      vscode.DiagnosticSeverity.Error,
    );
    d.source = 'Green AI';
    d.code = 'green-ai.cannot-estimate';
    out.push(d);
  }
  // What could not be read (a skipped file, a bad directive, a broken config) is a quiet hint;
  // Python syntax errors are left to the language server, which already shows them.
  for (const problem of problems) {
    if (problem.file === undefined && problem.message.startsWith('syntax error')) continue;
    const d = new vscode.Diagnostic(
      problemRange(document, problem),
      `Green AI could not use this: ${problem.message}`,
      vscode.DiagnosticSeverity.Hint,
    );
    d.source = 'Green AI';
    d.code = 'green-ai.unreadable';
    out.push(d);
  }
  for (const run of runs) {
    const launchLine = run.anchors.launch?.startLine ?? run.range.startLine;
    for (const s of run.suggestions) {
      const anchor =
        s.kind === 'smaller-model' || s.kind === 'peft' || s.kind === 'use-pretrained'
          ? (run.anchors.model ?? run.anchors.launch)
          : run.anchors.launch;
      const d = new vscode.Diagnostic(
        toRange(document, anchor, launchLine),
        `${s.title}: saves ${formatCo2e(s.co2eKgSaved)} CO2e (−${Math.round(s.savedFraction * 100)}%). ${s.tradeoff}`,
        s.kind === 'greener-region' ? vscode.DiagnosticSeverity.Hint : vscode.DiagnosticSeverity.Information,
      );
      d.source = 'Green AI';
      d.code = `green-ai.${s.kind}`;
      out.push(d);
    }
    if (isIncomplete(run.run)) {
      // No estimate to compare with a budget or to save from: say what is missing, where the model is.
      const d = new vscode.Diagnostic(
        toRange(document, run.anchors.model ?? run.anchors.launch, launchLine),
        `Green AI ${needsText(run.run)}: ${missingLines(run.run).join(' ')}`,
        vscode.DiagnosticSeverity.Information,
      );
      d.source = 'Green AI';
      d.code = 'green-ai.needs-input';
      out.push(d);
      continue;
    }
    if (budgetKg !== null && run.estimate.co2eKg > budgetKg) {
      const d = new vscode.Diagnostic(
        toRange(document, run.anchors.launch, launchLine),
        `This run's estimate, ${formatCo2e(run.estimate.co2eKg)} CO2e (${formatCo2e(run.estimate.co2eKgLow)}–${formatCo2e(run.estimate.co2eKgHigh)}), is over the budget of ${formatCo2e(budgetKg)}.`,
        vscode.DiagnosticSeverity.Warning,
      );
      d.source = 'Green AI';
      d.code = 'green-ai.over-budget';
      out.push(d);
    }
  }
  return out;
}

export class DiagnosticsPublisher implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('green-ai');
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly analysis: AnalysisService,
    private readonly settings: Settings,
    private readonly isSupported: (d: vscode.TextDocument) => boolean,
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document, 400)),
      vscode.workspace.onDidCloseTextDocument((d) => this.collection.delete(d.uri)),
      analysis.onDidChange(() => this.refreshAll()),
    );
    this.refreshAll();
  }

  private refreshAll(): void {
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  /** Debounced: diagnostics wait until typing pauses. */
  private schedule(document: vscode.TextDocument, delayMs: number): void {
    if (!this.isSupported(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        if (document.isClosed) return;
        const settings = this.settings.read(document.uri);
        const analysis = this.analysis.analyze(document);
        this.collection.set(
          document.uri,
          settings.diagnosticsEnabled
            ? diagnosticsFor(
                document,
                analysis.runs,
                settings.budgetKg,
                analysis.problems,
                analysis.internalError
                  ? [...analysis.errors, { message: `internal error (please report it): ${analysis.internalError}` }]
                  : analysis.errors,
              )
            : [],
        );
      }, delayMs),
    );
  }

  dispose(): void {
    for (const t of this.pending.values()) clearTimeout(t);
    this.collection.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
