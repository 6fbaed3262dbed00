// throwaway: open a real repository in code-server and screenshot the Workspace Report (not committed)
import { join } from 'node:path';
import { freePort, freshProfile, installVsix, launchChromium, scratchCopy, startCodeServer, ROOT } from './code-server.mjs';
const repo = process.argv[2];
const tag = process.argv[3] ?? 'repo';
const profile = freshProfile(`eye-${tag}`);
installVsix(join(ROOT, 'green-ai.vsix'), profile.extensionsDir);
const workspace = scratchCopy(repo, `eye-${tag}`);
const port = await freePort();
const server = await startCodeServer({ port, userDataDir: profile.userDataDir, extensionsDir: profile.extensionsDir });
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
try {
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.waitForTimeout(3000);
  await page.locator('.activitybar a[aria-label^="Green AI"], .activitybar .action-item[aria-label^="Green AI"] a').first().click();
  const total = page.locator('.tree-explorer-viewlet-tree-view-message, .pane-body .message', { hasText: /CO2e in total|need input|No training/ });
  await total.first().waitFor({ state: 'visible', timeout: 240_000 });
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `/tmp/eye/${tag}-report.png` });
  const rows = await page.locator('.pane-body .monaco-list-row').allInnerTexts();
  console.log(rows.slice(0, 60).join('\n---\n'));
  // expand the first folder/group rows that are collapsed
  const first = page.locator('.pane-body .monaco-list-row', { hasText: /\.(py|ya?ml|sh|slurm)/ }).first();
  await first.click().catch(() => {});
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `/tmp/eye/${tag}-click.png` });
} finally {
  await browser.close();
  await server.stop();
}
