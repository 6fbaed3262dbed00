import * as vscode from 'vscode';
import { formatCo2e, formatEnergy, runsToCsv, runsToMarkdown } from '../core/report/format';
import { CliOutputSchema } from '../core/report/cliSchema';
import { toCliRun } from '../core/report/toCli';
import type { GreenAiContext } from './context';
import type { ReportFilter } from './workspaceReport';
import type { ScannedRun } from './workspaceScanner';
import { proposeCalibration } from '../core/calibration/calibrate';
import type { MeasuredComparison } from '../core/calibration/match';
import { withCalibration, WORKSPACE_CONFIG_FILE } from '../core/workspaceConfig';
import { realFolder, writeFileInside } from '../core/scan/safeFiles';

/** The extension's commands: a table of small functions (after rust-analyzer's editors/code). */

/** The commands see the extension's context: analyses, settings, the panel, the report. */
type CommandContext = GreenAiContext;

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
      void vscode.window.showInformationMessage(
        'Green AI: open a training script (Python, notebook, YAML/JSON config or launch script) first.',
      );
      return;
    }
    uri = editor.document.uri.toString();
    line = editor.selection.active.line;
    const runs = ctx.analysis.analyze(editor.document).runs;
    if (runs.length === 0) {
      void vscode.window.showInformationMessage(
        `Green AI: no training or inference run found in ${vscode.workspace.asRelativePath(editor.document.uri)}.`,
      );
    } else if (runs.length > 1 && !runs.some((r) => line >= r.range.startLine && line <= r.range.endLine)) {
      // Several runs and the cursor in none of them: let the user pick.
      const picked = await vscode.window.showQuickPick(
        runs.map((r) => ({
          label: `Line ${r.range.startLine + 1}: ${r.run.model.name ?? 'unknown model'} · ${r.run.mode}`,
          description: `${formatCo2e(r.estimate.co2eKg)} CO2e`,
          line: r.range.startLine,
        })),
        { title: 'Green AI: which run?' },
      );
      if (!picked) return;
      line = picked.line;
    }
  }
  ctx.panels.show({ uri, line });
}

/** Export the report: from the view (pick format and file) or programmatically (`format`, `target`). */
async function exportReport(ctx: CommandContext, formatArg?: unknown, targetArg?: unknown): Promise<void> {
  if (ctx.report.currentReports.length === 0) await ctx.report.refresh();
  const formats = [
    { label: 'Markdown', description: 'a table for a pull request or paper', ext: 'md' },
    { label: 'CSV', description: 'one row per run', ext: 'csv' },
    { label: 'JSON', description: 'the green-ai CLI report format', ext: 'json' },
  ];
  const picked =
    formats.find((f) => f.ext === formatArg) ??
    (await vscode.window.showQuickPick(formats, { title: 'Green AI: export the workspace report as…' }));
  if (!picked) return;
  // Export what the view shows (the filter applies), sorted as in the view.
  const runs = ctx.report
    .visibleReports()
    .flatMap((r) => r.runs.map((s) => toCliRun(s.relativePath, s.run, s.measured)));
  const body =
    picked.ext === 'md'
      ? runsToMarkdown(runs, 'Green AI workspace report')
      : picked.ext === 'csv'
        ? runsToCsv(runs)
        : JSON.stringify(CliOutputSchema.parse({ version: 1, runs }), null, 2) + '\n';
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const given =
    targetArg instanceof vscode.Uri
      ? targetArg
      : typeof targetArg === 'string'
        ? vscode.Uri.parse(targetArg)
        : undefined;
  const target =
    given ??
    (await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, `green-ai-report.${picked.ext}`) : undefined,
      filters: { [picked.label]: [picked.ext] },
    }));
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(body));
  void vscode.window.showInformationMessage(
    `Green AI: wrote ${runs.length} run(s) to ${vscode.workspace.asRelativePath(target)}.`,
  );
}

async function filterReport(ctx: CommandContext): Promise<void> {
  if (ctx.report.currentReports.length === 0) await ctx.report.refresh();
  type Item = vscode.QuickPickItem & { filter: ReportFilter };
  const budget = ctx.settings.read(vscode.workspace.workspaceFolders?.[0]?.uri).budgetKg;
  const items: Item[] = [
    { label: 'All runs', filter: { kind: 'all' } },
    { label: 'Pre-training from scratch', filter: { kind: 'mode', modes: ['pretrain'], label: 'pre-training' } },
    { label: 'Full fine-tuning', filter: { kind: 'mode', modes: ['finetune'], label: 'fine-tuning' } },
    { label: 'LoRA / QLoRA', filter: { kind: 'mode', modes: ['lora', 'qlora'], label: 'LoRA' } },
    { label: 'Inference', filter: { kind: 'mode', modes: ['inference'], label: 'inference' } },
    ...(budget !== null
      ? [
          {
            label: `Over budget (${formatCo2e(budget)})`,
            filter: { kind: 'overBudget', budgetKg: budget } as ReportFilter,
          },
        ]
      : []),
    ...ctx.report.currentReports.map((r) => ({
      label: `Folder: ${r.folder.name}`,
      description: r.folder.uri.fsPath,
      filter: { kind: 'folder', folder: r.folder.uri.toString() } satisfies ReportFilter,
    })),
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'Green AI: show in the Workspace Report…' });
  if (picked) ctx.report.setFilter(picked.filter);
}

