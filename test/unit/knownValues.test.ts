import * as assert from 'node:assert/strict';
import type { Node } from 'web-tree-sitter';
import { evaluate, SymbolTable } from '../../src/core/extract/pythonValues';
import { parsing } from './helpers';

/** The value of the right side of the last line's assignment, with the module's earlier names bound. */
async function valueOf(code: string): Promise<unknown> {
  const python = await parsing();
  const tree = python.parser.parse(code)!;
  const symbols = new SymbolTable();
  let last: Node | null = null;
  for (const statement of tree.rootNode.namedChildren) {
    const assignment = statement?.namedChildren[0];
    if (assignment?.type !== 'assignment') continue;
    const left = assignment.childForFieldName('left')!;
    last = assignment.childForFieldName('right');
    symbols.bind(left.text, last!, `${left.text} (line ${assignment.startPosition.row + 1})`);
  }
  return evaluate(last, symbols)?.value;
}

describe('known-value expressions', () => {
  it('looks a table up by a known key, nested, and by index', async () => {
    assert.equal(await valueOf("variant = 'medium'\nx = {'fast': 10, 'medium': 100}[variant]"), 100);
    assert.equal(await valueOf("d = 'pet'\nv = 'long'\nx = {'pet': {'long': 3_000}}[d][v]"), 3000);
    assert.equal(await valueOf("x = dict(flowers=102, pet=37)['pet']"), 37);
    assert.equal(await valueOf('x = [1, 2, 3][-1]'), 3);
  });

  it('reads nothing for a key the table lacks, a slice, or an unknown key', async () => {
    assert.equal(await valueOf("x = {'a': 1}['b']"), undefined);
    assert.equal(await valueOf('x = [1, 2, 3][1:]'), undefined);
    assert.equal(await valueOf("x = {'a': 1}[unknown]"), undefined);
    assert.equal(await valueOf('x = [1, 2][5]'), undefined);
    assert.equal(await valueOf("x = {'__proto__': 1}['constructor']"), undefined);
  });

  it('decides not, and, or on known values as Python does', async () => {
    assert.equal(await valueOf('runlocal = False\nx = 400 if not runlocal else 10'), 400);
    assert.equal(await valueOf('a = 0\nx = a or 7'), 7);
    assert.equal(await valueOf("a = ''\nx = a and 7"), '');
    assert.equal(await valueOf('x = unknown and 7'), undefined);
  });
  it('computes bitwise operators and math functions a constructor sizes layers with, as Python does', async () => {
    assert.equal(await valueOf('scale = 8\nx = (scale & (scale - 1)) == 0'), true);
    assert.equal(await valueOf('scale = 6\nx = (scale & (scale - 1)) == 0'), false);
    assert.equal(await valueOf('x = (1 << 4) | 3'), 19);
    assert.equal(await valueOf('scale = 8\nx = int(math.log(scale, 2))'), 3);
    assert.equal(await valueOf('x = math.ceil(64 / 16) + math.floor(2.5) + math.log2(16)'), 10);
    assert.equal(await valueOf('d = 100\nx = math.sqrt(d)'), 10);
  });

  it('reads no value outside an operator or function domain, or past exact 32-bit integers', async () => {
    assert.equal(await valueOf('x = math.log(0, 2)'), undefined);
    assert.equal(await valueOf('x = math.log(8, 1)'), undefined);
    assert.equal(await valueOf('x = math.sqrt(-1)'), undefined);
    assert.equal(await valueOf('x = 3.5 & 1'), undefined);
    assert.equal(await valueOf('x = (2 ** 40) & 1'), undefined);
    assert.equal(await valueOf('x = math.gamma(3)'), undefined);
  });
});
