/**
 * One pull-request comment kept up to date through the GitHub REST API: the
 * Action's own earlier comment (found by its marker, written by a bot account)
 * is edited; otherwise a new one is posted. HTTP goes through the `fetch`
 * given, so tests run it against a stub, never against GitHub.
 */

export type Fetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
) => Promise<{ ok: boolean; status: number; json(): Promise<unknown>; text(): Promise<string> }>;

export interface CommentTarget {
  /** https://api.github.com, or a GitHub Enterprise Server's API URL. */
  readonly apiUrl: string;
  /** "owner/name" */
  readonly repository: string;
  readonly issueNumber: number;
  readonly token: string;
}

/** GitHub refuses comment bodies over 65,536 characters. */
const MAX_BODY_CHARS = 65_000;
/** Pages of 100 comments looked through for our own; a thread longer than that gets a new comment. */
const MAX_PAGES = 10;

interface IssueComment {
  readonly id: number;
  readonly body?: string;
  readonly user?: { readonly type?: string } | null;
}

function isComment(x: unknown): x is IssueComment {
  return typeof x === 'object' && x !== null && typeof (x as { id?: unknown }).id === 'number';
}

export class GitHubApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

function headers(token: string): Record<string, string> {
  return {
    Accept: 'application/vnd.github+json',
    Authorization: `Bearer ${token}`,
    'X-GitHub-Api-Version': '2022-11-28',
    'User-Agent': 'green-ai-action',
    'Content-Type': 'application/json',
  };
}

async function call(fetch: Fetch, url: string, method: string, token: string, body?: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method,
    headers: headers(token),
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  if (!response.ok) {
    const text = (await response.text()).slice(0, 300);
    throw new GitHubApiError(
      `${method} ${url.replace(/\?.*$/, '')} answered ${response.status}: ${text}`,
      response.status,
    );
  }
  return response.json();
}

export function truncatedBody(body: string): string {
  if (body.length <= MAX_BODY_CHARS) return body;
  return `${body.slice(0, MAX_BODY_CHARS)}\n\n…(cut: the full diff is in the job summary)\n`;
}

/** Edits the comment that starts with `marker`, or posts one; returns what was done and the comment id. */
export async function upsertComment(
  fetch: Fetch,
  target: CommentTarget,
  marker: string,
  body: string,
): Promise<{ action: 'created' | 'updated'; id: number }> {
  if (!/^[\w.-]+\/[\w.-]+$/.test(target.repository)) throw new Error(`not a repository name: ${target.repository}`);
  if (!Number.isInteger(target.issueNumber) || target.issueNumber <= 0)
    throw new Error(`not a pull-request number: ${target.issueNumber}`);
  const base = `${target.apiUrl.replace(/\/+$/, '')}/repos/${target.repository}`;
  const text = truncatedBody(body);
  let existing: IssueComment | undefined;
  for (let page = 1; page <= MAX_PAGES && !existing; page++) {
    const list = await call(
      fetch,
      `${base}/issues/${target.issueNumber}/comments?per_page=100&page=${page}`,
      'GET',
      target.token,
    );
    if (!Array.isArray(list)) throw new Error('the comments list is not an array');
    // Only a bot's comment is ours to edit: anyone can write the marker into a comment of their own.
    existing = list
      .filter(isComment)
      .find((c) => typeof c.body === 'string' && c.body.startsWith(marker) && c.user?.type === 'Bot');
    if (list.length < 100) break;
  }
  if (existing) {
    await call(fetch, `${base}/issues/comments/${existing.id}`, 'PATCH', target.token, { body: text });
    return { action: 'updated', id: existing.id };
  }
  const created = await call(fetch, `${base}/issues/${target.issueNumber}/comments`, 'POST', target.token, {
    body: text,
  });
  return { action: 'created', id: isComment(created) ? created.id : -1 };
}
