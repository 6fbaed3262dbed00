import type { Node } from 'web-tree-sitter';
import { evaluate, keywordArgument, stringLiteral } from '../../pythonValues';
import { truncate, type PythonReadContext } from '../context';
import type { CallRule } from '../rules';
import { scopeBindings } from './gemmaLibrary';

/**
 * TorchX components (docs.pytorch.org/torchx, "Distributed": `torchx.components.dist.ddp`). A component is a
 * function returning a `specs.AppDef`; `torchx run file.py:fn` calls it, so it is a launcher even though nothing in
 * its module calls it. The built-in `dist.ddp(*script_args, script=None, m=None, cpu=2, gpu=0, j="1x2", ...)`
 * launches `script` (or module `m`) with torchrun on `j` = "[{min_nnodes}:]{nnodes}x{nproc_per_node}" hosts and
 * processes, each replica asking for `gpu` GPUs ("number of gpus per replica"; source: torchx/components/dist.py,
 * the ddp docstring). The launched program is linked as a module so its own reading supplies the run; the
 * component adds where it runs.
 */

/** How a TorchX launch's link detail starts (resolve/entryPoint.ts keeps such a component a run in a package). */
export const TORCHX_LAUNCH_LINK = 'TorchX launch:';

/** `j=` as the ddp docstring writes it: optional min nodes, nodes, `x`, processes per node. */
const J_SPEC = /^(?:\d{1,4}:)?(\d{1,4})x(\d{1,4})$/;
/** A script path ending in `.py`, as written in a literal (`"dlrm_main.py"`, `"./train.py"`). */
const SCRIPT_PATH = /^[\w./-]{1,300}\.py$/;
/** String literals looked at inside a path expression (`os.path.join(cwd, "dlrm_main.py")`). */
const MAX_STRINGS = 20;

/** The `.py` file a script expression names: a literal, or the last `.py` literal of a path join. */
function scriptOf(node: Node): string | undefined {
  const strings = node.type === 'string' ? [node] : node.descendantsOfType('string').slice(0, MAX_STRINGS);
  let found: string | undefined;
  for (const s of strings) {
    const text = s ? stringLiteral(s) : null;
    if (text && SCRIPT_PATH.test(text)) found = text.replace(/^\.\//, '');
  }
  return found;
}

/** The expression a name holds where the call is: bound in the enclosing function before it, else at module level. */
function boundValue(name: Node, call: Node, ctx: PythonReadContext): Node | undefined {
  for (let p = call.parent; p; p = p.parent) {
    if (p.type !== 'function_definition') continue;
    const body = p.childForFieldName('body');
    const local = body ? scopeBindings(body, call.startPosition.row, ctx).get(name.text) : undefined;
    if (local) return local;
    break;
  }
  return ctx.symbols.lookup(name.text)?.node ?? undefined;
}

/** Whether the file imports TorchX's distributed components (`from torchx.components.dist import ddp`, `import torchx…`). */
function importsTorchx(text: string): boolean {
  return /^[ \t]*(?:from|import)[ \t]+torchx\b/m.test(text);
}

export const torchxDdp: CallRule = {
  framework: 'torchx',
  callees: ['ddp'],
  words: ['torchx'],
  runStart: [/\btorchx\b/, /\bddp\s*\(/],
  when: ({ full, ctx }) => /^(?:(?:torchx\.components\.)?dist\.)?ddp$/.test(full) && importsTorchx(ctx.text),
  read: ({ node, full, args, ctx }) => {
    if (!args) return;
    let target = keywordArgument(args, 'script');
    const module = keywordArgument(args, 'm');
    if (target?.type === 'identifier') target = boundValue(target, node, ctx) ?? target;
    const script = target ? scriptOf(target) : undefined;
    const moduleName = module ? stringLiteral(module) : null;
    const file =
      script ??
      (moduleName && /^[A-Za-z_][\w.]{0,200}$/.test(moduleName) ? `${moduleName.replace(/\./g, '/')}.py` : undefined);
    if (!file) return;
    ctx.add(
      'link.module',
      file,
      target ?? module ?? node,
      `${TORCHX_LAUNCH_LINK} ${full}(script=${file}) runs ${file} with torchrun`,
    );
    // Hosts and processes: j="2x8" (nodes x processes per node); the GPUs each replica asks for, gpu=8.
    const jNode = keywordArgument(args, 'j');
    const j = jNode ? evaluate(jNode, ctx.symbols)?.value : undefined;
    const spec = typeof j === 'string' ? J_SPEC.exec(j.trim()) : null;
    const gpuNode = keywordArgument(args, 'gpu');
    const gpu = gpuNode ? evaluate(gpuNode, ctx.symbols)?.value : undefined;
    if (spec && typeof gpu === 'number' && gpu > 0) {
      const nodes = Number(spec[1]);
      const perNode = Math.min(Number(spec[2]), gpu);
      // Devices are per host; the hosts multiply them (as torchrun's --nnodes does).
      ctx.add(
        'hardware.devices',
        perNode,
        jNode!,
        `TorchX ${full}(j=${truncate(jNode!.text, 30)}, gpu=${gpu}): ${perNode} GPU process(es) per host`,
      );
      if (nodes > 1)
        ctx.add('hardware.nodes', nodes, jNode!, `TorchX ${full}(j=${truncate(jNode!.text, 30)}): ${nodes} hosts`);
    } else if (typeof gpu === 'number' && gpu > 0 && gpuNode) {
      // j computed when the component is called (`f"{replicas}x{nproc}"`): the GPUs one replica asks for.
      ctx.add(
        'hardware.devices',
        gpu,
        gpuNode,
        `TorchX ${full}(gpu=${gpu}): GPUs per replica; the replica count (j=${truncate(jNode?.text ?? '"1x2"', 30)}) is set when the component runs`,
        'medium',
      );
    }
  },
};
