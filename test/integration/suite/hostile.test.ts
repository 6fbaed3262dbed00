import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GreenAiApi } from '../../../src/extension/extension';

/**
 * A workspace folder a hostile pull request could leave (made by scripts/run-integration.mjs at
 * test time): `.greenai.json` nested 100,000 levels deep, FIFOs named `stuck.py` and
 * `emissions.csv`, a pathological shell file (`slow.sh`: 200,000 blank lines and `${a-` nested
 * 50,000 deep), and one ordinary `train.py`. The extension must activate, report the rest, answer
 * hovers, and fail closed on a team file naming an unknown region.
 */

const EXTENSION_ID = 'green-ai-tools.green-ai';

async function until<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 20_000,
): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function hoverText(hovers: readonly vscode.Hover[] | undefined): string {
  return (hovers ?? [])
    .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')))
    .join('\n');
}

async function hoverAt(doc: vscode.TextDocument, line: number): Promise<string> {
  return hoverText(
    await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      doc.uri,
      new vscode.Position(line, 2),
    ),
  );
}

function lineContaining(doc: vscode.TextDocument, needle: string): number {
  for (let i = doc.lineCount - 1; i >= 0; i--) if (doc.lineAt(i).text.includes(needle)) return i;
  throw new Error(`no line containing ${needle}`);
}

describe('Green AI with a hostile folder in the workspace', () => {
  let api: GreenAiApi;
  let folder: vscode.WorkspaceFolder;
  let teamFile: vscode.Uri;
  let original: Uint8Array;

  before(async () => {
    const ext = vscode.extensions.getExtension<GreenAiApi>(EXTENSION_ID);
    assert.ok(ext);
    api = await ext.activate();
    const found = vscode.workspace.workspaceFolders?.find((f) => f.name === 'hostile');
    assert.ok(found, 'the launcher adds a folder named hostile');
    folder = found;
    teamFile = vscode.Uri.joinPath(folder.uri, '.greenai.json');
    original = await vscode.workspace.fs.readFile(teamFile);
  });

  after(async () => {
    await vscode.workspace.fs.writeFile(teamFile, original);
  });

  it('activated with a .greenai.json nested 100,000 deep, and shows the problem as an error on that file', async () => {
    assert.equal(api.ready, true);
    const diagnostics = await until('a diagnostic on .greenai.json', () => {
      const d = vscode.languages.getDiagnostics(teamFile);
      return d.length > 0 ? d : undefined;
    });
    assert.ok(
      diagnostics.some(
        (d) => d.severity === vscode.DiagnosticSeverity.Error && /nests 100000 levels deep/.test(d.message),
      ),
      diagnostics.map((d) => d.message).join(' | '),
    );
  });

  it('lists the rest of the folder in the Workspace Report: the FIFOs and the pathological file do not stop the scan', async () => {
    await vscode.commands.executeCommand('greenAI.refreshReport');
    const report = await until('the hostile folder in the report', () =>
      api.reportSnapshot().find((r) => r.folder === 'hostile' && r.runs.length > 0),
    );
    const files = report.runs.map((r) => r.file);
    assert.ok(
      files.some((f) => f.endsWith('train.py')),
      files.join(', '),
    );
    assert.ok(
      files.some((f) => f.endsWith('slow.sh')),
      `the pathological launcher is read too: ${files.join(', ')}`,
    );
    assert.ok(!files.some((f) => f.endsWith('stuck.py')), 'a FIFO is never read');
    // The other folders are still reported.
    assert.ok(api.reportSnapshot().some((r) => r.folder === 'examples' && r.runs.length > 0));
  });

  it('answers hovers in the folder, on the ordinary script and on the pathological shell file', async () => {
    const train = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'train.py'));
    await vscode.window.showTextDocument(train);
    const onModel = await until('a hover on train.py', async () => {
      const text = await hoverAt(train, lineContaining(train, 'from_pretrained'));
      return /Green AI estimate/.test(text) ? text : undefined;
    });
    assert.match(onModel, /CO2e/);
    const slow = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'slow.sh'));
    await vscode.window.showTextDocument(slow);
    const started = Date.now();
    const onLaunch = await until('a hover on slow.sh', async () => {
      const text = await hoverAt(slow, lineContaining(slow, 'torchrun'));
      return /Green AI estimate/.test(text) ? text : undefined;
    });
    assert.match(onLaunch, /2× /, 'the launch line is read: two processes');
    assert.ok(Date.now() - started < 20_000);
  });

  it('survives a team file rewritten to {"toString": true} and [1], and fails closed on an unknown region', async () => {
    const train = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'train.py'));
    await vscode.window.showTextDocument(train);
    const modelLine = lineContaining(train, 'from_pretrained');
    for (const text of ['{"toString": true}', '[1]']) {
      await vscode.workspace.fs.writeFile(teamFile, new TextEncoder().encode(text));
      await until(`diagnostics for ${text}`, () =>
        vscode.languages
          .getDiagnostics(teamFile)
          .some((d) => (text === '[1]' ? /JSON object/ : /toString/).test(d.message))
          ? true
          : undefined,
      );
      assert.match(
        await until('a hover still', async () => {
          const hover = await hoverAt(train, modelLine);
          return /Green AI estimate/.test(hover) ? hover : undefined;
        }),
        /CO2e/,
      );
    }
    await vscode.workspace.fs.writeFile(teamFile, new TextEncoder().encode('{"region": "eu-nort-1"}'));
    const error = await until('an error on train.py naming the region', () =>
      vscode.languages
        .getDiagnostics(train.uri)
        .find(
          (d) =>
            d.severity === vscode.DiagnosticSeverity.Error &&
            /unknown region "eu-nort-1"; closest known ids: eu-north-1/.test(d.message),
        ),
    );
    assert.equal(error.source, 'Green AI');
    assert.equal(
      await hoverAt(train, modelLine).then((h) => /Green AI estimate/.test(h)),
      false,
      'no estimate made with a default region',
    );
  });
});
