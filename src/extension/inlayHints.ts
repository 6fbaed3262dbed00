import * as vscode from 'vscode';
import { formatParams } from '../core/advise/suggest';
import { markdownText } from '../core/report/neutralise';
import { inlineSummary } from '../core/report/panelModel';
import { isIncomplete, missingLines, needsText } from '../core/report/incomplete';
import type { AnalysisService } from './analysisService';
import type { Settings } from './settings';

/** Hints at the end of the lines that decide cost: the model load and the epochs/steps or launch line. */
export class GreenAiInlayHints implements vscode.InlayHintsProvider {
  readonly onDidChangeInlayHints: vscode.Event<void>;

  constructor(
    private readonly analysis: AnalysisService,
    private readonly settings: Settings,
  ) {
    this.onDidChangeInlayHints = analysis.onDidChange;
  }

  provideInlayHints(
    document: vscode.TextDocument,
    range: vscode.Range,
    token: vscode.CancellationToken,
  ): vscode.InlayHint[] {
    if (!this.settings.read(document.uri).inlayHintsEnabled || token.isCancellationRequested) return [];
    const hints: vscode.InlayHint[] = [];
    for (const run of this.analysis.analyze(document).runs) {
      const modelLine = run.anchors.model?.startLine;
      const sizeLine =
        run.anchors.size?.startLine ??
        run.anchors.launch?.startLine ??
        (modelLine === undefined ? run.range.startLine : undefined);
      if (isIncomplete(run.run)) {
        // No placeholder figure: say what is missing and how to set it, once, where the model is (or the run starts).
        const line = modelLine ?? sizeLine ?? run.range.startLine;
        if (line >= range.start.line && line <= range.end.line && line < document.lineCount) {
          const hint = new vscode.InlayHint(
            document.lineAt(line).range.end,
            ` Green AI: ${needsText(run.run)}`,
            vscode.InlayHintKind.Type,
          );
          hint.paddingLeft = true;
          hint.tooltip = missingLines(run.run).join('\n\n');
          hints.push(hint);
        }
        continue;
      }
      const times = run.trial ? ` × ${run.trial.of} runs` : '';
      const biggest = run.run.assumptions.find((a) => a.source === 'default' || a.source === 'setting');
      const tooltip = new vscode.MarkdownString(
        `**Green AI**: ${inlineSummary(run)}${run.trial ? ` per run, ${run.trial.of} runs (${markdownText(run.trial.detail)})` : ''} (range ${run.estimate.co2eKgLow.toPrecision(2)}–${run.estimate.co2eKgHigh.toPrecision(2)} kg)` +
          (biggest
            ? `\n\nBiggest assumption: \`${biggest.field}\` = ${markdownText(String(biggest.value))} (${markdownText(biggest.detail)})`
            : ''),
      );
      const place = (line: number, label: string) => {
        if (line < range.start.line || line > range.end.line || line >= document.lineCount) return;
        const end = document.lineAt(line).range.end;
        const hint = new vscode.InlayHint(end, ` ${label}`, vscode.InlayHintKind.Type);
        hint.paddingLeft = true;
        hint.tooltip = tooltip;
        hints.push(hint);
      };
      // In a notebook cell that only loads the model, the estimate lives in the cell that trains (sizeLine above).
      if (modelLine !== undefined && modelLine !== sizeLine)
        place(modelLine, `≈ ${formatParams(run.run.model.activeParams)} params`);
      if (sizeLine !== undefined) place(sizeLine, `${inlineSummary(run)}${times}`);
    }
    return hints;
  }
}
