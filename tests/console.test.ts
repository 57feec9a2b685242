import { describe, expect, inject, it } from 'vitest';
import { scratchWorkspace, startEntryPoint } from './support/botProcess.js';

describe('npm start without DISCORD_TOKEN: terminal mode', () => {
  it('answers a typed question with a citation, and the other commands', async () => {
    const workspace = await scratchWorkspace(inject('realIndexDir'));
    const run = startEntryPoint({}, workspace, 'Who composed the score?\n/search Marineland orca\n/sources\n/help\n   \n/nonsense\n');
    expect(await run.exited).toBe(0);
    const out = run.stdout();
    expect(out).toMatch(/Desplat[^\n]*\[1\]/);
    expect(out).toMatch(/Sources:\n {2}\[1\] Rust and Bone › /);
    expect(out).toMatch(/1\. Rust and Bone › [^\n]*\(score \d\.\d\d\)/);
    expect(out).toContain('Ferrugem e Osso (sinopse) (pt,');
    expect(out).toContain('/reindex');
    expect(out).toContain('Unknown command /nonsense');
  });

  it('fails fast with one clear line on a bad setting', async () => {
    const workspace = await scratchWorkspace(inject('realIndexDir'));
    const run = startEntryPoint({ COOLDOWN_SECONDS: 'soon' }, workspace, '');
    expect(await run.exited).toBe(2);
    expect(run.stderr().trim()).toBe('Configuration error: COOLDOWN_SECONDS must be a whole number from 0 to 3600 (got "soon")');
  });
});
