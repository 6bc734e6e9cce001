/**
 * Who is quoted, which sources an article cites, and which unnamed sources
 * it leans on. Quotation marks are read in every common style, whatever the
 * language; attributions (speakers, citations, anonymous sources) are read
 * with English phrasings ("said", "told", "according to").
 */

import { countWords, firstSentenceEnd, lastSentenceStart, paragraphsOf, type Span } from './text.js';
import { LINE_NAME, NAME, NOT_NAMES, TITLES, UNNAMED, fullName, lazyMentions, personPart, surnameOf, type Mention } from './names.js';
import { findCitations } from './citations.js';

export { findCitations };

export interface Quote {
  /** The quoted words, without the quotation marks (paragraph breaks kept, reopening marks dropped). */
  text: string;
  begin: number;
  end: number;
  /** The fullest name the article uses for the speaker, or null when it names none. */
  speaker: string | null;
  /** The mention of the speaker in the attribution itself (which may be "she" or a surname). */
  speakerBegin: number | null;
  speakerEnd: number | null;
  /** What the article says the speaker is ("a spokeswoman for the ministry"). */
  role: string | null;
}

export type CitationKind = 'outlet' | 'organisation' | 'person' | 'document' | 'self';

export interface Citation {
  name: string;
  kind: CitationKind;
  begin: number;
  end: number;
}

export interface AnonymousSource {
  text: string;
  begin: number;
  end: number;
}

export interface Attribution {
  quotes: Quote[];
  citations: Citation[];
  anonymous: AnonymousSource[];
}

/**
 * The version of these rules. Attributions kept in a store carry it; one
 * kept under another version is read again when asked for. Raise it with
 * any change to what the rules find.
 */
export const ATTRIBUTION_VERSION = 7;

/** Opening marks and the marks that may close them. */
const PAIRS: Record<string, string> = {
  // pages mix their marks: “… skull," closes with a straight one
  '“': '”"',
  '„': '“”',
  '«': '»',
  '‹': '›',
  '「': '」',
  '『': '』',
  '"': '"”',
  '‘': '’',
  '‚': '‘’',
};

const MIN_QUOTE_WORDS = 3;
/** Every word capitalised but the small ones inside ("Once Upon A Time in Hollywood"): a title. */
const TITLE_CASE = /^[\p{Lu}\p{N}][\p{L}\p{N}'’:-]*(?:[\s,]+(?:(?:a|an|the|and|or|of|in|on|at|to|for|with|from|by|that|as|de|la|le|und|der|die)[\s,]+)*[\p{Lu}\p{N}][\p{L}\p{N}'’:-]*)*[.,!?]?$/u;

