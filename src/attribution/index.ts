/**
 * Who is quoted, which sources an article cites, and which unnamed sources
 * it leans on. Quotation marks are read in every common style, whatever the
 * language; attributions (speakers, citations, anonymous sources) are read
 * with English phrasings ("said", "told", "according to").
 */

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
export const ATTRIBUTION_VERSION = 2;

/** Opening marks and the marks that may close them. */
const PAIRS: Record<string, string> = {
  '“': '”',
  '„': '“”',
  '«': '»',
  '‹': '›',
  '「': '」',
  '『': '』',
  '"': '"',
  '‘': '’',
  '‚': '‘’',
};

const MIN_QUOTE_WORDS = 3;
/** Every word capitalised but the small ones inside ("Once Upon A Time in Hollywood"): a title. */
const TITLE_CASE = /^[\p{Lu}\p{N}][\p{L}\p{N}'’:-]*(?:[\s,]+(?:(?:a|an|the|and|or|of|in|on|at|to|for|with|from|by|that|as|de|la|le|und|der|die)[\s,]+)*[\p{Lu}\p{N}][\p{L}\p{N}'’:-]*)*[.,!?]?$/u;

/** Words that introduce the name or title of something. */
const NAMED_AS = /\b(?:titled|entitled|called|named|dubbed|headlined|nicknamed|known as|the name of|the term|the phrase|the slogan|the hashtag|(?:her|his|their|its|the|a|new|latest) (?:book|novel|film|movie|album|song|play|series|documentary|essay|poem))\s*,?\s*$/i;

/** A paragraph shorter than this between two quotations is taken for a caption. */
const CAPTION_CHARS = 160;

/** Words of a text: hyphenated words count once; in scripts written without spaces, two characters make a word. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;

/** Whether the character code `c` (of `ch`) is a letter or a digit; ASCII without a pattern. */
function isAlnum(c: number, ch: string): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
  return LETTER_OR_DIGIT.test(ch);
}

const countWords = (s: string): number => {
  let spaced = 0;
  let unspaced = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i] as string;
    if (c >= 0x0e00 && UNSPACED.test(ch)) {
      unspaced++;
      inWord = false;
    } else if (isAlnum(c, ch)) {
      if (!inWord) spaced++;
      inWord = true;
    } else if (inWord && (c === 45 || c === 39 || c === 0x2019) && i + 1 < s.length && isAlnum(s.charCodeAt(i + 1), s[i + 1] as string) && !UNSPACED.test(s[i + 1] as string)) {
      // a hyphen or an apostrophe between letters joins them into one word
    } else inWord = false;
  }
  return spaced + Math.ceil(unspaced / 2);
};

/** The capitalised words of a text (a capital not after a letter, then letters, apostrophes and hyphens): starts and ends. */
interface Capitals {
  start: number[];
  end: number[];
}
let capitalsOf: { text: string; caps: Capitals } | null = null;

/** The capitalised words of `text`, read once for the text last asked about. */
function capitals(text: string): Capitals {
  if (capitalsOf?.text === text) return capitalsOf.caps;
  const start: number[] = [];
  const end: number[] = [];
  const n = text.length;
  const letter = (i: number): boolean => {
    const c = text.charCodeAt(i);
    return c < 128 ? (c | 32) >= 97 && (c | 32) <= 122 : LETTER.test(text[i] as string);
  };
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const upper = c < 128 ? c >= 65 && c <= 90 : c >= 0xc0 && UPPER.test(text[i] as string);
    if (!upper || (i > 0 && letter(i - 1))) continue;
    let j = i + 1;
    for (; j < n; j++) {
      const d = text.charCodeAt(j);
      if (!(d === 39 || d === 45 || d === 0x2019 || letter(j))) break;
    }
    start.push(i);
    end.push(j);
    i = j - 1;
  }
  const caps = { start, end };
  capitalsOf = { text, caps };
  return caps;
}
interface Span {
  begin: number;
  end: number;
}

/** Paragraphs of a text (separated by blank lines), with their offsets. */
function paragraphsOf(text: string): Span[] {
  const out: Span[] = [];
  const re = /[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) if (m[0].trim()) out.push({ begin: m.index, end: m.index + m[0].length });
  return out;
}

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
        const isClose = closers.includes(c) && (c !== '’' || closesSingle(text, i)) && !(c === '‘' && open.opener === '‘');
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
/** A name: capitalised words (an initial with its full stop counts as one), with the particles of names between them. */
const NAME_WORD = String.raw`(?:(?:Gov|Sen|Rep|Dr|Mr|Mrs|Ms|Prof|Gen|Lt|Col|Sgt|Gov|Jr|Sr|St)\.|[\p{Lu}](?:[\p{L}'’-]+|\.))`;
/** Lower-case particles inside names ("Bill de Blasio", "Laurence des Cars"). */
const PARTICLES = 'de|da|das|des|dos|van|von|der|den|ter|bin|ibn|al|el|la|le|del|della|di|du';
const NAME = String.raw`${NAME_WORD}(?:[^\S\n]+(?:(?:${PARTICLES})[^\S\n]+)?${NAME_WORD}){0,5}`;
/** The same within one line. */
const LINE_NAME = String.raw`${NAME_WORD}(?:[^\S\n]+(?:(?:${PARTICLES})[^\S\n]+)?${NAME_WORD}){0,3}`;
/** Titles before a name: they make the role, not the name. */
const TITLES = /^((?:(?:Prime|Deputy|Foreign|Finance|Defen[cs]e|Interior|Health|Justice|Vice|Chief|Former|Acting)[\s-]+)*(?:Minister|President|Premier|Chancellor|Senator|Sen\.|Representative|Rep\.|Governor|Gov\.|Mayor|Judge|Justice|General|Gen\.|Secretary|Ambassador|Commissioner|Director|Chairman|Chairwoman|Chair|King|Queen|Prince|Princess|Pope|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Prof\.?|Professor|Sheriff|Detective|Officer|Coach|Captain|Colonel|Lieutenant|Supervisor|Councilman|Councilwoman|Councillor|Councilor|Alderman|Assemblyman|Assemblywoman|Congressman|Congresswoman|Bishop|Rabbi|Father|Sister|Imam)(?:\s+of\s+[\p{Lu}][\p{L}]+)?)\s+/u;
const PRONOUN = String.raw`(?:he|she|they|it|He|She|They|It)`;
const ORG_WORDS = /\b(ministry|department|agency|office|council|committee|commission|company|corporation|corp|inc|ltd|llc|plc|group|bank|university|college|school|hospital|government|police|court|union|association|party|organi[sz]ation|institute|foundation|authority|board|service|army|navy|force|embassy|fund|international|watch|nations|federation|alliance|league|society|network|trust|centre|center|bureau|reserve|administration|parliament|congress|senate|assembly|cabinet|kremlin|pentagon|white house|commission|exchange|airlines?|motors|technologies|systems|labs?|county|city|state|province|district|region|republic|kingdom|states|times|news|post|magazine|journal|republicans|democrats)\b/i;

