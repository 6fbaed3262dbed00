import type { Fact } from '../../facts';
import { ginStatements } from './ginStatements';

/**
 * A gin file's own facts: each statement as it is written (`gin.include`, `gin.import`, `gin.binding`, in order), so
 * the run that composes several files (ginRun.ts) can replay them in gin's order after the links are read, and a
 * `link.config` per include (followed like a config's base: `include 't5x/examples/t5/t5_1_1/base.gin'` names the
 * file from the repository's root, as t5x launches pass the checkout as a gin search path).
 */
export function extractGinFacts(text: string): Fact[] {
  const facts: Fact[] = [];
  const statements = ginStatements(text);
  if (statements.length === 0) return facts;
  facts.push({
    kind: 'run.framework',
    value: 'gin',
    range: statements[0].range,
    confidence: 'high',
    detail: 'gin config (bindings, macros and includes)',
  });
  for (const s of statements) {
    if (s.kind === 'include') {
      facts.push({
        kind: 'gin.include',
        value: s.path,
        range: s.range,
        confidence: 'high',
        detail: `include '${s.path}'`,
      });
      facts.push({
        kind: 'link.config',
        value: s.path,
        range: s.range,
        confidence: 'high',
        detail: `include: the gin file this one builds on (${s.path})`,
      });
    } else if (s.kind === 'import')
      facts.push({ kind: 'gin.import', value: s.alias, range: s.range, confidence: 'high', detail: s.module });
    else facts.push({ kind: 'gin.binding', value: s.name, range: s.range, confidence: 'high', detail: s.raw });
  }
  return facts;
}
