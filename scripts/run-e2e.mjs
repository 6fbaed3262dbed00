// Browser check: the packaged .vsix installed into code-server, driven by Playwright in
// Debian's Chromium. Checks what a user sees (inlay hint, panel, sidebar) and that the
// extension host log has no activation errors. Screenshots land in test-results/.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOT,
  ensureCodeServer,
  freePort,
  freshProfile,
  installVsix,
  launchChromium,
  scratchCopy,
  startCodeServer,
} from './code-server.mjs';

const VSIX = join(ROOT, 'green-ai.vsix');
const OUT = join(ROOT, 'test-results');
const THEMES = (process.env.GREENAI_E2E_THEMES ?? 'Default Dark Modern,Default Light Modern').split(',');
const results = [];

async function check(name, fn) {
  const started = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`  ✔ ${name} (${Date.now() - started} ms)`);
  } catch (e) {
    results.push({ name, ok: false });
    console.log(
      `  ✘ ${name}\n      ${String(e.message ?? e)
        .split('\n')
        .join('\n      ')}`,
    );
  }
}

/**
 * Library code that passes the prefilter and holds no run, with a main guard that prints its docstring: only
 * parsing it tells that it runs nothing (library modules without one are decided from their text, unparsed).
 */
function libraryModule(i) {
  let text = '"""Blocks."""\nimport torch\nimport torch.nn as nn\n';
  for (let b = 0; b < 12; b++)
    text += `\n\nclass Block${i}_${b}(nn.Module):\n    def __init__(self, width=${64 + b}):\n        super().__init__()\n        self.proj = nn.Linear(width, width)\n\n    def forward(self, x):\n        for step in range(${b + 1}):\n            x = self.proj(x) + x\n        return x\n`;
  return `${text}\n\nif __name__ == "__main__":\n    print(__doc__)\n`;
}

function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
}

async function openFile(page, relative) {
  // F1 opens the quick input wherever focus is (a webview swallows Ctrl+P); without ">" it finds files.
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(relative);
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: relative.split('/').pop() }).waitFor({ timeout: 15_000 });
}

