import * as vscode from 'vscode';
import { z } from 'zod';
import { type EstimateSettings } from '../core/runSpec';
import { SETTINGS_FIELDS } from '../core/settingsSchema';
import { printable } from '../core/report/neutralise';
import { MAX_WORKSPACE_CONFIG_BYTES, parseWorkspaceConfig, WORKSPACE_CONFIG_FILE, type WorkspaceConfig } from '../core/workspaceConfig';

/**
 * The one typed view of `greenAI.*` settings. Each field is validated on its
 * own, so one bad value falls back to its default (with one message) instead of
 * breaking every provider.
 */

export interface GreenAiSettings extends EstimateSettings {
  readonly inlayHintsEnabled: boolean;
  readonly hoverEnabled: boolean;
  readonly codeLensEnabled: boolean;
  readonly diagnosticsEnabled: boolean;
  /** Warn on runs whose central estimate exceeds this many kg CO2e; null = no budget. */
  readonly budgetKg: number | null;
  /** Globs (relative to the folder) of files that are not runs, beyond tests, CI, docs and packaging. */
  readonly reportExclude: string[];
}

const FIELDS = SETTINGS_FIELDS;

const warned = new Set<string>();

/** `.greenai.json` per workspace folder (by folder URI), kept current by TeamConfigStore. */
const teamConfigs = new Map<string, WorkspaceConfig>();

/** Which setting each `.greenai.json` field stands in for. */
const TEAM_FIELDS: Partial<Record<keyof typeof FIELDS, keyof WorkspaceConfig>> = {
  region: 'region',
  pue: 'pue',
  defaultAccelerator: 'accelerator',
  defaultAcceleratorCount: 'count',
  utilisation: 'utilisation',
  includeEmbodied: 'includeEmbodied',
  budgetKg: 'budgetKg',
};

function teamConfigFor(scope?: vscode.ConfigurationScope): WorkspaceConfig | undefined {
  const uri = scope instanceof vscode.Uri ? scope : undefined;
  const folder = uri ? vscode.workspace.getWorkspaceFolder(uri) : vscode.workspace.workspaceFolders?.[0];
  return folder ? teamConfigs.get(folder.uri.toString()) : undefined;
}

/** Loads and watches `.greenai.json` in each workspace folder; an invalid field is named once. */
export class TeamConfigStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly watcher = vscode.workspace.createFileSystemWatcher(`**/${WORKSPACE_CONFIG_FILE}`);
  private readonly subscriptions: vscode.Disposable[];
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('green-ai-team-file');

  constructor(private readonly log: (msg: string) => void) {
    const reload = () => void this.loadAll();
    this.subscriptions = [this.watcher, this.watcher.onDidChange(reload), this.watcher.onDidCreate(reload), this.watcher.onDidDelete(reload), vscode.workspace.onDidChangeWorkspaceFolders(reload), this.changed, this.diagnostics];
  }

  async loadAll(): Promise<void> {
    teamConfigs.clear();
    settingsCache.clear();
    this.diagnostics.clear();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const uri = vscode.Uri.joinPath(folder.uri, WORKSPACE_CONFIG_FILE);
      // Any team file is untrusted: a FIFO or a link would block or lead out of the folder, a broken one
      // must not stop activation. Each folder's file is read on its own; one failing leaves the others.
      let text: string;
      try {
        const stat = await vscode.workspace.fs.stat(uri);
        if (stat.type !== vscode.FileType.File || stat.size > MAX_WORKSPACE_CONFIG_BYTES) {
          const why = stat.type & vscode.FileType.SymbolicLink ? 'is a symbolic link' : stat.type !== vscode.FileType.File ? 'is not a regular file' : `is over ${MAX_WORKSPACE_CONFIG_BYTES / 1024} KB`;
          this.report(folder, uri, [`${WORKSPACE_CONFIG_FILE} ${why}: not read`], [`${WORKSPACE_CONFIG_FILE} ${why}: not read`]);
          continue;
        }
        text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      } catch {
        continue; // no team file in this folder
      }
      try {
        const { config, problems, errors } = parseWorkspaceConfig(text);
        teamConfigs.set(folder.uri.toString(), config);
        this.report(folder, uri, problems, errors);
      } catch (e) {
        this.report(folder, uri, [`${WORKSPACE_CONFIG_FILE} could not be read: ${(e as Error).message}`], [`${WORKSPACE_CONFIG_FILE} could not be read`]);
      }
    }
    settingsCache.clear();
    this.changed.fire();
  }

  /** Problems of a team file: a message once, and diagnostics on the file (errors for what stops estimates). */
  private report(folder: vscode.WorkspaceFolder, uri: vscode.Uri, problems: readonly string[], errors: readonly string[]): void {
    const diagnostics: vscode.Diagnostic[] = [];
    for (const p of problems) {
      const error = errors.includes(p);
      const message = `Green AI: ${folder.name}/${printable(p)}${error ? '' : '; that field is ignored'}.`;
      const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), printable(p), error ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
      d.source = 'Green AI';
      d.code = error ? 'green-ai.team-file-error' : 'green-ai.team-file-field';
      diagnostics.push(d);
      if (!warned.has(message)) {
        warned.add(message);
        this.log(message);
        void (error ? vscode.window.showErrorMessage(message) : vscode.window.showWarningMessage(message));
      }
    }
    if (diagnostics.length > 0) this.diagnostics.set(uri, diagnostics);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

