import { analyzeSource, noFact, oneFact } from './helpers';

/** A Modal function's decorator with the given gpu= value, around a short inference body. */
const app = (gpu: string, prelude = '') =>
  `import modal\n${prelude}app = modal.App("x")\n\n@app.function(gpu=${gpu})\ndef run():\n    from transformers import pipeline\n    pipe = pipeline("text-generation", model="gpt2")\n    pipe("hello", max_new_tokens=20)\n`;

describe('Modal GPU decorators (readers/modal.ts)', () => {
  it('reads "TYPE:COUNT", one GPU for "TYPE", and Modal\'s own A100 (40 GB)', async () => {
    const four = (await analyzeSource('a.py', app('"A100-80GB:4"'))).facts;
    oneFact(four, 'hardware.accelerator', 'A100-80GB');
    oneFact(four, 'hardware.devices', 4);
    const one = (await analyzeSource('b.py', app('"A100"'))).facts;
    oneFact(one, 'hardware.accelerator', 'A100-40GB');
    oneFact(one, 'hardware.devices', 1);
  });

  it('reads a name bound to the value, a fallback list (its first entry) and the older modal.gpu objects', async () => {
    const bound = (await analyzeSource('c.py', app('GPU', 'GPU = "H100:8"\n'))).facts;
    oneFact(bound, 'hardware.devices', 8);
    const list = (await analyzeSource('d.py', app('["L40S", "A100"]'))).facts;
    oneFact(list, 'hardware.accelerator', 'L40S');
    const legacy = (await analyzeSource('e.py', app('modal.gpu.A100(count=2, size="80GB")'))).facts;
    oneFact(legacy, 'hardware.accelerator', 'A100-80GB');
    oneFact(legacy, 'hardware.devices', 2);
  });

  it('leaves alone "any", a value it cannot read, and a function decorator that is not an app\'s', async () => {
    noFact((await analyzeSource('f.py', app('"any"'))).facts, 'hardware.accelerator');
    noFact((await analyzeSource('g.py', app('pick_gpu()'))).facts, 'hardware.accelerator');
    const other = 'import functools\n\n@functools.lru_cache()\ndef f(gpu="H100"):\n    return gpu\n';
    noFact((await analyzeSource('h.py', other)).facts, 'hardware.accelerator');
  });
});
