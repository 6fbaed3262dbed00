import * as assert from 'node:assert/strict';
import { SettingsStore, type ConfiguredValue, type SettingKey } from '../../src/core/settingsStore';

/** What VS Code's configuration would say: `explicit` as workspace values, `user` as user settings. */
function configuration(
  explicit: Partial<Record<SettingKey, unknown>> = {},
  user: Partial<Record<SettingKey, unknown>> = {},
): (key: SettingKey) => ConfiguredValue {
  return (key) => ({ explicit: explicit[key], effective: user[key] });
}

describe('settings store (one per extension context)', () => {
  it('resolves workspace values over the team file over user settings and defaults', () => {
    const store = new SettingsStore(() => undefined);
    store.setTeamConfigs(new Map([['folder:a', { region: 'FR', count: 8 }]]));
    const s = store.read(
      'folder:a',
      'folder:a',
      configuration({ defaultAcceleratorCount: 2 }, { region: 'DE', pue: 1.2 }),
    );
    assert.equal(s.defaultAcceleratorCount, 2, 'a workspace value outranks the team file');
    assert.equal(s.region, 'FR', 'the team file outranks a user setting');
    assert.equal(s.pue, 1.2, 'a user setting applies where the team file says nothing');
    assert.equal(s.defaultAccelerator, 'A100-SXM4-80GB', 'the default applies where nothing is set');
  });

  it('names an invalid value once per context and uses the default', () => {
    const shown: string[] = [];
    const store = new SettingsStore((m) => shown.push(m));
    const bad = configuration({ pue: 9 });
    assert.equal(store.read('folder:a', 'folder:a', bad).pue, null);
    store.clear();
    assert.equal(store.read('folder:a', 'folder:a', bad).pue, null);
    assert.equal(shown.length, 1, shown.join('\n'));
    assert.match(shown[0], /greenAI\.pue = 9 is invalid/);
  });

  it('keeps two contexts apart: team files, cached settings and shown messages are not shared', () => {
    const shownA: string[] = [];
    const shownB: string[] = [];
    const a = new SettingsStore((m) => shownA.push(m));
    const b = new SettingsStore((m) => shownB.push(m));
    a.setTeamConfigs(new Map([['folder:x', { region: 'FR', budgetKg: 5 }]]));
    const fromA = a.read('folder:x', 'folder:x', configuration());
    const fromB = b.read('folder:x', 'folder:x', configuration());
    assert.equal(fromA.region, 'FR');
    assert.equal(fromA.budgetKg, 5);
    assert.equal(fromB.region, 'world', "the other context's team file must not apply");
    assert.equal(fromB.budgetKg, null);
    assert.equal(b.teamConfig('folder:x'), undefined);

    // A cached read in one context is not another's answer.
    const later = b.read('folder:x', 'folder:x', configuration({ region: 'SE' }));
    assert.equal(later.region, 'world', 'b answers from its own cache until it is cleared');
    b.clear();
    assert.equal(b.read('folder:x', 'folder:x', configuration({ region: 'SE' })).region, 'SE');
    assert.equal(
      a.read('folder:x', 'folder:x', configuration({ region: 'SE' })).region,
      'FR',
      "clearing b leaves a's cache alone",
    );

    // A message shown once in one context is still shown in the other.
    const bad = configuration({ utilisation: 7 });
    a.clear();
    a.read('folder:x', 'folder:x', bad);
    b.clear();
    b.read('folder:x', 'folder:x', bad);
    assert.equal(shownA.length, 1);
    assert.equal(shownB.length, 1);
    assert.equal(a.firstTime(shownA[0]), false);
    assert.equal(b.firstTime('Green AI: some other message'), true);
  });

  it('replaces every team file on reload: a folder whose file went away falls back to settings', () => {
    const store = new SettingsStore(() => undefined);
    store.setTeamConfigs(new Map([['folder:a', { region: 'FR' }]]));
    assert.equal(store.read('folder:a', 'folder:a', configuration()).region, 'FR');
    store.setTeamConfigs(new Map());
    assert.equal(store.read('folder:a', 'folder:a', configuration()).region, 'world');
  });
});
