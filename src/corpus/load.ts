import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { detectLanguage } from '../search/language.js';
import { parseFrontMatter } from './frontMatter.js';
import type { Lang, SourceDocument } from './types.js';

export class CorpusError extends Error {}

const READABLE = new Set(['.md', '.txt']);

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function titleFromFile(file: string): string {
  return file.replace(/\.[^.]+$/, '').replace(/[-_]+/g, ' ').trim();
}

/** Turns one file's text into a document; exported for tests and for callers that already hold the text. */
export function parseDocument(file: string, text: string): SourceDocument {
  const { fields, bodyStart } = parseFrontMatter(text);
  const body = text.slice(bodyStart);
  if (body.trim() === '') throw new CorpusError(`${file} is empty: add its text or remove it from the corpus folder.`);
  const declared = fields.get('lang')?.[0]?.toLowerCase();
  if (declared !== undefined && declared !== 'en' && declared !== 'pt') {
    throw new CorpusError(`${file}: lang must be "en" or "pt" (got "${declared}").`);
  }
  const lang: Lang = declared ?? detectLanguage(body);
  return {
    file,
    title: fields.get('title')?.[0] || titleFromFile(file),
    lang,
    source: fields.get('source')?.[0] || file,
    text,
    bodyStart,
    ignore: fields.get('ignore') ?? [],
    hash: sha256(text),
  };
}

export interface LoadedCorpus {
  documents: SourceDocument[];
  skipped: string[];
}

/** Reads every .md and .txt file of the corpus folder; other files are reported as skipped. */
export async function loadCorpus(dir: string): Promise<LoadedCorpus> {
  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile() || e.isSymbolicLink()).map((e) => e.name).sort();
  } catch (error) {
    throw new CorpusError(`Cannot read the corpus folder ${dir}: ${(error as Error).message}`);
  }
  const documents: SourceDocument[] = [];
  const skipped: string[] = [];
  for (const name of names) {
    if (name.startsWith('.')) continue;
    if (!READABLE.has(path.extname(name).toLowerCase())) {
      skipped.push(name);
      continue;
    }
    let text: string;
    try {
      text = await readFile(path.join(dir, name), 'utf8');
    } catch (error) {
      throw new CorpusError(`Cannot read ${name}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
    }
    documents.push(parseDocument(name, text));
  }
  if (documents.length === 0) throw new CorpusError(`The corpus folder ${dir} has no .md or .txt files.`);
  return { documents, skipped };
}
