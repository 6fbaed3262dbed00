import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../../src/cli/main';
import { proposeCalibration } from '../../src/core/calibration/calibrate';
import { parseCodeCarbonCsv } from '../../src/core/calibration/codecarbon';
import { compare, matchMeasurements, onePerRun, type MeasuredComparison } from '../../src/core/calibration/match';
import { readMeasurements } from '../../src/core/calibration/readMeasurements';
import type { Measurement } from '../../src/core/calibration/measurement';
import { parseModelCard } from '../../src/core/calibration/modelCard';
import { estimateRun } from '../../src/core/estimate/estimateRun';
import { CliOutputSchema } from '../../src/core/report/cliSchema';
import { completeRun } from '../../src/core/resolve/completeRun';
import { DEFAULT_SETTINGS, RunSpecSchema } from '../../src/core/runSpec';
import { parseWorkspaceConfig } from '../../src/core/workspaceConfig';
import { analyzeSource, ROOT, tempDir } from './helpers';

const SCRIPT = `from codecarbon import EmissionsTracker
from transformers import AutoModelForSequenceClassification, Trainer, TrainingArguments

tracker = EmissionsTracker(project_name="sst2-distilbert")
model = AutoModelForSequenceClassification.from_pretrained("distilbert-base-uncased")
args = TrainingArguments(output_dir="out", num_train_epochs=3, per_device_train_batch_size=32, fp16=True)
Trainer(model=model, args=args).train()
`;

const HEADER_2X =
  'timestamp,project_name,run_id,duration,emissions,emissions_rate,cpu_power,gpu_power,ram_power,cpu_energy,gpu_energy,ram_energy,energy_consumed,country_name,country_iso_code,region,cloud_provider,cloud_region,os,python_version,codecarbon_version,cpu_count,cpu_model,gpu_count,gpu_model,longitude,latitude,ram_total_size,tracking_mode,on_cloud';

function measurement(over: Partial<Measurement>): Measurement {
  return {
    kind: 'codecarbon',
    file: 'emissions.csv',
    line: 2,
    projectName: null,
    runId: null,
    timestamp: null,
    durationHours: 1,
    co2eKg: 0.1,
    energyKWh: 0.3,
    pue: null,
    gpuModel: null,
    gpuCount: 1,
    acceleratorId: null,
    location: null,
    ...over,
  };
}

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), color: false });
  return { code, out, err };
}

describe('Calibration: CodeCarbon files', () => {
  it('reads rows by column name, with units and the GPU from "N x MODEL"', () => {
    const csv = `${HEADER_2X}\n2026-11-20T10:00:00,sst2,abc,5400,0.45,8.3e-05,42.5,250,11.8,0.0637,0.375,0.0177,0.4564,France,FRA,ile-de-france,,,Linux,3.11,2.5.0,8,"Intel(R) Xeon(R) CPU @ 2.20GHz, 8 cores",2,2 x NVIDIA A100-SXM4-40GB,2.3,48.8,31.4,machine,N\n`;
    const { measurements, invalidRows, problem } = parseCodeCarbonCsv(csv, 'emissions.csv');
    assert.equal(problem, null);
    assert.deepEqual(invalidRows, []);
    assert.equal(measurements.length, 1);
    const m = measurements[0];
    assert.equal(m.durationHours, 1.5);
    assert.equal(m.co2eKg, 0.45);
    assert.equal(m.energyKWh, 0.4564);
    assert.equal(m.gpuCount, 2);
    assert.equal(m.gpuModel, 'NVIDIA A100-SXM4-40GB');
    assert.equal(m.acceleratorId, 'A100-SXM4-40GB');
    assert.equal(m.projectName, 'sst2');
    assert.equal(m.line, 2);
  });

  it('keeps good rows and names the bad ones by line', () => {
    const csv = `${HEADER_2X}\n2026-11-20T10:00:00,p,a,60,0.001,0,0,0,0,0,0,0,0.002,France,FRA,,,,,,,,,,,,,,,N\n2026-11-20T11:00:00,p,b,60\n2026-11-20T12:00:00,p,c,60,abc,0,0,0,0,0,0,0,0.002,France,FRA,,,,,,,,,,,,,,,N\n2026-11-20T13:00:00,p,d,-5,0.001,0,0,0,0,0,0,0,0.002,France,FRA,,,,,,,,,,,,,,,N\n\n`;
    const { measurements, invalidRows } = parseCodeCarbonCsv(csv, 'emissions.csv');
    assert.equal(measurements.length, 1);
    assert.deepEqual(
      invalidRows.map((r) => r.line),
      [3, 4, 5],
    );
    assert.match(invalidRows[1].reason, /emissions is "abc"/);
    assert.match(invalidRows[2].reason, /duration is "-5"/);
  });

  it('says why an empty, header-only or unrelated CSV gives nothing', () => {
    assert.match(parseCodeCarbonCsv('', 'emissions.csv').problem ?? '', /empty/);
    assert.match(parseCodeCarbonCsv(`${HEADER_2X}\n`, 'emissions.csv').problem ?? '', /no usable rows/);
    assert.match(
      parseCodeCarbonCsv('epoch,loss,accuracy\n1,0.5,0.8\n', 'emissions.csv').problem ?? '',
      /not a CodeCarbon emissions file/,
    );
    assert.match(
      parseCodeCarbonCsv(`${HEADER_2X}\n"unterminated,1,2`, 'emissions.csv').problem ?? '',
      /could not be read as CSV/,
    );
  });
});

