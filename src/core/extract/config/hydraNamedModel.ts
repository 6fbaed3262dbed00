import type { ConfigDialect, ConfigDoc, FactSink } from './dialect';

/**
 * A Hydra run config (it sets Hydra's own `hydra:` section: `hydra.run.dir`) whose `model:` block names the model
 * and, beside it, the network class that builds it: `model: {name: TTS_Base, backbone: DiT, arch: {dim: ...}}`.
 * The `name` is what the run trains (the checkpoint folder and the logger's run name are built from it), while
 * `backbone` is the class of the architecture (DiT, UNetT, a transformer block), shared by every size of the
 * family: a careful reader takes the name. The generic key table would take `backbone` as a model id, so this
 * dialect owns it here and states `model.name` instead. Only when both are plain names (no `/`, no path).
 */
const PLAIN_NAME = /^[A-Za-z][\w.-]{1,80}$/;
/** Keys that load initial weights: a config with one of them set fine-tunes or resumes rather than starting afresh. */
const INITIAL_WEIGHTS =
  /^(?:pretrain\w{0,30}|init_from|init_ckpt\w{0,10}|load_from|resume_from\w{0,20}|ckpt_path|checkpoint_path|finetune_from)$/i;
const MAX_KEYS = 2000;

function namedModel(doc: ConfigDoc): { name: string } | undefined {
  if (doc.get('hydra')?.shape !== 'map' || doc.get('model')?.shape !== 'map') return undefined;
  const name = doc.str('model.name');
  const backbone = doc.str('model.backbone');
  if (!name || !backbone || !PLAIN_NAME.test(name) || !PLAIN_NAME.test(backbone) || name === backbone) return undefined;
  return { name };
}

export const hydraNamedModel: ConfigDialect = {
  name: 'hydra-named-model',
  words: ['hydra', 'backbone'],
  detect: (doc) => namedModel(doc) !== undefined,
  owns: (path) => path === 'model.backbone',
  read(doc: ConfigDoc, out: FactSink): void {
    const model = namedModel(doc);
    const at = doc.get('model.name');
    if (!model || !at) return;
    const backbone = doc.str('model.backbone') ?? '';
    out.add('model.id', model.name, at, `model.name: ${model.name} (built as a ${backbone} backbone)`);
    // The block writes the architecture out (`arch: {dim, depth, heads}`) and nothing loads initial weights: the run
    // builds the network from those sizes, a training from scratch (a fine-tune names its checkpoint on the launch).
    const arch = doc.get('model.arch');
    if (arch?.shape !== 'map') return;
    const loads = doc
      .walk()
      .slice(0, MAX_KEYS)
      .some((v) => INITIAL_WEIGHTS.test(v.key) && typeof v.value === 'string' && v.value.trim() !== '');
    if (!loads)
      out.add(
        'model.fromScratch',
        true,
        arch,
        `model.arch states the ${backbone}'s sizes and no key loads initial weights: trained from scratch`,
        'medium',
      );
  },
};
