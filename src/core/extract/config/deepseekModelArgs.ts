import type { ConfigDialect, ConfigDoc, FactSink } from './dialect';
import { positiveInteger } from '../positiveInteger';

/**
 * DeepSeek's reference inference configs (`inference/configs/config_671B.json`, read by `generate.py --config`,
 * a required flag, into the `ModelArgs` dataclass of the program's `model.py`): the model's layout only, with
 * multi-head latent attention (`q_lora_rank`, `kv_lora_rank`, `qk_nope_head_dim`, `qk_rope_head_dim`, `v_head_dim`)
 * and DeepSeekMoE layers (`n_routed_experts`, `n_shared_experts`, `n_activated_experts`, `moe_inter_dim`) after
 * `n_dense_layers` dense ones. Each such config is an inference run of the program that needs it.
 *
 * Parameters are counted from the layers DeepSeek-V3's `model.py` builds (arXiv:2412.19437, section 2.1: MLA with
 * low-rank query and key-value compression, DeepSeekMoE with shared and routed experts): per layer, the query
 * projection (`wq`, or `wq_a` → `q_lora_rank` → `wq_b` when the rank is above 0), `wkv_a` (dim → kv_lora_rank +
 * rope dim), `wkv_b` (kv_lora_rank → heads × (nope + v)), `wo` (heads × v → dim) and their norms; a gated MLP of
 * `inter_dim` in the dense layers, and in the others a router over the routed experts plus routed and shared gated
 * MLPs of `moe_inter_dim`; untied embedding and output head. The 671B layout gives 671.0B (37.5B active), the
 * figures of the technical report. `dtype: fp8` stores the weights in float8, but the program's default
 * `gemm_impl = "bf16"` dequantises them for bfloat16 matrix products (`torch.set_default_dtype(torch.bfloat16)`):
 * the compute precision is bf16 either way.
 */
const LAYOUT_KEYS = [
  'vocab_size',
  'dim',
  'inter_dim',
  'moe_inter_dim',
  'n_layers',
  'n_dense_layers',
  'n_heads',
  'n_routed_experts',
  'n_shared_experts',
  'n_activated_experts',
  'kv_lora_rank',
  'qk_nope_head_dim',
  'qk_rope_head_dim',
  'v_head_dim',
] as const;
/** A training key makes the file something else (a trainer's config that borrows the layout). */
const TRAINING_KEYS = ['learning_rate', 'lr', 'train_iters', 'max_steps', 'num_train_epochs', 'epochs', 'optimizer'];

export const deepseekModelArgs: ConfigDialect = {
  name: 'deepseek-modelargs',
  words: ['kv_lora_rank'],
  // The dtype is the weights' storage; the compute precision is this dialect's to say.
  owns: (path: string) => path === 'dtype',
  detect: (doc: ConfigDoc) =>
    doc.prefix === '' &&
    doc.has('kv_lora_rank') &&
    doc.has('n_routed_experts') &&
    doc.has('dim') &&
    doc.has('n_layers') &&
    !doc.has('hidden_size') &&
    !TRAINING_KEYS.some((k) => doc.has(k)),
  read(doc: ConfigDoc, out: FactSink): void {
    const anchor = doc.get('dim')!;
    out.add(
      'launch.inference',
      'config:deepseek-modelargs',
      anchor,
      'DeepSeek ModelArgs config: the layout a generate program loads with --config (an inference run)',
    );
    out.add('training.mode', 'inference', anchor, 'a model layout for the generate program: inference');
    const dtype = doc.get('dtype');
    out.add(
      'training.precision',
      'bf16',
      dtype ?? anchor,
      dtype?.value === 'fp8'
        ? 'dtype: fp8 stores the weights in float8; the program dequantises them for bf16 matrix products (gemm_impl bf16)'
        : 'no dtype: ModelArgs defaults to bf16 (bfloat16 default dtype)',
      dtype ? 'high' : 'medium',
    );
    if (dtype?.value === 'fp8')
      out.add('inference.weightPrecision', 'fp8', dtype, 'dtype: fp8: weights held in float8 (block-scaled)');
    const size = layoutParams(doc);
    if (size) {
      out.add(
        'model.params',
        size.total,
        anchor,
        `${size.detail}: ${(size.total / 1e9).toFixed(1)}B parameters, ${(size.active / 1e9).toFixed(1)}B active per token`,
        'high',
      );
      out.add('model.activeParams', size.active, anchor, `${size.detail}: parameters used per token`, 'high');
    }
  },
};

function layoutParams(doc: ConfigDoc): { total: number; active: number; detail: string } | undefined {
  const n: Partial<Record<(typeof LAYOUT_KEYS)[number], number>> = {};
  for (const key of LAYOUT_KEYS) {
    const value = doc.num(key);
    // 0 is a real value for n_dense_layers (every layer MoE); every other size must be positive.
    if (key === 'n_dense_layers' && value === 0) n[key] = 0;
    else {
      const v = positiveInteger(value);
      if (v === undefined) return undefined;
      n[key] = v;
    }
  }
  const qRank = doc.num('q_lora_rank') ?? 0;
  if (!Number.isInteger(qRank) || qRank < 0) return undefined;
  const d = n.dim!;
  const heads = n.n_heads!;
  const qkHead = n.qk_nope_head_dim! + n.qk_rope_head_dim!;
  const query = qRank > 0 ? d * qRank + qRank + qRank * heads * qkHead : d * heads * qkHead;
  const attention =
    query +
    d * (n.kv_lora_rank! + n.qk_rope_head_dim!) +
    n.kv_lora_rank! +
    n.kv_lora_rank! * heads * (n.qk_nope_head_dim! + n.v_head_dim!) +
    heads * n.v_head_dim! * d +
    2 * d;
  const dense = n.n_dense_layers!;
  const moeLayers = n.n_layers! - dense;
  if (moeLayers < 0) return undefined;
  const expert = 3 * d * n.moe_inter_dim!;
  const routed = n.n_routed_experts!;
  const perToken = Math.min(n.n_activated_experts!, routed);
  const moeShared = d * routed + n.n_shared_experts! * expert;
  const embeddings = 2 * n.vocab_size! * d + d;
  const base = n.n_layers! * attention + dense * 3 * d * n.inter_dim! + embeddings;
  const total = base + moeLayers * (moeShared + routed * expert);
  const active = base + moeLayers * (moeShared + perToken * expert);
  if (!Number.isFinite(total) || total > 1e14) return undefined;
  return {
    total,
    active,
    detail: `${n.n_layers} layers (${dense} dense), d ${d}, ${heads} heads with latent attention, ${routed} routed + ${n.n_shared_experts} shared experts of ${n.moe_inter_dim}, ${perToken} routed per token`,
  };
}
