/** People's and bodies' names in a text: which runs of capitals name someone, and the fullest form a text gives a name. */

import { capitals } from './text.js';

/** A name: capitalised words (an initial with its full stop counts as one), with the particles of names between them. */
const NAME_WORD = String.raw`(?:(?:Gov|Sen|Rep|Dr|Mr|Mrs|Ms|Prof|Gen|Lt|Col|Sgt|Gov|Jr|Sr|St)\.|[\p{Lu}](?:[\p{L}'’-]+|\.))`;
/** Lower-case particles inside names ("Bill de Blasio", "Laurence des Cars"). */
const PARTICLES = 'de|da|das|des|dos|van|von|der|den|ter|bin|ibn|al|el|la|le|del|della|di|du';
export const NAME = String.raw`${NAME_WORD}(?:[^\S\n]+(?:(?:${PARTICLES})[^\S\n]+)?${NAME_WORD}){0,5}`;
/** The same within one line. */
export const LINE_NAME = String.raw`${NAME_WORD}(?:[^\S\n]+(?:(?:${PARTICLES})[^\S\n]+)?${NAME_WORD}){0,3}`;
/** Titles before a name: they make the role, not the name. */
export const TITLES = /^((?:(?:Prime|Deputy|Foreign|Finance|Defen[cs]e|Interior|Health|Justice|Vice|Chief|Former|Acting)[\s-]+)*(?:Minister|President|Premier|Chancellor|Senator|Sen\.|Representative|Rep\.|Governor|Gov\.|Mayor|Judge|Justice|General|Gen\.|Secretary|Ambassador|Commissioner|Director|Chairman|Chairwoman|Chair|King|Queen|Prince|Princess|Pope|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Prof\.?|Professor|Sheriff|Detective|Officer|Coach|Captain|Colonel|Lieutenant|Supervisor|Councilman|Councilwoman|Councillor|Councilor|Alderman|Assemblyman|Assemblywoman|Congressman|Congresswoman|Bishop|Rabbi|Father|Sister|Imam)(?:\s+of\s+[\p{Lu}][\p{L}]+)?)\s+/u;
export const ORG_WORDS = /\b(ministry|department|agency|office|council|committee|commission|company|corporation|corp|inc|ltd|llc|plc|group|bank|university|college|school|hospital|government|police|court|union|association|party|organi[sz]ation|institute|foundation|authority|board|service|army|navy|force|embassy|fund|international|watch|nations|federation|alliance|league|society|network|trust|centre|center|bureau|reserve|administration|parliament|congress|senate|assembly|cabinet|kremlin|pentagon|white house|commission|exchange|airlines?|motors|technologies|systems|labs?|county|city|state|province|district|region|republic|kingdom|states|times|news|post|magazine|journal|republicans|democrats|research|finance|foods|media|capital|partners|holdings|insurance|pharmaceuticals?|therapeutics|consulting|analytics|ventures|studios|entertainment|brands|securities|investments|industries|software|telecom|communications)\b/i;

export interface Mention {
  name: string;
  begin: number;
  /** The name's words, and the name lower-cased between spaces, worked out once when first needed. */
  words?: string[];
  spaced?: string;
}

const wordsOf = (n: Mention): string[] => (n.words ??= n.name.split(' '));
const spacedOf = (n: Mention): string => (n.spaced ??= ` ${n.name.toLowerCase()} `);

/** Sentence openers and other capitalised words that begin no name. */
export const NOT_NAMES = new Set(['The', 'A', 'An', 'In', 'On', 'At', 'But', 'And', 'For', 'If', 'When', 'While', 'After', 'Before', 'As', 'It', 'This', 'That', 'These', 'Those', 'He', 'She', 'They', 'We', 'I', 'You', 'His', 'Her', 'Their', 'Our', 'My', 'Its', 'So', 'Yet', 'Still', 'Then', 'There', 'Here', 'However', 'Despite', 'According', 'Whatever', 'Within', 'With', 'From', 'By', 'Of', 'To', 'Because', 'Although', 'Though', 'Since', 'Until', 'Unless', 'Why', 'What', 'How', 'Where', 'Who', 'Meanwhile', 'Later', 'Earlier', 'Today', 'Yesterday', 'Mr', 'Mrs', 'Ms', 'Dr', 'Both', 'Asked', 'Reached', 'Contacted', 'Speaking', 'During', 'Unable', 'Like', 'Unlike', 'Now', 'Also', 'Even', 'Only', 'Just', 'Once', 'Be', 'Do', 'Let', 'Please', 'Note', 'Remember']);

