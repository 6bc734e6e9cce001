import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareDates, parsePublished } from '../src/text/dates.js';
import { findQuotations } from '../src/text/quotes.js';
import { FLAG_FUNCTION, FLAG_QUOTED, lineSpans, tokenize } from '../src/text/tokenize.js';
import { fixtureText } from './_helpers.js';

const words = (text: string): string[] => {
  const t = tokenize(text);
  return Array.from({ length: t.count }, (_, i) => text.slice(t.begin[i], t.end[i]));
};

describe('tokenize', () => {
  it('splits words at anything but letters and digits, with offsets into the text', () => {
    const text = 'Reuters — It’s 3.5% up; state-run media said.';
    assert.deepEqual(words(text), ['Reuters', 'It', 's', '3', '5', 'up', 'state', 'run', 'media', 'said']);
  });

  it('makes each character of a spaceless script a word, and keeps combining marks in words', () => {
    assert.deepEqual(words('東京は晴れ'), ['東', '京', 'は', '晴', 'れ']);
    assert.deepEqual(words('ภาษาไทย'), ['ภ', 'า', 'ษ', 'า', 'ไ', 'ท', 'ย']);
    assert.deepEqual(words('नमस्ते दुनिया'), ['नमस्ते', 'दुनिया']);
    assert.equal(tokenize(fixtureText('zh.txt')).count > 1000, true);
  });

  it('hashes words case-insensitively, also where lowercasing changes the length', () => {
    const t = tokenize('İstanbul istanbul WORD word');
    assert.equal(t.hash[2], t.hash[3]);
    assert.equal(t.count, 4);
    assert.equal(t.text.slice(t.begin[1], t.end[1]), 'istanbul');
  });

  it('gives Urdu the same units whether or not a space follows a non-joining letter', () => {
    // "the chief minister's nephew shot himself": spaced as one newspaper and as the agency wrote it
    const hashes = (text: string): number[] => Array.from(tokenize(text).hash);
    assert.deepEqual(hashes('کردیا'), hashes('کر دیا'));
    assert.deepEqual(hashes('خود کوزخمی کردیاجسے'), hashes('خود کو زخمی کر دیا جسے'));
    assert.deepEqual(words('ہوگیا'), ['ہو', 'گیا']);
    // a joining letter before a space is a real word end; without the space the letters join
    assert.notDeepEqual(hashes('تشویشناک'), hashes('تشویش ناک'));
    // Arabic and Urdu keyboards' yeh and kaf are one letter
    assert.deepEqual(hashes('\u0643\u064A'), hashes('\u06A9\u06CC'));
    // Urdu function words that stay one unit are still function words
    assert.equal((tokenize('میں').flags[0] as number) & FLAG_FUNCTION, FLAG_FUNCTION);
  });

  it('reads a word with invisible characters in it (soft hyphens, zero-width spaces and joiners) as the word', () => {
    const hashes = (text: string): number[] => Array.from(tokenize(text).hash);
    // "Mit&shy;tel&shy;al&shy;ter", and a copy with zero-width spaces put inside its words so that they match nothing
    assert.deepEqual(hashes('Mit\u00adtel\u00adal\u00adter im Tal'), hashes('Mittelalter im Tal'));
    assert.deepEqual(hashes('The mi\u200bnister re\u2060signed\ufeff today'), hashes('The minister resigned today'));
    assert.deepEqual(words('\u200bword\u200b \u00ad'), ['word\u200b']);
    // Malayalam: a zero-width joiner inside a word keeps it one word
    assert.equal(tokenize('\u0D28\u0D4D\u200D\u0D28').count, 1);
    // the zero-width non-joiner parts a Persian word as a space does
    assert.deepEqual(hashes('\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645'), hashes('\u0645\u06CC \u062E\u0648\u0627\u0647\u0645'));
  });

  it('flags function words and quoted words', () => {
    const t = tokenize('The minister said: “We will not sit on our hands.” Then he left.');
    const flagged = (flag: number): string[] =>
      Array.from({ length: t.count }, (_, i) => i).filter((i) => (t.flags[i] as number) & flag).map((i) => t.text.slice(t.begin[i], t.end[i]));
    assert.deepEqual(flagged(FLAG_QUOTED), ['We', 'will', 'not', 'sit', 'on', 'our', 'hands']);
    assert.ok(flagged(FLAG_FUNCTION).includes('The'));
    assert.ok(!flagged(FLAG_FUNCTION).includes('minister'));
  });

  it('finds lines, trimmed', () => {
    assert.deepEqual(lineSpans(' a\n\n  b c \n'), [
      { begin: 1, end: 2 },
      { begin: 6, end: 9 },
    ]);
  });
});

describe('findQuotations', () => {
  const quoted = (text: string): string[] => findQuotations(text).map((s) => text.slice(s.begin, s.end));

  it('handles the common quotation styles', () => {
    assert.deepEqual(quoted('He said “one two” and "three four" then «cinq six» and „sieben acht“ and 「九十」.'), [
      'one two',
      'three four',
      'cinq six',
      'sieben acht',
      '九十',
    ]);
  });

  it('does not take apostrophes for quotation marks', () => {
    assert.deepEqual(quoted('It’s the company’s view, ‘quite clearly’ so.'), ['quite clearly']);
  });

  it('follows a quotation over paragraphs that reopen it, and drops one never closed', () => {
    const text = '“First part of it\n\n“second part.”\n\nAn “unclosed one\n\nNext paragraph.';
    assert.deepEqual(quoted(text), ['First part of it\n\n“second part.']);
  });
});

describe('dates', () => {
  it('keeps the precision it was given', () => {
    assert.equal(parsePublished('2024-05-06')?.precision, 'day');
    assert.equal(parsePublished('2024-05')?.precision, 'month');
    assert.equal(parsePublished('2024-05-06T10:20')?.precision, 'minute');
    assert.equal(parsePublished('2024-05-06T10:20:30+02:00')?.iso, '2024-05-06T10:20:30+02:00');
    assert.equal(parsePublished('Tue, 10 Jun 2003 04:00:00 GMT')?.iso, '2003-06-10T04:00:00Z');
    assert.equal(parsePublished('2014-09-31'), null);
    assert.equal(parsePublished('yesterday'), null);
  });

  it('compares at the coarser precision of the two', () => {
    const d = (s: string) => parsePublished(s)!;
    assert.equal(compareDates(d('2024-05-06'), d('2024-05-06T23:00Z')), 0);
    assert.equal(compareDates(d('2024-05-05'), d('2024-05-06T01:00Z')), -1);
    assert.equal(compareDates(d('2024-05-06T10:00Z'), d('2024-05-06T12:00+02:00')), 0);
    assert.equal(compareDates(d('2024-05-06T10:00Z'), d('2024-05-06T10:01Z')), -1);
    assert.equal(compareDates(d('2024'), d('2023-12-31')), 1);
  });
});
