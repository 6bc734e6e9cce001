import { NewstraceError } from '../errors.js';
import type { ArticleInput } from '../types.js';

const KNOWN = new Set(['url', 'text', 'html', 'title', 'site', 'published', 'author', 'language']);

/** Turns one parsed JSON value into an article input, or throws BAD_INPUT naming `where`. */
export function toArticleInput(value: unknown, where: string): ArticleInput {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new NewstraceError('BAD_INPUT', 'expected a JSON object with "url" and "text" or "html"', { where });
  }
  const record = value as Record<string, unknown>;
  const input: ArticleInput = { url: '' };
  const meta: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(record)) {
    if (!KNOWN.has(key)) {
      meta[key] = field;
      continue;
    }
    if (field === null || field === undefined) continue;
    if (typeof field !== 'string') {
      throw new NewstraceError('BAD_INPUT', `"${key}" must be a string, not ${typeof field}`, { where });
    }
    (input as unknown as Record<string, string>)[key] = field;
  }
  if (!input.url.trim()) throw new NewstraceError('BAD_INPUT', 'missing "url"', { where });
  if (!input.text?.trim() && !input.html?.trim()) {
    throw new NewstraceError('BAD_INPUT', 'missing "text" or "html"', { where });
  }
  if (Object.keys(meta).length > 0) input.meta = meta;
  return input;
}
