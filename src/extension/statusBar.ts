import * as vscode from 'vscode';
import { isIncomplete, missingLines, needsText } from '../core/report/incomplete';
import { runCount } from '../core/analyze';
import { formatCo2e } from '../core/report/format';
import type { AnalysisService } from './analysisService';

/** The active file's total CO2e; click opens the panel. Hidden when the file holds no run. */
export class StatusBarTotal implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('greenAI.total', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly analysis: AnalysisService,
    private readonly isSupported: (d: vscode.TextDocument) => boolean,
  ) {
    this.item.name = 'Green AI estimate';
    this.item.command = 'greenAI.estimateRun';
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.schedule();
      }),
      analysis.onDidChange(() => this.update()),
    );
    this.update();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(), 300);
  }

  update(): void {
    const document = vscode.window.activeTextEditor?.document;
    const all = document && this.isSupported(document) ? this.analysis.analyze(document).runs : [];
    if (all.length === 0) {
      this.item.hide();
      return;
    }
    // Runs that cannot be estimated yet are counted apart, never added in as a placeholder figure.
    const runs = all.filter((r) => !isIncomplete(r.run));
    const waiting = all.length - runs.length;
    if (runs.length === 0) {
      this.item.text = `$(pulse) CO2e: ${needsText(all[0].run)}`;
      this.item.tooltip = `Green AI: ${waiting} run${waiting === 1 ? '' : 's'} in this file cannot be estimated yet: ${missingLines(all[0].run)[0]}`;
      this.item.accessibilityInformation = { label: `Green AI: ${needsText(all[0].run)}` };
      this.item.show();
      return;
    }
    const total = runs.reduce((s, r) => s + r.estimate.co2eKg * runCount(r), 0);
    const low = runs.reduce((s, r) => s + r.estimate.co2eKgLow * runCount(r), 0);
    const high = runs.reduce((s, r) => s + r.estimate.co2eKgHigh * runCount(r), 0);
    const count = runs.reduce((n, r) => n + runCount(r), 0);
    // Said once here (and in the panel and the report), not as every run's top suggestion.
    const regionUnset = runs.some((r) => r.run.regionIsDefault);
    this.item.text = `$(pulse) ${formatCo2e(total)} CO2e${waiting ? ` +${waiting} unknown` : ''}${regionUnset ? ' · region?' : ''}`;
    this.item.tooltip = `Green AI: ${count} run${count === 1 ? '' : 's'} in this file, ${formatCo2e(total)} CO2e (${formatCo2e(low)}–${formatCo2e(high)})${waiting ? `; ${waiting} more ${waiting === 1 ? 'needs' : 'need'} input and ${waiting === 1 ? 'is' : 'are'} not counted` : ''}.${regionUnset ? ' Region not set: the world-average grid is used (set greenAI.region, or a # green-ai: region=… comment).' : ''} Click for the full estimate.`;
    this.item.accessibilityInformation = { label: `Green AI estimate ${formatCo2e(total)} CO2e for this file` };
    this.item.show();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
