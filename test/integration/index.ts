import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/**
 * Entry point VS Code loads as `extensionTestsPath`, under either launcher
 * (@vscode/test-electron or code-server). It runs the mocha suite inside the
 * extension host and writes the outcome to a JSON file, because under
 * code-server nothing else carries the result back to the launcher.
 */

export const RESULT_FILE =
  process.env.GREENAI_TEST_RESULTS ?? path.resolve(__dirname, '../../../test-results/integration-results.json');

interface Outcome {
  passes: number;
  failures: number;
  pending: number;
  tests: Array<{ title: string; state: 'passed' | 'failed' | 'pending'; durationMs?: number; error?: string }>;
}

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false });
  const suiteDir = path.join(__dirname, 'suite');
  for (const f of fs
    .readdirSync(suiteDir)
    .filter((f) => f.endsWith('.test.js'))
    .sort())
    mocha.addFile(path.join(suiteDir, f));
  const outcome: Outcome = { passes: 0, failures: 0, pending: 0, tests: [] };
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', (t) => {
      outcome.passes++;
      outcome.tests.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration });
    });
    runner.on('fail', (t, err: Error) => {
      outcome.failures++;
      outcome.tests.push({ title: t.fullTitle(), state: 'failed', error: `${err.message}\n${err.stack ?? ''}` });
    });
    runner.on('pending', (t) => {
      outcome.pending++;
      outcome.tests.push({ title: t.fullTitle(), state: 'pending' });
    });
  });
  fs.mkdirSync(path.dirname(RESULT_FILE), { recursive: true });
  fs.writeFileSync(RESULT_FILE, JSON.stringify(outcome, null, 2));
  if (outcome.failures > 0) throw new Error(`${outcome.failures} integration test(s) failed`);
}
