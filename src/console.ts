import { createInterface } from 'node:readline/promises';
import type { KnowledgeHost } from './knowledgeHost.js';
import { ingestSummary, answerText, passagesText } from './present/terminal.js';
import { MAX_QUESTION_LENGTH, validateQuestion } from './bot/guards.js';

const HELP = `Type a question about Rust and Bone (English or Portuguese), or:
  /search WORDS   the matching passages, ranked
  /sources        the documents in the index
  /reindex        re-read the documents and rebuild the index
  /help           this text
  /quit           leave (or Ctrl+D)`;

/** One line of terminal input turned into the text to print; the same commands as in Discord. */
export async function consoleReply(line: string, host: KnowledgeHost): Promise<string | undefined> {
  const [, command, rest = ''] = /^\/(\w+)\s*(.*)$/s.exec(line.trim()) ?? [];
  if (command === undefined) {
    const question = validateQuestion(line);
    return question.ok ? answerText(await host.current.ask(question.text)) : question.message;
  }
  switch (command) {
    case 'ask': return consoleReply(rest, host);
    case 'search': {
      const query = validateQuestion(rest, 'search');
      return query.ok ? passagesText(await host.current.search(query.text, 5)) : query.message;
    }
    case 'sources': {
      const { manifest } = host.current;
      const docs = manifest.sources.map((s) => `  ${s.title} (${s.lang}, ${s.chunks} chunks) — ${s.source}`).join('\n');
      return `${docs}\nBuilt ${manifest.builtAt} by ${manifest.embedder.id}.`;
    }
    case 'reindex':
      return ingestSummary(await host.reindex());
    case 'help': return HELP;
    case 'quit': case 'exit': return undefined;
    default: return `Unknown command /${command}. ${HELP}`;
  }
}

/** Terminal mode: the bot's answers without Discord, for trying the product before creating an app. */
export async function runConsole(host: KnowledgeHost): Promise<void> {
  const { manifest } = host.current;
  const interactive = process.stdin.isTTY;
  if (interactive) {
    console.log(`Rust and Bone bot, terminal mode (no DISCORD_TOKEN set). ${manifest.sources.length} documents, ${manifest.counts.chunks} passages, ${manifest.embedder.id}.`);
    console.log(`Ask a question (up to ${MAX_QUESTION_LENGTH} characters), or /help.`);
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: interactive, prompt: interactive ? '\n> ' : '' });
  rl.prompt();
  for await (const line of rl) {
    if (line.trim() !== '') {
      try {
        const reply = await consoleReply(line, host);
        if (reply === undefined) break;
        console.log(reply);
      } catch (error) {
        console.log(`Error: ${(error as Error).message}`);
      }
    }
    rl.prompt();
  }
  rl.close();
}

