import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Node } from 'web-tree-sitter';
import { decideCondition, onDefaultPath } from '../../src/core/extract/python/branches';
import { SyntaxCaches } from '../../src/core/extract/python/context';
import { RELEVANT_LINE } from '../../src/core/extract/python/index';
import { collectSymbols } from '../../src/core/extract/python/symbols';
import { indexSyntax, RelevantLines } from '../../src/core/extract/python/syntaxIndex';
import type { SymbolTable } from '../../src/core/extract/pythonValues';
import { parsing, ROOT } from './helpers';

/**
 * The reference reading of "on the default path": climb from the node, parent by parent, and stop at the first
 * definition (its body runs when called) or at a branch the stated values rule out. onDefaultPath keeps what one
 * climb found for the next call of the same block (and gives up after 40 ancestors); this is the plain climb its
 * shared verdicts must agree with.
 */
function climbVerdict(node: Node, symbols: SymbolTable): boolean {
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    const type = parent.type;
    if (type === 'function_definition' || type === 'class_definition') return true;
    if (type === 'conditional_expression') {
      const [whenTrue, condition, whenFalse] = parent.namedChildren;
      const decided = decideCondition(condition ?? null, symbols);
      if (whenTrue && child.equals(whenTrue) && decided === false) return false;
      if (whenFalse && child.equals(whenFalse) && decided === true) return false;
      continue;
    }
    if (type !== 'if_statement') continue;
    const conditions: Array<Node | null> = [parent.childForFieldName('condition')];
    if (child.equals(parent.childForFieldName('consequence') ?? child) && child.type === 'block') {
      if (decideCondition(conditions[0], symbols) === false) return false;
      continue;
    }
    for (const clause of parent.children) {
      if (!clause || (clause.type !== 'elif_clause' && clause.type !== 'else_clause')) continue;
      if (clause.equals(child)) {
        if (conditions.some((c) => decideCondition(c, symbols) === true)) return false;
        if (clause.type === 'elif_clause' && decideCondition(clause.childForFieldName('condition'), symbols) === false)
          return false;
        break;
      }
      if (clause.type === 'elif_clause') conditions.push(clause.childForFieldName('condition'));
    }
  }
  return true;
}

function pythonFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? pythonFiles(full) : e.name.endsWith('.py') ? [full] : [];
  });
}

describe('Which calls are on the path a script takes with its defaults', () => {
  it('the shared climbs agree with a plain parent-by-parent climb on every call of every fixture', async function () {
    this.timeout(60_000);
    const { parser } = await parsing();
    const files = [
      ...pythonFiles(path.join(ROOT, 'test/fixtures/scanner')),
      ...pythonFiles(path.join(ROOT, 'examples')),
    ];
    let calls = 0;
    let offPath = 0;
    const disagreements: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const tree = parser.parse(text)!;
      try {
        const index = indexSyntax(tree, text, new RelevantLines(RELEVANT_LINE));
        const symbols = collectSymbols(index, tree, text, new SyntaxCaches());
        for (const call of tree.rootNode.descendantsOfType('call')) {
          if (!call) continue;
          calls++;
          const expected = climbVerdict(call, symbols);
          if (!expected) offPath++;
          if (onDefaultPath(call, symbols) !== expected)
            disagreements.push(`${path.relative(ROOT, file)}:${call.startPosition.row + 1} ${call.text.slice(0, 60)}`);
        }
      } finally {
        tree.delete();
      }
    }
    assert.deepEqual(disagreements, []);
    // The comparison means something only if both kinds of verdict occur.
    assert.ok(calls > 5000, `${calls} calls compared`);
    assert.ok(offPath > 50, `${offPath} calls off the default path`);
  });

  it('a branch outside a function does not decide the calls inside it; one inside does', async () => {
    const { parser } = await parsing();
    const text = [
      'init_from = "scratch"',
      'if init_from == "resume":',
      '    def load():',
      '        return torch.load("ckpt.pt")',
      '    resumed = load()',
      'def build(kind="gpt2"):',
      '    if False:',
      '        return GPT.from_pretrained(kind)',
      '    return GPT(GPTConfig())',
      'value = build_lora() if use_lora else build_full()',
      'use_lora = False',
      '',
    ].join('\n');
    const tree = parser.parse(text)!;
    try {
      const index = indexSyntax(tree, text, new RelevantLines(RELEVANT_LINE));
      const symbols = collectSymbols(index, tree, text, new SyntaxCaches());
      const verdict = (needle: string) => {
        const call = tree.rootNode.descendantsOfType('call').find((c) => c?.text.startsWith(needle));
        assert.ok(call, needle);
        return onDefaultPath(call, symbols);
      };
      assert.equal(verdict('torch.load'), true, 'inside a def: the def decides when it runs');
      assert.equal(verdict('load()'), false, 'the resume branch is not taken');
      assert.equal(verdict('GPT.from_pretrained'), false, '`if False:` inside the function');
      assert.equal(verdict('GPT(GPTConfig())'), true);
    } finally {
      tree.delete();
    }
  });
});
