import picomatch from 'picomatch';

/**
 * What is a run: something that executes a training or inference job (a script run as main or with
 * module-level work, a config a trainer or launcher consumes, a launch command). Files whose place in
 * a repository says they are not (tests, CI workflows, docs, packaging) are left out by default;
 * library modules are recognised from their code (see python/entryPoint.ts). Users change this with
 * `greenAI.report.exclude` / `--exclude`, and force a file in with `# green-ai: run`.
 */

export interface PathRule {
  readonly glob: string;
  readonly reason: string;
}

/** Defaults, each with the reason shown to the user. Globs match paths relative to the folder. */
export const DEFAULT_NON_RUN_PATHS: readonly PathRule[] = [
  { glob: '**/.github/**', reason: 'a CI workflow or GitHub configuration' },
  { glob: '**/{.gitlab-ci.yml,.gitlab/**,.circleci/**,.buildkite/**,azure-pipelines*.yml,.travis.yml,Jenkinsfile,.drone.yml,bitbucket-pipelines.yml,codecov.yml,.codecov.yml}', reason: 'CI configuration' },
  { glob: '**/{test,tests,testing,unit_tests,integration_tests,regression_tests,__tests__}/**', reason: 'in a test folder' },
  { glob: '**/{test_*.py,*_test.py,*_tests.py,conftest.py}', reason: 'a test file' },
  { glob: '**/{docs,doc,docs_src,documentation}/**', reason: 'documentation' },
  { glob: '**/{setup.py,setup.cfg,pyproject.toml,noxfile.py,tox.ini,environment.yml,environment.yaml,mkdocs.yml,mkdocs.yaml,.readthedocs.yml,.readthedocs.yaml,.pre-commit-config.yaml,.pre-commit-hooks.yaml,docker-compose.yml,docker-compose.yaml,renovate.json,package.json,tsconfig.json,.markdownlint.yaml,.markdownlint.json,.yamllint,.yamllint.yaml,CITATION.cff}', reason: 'packaging or tooling configuration' },
  { glob: '**/{.vscode,.idea,.devcontainer,node_modules,site-packages,.venv,venv,.tox,.git}/**', reason: 'editor, tooling or environment files' },
];

export interface EntryPointRules {
  /** Extra globs from the user (`greenAI.report.exclude`, `--exclude`). */
  readonly exclude?: readonly string[];
  /** Set to false to list every file that holds a run, wherever it is. */
  readonly defaults?: boolean;
}

const compiled = new Map<string, (path: string) => boolean>();
function matcher(glob: string): (path: string) => boolean {
  let m = compiled.get(glob);
  if (!m) {
    // dot: true so `.github/**` matches; nocase for Windows-made repositories.
    m = picomatch(glob, { dot: true, nocase: true });
    if (compiled.size > 500) compiled.clear();
    compiled.set(glob, m);
  }
  return m;
}

/** Why a file at this folder-relative path is not a run, or undefined when it may be one. */
export function nonRunPathReason(relativePath: string, rules: EntryPointRules = {}): string | undefined {
  // Paths relative to the folder, POSIX separators; a leading "./" or "/" is not part of the match.
  const path = relativePath.replace(/\\/g, '/').replace(/^(\.\/|\/)+/, '');
  if (!path || path.startsWith('../')) return undefined;
  if (rules.defaults !== false) {
    for (const rule of DEFAULT_NON_RUN_PATHS) if (matcher(rule.glob)(path)) return rule.reason;
  }
  for (const glob of rules.exclude ?? []) {
    if (glob.trim() && matcher(glob.trim())(path)) return `excluded by the pattern ${glob.trim()}`;
  }
  return undefined;
}
