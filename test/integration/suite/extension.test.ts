import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { formatParams } from '../../../src/core/advise/suggest';
import { findModel } from '../../../src/core/knowledge';
import type { GreenAiApi } from '../../../src/extension/extension';

/** Runs inside a real VS Code extension host against the real `vscode` API, on the examples/ workspace. */

const EXTENSION_ID = 'green-ai-tools.green-ai';

function exampleUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the examples workspace is open');
  return vscode.Uri.joinPath(folder.uri, relative);
}

async function openExample(relative: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(exampleUri(relative));
  await vscode.window.showTextDocument(doc);
  return doc;
}

function lineContaining(doc: vscode.TextDocument, needle: string): number {
  for (let i = 0; i < doc.lineCount; i++) if (doc.lineAt(i).text.includes(needle)) return i;
  throw new Error(`no line containing ${needle}`);
}

function hintText(h: vscode.InlayHint): string {
  return typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('');
}

async function hintsOf(doc: vscode.TextDocument): Promise<vscode.InlayHint[]> {
  const range = new vscode.Range(0, 0, doc.lineCount, 0);
  return (
    (await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, range)) ?? []
  );
}

async function until<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 15_000,
): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('Green AI in a real VS Code', () => {
  let api: GreenAiApi;

  before(async () => {
    const ext = vscode.extensions.getExtension<GreenAiApi>(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is installed`);
    api = await ext.activate();
    assert.equal(api.ready, true);
  });

  after(async () => {
    await vscode.workspace
      .getConfiguration('greenAI')
      .update('region', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace
      .getConfiguration('greenAI')
      .update('budgetKg', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('registers its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['greenAI.estimateRun', 'greenAI.refreshReport', 'greenAI.exportReport'])
      assert.ok(commands.includes(id), id);
  });

  it('shows inlay hints on the model line and the epochs line', async () => {
    const doc = await openExample('hf-finetune/train_classifier.py');
    const hints = await hintsOf(doc);
    const epochsLine = lineContaining(doc, 'num_train_epochs=3');
    const modelLine = lineContaining(doc, 'from_pretrained("bert-base-uncased"');
    const onEpochs = hints.find((h) => h.position.line === epochsLine);
    assert.ok(onEpochs, `hint on line ${epochsLine + 1}; got lines ${hints.map((h) => h.position.line + 1).join(',')}`);
    assert.match(hintText(onEpochs), /≈ .+-h · .+Wh · .+ CO2e/);
    const onModel = hints.find((h) => h.position.line === modelLine);
    assert.ok(onModel);
    // The parameter count comes from the catalog row for bert-base-uncased (≈110M).
    const params = findModel('bert-base-uncased')!.params;
    assert.ok(params > 1.0e8 && params < 1.2e8);
    assert.equal(hintText(onModel).trim(), `≈ ${formatParams(params)} params`);
  });

  it('shows a hint on a torchtune recipe config, read from its model builder', async () => {
    const doc = await openExample('torchtune/llama3_1_8B_lora_single_device.yaml');
    const hints = await until('hints on the torchtune config', async () =>
      (await hintsOf(doc)).length > 0 ? hintsOf(doc) : undefined,
    );
    const builderLine = lineContaining(doc, 'lora_llama3_1_8b');
    const onBuilder = hints.find((h) => h.position.line === builderLine);
    assert.ok(
      onBuilder,
      `hint on the builder line ${builderLine + 1}; got lines ${hints.map((h) => h.position.line + 1).join(',')}`,
    );
    assert.match(hints.map(hintText).join(' '), /CO2e/);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    assert.match(
      lenses.find((l) => l.command?.command === 'greenAI.estimateRun')?.command?.title ?? '',
      /^Green AI: .+ CO2e/,
    );
  });

  it('shows a hint on a gin experiment config, its model read from the gin it includes', async () => {
    const doc = await openExample('t5x/finetune_glue.gin');
    const hints = await until('hints on the gin config', async () =>
      (await hintsOf(doc)).length > 0 ? hintsOf(doc) : undefined,
    );
    assert.match(hints.map(hintText).join(' '), /CO2e/);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    const title = lenses.find((l) => l.command?.command === 'greenAI.estimateRun')?.command?.title ?? '';
    assert.match(title, /^Green AI: .+ CO2e/);
  });

  it('says a run whose model size cannot be read needs it, instead of showing a figure', async () => {
    const doc = await openExample('trl-sft/sft.py');
    const hints = await hintsOf(doc);
    const texts = hints.map(hintText);
    assert.ok(
      texts.some((t) => /needs the model size/.test(t)),
      `hints: ${texts.join(' | ')}`,
    );
    assert.ok(!texts.some((t) => /CO2e|Wh|params/.test(t)), `no figure is shown: ${texts.join(' | ')}`);
    const tooltip = hints.find((h) => /needs the model size/.test(hintText(h)))!.tooltip;
    assert.match(typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? ''), /green-ai: params=/);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    assert.match(
      lenses.find((l) => l.command?.command === 'greenAI.estimateRun')?.command?.title ?? '',
      /needs the model size to estimate this run/,
    );
    // Naming the model makes it estimable, from the editor's own text.
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), '# green-ai: model=Qwen/Qwen2.5-1.5B\n'));
    const after = await until('a figure once the model is named', async () => {
      const t = (await hintsOf(doc)).map(hintText);
      return t.some((x) => /CO2e/.test(x)) ? t : undefined;
    });
    assert.ok(!after.some((t) => /needs the model size/.test(t)));
    await vscode.commands.executeCommand('undo');
  });

  it('hovers with the breakdown and a link to the panel', async () => {
    const doc = await openExample('hf-finetune/train_classifier.py');
    const line = lineContaining(doc, 'num_train_epochs=3');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      doc.uri,
      new vscode.Position(line, 8),
    );
    const text = hovers
      .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')))
      .join('\n');
    assert.match(text, /Green AI estimate/);
    assert.match(text, /Operational/);
    assert.match(text, /command:greenAI\.estimateRun/);
  });

  it('prices a serving script per request in its hint and hover, and per day once a deployment load is set', async () => {
    const doc = await openExample('inference/serve_mistral.py');
    const perRequest = await until('a per-request hint on the serving script', async () => {
      const t = (await hintsOf(doc)).map(hintText);
      return t.find((x) => /per request/.test(x));
    });
    assert.match(perRequest, /≈ .+Wh · .+ CO2e per request/);
    assert.ok(!/\/day/.test(perRequest), `no per-day figure before a load is set: ${perRequest}`);
    const line = (await hintsOf(doc)).find((h) => /per request/.test(hintText(h)))!.position.line;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      doc.uri,
      new vscode.Position(line, 4),
    );
    const hoverText = hovers
      .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')))
      .join('\n');
    assert.match(hoverText, /per request/i);
    // The code states no request count: the total is for the default 1M requests, and the hover and lens say so.
    assert.match(hoverText, /CO2e \(.+\) per 1M requests \(no count in the code\)/);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    const lens = lenses.find((l) => l.command?.command === 'greenAI.estimateRun')?.command?.title ?? '';
    assert.match(lens, /^Green AI: .+ CO2e \(.+–.+\) per 1M requests \(no count in the code\)/);
    // A deployment load from a directive: the hint adds the energy per day of service.
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), '# green-ai: requests_per_day=20000\n'));
    const perDay = await until('a per-day figure once requests per day are set', async () => {
      const t = (await hintsOf(doc)).map(hintText);
      return t.find((x) => /per request · .+Wh\/day/.test(x));
    });
    assert.match(perDay, /per request · .+Wh\/day/);
    await vscode.commands.executeCommand('undo');
    await until('the document back as it was', () => (doc.isDirty ? undefined : true));
  });

  it('puts a CodeLens above the run that opens the panel', async () => {
    const doc = await openExample('lora-peft/finetune_llama_lora.py');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    const ours = lenses.filter((l) => l.command?.command === 'greenAI.estimateRun');
    assert.equal(ours.length, 1);
    assert.match(ours[0].command!.title, /^Green AI: .+ CO2e \(.+–.+\)/);
  });

  it('opens the Estimate panel for the run at the cursor', async () => {
    await openExample('hf-finetune/train_classifier.py');
    await vscode.commands.executeCommand('greenAI.estimateRun');
    const tab = await until('the Estimate panel tab', () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('greenAI.estimatePanel')),
    );
    assert.match(tab.label, /Green AI/);
  });

  it('lists the examples in the Workspace Report', async () => {
    await vscode.commands.executeCommand('greenAI.refreshReport');
    const count = await until('runs in the report', () =>
      api.reportRunCount() > 0 ? api.reportRunCount() : undefined,
    );
    assert.ok(count >= 8, `found ${count} runs`);
  });

  it('updates hints when a setting changes, without reload', async () => {
    const doc = await openExample('hf-finetune/train_classifier.py');
    const line = lineContaining(doc, 'num_train_epochs=3');
    const before = hintText((await hintsOf(doc)).find((h) => h.position.line === line)!);
    await vscode.workspace.getConfiguration('greenAI').update('region', 'PL', vscode.ConfigurationTarget.Workspace);
    const after = await until('a changed hint', async () => {
      const text = hintText((await hintsOf(doc)).find((h) => h.position.line === line)!);
      return text !== before ? text : undefined;
    });
    assert.notEqual(after, before);
  });

  it('re-analyses as the document is edited', async () => {
    const doc = await openExample('hf-finetune/train_classifier.py');
    const editor = await vscode.window.showTextDocument(doc);
    const line = lineContaining(doc, 'num_train_epochs=3');
    const before = hintText((await hintsOf(doc)).find((h) => h.position.line === line)!);
    const col = doc.lineAt(line).text.indexOf('=3') + 1;
    await editor.edit((e) => e.replace(new vscode.Range(line, col, line, col + 1), '30'));
    try {
      const after = hintText((await hintsOf(doc)).find((h) => h.position.line === line)!);
      assert.notEqual(after, before, 'ten times the epochs changes the estimate');
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  it('publishes suggestions as Information diagnostics with stable codes, and a budget warning', async () => {
    const doc = await openExample('lightning-scratch/train_resnet.py');
    const ours = await until('Green AI diagnostics', () => {
      const d = vscode.languages.getDiagnostics(doc.uri).filter((x) => x.source === 'Green AI');
      return d.length > 0 ? d : undefined;
    });
    const precision = ours.find((d) => d.code === 'green-ai.mixed-precision');
    assert.ok(precision, ours.map((d) => (typeof d.code === 'object' ? d.code.value : d.code)).join(', '));
    assert.equal(precision.severity, vscode.DiagnosticSeverity.Information);
    assert.match(precision.message, /saves .+ CO2e/);
    await vscode.workspace.getConfiguration('greenAI').update('budgetKg', 0.001, vscode.ConfigurationTarget.Workspace);
    const warning = await until('the over-budget warning', () =>
      vscode.languages.getDiagnostics(doc.uri).find((d) => d.code === 'green-ai.over-budget'),
    );
    assert.equal(warning.severity, vscode.DiagnosticSeverity.Warning);
  });

  it('places what it could not use at the position the problem carries (line and column)', async () => {
    const doc = await vscode.workspace.openTextDocument({
      language: 'python',
      content: 'import torch\n\n# green-ai: epochs=2 colour=green\nprint("done")\n',
    });
    const hint = await until('the unknown-key hint', () =>
      vscode.languages
        .getDiagnostics(doc.uri)
        .find((d) => d.code === 'green-ai.unreadable' && /colour/.test(d.message)),
    );
    assert.equal(hint.severity, vscode.DiagnosticSeverity.Hint);
    assert.equal(hint.range.start.line, 2);
    assert.equal(hint.range.start.character, doc.lineAt(2).text.indexOf('colour=green'));
  });

  it('applies team defaults from .greenai.json and picks up changes to it', async () => {
    const doc = await openExample('hf-finetune/train_classifier.py');
    const line = lineContaining(doc, 'num_train_epochs=3');
    const teamFile = exampleUri('.greenai.json');
    await vscode.workspace.fs.writeFile(
      teamFile,
      new TextEncoder().encode(JSON.stringify({ accelerator: 'H100', count: 2 })),
    );
    try {
      const text = await until('a hint on H100s', async () => {
        const t = hintText((await hintsOf(doc)).find((h) => h.position.line === line)!);
        return /H100-h/.test(t) ? t : undefined;
      });
      assert.match(text, /H100-h/);
    } finally {
      await vscode.workspace.fs.delete(teamFile);
    }
    await until('the default accelerator back', async () => {
      const t = hintText((await hintsOf(doc)).find((h) => h.position.line === line)!);
      return /A100-h/.test(t) ? t : undefined;
    });
  });

  it('offers a quick fix that makes the change and leaves the code estimating lower', async () => {
    const doc = await openExample('lightning-scratch/train_resnet.py');
    const line = lineContaining(doc, 'L.Trainer(');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      new vscode.Range(line, 0, line, 0),
    );
    const fix = actions.find((a) => /^Use bf16 mixed precision \(−\d+% CO2e\)$/.test(a.title));
    assert.ok(fix?.edit, actions.map((a) => a.title).join(', '));
    const before = hintText((await hintsOf(doc)).find((h) => h.position.line === lineContaining(doc, 'max_epochs='))!);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    try {
      assert.match(doc.getText(), /precision="bf16-mixed"/);
      const after = hintText((await hintsOf(doc)).find((h) => h.position.line === lineContaining(doc, 'max_epochs='))!);
      assert.notEqual(after, before);
    } finally {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  it('adds early stopping to a fine-tune that evaluates, with the evaluation settings it needs', async () => {
    const content = [
      'from transformers import AutoModelForSequenceClassification, Trainer, TrainingArguments',
      'model = AutoModelForSequenceClassification.from_pretrained("roberta-base")',
      'args = TrainingArguments(output_dir="out", num_train_epochs=8, fp16=True)',
      'trainer = Trainer(model=model, args=args, train_dataset=train, eval_dataset=valid)',
      'trainer.train()',
      '',
    ].join('\n');
    const doc = await vscode.workspace.openTextDocument({ language: 'python', content });
    await vscode.window.showTextDocument(doc);
    const line = lineContaining(doc, 'Trainer(model=');
    const fix = await until('the early-stopping quick fix', async () => {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        doc.uri,
        new vscode.Range(line, 0, line, 0),
      );
      return actions?.find((a) => /^Add early stopping, patience 2 \(up to −\d+% CO2e\)$/.test(a.title));
    });
    assert.ok(fix.edit);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(
      doc.getText(),
      [
        'from transformers import AutoModelForSequenceClassification, Trainer, TrainingArguments',
        'from transformers import EarlyStoppingCallback',
        'model = AutoModelForSequenceClassification.from_pretrained("roberta-base")',
        'args = TrainingArguments(output_dir="out", num_train_epochs=8, fp16=True, eval_strategy="epoch", save_strategy="epoch", load_best_model_at_end=True)',
        'trainer = Trainer(model=model, args=args, train_dataset=train, eval_dataset=valid, callbacks=[EarlyStoppingCallback(early_stopping_patience=2)])',
        'trainer.train()',
        '',
      ].join('\n'),
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('shows a CodeCarbon measurement next to its run and calibrates the estimates from it on request', async () => {
    await vscode.commands.executeCommand('greenAI.refreshReport');
    const measured = await until('the measured run in the report', () =>
      api
        .reportSnapshot()
        .flatMap((r) => r.runs)
        .find((r) => r.file === 'codecarbon-tracked/finetune_sst2.py' && r.measuredCo2eKg !== null),
    );
    assert.equal(measured.measuredCo2eKg, 0.01214, 'the latest row of emissions.csv');
    const doc = await openExample('codecarbon-tracked/finetune_sst2.py');
    const line = lineContaining(doc, 'num_train_epochs=3');
    const hintAt = async () =>
      hintText(await until('a hint', async () => (await hintsOf(doc)).find((h) => h.position.line === line)));
    const before = await hintAt();
    const folder = vscode.workspace.getWorkspaceFolder(doc.uri)!;
    const teamFile = vscode.Uri.joinPath(folder.uri, '.greenai.json');
    await vscode.commands.executeCommand('greenAI.calibrate', folder.uri, { save: true });
    try {
      const saved = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(teamFile))) as {
        calibration?: { utilisationFactor: number; powerFactor: number; runs: number };
      };
      assert.ok(saved.calibration, 'calibration written to .greenai.json');
      assert.equal(saved.calibration.runs, 1);
      assert.ok(saved.calibration.utilisationFactor < 1, 'the measured run took longer than estimated');
      // The estimate follows the team file without a reload: the run now takes longer.
      const after = await until('a calibrated hint', async () => {
        const t = await hintAt();
        return t !== before ? t : undefined;
      });
      assert.notEqual(after, before);
    } finally {
      await vscode.workspace.fs.delete(teamFile);
    }
  });

  it('shows a sweep as one lens and one hint that count its runs', async () => {
    const content = [
      'from transformers import AutoModelForSequenceClassification, Trainer, TrainingArguments',
      'for lr in [1e-5, 2e-5, 3e-5]:',
      '    model = AutoModelForSequenceClassification.from_pretrained("roberta-base")',
      '    args = TrainingArguments(output_dir="o", learning_rate=lr, num_train_epochs=2)',
      '    Trainer(model=model, args=args).train()',
      '',
    ].join('\n');
    const doc = await vscode.workspace.openTextDocument({ language: 'python', content });
    await vscode.window.showTextDocument(doc);
    const lenses = await until('the sweep lens', async () => {
      const l = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
      return l && l.length > 0 ? l : undefined;
    });
    assert.equal(lenses.length, 1, lenses.map((l) => l.command?.title).join(' | '));
    assert.match(lenses[0].command?.title ?? '', /^Green AI: 3 runs × .+ = .+ CO2e/);
    const hints = (await hintsOf(doc)).map(hintText);
    assert.equal(hints.filter((h) => /× 3 runs/.test(h)).length, 1, hints.join(' | '));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('reads a run spread across notebook cells and shows hints in the cell that sets the epochs', async () => {
    const notebook = await vscode.workspace.openNotebookDocument(exampleUri('notebooks/finetune_vit.ipynb'));
    await vscode.window.showNotebookDocument(notebook);
    const cell = notebook.getCells().find((c) => c.document.getText().includes('num_train_epochs=5'));
    assert.ok(cell, 'the TrainingArguments cell');
    const line = Array.from({ length: cell.document.lineCount }, (_, i) => i).find((i) =>
      cell.document.lineAt(i).text.includes('num_train_epochs=5'),
    )!;
    const hint = await until('a hint in the notebook cell', async () =>
      (await hintsOf(cell.document)).find((h) => h.position.line === line),
    );
    assert.match(hintText(hint), /CO2e/);
    // The model is loaded in another cell: that cell gets the parameter count.
    const modelCell =
      notebook
        .getCells()
        .find(
          (c) => c.document.getText().includes('from_pretrained(') && !c.document.getText().includes('Processor'),
        ) ?? notebook.getCells().find((c) => /ForImageClassification\.from_pretrained/.test(c.document.getText()));
    assert.ok(modelCell);
    const modelHints = await hintsOf(modelCell.document);
    assert.ok(
      modelHints.some((h) => /params/.test(hintText(h))),
      modelHints.map(hintText).join(' | '),
    );
  });

  describe('Workspace Report (multi-root)', () => {
    const teamB = () => vscode.workspace.workspaceFolders!.find((f) => f.name === 'team-b')!;
    const snapshotOf = (folder: string) => api.reportSnapshot().find((r) => r.folder === folder);

    it('lists every folder with its runs sorted by CO2e and totals', async () => {
      // examples, team-b, and the hostile folder (hostile.test.ts).
      assert.equal(vscode.workspace.workspaceFolders?.length, 3);
      await vscode.commands.executeCommand('greenAI.refreshReport');
      const b = await until('team-b in the report', () => snapshotOf('team-b'));
      assert.deepEqual(b.runs.map((r) => r.file).sort(), ['serve.py', 'train_lora.py']);
      assert.equal(b.runs.find((r) => r.file.endsWith('train_lora.py'))?.mode, 'lora');
      const examples = snapshotOf('examples')!;
      assert.ok(examples.runs.length >= 10);
      // Not runs: a CI workflow, a test, a library module; a run that needs its model size is apart and out of the total.
      assert.deepEqual([...examples.leftOut].sort(), [
        '.github/workflows/ci.yml',
        'hf-finetune/trainer_utils.py',
        'tests/test_training_smoke.py',
      ]);
      assert.deepEqual(examples.incomplete, ['trl-sft/sft.py']);
      assert.ok(!examples.runs.some((r) => r.file === 'trl-sft/sft.py'));
      const co2 = examples.runs.map((r) => r.co2eKg);
      assert.deepEqual(
        co2,
        [...co2].sort((x, y) => y - x),
        'sorted by CO2e, largest first',
      );
      assert.ok(Math.abs(examples.totalCo2eKg - co2.reduce((s, x) => s + x, 0)) < 1e-9);
    });

    it('updates an entry when its file is edited and drops it when deleted', async () => {
      const lora = vscode.Uri.joinPath(teamB().uri, 'train_lora.py');
      const before = snapshotOf('team-b')!.runs.find((r) => r.file.endsWith('train_lora.py'))!.co2eKg;
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(lora));
      await vscode.workspace.fs.writeFile(
        lora,
        new TextEncoder().encode(text.replace('num_train_epochs=2', 'num_train_epochs=8')),
      );
      const after = await until('the edited entry', () => {
        const r = snapshotOf('team-b')?.runs.find((x) => x.file.endsWith('train_lora.py'));
        return r && Math.abs(r.co2eKg / before - 4) < 0.01 ? r : undefined;
      });
      assert.ok(after.co2eKg > before);
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(teamB().uri, 'serve.py'));
      await until('serve.py gone', () =>
        snapshotOf('team-b')?.runs.some((r) => r.file.endsWith('serve.py')) === false ? true : undefined,
      );
    });

    it('lists a file too large to read as skipped, with the reason', async () => {
      const big = vscode.Uri.joinPath(teamB().uri, 'generated_table.py');
      await vscode.workspace.fs.writeFile(big, new TextEncoder().encode('x = 1\n'.repeat(450_000)));
      try {
        await vscode.commands.executeCommand('greenAI.refreshReport');
        await until('the skipped file', () =>
          snapshotOf('team-b')?.skipped.some((s) => s.endsWith('generated_table.py')) ? true : undefined,
        );
      } finally {
        await vscode.workspace.fs.delete(big);
      }
    });

    it('honours search.exclude and files.exclude', async () => {
      const config = vscode.workspace.getConfiguration(undefined, teamB().uri);
      await config.update('search.exclude', { '**/train_lora.py': true }, vscode.ConfigurationTarget.WorkspaceFolder);
      try {
        await vscode.commands.executeCommand('greenAI.refreshReport');
        await until('train_lora.py excluded', () =>
          snapshotOf('team-b')?.runs.some((r) => r.file.endsWith('train_lora.py')) === false ? true : undefined,
        );
      } finally {
        await config.update('search.exclude', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
      }
      await vscode.commands.executeCommand('greenAI.refreshReport');
      await until('train_lora.py back', () =>
        snapshotOf('team-b')?.runs.some((r) => r.file.endsWith('train_lora.py')) ? true : undefined,
      );
    });

    it('stops a scan that is cancelled', async () => {
      assert.equal(await api.scanCancelledAfter(3), true);
      assert.equal(await api.scanCancelledAfter(1_000_000), false, 'an uncancelled scan completes');
    });

    it('filters by mode and exports what it shows as Markdown, CSV and JSON', async () => {
      await vscode.commands.executeCommand('greenAI.filterReport', {
        kind: 'mode',
        modes: ['lora', 'qlora'],
        label: 'LoRA',
      });
      const shown = api.reportSnapshot().flatMap((r) => r.runs);
      assert.ok(
        shown.length >= 2 && shown.every((r) => r.mode === 'lora' || r.mode === 'qlora'),
        JSON.stringify(shown),
      );
      const dir = vscode.Uri.joinPath(teamB().uri, 'exports');
      for (const format of ['md', 'csv', 'json']) {
        const target = vscode.Uri.joinPath(dir, `report.${format}`);
        await vscode.commands.executeCommand('greenAI.exportReport', format, target);
        const body = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
        if (format === 'csv') assert.equal(body.trim().split('\n').length, shown.length + 1);
        if (format === 'json') assert.equal((JSON.parse(body) as { runs: unknown[] }).runs.length, shown.length);
        if (format === 'md') assert.match(body, /^## Green AI workspace report/);
      }
      await vscode.commands.executeCommand('greenAI.clearReportFilter');
      assert.ok(api.reportSnapshot().flatMap((r) => r.runs).length > shown.length);
    });
  });

  it("reads an open config with the size its repository's model table gives it, once the report has scanned", async () => {
    const write = (relative: string, text: string) =>
      vscode.workspace.fs.writeFile(exampleUri(relative), new TextEncoder().encode(text));
    const config = 'zoo-project/configs/ours/upernet_ours_tiny_512x512_160k_ade20k.py';
    await write(
      config,
      [
        "_base_ = ['../_base_/models/upernet.py', '../_base_/schedules/schedule_160k.py']",
        "model = dict(backbone=dict(type='OursNet', depths=[2, 2, 6, 2]))",
        "optimizer = dict(type='AdamW', lr=0.00006)",
        'data = dict(samples_per_gpu=2)',
        '',
      ].join('\n'),
    );
    await write(
      'zoo-project/tools/train.py',
      [
        'import argparse',
        'from mmcv import Config',
        'def main():',
        '    parser = argparse.ArgumentParser()',
        "    parser.add_argument('config')",
        '    cfg = Config.fromfile(parser.parse_args().config)',
        '    train_segmentor(build_segmentor(cfg.model), datasets, cfg)',
        "if __name__ == '__main__':",
        '    main()',
        '',
      ].join('\n'),
    );
    const doc = await openExample(config);
    const texts = async () => (await hintsOf(doc)).map(hintText);
    await until('the hint saying the size is needed', async () => {
      const t = await texts();
      return t.some((x) => /needs the model size/.test(x)) ? t : undefined;
    });
    await write(
      'zoo-project/README.md',
      [
        '| Backbone | Method | mIoU | #params | config |',
        '| --- | --- | --- | --- | --- |',
        '| Ours-T | UPerNet | 46.5 | 61M | [config](configs/ours/upernet_ours_tiny_512x512_160k_ade20k.py) |',
        '',
      ].join('\n'),
    );
    await vscode.commands.executeCommand('greenAI.refreshReport');
    const after = await until('a figure on the hint, from the README table', async () => {
      const t = await texts();
      return t.some((x) => /CO2e/.test(x)) ? t : undefined;
    });
    assert.ok(!after.some((t) => /needs the model size/.test(t)), after.join(' | '));
    // A params hint, where the model line has one of its own, says the table's size.
    for (const t of after.filter((x) => /params/.test(x))) assert.match(t, /61M/, t);
  });
});