/** After a quotation: `, she said`, `," said John Smith, a spokesman for X`, `," Smith told reporters`. */
const AFTER = new RegExp(
  String.raw`^[,.!?;:…]?\s*[,]?\s*(?:(?<r0>(?:her|his|their|its|the)\s[\p{Ll} -]{2,40}),\s+(?<s0>${NAME}),\s+(?:${VERBS})\b|(?<s1>${NAME}|${PRONOUN})(?<r1>,\s+(?:a|an|the)\s[^,.;"“”]{2,90},)?\s+(?:(?:himself|herself|themselves|itself|also|later)\s+)?(?:${VERBS})\b|(?:${VERBS})\s+(?<r3>(?:[\p{Ll}-]+\s+){1,4})?(?<s2>${NAME}|${PRONOUN})(?<r2>,\s+(?:a|an|the|who)\s[^.;"“”]{2,90})?|[Aa]ccording to\s+(?:the\s+)?(?<s3>${NAME}))`,
  'u',
);

/** Before a quotation: `John Smith said: "`, `she added, "`, `According to Smith, "`, `Smith, a spokesman, said "`. */
const BEFORE = new RegExp(
  String.raw`(?:(?<s1>${NAME}|${PRONOUN})(?<r1>,\s+[^,.;"“”]{2,90},)?\s+(?:(?:himself|herself|themselves|itself|also|later)\s+)?(?:${VERBS})(?:\s+(?:reporters|journalists|the [\p{L} ]{2,30}|[\p{Lu}][\p{L}]+))?|[Aa]ccording to\s+(?:the\s+)?(?<s3>${NAME}))\s*[:,]?\s*$`,
  'u',
);

interface Mention {
  name: string;
  begin: number;
  /** The name's words, and the name lower-cased between spaces, worked out once when first needed. */
  words?: string[];
  spaced?: string;
}

const wordsOf = (n: Mention): string[] => (n.words ??= n.name.split(' '));
const spacedOf = (n: Mention): string => (n.spaced ??= ` ${n.name.toLowerCase()} `);

/** Sentence openers and other capitalised words that begin no name. */
const NOT_NAMES = new Set(['The', 'A', 'An', 'In', 'On', 'At', 'But', 'And', 'For', 'If', 'When', 'While', 'After', 'Before', 'As', 'It', 'This', 'That', 'These', 'Those', 'He', 'She', 'They', 'We', 'I', 'You', 'His', 'Her', 'Their', 'Our', 'My', 'Its', 'So', 'Yet', 'Still', 'Then', 'There', 'Here', 'However', 'Despite', 'According', 'Whatever', 'Within', 'With', 'From', 'By', 'Of', 'To', 'Because', 'Although', 'Though', 'Since', 'Until', 'Unless', 'Why', 'What', 'How', 'Where', 'Who', 'Meanwhile', 'Later', 'Earlier', 'Today', 'Yesterday', 'Mr', 'Mrs', 'Ms', 'Dr', 'Both', 'Asked', 'Reached', 'Contacted', 'Speaking', 'During', 'Unable', 'Like', 'Unlike', 'Now', 'Also', 'Even', 'Only', 'Just', 'Once', 'Be', 'Do', 'Let', 'Please', 'Note', 'Remember']);

