/**
 * The model class a YAML or JSON config builds by the instantiate-from-config convention, in a top-level section
 * named for the model (`model:` / `model_config:` holding `target: src.models.lrm.InstantNeRF`): read for a config
 * that is a run only because a program is documented as launched with it (documentedConfigLaunch), whose own model
 * is then this class rather than whatever the program loads beside it. Bounded: the first MAX_LINES lines.
 */

const MAX_LINES = 2000;
/** A top-level section named for the model. */
const MODEL_SECTION = /^(model(?:_config|_cfg|_params)?)[ \t]*:[ \t]*(?:#.*)?$/;
/** Its `target:` a few spaces in: a dotted class path. */
const TARGET = /^([ \t]{1,8})target[ \t]*:[ \t]*["']?([A-Za-z_][\w.]{0,200})["']?[ \t]*(?:#.*)?$/;

export interface ModelTarget {
  readonly section: string;
  readonly className: string;
  readonly line: number;
}

export function modelTargetOf(text: string, json: boolean): ModelTarget | undefined {
  if (json) return jsonModelTarget(text);
  const lines = text.split('\n', MAX_LINES);
  let section: string | undefined;
  let indent: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    if (/^\S/.test(line)) {
      section = MODEL_SECTION.exec(line)?.[1];
      indent = undefined;
      continue;
    }
    if (!section) continue;
    const m = TARGET.exec(line);
    // Only the section's own `target` (its first indentation level), not a nested part's.
    const own = /^[ \t]*/.exec(line)![0];
    if (line.trim() !== '' && indent === undefined) indent = own;
    if (m && m[1] === indent) return { section, className: lastPart(m[2]), line: i };
  }
  return undefined;
}

function jsonModelTarget(text: string): ModelTarget | undefined {
  if (text.length > 1024 * 1024) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
    for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
      if (!/^model(?:_config|_cfg|_params)?$/.test(key) || !value || typeof value !== 'object') continue;
      const target = (value as Record<string, unknown>).target;
      if (typeof target !== 'string' || !/^[A-Za-z_][\w.]{0,200}$/.test(target)) continue;
      const at = text.indexOf(`"${key}"`);
      return { section: key, className: lastPart(target), line: at < 0 ? 0 : text.slice(0, at).split('\n').length - 1 };
    }
  } catch {
    return undefined;
  }
  return undefined;
}

function lastPart(dotted: string): string {
  return dotted.slice(dotted.lastIndexOf('.') + 1);
}
