import * as assert from 'node:assert/strict';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { fastYamlDocument, plainValue } from '../../src/core/extract/config/fastYaml';

/** Every node as `path kind value start end` lines (end: the node's end for scalars, none for collections). */
function shape(node: unknown, path = ''): string[] {
  if (node === null || node === undefined) return [`${path} none`];
  if (isMap(node)) {
    const out = [`${path} map @${(node as YamlNode).range?.[0]}`];
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      out.push(
        `${path}.${key} key @${pair.key.range?.[0]}-${pair.key.range?.[1]}`,
        ...shape(pair.value, `${path}.${key}`),
      );
    }
    return out;
  }
  if (isSeq(node))
    return [`${path} seq @${(node as YamlNode).range?.[0]}`, ...node.items.flatMap((n, i) => shape(n, `${path}.${i}`))];
  if (isScalar(node)) {
    const v = node.value;
    return [`${path} ${typeof v} ${Number.isNaN(v) ? 'NaN' : JSON.stringify(v)} @${node.range?.join(',')}`];
  }
  return [`${path} other`];
}

function viaLibrary(text: string): string[] {
  return shape(parseDocument(text, { lineCounter: new LineCounter(), uniqueKeys: false, strict: false }).contents);
}

function viaFastPath(text: string): string[] {
  const fast = fastYamlDocument(text);
  assert.ok(fast, `the fast path reads:\n${text}`);
  return shape(fast.contents);
}

// Configs in the shapes real training repositories write (torchtune, axolotl, GPT-NeoX, CI files).
const SAME_AS_THE_LIBRARY: Record<string, string> = {
  'a recipe with comments, components and numbers':
    '# Config for a LoRA run\noutput_dir: /tmp/out  # where checkpoints go\n\nmodel:\n  _component_: pkg.models.lora_model_8b\n  lora_rank: 8\n  lora_alpha: 16.0\n  apply_lora_to_mlp: True\n\noptimizer:\n  lr: 3e-4\n  weight_decay: 0.01\nepochs: 1\nmax_steps_per_epoch: null\ngradient_accumulation_steps: ~\n',
  'flow lists and maps, over lines':
    'lora_target_modules: [q_proj, k_proj,\n  v_proj ]\nsched: {name: cosine, warmup: 100}\nempty: []\n',
  'a JSON-looking config with comments':
    '# setup\n{\n  # model\n  "num_layers": 12,\n  "hidden_size": 768,\n  "bf16": {"enabled": true},\n}\n',
  'sequences of maps and scalars':
    'datasets:\n  - path: org/data\n    type: alpaca\n  - path: other/data\n    split: train\nmatrix:\n  - "3.10"\n  - \'3.11\'\n  - 12\n',
  'empty values, with and without comments': 'a:\nb:   \nc: # nothing here\nd: 1\ne:',
  'block scalars': 'run: |\n  pip install -e .\n  pytest\n\nnote: >\n  folded\n  text\nlast: 1\n',
  'quoted scalars with escapes and colons': 'a: "x: y\\n"\nb: \'it\'\'s\'\nc: "http://h:8080/p"\n',
  'core-schema scalars':
    'i: -12\no: 0o17\nh: 0x1F\nf: 1.5e-3\ninf: .inf\nnan: .nan\nu: 20_000\nt: TRUE\nn: Null\nv: 1.0.0\ns: yes\n',
  'CRLF line ends': 'a: 1\r\nb:\r\n  - x\r\n  - y\r\n',
  'a document start marker': '---\nmodel: gpt2\nlr: 1e-5\n',
  'keys that are numbers or booleans': '1: one\ntrue: yes\n',
};

describe('Fast YAML path (@stoplight/yaml-ast-parser rebuilt as yaml nodes)', () => {
  for (const [name, text] of Object.entries(SAME_AS_THE_LIBRARY)) {
    it(`reads ${name} as the yaml library does: values, types and offsets`, () => {
      assert.deepEqual(viaFastPath(text), viaLibrary(text));
    });
  }

  it('leaves to the yaml library what it does not model, and anything the parser finds wrong', () => {
    for (const text of [
      'base: &b {lr: 1}\nrun:\n  <<: *b\n', // an alias
      'formats: !!set {jpg, png}\n', // a tag
      'a: 1\n---\nb: 2\n', // two documents
      'strategy:\n    random\n    # a comment the library runs the scalar over\nnext: 1\n', // a scalar on the line after its key
      'a: [unclosed\nb: 1\n', // an error
      'a: "unclosed\n', // an error
    ])
      assert.equal(fastYamlDocument(text), undefined, text);
  });

  it('does not throw on nesting deeper than the stack', () => {
    assert.equal(fastYamlDocument('['.repeat(200_000)), undefined);
  });

  it('reads a duplicate key twice, as the library is told to (the first one is what readers take)', () => {
    const text = 'lr: 1\nlr: 2\n';
    assert.deepEqual(viaFastPath(text), viaLibrary(text));
  });

  it('resolves plain scalars by the YAML 1.2 core schema', () => {
    assert.equal(plainValue(''), null);
    assert.equal(plainValue('~'), null);
    assert.equal(plainValue('False'), false);
    assert.equal(plainValue('+7'), 7);
    assert.equal(plainValue('0o10'), 8);
    assert.equal(plainValue('-.INF'), -Infinity);
    assert.equal(plainValue('5e-05'), 5e-5);
    assert.equal(plainValue('.5'), 0.5);
    assert.equal(plainValue('no'), 'no', 'YAML 1.1 booleans are strings in 1.2');
    assert.equal(plainValue('1_000'), '1_000');
    assert.equal(plainValue('0x'), '0x');
  });
});
