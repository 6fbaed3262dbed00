import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GreenAiApi } from '../../../src/extension/extension';

/**
 * The Workspace Report's scan runs off the extension host's thread: while it scans a
 * folder of a few hundred files, a hover still answers, and the view says how far the
 * scan is instead of "No training runs found yet". (How fast is bench:responsiveness's
 * business; this checks that it answers at all.)
 */

const EXTENSION_ID = 'green-ai-tools.green-ai';
const BULK = 'bulk-generated';
const FILES = 800;

/**
 * Ordinary library code that passes the prefilter and holds no run, with a main guard that prints the module's
 * docstring: only parsing it tells that nothing it runs starts a run, so each file is parsed and read (library
 * modules without one are decided from their text alone and would make this scan too quick to watch).
 */
function libraryModule(i: number): string {
  let text = '"""Blocks."""\nimport torch\nimport torch.nn as nn\n';
  for (let b = 0; b < 20; b++) {
    text += `\n\nclass Block${i}_${b}(nn.Module):\n    def __init__(self, width=${64 + b}):\n        super().__init__()\n        self.proj = nn.Linear(width, width)\n\n    def forward(self, x):\n        for step in range(${b + 1}):\n            x = self.proj(x) + x\n        return x\n`;
  }
  return `${text}\n\nif __name__ == "__main__":\n    print(__doc__)\n`;
}

describe('Workspace Report scan and the editor', function () {
  this.timeout(180_000);
  let api: GreenAiApi;
  let bulk: vscode.Uri;

  before(async () => {
    const ext = vscode.extensions.getExtension<GreenAiApi>(EXTENSION_ID);
    assert.ok(ext);
    api = await ext.activate();
    const folder = vscode.workspace.workspaceFolders![0];
    bulk = vscode.Uri.joinPath(folder.uri, BULK);
    for (let i = 0; i < FILES; i++)
      await vscode.workspace.fs.writeFile(
        vscode.Uri.joinPath(bulk, `module_${i}.py`),
        new TextEncoder().encode(libraryModule(i)),
      );
  });

  after(async () => {
    await vscode.workspace.fs.delete(bulk, { recursive: true });
    await vscode.commands.executeCommand('greenAI.refreshReport');
  });

  it("answers a hover while a scan runs, and shows the scan's progress in the view", async () => {
    const folder = vscode.workspace.workspaceFolders![0];
    const doc = await vscode.workspace.openTextDocument(
      vscode.Uri.joinPath(folder.uri, 'hf-finetune/train_classifier.py'),
    );
    await vscode.window.showTextDocument(doc);
    let line = -1;
    for (let i = 0; i < doc.lineCount; i++) if (doc.lineAt(i).text.includes('num_train_epochs=3')) line = i;
    assert.ok(line >= 0);
    // The new files are not in the scan's cache: this scan reads and analyses all of them.
    const scan = Promise.resolve(vscode.commands.executeCommand('greenAI.refreshReport'));
    let done = false;
    void scan.finally(() => (done = true));
    // The view says how far the scan is (a rescan with a report on show waits half a second before it does).
    const started = Date.now();
    const progressMessage = /^Scanning [\d,]+ \/ [\d,]+ files/;
    while (!done && !progressMessage.test(api.scanStatus().message ?? '') && Date.now() - started < 60_000)
      await new Promise((r) => setTimeout(r, 5));
    const during = api.scanStatus();
    assert.ok(during.state, 'the scan is running');
    assert.match(during.message ?? '', progressMessage);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      doc.uri,
      new vscode.Position(line, 8),
    );
    const stillScanning = api.scanStatus().state !== undefined;
    const text = hovers
      .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')))
      .join('\n');
    assert.match(text, /Green AI estimate/);
    assert.ok(
      stillScanning,
      `the hover came back before the scan was done (${during.state.done} / ${during.state.total} files when it was asked)`,
    );
    await scan;
    // The 800 files written above also reach the report's file watcher, which may start one more
    // (quick, cached) rescan right after this one: the scanning state must end, not end at once.
    const ended = Date.now();
    while (api.scanStatus().state !== undefined && Date.now() - ended < 60_000)
      await new Promise((r) => setTimeout(r, 50));
    assert.equal(api.scanStatus().state, undefined);
    assert.ok(api.reportRunCount() > 0);
  });
});
