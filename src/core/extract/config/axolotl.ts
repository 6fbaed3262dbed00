import type { ConfigDialect, ConfigDoc, FactSink } from './dialect';

/**
 * axolotl configs (`examples/llama-3/qlora.yml`, run by `axolotl train x.yml` or
 * `accelerate launch -m axolotl.cli.train x.yml`): `base_model` is the pretrained checkpoint,
 * `adapter: lora|qlora` the PEFT method (absent: all weights are trained), `sequence_len`,
 * `micro_batch_size`, `num_epochs` or `max_steps`, `datasets:` the data.
 *
 * The generic key table reads all of these (axolotl's names are in the sizing table, adapters
 * and `bf16: auto` in configFacts); this dialect says what an axolotl config is: a run of
 * `base_model` over `datasets`, for the framework `axolotl`.
 */
export const axolotl: ConfigDialect = {
  name: 'axolotl',
  words: ['base_model'],
  detect: (doc) =>
    doc.has('base_model') &&
    (doc.has('sequence_len') || doc.has('micro_batch_size') || doc.has('datasets') || doc.has('adapter')),
  read(doc: ConfigDoc, out: FactSink): void {
    const base = doc.get('base_model')!;
    out.add('run.framework', 'axolotl', base, 'axolotl config (base_model)');
    const trains = doc.has('datasets') || doc.has('num_epochs') || doc.has('max_steps');
    if (typeof base.value === 'string' && base.value && trains)
      out.add('launch.trainer', 'config:axolotl', base, `axolotl config: ${base.value}`);
  },
};
