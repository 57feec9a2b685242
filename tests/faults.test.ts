import { spawn } from 'node:child_process';
import { watch } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, symlink, truncate, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { UseLiteEmbeddings } from '../src/embed/useLite.js';
import { ingest } from '../src/ingest.js';
import { KnowledgeHost } from '../src/knowledgeHost.js';
import { isTransient, retryTransient } from '../src/bot/retry.js';
import { IndexError } from '../src/store/manifest.js';
import { startFakeDiscord } from './support/fake-discord/index.js';
import { startEntryPoint } from './support/botProcess.js';
import { LIMITS } from './support/fake-discord/index.js';
import { MANAGE_GUILD, TOKEN, answered, logLinesOf, someUser, startBotAgainstFake, visibleText, type BotAgainstFake, removeScratch, scratch } from './support/harness.js';
import { silentLog, testConfig } from './support/testConfig.js';

const faultsInjected: string[] = [];

describe('a dropped connection while sending an answer', () => {
  it('is retried (edits only), while Discord refusing a request is not', async () => {
    const closed = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
    let calls = 0;
    await expect(retryTransient(async () => (++calls < 3 ? Promise.reject(closed) : 'sent'), 3, 1)).resolves.toBe('sent');
    expect(calls).toBe(3);
    calls = 0;
    const refused = Object.assign(new Error('Invalid Form Body'), { code: 50035, status: 400 });
    await expect(retryTransient(async () => (++calls, Promise.reject(refused)), 3, 1)).rejects.toBe(refused);
    expect(calls).toBe(1);
    expect(isTransient(new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } }))).toBe(true);
    faultsInjected.push('REST: kept-alive connection closed under an edit (unit)');
  });
});

const ARTICLE = 'rust-and-bone.en.txt';
const SYNOPSIS = 'ferrugem-e-osso.pt.txt';

