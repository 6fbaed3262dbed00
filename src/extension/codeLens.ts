import * as vscode from 'vscode';
import { defaultRequestsNote, formatCo2e } from '../core/report/format';
import { isIncomplete, missingLines, needsText } from '../core/report/incomplete';
import type { AnalysisService } from './analysisService';
import type { Settings } from './settings';

/** Above each run: its CO2e with range and suggestion count; opens the panel for that run. */
export class GreenAiCodeLens implements vscode.CodeLensProvider {
  readonly onDidChangeCodeLenses: vscode.Event<void>;

  constructor(
    private readonly analysis: AnalysisService,
    private readonly settings: Settings,
  ) {
    this.onDidChangeCodeLenses = analysis.onDidChange;
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!this.settings.read(document.uri).codeLensEnabled) return [];
    // A sweep's runs share their lines: one lens for all of them, with the total.
    return this.analysis.analyze(document).runs.map((run) => {
      const line = run.anchors.launch?.startLine ?? run.range.startLine;
      if (isIncomplete(run.run)) {
        return new vscode.CodeLens(new vscode.Range(line, 0, line, 0), {
          title: `Green AI: ${needsText(run.run)} to estimate this run`,
          command: 'greenAI.estimateRun',
          arguments: [document.uri.toString(), run.range.startLine],
          tooltip: missingLines(run.run).join('\n'),
        });
      }
      const e = run.estimate;
      const n = run.suggestions.length;
      const times = run.trial
        ? `${run.trial.of} runs × ${formatCo2e(e.co2eKg)} = ${formatCo2e(e.co2eKg * run.trial.of)} CO2e`
        : `${formatCo2e(e.co2eKg)} CO2e`;
      // An inference total for the default request count is no total of the run: said so, as the CLI says it.
      const per = defaultRequestsNote(run.run.assumptions);
      const title = `Green AI: ${times} (${formatCo2e(e.co2eKgLow)}–${formatCo2e(e.co2eKgHigh)}${run.trial ? ' each' : ''})${per ? ` ${per}` : ''}${n ? ` · ${n} suggestion${n === 1 ? '' : 's'}` : ''}`;
      return new vscode.CodeLens(new vscode.Range(line, 0, line, 0), {
        title,
        command: 'greenAI.estimateRun',
        arguments: [document.uri.toString(), run.range.startLine],
        tooltip: 'Open the full estimate for this run',
      });
    });
  }
}
