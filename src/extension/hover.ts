import * as vscode from 'vscode';
import { defaultRequestsNote, formatCo2e, formatEnergy, formatHours, servingText, sig } from '../core/report/format';
import { isIncomplete, missingLines, needsText } from '../core/report/incomplete';
import { markdownText } from '../core/report/neutralise';
import type { AnalysisService } from './analysisService';
import type { Settings } from './settings';

/** On the lines that decide a run's cost: the breakdown, the assumptions and links to act on them. */
export class GreenAiHover implements vscode.HoverProvider {
  constructor(
    private readonly analysis: AnalysisService,
    private readonly settings: Settings,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    if (!this.settings.read(document.uri).hoverEnabled) return undefined;
    const run = this.analysis
      .analyze(document)
      .runs.find((r) =>
        [r.anchors.model, r.anchors.size, r.anchors.launch].some(
          (a) => a && position.line >= a.startLine && position.line <= a.endLine,
        ),
      );
    if (!run) return undefined;
    const { estimate: e, run: spec } = run;
    const md = new vscode.MarkdownString(undefined, true);
    md.isTrusted = { enabledCommands: ['greenAI.estimateRun', 'workbench.action.openSettings'] };
    const args = encodeURIComponent(JSON.stringify([document.uri.toString(), run.range.startLine]));
    if (isIncomplete(spec)) {
      md.appendMarkdown(`**Green AI**: ${needsText(spec)}\n\n`);
      // File text (a model id) stays plain text inside the hover.
      for (const line of missingLines(spec)) md.appendText(`${line}\n\n`);
      md.appendMarkdown(`[Estimate This Run](command:greenAI.estimateRun?${args})`);
      return new vscode.Hover(md);
    }
    // An inference total for the default request count says what it totals (defaultRequestsNote: our text only).
    const per = defaultRequestsNote(spec.assumptions);
    md.appendMarkdown(
      `**Green AI estimate**: ${formatCo2e(e.co2eKg)} CO2e (${formatCo2e(e.co2eKgLow)}–${formatCo2e(e.co2eKgHigh)})${per ? ` ${per}` : ''}\n\n`,
    );
    md.appendMarkdown(`| | |\n|---|---|\n`);
    md.appendMarkdown(`| Compute | ${e.flops.toExponential(2)} FLOPs |\n`);
    md.appendMarkdown(
      `| Time | ${sig(e.acceleratorHours)} accelerator-h, ${formatHours(e.wallClockHours)} on ${spec.hardware.count}× ${spec.hardware.accelerator.id} |\n`,
    );
    md.appendMarkdown(`| Energy | ${formatEnergy(e.energyKWh)} (PUE ${spec.datacenter.pue}) |\n`);
    md.appendMarkdown(
      `| Operational | ${formatCo2e(e.operationalCo2eKg)} at ${Math.round(spec.datacenter.intensityGPerKWh)} g/kWh (${spec.hardware.region.displayName}) |\n`,
    );
    md.appendMarkdown(`| Embodied | ${formatCo2e(e.embodiedCo2eKg)} |\n`);
    // Serving is priced per request and per day of service; the totals above cover the requests counted.
    const serving = servingText({ estimate: e });
    if (serving && spec.inference)
      md.appendMarkdown(
        `| Serving | ${serving}; totals for ${Math.round(spec.inference.requests).toLocaleString('en-US')} requests |\n`,
      );
    md.appendMarkdown('\n');
    const defaults = spec.assumptions.filter((a) => a.source === 'default' || a.source === 'setting').slice(0, 4);
    if (defaults.length > 0) {
      // Values may come from files or settings: escaped, since this hover may run the commands it links to.
      md.appendMarkdown(
        `Assumed: ${defaults.map((a) => `\`${a.field}\` = ${markdownText(String(a.value))}`).join(', ')}\n\n`,
      );
    }
    md.appendMarkdown(
      `[Estimate This Run](command:greenAI.estimateRun?${args}) · [Settings](command:workbench.action.openSettings?${encodeURIComponent(JSON.stringify(['greenAI']))})`,
    );
    return new vscode.Hover(md);
  }
}
