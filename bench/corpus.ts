/**
 * A synthetic corpus of any size for benchmarks, streamed to JSON Lines:
 * text from a word-bigram model of real article bodies (so word and phrase
 * frequencies are those of news), about 3 KB an article, and a known share
 * of copies of earlier articles (verbatim with a line added, spun, excerpted).
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { rng, spin } from '../eval/generate.js';

export interface CorpusOptions {
  size: number;
  /** Share of articles that copy an earlier one. */
  copies: number;
  seed: number;
  bodies: string[];
}

export class BigramModel {
  private readonly words: string[];
  private readonly next = new Map<string, string[]>();
  private readonly starts: string[];

  constructor(texts: string[]) {
    this.words = texts.join(' ').split(/\s+/).filter(Boolean);
    for (let i = 0; i + 1 < this.words.length; i++) {
      const w = this.words[i] as string;
      const list = this.next.get(w);
      if (list) list.push(this.words[i + 1] as string);
      else this.next.set(w, [this.words[i + 1] as string]);
    }
    this.starts = this.words.filter((w, i) => i > 0 && /[.!?]$/.test(this.words[i - 1] as string) && /^\p{Lu}/u.test(w));
  }

  /** A paragraph of about `n` words. */
  paragraph(n: number, random: () => number): string {
    const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)] as T;
    const out: string[] = [];
    let w = pick(this.starts);
    while (out.length < n || !/[.!?]$/.test(out[out.length - 1] as string)) {
      out.push(w);
      if (out.length > n * 2) break;
      const options = this.next.get(w);
      // Jump now and then, so generated articles do not repeat the training text.
      w = options && random() > 0.5 ? pick(options) : pick(this.words);
    }
    return out.join(' ');
  }

  article(random: () => number): string {
    const paragraphs: string[] = [];
    let length = 0;
    while (length < 3000) {
      const p = this.paragraph(30 + Math.floor(random() * 60), random);
      paragraphs.push(p);
      length += p.length + 2;
    }
    return paragraphs.join('\n\n');
  }
}

export interface CorpusStats {
  articles: number;
  copies: number;
  bytes: number;
}

/** Writes the corpus to `path`; keeps only a window of recent articles in memory. */
export async function writeCorpus(path: string, options: CorpusOptions): Promise<CorpusStats> {
  const random = rng(options.seed);
  const model = new BigramModel(options.bodies);
  const vocabulary = [...new Set(options.bodies.join(' ').toLowerCase().split(/[^\p{L}]+/u).filter((w) => w.length > 3))];
  const recent: string[] = [];
  const out = createWriteStream(path);
  const stats: CorpusStats = { articles: 0, copies: 0, bytes: 0 };
  const start = Date.UTC(2024, 0, 1);
  for (let k = 0; k < options.size; k++) {
    let text: string;
    if (recent.length > 10 && random() < options.copies) {
      const source = recent[Math.floor(random() * recent.length)] as string;
      const how = random();
      text =
        how < 0.4
          ? `${source}\n\nFollow us on Telegram for more news.`
          : how < 0.7
            ? spin(source, 0.3, vocabulary, random)
            : `${model.paragraph(60, random)}\n\n${source.split('\n\n').slice(1, 3).join('\n\n')}\n\n${model.paragraph(60, random)}`;
      stats.copies++;
    } else {
      text = model.article(random);
      recent.push(text);
      if (recent.length > 2000) recent.splice(0, 1000);
    }
    const line = `${JSON.stringify({
      url: `https://site${k % 997}.example/a/${k}`,
      title: `Article ${k}`,
      published: new Date(start + k * 60_000).toISOString(),
      text,
    })}\n`;
    stats.bytes += Buffer.byteLength(line);
    stats.articles++;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return stats;
}
