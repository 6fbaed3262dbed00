import type { Fact } from '../../facts';
import {
  configLaunchFacts,
  declaredFlags,
  MAX_PROGRAM_CHARS,
  type ArgConfigEntry,
  type ArgConfigLink,
  type ArgConfigProgram,
} from './configArgparse';

/**
 * A flat YAML of a program's parameters, passed to the program as its config file: typer-config's
 * `@use_yaml_config(param_name="config")` on a typer command loads the YAML given as `--config FILE` and sets each
 * top-level key as the command's parameter of that name (typer-config docs, "use_yaml_config": the file's keys are the
 * command's parameter names, the values it leaves out are the parameters' defaults); argparse and click programs that
 * declare a `--config`/`--config_file`/`-c` option and read YAML do the same by hand (`parser.set_defaults(**cfg)`).
 * Such a YAML is read as the launch `python PROGRAM --config FILE` it stands for: a link to the program with the
 * values it passes, so the program's own facts (its model, its steps) are read with them.
 *
 * Conservative: only a YAML no other reader reads as a run (folderScan.ts), of at least MIN_KEYS top-level keys, every
 * one of them a parameter of ONE program of its folder or a folder above it (findArgConfigProgram's bounded search)
 * that declares it takes a config file. A data list, a YAML of nested sections or a key the program does not take is
 * never linked.
 */

/** How the link's detail starts (analyze.ts keeps the program a run of its own, as a module a launch calls). */
export const YAML_CONFIG_LINK = 'YAML parameters of ';

/** Larger than any hand-written parameter file. */
export const MAX_YAML_CONFIG_BYTES = 64 * 1024;
const MAX_LINES = 2_000;
const MAX_ENTRIES = 400;
const MAX_LINE = 1_000;
/** Keys a YAML must set (every one a parameter of the program) to be taken for its config: fewer are a coincidence. */
export const MIN_YAML_KEYS = 3;

const TOP_KEY = /^([A-Za-z_][\w-]{0,80}):(?:[ \t]+([^\n]{0,900}))?[ \t]*$/;

/**
 * The top-level keys of a flat YAML mapping, with their scalar values (a block or flow value, a list or a mapping,
 * has the value `''`: passed, not spelled). Undefined for anything else: a top-level list, several documents, anchors
 * or merge keys, quoted or complex keys, a duplicate key, fewer than MIN_YAML_KEYS keys. Line-wise, bounded.
 */
