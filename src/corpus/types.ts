export type Lang = 'en' | 'pt';

/** A source file as read from the corpus folder. Offsets everywhere are indices into `text`, the whole file. */
export interface SourceDocument {
  file: string;
  title: string;
  lang: Lang;
  source: string;
  text: string;
  bodyStart: number;
  /** Lines of scraping residue that are not content (front matter `ignore:`). */
  ignore: string[];
  hash: string;
}

export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  text: string;
}

export interface Chunk extends Span {
  id: string;
  file: string;
  title: string;
  lang: Lang;
  section: string[];
  text: string;
  sentences: Sentence[];
}
