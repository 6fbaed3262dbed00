/**
 * A path or hub id without its trailing slashes (`Qwen/Qwen-7B-Chat/` → `Qwen/Qwen-7B-Chat`). By hand, not
 * `s.replace(/\/+$/, '')`: that pattern retries from every slash of a run of them, quadratic on a value of a
 * million slashes from an untrusted config.
 */
export function withoutTrailingSlashes(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 47 /* / */) end--;
  return end === s.length ? s : s.slice(0, end);
}
