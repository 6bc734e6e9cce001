/** Named sources of claims (outlets, organisations, documents, people, the site itself) and unnamed ones. */

import { LETTER, capitals, type Span } from './text.js';
import { NAME, NOT_NAMES, ORG_WORDS, TITLES, UNNAMED, lazyMentions, surnameOf, within, type Mention } from './names.js';
import type { AnonymousSource, Citation, CitationKind, Quote } from './index.js';

/** News outlets and agencies that articles cite by name. */
const OUTLETS = [
  'Reuters', 'Associated Press', 'AP', 'AFP', 'Agence France-Presse', 'Bloomberg', 'BBC', 'CNN', 'CNBC', 'NBC News', 'ABC News', 'CBS News', 'Fox News',
  'The New York Times', 'New York Times', 'The Washington Post', 'Washington Post', 'The Wall Street Journal', 'Wall Street Journal', 'Financial Times',
  'The Guardian', 'Guardian', 'The Times', 'The Telegraph', 'The Economist', 'Politico', 'Axios', 'Al Jazeera', 'Xinhua', 'TASS', 'RIA Novosti', 'Interfax',
  'dpa', 'EFE', 'ANSA', 'Kyodo', 'Yonhap', 'NHK', 'Der Spiegel', 'Le Monde', 'El País', 'Sky News', 'NPR', 'Axel Springer', 'The Information', 'TechCrunch', 'The Verge', 'Wired',
  'Quartz', 'Vox', 'HuffPost', 'BuzzFeed News', 'ProPublica', 'Vice News', 'Yahoo Finance', 'Yahoo News', 'The Atlantic', 'The New Yorker', 'Semafor',
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
const ACCORDING_DOCUMENT = new RegExp(String.raw`[Aa]ccording to\s+(?:the\s+|a\s+|an\s+|new\s+)*((?:[\p{L}\d’'-]+\s+){0,5}(?:data|report|reports|study|survey|poll|analysis|assessment|notes|figures|records|documents?|filings?|statement|estimates|research|invitation|memo|letter|paper)(?:\s+(?:from|by|of|issued by|published by|obtained by)\s+(?:the\s+)?[\p{Lu}][\p{L}.&'’-]*(?:[^\S\n]+(?:(?:of|for|and)[^\S\n]+)?[\p{Lu}][\p{L}.&'’-]*){0,5}(?:\s+and\s+(?:his|her|their)\s+(?:associates|colleagues|co-?authors|team|students))?)?)(?![\p{L}])`, 'gu');

const DOCUMENT_SAYS = /\b(?:the|a|an|The|A|An)\s+((?:[\p{Ll}\d-]+\s+){0,4}(?:affidavit|statement|report|release|complaint|filing|memo|study|studies|survey|indictment|ruling|documents?|records|paper|legislation|regulations|law|bill))\s+(?:said|says|stated|states|state|shows|show|showed|found|reads|suggests|concludes|warned|warns|makes clear|estimated|estimates|(?:has |have )?(?:pointed out|shown))\b|\b(?:the\s+)?((?:[\p{Lu}][\p{L}]+\s+){1,3}(?:release|statement|report|filing))\s+(?:said|says|stated|states)\b/gu;

/** "according to whale rescue group Project Jonah": what the source is, then its name. */
const ACCORDING_NAME = new RegExp(String.raw`(?:[Aa]ccording to|\bper)\s+(?:the\s+)?(?:[\p{Ll}-]+\s+){0,4}(${NAME}(?:\.(?:com|org|net|io))?)`, 'gu');

/** "according to data analysis firm 1010data". */
const ACCORDING_FIRM = /[Aa]ccording to\s+(?:the\s+)?(?:[a-z-]+\s+){0,3}(?:firm|company|group|consultancy|agency|startup)\s+(\w[\w&-]*(?:\.\w[\w&-]*)*(?:[^\S\n]+[A-Z][\w&-]*){0,3})/g;

/** Another source in the same "according to": "and (authorities from) (the) X". */
const ACCORDING_MORE = new RegExp(String.raw`^,?\s+and\s+((?:authorities|officials|investigators|agents|prosecutors)\s+(?:from|at|with|of)\s+)?(?:the\s+)?(${NAME})`, 'u');

/** A name and a comma before a description in apposition: "Chi Onwurah, the " (before "Labour MP for …"). */
const DESCRIBED = new RegExp(String.raw`(?<![\p{L}])(${NAME}),\s+(?:the|a|an)\s+$`, 'u');

/** A name just before the end of a text (the subject of the verb that follows). */
const NAME_BEFORE = new RegExp(String.raw`(?<![\p{L}."“”])(?:the\s+)?(${NAME})$`, 'u');

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
const BODY_END = /(?:police|government|ministry|military|army|council|court|office|commission|department|agency|committee)$/;
/** After a name, more of it joined by small words: " and Tourism Council", " for Space Research". */
const NAME_GOES_ON = /^(?:[^\S\n]+(?:and|of|for|on)[^\S\n]+(?:[\p{Lu}][\p{L}'’-]*)(?:[^\S\n]+[\p{Lu}][\p{L}'’-]*)*)+/u;
/** "Michael Fitton, defending,": a name and a short description before the verb. */
const NAME_APPOSITION = new RegExp(String.raw`(?<![\p{L}"“”])(${NAME}),\s+[\p{Ll}][^,.;"“”]{1,100},$`, 'u');
/** Capitalised words and a joining word just before a name ("National Institute for " before "Space Research"). */
const NAME_JOINED = /(?:^|(?<=\s))(?:[\p{Lu}][\p{L}.'’-]*\s+)+(?:for|of|and|on)\s+(?:the\s+)?$/u;

/** A body named with a lower-case word just before the end of a text: "West Mercia police", "the Kenyan government". */
const BODY_BEFORE = new RegExp(String.raw`(?<![\p{L}])((?:[\p{Lu}][\p{L}'’-]+\s+){1,4}(?:police|government|ministry|military|army|council|court))$`, 'u');
/** A body named by what it does, after "the" or whose it is: "the prosecutor’s office", "China's commerce ministry", "the Inner Mongolia health commission". */
const BODY_DESCRIBED = new RegExp(String.raw`(?:(?<![\p{L}])the\s+|(?<![\p{L}])(?=[\p{Lu}][\p{L}.-]*['’]s\s))((?:[\p{Lu}][\p{L}.'’-]*\s+){0,4}(?:[\p{Ll}]+['’]s\s+)?(?:[\p{Ll}]+\s+)?(?:office|ministry|commission|department|agency|committee|police|government|council|court))$`, 'u');

/** Attribution phrases around a named source: what makes a mention a citation. */
const CITING_BEFORE = /(?:according to|per|told|tells|tell|reported by|in an interview with|speaking to|cited by|quoted by|source:|via|reports?\s+from|(?:reports?|reported|reporting|writes|wrote|writing)\s+for|(?:an? )?e-?mail to)\s*(?:the\s+)?$/i;
/** "Sui-Lee Wee of the ", before an outlet: the reporter. */
const REPORTER = /(?<![\p{L}])((?:[\p{Lu}][\p{L}'’-]*\s+){0,2}[\p{Lu}][\p{L}'’-]*)\s+of\s+(?:the\s+)?$/u;
/** "Sui-Lee Wee of the New York Times": a reporter and the outlet they write for. */
const REPORTER_OF = /[A-Z][\w'’-]*\s+of\s+(?:the\s+)?$/;
const CITING_AFTER = /^(?:'s)?\s*(?:reported|reports|said|says|first reported|cited|quoted|wrote|writes|revealed|found|announced|published|confirmed)\b/i;
const DOCUMENT = /\b(?:[Aa]|[Tt]he|[Ii]n a|[Ii]n its)\s+(?:[\p{Ll}-]+\s+){0,3}(?:statement|report|study|filing|ruling|court filing|court document|press release|memo|letter|survey|audit|indictment|complaint|lawsuit|affidavit)\s+(?:from|by|of|issued by|published by)\s+(?:the\s+)?[\p{Lu}][\p{L}.&'’-]*(?:[^\S\n]+(?:(?:of|for|and|on|de|du)[^\S\n]+)?[\p{Lu}][\p{L}.&'’-]*)*/gu;
/** Unnamed groups whose claims an article reports. */
const GROUP_NOUNS = ['officials', 'experts', 'analysts', 'researchers', 'investigators', 'detectives', 'economists', 'scientists', 'critics', 'observers', 'diplomats', 'insiders', 'authorities', 'witnesses', 'lawmakers', 'legislators', 'people', 'members', 'sources', 'workers', 'employees', 'residents', 'hawks', 'voters', 'volunteers', 'organizers', 'prosecutors', 'advisers', 'advisors', 'consumers', 'customers', 'regulators', 'others'];
const GROUPS = `(?:${GROUP_NOUNS.join('|')})`;
const CLAIMS = String.raw`(?:said|say|says|told|tell|believe|believed|warn|warned|warning|noted|note|urged|argue|argued|estimate|claim|claimed|explained|reported|suspect|think|fear|feared|explained|have explained|have said|are warning|have warned|expect|expected|admitted|acknowledged|recalled)`;
/** Someone unnamed, one of a kind: "one Washington-based trade expert", "a local police source", "a Taliban representative". */
const ONE_OF = String.raw`(?:a|an|one|another|a second|a third)\s+(?:[\p{L}-]+\s+){0,3}?(?:person|source|official|expert|analyst|representative|commenter|insider|diplomat|executive|aide|adviser|advisor|staffer|employee|lawmaker|officer|investigator|witness|resident)`;
const ANONYMOUS = new RegExp(
  [
    String.raw`informed sources`,
    String.raw`(?:(?:two|three|several|multiple)\s+)?(?:sources|people|persons|officials|insiders)\s+(?:close to|familiar with|briefed on|with knowledge of|who (?:have )?spoken (?:to|with))\s+[^,.;"“”]{3,60}?(?=\s+(?:said|say|says|told|who)\b|[,.;]|$)`,
    String.raw`(?:a|one|another)\s+(?:person|source|official|senior official|insider|diplomat|executive)\s+(?:close to|familiar with|briefed on|with knowledge of|at|in|from)\s+[^,.;"“”]{3,60}?(?=\s+(?:said|say|says|told|who)\b|[,.;]|$)`,
    String.raw`(?:unnamed|anonymous)\s+(?:sources?|officials?)`,
    // "one Washington-based trade expert said", "a second person briefed on the call said", "according to a local police source"
    String.raw`${ONE_OF}(?:\s+(?:briefed on|familiar with|close to|with knowledge of|in|at|from|for)\s+[^,.;"“”]{3,60}?)?(?=\s+(?:said|says|told|added|explained|recalled|confirmed)\b)`,
    String.raw`(?<=according to\s+)${ONE_OF}(?![\p{L}])`,
    // "acknowledged by outside authorities"
    String.raw`(?<=(?:acknowledged|confirmed|reported|denied|disputed)\s+by\s+)(?:[\p{Ll}-]+\s+){0,2}${GROUPS}\b`,
    // "say economists", "according to officials", "according to health care workers"
    String.raw`(?:say|says|said|according to)\s+(?:the\s+)?(?:[\p{Ll}-]+\s+){0,2}${GROUPS}\b`,
  ].join('|'),
  'giu',
);
/** "officials said", "Deficit hawks have warned": a group and what it claims (the words before it are read backwards). */
/** After a group: its verb of claiming ("officials said", "Deficit hawks have warned"). */
const CLAIMED = new RegExp(String.raw`(?:\s+(?:in|at|from)\s+[\p{Lu}][\p{L}-]*(?:\s+[\p{Lu}][\p{L}-]*){0,2})?\s+(?:(?:this|last)\s+(?:week|month|year)\s+)?(?:(?:have|had|are|also|now|have also|[\p{Ll}]+ly)\s+)?(?:${CLAIMS}|found|announced|worry|are (?:particularly )?(?:worried|concerned)|have (?:also )?spotted|link)\b`, 'iuy');
/** "said one person", "said someone at the meeting": an unnamed speaker after the verb. */
const SAID_UNNAMED = /\b(?:said|says)\s+(?:(?:one|another)\s+(?:[a-z-]+\s+){0,2}(?:person|man|woman|resident|attendee|caller|participant|operative|official|member)|someone)\b(?:\s+(?:at|in|from)\s+[^,.;"“”\n]{2,40}?(?=[,.;]|\s+who\b))?/g;
/** "Some advertisers claim": a vague count of a group (any plural noun) and a verb of claiming. */
const VAGUE_GROUP_CLAIMS = new RegExp(String.raw`\b(?:[Ss]ome|[Mm]any|[Mm]ost|[Ss]everal)\s+(?:[a-z-]+\s+){0,2}[a-z]+s\s+(?:(?:have|had|also|now)\s+)?${CLAIMS}\b`, 'g');
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
const ANONYMOUS_NOUNS = wordsPattern([...GROUP_NOUNS, 'persons', 'person', 'source', 'official', 'insider', 'diplomat', 'executive', 'expert', 'analyst', 'representative', 'commenter', 'aide', 'adviser', 'advisor', 'staffer', 'employee', 'lawmaker', 'officer', 'investigator', 'witness', 'resident']);
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
const GROUP_QUALIFIERS = /(?:(?:some|many|most|several|other|two|three|a number of|a group of|a string of)\s+)?(?:(?<![\p{L}’'-])(?!(?:when|while|and|but|that|as|after|because|if|where|since|though|although|so|or|then|until|before)\s)[\p{Ll}’'-]+\s+){0,2}$/iu;

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
  const surnames = (): Set<string> => (known ??= new Set(people().filter((n) => n.name.includes(' ')).map((n) => surnameOf(n.name))));
  let known: Set<string> | null = null;
  // ("Li explained" after "Li Jifeng": a name's first word, family names coming first in Chinese)
  const givenNames = (): Set<string> => (firstWords ??= new Set(people().filter((n) => n.name.includes(' ')).map((n) => n.name.split(' ')[0] as string)));
  let firstWords: Set<string> | null = null;
  // people and bodies the article quotes are speakers, not citations
  const speakers = quotes.map((q) => q.speaker).filter((x): x is string => x !== null);
  const quoted = (name: string): boolean => speakers.some((sp) => within(name.replace(/^(?:Mr|Mrs|Ms|Dr)\.?\s+/, ''), sp) || within(sp, name));
  const add = (name: string, kind: CitationKind, begin: number): void => {
    // a full stop after a word is the sentence's ("told the Globe."), not the name's
    name = name.replace(/([\p{L}\d]{2,})\.$/u, '$1').trimEnd();
    if (kind === 'person' || kind === 'organisation') {
      // "Brazil’s National Institute for Space Research": what a body belongs to is no part of its name
      const owner = /^([\p{Lu}][\p{L}-]*)(?:['’]s|(?<=[sxz])['’])\s+(?=[\p{Lu}])/u.exec(name);
      if (owner) {
        // "NPR’s Feng", "Quartz' Dan Kopf": the outlet a reporter writes for is cited too
        const outlet = owner[1] as string;
        if (OUTLETS.includes(outlet) || OUTLET_WORDS.test(outlet)) add(outlet, 'outlet', begin);
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
      else if (kind === 'organisation' && !name.includes(' ') && (surnames().has(name) || givenNames().has(name))) kind = 'person';
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
    // "LOS ANGELES (Reuters) -" on reuters.com: the dateline's credit to the site itself is its byline, not a source
    if (isSite(m.name) && /\(\s*$/.test(before) && /^\s*\)\s*[-–—]/.test(after)) continue;
    if (CITING_BEFORE.test(before) || CITING_AFTER.test(after) || REPORTER_OF.test(before) || /\((?:[^)]{0,40})?$/.test(before)) add(m.name, 'outlet', at);
  }
  // "according to government data", "according to the explanatory notes of the British Bill": a document
  const according = text.includes('ccording to');
  if (according) for (const m of text.matchAll(ACCORDING_DOCUMENT)) {
    // "a new CBS News Battleground Tracker poll": the adjectives before a name go; "the explanatory notes of the
    // British Bill" keeps its words
    const stripped = (m[1] as string).replace(/^(?:[\p{Ll}-]+\s+)+(?=[\p{Lu}])/u, '');
    const name = DOCUMENT_WORD.test(stripped) ? stripped : (m[1] as string);
    const at = m.index + m[0].length - name.length;
    // "according to data analysis firm 1010data": what the source is, not a document
    if (/^\s+(?:firm|company|group|consultancy|agency|startup)\b/.test(text.slice(at + name.length, at + name.length + 14))) continue;
    if (!inQuote(at)) add(name, 'document', at);
  }
  for (const lead of text.matchAll(CITED_BY)) {
    CITED_NAME.lastIndex = lead.index + lead[0].length;
    const named = CITED_NAME.exec(text);
    if (!named) continue;
    const name = named[1] as string;
    const at = named.index + named[0].length - name.length;
    if (inQuote(at) || NOT_NAMES.has(name)) continue;
    // "told the U.N. General Assembly": whom someone spoke to is a source only when it is an outlet
    const outletLike = OUTLET_WORDS.test(name) || OUTLETS.includes(name) || isSite(name);
    if (/^(?:told|speaking to|spoke to)\b/.test(lead[0]) && !outletLike) continue;
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
  // "according to data analysis firm 1010data": a body named after what it is, whatever its name looks like
  if (according) for (const m of text.matchAll(ACCORDING_FIRM)) {
    const at = m.index + m[0].length - (m[1] as string).length;
    if (!inQuote(at)) add(m[1] as string, 'organisation', at);
  }
  // "according to X" (with what X is between: "according to whale rescue group Project Jonah")
  if (according || /\bper [A-Zt]/.test(text)) for (const m of text.matchAll(ACCORDING_NAME)) {
    const at = m.index + m[0].length - (m[1] as string).length;
    // "the World Travel and Tourism Council": names joined by small words go on
    const joined = NAME_GOES_ON.exec(text.slice(at + (m[1] as string).length, at + (m[1] as string).length + 60));
    const name = (m[1] as string) + (joined ? joined[0] : '');
    // "according to Environmental Protection Department officials": unnamed people, not the body
    if (/^\s+(?:officials?|sources?|spokes\w+|staff|staffers?|employees?|representatives?|members?|aides?|advisers?|advisors?)\b/.test(text.slice(at + name.length, at + name.length + 16))) continue;
    if (!inQuote(at)) add(name, ORG_WORDS.test(name) || name.split(/\s+/).length > 3 ? 'organisation' : 'person', at);
    // "according to Levy and authorities from Homeland Security Investigations and the Cambridge Police": each one named
    for (let next = at + name.length, k = 0; k < 3; k++) {
      const more = ACCORDING_MORE.exec(text.slice(next, next + 120));
      if (!more) break;
      const also = (more[2] as string) + (NAME_GOES_ON.exec(text.slice(next + more[0].length, next + more[0].length + 60))?.[0] ?? '');
      const alsoAt = next + more[0].length - (more[2] as string).length;
      if (!inQuote(alsoAt)) add(also, more[1] || ORG_WORDS.test(also) || also.split(/\s+/).length > 3 ? 'organisation' : 'person', alsoAt);
      next = alsoAt + also.length;
    }
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
      (BODY_END.test(before) ? (BODY_BEFORE.exec(before) ?? BODY_DESCRIBED.exec(before)) : null) ??
      (before.endsWith(',') ? (NAME_APPOSITION.exec(before) ?? NAME_SET_OFF.exec(before)) : null) ??
      (/\s(?:which|that|who)$/.test(before) ? NAME_RELATIVE.exec(before) : null);
    if (!m) continue;
    let name = m[1] as string;
    let at = verbAt - before.length + (m.index ?? 0) + m[0].indexOf(name);
    // "Wee of the Times reports": the outlet, and the reporter writing for it
    const reporter = OUTLET_WORDS.test(name) || OUTLETS.includes(name) ? REPORTER.exec(text.slice(Math.max(0, at - 60), at)) : null;
    if (reporter) {
      const who = reporter[1] as string;
      add(name, 'outlet', at);
      add(who, 'person', at - reporter[0].length + reporter[0].indexOf(who));
      continue;
    }
    // "National Institute for Space Research", "Centre for Disease Prevention and Control": names joined by small words
    for (let joined = NAME_JOINED.exec(text.slice(Math.max(0, at - 80), at)); joined; joined = NAME_JOINED.exec(text.slice(Math.max(0, at - 80), at))) {
      at -= joined[0].length;
      name = text.slice(at, at + joined[0].length) + name;
    }
    // "Chi Onwurah, the Labour MP for Newcastle Central, who …, said": the title describes the name before it
    const describedFrom = Math.max(0, at - 80);
    const described = DESCRIBED.exec(text.slice(describedFrom, at));
    if (described) {
      at = describedFrom + described.index + described[0].indexOf(described[1] as string);
      name = described[1] as string;
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
    const body = ORG_WORDS.test(name) || BODY_END.test(name);
    // "Others reported", "Critics say": unnamed, not a name
    if (!name.includes(' ') && UNNAMED.has(name)) continue;
    if (!name.includes(' ') && !body && !/^(?:Mr|Mrs|Ms|Dr)\b/.test(before.slice(-(name.length + 4)))) {
      if (!/^[\p{Lu}][\p{L}]+(?:-[\p{Lu}][\p{L}]+)?$/u.test(name) || /\b(?:He|She|They|It|We|I)$/.test(name)) continue;
    }
    add(name, body || !/\s/.test(name) ? 'organisation' : 'person', at);
  }
  for (const v of text.matchAll(/[,;]\s+(?:said|says|reported|reports|estimates|noted|according to)\s+/g)) {
    const after = v.index + v[0].length;
    if (inQuote(v.index)) continue;
    const named = people().find((n) => n.begin >= after && n.begin < after + 60 && !/[,.;]/.test(text.slice(after, n.begin).replace(/\b(?:Mr|Mrs|Ms|Dr|Prof)\./g, '')));
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
    for (const m of text.matchAll(SAID_UNNAMED)) also(m.index + m[0].indexOf(' ') + 1, m.index + m[0].length);
    // "Some advertisers claim", "Many residents said": any group, counted vaguely, and its claim
    for (const m of text.matchAll(VAGUE_GROUP_CLAIMS)) also(m.index, m.index + m[0].length);
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