/**
 * Settings per workspace folder, read and validated once: every provider asks on every call.
 * Cleared when `greenAI.*` settings or a `.greenai.json` change.
 */
const settingsCache = new Map<string, GreenAiSettings>();

export function clearSettingsCache(): void {
  settingsCache.clear();
}

export function readSettings(scope?: vscode.ConfigurationScope, log?: (msg: string) => void): GreenAiSettings {
  const uri = scope instanceof vscode.Uri ? scope : undefined;
  const key = (uri ? vscode.workspace.getWorkspaceFolder(uri)?.uri.toString() : undefined) ?? (uri ? `file:${uri.toString()}` : 'window');
  const cached = settingsCache.get(key);
  if (cached) return cached;
  const settings = readSettingsUncached(scope, log);
  settingsCache.set(key, settings);
  return settings;
}

function readSettingsUncached(scope?: vscode.ConfigurationScope, log?: (msg: string) => void): GreenAiSettings {
  const config = vscode.workspace.getConfiguration('greenAI', scope);
  const team = teamConfigFor(scope);
  const read = <K extends keyof typeof FIELDS>(key: K): z.output<(typeof FIELDS)[K]> => {
    const schema = FIELDS[key];
    // Precedence: workspace or folder settings, then the team's .greenai.json, then user settings and defaults.
    const inspected = config.inspect<unknown>(key);
    const teamKey = TEAM_FIELDS[key];
    const teamValue = teamKey ? team?.[teamKey] : undefined;
    const explicit = inspected?.workspaceFolderValue ?? inspected?.workspaceValue;
    const raw = explicit !== undefined ? explicit : teamValue !== undefined ? teamValue : config.get<unknown>(key);
    const parsed = schema.safeParse(raw ?? undefined);
    if (parsed.success) return parsed.data as z.output<(typeof FIELDS)[K]>;
    const message = `Green AI: setting greenAI.${key} = ${JSON.stringify(raw)} is invalid (${parsed.error.issues[0]?.message ?? 'wrong type'}); using the default.`;
    if (!warned.has(message)) {
      warned.add(message);
      log?.(message);
      void vscode.window.showWarningMessage(message);
    }
    return schema.parse(undefined) as z.output<(typeof FIELDS)[K]>;
  };
  return {
    region: read('region'),
    pue: read('pue'),
    defaultAccelerator: read('defaultAccelerator'),
    defaultAcceleratorCount: read('defaultAcceleratorCount'),
    utilisation: read('utilisation'),
    includeEmbodied: read('includeEmbodied'),
    inlayHintsEnabled: read('inlayHints.enabled'),
    hoverEnabled: read('hover.enabled'),
    codeLensEnabled: read('codeLens.enabled'),
    diagnosticsEnabled: read('diagnostics.enabled'),
    budgetKg: read('budgetKg'),
    reportExclude: read('report.exclude'),
    requestsPerDay: read('requestsPerDay'),
    deploymentDays: read('deploymentDays'),
    // Only a team file holds a calibration: it describes the team's machines, not one user's editor.
    calibration: team?.calibration ?? null,
  };
}