describe('corpus faults before /reindex: the moderator is told why, and the old index keeps answering', () => {
  let run: BotAgainstFake;
  let pristine: string;
  const corpus = (...parts: string[]) => path.join(run.bot.corpusDir, ...parts);

  beforeAll(async () => {
    run = await startBotAgainstFake(inject('realIndexDir'), { COOLDOWN_SECONDS: '0' });
    pristine = path.join(path.dirname(run.bot.corpusDir), 'corpus-pristine');
    await cp(run.bot.corpusDir, pristine, { recursive: true });
  });
  afterAll(async () => run?.close());

  async function restoreCorpus(): Promise<void> {
    await rm(run.bot.corpusDir, { recursive: true, force: true });
    await cp(pristine, run.bot.corpusDir, { recursive: true });
  }

  async function reindex(): Promise<string> {
    const handle = run.fake.sendCommand({ name: 'reindex', member: { permissions: MANAGE_GUILD }, ...someUser() });
    const done = await handle.waitFor((m) => /complete|failed|already running/.test(m.content), 60_000);
    expect(done.ephemeral).toBe(true);
    expect(done.content.length).toBeLessThanOrEqual(LIMITS.content);
    expect(handle.violations).toEqual([]);
    return done.content;
  }

  async function expectOldIndexAnswering(): Promise<void> {
    const message = await answered(run.ask('Who composed the score?'));
    expect(visibleText(message)).toContain('Desplat');
    const portuguese = await answered(run.ask('Quem dirigiu o filme?'));
    expect(visibleText(portuguese)).toContain('Jacques Audiard');
  }

  const failing: [string, () => Promise<void>, RegExp][] = [
    ['the article replaced by a dangling symlink', async () => {
      await unlink(corpus(ARTICLE));
      await symlink('/nonexistent/rust-and-bone.en.txt', corpus(ARTICLE));
    }, /^Re-index failed: Cannot read rust-and-bone\.en\.txt: ENOENT\.\nThe previous index is still answering\.$/],
    ['the article emptied', async () => truncate(corpus(ARTICLE), 0), /^Re-index failed: rust-and-bone\.en\.txt is empty: add its text or remove it from the corpus folder\.\nThe previous index is still answering\.$/],
    ['the article truncated to its front matter', async () => {
      const text = await readFile(corpus(ARTICLE), 'utf8');
      await truncate(corpus(ARTICLE), Buffer.byteLength(text.slice(0, text.indexOf('---', 3) + 4)));
    }, /^Re-index failed: rust-and-bone\.en\.txt is empty/],
    ['a symlink loop', async () => symlink('loop.md', corpus('loop.md')), /^Re-index failed: Cannot read loop\.md: ELOOP\./],
    ['a file with an unknown language', async () => writeFile(corpus('notes.md'), '---\nlang: fr\n---\nDes notes.\n'), /^Re-index failed: notes\.md: lang must be "en" or "pt" \(got "fr"\)\./],
    ['every document deleted', async () => {
      for (const name of await readdir(corpus())) await unlink(corpus(name));
    }, /^Re-index failed: The corpus folder \S+ has no \.md or \.txt files\./],
    ['the corpus folder deleted', async () => rm(corpus(), { recursive: true }), /^Re-index failed: Cannot read the corpus folder \S+: ENOENT/],
    ['the corpus folder replaced by a file', async () => {
      await rm(corpus(), { recursive: true });
      await writeFile(run.bot.corpusDir, 'not a folder');
    }, /^Re-index failed: Cannot read the corpus folder \S+: ENOTDIR/],
  ];

  for (const [fault, harm, expected] of failing) {
    it(`${fault}: re-index fails with a clear message`, async () => {
      await harm();
      faultsInjected.push(`corpus: ${fault}`);
      try {
        expect(await reindex()).toMatch(expected);
        await expectOldIndexAnswering();
      } finally {
        await rm(run.bot.corpusDir, { recursive: true, force: true });
        await restoreCorpus();
      }
    });
  }

  it('a folder named like a document is skipped; the re-index completes and answers as before', async () => {
    await mkdir(corpus('extra.txt'));
    await writeFile(corpus('extra.txt', 'inside.txt'), 'The lighthouse keeper was named Ottoline Brack.');
    faultsInjected.push('corpus: a folder named extra.txt');
    expect(await reindex()).toMatch(/^Re-index complete; the new index is answering now\.\nIndexed 2 files/);
    await expectOldIndexAnswering();
    await restoreCorpus();
  });

  it('a flood of unreadable files still ends in a "complete" message within Discord\'s 2,000 characters', async () => {
    for (let i = 0; i < 150; i++) await writeFile(corpus(`scan-${String(i).padStart(3, '0')}-${'x'.repeat(40)}.pdf`), '%PDF');
    faultsInjected.push('corpus: 150 unreadable .pdf files');
    const content = await reindex();
    expect(content).toMatch(/^Re-index complete; the new index is answering now\.\nIndexed 2 files/);
    expect(content).toMatch(/Skipped scan-000-x+\.pdf/);
    expect(content).toMatch(/… and \d+ more lines$/);
    await expectOldIndexAnswering();
    await restoreCorpus();
  });

  it('a second /reindex while one runs is told so, and the first one completes', async () => {
    const article = await readFile(corpus(ARTICLE), 'utf8');
    await writeFile(corpus('notes.md'), `---\ntitle: Notes\nlang: en\n---\n${article.toUpperCase().slice(300, 3000)}`);
    const first = run.fake.sendCommand({ name: 'reindex', member: { permissions: MANAGE_GUILD }, ...someUser() });
    await first.waitFor((m) => m.content.startsWith('Re-indexing'), 10_000);
    expect(await reindex()).toMatch(/already running/);
    const done = await first.waitFor((m) => /complete|failed/.test(m.content), 60_000);
    expect(done.content).toMatch(/^Re-index complete/);
    await restoreCorpus();
    expect(await reindex()).toMatch(/Sources: removed notes\.md\./);
  });

  it('a deleted document is removed from the index, and the moderator is told which', async () => {
    await unlink(corpus(SYNOPSIS));
    faultsInjected.push('corpus: one document deleted');
    const content = await reindex();
    expect(content).toMatch(/^Re-index complete[\s\S]*Sources: removed ferrugem-e-osso\.pt\.txt\./);
    await restoreCorpus();
    expect(await reindex()).toMatch(/Sources: added ferrugem-e-osso\.pt\.txt\./);
    await expectOldIndexAnswering();
  });

  describe('the gateway connection dropped: the bot resumes and keeps answering', () => {
    it('after a close (4000), a TCP reset, and a lost session (re-identify)', async () => {
      const drops = [{ mode: 'close' as const }, { mode: 'terminate' as const }, { invalidateSessions: true }];
      for (const drop of drops) {
        const resumed = () => run.fake.resumes.filter((r) => r.outcome === 'resumed').length;
        const resumes = resumed();
        const identifies = run.fake.identifies.length;
        run.fake.dropGatewayConnections(drop);
        faultsInjected.push(`gateway: ${JSON.stringify(drop)}`);
        // Sent while the bot is reconnecting: replayed on resume, or (lost session) sent again by the user.
        const duringDrop = drop.invalidateSessions ? undefined : run.ask('Who composed the score?');
        await run.fake.waitForGatewayReady(30_000);
        if (drop.invalidateSessions) await expect.poll(() => run.fake.identifies.length, { timeout: 30_000 }).toBe(identifies + 1);
        else await expect.poll(resumed, { timeout: 30_000 }).toBeGreaterThan(resumes);
        if (duringDrop) {
          expect(visibleText(await answered(duringDrop))).toContain('Desplat');
          expect(duringDrop.firstResponseMs).toBeLessThan(3000);
        }
        const after = run.ask('Quem dirigiu o filme?');
        expect(visibleText(await answered(after))).toContain('Jacques Audiard');
        expect(after.firstResponseMs).toBeLessThan(3000);
      }
      expect(logLinesOf(run.bot).some((l) => l.msg === 'gateway connection resumed')).toBe(true);
    });

    it('answers in flight when the connection drops are still delivered', async () => {
      const inFlight = Array.from({ length: 20 }, () => run.ask('How much did the film gross worldwide?'));
      await Promise.all(inFlight.map((h) => h.waitForCallback(3000)));
      run.fake.dropGatewayConnections({ mode: 'terminate' });
      faultsInjected.push('gateway: dropped with 20 answers in flight');
      const messages = await Promise.all(inFlight.map((h) => answered(h)));
      for (const m of messages) expect(visibleText(m)).toContain('$25.8 million');
      await run.fake.waitForGatewayReady(30_000);
      expect(visibleText(await answered(run.ask('Who composed the score?')))).toContain('Desplat');
      expect(run.fake.violations).toEqual([]);
      expect(run.bot.child.exitCode).toBeNull();
    });
  });
});