/** Realistic CodeCarbon files of each column layout (1.x to 3.3) and model cards; see test/fixtures/calibration/SOURCES.md. */
describe('Calibration: fixture files of every CodeCarbon version', () => {
  const dir = path.join(ROOT, 'test/fixtures/calibration');
  interface Row {
    projectName: string;
    runId: string | null;
    timestamp: string;
    durationSeconds: number;
    emissionsKg: number;
    energyKWh: number;
    gpuModel: string | null;
    gpuCount: number | null;
    countryIsoCode: string | null;
    region: string | null;
    cloudRegion: string | null;
  }
  interface Entry {
    file: string;
    kind: 'codecarbon' | 'model-card' | 'other';
    expected: {
      validRows?: Row[];
      invalidRowCount?: number;
      problem?: string | null;
      emissionsKg?: number | null;
      location?: string | null;
      hardware?: string | null;
    };
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Entry[];
  const close = (a: number | null | undefined, b: number) =>
    a !== null && a !== undefined && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

  for (const entry of manifest.filter((e) => e.kind === 'codecarbon')) {
    it(`reads ${entry.file}`, () => {
      const parsed = parseCodeCarbonCsv(fs.readFileSync(path.join(dir, entry.file), 'utf8'), entry.file);
      const rows = entry.expected.validRows ?? [];
      assert.equal(parsed.measurements.length, rows.length, JSON.stringify(parsed.invalidRows));
      assert.equal(parsed.invalidRows.length, entry.expected.invalidRowCount ?? 0);
      if (entry.expected.problem) assert.ok(parsed.problem, 'a whole-file problem is reported');
      rows.forEach((row, i) => {
        const m = parsed.measurements[i];
        assert.equal(m.projectName, row.projectName);
        assert.equal(m.runId, row.runId);
        assert.equal(m.timestamp, row.timestamp);
        assert.ok(close(m.durationHours, row.durationSeconds / 3600));
        assert.ok(close(m.co2eKg, row.emissionsKg));
        assert.ok(close(m.energyKWh, row.energyKWh));
        assert.equal(m.gpuCount, row.gpuCount);
        if (row.gpuModel === null) assert.equal(m.gpuModel, null);
        else assert.ok(m.gpuModel && row.gpuModel.endsWith(m.gpuModel), `${m.gpuModel} from ${row.gpuModel}`);
        assert.equal(m.location, row.cloudRegion ?? row.region ?? row.countryIsoCode);
      });
    });
  }

  it('keeps one row per run when CodeCarbon flushed running totals several times', () => {
    const file = 'v3-cumulative-flushes-emissions.csv';
    const parsed = parseCodeCarbonCsv(fs.readFileSync(path.join(dir, file), 'utf8'), file);
    const runs = onePerRun(parsed.measurements);
    assert.equal(runs.length, 1);
    assert.equal(runs[0], parsed.measurements.at(-1), "the last flush holds the run's totals");
  });

  it("ignores a CSV that is not CodeCarbon's, and reads the model cards", () => {
    assert.equal(
      readMeasurements(
        '/x/not-codecarbon.csv',
        'not-codecarbon.csv',
        fs.readFileSync(path.join(dir, 'not-codecarbon.csv'), 'utf8'),
      ),
      undefined,
    );
    for (const entry of manifest.filter((e) => e.kind === 'model-card')) {
      const card = parseModelCard(fs.readFileSync(path.join(dir, entry.file), 'utf8'), entry.file);
      if (entry.expected.emissionsKg === null) {
        assert.equal(card.measurement, null, entry.file);
        assert.equal(
          card.problem !== null,
          /malformed/.test(entry.expected.problem ?? ''),
          `${entry.file}: ${card.problem}`,
        );
      } else {
        assert.ok(close(card.measurement?.co2eKg, entry.expected.emissionsKg!), entry.file);
        assert.equal(card.measurement?.location ?? null, entry.expected.location ?? null);
        assert.equal(card.measurement?.gpuModel ?? null, entry.expected.hardware ?? null);
      }
    }
  });

  it("splits a mixed-GPU machine's count and leaves its model unnamed", () => {
    const csv = `${HEADER_2X}\n2026-01-01T00:00:00,p,r,60,0.01,0,0,0,0,0,0,0,0.02,France,FRA,,,,,,,,,,4 x NVIDIA A40 1 x NVIDIA A100 80GB PCIe,,,,,N\n`;
    const [m] = parseCodeCarbonCsv(csv, 'emissions.csv').measurements;
    assert.equal(m.gpuCount, 5);
    assert.equal(m.gpuModel, null);
  });
});

describe('Calibration: model cards', () => {
  it('reads co2_eq_emissions in grams as a mapping or a plain number', () => {
    const full = parseModelCard(
      '---\nlicense: mit\nco2_eq_emissions:\n  emissions: 5600\n  source: CodeCarbon\n  training_type: pre-training\n  geographical_location: Germany\n  hardware_used: 1 NVIDIA A100-SXM4-40GB\n---\n# Model\n',
      'README.md',
    );
    assert.equal(full.problem, null);
    assert.equal(full.measurement?.co2eKg, 5.6);
    assert.equal(full.measurement?.location, 'Germany');
    assert.equal(full.measurement?.line, 3);
    assert.equal(parseModelCard('---\nco2_eq_emissions: 120\n---\n', 'README.md').measurement?.co2eKg, 0.12);
  });

  it('ignores cards without the field and names broken front matter', () => {
    assert.deepEqual(parseModelCard('---\nlicense: mit\n---\n# Hi', 'README.md'), { measurement: null, problem: null });
    assert.deepEqual(parseModelCard('# No front matter at all', 'README.md'), { measurement: null, problem: null });
    assert.match(
      parseModelCard('---\nco2_eq_emissions: [unclosed\n---\n', 'README.md').problem ?? '',
      /does not parse/,
    );
    assert.match(
      parseModelCard('---\nco2_eq_emissions:\n  emissions: lots\n---\n', 'README.md').problem ?? '',
      /not a number of grams/,
    );
  });
});

describe('Calibration: matching measured runs to code', () => {
  it('matches by the project name the script gives CodeCarbon, wherever the CSV is', async () => {
    const analysis = await analyzeSource('/w/a/train.py', SCRIPT);
    assert.ok(analysis.facts.some((f) => f.kind === 'tracking.project' && f.value === 'sst2-distilbert'));
    const runs = analysis.runs.map((analyzed) => ({ path: '/w/a/train.py', analyzed, facts: analysis.facts }));
    const sets = [
      {
        path: '/w/logs/emissions.csv',
        measurements: [
          measurement({ projectName: 'other' }),
          measurement({ projectName: 'sst2-distilbert', timestamp: '2026-11-01', line: 3 }),
          measurement({ projectName: 'sst2-distilbert', timestamp: '2026-11-20', line: 4 }),
        ],
      },
    ];
    const [m] = matchMeasurements(runs, sets);
    assert.ok(m);
    assert.equal(m.rows, 2);
    assert.equal(m.measurement.line, 4, 'the latest row is compared');
    assert.match(m.matchedBy, /sst2-distilbert/);
  });

  it('matches an emissions.csv beside the only run in a folder, and nothing when the folder is ambiguous', async () => {
    const plain = SCRIPT.replace('EmissionsTracker(project_name="sst2-distilbert")', 'EmissionsTracker()');
    const analysis = await analyzeSource('/w/a/train.py', plain);
    const one = analysis.runs.map((analyzed) => ({ path: '/w/a/train.py', analyzed, facts: analysis.facts }));
    const sets = [{ path: '/w/a/emissions.csv', measurements: [measurement({ projectName: 'codecarbon' })] }];
    assert.match(matchMeasurements(one, sets)[0]?.matchedBy ?? '', /same folder/);
    const two = [...one, ...one.map((r) => ({ ...r, path: '/w/a/eval.py' }))];
    assert.deepEqual(matchMeasurements(two, sets), [null, null]);
    // Elsewhere, or for another project: no match.
    assert.deepEqual(matchMeasurements(one, [{ path: '/w/b/emissions.csv', measurements: [measurement({})] }]), [null]);
    assert.deepEqual(
      matchMeasurements(one, [
        { path: '/w/a/emissions.csv', measurements: [measurement({ projectName: 'someone-else' })] },
      ]),
      [null],
    );
  });

  it('compares what both count: operational CO2e, IT energy (times the tracker PUE) and accelerator-hours', async () => {
    const analysis = await analyzeSource('/w/a/train.py', SCRIPT);
    const run = analysis.runs[0];
    const e = run.estimate;
    const it = e.breakdown.acceleratorKWh + e.breakdown.hostKWh;
    const c = compare(
      run,
      [
        measurement({
          co2eKg: e.operationalCo2eKg / 2,
          energyKWh: (it * 1.2) / 4,
          pue: 1.2,
          durationHours: e.acceleratorHours * 3,
          gpuCount: 1,
        }),
      ],
      'test',
    );
    assert.ok(Math.abs((c.co2eRatio ?? 0) - 2) < 1e-9);
    assert.ok(Math.abs((c.energyRatio ?? 0) - 4) < 1e-9);
    assert.ok(Math.abs((c.hoursRatio ?? 0) - 1 / 3) < 1e-9);
    const card = compare(run, [measurement({ kind: 'model-card', energyKWh: null, durationHours: null })], 'test');
    assert.equal(card.energyRatio, null);
    assert.equal(card.hoursRatio, null);
  });
});

describe('Calibration: factors', () => {
  const pair = (
    hoursRatio: number | null,
    energyRatio: number | null,
    kind: Measurement['kind'] = 'codecarbon',
  ): MeasuredComparison => ({
    measurement: measurement({ kind }),
    rows: 1,
    matchedBy: 'test',
    co2eRatio: energyRatio,
    energyRatio,
    hoursRatio,
  });

  it('turns slower and hungrier measured runs into utilisation and power factors', () => {
    // Runs took twice as long as estimated and drew 1.5× the power: energy ratio = 0.5 / 1.5.
    const p = proposeCalibration([pair(0.5, 0.5 / 1.5), pair(0.5, 0.5 / 1.5)], null, '2026-11-27');
    assert.ok(!('problem' in p));
    assert.equal(p.calibration.utilisationFactor, 0.5);
    assert.equal(p.calibration.powerFactor, 1.5);
    assert.equal(p.calibration.runs, 2);
    assert.match(p.summary, /took ×2\.00 longer.*drew ×1\.50 more power/);
  });

  it('builds on the calibration the estimates already used', () => {
    const p = proposeCalibration(
      [pair(0.8, 0.8)],
      { utilisationFactor: 0.5, powerFactor: 1.5, runs: 2, date: '2026-01-01' },
      '2026-11-27',
    );
    assert.ok(!('problem' in p));
    assert.equal(p.calibration.utilisationFactor, 0.4);
    assert.equal(p.calibration.powerFactor, 1.5);
  });

  it('leaves out model cards and implausible pairs, saying why, and refuses when nothing is left', () => {
    const p = proposeCalibration([pair(1, 1), pair(null, null, 'model-card'), pair(50, 50)], null, '2026-11-27');
    assert.ok(!('problem' in p));
    assert.equal(p.used, 1);
    assert.deepEqual(
      p.excluded.map((e) => e.reason.slice(0, 20)),
      ['a model card records', 'estimate and measure'],
    );
    const none = proposeCalibration([pair(null, null, 'model-card')], null, '2026-11-27');
    assert.ok('problem' in none && /model card/.test(none.problem));
    assert.ok('problem' in proposeCalibration([], null, '2026-11-27'));
  });

  it('applies a stored calibration to the estimate and lists it in the assumptions', () => {
    const spec = RunSpecSchema.parse({
      model: { params: 1e9 },
      training: { mode: 'pretrain', tokens: 1e10 },
      hardware: { accelerator: 'A100', count: 8 },
    });
    const calibration = { utilisationFactor: 0.5, powerFactor: 1.2, runs: 3, date: '2026-11-27' };
    const base = completeRun(spec, DEFAULT_SETTINGS);
    const calibrated = completeRun(spec, { ...DEFAULT_SETTINGS, calibration });
    assert.equal(calibrated.mfu.central, base.mfu.central * 0.5);
    const e0 = estimateRun(base);
    const e1 = estimateRun(calibrated);
    assert.ok(Math.abs(e1.acceleratorHours / e0.acceleratorHours - 2) < 1e-9);
    assert.ok(Math.abs(e1.acceleratorPowerW / e0.acceleratorPowerW - 1.2) < 1e-9);
    const notes = calibrated.assumptions.filter((a) => a.field.startsWith('calibration.'));
    assert.deepEqual(
      notes.map((a) => a.field),
      ['calibration.utilisationFactor', 'calibration.powerFactor'],
    );
    assert.match(notes[0].detail, /3 measured runs \(2026-11-27\)/);
    // A pinned utilisation replaces the published range, and with it the calibration of that range.
    assert.equal(completeRun(spec, { ...DEFAULT_SETTINGS, calibration, utilisation: 0.3 }).mfu.central, 0.3);
  });

  it('validates the calibration in .greenai.json', () => {
    assert.deepEqual(
      parseWorkspaceConfig(
        '{"calibration": {"utilisationFactor": 0.5, "powerFactor": 1.1, "runs": 2, "date": "2026-11-27"}}',
      ).problems,
      [],
    );
    assert.match(
      parseWorkspaceConfig(
        '{"calibration": {"utilisationFactor": -1, "powerFactor": 1, "runs": 1, "date": "x"}}',
      ).problems.join(),
      /calibration\.utilisationFactor/,
    );
  });
});

describe('Calibration: CLI', function () {
  this.timeout(20000);
  before(() => {
    const dir = path.join(__dirname, '../../src/cli');
    fs.mkdirSync(dir, { recursive: true });
    for (const [from, name] of [
      ['web-tree-sitter/tree-sitter.wasm', 'tree-sitter.wasm'],
      ['tree-sitter-python/tree-sitter-python.wasm', 'tree-sitter-python.wasm'],
    ]) {
      fs.copyFileSync(path.join(ROOT, 'node_modules', from), path.join(dir, name));
    }
  });

  function workspace(): string {
    const dir = tempDir('greenai-cal-');
    fs.mkdirSync(path.join(dir, 'sst2'));
    fs.writeFileSync(path.join(dir, 'sst2/train.py'), SCRIPT);
    fs.writeFileSync(path.join(dir, '.greenai.json'), '{\n  // team defaults\n  "region": "FR"\n}\n');
    return dir;
  }

  async function measuredRow(dir: string, slower: number): Promise<void> {
    // A measurement made from the estimate itself, scaled: the factors must recover the scale.
    const est = CliOutputSchema.parse(JSON.parse((await cli('report', dir, '--json')).out)).runs[0];
    const hours = (est.estimate.wallClockHours ?? 0) * slower;
    const itKWh = ((est.estimate.energyKWh ?? 0) / 1.58) * slower; // world default PUE 1.58 (Uptime 2023)
    fs.writeFileSync(
      path.join(dir, 'sst2/emissions.csv'),
      `${HEADER_2X}\n2026-11-20T10:00:00,sst2-distilbert,r1,${hours * 3600},${itKWh * 0.05},0,0,0,0,0,0,0,${itKWh},France,FRA,,,,,,,,,,,,,,,N\nbroken,row\n`,
    );
  }

  it('report shows the measured run next to the estimate in every format', async () => {
    const dir = workspace();
    await measuredRow(dir, 2);
    const json = await cli('report', dir, '--json');
    assert.equal(json.code, 0, json.err);
    const run = CliOutputSchema.parse(JSON.parse(json.out)).runs[0];
    assert.equal(run.measured?.source, 'codecarbon');
    assert.equal(run.measured?.file, path.join('sst2', 'emissions.csv'));
    assert.ok(Math.abs((run.measured?.ratio.hours ?? 0) - 0.5) < 0.01, JSON.stringify(run.measured));
    assert.match(json.err, /emissions\.csv:3: row skipped/);
    assert.match((await cli('report', dir, '--markdown')).out, /\| Measured \|[\s\S]*measured \(CodeCarbon/);
    assert.match(
      (await cli('report', dir, '--csv')).out.split('\n')[0],
      /measuredCo2eKg,measuredEnergyKWh,measuredHours,measuredSource,incomplete,runs$/,
    );
    assert.match((await cli('report', dir)).out, /measured: .* sst2\/emissions\.csv:2/);
  });

  it('calibrate proposes factors, and --write stores them keeping the team file', async () => {
    const dir = workspace();
    await measuredRow(dir, 2);
    const dry = await cli('calibrate', dir);
    assert.equal(dry.code, 0, dry.err);
    assert.match(dry.out, /1 measured run took ×2\.00 longer than estimated and drew the power estimated/);
    assert.match(dry.out, /--write/);
    const written = await cli('calibrate', dir, '--write', '--json');
    const result = JSON.parse(written.out) as { calibration: { utilisationFactor: number; powerFactor: number } };
    assert.equal(result.calibration.utilisationFactor, 0.5);
    assert.equal(result.calibration.powerFactor, 1);
    const file = fs.readFileSync(path.join(dir, '.greenai.json'), 'utf8');
    assert.match(file, /\/\/ team defaults/);
    assert.match(file, /"utilisationFactor": 0\.5/);
    // Estimates now take twice as long and match the measurement; calibrating again changes nothing.
    const after = CliOutputSchema.parse(JSON.parse((await cli('report', dir, '--json')).out)).runs[0];
    assert.ok(Math.abs((after.measured?.ratio.hours ?? 0) - 1) < 0.01);
    assert.ok(after.assumptions.some((a) => a.field === 'calibration.utilisationFactor'));
    assert.match((await cli('calibrate', dir)).out, /utilisation ×0\.5, power ×1\b/);
  });

  it('calibrate explains when there is nothing to calibrate from, and rejects bad arguments', async () => {
    const dir = workspace();
    const r = await cli('calibrate', dir);
    assert.equal(r.code, 0);
    assert.match(r.out, /0 measured runs found, 0 matched to code\. No calibration/);
    assert.equal((await cli('calibrate')).code, 2);
    assert.match((await cli('calibrate', path.join(dir, 'nope'))).err, /no such folder/);
    assert.match((await cli('report', dir, '--write')).err, /--write applies to green-ai calibrate/);
  });
});
