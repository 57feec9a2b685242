import { randomBytes } from 'node:crypto';
import { ActionRowBuilder, ButtonBuilder, ButtonStyle } from 'discord.js';
import type { AskResult } from '../knowledge.js';

export interface AnswerRecord {
  question: string;
  abstained: boolean;
  sources: string[];
}

const PREFIX = 'feedback';
const CAPACITY = 2000;

/** Remembers recent answers (bounded) so a 👍/👎 click can be logged with what was shown. */
export class FeedbackStore {
  private readonly answers = new Map<string, AnswerRecord>();

  remember(result: AskResult): string {
    const id = randomBytes(6).toString('hex');
    const shown = result.answer.abstained ? result.passages.slice(0, 3).map((p) => p.chunk) : result.answer.citations.map((c) => c.chunk);
    this.answers.set(id, { question: result.question, abstained: result.answer.abstained, sources: shown.map((c) => c.id) });
    if (this.answers.size > CAPACITY) this.answers.delete(this.answers.keys().next().value!);
    return id;
  }

  recall(id: string): AnswerRecord | undefined {
    return this.answers.get(id);
  }
}

export function feedbackRow(id: string) {
  return new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder().setCustomId(`${PREFIX}:up:${id}`).setEmoji('👍').setLabel('Helpful').setStyle(ButtonStyle.Secondary),
    new ButtonBuilder().setCustomId(`${PREFIX}:down:${id}`).setEmoji('👎').setLabel('Not helpful').setStyle(ButtonStyle.Secondary),
  );
}

export function parseFeedbackId(customId: string): { vote: 'up' | 'down'; id: string } | undefined {
  const match = /^feedback:(up|down):([0-9a-f]{12})$/.exec(customId);
  return match ? { vote: match[1] as 'up' | 'down', id: match[2]! } : undefined;
}
