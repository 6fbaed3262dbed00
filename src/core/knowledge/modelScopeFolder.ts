/**
 * A model downloaded from ModelScope is kept in a folder whose name writes each `.` of the id as `___`
 * (`Qwen/Qwen2___5-Coder-1___5B` for Qwen/Qwen2.5-Coder-1.5B; datawhalechina/self-llm pull request 357): the same id.
 * Its own module: the catalog's index and the name reader both use it while they load.
 */
export function fromModelScopeFolder(name: string): string {
  return name.includes('___') ? name.replace(/(?<=\w)___(?=\w)/g, '.') : name;
}
