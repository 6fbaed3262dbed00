import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeText, linkCandidates, withoutLinkedDuplicates, type LinkedFileReader } from '../../src/core/analyze';
import { DEFAULT_SETTINGS } from '../../src/core/runSpec';
import { parsing, ROOT } from './helpers';

/**
 * A walk-through notebook that clones its own project, shows the released model at work and then trains it
 * (test/fixtures/scanner/fixw6/nbtrain): the notebook's run is the training launch, and the program it runs in the
 * clone is the clone's copy, so the repository's own file stays a run with its own defaults in a folder scan.
 */

const DIR = path.join(ROOT, 'test/fixtures/scanner/fixw6/nbtrain');
const posix = (p: string) => p.split(path.sep).join('/');

function filesUnder(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) filesUnder(p, out);
    else if (/\.(py|ipynb)$/.test(e.name)) out.push(p);
  }
  return out;
}

async function scan(dir: string) {
  const python = await parsing();
  const loaded = new Map(
    filesUnder(dir).map(
      (f) => [posix(f), { display: path.relative(dir, f), text: fs.readFileSync(f, 'utf8') }] as const,
    ),
  );
  const read: LinkedFileReader = (from, reference) => {
    for (const candidate of linkCandidates(from, reference, posix(dir), path.posix)) {
      const f = loaded.get(candidate);
      if (f) return { path: candidate, display: f.display, text: f.text };
    }
    return undefined;
  };
  const files = [...loaded].map(([p, f]) => ({
    path: p,
    display: f.display,
    analysis: analyzeText({ path: p, text: f.text, relativePath: f.display }, python, DEFAULT_SETTINGS, {}, read),
  }));
  return withoutLinkedDuplicates(files);
}

describe('Notebook launches (twentieth round)', () => {
  it("a clone's program the notebook trains with stays the repository's own run, with its own defaults", async () => {
    const files = await scan(DIR);
    const runsOf = (name: string) => files.find((f) => f.display === name)!.analysis.runs;
    const notebook = runsOf(path.join('notebooks', 'walkthrough.ipynb'));
    assert.equal(notebook.length, 1);
    assert.equal(notebook[0].run.mode, 'finetune', 'the training launch, not the inference shown first');
    assert.equal(notebook[0].run.training.epochs, 6);
    const fit = runsOf('fit.py');
    assert.equal(fit.length, 1, 'fit.py is not drawn into the notebook: the notebook runs the clone’s copy');
    assert.equal(fit[0].run.training.epochs, 40);
    assert.equal(runsOf('infer.py').length, 1);
  });
});