describe('a damaged index before start: the bot refuses to start, says to run ingest, and never serves', () => {
  const damage: [string, (build: string, index: string) => Promise<void>][] = [
    ['hnsw.bin truncated to half', async (build) => truncate(path.join(build, 'hnsw.bin'), 200_000)],
    ['manifest.json garbled', async (build) => writeFile(path.join(build, 'manifest.json'), '{"format": "rust-and-bone-index/1", "files": ')],
    ['CURRENT naming a build that is gone', async (_build, index) => writeFile(path.join(index, 'CURRENT'), 'no-such-build\n')],
    ['chunks.json replaced with garbage', async (build) => writeFile(path.join(build, 'chunks.json'), '\u0000garbage'.repeat(1000))],
    ['chunks.json replaced with other valid chunks', async (build) => writeFile(path.join(build, 'chunks.json'), '[]')],
    ['docstore.json deleted', async (build) => unlink(path.join(build, 'docstore.json'))],
    ['manifest.json from another program', async (build) => writeFile(path.join(build, 'manifest.json'), '{"format": "someone-else/3"}')],
    ['CURRENT garbled', async (_build, index) => writeFile(path.join(index, 'CURRENT'), '../../../etc/passwd\n')],
    ['every file emptied (a full disk)', async (build) => {
      for (const name of await readdir(build)) await truncate(path.join(build, name), 0);
    }],
  ];
  const RUN_INGEST = /(damaged|no manifest|not an index this bot can read|incomplete|could not be read).* Run "npm run ingest"/;

  async function damaged(what: string, harm: (build: string, index: string) => Promise<void>) {
    const workspace = await scratch(inject('realIndexDir'));
    const current = (await readFile(path.join(workspace.indexDir, 'CURRENT'), 'utf8')).trim();
    await harm(path.join(workspace.indexDir, 'builds', current), workspace.indexDir);
    faultsInjected.push(`index before start: ${what}`);
    return workspace;
  }

  it('npm start in bot mode: exit 1 with one line saying to run ingest, and no connection to Discord', async () => {
    const fake = await startFakeDiscord({ botToken: TOKEN });
    try {
      // One at a time: start-ups are CPU-heavy, and other test files run beside this one.
      const outcomes = [];
      for (const [what, harm] of damage.slice(0, 3)) {
        const bot = startEntryPoint({ DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: fake.apiBase }, await damaged(what, harm));
        outcomes.push({ what, code: await bot.exited, lines: bot.stderr().split('\n').filter((l) => l.trim() !== '' && !l.startsWith('{')) });
      }
      for (const { what, code, lines } of outcomes) {
        expect(code, what).toBe(1);
        expect(lines, what).toHaveLength(1);
        expect(lines[0], what).toMatch(new RegExp(`^Could not start: .*${RUN_INGEST.source}`));
      }
      expect(fake.identifies).toEqual([]);
    } finally {
      await fake.close();
    }
  }, 60_000);

  it('the same opening (KnowledgeHost.open, as npm start calls it) refuses every other kind of damage', async () => {
    for (const [what, harm] of damage.slice(3)) {
      const workspace = await damaged(what, harm);
      const opening = KnowledgeHost.open(testConfig(workspace), silentLog, { buildIfNeeded: true });
      await expect(opening, what).rejects.toBeInstanceOf(IndexError);
      await expect(opening, what).rejects.toThrow(RUN_INGEST);
    }
  });
});