function isFilter(x: unknown): x is ReportFilter {
  return (
    typeof x === 'object' &&
    x !== null &&
    ['all', 'folder', 'mode', 'overBudget'].includes((x as { kind?: unknown }).kind as string)
  );
}

async function copyRunSummary(node: unknown): Promise<void> {
  const scanned = (node as { run?: ScannedRun } | undefined)?.run;
  if (!scanned) return;
  const { run, estimate } = scanned.run;
  const text = `${scanned.relativePath}:${scanned.run.range.startLine + 1} · ${run.model.name ?? 'unknown model'} · ${run.mode} · ${run.hardware.count}× ${run.hardware.accelerator.id} · ${formatCo2e(estimate.co2eKg)} CO2e (${formatCo2e(estimate.co2eKgLow)}–${formatCo2e(estimate.co2eKgHigh)}) · ${formatEnergy(estimate.energyKWh)}`;
  await vscode.env.clipboard.writeText(text);
  void vscode.window.setStatusBarMessage(`Green AI: copied "${text}"`, 4000);
}

/**
 * Proposes a calibration for a workspace folder from its matched measured runs and, when the user
 * accepts (or `{ save: true }` is passed, for automation), stores it in the folder's .greenai.json.
 */
async function calibrate(ctx: CommandContext, folderArg?: unknown, options?: unknown): Promise<void> {
  if (!ctx.report.hasScanned) await ctx.report.refresh();
  const reports = ctx.report.currentReports;
  const wanted = folderArg instanceof vscode.Uri ? folderArg.toString() : undefined;
  let candidates = reports.filter((r) =>
    wanted ? r.folder.uri.toString() === wanted : r.runs.some((run) => run.measured),
  );
  if (candidates.length === 0) candidates = reports.filter((r) => !wanted || r.folder.uri.toString() === wanted);
  let report = candidates[0];
  if (candidates.length > 1) {
    const picked = await vscode.window.showQuickPick(
      candidates.map((r) => ({
        label: r.folder.name,
        description: `${r.runs.filter((x) => x.measured).length} matched measured runs`,
        report: r,
      })),
      { title: 'Green AI: calibrate which folder?' },
    );
    if (!picked) return;
    report = picked.report;
  }
  if (!report) {
    void vscode.window.showInformationMessage(
      'Green AI: open a folder with training code and CodeCarbon emissions.csv files to calibrate.',
    );
    return;
  }
  const pairs = report.runs.map((r) => r.measured).filter((m): m is MeasuredComparison => m !== null);
  const proposal = proposeCalibration(
    pairs,
    ctx.settings.read(report.folder.uri).calibration,
    new Date().toISOString().slice(0, 10),
  );
  if ('problem' in proposal) {
    void vscode.window.showInformationMessage(
      `Green AI: no calibration for ${report.folder.name}: ${proposal.problem}.`,
    );
    return;
  }
  const save = 'Save to .greenai.json';
  const accepted =
    (options as { save?: boolean } | undefined)?.save === true ||
    (await vscode.window.showInformationMessage(
      `Green AI: ${proposal.summary}.`,
      {
        modal: true,
        detail: [
          `Saving writes "calibration" to ${report.folder.name}/${WORKSPACE_CONFIG_FILE}; every estimate in the folder then uses it and lists it in its assumptions.`,
          ...proposal.excluded.map((e) => `Not used: ${e.file}:${e.line}: ${e.reason}`),
        ].join('\n'),
      },
      save,
    )) === save;
  if (!accepted) return;
  const file = vscode.Uri.joinPath(report.folder.uri, WORKSPACE_CONFIG_FILE);
  let before: string | undefined;
  let stat: vscode.FileStat | undefined;
  try {
    stat = await vscode.workspace.fs.stat(file);
  } catch {
    // no team file yet: start one
  }
  // Never through a link (a committed .greenai.json -> ../elsewhere would write outside the folder), never into a FIFO.
  if (stat && stat.type !== vscode.FileType.File) {
    void vscode.window.showErrorMessage(
      `Green AI: ${report.folder.name}/${WORKSPACE_CONFIG_FILE} is ${stat.type & vscode.FileType.SymbolicLink ? 'a symbolic link' : 'not a regular file'}; the calibration is not written through it. Replace it with a regular file.`,
    );
    return;
  }
  if (stat) before = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(file));
  const after = withCalibration(before, proposal.calibration);
  if (file.scheme === 'file') writeFileInside(realFolder(report.folder.uri.fsPath), file.fsPath, after);
  else await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(after));
  ctx.log.info(`calibration saved to ${file.toString()}: ${proposal.summary}`);
  void vscode.window.setStatusBarMessage(`Green AI: calibration saved to ${WORKSPACE_CONFIG_FILE}`, 5000);
}

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  const table: Record<string, (...args: unknown[]) => unknown> = {
    'greenAI.estimateRun': (uri, line) => estimateRun(ctx, uri, line),
    'greenAI.refreshReport': () => ctx.report.refresh(),
    'greenAI.exportReport': (format, target) => exportReport(ctx, format, target),
    'greenAI.filterReport': (filter) => (isFilter(filter) ? ctx.report.setFilter(filter) : filterReport(ctx)),
    'greenAI.clearReportFilter': () => ctx.report.setFilter({ kind: 'all' }),
    'greenAI.copyRunSummary': (node) => copyRunSummary(node),
    'greenAI.calibrate': (folder, options) => calibrate(ctx, folder, options),
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