// a capitalised word ("McLaughlin", "Miami-Dade"; "Amazon-owned", a hyphen before lower case, is no name's), or an
// initial inside a name ("Michael R. Bloomberg", "C. Eugene Steuerle")
const PERSON_WORD = String.raw`[\p{Lu}][\p{L}'’]*(?:-[\p{Lu}][\p{L}'’]*)*[\p{Ll}'’]`;
const PERSON_PART = String.raw`(?:${PERSON_WORD}|[\p{Lu}]\.(?=[^\S\n]+(?:[\p{Lu}]|(?:${PARTICLES})[^\S\n])))`;
const PERSON_RUN = new RegExp(String.raw`(?<![\p{L}.])(?:(?<title>Mr|Mrs|Ms|Dr|Prof|President|Senator|Sen|Governor|Gov|Minister|Mayor|Judge|General|Gen|Chancellor)\.?[^\S\n]+)?(?<name>${PERSON_PART}(?:[^\S\n]+(?:(?:${PARTICLES})[^\S\n]+)?${PERSON_PART}){0,5}(?:(?<=[^\p{L}](?:Jr|Sr))\.|[^\S\n]+(?:II|III|IV)\b)?)`, 'gu');
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
  const surnames = new Set(out.filter((n) => n.name.includes(' ')).map((n) => surnameOf(n.name)));
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

/** The surname in a full name: its last word but a generational suffix ("James P. Kennedy Jr." → "Kennedy"). */
export function surnameOf(name: string): string {
  const words = name.split(' ');
  let k = words.length - 1;
  if (k > 0 && /^(?:Jr\.?|Sr\.?|II|III|IV)$/.test(words[k] as string)) k--;
  return words[k] as string;
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
export function lazyMentions(text: string): () => Mention[] {
  let read: Mention[] | null = null;
  return () => (read ??= personMentions(text));
}


/** Whether the words of `part` run, in order and whole, inside `whole`. */
export function within(part: string, whole: string): boolean {
  return ` ${whole} `.includes(` ${part} `);
}

/**
 * The fullest name a mention stands for: the nearest name before it that
 * contains it (else the first after), then the longest name the article
 * gives with all of that one's words ("Te Kaurinui Parata" → "Te Kaurinui
 * Robert Parata").
 */
export function fullName(mention: string, at: number, names: Mention[]): string {
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

/** Words that name an office or a rank: a name that follows them is the person's. */
const OFFICE = /^(?:CEO|CFO|COO|CTO|Co-founder|Cofounder|Leader|Commissioner|Spokesman|Spokeswoman|Counsel|Lawyer|Attorney|Attorney|Director|Chief|Secretary|Minister|President|Chairman|Chairwoman|Chair|Spokesman|Spokeswoman|Spokesperson|Manager|Officer|Superintendent|Sheriff|Mayor|Governor|Senator|Judge|Prosecutor|Inspector|Sergeant|Detective|Captain|Coach|Executive|Founder|Analyst|Editor|Professor|Dean|Principal)$/;

/**
 * The person's name inside a longer run of capitalised words: what follows
 * the last word naming an office ("Cambridge Police Commissioner Christine
 * Elow"); a run of three words or more right after "of", "for", "in" …
 * begins with the end of that phrase ("… District of Massachusetts Joshua
 * Levy").
 */
export function personPart(name: string, text: string, at: number): string {
  const words = name.split(/\s+/);
  for (let k = words.length - 2; k >= 0; k--) if (OFFICE.test(words[k] as string)) return words.slice(k + 1).join(' ');
  if (words.length >= 3 && /\b(?:of|for|in|from|at|on|by)\s+$/.test(text.slice(Math.max(0, at - 6), at))) return words.slice(1).join(' ');
  return name;
}

/** Capitalised words that open a sentence about unnamed people: no names. */
export const UNNAMED = new Set(['Others', 'Some', 'Many', 'Most', 'Several', 'Critics', 'Officials', 'Experts', 'Analysts', 'Residents', 'Students', 'Staff', 'People', 'Police', 'Researchers', 'Scientists', 'Sources', 'Witnesses', 'Investigators', 'Authorities', 'Lawmakers', 'Economists', 'Doctors', 'Teachers', 'Parents', 'Observers', 'Activists', 'Detectives', 'Prosecutors', 'Officers', 'Agents', 'Tests', 'Studies', 'Reports', 'Data', 'Records', 'Polls', 'Surveys']);
