import { z } from 'zod';

/**
 * The typed protocol between the extension and the panel webview. Both sides
 * validate what they receive; this module imports nothing but zod so the
 * webview bundle stays small.
 */

export const PanelViewModelSchema = z.object({
  title: z.string(),
  file: z.string(),
  line: z.number().int().nonnegative(),
  summary: z.string(),
  headline: z.object({
    co2e: z.string(),
    co2eRange: z.string(),
    co2eKg: z.number(),
    energy: z.string(),
    acceleratorHours: z.string(),
    wallClock: z.string(),
    equivalent: z.string(),
    equivalentSource: z.string(),
  }),
  breakdown: z.array(z.object({ label: z.string(), co2eKg: z.number(), energyKWh: z.number().nullable() })),
  assumptions: z.array(z.object({
    field: z.string(),
    value: z.string(),
    source: z.string(),
    detail: z.string(),
    line: z.number().int().nonnegative().nullable(),
  })),
  unknowns: z.array(z.string()),
  suggestions: z.array(z.object({ kind: z.string(), title: z.string(), saved: z.string(), savedPercent: z.number(), tradeoff: z.string() })),
});
export type PanelViewModel = z.infer<typeof PanelViewModelSchema>;

/** Messages the webview sends; anything else is dropped and logged. */
export const WebviewToExtensionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('revealLine'), line: z.number().int().nonnegative() }),
]);
export type WebviewToExtension = z.infer<typeof WebviewToExtensionSchema>;

/** Messages the extension sends. */
export const ExtensionToWebviewSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('show'), model: PanelViewModelSchema }),
  z.object({ type: z.literal('empty'), reason: z.string() }),
  /** What the webview persists (vscode.setState) so the serializer can restore the panel. */
  z.object({ type: z.literal('state'), state: z.object({ uri: z.string(), line: z.number().int().nonnegative() }) }),
]);
export type ExtensionToWebview = z.infer<typeof ExtensionToWebviewSchema>;

