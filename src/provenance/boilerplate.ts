import type { Boilerplate, BoilerplateKind } from '../types.js';

/**
 * Lines that are not the article's own text, by what they say: a call to
 * action (subscribe, follow, share, download the app, join the channel), a
 * credit line ("Source: …", "Read more at …", "This article first appeared
 * in …") and an author's biography ("Jane Doe is a freelance writer …",
 * "About the author") at the end of the article. English, German, French,
 * Spanish, Portuguese, Italian and Russian phrasings are known. Lines a site
 * repeats under many articles (its template) are found by the store, not
 * here.
 */

/** Lines longer than this are prose, whatever they begin with. */
const MAX_LINE = 200;
/** A biography is one of the article's last paragraphs, and short. */
const BIO_LAST_LINES = 2;
const MAX_BIO = 600;

const CALL_TO_ACTION = new RegExp(
  [
    // an imperative at the start of the line, or an invitation anywhere in it
    String.raw`^(please\s+|and\s+|also\s+|you can (also )?)?(subscribe|sign up|follow|join|like us|download|get (our|the) app|turn on notifications|share (this|it)|don[’']t miss|stay tuned|click|support (us|our))\b`,
    String.raw`\b(follow|join) us\b|\bsubscribe to (our|my)\b|\b(our|my) (telegram|whatsapp|viber|signal|youtube|discord)\b|\b(telegram|whatsapp|viber|signal|discord) (channel|group|kanal|канал)|\b(canal|grupo) de (telegram|whatsapp)\b`,
    // a word that begins with a letter beyond ASCII ("Únete") has no \b before it: a letter or digit may not precede it
    String.raw`(?<![\p{L}\p{N}])(abonnez-vous|suivez-nous|rejoignez-nous|téléchargez (notre|l['’]application)|abonniere|abonnieren sie|folgen sie uns|folge uns|suscr[ií]bete|s[ií]guenos|[úu]nete|descarga (nuestra|la) app|inscreva-se|siga-nos|assine|iscriviti|seguici|подпишитесь|подписывайтесь|присоединяйтесь)`,
  ].join('|'),
  'iu',
);

const CREDIT_LINE = new RegExp(
  [
    String.raw`^\(?(source|sources|credit|credits|photo|image|quelle|quellen|fuente|fonte|источник|источники)\s*[:\-–—]`,
    String.raw`^(courtesy of|via)\s+\S.{0,60}$`,
    String.raw`^(read more|read the (full|original) (story|article)|originally (published|appeared)|continue reading)\s*(at|on|in|:|here)`,
    String.raw`^(this|the) (article|story|post|piece) (was )?(first |originally )?(appeared|published|written)\b`,
    String.raw`^(this|the) (article|story|post) (is )?(republished|reprinted|reproduced) (from|with|under)\b`,
    String.raw`^(cet article|este art[ií]culo|dieser (artikel|beitrag)) .{0,40}(publi|erschien)`,
    String.raw`^(with|additional) reporting by\b|^(reporting|writing|editing) by\b`,
  ].join('|'),
  'iu',
);

const ABOUT_THE_AUTHOR = /^(about the author|about the writer|über den autor|über die autorin|à propos de l['’]auteur|sobre el autor|sobre o autor|об авторе)(?![\p{L}])/iu;

const AUTHOR_BIO = new RegExp(
  [
    String.raw`^[\p{Lu}][\p{L}'’.-]+(\s+[\p{Lu}][\p{L}'’.-]+){0,3}\s+(is|was|has been)\s+(a|an|the)\s+([^.]{0,80}\s)?(writer|journalist|reporter|editor|correspondent|columnist|contributor|author|blogger|freelancer|analyst|researcher|commentator|photographer|producer|specialist|expert|enthusiast|graduate)\b`,
    String.raw`^[\p{Lu}][\p{L}'’.-]+(\s+[\p{Lu}][\p{L}'’.-]+){0,3}\s+(writes|covers|reports on|has written|has covered|has reported)\b`,
  ].join('|'),
  'u',
);

/** The non-empty lines of a text with their offsets. */
function lines(text: string): Array<{ begin: number; end: number; text: string }> {
  const out: Array<{ begin: number; end: number; text: string }> = [];
  let begin = 0;
  for (const line of text.split('\n')) {
    const end = begin + line.length;
    const lead = line.length - line.trimStart().length;
    const trimmed = line.trim();
    if (trimmed) out.push({ begin: begin + lead, end: begin + lead + trimmed.length, text: trimmed });
    begin = end + 1;
  }
  return out;
}

/** What kind of boilerplate a line is, or null when it is the article's own text. */
export function boilerplateKind(line: string, fromEnd: number): BoilerplateKind | null {
  if (fromEnd < BIO_LAST_LINES && line.length <= MAX_BIO && (ABOUT_THE_AUTHOR.test(line) || AUTHOR_BIO.test(line))) return 'author-bio';
  if (line.length > MAX_LINE) return null;
  if (CREDIT_LINE.test(line)) return 'credit-line';
  if (CALL_TO_ACTION.test(line)) return 'call-to-action';
  return null;
}

/** The lines of a text that are calls to action, credit lines or an author's biography. */
export function textBoilerplate(text: string): Boilerplate[] {
  const all = lines(text);
  const out: Boilerplate[] = [];
  all.forEach((line, k) => {
    const kind = boilerplateKind(line.text, all.length - 1 - k);
    if (kind) out.push({ text: line.text, begin: line.begin, end: line.end, kind });
  });
  return out;
}
