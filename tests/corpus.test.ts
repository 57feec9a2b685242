import { mkdtemp, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../src/corpus/chunk.js';
import { parseFrontMatter } from '../src/corpus/frontMatter.js';
import { CorpusError, loadCorpus, parseDocument } from '../src/corpus/load.js';
import { splitSentences } from '../src/corpus/sentences.js';

const settings = { size: 600, overlap: 120 };

async function realCorpus() {
  return (await loadCorpus(path.resolve('corpus'))).documents;
}

describe('front matter', () => {
  it('reads title, lang, source and repeated keys, and finds where the body starts', () => {
    const text = '---\ntitle: A film\nlang: pt\nsource: "somewhere"\nignore: x\nignore: y\n---\nBody.';
    const { fields, bodyStart } = parseFrontMatter(text);
    expect(fields.get('title')).toEqual(['A film']);
    expect(fields.get('source')).toEqual(['somewhere']);
    expect(fields.get('ignore')).toEqual(['x', 'y']);
    expect(text.slice(bodyStart)).toBe('Body.');
  });

  it('treats a file without front matter as all body, with title from the file name and detected language', () => {
    const doc = parseDocument('ferrugem-e-osso.txt', 'O filme conta a história de um homem que não tem emprego.');
    expect(doc.bodyStart).toBe(0);
    expect(doc.title).toBe('ferrugem e osso');
    expect(doc.lang).toBe('pt');
  });
});

describe('sentences', () => {
  it('splits on sentence ends but not inside numbers, initials or abbreviations', () => {
    const text = 'It grossed $25.8 million in the U.S. market. Dr. Smith met J. Gray there! Then it ended.';
    expect(splitSentences(text).map((s) => s.text)).toEqual(['It grossed $25.8 million in the U.S. market.', 'Dr. Smith met J. Gray there!', 'Then it ended.']);
  });

  it('splits a full stop with the space missing between two sentences', () => {
    const text = 'roteiro de Thomas Bidegain.O filme competiu pela Palma de Ouro.';
    expect(splitSentences(text).map((s) => s.text)).toEqual(['roteiro de Thomas Bidegain.', 'O filme competiu pela Palma de Ouro.']);
  });

  it('ends a sentence before one whose first words were lost in scraping, which starts with a comma', () => {
    const text = 'The edit was finalized in May. , handled by two studios, took three months.';
    expect(splitSentences(text).map((s) => s.text)).toEqual(['The edit was finalized in May.', ', handled by two studios, took three months.']);
  });
});

describe('chunks of the real corpus', () => {
  it('quote their source file exactly by offsets, and end on sentence boundaries', async () => {
    for (const doc of await realCorpus()) {
      for (const chunk of chunkDocument(doc, settings)) {
        expect(doc.text.slice(chunk.start, chunk.end)).toBe(chunk.text);
        for (const s of chunk.sentences) expect(doc.text.slice(s.start, s.end)).toBe(s.text);
        expect(chunk.text).toMatch(/[.!?"”)\]]$/);
      }
    }
  });

  it('carry the heading path of the English article and never consist of a heading alone', async () => {
    const [pt, en] = await realCorpus();
    const chunks = chunkDocument(en!, settings);
    const sections = new Set(chunks.map((c) => c.section.join(' › ')));
    expect(sections).toContain('Production › Filming locations and schedule');
    expect(sections).toContain('Reception › Box office performance');
    expect(sections).toContain('Rust and Bone');
    for (const chunk of chunks) {
      expect(chunk.sentences.length).toBeGreaterThan(0);
      expect(chunk.text.includes('Fact-checked by Grok')).toBe(false);
      expect(chunk.text.trim()).not.toBe(chunk.section.at(-1));
    }
    expect(chunkDocument(pt!, settings).every((c) => c.lang === 'pt' && c.section.length === 0)).toBe(true);
  });

  it('respect the size setting (a single longer sentence stands alone) and overlap by whole sentences', async () => {
    const [, en] = await realCorpus();
    const small = chunkDocument(en!, { size: 400, overlap: 150 });
    const large = chunkDocument(en!, { size: 1500, overlap: 0 });
    expect(small.length).toBeGreaterThan(large.length);
    for (const chunk of small) {
      if (chunk.sentences.length > 1) expect(chunk.text.length).toBeLessThanOrEqual(400 * 1.5);
    }
    const overlapping = small.filter((c, i) => i > 0 && small[i - 1]!.section === c.section && c.start < small[i - 1]!.end);
    expect(overlapping.length).toBeGreaterThan(0);
    for (let i = 1; i < large.length; i++) expect(large[i]!.start).toBeGreaterThanOrEqual(large[i - 1]!.end);
  });
});

describe('loading a corpus folder', () => {
  async function folder(files: Record<string, string>) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'rab-corpus-'));
    for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
    return dir;
  }

  it('reads .md and .txt and reports other files as skipped', async () => {
    const dir = await folder({ 'a.md': 'One sentence here.', 'b.txt': 'Another one.', 'c.pdf': 'binary', 'notes.docx': 'x' });
    const { documents, skipped } = await loadCorpus(dir);
    expect(documents.map((d) => d.file)).toEqual(['a.md', 'b.txt']);
    expect(skipped).toEqual(['c.pdf', 'notes.docx']);
  });

  it('names the file that is empty', async () => {
    const dir = await folder({ 'a.md': 'Fine.', 'empty.txt': '---\ntitle: x\n---\n  \n' });
    await expect(loadCorpus(dir)).rejects.toThrow(new CorpusError('empty.txt is empty: add its text or remove it from the corpus folder.'));
  });

  it('names the file that cannot be read', async () => {
    const dir = await folder({ 'a.md': 'Fine.' });
    await symlink(path.join(dir, 'gone.txt'), path.join(dir, 'broken.txt'));
    await expect(loadCorpus(dir)).rejects.toThrow('Cannot read broken.txt: ENOENT.');
  });
});
