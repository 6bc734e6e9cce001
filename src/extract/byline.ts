/**
 * The name a byline gives, read from the text of an element that says it is
 * the byline or the author: "Posted by Jane Doe at 18:52", "Von Jane Doe ·
 * 31. Oktober 2023", "| Autor: jdoe", "29. Juni 2017, 23:39 · von Jane".
 * The words that introduce the name, the date and time written after it and
 * the punctuation around it are left out; a comment's author ("Jane says:"),
 * a form's label ("Name *") and a label alone ("Posted on") give no name.
 */

/** Where a byline's text goes on to something else: "Name · date", "Name | site", "Name - team". */
const SEGMENT = /\s*[·•|»]\s*|\s+[—–/-]\s+|\n/;

/** Words that introduce the name: "By", "Posted by", "Eingestellt von", "Autor:", "Publié par", "Escribe". */
const LEAD = new RegExp(
  String.raw`^(?:(?:posted|written|published|reported|created|erstellt|eingestellt|gespeichert|verfasst|geschrieben|veröffentlicht|publiziert|publié|écrit|publicado|escrito|pubblicato|scritto|post author|beitrag|rezept|recipe|zeige alle beiträge|alle beiträge|zum profil|mehr|analysis|commentary|opinion|review|story|words)\s+)?` +
    String.raw`(?:(?:by|von|vom|par|por|di|door|av|przez|от|escribe|piše|napisao|napisała)(?:\s*:\s*|\s+|$)|(?:authors?|autor(?:in|en)?|auteurs?|autore|автор)(?:\s*:\s*|\s+|$)|(?:text|interview|texte|texto|текст)(?:\s+(?:und|and|&|y|et)\s+\p{L}+)?\s*:\s*)`,
  'iu',
);

/** Two people of an interview's byline: "Richard David Precht im Gespräch mit Karin Fischer" names both. */
const CONVERSATION = /\s+(?:im gespräch mit|in conversation with|en conversation avec|en conversación con|in conversa com)\s+/giu;

/** A line ending with a title that goes before a name ("Dr." over "Jane Doe"). */
const TITLE_AT_END = /((?<!\p{L})(?:dr|prof|mag|dipl|ing|mr|mrs|ms)\.)\n/giu;

/** A line ending within a list of names ("Tariq Malik," over "Mike Wall"): the list goes on on the next line. */
const LIST_AT_END = /(,|&|\b(?:and|und|y|et))\n/giu;

/** A line ending with a word that introduces a name, before the line holding the name. */
const LEAD_AT_END = /((?<!\p{L})(?:by|von|vom|par|por|di|door|av|przez|от|escribe|piše|authors?|autor(?:in|en)?|auteurs?|autore|автор)\s*:?)\n/giu;

/** A label written together with the name: "AuthorJane Doe", "Beitragvon jdoe", "ByJane Doe". */
const GLUED_LABEL = /^(?:[Aa]uthor|[Aa]utor|[Bb]eitrag|[Bb]y|[Vv]on)(?=von\s|\p{Lu})/u;

/** A credit for a picture, not a byline: "Foto: Jane Doe". */
const PICTURE_CREDIT = /^(?:foto|fotos|photo|photos|bild|bilder|image|images|credit|crédit|imagen)\s*:/iu;

/** A comment's author line: "Jane says:", "Jane sagt:". */
const COMMENT_AUTHOR = /\s(?:says|said|sagt|schreibt|meint|dit|dice|scrive|écrit|wrote)\s*:/iu;

/** Text that is a label, not a name. */
const LABEL_ONLY =
  /^(?:(?:posted|published|veröffentlicht|publiziert|publié|publicado|pubblicato|erstellt|geschrieben|updated|aktualisiert)(?:\s+(?:on|am|le|el|il|at))?|zuletzt (?:geändert|aktualisiert)|last (?:modified|updated|edited)|name|e-?mail|website|by|von|por|par|di|unbenannt|follow(?: author)?|autor(?:in|en)?|authors?|auteurs?)$/iu;

/** A form field's label: "Name *", "Name (erforderlich)". */
const FORM_LABEL = /\*|\((?:erforderlich|required|obligatoire|obligatorio|pflichtfeld)\)/iu;

/** A label inside the byline after the name: "Jane Doe Kategorien: Mode", "Jane Doe Stand: 05.02.2020". */
const INNER_LABEL = /\s\p{L}+:(?:\s|$)/u;

