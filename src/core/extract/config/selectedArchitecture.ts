import type { ConfigDialect, ConfigDoc, FactSink } from './dialect';

/**
 * A run config that picks its architecture by name and keeps each architecture's settings in a section of that
 * name beside it (demucs' `conf/config.yaml`: `model: demucs`, then `demucs: {channels: 64, ...}`,
 * `hdemucs: {...}`, `htdemucs: {...}`; the train program builds the class the name picks with that section's
 * settings). The name is the model the run trains: a careful reader takes it, and the sections of the architectures
 * not picked say nothing about this run. Only a plain name whose section is a map of settings.
 */
const PLAIN_NAME = /^[A-Za-z][\w-]{1,60}$/;
/** Settings a section needs to be an architecture's (not a one-key toggle). */
const MIN_SETTINGS = 3;

function selected(doc: ConfigDoc): string | undefined {
  const picked = doc.get('model');
  const name = picked?.shape === 'scalar' && typeof picked.value === 'string' ? picked.value : undefined;
  if (!name || !PLAIN_NAME.test(name)) return undefined;
  if (doc.get(name)?.shape !== 'map') return undefined;
  const settings = doc.walk().filter((v) => v.path.startsWith(`${name}.`) && v.shape === 'scalar').length;
  return settings >= MIN_SETTINGS ? name : undefined;
}

export const selectedArchitecture: ConfigDialect = {
  name: 'selected-architecture',
  // The key as YAML and JSON write it: the bare word `model` is in too many files that hold no run (results tables).
  words: ['model:', '"model"', "'model'"],
  detect: (doc) => selected(doc) !== undefined,
  owns: (path) => path === 'model',
  read(doc: ConfigDoc, out: FactSink): void {
    const name = selected(doc);
    const at = doc.get('model');
    if (!name || !at) return;
    out.add(
      'model.id',
      name,
      at,
      `model: ${name} picks the architecture whose settings are the ${name}: section`,
      'medium',
    );
  },
};
