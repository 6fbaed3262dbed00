import * as assert from 'node:assert/strict';
import { extractShellFacts } from '../../src/core/extract/shellFacts';
import { oneFact } from './helpers';

/** Shell variables a script's own argument parsing fills: required arguments, not values. */
describe('shell variables filled by argument parsing', () => {
  const parsing = (before: string) =>
    `${before}\nwhile [[ $# -gt 0 ]]; do\n  case $1 in\n    --model)\n      MODEL="$2"\n      shift 2\n      ;;\n  esac\ndone\n` +
    'CONFIG_FILE=recipes/$MODEL/config.yaml\naccelerate launch scripts/sft.py --config $CONFIG_FILE\n';

  it('leaves an empty variable that a case arm sets from an argument unexpanded (a required argument)', () => {
    assert.equal(oneFact(extractShellFacts(parsing('MODEL=""')), 'link.config').value, 'recipes/$MODEL/config.yaml');
  });

  it('keeps a non-empty default that a case arm overrides (what a plain run uses)', () => {
    assert.equal(oneFact(extractShellFacts(parsing('MODEL=llama')), 'link.config').value, 'recipes/llama/config.yaml');
  });

  it('expands an empty variable nothing else sets (the shell drops it)', () => {
    const facts = extractShellFacts(
      'EXTRA=""\nCONFIG=recipes/base$EXTRA.yaml\naccelerate launch sft.py --config $CONFIG\n',
    );
    assert.equal(oneFact(facts, 'link.config').value, 'recipes/base.yaml');
  });
});