// a capitalised word ("McLaughlin", "Miami-Dade"; "Amazon-owned", a hyphen before lower case, is no name's), or an
// initial inside a name ("Michael R. Bloomberg", "C. Eugene Steuerle")
const PERSON_WORD = String.raw`[\p{Lu}][\p{L}'’]*(?:-[\p{Lu}][\p{L}'’]*)*[\p{Ll}'’]`;
const PERSON_PART = String.raw`(?:${PERSON_WORD}|[\p{Lu}]\.(?=[^\S\n]+(?:[\p{Lu}]|(?:${PARTICLES})[^\S\n])))`;
const PERSON_RUN = new RegExp(String.raw`(?<![\p{L}.])(?:(?<title>Mr|Mrs|Ms|Dr|Prof|President|Senator|Sen|Governor|Gov|Minister|Mayor|Judge|General|Gen|Chancellor)\.?[^\S\n]+)?(?<name>${PERSON_PART}(?:[^\S\n]+(?:(?:${PARTICLES})[^\S\n]+)?${PERSON_PART}){0,5})`, 'gu');
/** A particle of a name, alone. */
const PARTICLE_WORD = new RegExp(`^(?:${PARTICLES})$`);
/** The same, tried at one place. */
const PERSON_AT = new RegExp(PERSON_RUN.source, 'uy');
/** What may stand between two words of a name: white space, after an initial's full stop, around a particle. */
const NAME_GAP = new RegExp(String.raw`^\.?[^\S\n]+(?:(?:${PARTICLES})[^\S\n]+)?$`);
/** The titles that open a run of the pattern. */
const RUN_TITLES = new Set(['Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'President', 'Senator', 'Sen', 'Governor', 'Gov', 'Minister', 'Mayor', 'Judge', 'General', 'Gen', 'Chancellor']);


/**
 * The people a text names, in order: names of two words or more that are
 * not organisations, and single names after a title ("Mr Obama"); titles
 * left out. Names never run across a line or a sentence.
 */
function personMentions(text: string): Mention[] {
  const out: Mention[] = [];
  const caps = capitals(text);
  const re = PERSON_AT;
  let from = 0;
  for (let k = 0; k < caps.start.length; k++) {
    const at0 = caps.start[k] as number;
    if (at0 < from) continue;
    // the pattern is tried only where a name of two words or a title can begin: a capitalised word followed, past
    // white space (and an initial's full stop, or a particle), by another, or a title
    const next = caps.start[k + 1];
    const gap = next === undefined ? '' : text.slice(caps.end[k] as number, next);
    if (!(next !== undefined && gap.length <= 12 && NAME_GAP.test(gap)) && !RUN_TITLES.has(text.slice(at0, caps.end[k]))) continue;
    re.lastIndex = at0;
    const m = re.exec(text);
    if (!m) continue;
    // a line in title case ("Why Can’t Taylor Swift Perform Her Own Songs?") is a headline: its capitals name no one
    if (headline(text, at0)) continue;
    from = at0 + m[0].length;
    const g = m.groups as { title?: string; name: string };
    // a capitalised word alone, untitled, names no one (most of them open sentences)
    if (!g.title && !/\s/.test(g.name)) continue;
    let name = g.name.replace(/['’]s$/, '');
    const words = name.split(/\s+/);
    while (words.length > 0 && (NOT_NAMES.has(words[0] as string) || /^[\p{Lu}]\.$/u.test(words[0] as string) || /['’]t$/.test(words[0] as string))) words.shift();
    // "ACLU's Jay Stanley", "NYU's Scott Galloway": what the person belongs to is no part of the name
    const owner = words.findLastIndex((w, k) => k < words.length - 1 && /['’]s$/.test(w));
    if (owner >= 0) words.splice(0, owner + 1);
    // "Why Can’t Taylor Swift Perform Her Own Songs": a headline in capitals is no name; a run stops at a word that
    // begins none (a pronoun, a contraction), and a name has at most four words besides its particles and initials
    const stop = words.findIndex((w, k) => k > 0 && (NOT_NAMES.has(w) || /['’]t$/.test(w)));
    if (stop > 0) words.splice(stop);
    name = words.join(' ');
    const title = TITLES.exec(`${name} `);
    if (title && title[0].length < name.length) name = name.slice(title[0].length);
    if (!name) continue;
    // "Miami-Dade Police Detective Alvaro Zabaleta": the office cuts the name from the body before the body is judged
    const at = m.index + m[0].length - g.name.length + g.name.indexOf(name);
    const person = personPart(name, text, at);
    if (ORG_WORDS.test(person) || /\s[\p{Lu}]\.$/u.test(person)) continue;
    if (person.split(' ').filter((w) => !/^[\p{Lu}]\.$/u.test(w) && !PARTICLE_WORD.test(w)).length > 4) continue;
    if (person.includes(' ') || g.title) out.push({ name: person, begin: at + name.length - person.length });
  }
  // a surname alone ("Bassi") is a mention of the person named in full with it
  const surnames = new Set(out.filter((n) => n.name.includes(' ')).map((n) => n.name.split(' ').pop() as string));
  if (surnames.size > 0) {
    // one pass over the capitalised words, the mentions already found walked alongside (both in text order)
    const found = out.length;
    let k = 0;
    for (let c = 0; c < caps.start.length; c++) {
      const index = caps.start[c] as number;
      const w = text.slice(index, caps.end[c]).replace(/['’]s$/, '');
      if (!surnames.has(w)) continue;
      while (k < found && (out[k] as Mention).begin + (out[k] as Mention).name.length <= index) k++;
      if (k < found && (out[k] as Mention).begin <= index) continue;
      out.push({ name: w, begin: index });
    }
    out.sort((a, b) => a.begin - b.begin);
  }
  return out;
}

/** Whether the line around `at` is a headline: short, every longer word capitalised. */
function headline(text: string, at: number): boolean {
  const begin = text.lastIndexOf('\n', at) + 1;
  const stop = text.indexOf('\n', at);
  if ((stop < 0 ? text.length : stop) - begin > 120) return false;
  const line = text.slice(begin, stop < 0 ? text.length : stop);
  const long = line.match(/[\p{L}'’-]{4,}/gu) ?? [];
  return long.length >= 3 && long.every((w) => /^[\p{Lu}\d]/u.test(w));
}

/** The people a text names, read once when first asked for. */
function lazyMentions(text: string): () => Mention[] {
  let read: Mention[] | null = null;
  return () => (read ??= personMentions(text));
}


/** Whether the words of `part` run, in order and whole, inside `whole`. */
function within(part: string, whole: string): boolean {
  return ` ${whole} `.includes(` ${part} `);
}

/**
 * The fullest name a mention stands for: the nearest name before it that
 * contains it (else the first after), then the longest name the article
 * gives with all of that one's words ("Te Kaurinui Parata" → "Te Kaurinui
 * Robert Parata").
 */
function fullName(mention: string, at: number, names: Mention[]): string {
  let before: Mention | null = null;
  let after: Mention | null = null;
  // ("Van Dijk" opening a sentence is "Mary K. van Dijk")
  const lower = ` ${mention.toLowerCase()} `;
  const count = mention.split(' ').length;
  for (const n of names) {
    if (wordsOf(n).length <= count || n.name === mention || !spacedOf(n).includes(lower)) continue;
    if (n.begin < at) before = n;
    else if (!after) after = n;
  }
  const base = (before ?? after)?.name ?? mention;
  const words = base.toLowerCase().split(' ');
  let best = base;
  let bestCount = words.length;
  for (const n of names) {
    const w = wordsOf(n);
    if (w.length > bestCount && words.every((x) => spacedOf(n).includes(` ${x} `))) {
      best = n.name;
      bestCount = w.length;
    }
  }
  return best;
}

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
    const here = ctx.names().find((n) => n.begin >= paragraph && n.begin < at && (!ctx.last || n.begin > ctx.last.at) && !ctx.quoted.some((s) => n.begin > s.begin && n.begin < s.end));
    if (here) return fullName(here.name, here.begin, ctx.names());
    if (ctx.last && at - ctx.last.at < PRONOUN_REACH && (!lastSpeaking || lastSpeaking.begin < ctx.last.at)) return ctx.last.speaker;
    // with no one speaking yet: the last name that is someone's (referred to by surname alone, as people are, and
    // places are not), else none
    let person: Mention | null = null;
    if (!lastSpeaking && ctx.last === null) {
      const alone = new Set(ctx.names().filter((n) => !n.name.includes(' ')).map((n) => n.name));
      for (const n of ctx.names()) {
        if (n.begin >= at) break;
        if (alone.has(n.name.split(' ').pop() as string)) person = n;
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
    if (countWords(joined) < MIN_QUOTE_WORDS) continue;
    // "Super Mario Run": a short quotation in which every word is capitalised is a title, not speech
    if ((countWords(joined) <= 8 || (countWords(joined) <= 16 && joined.includes(':'))) && TITLE_CASE.test(joined.trim())) continue;
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
    if (quote.speaker) ctx.last = { speaker: quote.speaker, at: quote.end };
    previous = { quote };
    quotes.push(quote);
  }
  return quotes;
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
/** "Peggy Bell asked last week “": a name and a speech verb right before a quotation mark. */
const LEADS_IN = new RegExp(String.raw`(?<![\p{L}])(?<who>${LINE_NAME})\s+(?:(?:also|then|later|once)\s+)?(?:${VERBS})(?:\s+[\p{Ll}]+){0,3}\s*,?\s*$`, 'u');
/** "In Dr. Shadlen’s words, “": whose words follow. */
const IN_WORDS = new RegExp(String.raw`\b[Ii]n\s+(?<who>${LINE_NAME})['’]s?\s+(?:own\s+)?words,?\s*$`, 'u');
/** What LEADS_IN ends with, tested first (a pattern led by a verb is quicker to try). */
const VERB_LEADS_IN = new RegExp(String.raw`\b(?:${VERBS})(?:\s+[\p{Ll}]+){0,3}\s*,?\s*$`, 'u');
/** "…, says Jennifer Johnson, a spokesperson": the verb before the name, later in the sentence. */
const SAID_BY = new RegExp(String.raw`(?:^|[,;—–]\s*)(?:${VERBS})\s+(?<who>${LINE_NAME})`, 'u');

/** Words that end with a full stop without ending a sentence. */
const ABBREVIATION = /(?:^|[\s(])(?:[\p{Lu}]|Mr|Mrs|Ms|Dr|St|Jr|Sr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Prof|No|Nos|Inc|Ltd|Co|Corp|vs|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|[\p{Lu}]\.[\p{Lu}])$/u;

/** Where the last sentence of `s` begins (after a full stop that is not an abbreviation's). */
function lastSentenceStart(s: string): number {
  for (let i = s.length - 2; i > 0; i--) {
    const c = s[i] as string;
    // a sentence that ends inside its closing quotation mark: 'supporter.” Emery retweeted'
    if ((c === '.' || c === '!' || c === '?') && /["”’»]/.test(s[i + 1] ?? '') && /\s/.test(s[i + 2] ?? '')) return i + 3;
    if ((c === '.' || c === '!' || c === '?') && /\s/.test(s[i + 1] as string) && (c !== '.' || !ABBREVIATION.test(s.slice(Math.max(0, i - 6), i)))) return i + 2;
  }
  return -1;
}

/** Where the first sentence of `s` ends (-1: it runs on). */
function firstSentenceEnd(s: string): number {
  for (const m of s.matchAll(/[.!?](?=\s|$)/g)) if (m[0] !== '.' || !ABBREVIATION.test(s.slice(Math.max(0, m.index - 6), m.index))) return m.index;
  return -1;
}
const ACCORDING = new RegExp(String.raw`according to\s+(?:the\s+)?(?<who>(?:[\p{Lu}][\p{L}'’-]+)(?:\s+(?:of\s+)?[\p{Lu}][\p{L}'’-]+){0,5})`, 'u');

/** Words that name an office or a rank: a name that follows them is the person's. */
const OFFICE = /^(?:Leader|Commissioner|Spokesman|Spokeswoman|Counsel|Lawyer|Attorney|Attorney|Director|Chief|Secretary|Minister|President|Chairman|Chairwoman|Chair|Spokesman|Spokeswoman|Spokesperson|Manager|Officer|Superintendent|Sheriff|Mayor|Governor|Senator|Judge|Prosecutor|Inspector|Sergeant|Detective|Captain|Coach|Executive|Founder|Analyst|Editor|Professor|Dean|Principal)$/;

/**
 * The person's name inside a longer run of capitalised words: what follows
 * the last word naming an office ("Cambridge Police Commissioner Christine
 * Elow"); a run of three words or more right after "of", "for", "in" …
 * begins with the end of that phrase ("… District of Massachusetts Joshua
 * Levy").
 */
function personPart(name: string, text: string, at: number): string {
  const words = name.split(/\s+/);
  for (let k = words.length - 2; k >= 0; k--) if (OFFICE.test(words[k] as string)) return words.slice(k + 1).join(' ');
  if (words.length >= 3 && /\b(?:of|for|in|from|at|on|by)\s+$/.test(text.slice(Math.max(0, at - 6), at))) return words.slice(1).join(' ');
  return name;
}

function setSpeaker(quote: Quote, who: string, at: number, ctx: Context, role: string): void {
  let mention = who.replace(/['’]s$/, '');
  // "Others described it as …": a group, no one named
  if (UNNAMED.has(mention)) return;
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

/** News outlets and agencies that articles cite by name. */
const OUTLETS = [
  'Reuters', 'Associated Press', 'AP', 'AFP', 'Agence France-Presse', 'Bloomberg', 'BBC', 'CNN', 'CNBC', 'NBC News', 'ABC News', 'CBS News', 'Fox News',
  'The New York Times', 'New York Times', 'The Washington Post', 'Washington Post', 'The Wall Street Journal', 'Wall Street Journal', 'Financial Times',
  'The Guardian', 'Guardian', 'The Times', 'The Telegraph', 'The Economist', 'Politico', 'Axios', 'Al Jazeera', 'Xinhua', 'TASS', 'RIA Novosti', 'Interfax',
  'dpa', 'EFE', 'ANSA', 'Kyodo', 'Yonhap', 'NHK', 'Der Spiegel', 'Le Monde', 'El País', 'Sky News', 'NPR', 'Axel Springer', 'The Information', 'TechCrunch', 'The Verge', 'Wired',
];
/** The known outlets by their first word, in the order of the list (the longer name first where one begins another). */
const OUTLETS_BY_FIRST = new Map<string, string[]>();
for (const o of OUTLETS) {
  const first = o.split(' ')[0] as string;
  OUTLETS_BY_FIRST.set(first, [...(OUTLETS_BY_FIRST.get(first) ?? []), o]);
}

/** Where the known outlets are named in a text (found from its capitalised words; "dpa" apart). */
function outletsIn(text: string): Array<{ name: string; index: number }> {
  const out: Array<{ name: string; index: number }> = [];
  const caps = capitals(text);
  let from = 0;
  for (let k = 0; k < caps.start.length; k++) {
    const at = caps.start[k] as number;
    if (at < from) continue;
    const word = text.slice(at, caps.end[k]).replace(/['’]s?$/, '');
    const names = OUTLETS_BY_FIRST.get(word);
    if (!names) continue;
    const name = names.find((o) => text.startsWith(o, at) && !LETTER.test(text[at + o.length] ?? ' '));
    if (!name) continue;
    out.push({ name, index: at });
    from = at + name.length;
  }
  if (text.includes('dpa')) for (const m of text.matchAll(/(?<![\p{L}])dpa(?![\p{L}])/gu)) out.push({ name: 'dpa', index: m.index });
  return out.sort((a, b) => a.index - b.index);
}

/** Words in the names of news outlets ("Aspen Times", "South Florida Sun Sentinel", "New York magazine"). */
const OUTLET_WORDS = /\b(?:Times|News|Post|Magazine|magazine|Journal|Herald|Tribune|Press|Gazette|Sentinel|Chronicle|Observer|Telegraph|Independent|Mail|Express|Mirror|Radio|Television|TV|Daily|Weekly|Bulletin|Examiner|Inquirer|Courier|Dispatch|Register|Globe|Wire|Figaro|Monde|Playbook)\b/;
/** A name ending in a word for a body: "Press Council" is no outlet. */
const BODY_LAST = /\b(?:Council|Committee|Commission|Association|Union|Institute|Foundation|Agency|Authority|Board|Office|Department|Ministry|Court|Club|Society|Federation|Group|Centre|Center)$/;
/** A named source after the words that cite it: "in an interview with Le Figaro", "first disclosed by the Aspen Times". */
/** The words that cite a source named after them (a literal pattern, quick to find). */
const CITED_BY = /\b(?:[Cc]iting|in an interview with|told|speaking to|spoke to|reported by|disclosed by|first reported by|published by|cited by|quoted by|an article by|a story by|a report by)\s+(?:the\s+)?/g;
/** The name after them: "Le Figaro", "the Aspen Times". */
const CITED_NAME = new RegExp(String.raw`((?:[\p{Lu}+][\p{L}\d.&'’+-]*)(?:[^\S\n]+(?:of[^\S\n]+)?[\p{Lu}][\p{L}.&'’-]*){0,4}(?:[^\S\n]+(?:magazine|newspaper|daily))?)`, 'uy');
/** A word that names a document. */
const DOCUMENT_WORD = /\b(?:data|reports?|study|survey|poll|analysis|assessment|notes|figures|records|documents?|filings?|statement|estimates|research|invitation|memo|letter|paper)\b/;
/** "according to (the) … data/report/notes (of …)": a document as the source. */
const ACCORDING_DOCUMENT = new RegExp(String.raw`[Aa]ccording to\s+(?:the\s+|a\s+|an\s+|new\s+)*((?:[\p{L}\d’'-]+\s+){0,5}(?:data|report|reports|study|survey|poll|analysis|assessment|notes|figures|records|documents?|filings?|statement|estimates|research|invitation|memo|letter|paper)(?:\s+(?:from|by|of|issued by|published by|obtained by)\s+(?:the\s+)?[\p{Lu}][\p{L}.&'’-]*(?:[^\S\n]+(?:(?:of|for|and)[^\S\n]+)?[\p{Lu}][\p{L}.&'’-]*){0,5})?)(?![\p{L}])`, 'gu');

const DOCUMENT_SAYS = /\b(?:the|a|an|The|A|An)\s+((?:[\p{Ll}\d-]+\s+){0,4}(?:affidavit|statement|report|release|complaint|filing|memo|study|studies|survey|indictment|ruling|documents?|records|paper|legislation|regulations|law|bill))\s+(?:said|says|stated|states|state|shows|show|showed|found|reads|suggests|concludes|warned|warns|makes clear|estimated|estimates|(?:has |have )?(?:pointed out|shown))\b|\b(?:the\s+)?((?:[\p{Lu}][\p{L}]+\s+){1,3}(?:release|statement|report|filing))\s+(?:said|says|stated|states)\b/gu;

/** "according to whale rescue group Project Jonah": what the source is, then its name. */
const ACCORDING_NAME = new RegExp(String.raw`[Aa]ccording to\s+(?:the\s+)?(?:[\p{Ll}-]+\s+){0,4}(${NAME})`, 'gu');

/** A name just before the end of a text (the subject of the verb that follows). */
const NAME_BEFORE = new RegExp(String.raw`(?<![\p{L}."“”])(?:the\s+)?(${NAME})$`, 'u');

/** Capitalised words that open a sentence about unnamed people: no names. */
const UNNAMED = new Set(['Others', 'Some', 'Many', 'Most', 'Several', 'Critics', 'Officials', 'Experts', 'Analysts', 'Residents', 'Students', 'Staff', 'People', 'Police', 'Researchers', 'Scientists', 'Sources', 'Witnesses', 'Investigators', 'Authorities', 'Lawmakers', 'Economists', 'Doctors', 'Teachers', 'Parents', 'Observers', 'Activists', 'Detectives', 'Prosecutors', 'Officers', 'Agents', 'Tests', 'Studies', 'Reports', 'Data', 'Records', 'Polls', 'Surveys']);

/** Auxiliaries and times between a subject and its verb: "has", "also", "last week", "on Thursday". */
const BETWEEN_NAME_AND_VERB = /(?:\s+(?:has|have|had|also|already|previously|earlier|later|recently|now|last\s+(?:week|month|year)|this\s+(?:week|month|year)|on\s+[A-Z][a-z]+day|[a-z]+ly|[a-z]+ed\s+and))+$/;
/** A text ending in a capitalised word (or an initial), as a name before its verb does. */
const ENDS_CAPITALISED = /[\p{Lu}][\p{L}'’.-]*$/u;
/** "Another, Pelco, announced": a name set off by commas just before its verb. */
const NAME_SET_OFF = new RegExp(String.raw`(?:^|,\s+)(${NAME}),$`, 'u');
/** "the Asheville Tea PAC, a local organization which said": a name, what it is, and a relative pronoun. */
const NAME_RELATIVE = new RegExp(String.raw`(?<![\p{L}"“”])(${NAME}),\s+(?:a|an|the)\s[^,.;"“”]{1,60}?\s(?:which|that|who)$`, 'u');
/** "by newspaper GP", "told the public broadcaster SVT": an outlet named after what it is. */
const OUTLET_AFTER_NOUN = /\b(?:by|to|told|in|with|according to)\s+(?:the\s+)?(?:[a-z]+\s+)?(?:newspaper|daily|broadcaster|news agency|agency|magazine|tabloid|outlet|news site|radio station|channel|network)\s+([\p{Lu}][\p{L}.&'’-]*(?:[^\S\n]+[\p{Lu}][\p{L}.&'’-]*){0,3})/gu;
/** The nouns OUTLET_AFTER_NOUN needs (a quick test before it). */
const OUTLET_NOUN_CUE = /newspaper|daily|broadcaster|agency|magazine|tabloid|outlet|news site|radio station|channel|network/;
/** A text ending in the lower-case word of a body ("West Mercia police"). */
const BODY_END = /(?:police|government|ministry|military|army|council|court)$/;
/** After a name, more of it joined by small words: " and Tourism Council", " for Space Research". */
const NAME_GOES_ON = /^(?:[^\S\n]+(?:and|of|for|on)[^\S\n]+(?:[\p{Lu}][\p{L}'’-]*)(?:[^\S\n]+[\p{Lu}][\p{L}'’-]*)*)+/u;
/** "Michael Fitton, defending,": a name and a short description before the verb. */
const NAME_APPOSITION = new RegExp(String.raw`(?<![\p{L}"“”])(${NAME}),\s+[\p{Ll}][^,.;"“”]{1,100},$`, 'u');
/** Capitalised words and a joining word just before a name ("National Institute for " before "Space Research"). */
const NAME_JOINED = /(?:^|(?<=\s))(?:[\p{Lu}][\p{L}'’-]*\s+)+(?:for|of|and|on)\s+$/u;

/** A body named with a lower-case word just before the end of a text: "West Mercia police", "the Kenyan government". */
const BODY_BEFORE = new RegExp(String.raw`(?<![\p{L}])((?:[\p{Lu}][\p{L}'’-]+\s+){1,4}(?:police|government|ministry|military|army|council|court))$`, 'u');

/** Attribution phrases around a named source: what makes a mention a citation. */
const CITING_BEFORE = /(?:according to|told|tells|tell|reported by|in an interview with|speaking to|cited by|quoted by|source:|via|reports?\s+from)\s*(?:the\s+)?$/i;
const CITING_AFTER = /^(?:'s)?\s*(?:reported|reports|said|says|first reported|cited|quoted|wrote|writes|revealed|found|announced|published|confirmed)\b/i;
const DOCUMENT = /\b(?:[Aa]|[Tt]he|[Ii]n a|[Ii]n its)\s+(?:[\p{Ll}-]+\s+){0,3}(?:statement|report|study|filing|ruling|court filing|court document|press release|memo|letter|survey|audit|indictment|complaint|lawsuit|affidavit)\s+(?:from|by|of|issued by|published by)\s+(?:the\s+)?[\p{Lu}][\p{L}.&'’-]*(?:[^\S\n]+(?:(?:of|for|and|on|de|du)[^\S\n]+)?[\p{Lu}][\p{L}.&'’-]*)*/gu;
/** Unnamed groups whose claims an article reports. */
const GROUP_NOUNS = ['officials', 'experts', 'analysts', 'researchers', 'investigators', 'detectives', 'economists', 'scientists', 'critics', 'observers', 'diplomats', 'insiders', 'authorities', 'witnesses', 'lawmakers', 'legislators', 'people', 'members', 'sources', 'workers', 'employees', 'residents', 'hawks', 'voters', 'volunteers', 'organizers'];
const GROUPS = `(?:${GROUP_NOUNS.join('|')})`;
const CLAIMS = String.raw`(?:said|say|says|told|tell|believe|believed|warn|warned|warning|noted|note|urged|argue|argued|estimate|claim|claimed|explained|reported|suspect|think|fear|feared|explained|have explained|have said|are warning|have warned)`;
const ANONYMOUS = new RegExp(
  [
    String.raw`informed sources`,
    String.raw`(?:(?:two|three|several|multiple)\s+)?(?:sources|people|persons|officials|insiders)\s+(?:close to|familiar with|briefed on|with knowledge of|who (?:have )?spoken (?:to|with))\s+[^,.;"“”]{3,60}?(?=\s+(?:said|say|says|told|who)\b|[,.;]|$)`,
    String.raw`(?:a|one|another)\s+(?:person|source|official|senior official|insider|diplomat|executive)\s+(?:close to|familiar with|briefed on|with knowledge of|at|in|from)\s+[^,.;"“”]{3,60}?(?=\s+(?:said|say|says|told|who)\b|[,.;]|$)`,
    String.raw`(?:unnamed|anonymous)\s+(?:sources?|officials?)`,
    // "say economists", "according to officials", "according to health care workers"
    String.raw`(?:say|says|said|according to)\s+(?:the\s+)?(?:[\p{Ll}-]+\s+){0,2}${GROUPS}\b`,
  ].join('|'),
  'giu',
);
/** "officials said", "Deficit hawks have warned": a group and what it claims (the words before it are read backwards). */
/** After a group: its verb of claiming ("officials said", "Deficit hawks have warned"). */
const CLAIMED = new RegExp(String.raw`\s+(?:(?:have|had|are|also|now|have also)\s+)?${CLAIMS}\b`, 'iuy');
/** Before a spokesperson: "a", "A Whole Foods", "his". */
const SPOKES_BEFORE = /(?:(?<![\p{L}])(?:a|an)\s+(?:[\p{Lu}][\p{L}'’-]*\s+){0,3}|(?<![\p{L}])(?:his|her|their|its)\s+)$/iu;
/** After "a spokesperson": "for the Interior Ministry". */
const SPOKES_FOR = /\s+for\s+(?:the\s+)?[\p{Lu}][\p{L}'’-]*(?:\s+[\p{Lu}][\p{L}'’-]*){0,3}/uy;
/** Before "source": "a", "the senior political". */
const SOURCE_BEFORE = /(?<![\p{L}])(?:a|the)\s+(?:[\p{Ll}]+\s+){0,2}$/iu;
/** After "source": what makes it an attribution. */
const SOURCE_AFTER = /\s+(?:said|says|told|close|familiar|who|with)\b/iy;

/**
 * English words, whole, lower-case or capitalised, found by a pattern
 * without case folding or Unicode classes (both make a pattern tried at
 * every character several times slower).
 */
function wordsPattern(words: string[]): RegExp {
  return new RegExp(String.raw`\b(?:${words.map((w) => `[${w[0]}${(w[0] as string).toUpperCase()}]${w.slice(1)}`).join('|')})\b`, 'g');
}
/** The groups' nouns. */
const GROUP_NOUN_SET = new Set(GROUP_NOUNS);
/** The nouns that every anonymous attribution above contains. */
const ANONYMOUS_NOUNS = wordsPattern([...GROUP_NOUNS, 'persons', 'person', 'source', 'official', 'insider', 'diplomat', 'executive']);
/** The nouns that every document citation contains. */
const DOCUMENT_NOUNS = wordsPattern(['affidavit', 'statement', 'report', 'release', 'complaint', 'filing', 'memo', 'study', 'studies', 'survey', 'indictment', 'ruling', 'document', 'documents', 'records', 'letter', 'audit', 'lawsuit', 'paper', 'legislation', 'regulations', 'law', 'bill']);

/**
 * The matches of the global `pattern` that contain one of the words
 * `trigger` finds, tried only in a stretch of text around each: one pattern
 * tried at every character of a long text is what makes reading slow. Each
 * match once, in text order, with its offset in the text.
 */
function around(text: string, triggers: RegExpMatchArray[], pattern: RegExp, before = 100, after = 200): Array<{ m: RegExpExecArray; index: number }> {
  const out: Array<{ m: RegExpExecArray; index: number }> = [];
  let covered = -1;
  for (const t of triggers as Array<RegExpMatchArray & { index: number }>) {
    if (t.index < covered) continue;
    const from = Math.max(0, t.index - before, covered);
    const window = text.slice(from, Math.min(text.length, t.index + t[0].length + after));
    pattern.lastIndex = 0;
    for (let m = pattern.exec(window); m; m = pattern.exec(window)) {
      const index = from + m.index;
      if (index + m[0].length <= t.index) continue;
      if (index > t.index) break;
      out.push({ m, index });
      covered = index + m[0].length;
      break;
    }
  }
  pattern.lastIndex = 0;
  return out;
}
/** The words that qualify a group, just before it: "some state", "a number of", "the energy". */
const GROUP_QUALIFIERS = /(?:(?:some|many|most|several|other|two|three|a number of|a group of|a string of)\s+)?(?:[\p{Ll}’'-]+\s+){0,2}$/iu;

/** Named sources of claims other than quoted speakers, and unnamed ones. */
export function findCitations(text: string, quotes: Quote[], site: string | null = null, people: () => Mention[] = lazyMentions(text)): { citations: Citation[]; anonymous: AnonymousSource[] } {
  const citations: Citation[] = [];
  const taken: Span[] = [];
  const free = (begin: number, end: number): boolean => !taken.some((s) => s.begin < end && begin < s.end);
  // the site's own name ("bbc" of bbc.co.uk, "kxan" of kxan.com): citing it is citing itself
  const siteName = site ? site.toLowerCase().replace(/^www\./, '').split('.')[0] ?? null : null;
  const isSite = (name: string): boolean => {
    if (siteName === null) return false;
    const host = siteName.replace(/[^a-z0-9]/g, '');
    const first = (name.toLowerCase().replace(/^the\s+/, '').split(/\s+/)[0] as string).replace(/[^a-z0-9]/g, '');
    const whole = name.toLowerCase().replace(/[^a-z0-9]/g, '');
    // "KXAN", "Globe" (californiaglobe.com), "POLITICO Playbook" (politico.com)
    return whole === host || (first.length >= 4 && (first === host || (whole === first && host.endsWith(first))));
  };
  // a word that is the surname of someone the article names is that person, not an outlet of the same name
  const surnames = (): Set<string> => (known ??= new Set(people().filter((n) => n.name.includes(' ')).map((n) => n.name.split(' ').pop() as string)));
  let known: Set<string> | null = null;
  // people and bodies the article quotes are speakers, not citations
  const speakers = quotes.map((q) => q.speaker).filter((x): x is string => x !== null);
  const quoted = (name: string): boolean => speakers.some((sp) => within(name.replace(/^(?:Mr|Mrs|Ms|Dr)\.?\s+/, ''), sp) || within(sp, name));
  const add = (name: string, kind: CitationKind, begin: number): void => {
    // a full stop after a word is the sentence's ("told the Globe."), not the name's
    name = name.replace(/([\p{L}\d]{2,})\.$/u, '$1').trimEnd();
    if (kind === 'person' || kind === 'organisation') {
      // "Brazil’s National Institute for Space Research": what a body belongs to is no part of its name
      const owner = /^[\p{Lu}][\p{L}-]*['’]s\s+(?=[\p{Lu}])/u.exec(name);
      if (owner) {
        begin += owner[0].length;
        name = name.slice(owner[0].length);
      }
      // "President Jacob Zuma": the title is no part of the name
      const title = TITLES.exec(name);
      if (title && title[0].length < name.length && /^[\p{Lu}]/u.test(name.slice(title[0].length))) {
        begin += title[0].length;
        name = name.slice(title[0].length);
        kind = 'person';
      }
      // "Dr. Abed Abu Hasira": the honorific is no part of the name; a name with an acronym in it is a body's
      const honorific = /^(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen)\.?\s+(?=[\p{Lu}])/u.exec(name);
      if (honorific) {
        begin += honorific[0].length;
        name = name.slice(honorific[0].length);
        kind = 'person';
      } else if (kind === 'person' && /(?:^|\s)[\p{Lu}]{2,}(?:\s|$)/u.test(name)) kind = 'organisation';
      else if (kind === 'organisation' && !name.includes(' ') && surnames().has(name)) kind = 'person';
      if (OUTLET_WORDS.test(name) && !BODY_LAST.test(name) && !name.split(/\s+/).every((w) => OUTLET_WORDS.test(w))) kind = 'outlet';
    }
    const end = begin + name.length;
    if (!free(begin, end)) return;
    if (kind !== 'outlet' && kind !== 'document' && kind !== 'self' && quoted(name)) return;
    taken.push({ begin, end });
    citations.push({ name, kind: isSite(name) ? 'self' : kind, begin, end });
  };
  const inQuote = (i: number): boolean => quotes.some((q) => i >= q.begin && i < q.end);
  // (both patterns tried only around the nouns that name documents)
  const documentNouns = [...text.matchAll(DOCUMENT_NOUNS)];
  for (const { m, index } of around(text, documentNouns, DOCUMENT)) {
    const name = m[0].replace(/^(?:in\s+)?(?:a|the|its)\s+/i, '').replace(/[.,;:]+$/, '');
    if (!inQuote(index)) add(name, 'document', index + m[0].indexOf(name));
  }
  // "the affidavit said", "the DOJ release states": a document speaking, named or not
  for (const { m, index } of around(text, documentNouns, DOCUMENT_SAYS)) {
    const name = (m[1] ?? m[2]) as string;
    if (!inQuote(index)) add(name, 'document', index + m[0].indexOf(name));
  }
  // a credit at the top: "Courtesy of Forests News", "Source: AFP"
  const courtesy = /^\s*(?:Courtesy of|Source:|Via|From)\s+((?:[\p{Lu}][\p{L}.&'’-]*)(?:[^\S\n]+[\p{Lu}][\p{L}.&'’-]*){0,4})\s*(?:\n|$)/u.exec(text.slice(0, 200));
  if (courtesy) add(courtesy[1] as string, 'outlet', text.indexOf(courtesy[1] as string));
  // a credit at the top: "KVELLER via JTA —"
  const credit = /^\s*([\p{Lu}][\p{L}.&'’-]+(?:\s[\p{Lu}][\p{L}.&'’-]+){0,3})\s+via\s+([\p{Lu}][\p{L}.&'’-]+(?:\s[\p{Lu}][\p{L}.&'’-]+){0,3})\s+[—–-]/u.exec(text.slice(0, 200));
  if (credit) {
    add(credit[1] as string, 'outlet', text.indexOf(credit[1] as string));
    add(credit[2] as string, 'outlet', text.indexOf(credit[2] as string, text.indexOf(credit[1] as string) + (credit[1] as string).length));
  }
  for (const m of outletsIn(text)) {
    const at = m.index;
    if (inQuote(at) || surnames().has(m.name)) continue;
    const before = text.slice(Math.max(0, at - 40), at);
    const after = text.slice(at + m.name.length, at + m.name.length + 30);
    if (CITING_BEFORE.test(before) || CITING_AFTER.test(after) || /\((?:[^)]{0,40})?$/.test(before)) add(m.name, 'outlet', at);
  }
  // "according to government data", "according to the explanatory notes of the British Bill": a document
  const according = text.includes('ccording to');
  if (according) for (const m of text.matchAll(ACCORDING_DOCUMENT)) {
    // "a new CBS News Battleground Tracker poll": the adjectives before a name go; "the explanatory notes of the
    // British Bill" keeps its words
    const stripped = (m[1] as string).replace(/^(?:[\p{Ll}-]+\s+)+(?=[\p{Lu}])/u, '');
    const name = DOCUMENT_WORD.test(stripped) ? stripped : (m[1] as string);
    const at = m.index + m[0].length - name.length;
    if (!inQuote(at)) add(name, 'document', at);
  }
  for (const lead of text.matchAll(CITED_BY)) {
    CITED_NAME.lastIndex = lead.index + lead[0].length;
    const named = CITED_NAME.exec(text);
    if (!named) continue;
    const m = [lead[0] + named[0], named[1]] as unknown as RegExpMatchArray;
    const name = named[1] as string;
    const at = named.index + named[0].length - name.length;
    if (inQuote(at) || NOT_NAMES.has(name)) continue;
    // "told the U.N. General Assembly": whom someone spoke to is a source only when it is an outlet
    const outletLike = OUTLET_WORDS.test(name) || OUTLETS.includes(name) || isSite(name);
    if (/^(?:told|speaking to|spoke to)\b/.test(m[0]) && !outletLike) continue;
    add(name, OUTLET_WORDS.test(name) ? 'outlet' : people().some((n) => n.begin === at) ? 'person' : 'organisation', at);
  }
  // the site named as the one spoken to: "told KXAN", "in an interview with the BBC" (looked for only when the
  // text names the site at all)
  const namesSite = siteName !== null && siteName.length > 0 && text.toLowerCase().includes(siteName);
  if (siteName && namesSite) {
    const re = new RegExp(String.raw`(?:told|spoke to|speaking to|in an interview with|said to)\s+(?:the\s+)?(${siteName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})(?![\p{L}])`, 'giu');
    for (const m of text.matchAll(re)) if (!inQuote(m.index)) add(m[1] as string, 'self', m.index + m[0].length - (m[1] as string).length);
  }
  if (OUTLET_NOUN_CUE.test(text)) for (const m of text.matchAll(OUTLET_AFTER_NOUN)) {
    const name = (m[1] as string).replace(/[.,]$/, '');
    const at = m.index + m[0].length - (m[1] as string).length;
    if (!inQuote(at)) add(name, 'outlet', at);
  }
  // "Source: CDC, Chicago Department of Public Health"
  for (const m of text.matchAll(/(?:^|\n)\s*Sources?:\s*([^\n]+)/g)) {
    let from = m.index + m[0].length - (m[1] as string).length;
    for (const part of (m[1] as string).split(/,\s*|;\s*|\s+and\s+/)) {
      const name = part.trim();
      const at = text.indexOf(name, from);
      from = at + name.length;
      if (/^[\p{Lu}]/u.test(name) && name.length < 80) add(name, OUTLET_WORDS.test(name) || OUTLETS.includes(name) ? 'outlet' : 'organisation', at);
    }
  }
  // "according to X" (with what X is between: "according to whale rescue group Project Jonah")
  if (according) for (const m of text.matchAll(ACCORDING_NAME)) {
    const at = m.index + m[0].length - (m[1] as string).length;
    // "the World Travel and Tourism Council": names joined by small words go on
    const joined = NAME_GOES_ON.exec(text.slice(at + (m[1] as string).length, at + (m[1] as string).length + 60));
    const name = (m[1] as string) + (joined ? joined[0] : '');
    // "according to Environmental Protection Department officials": unnamed people, not the body
    if (/^\s+(?:officials|sources|spokes\w+|staff|employees)\b/.test(text.slice(at + name.length, at + name.length + 16))) continue;
    if (!inQuote(at)) add(name, ORG_WORDS.test(name) || name.split(/\s+/).length > 3 ? 'organisation' : 'person', at);
  }
  // "X said …": found by the verb, the name read backwards from it (a name pattern tried at every position is slow);
  // a body named with a lower-case word ("West Mercia police said") counts with it
  for (const v of text.matchAll(/\s(?:said|says|announced|stated|reported|reports|warned|confirmed|noted|notes|estimates|estimated|claims|claimed|argued|argues|predicts|believes|believe|countered|declared|revealed|insisted|denied|stressed|explained|suggested|acknowledged|admitted|indicated|points to|pointed to|pointed out|called for|is concerned|are concerned)(?=[\s.,;:!?)]|$)/g)) {
    if (inQuote(v.index)) continue;
    // "The Palestinian Authority has said", "Microsoft last week announced": what stands between the name and its verb
    const between = BETWEEN_NAME_AND_VERB.exec(text.slice(Math.max(0, v.index - 40), v.index));
    const verbAt = v.index - (between ? between[0].length : 0);
    const before = text.slice(Math.max(0, verbAt - 140), verbAt);
    // each pattern tried only when the text before the verb ends as it needs: a capitalised word, a comma, a body
    const m =
      (ENDS_CAPITALISED.test(before) ? NAME_BEFORE.exec(before) : null) ??
      (BODY_END.test(before) ? BODY_BEFORE.exec(before) : null) ??
      (before.endsWith(',') ? (NAME_APPOSITION.exec(before) ?? NAME_SET_OFF.exec(before)) : null) ??
      (/\s(?:which|that|who)$/.test(before) ? NAME_RELATIVE.exec(before) : null);
    if (!m) continue;
    let name = m[1] as string;
    let at = verbAt - before.length + (m.index ?? 0) + m[0].indexOf(name);
    // "National Institute for Space Research", "Centre for Disease Prevention and Control": names joined by small words
    for (let joined = NAME_JOINED.exec(text.slice(Math.max(0, at - 80), at)); joined; joined = NAME_JOINED.exec(text.slice(Math.max(0, at - 80), at))) {
      at -= joined[0].length;
      name = text.slice(at, at + joined[0].length) + name;
    }
    // "that tweeter in Sydney suggested", "researchers at OpenAI in San Francisco revealed": a name after a
    // preposition is a place or a body the subject belongs to, not the subject
    if (/\b(?:in|at|near|across|outside|inside|of|for|with|to|on)\s+(?:the\s+)?$/.test(text.slice(Math.max(0, at - 16), at))) continue;
    // "As Montoya-Lewis said": the sentence's opening word is no part of the name
    const first = name.split(/\s+/)[0] as string;
    if (name.includes(' ') && NOT_NAMES.has(first)) {
      at += name.length - name.slice(first.length).trimStart().length;
      name = name.slice(first.length).trimStart();
    }
    if (quotes.some((q) => q.speakerBegin === at)) continue;
    if (NOT_NAMES.has(name.split(/\s+/)[0] as string) && !name.includes(' ')) continue;
    // a single word is a name only when titled or an organisation ("Alibaba says")
    const body = ORG_WORDS.test(name) || m === BODY_BEFORE.exec(before);
    // "Others reported", "Critics say": unnamed, not a name
    if (!name.includes(' ') && UNNAMED.has(name)) continue;
    if (!name.includes(' ') && !body && !/^(?:Mr|Mrs|Ms|Dr)\b/.test(before.slice(-(name.length + 4)))) {
      if (!/^[\p{Lu}][\p{L}]+$/u.test(name) || /\b(?:He|She|They|It|We|I)$/.test(name)) continue;
    }
    add(name, body || !/\s/.test(name) ? 'organisation' : 'person', at);
  }
  for (const v of text.matchAll(/[,;]\s+(?:said|says|reported|reports|estimates|noted|according to)\s+/g)) {
    const after = v.index + v[0].length;
    if (inQuote(v.index)) continue;
    const named = people().find((n) => n.begin >= after && n.begin < after + 60 && !/[,.;]/.test(text.slice(after, n.begin)));
    // "…, says Zhiqiang Shen, director of …" (not "…, said Hartley had …": there the name begins what was said)
    if (named && /^\s*(?:[,.;)]|$)/.test(text.slice(named.begin + named.name.length, named.begin + named.name.length + 2))) {
      if (!quotes.some((q) => q.speakerBegin === named.begin)) add(named.name, 'person', named.begin);
      continue;
    }
    // "reported Euro News"
    const body = /^(?:the\s+)?((?:[\p{Lu}][\p{L}.&'’-]*[^\S\n]?){1,5})(?=[.,;\n]|$)/u.exec(text.slice(after, after + 60));
    if (body && /^(?:reported|reports)/.test(v[0].replace(/^[,;]\s+/, ''))) add((body[1] as string).trim(), 'outlet', after + body[0].indexOf(body[1] as string));
  }
  for (const m of text.matchAll(/\b(?:[Ww]e|[Tt]his (?:newspaper|website|site|outlet|paper))\s+(?:reported|revealed|first reported|have reported)\b/g)) {
    if (!inQuote(m.index)) add(m[0].split(/\s+(?=reported|revealed|first|have)/)[0] as string, 'self', m.index);
  }
  if (siteName && namesSite) {
    for (const m of text.matchAll(new RegExp(String.raw`(?<![\p{L}])${siteName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\p{L}])\s+(?:reported|revealed|has reported)`, 'giu'))) {
      if (!inQuote(m.index)) add(m[0].slice(0, siteName.length), 'self', m.index);
    }
  }
  const anonymous: AnonymousSource[] = [];
  {
    const nouns = [...text.matchAll(ANONYMOUS_NOUNS)];
    for (const { m, index } of around(text, nouns, ANONYMOUS)) {
      const phrase = m[0].trim();
      const at = index + m[0].indexOf(phrase);
      if (!inQuote(at) && !anonymous.some((a) => a.begin < at + phrase.length && at < a.end)) anonymous.push({ text: phrase, begin: at, end: at + phrase.length });
    }
    const also = (begin: number, end: number): void => {
      if (!inQuote(begin) && !anonymous.some((a) => a.begin < end && begin < a.end)) anonymous.push({ text: text.slice(begin, end), begin, end });
    };
    // a group and its verb, found from the group's noun (a pattern tried at every word is slow)
    for (const found of nouns.filter((n) => GROUP_NOUN_SET.has(n[0].toLowerCase()))) {
      const at = found.index;
      const noun = found[0];
      {
        CLAIMED.lastIndex = at + noun.length;
        const claim = CLAIMED.exec(text);
        if (!claim) continue;
        const qualifiers = (GROUP_QUALIFIERS.exec(text.slice(Math.max(0, at - 40), at)) as RegExpExecArray)[0];
        also(at - qualifiers.length, at + noun.length + claim[0].length);
      }
    }
    // "a spokesperson for OpenAI", "A Whole Foods spokeswoman", "his spokesman"
    if (/spokes/i.test(text)) for (const found of text.matchAll(/(?<![\p{L}])spokes(?:man|woman|person)(?![\p{L}])/giu)) {
      const at = found.index;
      const noun = found[0];
      {
        const lead = SPOKES_BEFORE.exec(text.slice(Math.max(0, at - 60), at));
        if (!lead) continue;
        SPOKES_FOR.lastIndex = at + noun.length;
        const body = /^(?:a|an)\s/i.test(lead[0]) ? SPOKES_FOR.exec(text) : null;
        also(at - lead[0].length, at + noun.length + (body ? body[0].length : 0));
      }
    }
    // "a source said", "the senior political source close to …"
    for (const found of text.matchAll(/(?<![\p{L}])source(?![\p{L}])/giu)) {
      const at = found.index;
      SOURCE_AFTER.lastIndex = at + 'source'.length;
      if (!SOURCE_AFTER.test(text)) continue;
      const lead = SOURCE_BEFORE.exec(text.slice(Math.max(0, at - 40), at));
      if (lead) also(at - lead[0].length, at + 'source'.length);
    }
    anonymous.sort((a, b) => a.begin - b.begin);
  }
  citations.sort((a, b) => a.begin - b.begin);
  return { citations, anonymous };
}

/** The attribution of one text: its quotations with their speakers, its citations and its anonymous sources. */
export function analyseAttribution(text: string, options: { site?: string | null } = {}): Attribution {
  const people = lazyMentions(text);
  const quotes = findQuotes(text, people);
  return { quotes, ...findCitations(text, quotes, options.site ?? null, people) };
}