/** What stands before a term set apart in quotation marks: an article or a preposition. */
const TERM_BEFORE = /(?:^|[\s(])(?:a|an|the|of|or|and|into|about|on)\s+$/i;
/** Words that introduce the name or title of something. */
const NAMED_AS = /\b(?:titled|entitled|called|named|dubbed|headlined|nicknamed|known as|the name of|the term|the phrase|the slogan|the hashtag|(?:her|his|their|its|the|a|new|latest) (?:book|novel|film|movie|album|song|play|series|documentary|essay|poem))\s*,?\s*$/i;

/** A paragraph shorter than this between two quotations is taken for a caption. */
const CAPTION_CHARS = 160;

/** Whether a single quotation mark at `i` opens a quotation rather than being an apostrophe. */
function opensSingle(text: string, i: number): boolean {
  const before = i === 0 ? ' ' : (text[i - 1] as string);
  return /[\s(\[—–-]/u.test(before) && /[\p{L}\p{N}]/u.test(text[i + 1] ?? '');
}

function closesSingle(text: string, i: number): boolean {
  const after = text[i + 1] ?? ' ';
  return !/[\p{L}]/u.test(after);
}

/** Every character that opens or closes a quotation. */
const MARKS = /["“”„«»‹›「」『』‘’‚]/g;

/** Quotations by their marks, with multi-paragraph quotations joined. */
function findQuotations(text: string): Array<{ parts: Span[]; open: number; close: number }> {
  const paras = paragraphsOf(text);
  const out: Array<{ parts: Span[]; open: number; close: number }> = [];
  let pending: { parts: Span[]; open: number; opener: string } | null = null;
  for (const p of paras) {
    let i = p.begin;
    // a quotation left open at the end of the paragraph before goes on when this one reopens it
    if (pending) {
      while (i < p.end && /\s/.test(text[i] as string)) i++;
      if (text[i] === pending.opener || (pending.opener === '“' && text[i] === '"') || (pending.opener === '"' && text[i] === '“')) {
        i++;
      } else pending = null;
    }
    let open: { at: number; opener: string; parts: Span[]; first: number } | null = pending
      ? { at: i, opener: pending.opener, parts: pending.parts, first: pending.open }
      : null;
    pending = null;
    for (; i < p.end; i++) {
      // straight to the next quotation mark (nothing else opens or closes a quotation)
      MARKS.lastIndex = i;
      const next = MARKS.exec(text);
      if (!next || next.index >= p.end) break;
      i = next.index;
      const c = text[i] as string;
      if (open) {
        const closers = PAIRS[open.opener] as string;
        const isClose =
          closers.includes(c) &&
          (c !== '’' || closesSingle(text, i)) &&
          !(c === '‘' && open.opener === '‘') &&
          // a straight mark after a space opens (a quotation inside), it does not close one opened by a curly mark
          !(c === '"' && open.opener !== '"' && /\s/.test(text[i - 1] ?? ' '));
        if (isClose) {
          out.push({ parts: [...open.parts, { begin: open.at, end: i }], open: open.first, close: i });
          open = null;
        }
        continue;
      }
      if (PAIRS[c] === undefined) continue;
      if ((c === '‘' || c === '‚') && !opensSingle(text, i)) continue;
      if (c === '"' && i > p.begin && /[\p{L}\p{N}]/u.test(text[i - 1] as string)) continue;
      open = { at: i + 1, opener: c, parts: [], first: i };
    }
    if (open) pending = { parts: [...open.parts, { begin: open.at, end: p.end }], open: open.first, opener: open.opener };
  }
  return out;
}

const VERBS =
  'said|says|say|told|tells|added|adds|explained|explains|stated|states|wrote|writes|noted|notes|asked|asks|replied|insisted|argued|argues|warned|warns|claimed|claims|continued|recalled|declared|announced|tweeted|posted|commented|acknowledged|admitted|observed|suggested|concluded|cautioned|emphasized|emphasised|stressed|responded|confirmed|maintained|predicted|recounted|remarked|shouted|testified|urged|wondered|quipped|joked|laughed|sighed|smiled|replied|answered|told|boasted|conceded|complained|lamented|pointed out|went on|accused|estimated|estimates|pledged|promised|vowed|countered|summed up|disclosed|called|described|indicated|reported|reports|remembers|remembered|recalls|instructed|explains';
const PRONOUN = String.raw`(?:he|she|they|it|He|She|They|It)`;
/** After a quotation: `, she said`, `," said John Smith, a spokesman for X`, `," Smith told reporters`. */
const AFTER = new RegExp(
  String.raw`^[,.!?;:…]?\s*[,]?\s*(?:(?<r0>(?:her|his|their|its|the)\s[\p{Ll} -]{2,40}),\s+(?<s0>${NAME}),\s+(?:${VERBS})\b|(?<s1>${NAME}|${PRONOUN})(?<r1>,\s+(?:a|an|the)\s[^,.;"“”]{2,90},)?\s+(?:(?:himself|herself|themselves|itself|also|later)\s+)?(?:${VERBS})\b|(?:${VERBS})\s+(?<r3>(?!(?:in|on|at|by|during|since|until|from|to|after|before|last|this|next)\s)(?:[\p{Ll}-]+\s+){1,4})?(?<s2>${NAME}|${PRONOUN})(?<r2>,\s+(?:a|an|the|who)\s[^.;"“”]{2,90})?|[Aa]ccording to\s+(?:the\s+)?(?<s3>${NAME}))`,
  'u',
);

/** Before a quotation: `John Smith said: "`, `she added, "`, `According to Smith, "`, `Smith, a spokesman, said "`. */
const BEFORE = new RegExp(
  String.raw`(?:(?<s1>${NAME}|${PRONOUN})(?<r1>,\s+[^,.;"“”]{2,90},)?\s+(?:(?:himself|herself|themselves|itself|also|later)\s+)?(?:${VERBS})(?:\s+(?:reporters|journalists|the [\p{L} ]{2,30}|[\p{Lu}][\p{L}]+))?|[Aa]ccording to\s+(?:the\s+)?(?<s3>${NAME}))\s*[:,]?\s*$`,
  'u',
);

/** What resolving a speaker needs: the people named, and the last speaker (for "he said"). */
interface Context {
  text: string;
  names: () => Mention[];
  last: { speaker: string; at: number } | null;
  /** Where the quotations are (open mark to close mark): names inside them are not the speaker's. */
  quoted: Span[];
}

/** An organisation's name: capitalised words with one that names a body (Agency, Ministry, Police …). */
const ORG_NAME = /\b(?:[Tt]he\s+)?(?:[A-Z][\w'’&.-]*\s+){0,5}(?:Agency|Ministry|Department|Office|Council|Committee|Commission|Company|Corporation|Bank|University|Government|Police|Court|Union|Association|Party|Organi[sz]ation|Institute|Foundation|Authority|Board|Service|Army|Navy|Embassy|Fund|Group|Inc|Ltd|police)\b(?:\s+(?:of|for)\s+(?:[A-Z][\w'’-]*\s*){1,4})?/g;

/** Whether a mention is the subject or object of a speech verb ("Smith said", "said Smith", "told Smith"). */
function speaking(text: string, n: Mention): boolean {
  const after = text.slice(n.begin + n.name.length, n.begin + n.name.length + 60);
  const before = text.slice(Math.max(0, n.begin - 20), n.begin);
  return SPEECH_AFTER.test(after) || SPEECH_BEFORE.test(before) || SENTENCE_START.test(before);
}
/** What comes before a name that opens its sentence (a subject, as "Fiona Parry issued a plea"). */
const SENTENCE_START = /(?:^|[.!?]["”’]?\s+|\n\s*)(?:[\p{Lu}][\p{Ll}]+\.?\s+)?$/u;
const SPEECH_AFTER = new RegExp(String.raw`^(?:,[^,]{0,50},)?\s+(?:has\s+|had\s+|also\s+)?(?:${VERBS})\b`);
const SPEECH_BEFORE = new RegExp(String.raw`\b(?:${VERBS})\s+$`);
const VERB = new RegExp(`(?:${VERBS})`);
const VERB_LEAD = new RegExp(String.raw`^(?:${VERBS})\s+`);

/** Characters after which "he" or "she" no longer refers to the last speaker but to the last person named. */
const PRONOUN_REACH = 1500;

function resolveSpeaker(mention: string, at: number, ctx: Context): string | null {
  if (/^it$/i.test(mention)) {
    // "it said": the last organisation named
    let org: string | null = null;
    for (const m of ctx.text.slice(0, at).matchAll(ORG_NAME)) org = (m[0] as string).replace(/^the\s+/i, '');
    return org;
  }
  if (/^(he|she|they)$/i.test(mention)) {
    // the last speaker, unless someone was named as speaking after them ("said Tom Forte, who …"); places and
    // organisations named in between do not count
    let last: Mention | null = null;
    let lastSpeaking: Mention | null = null;
    for (const n of ctx.names()) {
      if (n.begin >= at) break;
      last = n;
      if (speaking(ctx.text, n)) lastSpeaking = n;
    }
    // the first person named in the pronoun's own paragraph, outside quotation marks and after the last speaker
    // ("… was 25-year-old Nesma Hajjaj, who … “I am from Gaza City,” she said")
    const paragraph = ctx.text.lastIndexOf('\n', at) + 1;
    const outside = (n: Mention): boolean => (!ctx.last || n.begin > ctx.last.at) && !ctx.quoted.some((s) => n.begin > s.begin && n.begin < s.end);
    // (someone the text also calls by surname alone before a place named first: "Asked about the aid that entered
    // the Gaza Strip …, Al-Hams sighed. “…,” he said")
    const inParagraph = ctx.names().filter((n) => n.begin >= paragraph && n.begin < at && outside(n));
    const byName = inParagraph.length > 1 ? inParagraph.find((n) => !n.name.includes(' ') && /\s/.test(fullName(n.name, n.begin, ctx.names()))) : undefined;
    const here = byName ?? inParagraph[0];
    if (here) return fullName(here.name, here.begin, ctx.names());
    // a pronoun opening its paragraph, after a paragraph about someone named since the last speaker ("When Afghan
    // President Ashraf Ghani first announced …, he said …" / "He also said …"): that person, named first there
    if (/^\s*$/.test(ctx.text.slice(paragraph, at))) {
      const previous = ctx.text.lastIndexOf('\n', ctx.text.slice(0, paragraph).trimEnd().length - 1) + 1;
      const there = ctx.names().find((n) => n.begin >= previous && n.begin < paragraph && n.name.includes(' ') && outside(n));
      if (there) return fullName(there.name, there.begin, ctx.names());
    }
    if (ctx.last && at - ctx.last.at < PRONOUN_REACH && (!lastSpeaking || lastSpeaking.begin < ctx.last.at)) return ctx.last.speaker;
    // with no one speaking yet: the last name that is someone's (referred to by surname alone, as people are, and
    // places are not), else none
    let person: Mention | null = null;
    if (!lastSpeaking && ctx.last === null) {
      const alone = new Set(ctx.names().filter((n) => !n.name.includes(' ')).map((n) => n.name));
      for (const n of ctx.names()) {
        if (n.begin >= at) break;
        if (alone.has(surnameOf(n.name))) person = n;
      }
    }
    const who = lastSpeaking ?? person;
    return who ? fullName(who.name, who.begin, ctx.names()) : null;
  }
  return fullName(mention, at, ctx.names());
}

/** The quotations of a text, each with its speaker and role when the text gives them. */
export function findQuotes(text: string, people: () => Mention[] = lazyMentions(text)): Quote[] {
  const quotes: Quote[] = [];
  const found = findQuotations(text);
  const ctx: Context = { text, names: people, last: null, quoted: found.map((q) => ({ begin: q.open, end: q.close })) };
  let previous: { quote: Quote } | null = null;
  for (const q of found) {
    const first = q.parts[0] as Span;
    const last = q.parts[q.parts.length - 1] as Span;
    const inner = q.parts.map((p) => text.slice(p.begin, p.end).trim());
    // a comma just inside the closing mark belongs to the sentence around the quotation
    const joined = inner.join('\n\n').replace(/,$/, '');
    const words = countWords(joined);
    if (words < MIN_QUOTE_WORDS) {
      // too short to count ("“I’m not,” Mr. Dejesus said. “It’s …”"), but its speaker goes on to the next quotation
      const short: Quote = { text: joined, begin: first.begin, end: last.end, speaker: null, speakerBegin: null, speakerEnd: null, role: null };
      if (!attribute(text, q, short, ctx) && short.speaker) previous = { quote: short };
      continue;
    }
    // "Super Mario Run": a short quotation in which every word is capitalised is a title, not speech
    if ((words <= 8 || (words <= 16 && joined.includes(':'))) && TITLE_CASE.test(joined.trim())) continue;
    // "the paper titled “The importance of …”", "a tool called “God View”": a name, not speech
    if (NAMED_AS.test(text.slice(Math.max(0, q.open - 30), q.open))) continue;
    // offsets of the words themselves, without white space just inside the marks
    const lead = text.slice(first.begin, first.end).length - text.slice(first.begin, first.end).trimStart().length;
    const trail = text.slice(last.begin, last.end).length - text.slice(last.begin, last.end).trimEnd().length;
    const end = last.end - trail - (inner[inner.length - 1]?.endsWith(',') ? 1 : 0);
    const quote: Quote = { text: joined, begin: first.begin + lead, end, speaker: null, speakerBegin: null, speakerEnd: null, role: null };
    const unnamed = attribute(text, q, quote, ctx);
    const paragraph = text.lastIndexOf('\n\n', q.open);
    if (!quote.speaker && !unnamed && previous?.quote.speaker) {
      // a quotation split by its attribution, one more in the same paragraph, or one opening the paragraph right
      // after a quoted one: the same speaker
      const between = text.slice(previous.quote.end, quote.begin);
      const split = between.length <= 80 && !between.includes('\n') && !/[.!?]\s*$/.test(between.replace(/["”“’»]/g, '').trim());
      const gaps = between.split(/\n\s*\n/);
      const paragraphs = gaps.length - 1;
      // paragraphs between that are short (a photo caption) do not break the run of quotations
      const captionsOnly = gaps.slice(1, -1).every((g) => g.trim().length < CAPTION_CHARS);
      const opensNext = paragraphs >= 1 && captionsOnly && !text.slice(paragraph + 2, q.open).trim();
      if (split || paragraphs === 0 || opensNext) {
        quote.speaker = previous.quote.speaker;
        quote.role = split ? previous.quote.role : null;
        quote.speakerBegin = previous.quote.speakerBegin;
        quote.speakerEnd = previous.quote.speakerEnd;
      }
    }
    // "a “rural brain drain”", "the “sharing economy”": a short phrase in quotation marks after an article or a
    // preposition, attributed to no one, is a term being set apart, not speech
    if (!quote.speaker && !unnamed && words <= 4 && !/[.!?]/.test(quote.text) && TERM_BEFORE.test(text.slice(Math.max(0, q.open - 12), q.open))) continue;
    if (quote.speaker) ctx.last = { speaker: quote.speaker, at: quote.end };
    previous = { quote };
    quotes.push(quote);
  }
  return withoutPullQuotes(text, quotes);
}

/**
 * Without pull quotes: a paragraph that is only a quotation whose words the
 * article gives again inside another quotation is display text repeating
 * it, not a quotation of its own.
 */
function withoutPullQuotes(text: string, quotes: Quote[]): Quote[] {
  const words = (s: string): string => ` ${s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
  return quotes.filter((q) => {
    const begin = text.lastIndexOf('\n', q.begin) + 1;
    const stop = text.indexOf('\n', q.end);
    const paragraph = text.slice(begin, stop < 0 ? text.length : stop);
    if (!/^\s*["“”„«‘’‚]/.test(paragraph) || !/["“”»’‘]\s*$/.test(paragraph) || paragraph.length > q.text.length + 6) return true;
    const own = words(q.text);
    return !quotes.some((other) => other !== q && other.text.length > q.text.length && words(other.text).includes(own));
  });
}

/** The speaker of a quotation: right after it, right before it, then anywhere in its sentence. */
function attribute(text: string, q: { open: number; close: number }, quote: Quote, ctx: Context): boolean {
  // "After trust member Peggy Bell asked last week “Why …?”": a speaker just before the mark, in the same sentence
  const head = text.slice(Math.max(text.lastIndexOf('\n', q.open - 1) + 1, q.open - 160), q.open);
  const lead = (VERB_LEADS_IN.test(head) ? LEADS_IN.exec(head) : null) ?? IN_WORDS.exec(head);
  if (lead?.groups?.['who'] && firstSentenceEnd(head.slice(lead.index)) < 0) {
    setSpeaker(quote, lead.groups['who'], q.open - head.length + lead.index + lead[0].indexOf(lead.groups['who']), ctx, '');
    return false;
  }
  const lineEnd = text.indexOf('\n', q.close);
  const after = text.slice(q.close + 1, lineEnd < 0 ? q.close + 300 : Math.min(lineEnd, q.close + 300));
  const m = AFTER.exec(after);
  if (m?.groups) {
    const g = m.groups;
    let who = g['s0'] ?? g['s1'] ?? g['s2'] ?? g['s3'];
    if (g['s2'] && who) {
      const verbAt = q.close + 1 + (m.index ?? 0) + m[0].search(VERB);
      const clause = text.slice(verbAt, verbAt + 120).split(/[,.;\n]/)[0] as string;
      // "said one GOP operative", "said a dispatcher on Broadcastify police scanner": a description, no one named
      if (/^(?:a|an|one|another|two|three|several|some)\s/i.test(g['r3'] ?? '') && (/\s(?:on|of|at|for|from|with|in)\s*$/.test(g['r3'] ?? '') || new RegExp(`^${who.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+[\\p{Ll}]`, 'u').test(clause.slice(clause.indexOf(who))))) {
        quote.role = clause.replace(VERB_LEAD, '').trim() || null;
        return true;
      }
      // "noted Maryland-based product liability lawyer Jim Dunham": the person named in the clause, past the words
      // that describe them
      const named = ctx.names().find((n) => n.begin > verbAt && n.begin < verbAt + clause.length);
      if (named && !ctx.names().some((n) => n.begin === verbAt + clause.indexOf(who))) {
        setSpeaker(quote, named.name, named.begin, ctx, text.slice(verbAt, named.begin).replace(VERB_LEAD, '').trim());
        return false;
      }
    }
    if (who) {
      const offset = q.close + 1 + (m.index ?? 0) + (m[0].indexOf(who, g['s2'] ? m[0].search(VERB) : 0));
      setSpeaker(quote, who, offset, ctx, (g['r0'] ?? g['r1'] ?? g['r2'] ?? g['r3'] ?? '').replace(/^,\s*|,$/g, '').trim());
      return false;
    }
  }
  // "…,” said a dispatcher on the county radio channel": attributed, but to no one named
  const described = UNNAMED_AFTER.exec(after);
  if (described) {
    quote.role = (firstSentenceEnd(after) < 0 ? after : after.slice(0, firstSentenceEnd(after))).slice(described[0].length - (described[1] as string).length).trim() || null;
    return true;
  }
  const someone = UNNAMED_SAYS.exec(after);
  if (someone) {
    quote.role = (someone[1] as string).trim();
    return true;
  }
  // the sentence before the quotation (and the paragraph before, when the quotation opens its paragraph after a colon)
  let from = text.lastIndexOf('\n', q.open - 1) + 1;
  let before = text.slice(from, q.open);
  if (!before.trim()) {
    const prev = text.slice(0, from).trimEnd();
    if (prev.endsWith(':')) {
      from = text.lastIndexOf('\n', prev.length - 1) + 1;
      before = prev.slice(from);
    }
  }
  const sentenceStart = lastSentenceStart(before);
  const sentence = sentenceStart >= 0 ? before.slice(sentenceStart) : before;
  const base = from + (sentenceStart >= 0 ? sentenceStart : 0);
  const b = BEFORE.exec(sentence);
  if (b?.groups) {
    const who = b.groups['s1'] ?? b.groups['s3'];
    if (who) {
      setSpeaker(quote, who, base + (b.index ?? 0) + b[0].indexOf(who), ctx, (b.groups['r1'] ?? '').replace(/^,\s*|,$/g, '').trim());
      return false;
    }
  }
  // a quotation inside a sentence: "X has admitted that his failure to pass "…" …", "… "…" are to blame, according to X"
  // (the last 300 characters of a long sentence are enough to find its last speaker)
  let inside: RegExpExecArray | null = null;
  const cut = Math.max(0, sentence.length - 300);
  for (const s of sentence.slice(cut).matchAll(SPEAKS)) inside = s;
  if (inside?.groups?.['who']) {
    setSpeaker(quote, inside.groups['who'], base + cut + (inside.index ?? 0) + inside[0].indexOf(inside.groups['who']), ctx, '');
    return false;
  }
  // "Rachid Ghannouchi condemned the attack, saying in a statement that it “…”", "De Miranda evokes it in his
  // introduction: “…”": the person the sentence is about, named at its start
  if (/,\s+saying\b[^"“”]*$|:\s*$/.test(sentence)) {
    const subject = ctx.names().find(
      (n) =>
        n.begin >= base &&
        n.begin < base + 60 &&
        n.begin < q.open &&
        !UNNAMED.has(n.name.split(' ')[0] as string) &&
        !ctx.quoted.some((s) => n.begin > s.begin && n.begin < s.end) &&
        !/[,.;]\s/.test(text.slice(base, n.begin).replace(/^[^,]*,\s/, '')),
    );
    if (subject) {
      setSpeaker(quote, subject.name, subject.begin, ctx, '');
      return false;
    }
  }
  const sentenceEnd = firstSentenceEnd(after);
  const rest = sentenceEnd < 0 ? after : after.slice(0, sentenceEnd);
  const later = SPEAKS.exec(rest) ?? ACCORDING.exec(rest) ?? SAID_BY.exec(rest);
  SPEAKS.lastIndex = 0;
  if (later?.groups?.['who']) {
    setSpeaker(quote, later.groups['who'], q.close + 1 + (later.index ?? 0) + later[0].lastIndexOf(later.groups['who']), ctx, '');
    return false;
  }
  // a quotation opening a sentence with no attribution of its own, after a sentence of reported speech in the same
  // paragraph ("…, Mr. Barrios said. “The service …”"): that sentence's speaker
  if (!sentence.trim() && sentenceStart >= 0) {
    const previous = before.slice(0, sentenceStart).trimEnd().slice(0, -1);
    const start = lastSentenceStart(previous);
    const prior = start >= 0 ? previous.slice(start) : previous;
    if (!/["“”«»]/.test(prior)) {
      let said: RegExpExecArray | null = null;
      for (const s of prior.matchAll(SPEAKS)) said = s;
      if (said?.groups?.['who']) setSpeaker(quote, said.groups['who'], from + (start >= 0 ? start : 0) + (said.index ?? 0) + said[0].indexOf(said.groups['who']), ctx, '');
    }
  }
  return false;
}

/** "X said", "X has admitted", "she told": a speaker anywhere in a sentence. */
const SPEAKS = new RegExp(String.raw`(?<![\p{L}])(?<who>${LINE_NAME}|he|she|they)(?:,[^,\n"“”]{2,90},)?\s+(?:(?:has|had|have|also|later|once|then|himself|herself|last\s+(?:week|month|year)|on\s+[\p{Lu}][\p{Ll}]+day|[\p{Ll}]+ly)\s+){0,2}(?:${VERBS})\b`, 'gu');
/** "…,” said a dispatcher on …": a speech verb and a description of someone unnamed. */
const UNNAMED_AFTER = new RegExp(String.raw`^[,.!?;:…]?\s*(?:${VERBS})\s+((?:a|an|one|another|two|three|several|some)\s+[\p{Ll}])`, 'u');
/** "…,” one Weibo commenter said": someone unnamed, then the verb. */
const UNNAMED_SAYS = new RegExp(String.raw`^[,.!?;:…]?\s*((?:a|an|one|another|two|three|several|some)\s+(?:[\p{L}-]+\s+){0,3}?)(?:${VERBS})\b`, 'u');
/** "Peggy Bell asked last week “": a name and a speech verb right before a quotation mark. */
const LEADS_IN = new RegExp(String.raw`(?<![\p{L}])(?<who>${LINE_NAME})\s+(?:(?:also|then|later|once)\s+)?(?:${VERBS})(?:\s+[\p{Ll}]+){0,3}\s*,?\s*$`, 'u');
/** "In Dr. Shadlen’s words, “": whose words follow. */
const IN_WORDS = new RegExp(String.raw`\b[Ii]n\s+(?<who>${LINE_NAME})['’]s?\s+(?:own\s+)?words,?\s*$`, 'u');
/** What LEADS_IN ends with, tested first (a pattern led by a verb is quicker to try). */
const VERB_LEADS_IN = new RegExp(String.raw`\b(?:${VERBS})(?:\s+[\p{Ll}]+){0,3}\s*,?\s*$`, 'u');
/** "…, says Jennifer Johnson, a spokesperson": the verb before the name, later in the sentence. */
const SAID_BY = new RegExp(String.raw`(?:^|[,;—–]\s*)(?:${VERBS})\s+(?<who>${LINE_NAME})`, 'u');

const ACCORDING = new RegExp(String.raw`according to\s+(?:the\s+)?(?<who>(?:[\p{Lu}][\p{L}'’-]+)(?:\s+(?:of\s+)?[\p{Lu}][\p{L}'’-]+){0,5})`, 'u');

/** Months and days: capitalised, and never anyone's name. */
const CALENDAR = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

function setSpeaker(quote: Quote, who: string, at: number, ctx: Context, role: string): void {
  let mention = who.replace(/['’]s$/, '');
  // "Others described it as …": a group, no one named; "… in October": a date
  if (UNNAMED.has(mention) || CALENDAR.test(mention)) return;
  // "Because Judge Montoya-Lewis", "As Montoya-Lewis": a sentence's opening word is no part of the name
  const words = mention.split(/\s+/);
  while (words.length > 1 && NOT_NAMES.has(words[0] as string) && !TITLES.test(`${words[0]} x`)) {
    at += (words[0] as string).length + (mention.slice((words[0] as string).length).length - mention.slice((words[0] as string).length).trimStart().length);
    mention = mention.slice((words[0] as string).length).trimStart();
    words.shift();
  }
  // "ACLU's Jay Stanley": what the person belongs to is no part of the name
  const owner = /^.*['’]s\s+(?=[\p{Lu}])/u.exec(mention);
  if (owner && mention.length > owner[0].length) {
    at += owner[0].length;
    mention = mention.slice(owner[0].length);
  }
  // "Senator Mitch McConnell of Kentucky called": the name before "of", not the place
  const of = /(?:^|[\s,])((?:[\p{Lu}][\p{L}'’.-]*\s+){1,3})of\s+$/u.exec(ctx.text.slice(Math.max(0, at - 60), at));
  if (of && ctx.names().some((n) => n.begin + n.name.length === at - of[0].length + of[0].indexOf(of[1] as string) + (of[1] as string).trimEnd().length)) {
    const name = ctx.names().find((n) => n.begin + n.name.length === at - of[0].length + of[0].indexOf(of[1] as string) + (of[1] as string).trimEnd().length) as Mention;
    at = name.begin;
    mention = name.name;
  }
  // "Prime Minister John Carter": the title is the role, the rest the name
  const title = TITLES.exec(mention);
  if (title && mention.length > title[0].length) {
    mention = mention.slice(title[0].length);
    at += title[0].length;
    if (!role) role = title[1] as string;
  }
  // "Cambridge Police Commissioner Christine Elow", "… of Massachusetts Joshua Levy": role words before a name
  const trimmed = personPart(mention, ctx.text, at);
  at += mention.length - trimmed.length;
  mention = trimmed;
  quote.speaker = resolveSpeaker(mention, at, ctx);
  quote.speakerBegin = at;
  quote.speakerEnd = at + mention.length;
  const cleaned = role.replace(/^who\s+is\s+/, '').split(',')[0]?.trim() ?? '';
  quote.role = cleaned || null;
}

/** The attribution of one text: its quotations with their speakers, its citations and its anonymous sources. */
export function analyseAttribution(text: string, options: { site?: string | null } = {}): Attribution {
  const people = lazyMentions(text);
  const quotes = findQuotes(text, people);
  return { quotes, ...findCitations(text, quotes, options.site ?? null, people) };
}
