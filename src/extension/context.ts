import type * as vscode from 'vscode';
import type { AnalysisService } from './analysisService';
import type { EstimatePanels } from './estimatePanel';
import type { MeasurementLookup } from './measurements';
import type { Settings } from './settings';
import type { WorkspaceReportProvider } from './workspaceReport';

/**
 * The extension's state, created once in `activate` and handed to the features that need it
 * (after rust-analyzer's `Ctx`). No module of src/extension keeps state of its own in module
 * globals or static fields (an ESLint rule holds that): two activations share nothing.
 */
export interface GreenAiContext {
  readonly extensionUri: vscode.Uri;
  readonly log: vscode.LogOutputChannel;
  /** `greenAI.*` settings and the team files, read and cached per folder. */
  readonly settings: Settings;
  /** Open documents' analyses, per version. */
  readonly analysis: AnalysisService;
  /** Measured runs beside documents. */
  readonly measurements: MeasurementLookup;
  /** The "Estimate This Run" panel. */
  readonly panels: EstimatePanels;
  /** The Workspace Report view. */
  readonly report: WorkspaceReportProvider;
}