describe('the process killed (SIGKILL) during ingest: the next start serves the last complete index', () => {
  const SMALL = '---\ntitle: Lighthouse notes\nlang: en\n---\nThe lighthouse keeper was named Ottoline Brack.\n';

  /** Runs `npm run ingest` (the same script) and kills it when `when` resolves; returns what CURRENT named before and after. */
  async function killIngest(corpusDir: string, indexDir: string, when: (child: ReturnType<typeof spawn>) => Promise<string>) {
    const before = await readFile(path.join(indexDir, 'CURRENT'), 'utf8');
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts'], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', EMBEDDING_MODEL: 'use-lite', LOG_LEVEL: 'warn', CORPUS_DIR: corpusDir, INDEX_DIR: indexDir },
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    const moment = await when(child);
    child.kill('SIGKILL');
    const signal = await exited;
    const after = await readFile(path.join(indexDir, 'CURRENT'), 'utf8');
    faultsInjected.push(`SIGKILL during ingest, ${moment} (CURRENT ${after === before ? 'unchanged' : 'already switched to the complete new build'})`);
    return { signal, before, after };
  }

  /** Terminal mode (`npm start` without a token) on the folders: what /sources lists and what a question gets. */
  async function nextStart(corpusDir: string, indexDir: string, question: string) {
    const start = startEntryPoint({}, { corpusDir, indexDir }, `/sources\n${question}\n`);
    expect(await start.exited).toBe(0);
    return start.stdout();
  }

  it('while embedding a big corpus over a complete build of a small one', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'rab-kill-'));
    const small = path.join(root, 'small');
    const indexDir = path.join(root, 'index');
    await mkdir(small);
    await writeFile(path.join(small, 'lighthouse.md'), SMALL);
    await ingest({ config: testConfig({ corpusDir: small, indexDir }), embedder: await UseLiteEmbeddings.load(), log: silentLog });

    // The real corpus takes about 15 s to embed; kill it 4 s in.
    const { signal, before, after } = await killIngest(path.resolve('corpus'), indexDir, async () => {
      await sleep(4000);
      return '4 s in (embedding)';
    });
    expect(signal).toBe('SIGKILL');
    expect(after).toBe(before);
    const out = await nextStart(small, indexDir, 'Who was the lighthouse keeper?');
    expect(out).toContain('Lighthouse notes');
    expect(out).not.toContain('Ferrugem e Osso');
    expect(out).toContain('Ottoline Brack');
    await rm(root, { recursive: true, force: true });
  }, 60_000);

  for (const moment of ['partial', 'published'] as const) {
    it(`while writing the new build (killed as soon as its ${moment === 'partial' ? 'temporary folder appears' : 'folder is renamed into place'})`, async () => {
      const workspace = await scratch(inject('realIndexDir'));
      await writeFile(path.join(workspace.corpusDir, 'lighthouse.md'), SMALL);
      const builds = path.join(workspace.indexDir, 'builds');
      const existing = new Set(await readdir(builds));
      const { signal, before, after } = await killIngest(workspace.corpusDir, workspace.indexDir, () =>
        new Promise<string>((resolve) => {
          const watcher = watch(builds, (_event, name) => {
            if (!name || existing.has(name)) return;
            if (moment === 'partial' ? name.endsWith('.partial') : !name.endsWith('.partial')) {
              watcher.close();
              resolve(`when builds/${name} appeared`);
            }
          });
        }),
      );
      expect(signal).toBe('SIGKILL');
      const out = await nextStart(workspace.corpusDir, workspace.indexDir, 'Who was the lighthouse keeper?');
      expect(out).toContain('Ferrugem e Osso (sinopse)');
      expect(out).toMatch(/Desplat|Ottoline|documents don't say/);
      if (after === before) {
        // The old build is still current: the new document is not served, half-written or otherwise.
        expect(out).not.toContain('Lighthouse notes');
        expect(out).not.toContain('Ottoline Brack');
      } else {
        // The kill came after the build was complete and CURRENT switched: the new build, whole.
        expect(out).toContain('Lighthouse notes');
        expect(out).toContain('Ottoline Brack');
      }
    }, 60_000);
  }
});

afterAll(() => {
  console.log(`faults injected (${faultsInjected.length}): ${faultsInjected.join('; ')}`);
});

afterAll(removeScratch);
