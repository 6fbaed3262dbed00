// Renders the PR comment `green-ai diff --markdown` writes, for the README: a temporary git
// repository with the diff fixtures as two commits, `diff --git HEAD~1 --markdown` on it, the
// Markdown turned into HTML by markdown-it (CommonMark + GFM tables, the HTML GitHub allows in
// comments passed through), and a screenshot of that in Debian's Chromium.
// Usage: node scripts/build.mjs && node scripts/screenshot-pr-comment.mjs [out.png]
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import MarkdownIt from 'markdown-it';
import { launchChromium } from './code-server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = process.argv[2] ?? join(root, 'docs/images/pr-comment.png');
const repo = mkdtempSync(join(tmpdir(), 'greenai-shot-'));
const git = (...args) =>
  execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' } });

try {
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'docs@example.com');
  git('config', 'user.name', 'docs');
  for (const [side, message] of [
    ['base', 'base'],
    ['head', 'head'],
  ]) {
    for (const entry of readdirSync(repo))
      if (entry !== '.git') rmSync(join(repo, entry), { recursive: true, force: true });
    cpSync(join(root, 'test/fixtures/diff', side), repo, { recursive: true });
    git('add', '-A');
    git('commit', '-q', '-m', message);
  }
  const markdown = execFileSync(
    process.execPath,
    [join(root, 'dist/cli.js'), 'diff', '--git', 'HEAD~1', repo, '--markdown'],
    { encoding: 'utf8' },
  );
  const md = new MarkdownIt({ html: true, linkify: true });
  // GitHub links bare URLs only with a scheme or "www." (GFM autolinks), not "example.com/path".
  md.linkify.set({ fuzzyLink: false });
  const body = md.render(markdown);
  const page = `<!doctype html><html><head><meta charset="utf-8"><style>
    body { margin: 0; background: #f6f8fa; font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color: #1f2328; }
    .comment { margin: 16px; border: 1px solid #d1d9e0; border-radius: 6px; background: #fff; max-width: 1180px; }
    .header { padding: 8px 16px; background: #f6f8fa; border-bottom: 1px solid #d1d9e0; border-radius: 6px 6px 0 0; color: #59636e; }
    .header b { color: #1f2328; }
    .body { padding: 4px 16px 12px; }
    h3 { font-size: 1.25em; margin: 12px 0 8px; }
    table { border-collapse: collapse; margin: 8px 0; display: block; overflow: auto; }
    th, td { border: 1px solid #d1d9e0; padding: 6px 13px; vertical-align: top; }
    tr:nth-child(2n) { background: #f6f8fa; }
    code { background: #eff1f3; border-radius: 6px; padding: .2em .4em; font: 85% ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
    details summary { cursor: pointer; margin: 8px 0; }
    sub { color: #59636e; }
  </style></head><body><div class="comment"><div class="header"><b>github-actions</b> bot commented</div><div class="body">${body}</div></div></body></html>`;
  const html = join(repo, 'comment.html');
  writeFileSync(html, page);
  const browser = await launchChromium();
  try {
    const tab = await browser.newPage({ viewport: { width: 1240, height: 900 }, deviceScaleFactor: 1 });
    await tab.goto(`file://${html}`);
    // Open the suggestions so the picture shows them too.
    // Runs in the page, where `document` is the rendered comment.
    // eslint-disable-next-line no-restricted-globals, no-undef
    await tab.evaluate(() => document.querySelectorAll('details').forEach((d) => d.setAttribute('open', '')));
    await tab.locator('.comment').screenshot({ path: out });
  } finally {
    await browser.close();
  }
  console.log(`screenshot: ${out}`);
} finally {
  rmSync(repo, { recursive: true, force: true });
}
