import { spawn } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DIFF_COMMENT_MARKER, diffToMarkdown, plain } from '../../core/report/diffFormat';
import { DiffOutputSchema, type DiffOutput } from '../../core/report/diffSchema';
import { diffToSarifInputs, runsToSarif } from '../../core/report/sarif';
import { upsertComment, type Fetch } from './prComment';

/**
 * The GitHub Action's step (action.yml runs dist/action.js): `green-ai diff`
 * between the pull request's base and the checked-out head, then the Markdown
 * into the job summary (and optionally one PR comment), SARIF into a file for
 * upload-sarif, the figures as step outputs, and a failing exit status when a
 * budget is exceeded. Inputs come as GREEN_AI_* variables set by action.yml.
 */

declare const GREEN_AI_VERSION: string;
const VERSION = typeof GREEN_AI_VERSION === 'string' ? GREEN_AI_VERSION : '0.0.0-dev';

export type ActionEnv = Readonly<Record<string, string | undefined>>;

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface ActionDeps {
  /** Runs `green-ai` with these arguments. */
  readonly runCli: (args: readonly string[]) => Promise<CliResult>;
  readonly fetch: Fetch;
  /** A line for the job log (GitHub reads workflow commands from it). */
  readonly log: (line: string) => void;
}

export class ActionInputError extends Error {}

/** Workflow-command data escaping (the toolkit's escapeData): a file name cannot end one command and start another. */
function commandData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

interface PullRequestEvent {
  readonly pull_request?: { readonly number?: unknown; readonly base?: { readonly sha?: unknown } };
  readonly before?: unknown;
}

function readEvent(env: ActionEnv): PullRequestEvent {
  const file = env.GITHUB_EVENT_PATH;
  if (!file || !fs.existsSync(file)) return {};
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    return typeof parsed === 'object' && parsed !== null ? parsed : {};
  } catch {
    return {};
  }
}

/** The revision to compare with: the input, else the pull request's base commit, else the commit before a push. */
function baseRevision(env: ActionEnv, event: PullRequestEvent): string {
  const given = env.GREEN_AI_BASE?.trim();
  if (given) return given;
  const prBase = event.pull_request?.base?.sha;
  if (typeof prBase === 'string' && prBase) return prBase;
  if (typeof event.before === 'string' && /^[0-9a-f]{40}$/.test(event.before) && !/^0+$/.test(event.before))
    return event.before;
  throw new ActionInputError(
    "no base revision: set the action's `base` input (the pull request's base commit is used on pull_request events)",
  );
}

function numberInput(env: ActionEnv, name: string, key: string): string | undefined {
  const raw = env[key]?.trim();
  if (!raw) return undefined;
  if (!Number.isFinite(Number(raw))) throw new ActionInputError(`the \`${name}\` input must be a number, got "${raw}"`);
  return raw;
}

function appendOutput(file: string | undefined, name: string, value: string): void {
  if (!file) return;
  // Values are ours (numbers, paths we chose) and single-line; a delimiter form keeps that true anyway.
  fs.appendFileSync(file, `${name}<<GREEN_AI_EOF\n${value.replace(/\n/g, ' ')}\nGREEN_AI_EOF\n`);
}