/** A word, month or weekday that leads from the name to the date after it ("Jane am Samstag, 19. Oktober", "Jane Doe March 25, 2015", "Jane Doe Fr, 18. Oktober"): left out only before a date, since "May" or "Mai" may be a name. */
const TRAILING_WORD = new RegExp(
  String.raw`(?:^|\s+)(?:${[
    'am|on|at|le|el|il|um|den|the|de|vor|hace|updated|aktualisiert|veröffentlicht|published|publicado|publié|publiée|pubblicato|modifié|actualizado',
    '(?:mon|tues|wednes|thurs|fri|satur|sun)day|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|mon|tue|wed|thu|fri|sat|sun|mo|di|mi|do|fr|sa|so',
    'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec',
    'januar|februar|märz|juni|juli|oktober|dezember|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre',
    'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre',
  ].join('|')})\.?$`,
  'iu',
);

/** An English or German month, weekday or label written onto the name before the date: "Jane DoeNovember 15, 2019", "Jane DoePubliziert 03.02.2022", "Jane DoeHace 13 horas". */
const GLUED_DATE_WORD = /(?<=\p{Ll})(?:Published|Updated|Publiziert|Veröffentlicht|Aktualisiert|Hace|Vor|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August|September|October|November|December|Januar|Februar|März|Juni|Juli|Oktober|Dezember)$/u;

/** Punctuation around a name (and a copyright sign before it: "© Jane Doe"). */
const EDGES = /^[\s|:~·•»,;–—©-]+|[\s|:~·•»,;–—-]+$/gu;

/** A news agency named after the author, as a source: "Von Jane Doe, dpa", "Jane Doe, AP". */
const AGENCY_AFTER = /(?<=\p{L}),\s*(?:dpa|afp|apa|epd|kna|sid|ap|reuters|ddp)$/iu;

/** Degrees and licences after the name: "Grant Tinsley, PhD", "Ilana Muhlstein, MS, RDN" (the name alone is the one other articles give). */
const CREDENTIAL_AFTER = /(?<=\p{L})(?:,\s*(?:Ph\.?\s?D\.?|M\.?D\.?|MS|MSc|MA|MPH|RDN?|RN|LD|CDE|DVM|MBA|PharmD|CPT|CSCS))+$/u;

/** A social account's handle after the name: "Williams Perdomo @wperdomod". */
const HANDLE_AFTER = /(?<=\p{L})\s+@[\p{L}\p{N}_.]+$/u;

/** A name without the handle and the degrees written after it, declared or read from a byline. */
const withoutAfterName = (name: string): string => name.replace(HANDLE_AFTER, '').replace(CREDENTIAL_AFTER, '');

/** The most words one name of a byline has, its particles not counted ("Jean-Baptiste de la Fontaine", "Les Membres du Choeur de Radio France"). */
const MAX_NAME_WORDS = 6;

/** Where a list of names goes on to the next: "A, B and C", "A und B", "A y B". */
export const NAME_LIST = /\s*(?:[,;&]|\band\b|\bund\b|\by\b|\bet\b)\s*/u;

/** The longest name a byline gives, in characters (longer, it is a line of something else). */
const MAX_LENGTH = 80;

/** Declared names longer than this are left as they are (no name is; the patterns are not run over a page's worth of text). */
const MAX_DECLARED = 300;

/** Words written in lower case inside names ("Ursula von der Leyen", "Jane Doe and John Roe"). */
const PARTICLES = new Set('de da di do du del della des van von der den la le y e et and und bin ibn al el zu ter ten dos das'.split(' '));

/**
 * Whether a text of three words or more has a word in lower case that is no
 * particle of a name, or two words a capital and then a lower-case word: a
 * sentence, a title or a phrase ("Eine realistische Interpretation des
 * Multiplikators", "En kiosques"), not names. (A user's name written in
 * lower case is one or two words: "gnaddrig", "der Michel".)
 */
export function reads(text: string): boolean {
  const words = text.split(/[\s,;]+/).filter(Boolean);
  const lower = (w: string): boolean => /^\p{Ll}/u.test(w) && !PARTICLES.has(w);
  // two words, a capital then a word in lower case: a phrase ("En kiosques", "Zuletzt geändert")
  if (words.length === 2) return /^\p{Lu}/u.test(words[0] as string) && lower(words[1] as string);
  return words.length >= 3 && words.some(lower);
}

