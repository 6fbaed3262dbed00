import { gatedTest } from '../requiredLiterals';
import { startsARun } from '../../../facts';
import { keywordArgument, evaluate } from '../../pythonValues';
import type { FileRule } from '../rules';
import type { SyntaxIndex } from '../syntaxIndex';

/**
 * The `rwkv` pip package's runtime: `from rwkv.model import RWKV; model = RWKV(model=path, strategy="cuda fp16")`
 * loads a released RWKV checkpoint for inference. The strategy string says where each part of the model runs and in
 * which precision (the package's README, "Strategy" examples: `cpu fp32`, `cuda fp16`, `cuda fp16i8`,
 * `cuda:0 fp16 -> cuda:1 fp16`, `cuda fp16 *10 -> cpu fp32`): the first stage's dtype is the compute precision
 * (`fp16i8`/`bf16i8` keep int8 weights and compute in fp16/bf16), and the distinct `cuda:N` devices are the GPUs.
 */
const importsRwkv = gatedTest(/^[ \t]*from[ \t]+rwkv\.model[ \t]+import[ \t]+[^\n]*\bRWKV\b/m);
const STAGE = /^[ \t]*(cuda(?::\d{1,3})?|cpu|mps)[ \t]+(fp16|bf16|fp32)(i8)?\b/;
const MAX_STAGES = 16;

export const rwkvPackage: FileRule = {
  framework: 'rwkv',
  phase: 'after-calls',
  words: ['strategy'],
  runStart: [/\bRWKV[ \t]*\(/, /\bfrom[ \t]+rwkv\.model\b/],
  read: (index: SyntaxIndex, ctx) => {
    if (!importsRwkv(ctx.text)) return;
    for (const node of index.calls) {
      if (ctx.callee(node).full !== 'RWKV') continue;
      const args = node.childForFieldName('arguments');
      const strategyNode = args ? keywordArgument(args, 'strategy') : null;
      const read = strategyNode ? evaluate(strategyNode, ctx.symbols) : undefined;
      if (!strategyNode || typeof read?.value !== 'string') continue;
      const stages = read.value.split('->', MAX_STAGES);
      const first = STAGE.exec(stages[0]);
      if (!first) continue;
      if (!ctx.facts.some(startsARun))
        ctx.add(
          'launch.inference',
          'rwkv',
          node,
          'RWKV(model=..., strategy=...) loads an RWKV checkpoint to run',
          'medium',
        );
      const onCpu = first[1] === 'cpu';
      if (!ctx.facts.some((f) => f.kind === 'training.precision' && f.value !== null && !/allow_tf32/.test(f.detail)))
        ctx.add(
          'training.precision',
          first[2],
          strategyNode,
          `strategy "${read.value.slice(0, 60)}": the rwkv package computes in ${first[2]}${first[3] ? ' (int8 weights)' : ''}${onCpu ? ' on the CPU' : ''}`,
          'high',
        );
      if (first[3])
        ctx.add(
          'inference.weightPrecision',
          'int8',
          strategyNode,
          `strategy "${first[0].trim()}": int8 weights`,
          'medium',
        );
      const gpus = new Set<string>();
      for (const stage of stages) {
        const m = STAGE.exec(stage);
        if (m && m[1] !== 'cpu' && m[1] !== 'mps') gpus.add(m[1] === 'cuda' ? 'cuda:0' : m[1]);
      }
      if (gpus.size > 0 && !ctx.facts.some((f) => f.kind === 'hardware.devices' && f.value !== null))
        ctx.add(
          'hardware.devices',
          gpus.size,
          strategyNode,
          `strategy "${read.value.slice(0, 60)}": ${gpus.size} GPU(s)`,
          'medium',
        );
      return;
    }
  },
};
