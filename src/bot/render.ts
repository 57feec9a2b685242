import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { Chunk } from '../corpus/types.js';
import type { AskResult } from '../knowledge.js';
import { sectionLabel } from '../present/json.js';
import { answerKindLabel } from '../present/terminal.js';
import type { Passage } from '../search/retriever.js';
import { snippet } from '../search/snippet.js';
import type { Manifest } from '../store/manifest.js';
import { LIMITS, quoteSourceText, quoteUserText, trimAtSentence, trimAtWord } from './limits.js';

const COLOR = { answer: 0x2f80ed, notCovered: 0xf2994a, info: 0x6c757d } as const;
const QUOTE = 300;

function where(chunk: Chunk): string {
  const section = sectionLabel(chunk.section);
  return trimAtWord(section ? `${chunk.title} › ${section}` : chunk.title, LIMITS.fieldName - 8);
}

function quoted(text: string, max = QUOTE): string {
  return trimAtWord(`> ${trimAtWord(quoteSourceText(text), max)}`, LIMITS.fieldValue);
}

const sentenceCase = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

/** Keeps an embed within Discord's total: drops trailing fields, never the answer. */
export function fitEmbed(embed: APIEmbed): APIEmbed {
  const fitted = { ...embed, fields: [...(embed.fields ?? [])].slice(0, LIMITS.fields) };
  while (embedLength(fitted) > LIMITS.embedsTotal && fitted.fields.length > 0) fitted.fields.pop();
  return fitted;
}

function passageFields(passages: Passage[], withScore: boolean): APIEmbedField[] {
  return passages.map((p, i) => ({
    name: `${i + 1}. ${where(p.chunk)}${withScore ? ` · ${p.score.toFixed(2)}` : ''}`,
    value: quoted(snippet(p, QUOTE)),
  }));
}

export function askEmbed(result: AskResult): APIEmbed {
  const { answer } = result;
  const title = trimAtWord(quoteUserText(result.question), LIMITS.embedTitle);
  if (answer.abstained) {
    return fitEmbed({
      title,
      color: COLOR.notCovered,
      description: answer.text,
      fields: passageFields(result.passages.slice(0, 3), false),
      footer: { text: 'Closest passages, not an answer' },
    });
  }
  return fitEmbed({
    title,
    color: COLOR.answer,
    description: trimAtWord(quoteSourceText(trimAtSentence(answer.text, LIMITS.embedDescription - 200)), LIMITS.embedDescription),
    fields: answer.citations.map((c) => ({ name: `[${c.n}] ${where(c.chunk)}`, value: quoted(c.quote, 700) })),
    footer: { text: trimAtWord(sentenceCase(answerKindLabel(answer)), LIMITS.footer) },
  });
}

/** A generated answer while it streams in, before its citations are checked and its sources added. */
export function streamingEmbed(question: string, text: string): APIEmbed {
  return {
    title: trimAtWord(quoteUserText(question), LIMITS.embedTitle),
    color: COLOR.answer,
    description: trimAtWord(quoteSourceText(text), LIMITS.embedDescription - 1) || '…',
    footer: { text: 'Writing from the sources…' },
  };
}

export function searchEmbed(query: string, passages: Passage[]): APIEmbed {
  return fitEmbed({
    title: trimAtWord(`Passages for: ${quoteUserText(query)}`, LIMITS.embedTitle),
    color: COLOR.info,
    description: passages.length ? undefined : 'No passage matches.',
    fields: passageFields(passages, true),
  });
}

export function sourcesEmbed(manifest: Manifest): APIEmbed {
  const built = Math.floor(Date.parse(manifest.builtAt) / 1000);
  return fitEmbed({
    title: 'Sources in the index',
    color: COLOR.info,
    description: `Built <t:${built}:R> by \`${manifest.embedder.id}\` · ${manifest.counts.chunks} chunks`,
    fields: manifest.sources.map((s) => ({ name: trimAtWord(s.title, LIMITS.fieldName), value: trimAtWord(`Language: ${s.lang} · ${s.chunks} chunks\n${quoteSourceText(s.source)}`, LIMITS.fieldValue) })),
  });
}

export function helpEmbed(manifest: Manifest): APIEmbed {
  return {
    title: 'Rust and Bone bot',
    color: COLOR.info,
    description: [
      `I answer questions about the 2012 film *Rust and Bone* (*De rouille et d'os*, *Ferrugem e Osso*) from ${manifest.sources.length} source documents, in English or Portuguese.`,
      '',
      '**/ask** `question` — an answer quoted from the sources, with numbered citations. Add `private:True` to see it alone.',
      '**/search** `query` — the matching passages themselves, ranked.',
      '**/sources** — the documents I know and when they were indexed.',
      '**/reindex** — moderators: re-read the documents.',
      '',
      'Every sentence of an answer ends with [n], the source it comes from, listed under the answer. When the documents don\'t cover a question I say so and show the closest passages instead of guessing.',
    ].join('\n'),
  };
}