/**
 * The name a byline's text gives, or null when it gives none: the first part
 * of the text ("Jane Doe · 31. Oktober 2023"), or a later part that a word
 * such as "by" introduces ("29. Juni 2017 · von Jane"; not "01.12.2022 / CSP /
 * International", a list of categories).
 */
export function bylineName(text: string): string | null {
  if (COMMENT_AUTHOR.test(text) || FORM_LABEL.test(text)) return null;
  // a line that ends with the word introducing the name ("Eingestellt von", "Auteur:"), within a list of names or with a title ("Dr.") goes on on the next
  const parts = text
    .replace(CONVERSATION, ', ')
    .replace(LEAD_AT_END, '$1 ')
    .replace(LIST_AT_END, '$1 ')
    .replace(TITLE_AT_END, '$1 ')
    .split(SEGMENT)
    .map((segment) => segment.replace(EDGES, ''))
    .filter((part) => part !== '');
  // a word such as "von" opening a later part names the author there, over a first part it does not ("Pressemitteilung · von Jane Doe")
  const introduced = parts.findIndex((part, k) => k > 0 && LEAD.test(part));
  if (introduced > 0 && !LEAD.test(parts[0] as string)) {
    const name = nameIn(parts[introduced] as string, false);
    if (name) return name;
  }
  let first = true;
  for (const part of parts) {
    // "Posted on September 21, 2020 by Jane Doe": the name after the date
    const later = /\s(?:by|von|par|por)\s+(?=\S)/iu.exec(part);
    const name = nameIn(part, first) ?? (later ? nameIn(part.slice(later.index + 1), false) : null);
    if (name) return name;
    first = false;
  }
  return null;
}

/**
 * A name a page declares (JSON-LD, meta elements), without the words before
 * it ("By Jane Doe", "Текст: …") and what follows a bar ("Jane Doe | Example
 * Media"); nothing else is cut: declared names are names ("Bündnis 90/Die
 * Grünen").
 */
export function declaredName(name: string): string {
  if (name.length > MAX_DECLARED) return name;
  let s = name.replace(EDGES, '');
  for (let k = 0; k < 2; k++) {
    const lead = LEAD.exec(s);
    if (!lead) break;
    s = s.slice(lead[0].length).replace(EDGES, '');
  }
  s = withoutAfterName((s.split(/\s+\|\s+/)[0] as string).replace(EDGES, ''));
  return s === '' || LABEL_ONLY.test(s) ? name : s;
}

