import type { z } from 'zod';
import type { EstimateSettings } from './runSpec';
import { SETTINGS_FIELDS } from './settingsSchema';
import type { WorkspaceConfig } from './workspaceConfig';

/**
 * The `greenAI.*` settings as one typed value, and the store that reads, validates and caches
 * them for one extension context. Pure (no `vscode`): the extension hands it what VS Code's
 * configuration says, so two contexts (two activations, two tests) never share a cache, a team
 * file or a warning.
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

export type SettingKey = keyof typeof SETTINGS_FIELDS;

/** What the editor's configuration says of one setting in one scope. */
export interface ConfiguredValue {
  /** A workspace or folder value, when one is set: it outranks the team file. */
  readonly explicit: unknown;
  /** The value VS Code resolves (user setting or the package.json default). */
  readonly effective: unknown;
}

/** Which setting each `.greenai.json` field stands in for. */
export const TEAM_FIELDS: Partial<Record<SettingKey, keyof WorkspaceConfig>> = {
  region: 'region',
  pue: 'pue',
  defaultAccelerator: 'accelerator',
  defaultAcceleratorCount: 'count',
  utilisation: 'utilisation',
  includeEmbodied: 'includeEmbodied',
  budgetKg: 'budgetKg',
};

/**
 * One field at a time, so one bad value falls back to its default (with one message) instead of
 * breaking every provider. Precedence: workspace or folder settings, then the team's
 * `.greenai.json`, then user settings and defaults.
 */
export function resolveSettings(
  configured: (key: SettingKey) => ConfiguredValue,
  team: WorkspaceConfig | undefined,
  invalid: (message: string) => void,
): GreenAiSettings {
  const read = <K extends SettingKey>(key: K): z.output<(typeof SETTINGS_FIELDS)[K]> => {
    const schema = SETTINGS_FIELDS[key];
    const { explicit, effective } = configured(key);
    const teamKey = TEAM_FIELDS[key];
    const teamValue = teamKey ? team?.[teamKey] : undefined;
    const raw = explicit !== undefined ? explicit : teamValue !== undefined ? teamValue : effective;
    const parsed = schema.safeParse(raw ?? undefined);
    if (parsed.success) return parsed.data as z.output<(typeof SETTINGS_FIELDS)[K]>;
    invalid(
      `Green AI: setting greenAI.${key} = ${JSON.stringify(raw)} is invalid (${parsed.error.issues[0]?.message ?? 'wrong type'}); using the default.`,
    );
    return schema.parse(undefined) as z.output<(typeof SETTINGS_FIELDS)[K]>;
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

/**
 * Settings per workspace folder, read and validated once (every provider asks on every call), the
 * team files they draw on, and which messages were already shown. One per extension context.
 */
export class SettingsStore {
  private readonly cache = new Map<string, GreenAiSettings>();
  private readonly teamConfigs = new Map<string, WorkspaceConfig>();
  private readonly shown = new Set<string>();

  /** `invalidSetting` tells the user a setting's value is not used; called once per distinct message. */
  constructor(private readonly invalidSetting: (message: string) => void) {}

  /**
   * The settings for `cacheKey` (a folder, or a file outside any folder), built from `configured`
   * and the team file of `folderKey` the first time they are asked for.
   */
  read(
    cacheKey: string,
    folderKey: string | undefined,
    configured: (key: SettingKey) => ConfiguredValue,
  ): GreenAiSettings {
    const cached = this.cache.get(cacheKey);
    if (cached) return cached;
    const settings = resolveSettings(
      configured,
      folderKey === undefined ? undefined : this.teamConfigs.get(folderKey),
      (m) => {
        if (this.firstTime(m)) this.invalidSetting(m);
      },
    );
    this.cache.set(cacheKey, settings);
    return settings;
  }

  /** Settings or team files changed: read again on the next ask. */
  clear(): void {
    this.cache.clear();
  }

  teamConfig(folderKey: string): WorkspaceConfig | undefined {
    return this.teamConfigs.get(folderKey);
  }

  /** Replaces every folder's team file (a reload): folders not given have none. */
  setTeamConfigs(configs: ReadonlyMap<string, WorkspaceConfig>): void {
    this.teamConfigs.clear();
    for (const [folder, config] of configs) this.teamConfigs.set(folder, config);
    this.cache.clear();
  }

  /** True the first time `message` is passed: a bad value is named once, not on every read. */
  firstTime(message: string): boolean {
    if (this.shown.has(message)) return false;
    this.shown.add(message);
    return true;
  }
}