async function goToLine(page, line) {
  // Quick Open's ":N" form, opened with F1 (Ctrl+G/Ctrl+P can be taken by the browser or a webview).
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${line}`);
  await page.keyboard.press('Enter');
}

async function session(theme, index) {
  process.env.GREENAI_THEME = theme;
  const tag = theme.toLowerCase().includes('light') ? 'light' : 'dark';
  const profile = freshProfile(`e2e-${tag}`);
  installVsix(VSIX, profile.extensionsDir);
  const workspace = scratchCopy(join(ROOT, 'examples'), `e2e-ws-${tag}`);
  // Bad input a user could have in a workspace: it must stay quiet.
  mkdirSync(join(workspace, 'bad'), { recursive: true });
  writeFileSync(join(workspace, 'bad/huge_generated.py'), 'x = 1\n'.repeat(420_000));
  writeFileSync(join(workspace, 'bad/broken.yaml'), 'base_model: gpt2\n  num_epochs: [3\n');
  writeFileSync(join(workspace, 'bad/weights.py'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0xfe]));
  writeFileSync(
    join(workspace, 'bad/unknown_model.py'),
    'from transformers import AutoModel, Trainer, TrainingArguments\nmodel = AutoModel.from_pretrained("acme/never-heard-of-it-13b")\nTrainer(model=model, args=TrainingArguments(output_dir="o", num_train_epochs=2)).train()\n',
  );
  writeFileSync(join(workspace, 'bad/broken.ipynb'), '{"cells": [{"cell_type": "code", "source": ["import torch\\n"');
  // Enough ordinary library code that the Workspace Report's scan takes a few seconds: its progress shows in the view.
  mkdirSync(join(workspace, 'lib'), { recursive: true });
  for (let i = 0; i < 1500; i++) writeFileSync(join(workspace, `lib/module_${i}.py`), libraryModule(i));
  const port = await freePort();
  const server = await startCodeServer({
    port,
    userDataDir: profile.userDataDir,
    extensionsDir: profile.extensionsDir,
  });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  if (process.env.GREENAI_E2E_DEBUG)
    page.on('console', (m) => console.log(`      [console] ${m.text().slice(0, 300)}`));
  try {
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    console.log(`e2e (${theme}):`);
    if (index === 0) {
      await check('packaged extension is installed from the .vsix', async () => {
        const dirs = readdirSync(profile.extensionsDir).filter((d) => d.startsWith('green-ai-tools.green-ai-'));
        if (dirs.length !== 1) throw new Error(`extensions dir holds ${readdirSync(profile.extensionsDir).join(', ')}`);
        for (const f of [
          'dist/extension.js',
          'dist/tree-sitter.wasm',
          'dist/tree-sitter-python.wasm',
          'dist/webview.js',
        ]) {
          if (!existsSync(join(profile.extensionsDir, dirs[0], f)))
            throw new Error(`${f} missing from the installed extension`);
        }
        if (existsSync(join(profile.extensionsDir, dirs[0], 'src'))) throw new Error('sources were packaged');
      });
    }

    await check('inlay hint with the estimate is visible on the epochs line', async () => {
      await openFile(page, 'hf-finetune/train_classifier.py');
      const lines = readFileSync(join(workspace, 'hf-finetune/train_classifier.py'), 'utf8').split('\n');
      await goToLine(page, lines.findIndex((l) => l.includes('num_train_epochs=3')) + 1);
      const hint = page.locator('.monaco-editor .view-lines', { hasText: /≈\s.*-h\s·\s.*Wh\s·\s.*CO2e/ });
      try {
        await hint.first().waitFor({ timeout: 30_000 });
      } finally {
        await page.screenshot({ path: join(OUT, `hint-${tag}-attempt.png`) });
        const text = await page
          .locator('.monaco-editor .view-lines')
          .first()
          .innerText()
          .catch(() => '');
        if (process.env.GREENAI_E2E_DEBUG)
          console.log(
            text
              .split('\n')
              .filter((l) => /CO2e|params|epochs/.test(l))
              .join('\n'),
          );
      }
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(OUT, `hint-${tag}.png`) });
    });

    await check('hovering the epochs line shows the breakdown', async () => {
      // The cursor is on the epochs line (Go to Line above): ask for the hover from the keyboard,
      // on a word of the line, retrying because the hover can race the editor settling.
      const hover = page.locator('.monaco-hover', { hasText: 'Green AI estimate' });
      const line = page.locator('.monaco-editor .view-line', { hasText: 'num_train_epochs=3' }).first();
      for (let attempt = 0; ; attempt++) {
        try {
          if (attempt % 2 === 0) {
            // Put the cursor on the line by clicking it, then ask for the hover from the keyboard.
            await line.click({ timeout: 5_000 });
            await runCommand(page, 'Show or Focus Hover');
          } else {
            // The mouse way: rest the pointer on the line's text.
            await page.mouse.move(0, 0);
            await line.hover({ timeout: 5_000, position: { x: 60, y: 5 } });
          }
          await hover.first().waitFor({ state: 'visible', timeout: 5_000 });
          break;
        } catch (e) {
          if (attempt >= 5) throw e;
          await page.keyboard.press('Escape');
        }
      }
      const text = await hover.first().innerText();
      if (!/Operational/.test(text) || !/Estimate This Run/.test(text)) throw new Error(`hover reads: ${text}`);
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(OUT, `hover-${tag}.png`) });
      await page.keyboard.press('Escape');
    });

    await check('"Green AI: Estimate This Run" opens the panel with a CO2e figure', async () => {
      await runCommand(page, 'Green AI: Estimate This Run');
      const frame = page.frameLocator('iframe.webview.ready').frameLocator('iframe');
      const co2e = frame.locator('[data-testid=co2e] .value');
      await co2e.waitFor({ timeout: 30_000 });
      const text = await co2e.textContent();
      if (!/^[\d.,]+ (g|kg|t)$/.test(text ?? '')) throw new Error(`CO2e figure reads "${text}"`);
      await frame.locator('canvas').first().waitFor();
      await frame.locator('table.assumptions tbody tr').first().waitFor();
      await page.waitForTimeout(800);
      await page.screenshot({ path: join(OUT, `panel-${tag}.png`) });
    });

    if (index === 0) {
      await check('what-if: changing the epochs in the panel moves the estimate, reset restores it', async () => {
        const frame = page.frameLocator('iframe.webview.ready').frameLocator('iframe');
        const value = frame.locator('[data-testid=co2e] .value');
        const before = await value.textContent();
        // The fields as the panel fills them (a PUE of 1.58, an MFU of 35.5) are valid input, not shown as errors.
        const invalid = await frame
          .locator('vscode-textfield')
          .evaluateAll((fields) =>
            fields
              .filter((f) => f.shadowRoot?.querySelector('input')?.validity.valid === false)
              .map((f) => `${f.id}=${f.shadowRoot?.querySelector('input')?.value}`),
          );
        if (invalid.length > 0) throw new Error(`fields shown as invalid on first render: ${invalid.join(', ')}`);
        const epochs = frame.locator('#in-epochs input');
        await epochs.fill('30');
        await epochs.press('Tab');
        if (process.env.GREENAI_E2E_DEBUG)
          console.log(
            '      [debug] epochs value',
            await frame.locator('#in-epochs').evaluate((e) => e.value),
            await frame.locator('#in-accelerator').evaluate((e) => e.value),
            await frame.locator('#in-region').evaluate((e) => e.value),
          );
        await frame.locator('h1 vscode-badge', { hasText: 'what-if' }).waitFor({ timeout: 15_000 });
        const after = await value.textContent();
        if (after === before) throw new Error(`CO2e stayed at ${before}`);
        await page.waitForTimeout(500);
        await page.screenshot({ path: join(OUT, `panel-whatif-${tag}.png`) });
        await frame.locator('#reset').click();
        await frame.locator('h1 vscode-badge', { hasText: 'what-if' }).waitFor({ state: 'detached', timeout: 15_000 });
        const reset = await value.textContent();
        if (reset !== before) throw new Error(`after reset the CO2e reads ${reset}, not ${before}`);
      });

      await check('the panel is restored after the window reloads', async () => {
        // Reload the way a user does, so the workbench saves its editors (the panel included) first;
        // give the webview a moment to have stored its state.
        await page.waitForTimeout(1500);
        await runCommand(page, 'Developer: Reload Window');
        await page.waitForLoadState('load');
        await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
        const frame = page.frameLocator('iframe.webview.ready').frameLocator('iframe');
        const value = frame.locator('[data-testid=co2e] .value');
        try {
          await value.waitFor({ timeout: 60_000 });
        } finally {
          await page.screenshot({ path: join(OUT, `panel-reloaded-${tag}.png`) });
        }
        if (!/^[\d.,]+ (g|kg|t)$/.test((await value.textContent()) ?? ''))
          throw new Error('no CO2e figure after reload');
      });

      await check('"Apply" on a suggestion changes the code', async () => {
        const frame = page.frameLocator('iframe.webview.ready').frameLocator('iframe');
        const apply = frame.locator('[data-apply]', { hasText: /distilbert/ }).first();
        await apply.waitFor({ timeout: 15_000 });
        await apply.click();
        // The panel re-reads the changed code; then show the model line in the editor (after a
        // reload the editor may be scrolled elsewhere, and only visible lines are rendered).
        await frame.locator('h1', { hasText: 'distilbert-base-uncased' }).waitFor({ timeout: 30_000 });
        const lines = readFileSync(join(workspace, 'hf-finetune/train_classifier.py'), 'utf8').split('\n');
        await goToLine(page, lines.findIndex((l) => l.includes('from_pretrained("bert-base-uncased"')) + 1);
        await page
          .locator('.monaco-editor .view-lines', { hasText: 'from_pretrained("distilbert-base-uncased"' })
          .first()
          .waitFor({ timeout: 30_000 });
        await page.waitForTimeout(800);
        await page.screenshot({ path: join(OUT, `panel-applied-${tag}.png`) });
      });
    }

    await check('a CodeCarbon-measured run shows its measurement and everyday equivalents in the panel', async () => {
      await openFile(page, 'codecarbon-tracked/finetune_sst2.py');
      await goToLine(page, 30);
      await runCommand(page, 'Green AI: Estimate This Run');
      const frame = page.frameLocator('iframe.webview.ready').frameLocator('iframe');
      const measured = frame.locator('[data-testid=measured]');
      await measured.waitFor({ timeout: 30_000 });
      const text = (await measured.textContent()) ?? '';
      if (!/CodeCarbon/.test(text) || !/Estimate ÷ measured/.test(text) || !/Wall-clock/.test(text))
        throw new Error(`measured section reads "${text.slice(0, 200)}"`);
      const equivalents = await frame.locator('ul.equivalents li').allTextContents();
      if (equivalents.length !== 4 || !equivalents.some((e) => /smartphone charges/.test(e)))
        throw new Error(`equivalents: ${equivalents.join(' | ')}`);
      await page.waitForTimeout(800);
      await page.screenshot({ path: join(OUT, `panel-measured-${tag}.png`) });
    });

    await check(
      'an inference script shows the deployment view: per request, per day, and a year of serving beside training',
      async () => {
        await openFile(page, 'inference/serve_mistral.py');
        const lines = readFileSync(join(workspace, 'inference/serve_mistral.py'), 'utf8').split('\n');
        await goToLine(page, lines.findIndex((l) => l.includes('max_new_tokens=')) + 1);
        await runCommand(page, 'Green AI: Estimate This Run');
        const frame = page.frameLocator('iframe.webview.ready').frameLocator('iframe');
        const deployment = frame.locator('[data-testid=deployment]');
        await deployment.waitFor({ timeout: 30_000 });
        if (!/Per request/.test((await deployment.textContent()) ?? '')) throw new Error('no per-request figure');
        const rpd = frame.locator('#in-rpd input');
        await rpd.fill('20000');
        await rpd.press('Tab');
        const breakEven = frame.locator('[data-testid=break-even]');
        await breakEven.waitFor({ timeout: 15_000 });
        await frame
          .locator('[data-testid=break-even]', { hasText: /Serving (overtakes|would overtake) training after/ })
          .waitFor({ timeout: 15_000 });
        const text = (await deployment.textContent()) ?? '';
        if (!/Per day of service/.test(text)) throw new Error(`deployment section reads "${text.slice(0, 300)}"`);
        await deployment.scrollIntoViewIfNeeded();
        await page.waitForTimeout(800);
        await page.screenshot({ path: join(OUT, `panel-deployment-${tag}.png`) });
      },
    );

    await check('the Workspace Report shows its progress while it scans, then lists the runs with totals', async () => {
      await page
        .locator('.activitybar a[aria-label^="Green AI"], .activitybar .action-item[aria-label^="Green AI"] a')
        .first()
        .click();
      const scanning = page.locator('.tree-explorer-viewlet-tree-view-message, .pane-body .message', {
        hasText: /Scanning [\d,]+ \/ [\d,]+ files/,
      });
      await scanning.first().waitFor({ state: 'visible', timeout: 30_000 });
      await page.waitForTimeout(700);
      await page.screenshot({ path: join(OUT, `report-scanning-${tag}.png`) });
      const row = page.locator('.pane-body .monaco-list-row', { hasText: 'train_classifier.py' });
      await row.first().waitFor({ timeout: 60_000 });
      const total = page.locator('.tree-explorer-viewlet-tree-view-message, .pane-body .message', {
        hasText: /\d+ runs?, .+CO2e in total/,
      });
      // The totals come when the whole folder (1,500 generated modules) is scanned: slow on a loaded 2-core machine.
      await total.first().waitFor({ state: 'visible', timeout: 90_000 });
      const folder = page.locator('.pane-body .monaco-list-row', { hasText: /runs? · .+CO2e/ });
      await folder.first().waitFor({ state: 'visible', timeout: 10_000 });
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(OUT, `report-${tag}.png`) });
    });

    await check('the report lists the files it left out, each with why (tests, CI, library modules)', async () => {
      await page
        .locator('.pane-body .monaco-list-row', { hasText: /files? left out: not runs/ })
        .first()
        .click();
      // Rows sort by path: the CI workflow and the helper module come before the 1,500 generated library modules.
      for (const name of ['ci.yml', 'trainer_utils.py']) {
        await page
          .locator('.pane-body .monaco-list-row', { hasText: name })
          .first()
          .waitFor({ state: 'visible', timeout: 10_000 });
      }
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(OUT, `report-left-out-${tag}.png`) });
      await page
        .locator('.pane-body .monaco-list-row', { hasText: /files? left out: not runs/ })
        .first()
        .click();
    });

    if (index === 0) {
      await check('malformed, huge, binary and unknown-model files show no error popup', async () => {
        for (const name of [
          'bad/huge_generated.py',
          'bad/broken.yaml',
          'bad/weights.py',
          'bad/unknown_model.py',
          'bad/broken.ipynb',
        ]) {
          try {
            await openFile(page, name);
          } catch (e) {
            await page.screenshot({ path: join(OUT, `bad-input-open-failed.png`) });
            throw e;
          }
          await page.waitForTimeout(1200);
        }
        const toasts = await page.locator('.notifications-toasts .notification-toast').allTextContents();
        const ours = toasts.filter((t) => /green.?ai/i.test(t));
        if (ours.length) throw new Error(`notifications: ${ours.join(' | ')}`);
        await page.screenshot({ path: join(OUT, `bad-input-${tag}.png`) });
      });
    }

    if (index === 0) {
      await check('the extension host log shows activation and no errors from Green AI', async () => {
        const logs = filesUnder(join(profile.userDataDir, 'logs'));
        const exthost = logs
          .filter((f) => /exthost/i.test(f) && f.endsWith('.log'))
          .map((f) => readFileSync(f, 'utf8'))
          .join('\n');
        const ours = logs
          .filter((f) => f.endsWith('Green AI.log'))
          .map((f) => readFileSync(f, 'utf8'))
          .join('\n');
        if (!/activated; tree-sitter wasm from/.test(ours))
          throw new Error(`no activation line in the Green AI log (${logs.length} log files)`);
        const bad = exthost.split('\n').filter((l) => /green-ai/i.test(l) && /\[error\]|failed/i.test(l));
        if (bad.length) throw new Error(bad.join('\n'));
        if (/\[error\]/.test(ours)) throw new Error(ours);
      });
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

if (!existsSync(VSIX)) {
  console.error('missing green-ai.vsix: run "npm run package" first');
  process.exit(1);
}
mkdirSync(OUT, { recursive: true });
ensureCodeServer();
for (const [i, theme] of THEMES.entries()) await session(theme, i);
const failed = results.filter((r) => !r.ok).length;
console.log(`\ne2e: ${results.length - failed} passing, ${failed} failing; screenshots in test-results/`);
process.exit(failed === 0 ? 0 : 1);
