import type { ClassBuild } from '../../facts';
import type { GivenArgument } from '../givenArguments';
import type { PyValue } from '../pythonValues';
import type { ConfigDoc, ConfigValue } from './dialect';

/** Items of a list value read (a config's lists of widths or means are short). */
const MAX_ITEMS = 64;
/** Keys of a section read as keywords. */
const MAX_KEYWORDS = 64;

/**
 * A class built with a config section's keys as its keywords, as a registry builds it (`Class(**section)` once the
 * name key is popped): the arguments a `link.class` carries to the module that defines the class (analyze.ts
 * countedClassFacts), which counts it with them. Scalars and lists of scalars are values; a nested section is a value
 * not read (the count then says which keyword it could not read).
 */
export function keywordBuild(
  className: string,
  doc: ConfigDoc,
  section: string,
  nameKeys: readonly string[] = ['type'],
): ClassBuild {
  const keywords: Array<readonly [string, GivenArgument]> = [];
  for (const entry of doc.entries(section).slice(0, MAX_KEYWORDS)) {
    if (nameKeys.includes(entry.key)) continue;
    const value = valueOf(doc, entry);
    keywords.push([
      entry.key,
      value === undefined
        ? { unknown: `${entry.path} is not a value the count reads` }
        : { value, via: `${entry.path}: ${shown(value)} (line ${entry.range.startLine + 1})` },
    ]);
  }
  const shownKeys = keywords.map(([k]) => k).slice(0, 6);
  return {
    className,
    arguments: {
      positional: [],
      keywords,
      spreadsPositional: false,
      spreadsKeywords: false,
      text: `${className}(${shownKeys.map((k) => `${k}=…`).join(', ')}${keywords.length > shownKeys.length ? ', …' : ''})`,
    },
  };
}

function valueOf(doc: ConfigDoc, entry: ConfigValue): PyValue | undefined {
  if (entry.shape === 'scalar') return scalar(entry.value);
  if (entry.shape !== 'seq') return undefined;
  const items: PyValue[] = [];
  for (let i = 0; i < MAX_ITEMS; i++) {
    const item = doc.get(`${entry.path}.${i}`);
    if (!item) return items;
    const v = item.shape === 'scalar' ? scalar(item.value) : undefined;
    if (v === undefined) return undefined;
    items.push(v);
  }
  return undefined;
}

function scalar(value: unknown): PyValue | undefined {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function shown(value: PyValue): string {
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