export async function runAction(env: ActionEnv, deps: ActionDeps): Promise<number> {
  const log = deps.log;
  try {
    const workspace = path.resolve(env.GITHUB_WORKSPACE || '.');
    const event = readEvent(env);
    const base = baseRevision(env, event);
    const folder = path.resolve(workspace, env.GREEN_AI_WORKING_DIRECTORY || '.');
    const budgetDelta = numberInput(env, 'budget-delta-kg', 'GREEN_AI_BUDGET_DELTA_KG');
    const budget = numberInput(env, 'budget-kg', 'GREEN_AI_BUDGET_KG');
    // `--name=value`: a value starting with "-" stays a value (and the CLI refuses a revision that looks like an option).
    const args = [
      'diff',
      `--git=${base}`,
      folder,
      '--json',
      ...(budgetDelta ? [`--budget-delta-kg=${budgetDelta}`] : []),
      ...(budget ? [`--budget-kg=${budget}`] : []),
    ];

    const result = await deps.runCli(args);
    // The CLI's messages name files of the repository, and the runner reads `::cmd::` at a line's start and
    // `##[cmd]` anywhere: between stop-commands and its unguessable resume token, none of it is a command.
    const messages = result.stderr.split('\n').filter(Boolean);
    if (messages.length > 0) {
      const resume = `green-ai-${crypto.randomUUID()}`;
      log(`::stop-commands::${resume}`);
      for (const line of messages) log(`  ${plain(line)}`);
      log(`::${resume}::`);
    }
    if (result.code !== 0 && result.code !== 3) {
      log(
        `::error title=Green AI::${commandData(`green-ai diff failed (exit ${result.code}): ${result.stderr.trim().split('\n').pop() ?? ''}`)}`,
      );
      return 1;
    }
    const diff: DiffOutput = DiffOutputSchema.parse(JSON.parse(result.stdout));

    const markdown = diffToMarkdown(diff, { version: VERSION });
    const outDir = env.RUNNER_TEMP ? path.resolve(env.RUNNER_TEMP) : workspace;
    const markdownFile = path.join(outDir, 'green-ai-diff.md');
    fs.writeFileSync(markdownFile, markdown);
    if (env.GITHUB_STEP_SUMMARY) fs.appendFileSync(env.GITHUB_STEP_SUMMARY, markdown);

    // Code scanning wants paths from the repository root; the diff's are from the compared folder.
    const relative = path.relative(workspace, folder).split(path.sep).join('/');
    const uriPrefix = relative && !relative.startsWith('..') ? `${relative}/` : '';
    const sarifFile = path.resolve(workspace, env.GREEN_AI_SARIF_FILE || 'green-ai.sarif');
    const sarif = runsToSarif(diffToSarifInputs(diff), {
      toolVersion: VERSION,
      budgetKg: diff.budgetKg ?? undefined,
      uriPrefix,
    });
    fs.writeFileSync(sarifFile, JSON.stringify(sarif, null, 2) + '\n');

    appendOutput(env.GITHUB_OUTPUT, 'co2e-delta-kg', String(diff.co2eKgDelta));
    appendOutput(env.GITHUB_OUTPUT, 'energy-delta-kwh', String(diff.energyKWhDelta));
    appendOutput(env.GITHUB_OUTPUT, 'over-budget', String(result.code === 3));
    appendOutput(env.GITHUB_OUTPUT, 'sarif-file', sarifFile);
    appendOutput(env.GITHUB_OUTPUT, 'markdown-file', markdownFile);

    if (env.GREEN_AI_COMMENT === 'true') {
      const number = Number(event.pull_request?.number);
      if (!Number.isInteger(number) || number <= 0)
        log('::notice title=Green AI::not a pull_request event: no comment posted');
      else if (!env.GREEN_AI_TOKEN) log('::warning title=Green AI::no github-token: no comment posted');
      else {
        try {
          const done = await upsertComment(
            deps.fetch,
            {
              apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
              repository: env.GITHUB_REPOSITORY ?? '',
              issueNumber: number,
              token: env.GREEN_AI_TOKEN,
            },
            DIFF_COMMENT_MARKER,
            markdown,
          );
          log(`Green AI: comment ${done.action} (id ${done.id})`);
        } catch (e) {
          // A pull request from a fork gets a read-only token: the summary still has the table.
          log(
            `::warning title=Green AI::${commandData(`could not post the pull-request comment: ${(e as Error).message}`)}`,
          );
        }
      }
    }
    if (result.code === 3) {
      log(
        `::error title=Green AI::${commandData(`over budget: this change adds ${diff.co2eKgDelta.toFixed(3)} kg CO2e in total${budgetDelta ? ` (budget-delta-kg ${budgetDelta})` : ''}${budget || diff.budgetKg !== null ? `; per-run budget ${budget ?? diff.budgetKg} kg` : ''}`)}`,
      );
      return 3;
    }
    return 0;
  } catch (e) {
    log(
      `::error title=Green AI::${commandData(e instanceof ActionInputError ? e.message : `internal error: ${(e as Error).message}`)}`,
    );
    return e instanceof ActionInputError ? 2 : 1;
  }
}

/** `node dist/cli.js ARGS` next to this bundle, output collected. */
function runBundledCli(args: readonly string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(__dirname, 'cli.js'), ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        code: code ?? 1,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    );
  });
}

if (require.main === module) {
  void runAction(process.env, {
    runCli: runBundledCli,
    fetch: (input, init) => globalThis.fetch(input, init),
    log: (line) => process.stdout.write(`${line}\n`),
  }).then((code) => {
    process.exitCode = code;
  });
}
