import * as vscode from 'vscode';
import type { SourceRange } from '../core/facts';
import type { AnalysisService } from './analysisService';

/** Quick fixes for suggestions whose code change is mechanical, titled with their saving. */
export class GreenAiCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
  };

  constructor(private readonly analysis: AnalysisService) {}

  provideCodeActions(
    document: vscode.TextDocument,
    range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    const line = range.start.line;
    for (const run of this.analysis.analyze(document).runs) {
      const near = [run.range, run.anchors.model, run.anchors.size, run.anchors.launch].some(
        (r) => r && line >= r.startLine && line <= r.endLine,
      );
      const ours = context.diagnostics.filter((d) => d.source === 'Green AI');
      for (const s of run.suggestions) {
        if (!s.fix) continue;
        const diagnostic = ours.find((d) => d.code === `green-ai.${s.kind}`);
        if (!diagnostic && !near) continue;
        const action = new vscode.CodeAction(s.fix.title, vscode.CodeActionKind.QuickFix);
        const edit = new vscode.WorkspaceEdit();
        for (const e of s.fix.edits) edit.replace(document.uri, toRange(e.range), e.newText);
        action.edit = edit;
        if (diagnostic) action.diagnostics = [diagnostic];
        action.isPreferred = s === run.suggestions.find((x) => x.fix);
        actions.push(action);
      }
    }
    return actions;
  }
}

function toRange(r: SourceRange): vscode.Range {
  return new vscode.Range(r.startLine, r.startCol, r.endLine, r.endCol);
}