function nameIn(segment: string, first: boolean): string | null {
  let s = segment.replace(GLUED_LABEL, '');
  let introduced = false;
  for (let k = 0; k < 2; k++) {
    const lead = LEAD.exec(s);
    if (!lead) break;
    introduced = true;
    s = s.slice(lead[0].length).replace(EDGES, '');
  }
  if ((!first && !introduced) || PICTURE_CREDIT.test(s)) return null;
  // a date that opens the segment: the name, if any, is in another one
  if (/^\d/.test(s)) return null;
  const date = /[\s,(]\d/.exec(s);
  const label = INNER_LABEL.exec(s);
  if (label && label.index > 0 && (!date || label.index < date.index)) s = s.slice(0, label.index);
  else if (date) {
    s = s.slice(0, date.index);
    // the words that lead to the date ("am Samstag,", "Fr,", "March")
    for (let before = ''; before !== s; ) {
      before = s;
      s = s.replace(EDGES, '').replace(TRAILING_WORD, '').replace(GLUED_DATE_WORD, '');
    }
  }
  s = withoutAfterName(s.replace(EDGES, '').replace(AGENCY_AFTER, ''));
  // a name has a letter and two letters or digits or more ("S." is an initial, "()x" no name; "r23" is one)
  if (s.length > MAX_LENGTH || !/\p{L}/u.test(s) || (s.match(/[\p{L}\p{N}]/gu)?.length ?? 0) < 2 || LABEL_ONLY.test(s) || reads(s)) return null;
  const tooLong = s.split(NAME_LIST).some((name) => name.split(/\s+/).filter((w) => !PARTICLES.has(w)).length > MAX_NAME_WORDS);
  return tooLong ? null : s;
}

/** "By", "von", "par", "por" before a capital: where a byline written in the text begins. */
const OPENING_LEAD = /(?:^|\s)(?:[Bb]y|[Vv]on|[Pp]ar|[Pp]or)\s+(?=\p{Lu})/u;

/** How far into a line its byline may begin ("Blog Beitrag von …", "06.11.2023 13:30 von …"). */
const OPENING_LEAD_AT = 30;

/** Who made the site, not the article: "Designed by …", "Powered by …", "Theme von …". */
const MADE_BY = /(?:designed|powered|theme|developed|hosted|made|built|template|realisiert|umgesetzt|programmiert|gestaltet|entwickelt)\s*$/i;

/** The most words a name read from the text has (a byline in the text is a short line, not a list). */
const OPENING_NAME_WORDS = 4;

/** The most names a byline read from the text lists. */
const OPENING_NAMES = 3;

/**
 * The name of a byline written as one of the article's first lines ("von
 * Daniela Obers", "Von R. R. am 07.08.2013 um 09:07 Uhr", "Blog Beitrag von
 * Margarita Koreneva"), for a page that marks none: a short line, not a
 * sentence, whose name is of capitalised words (not "Von Berlin aus fährt
 * der Zug"), and of two words or more unless the line opens with it ("Absatz
 * von Hauptprodukten": German capitalises nouns). Read also in the lines of
 * elements that speak of dates ("Posted on 21.09.2020 by Jane Doe").
 */
export function openingByline(paragraphs: readonly string[], lines = 3, leadAt = OPENING_LEAD_AT): string | null {
  for (const line of paragraphs.slice(0, lines)) {
    if (line.length > 100 || /[.!?]["”’]?$/.test(line)) continue;
    const lead = OPENING_LEAD.exec(line);
    if (!lead || lead.index > leadAt || MADE_BY.test(line.slice(0, lead.index))) continue;
    const name = bylineName(line.slice(lead.index).trim());
    if (!name) continue;
    const words = name.split(/\s+/);
    if (words.length < 2 && lead.index > 0) continue;
    // each name of a list ("Roland Brockmann und Sebastian Drescher") of a few capitalised words
    const names = name.split(NAME_LIST);
    if (names.length <= OPENING_NAMES && names.every((n) => n.split(/\s+/).length <= OPENING_NAME_WORDS) && !name.includes('/') && words.every((w) => /^\p{Lu}/u.test(w) || PARTICLES.has(w))) return name;
  }
  return null;
}

/**
 * The name of a byline written as the article's last line, opened by "Von",
 * "By" and the like ("Von Cosima Künzel", as regional papers sign a report),
 * read as the opening line is (see openingByline).
 */
export function closingByline(paragraphs: readonly string[]): string | null {
  return paragraphs.length > 1 ? openingByline(paragraphs.slice(-1), 1, 0) : null;
}

/** Words that label the author's name (in the singular: "Autoren", "Authors" alone are links of a menu). */
const LABELS = String.raw`autor(?:in)?|author|auteur|autore|autora|verfasser(?:in)?`;

/** A line labelled as the author's ("Autor: Fritz Imhof", "Redaktion: Eberhard Fuhr (Pressesprecher)"). */
const AUTHOR_LABEL = new RegExp(String.raw`^(?:${LABELS}|redaktion)\s*:\s*(?=\p{Lu})`, 'iu');

/** A label of the author's alone on its line, the name on the next. */
const LABEL_LINE = new RegExp(String.raw`^(?:${LABELS})\s*:?$`, 'iu');

/**
 * The name a line labelled as the author's gives, among the lines of
 * elements that speak of the date ("Datum: 19.11.2021 / Autor: Fritz Imhof /
 * Quelle: Livenet"): there, not in the article's text, where a review writes
 * "Autor:" over the book's.
 */
export function labelledByline(texts: readonly string[]): string | null {
  for (const text of texts) {
    if (!LABEL_WORD.test(text)) continue;
    // a line, or a part of one after a separator ("05.02.2020 - Redaktion: Eberhard Fuhr")
    const lines = text.split(/\n|\s[-–—|·•]\s/);
    for (const [k, line] of lines.entries()) {
      // or the label alone, the name on the next line ("Autor" over "Nikolai Huke,"), of two words or more there
      const inLine = AUTHOR_LABEL.test(line);
      const labelled = inLine ? line.replace(AUTHOR_LABEL, '') : LABEL_LINE.test(line) ? lines[k + 1] : undefined;
      const name = labelled ? bylineName(labelled.replace(/\s*\(.*$/, '')) : null;
      if (name && (inLine || /\S\s+\S/.test(name))) return name;
    }
  }
  return null;
}


/** The words of the labels, looked for before a text's lines are. */
const LABEL_WORD = /autor|author|auteur|verfasser|redaktion/i;
