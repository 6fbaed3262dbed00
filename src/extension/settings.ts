import * as vscode from 'vscode';
import { printable } from '../core/report/neutralise';
import { SettingsStore, type GreenAiSettings } from '../core/settingsStore';
import {
  MAX_WORKSPACE_CONFIG_BYTES,
  parseWorkspaceConfig,
  WORKSPACE_CONFIG_FILE,
  type WorkspaceConfig,
} from '../core/workspaceConfig';

/**
 * The one typed view of `greenAI.*` settings for one extension context: VS Code's configuration
 * and the team files go in, `GreenAiSettings` comes out (resolution and caching in
 * `src/core/settingsStore.ts`, which owns the state).
 */

export type { GreenAiSettings } from '../core/settingsStore';

export class Settings {
  readonly store: SettingsStore;

  constructor(private readonly log: (msg: string) => void) {
    this.store = new SettingsStore((message) => {
      this.log(message);
      void vscode.window.showWarningMessage(message);
    });
  }

  /** Settings for the folder of `scope` (or the window), read once until a setting or team file changes. */
  read(scope?: vscode.ConfigurationScope): GreenAiSettings {
    const uri = scope instanceof vscode.Uri ? scope : undefined;
    const folder = uri ? vscode.workspace.getWorkspaceFolder(uri) : vscode.workspace.workspaceFolders?.[0];
    const cacheKey =
      (uri ? vscode.workspace.getWorkspaceFolder(uri)?.uri.toString() : undefined) ??
      (uri ? `file:${uri.toString()}` : 'window');
    let config: vscode.WorkspaceConfiguration | undefined;
    return this.store.read(cacheKey, folder?.uri.toString(), (key) => {
      config ??= vscode.workspace.getConfiguration('greenAI', scope);
      const inspected = config.inspect<unknown>(key);
      return {
        explicit: inspected?.workspaceFolderValue ?? inspected?.workspaceValue,
        effective: config.get<unknown>(key),
      };
    });
  }

  /** `greenAI.*` settings or a team file changed. */
  clear(): void {
    this.store.clear();
  }
}

/** Loads and watches `.greenai.json` in each workspace folder; an invalid field is named once. */
export class TeamConfigStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly watcher = vscode.workspace.createFileSystemWatcher(`**/${WORKSPACE_CONFIG_FILE}`);
  private readonly subscriptions: vscode.Disposable[];
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('green-ai-team-file');

  constructor(
    private readonly settings: Settings,
    private readonly log: (msg: string) => void,
  ) {
    const reload = () => void this.loadAll();
    this.subscriptions = [
      this.watcher,
      this.watcher.onDidChange(reload),
      this.watcher.onDidCreate(reload),
      this.watcher.onDidDelete(reload),
      vscode.workspace.onDidChangeWorkspaceFolders(reload),
      this.changed,
      this.diagnostics,
    ];
  }

  async loadAll(): Promise<void> {
    const configs = new Map<string, WorkspaceConfig>();
    this.diagnostics.clear();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const uri = vscode.Uri.joinPath(folder.uri, WORKSPACE_CONFIG_FILE);
      // Any team file is untrusted: a FIFO or a link would block or lead out of the folder, a broken one
      // must not stop activation. Each folder's file is read on its own; one failing leaves the others.
      let text: string;
      try {
        const stat = await vscode.workspace.fs.stat(uri);
        if (stat.type !== vscode.FileType.File || stat.size > MAX_WORKSPACE_CONFIG_BYTES) {
          const why =
            stat.type & vscode.FileType.SymbolicLink
              ? 'is a symbolic link'
              : stat.type !== vscode.FileType.File
                ? 'is not a regular file'
                : `is over ${MAX_WORKSPACE_CONFIG_BYTES / 1024} KB`;
          this.report(
            folder,
            uri,
            [`${WORKSPACE_CONFIG_FILE} ${why}: not read`],
            [`${WORKSPACE_CONFIG_FILE} ${why}: not read`],
          );
          continue;
        }
        text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      } catch {
        continue; // no team file in this folder
      }
      try {
        const { config, problems, errors } = parseWorkspaceConfig(text);
        configs.set(folder.uri.toString(), config);
        this.report(folder, uri, problems, errors);
      } catch (e) {
        this.report(
          folder,
          uri,
          [`${WORKSPACE_CONFIG_FILE} could not be read: ${(e as Error).message}`],
          [`${WORKSPACE_CONFIG_FILE} could not be read`],
        );
      }
    }
    this.settings.store.setTeamConfigs(configs);
    this.changed.fire();
  }

  /** Problems of a team file: a message once, and diagnostics on the file (errors for what stops estimates). */
  private report(
    folder: vscode.WorkspaceFolder,
    uri: vscode.Uri,
    problems: readonly string[],
    errors: readonly string[],
  ): void {
    const diagnostics: vscode.Diagnostic[] = [];
    for (const p of problems) {
      const error = errors.includes(p);
      const message = `Green AI: ${folder.name}/${printable(p)}${error ? '' : '; that field is ignored'}.`;
      const d = new vscode.Diagnostic(
        new vscode.Range(0, 0, 0, 0),
        printable(p),
        error ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
      );
      d.source = 'Green AI';
      d.code = error ? 'green-ai.team-file-error' : 'green-ai.team-file-field';
      diagnostics.push(d);
      if (this.settings.store.firstTime(message)) {
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