export function parseYamlTopLevel(text: string): ArgConfigEntry[] | undefined {
  if (text.length > MAX_YAML_CONFIG_BYTES || text.includes('\u0000')) return undefined;
  const lines = text.split('\n');
  if (lines.length > MAX_LINES) return undefined;
  const out: ArgConfigEntry[] = [];
  const keys = new Set<string>();
  let block = false;
  let started = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].replace(/\r$/, '');
    if (raw.length > MAX_LINE) return undefined;
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line === '---' || line.startsWith('--- ') || line === '...') {
      if (started) return undefined;
      started = true;
      continue;
    }
    started = true;
    if (/^[ \t]/.test(raw) || raw.startsWith('- ') || raw === '-') {
      // A nested line or a block list item at column 0: only under a key whose value is that block.
      if (!block) return undefined;
      continue;
    }
    const m = TOP_KEY.exec(raw);
    if (!m || keys.has(m[1])) return undefined;
    let value = (m[2] ?? '').replace(/[ \t]+#.*$/, '').trim();
    if (/^[&*!|>]/.test(value) && !/^[|>][-+]?$/.test(value)) return undefined;
    block = value === '' || /^[|>][-+]?$/.test(value);
    if (block || /^[[{]/.test(value)) value = '';
    const quoted = /^(["'])(.*)\1$/.exec(value);
    if (quoted) value = quoted[2];
    // PyYAML (YAML 1.1) reads `200_000` as the integer 200000 (its int resolver allows `_` between digits).
    else if (/^[-+]?\d[\d_]{0,40}$/.test(value)) value = value.replace(/_/g, '');
    keys.add(m[1]);
    out.push({ key: m[1], value, line: i });
    if (out.length > MAX_ENTRIES) return undefined;
  }
  return out.length >= MIN_YAML_KEYS ? out : undefined;
}

const MAX_SIGNATURE = 20_000;
/** typer-config's decorator; `param_name` defaults to "config" (typer-config, `use_yaml_config(param_name="config")`). */
const USE_YAML_CONFIG = /@(?:[\w.]{0,80}\.)?use_yaml_config\b[ \t]*(\(([^)]{0,400})\))?/g;
/** An argparse declaration (`parser.add_argument("--name", …)`) or a click option (`@click.option("--name", …)`). */
const DECLARATION =
  /(?:\.add_argument|\bclick\.option|@option)\([ \t\r\n]{0,40}((?:["']--?[\w-]{1,80}["'](?:[ \t\r\n]{0,40},)?[ \t\r\n]{0,40}){1,3})/g;
/** The long options a program takes its config file by (argparse, click, configargparse). */
const CONFIG_OPTION = /^(?:cfg|config|config_file|config_path)$/;

/** Whether a launch line's flag (`--config`, `--cfg=…`, `-c`) is the one a program takes its config file by. */
export function isConfigOption(flag: string): boolean {
  if (flag === '-c') return true;
  const long = /^--([\w-]{1,80})$/.exec(flag)?.[1];
  return long !== undefined && CONFIG_OPTION.test(long.replace(/-/g, '_'));
}
const LONG_OPTION = /["']--([\w-]{1,80})["']/g;

/**
 * The parameters of a program run as main that declares it takes a YAML config file: a typer command under
 * `@use_yaml_config` (its function's parameters), or an argparse/click program with a `--config`-like option
 * (CONFIG_OPTION, or a bare `-c`) that reads YAML (its declared flags). Undefined for any other program.
 */
export function yamlConfigProgram(text: string): ArgConfigProgram | undefined {
  if (text.length > MAX_PROGRAM_CHARS || !text.includes('__main__') || !/yaml/i.test(text)) return undefined;
  if (text.includes('use_yaml_config')) return typerYamlProgram(text);
  return declaredFlags(text, DECLARATION, (names, m) => {
    // `-c` alone is a config option; beside a long name (`-c`, `--checkpoint`) the long name says what it is.
    const longs = [...m[1].matchAll(LONG_OPTION)].map((o) => o[1].replace(/-/g, '_'));
    const isConfig = longs.length > 0 ? longs.some((n) => CONFIG_OPTION.test(n)) : names.includes('c');
    return isConfig ? [names[names.length - 1]] : [];
  });
}

/** The parameters of the (first) function under `@use_yaml_config`, read from its signature (bounded, no parse). */
function typerYamlProgram(text: string): ArgConfigProgram | undefined {
  for (const m of text.matchAll(USE_YAML_CONFIG)) {
    const param = /\bparam_name[ \t]*=[ \t]*["'](\w{1,80})["']/.exec(m[2] ?? '')?.[1] ?? 'config';
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + MAX_SIGNATURE);
    const def = /\n[ \t]*(?:@[^\n]{0,400}\n[ \t]*){0,5}(?:async[ \t]+)?def[ \t]+\w+[ \t]*\(/.exec(after);
    if (!def || def.index > 2_000) continue;
    const names = signatureNames(after.slice(def.index + def[0].length));
    if (!names || names.length === 0) continue;
    return { configFlags: [param], flags: new Set(names.filter((n) => n !== param)) };
  }
  return undefined;
}

/** The parameter names of a signature from just after its `(` to its closing `)`; undefined when it does not close. */
function signatureNames(sig: string): string[] | undefined {
  const names: string[] = [];
  let depth = 0;
  let start = 0;
  let quote = '';
  const take = (part: string) => {
    const n = /^[ \t\r\n]*(?:#[^\n]*\n[ \t\r\n]*)*\*{0,2}([A-Za-z_]\w{0,80})/.exec(part)?.[1];
    if (n && n !== 'self') names.push(n);
  };
  for (let i = 0; i < sig.length; i++) {
    const c = sig[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#') {
      const nl = sig.indexOf('\n', i);
      if (nl < 0) return undefined;
      i = nl;
    } else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) {
        take(sig.slice(start, i));
        return names;
      }
      depth--;
    } else if (c === ',' && depth === 0) {
      take(sig.slice(start, i));
      start = i + 1;
    }
  }
  return undefined;
}

/**
 * The facts of a YAML linked to the program that reads it as its config: the launch it stands for and the link to
 * the program with the keys it passes (a `false` boolean passes nothing; block and flow values are passed unspelled).
 */
export function yamlConfigFacts(text: string, link: ArgConfigLink, display: string): Fact[] {
  const entries = parseYamlTopLevel(text);
  if (!entries) return [];
  return configLaunchFacts(entries, link, display, {
    passesValue: (value) => value !== '',
    why: "each top-level key is the program's parameter of that name",
    linkDetail: (program) => `${YAML_CONFIG_LINK}${program} (--${link.flag}): its keys are the program's parameters`,
  });
}
