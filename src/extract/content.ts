import type { AnyNode, Element } from 'domhandler';
import { parseHtml } from './parse.js';
import { datesInText } from './dates.js';
import { classAndId, collapse, findElement, isElement, isText, MAX_DEPTH } from './dom.js';

/** Elements that never hold the article's own text. */
const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio',
  'button', 'select', 'input', 'textarea', 'option', 'label', 'nav', 'aside', 'footer', 'header', 'figure',
  'figcaption', 'picture', 'img', 'head', 'title', 'rt', 'rp', 'dialog', 'menu',
]);

/** The same, but for <noscript>: where a page shows its article only to readers without scripts. */
const SKIP_BUT_NOSCRIPT: ReadonlySet<string> = new Set([...SKIP].filter((name) => name !== 'noscript'));

/** Elements that start a new paragraph. */
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'li', 'ul', 'ol', 'dl', 'dd', 'dt', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'blockquote', 'pre', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'caption', 'hr', 'center', 'address',
  'details', 'summary', 'body', 'html', 'form', 'fieldset',
]);

const HEADING = /^h([1-6])$/;

/** Blocks that are one paragraph, which score their parent, not themselves. */
const PARAGRAPH = new Set(['p', 'li', 'dd', 'dt', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'tr', 'caption', 'summary', 'address']);

/** Table cells: a row's cells are one line, a space apart (text in a cell that holds paragraphs stays in them). */
const CELL = new Set(['td', 'th']);

/** Class or id of an element that holds no article text (comments, sharing, related links, ads …; a section that has ads set in it, "TestReport__Section--Ads", a BEM modifier, is not an ad). */
const BOILERPLATE =
  /(^|[\s_-])(comments?|share|sharing|social|related|recommend(ed|ations)?|promo|newsletter|subscribe|subscription|signup|cookies?|consent|gdpr|(?<!--)ads?|advert\w*|sponsor\w*|sidebar|footer|menu|breadcrumbs?|nav|navbar|navigation|pagination|pager|popup|modal|banner|trending|most-?popular|outbrain|taboola|widget|toolbar|masthead|disqus|byline|author-?bio|tags|rss|print|skip|visually-?hidden|sr-only|caption|credits?|rollover-?block|hover-?card|popover)($|[\s_-])/i;

/** Class or id of an element that holds the article, which no boilerplate pattern may remove. */
const ARTICLE = /(^|[\s_-])(article|articlebody|article-?body|story-?body|entry-?content|post-?content|post-?body|main-?content|body-?text|story|content)($|[\s_-])/i;

/** Elements that say they hold the article's body, by itemprop, class or id. */
const BODY_MARKER = /(^|[\s_-])(articlebody|article-?body|article__body|article-?text|article-?content|story-?body|story-?content|entry-?content|post-?content|post-?body|body-?text|news-?text|text-?content)($|[\s_-])/i;

/** An element holding the article's lead (standfirst), when it is set apart above the article's container. */
const LEAD = /(^|[\s_-])(teaser-text|lead|article-lead|article-?intro|intro|content__intro|standfirst|vorspann|summary|excerpt|dek|deck|abstract|teaser|subline|description)($|[\s_-])/i;
/** Lines before the article's first within which a lead set apart above it begins. */
const LEAD_REACH = 6;
/** How many levels above the article's container a lead may sit under (parent, grandparent, great-grandparent). */
const LEAD_LEVELS = 3;
/** Characters of a line in a lead set apart above the article for it to be the lead's prose. */
const LEAD_LINE = 60;
/** The box of a recipe's ingredients ("recipe-ingredients", "ingredients-list", "m053-ingredients"). */
const INGREDIENTS = /(^|[\s_-])(recipe-?)?(ingredients|zutaten)(-?(list|block|table|box|container|wrapper|section))?($|[\s_-])/i;

/** A line that is a name from the page's code (a CSS class, a layout label) or a shortcode, shown as text. */
const CODE_AS_TEXT = /^[a-z0-9]+(?:[-_][a-z0-9]+)+$|^\[\/?[a-z_]+(?:\s[^\]]*)?\]|^\d+\s*:\s*\d+$/;

/** Short lines that are page furniture, not text. */
const FURNITURE = /^(advertisement|adverts?|anzeige|publicité|publicidad|pubblicità|reklama|werbung|share|share this|tweet|print|email|read more|read next|related|related articles|see also|click here|sign up|subscribe|follow us|continue reading|loading|skip to content|this slideshow requires javascript|tell us what you think|comments?|leave a (comment|reply)|добавить (отзыв|комментарий)|kommentare?|kommentieren|commentaires?|comentarios?|trending|tags|externer inhalt|permalink|permalien)\b/i;

/** A short line crediting a picture: "Foto: Ingo Pertramer", "Crédits photos : Bestimage", "AFP / MARCO BERTORELLO", "Augusta National/Getty Images". */
const PICTURE_CREDIT =
  /^(fotos?|photos?|photograph(ed)? by|photo credit|crédits? photos?|bildquelle|titelbild|beitragsbild|headerbild|image credit|abbildung)\b\s*[:/]?|(^|[\s/|])(getty images|shutterstock|imago images|istock(photo)?|picture alliance|dpa-bildfunk)\s*$/i;
/** A picture's caption that ends with its credit: "Marco Odermatt, Ski-Star aus der Schweiz. © AFP / MARCO BERTORELLO", "Roman Prymula, photo: Archives du Gouvernement". */
const CREDITED_CAPTION = /\s[|·]?\s*©\s*[^©.!?:]{2,60}$|,\s*(photo|foto|bild|image|crédit|credit)s?\s*:\s*[^.!?:]{2,60}$/i;
/** A figure's caption by its label: "Abbildung 4: klassische Schwachschicht. …", "Figure 2. …", "Abb. 3:". */
const FIGURE_CAPTION = /^(abbildung|abb\.|figure|fig\.|grafik|gráfico|grafico|illustration)\s*\d*\s*[:.]\s/i;
/** An agency's credit in capitals: "AFP / MARCO BERTORELLO". */
const AGENCY_CREDIT = /^[A-Z]{2,}(\s*\/\s*[A-Z][A-Z .'-]+)+$/;

/** A whole line that is a label of page furniture: "Schlagworte", "Markiert mit", "Themen:", "Inhaltsverzeichnis", a link's "Weitere Informationen" (with a colon it ends the article: `ARTICLE_END`). */
const FURNITURE_LINE = /^(schlagworte|schlagwörter|markiert mit|themen|tags|inhaltsverzeichnis|table of contents|\(?noch keine bewertungen\)?)\s*:?$|^weitere informationen$/i;

/** A line of a post's counters: its views ("Aufrufe: 1120 | Hinzugefügt von: …", "Views: 52"). (A bare time, "3:59 PM", stays: a live blog's updates are stamped so.) */
const COUNTER_LINE = /^(aufrufe|views|hits|просмотров|просмотры|visualizaciones|visite|wyświetle[nń]\w*)\s*:?\s*[\d.,]+\b/i;

/** A breadcrumb trail shown as a line: three parts or more between » or › ("Blog » News » open3 » …"). */
function isBreadcrumb(text: string): boolean {
  // French quotation marks stand with spaces inside them: « 1 » is a quotation
  if (text.includes('«')) return false;
  const parts = text.split(/\s[»›]\s/);
  return parts.length >= 3 && parts.slice(0, -1).every((p) => p.length > 0 && p.length <= 40);
}

/** A prompt of the site's machinery: log in to comment, reload the CAPTCHA, what cookies are. */
const MACHINERY = /^(sie müssen (sich )?(einloggen|anmelden|angemeldet sein|eingeloggt sein)|du musst (dich )?(einloggen|anmelden|angemeldet sein|eingeloggt sein)|um .{1,80} kommentieren zu können, müssen sie (eingeloggt|angemeldet) sein|you must be (logged in|registered)|(please )?(log|sign) in to (comment|post|reply)|please reload captcha|time limit is exhausted|was sind cookies\b|um kommentare (zu )?schreiben|(diese[nsr]? |den )?(\w+ )?als pdf (herunterladen|downloaden)$|(download|save|print) (this )?(article|page|story) as (a )?pdf$|instant access to the full article pdf)/i;

/** A disclosure or disclaimer the site puts under its articles: affiliate links, advertising, no liability. */
const DISCLAIMER = /^(this (post|article|page|story) (contains|may contain) (references to products|affiliate links)|we recommend the best products|\*werbung\b|werbung[.:]\s*(dieser|der) (beitrag|artikel)\b|(dieser|der) (beitrag|artikel) enthält (werbung|affiliate)|the advertising disclaimer|.{0,60}\bis not responsible for the (opinions|views|content)|\(?alle angaben ohne gewähr|sofern nicht anders (ausgewiesen|angegeben))/i;

/** A label of a post's metadata: its category or tags. */
const META_LABEL = /(^|[\s|·•-])(tags?|categor(y|ies|ia|ias|ie|ies)|kategorien?|rubriken?|catégories?|filed under|posted in|schlagw[oö]rter?|etiquetas?)\s*:/i;

/** A line that is a web or mail address and nothing else. */
const BARE_ADDRESS = /^(https?:\/\/|www\.)[^\s]+$|^[\w.+-]+@[\w-]+(\.[\w-]+)+$/i;

/** A byline set in a lead or a header: "By Matthew Digby on …", "— David McKinley on Sunday, …". */
const BYLINE = /^(by|von|par|por|di|door|av|przez|от|—|–)\s/i;

/** A short line of a lead that is its byline or dateline: under 100 characters with a byline's start or a date, or under 200 with both ("By Ela on 31. October, 2023 | …"). */
function bylineOrDate(text: string): boolean {
  if (text.length >= 200) return false;
  const byline = BYLINE.test(text);
  if (text.length < 100 && byline) return true;
  return (text.length < 100 || byline) && datesInText(text, null).length > 0;
}

/** A line that is the site's small print (copyright) or says when it was updated, without a date. */
const SMALL_PRINT = /^(©|\(c\)\s|copyright\b|all rights reserved\b|the contents of this site are ©|this (article|story|content|material) is the copyrighted property of\b|this entry was posted (on|in)\b|erstellt am .{5,60} und abgelegt unter\b|letzte aktualisierung am .{5,30} (\/|affiliate))|^(updated|posted|published|aktualisiert|actualizado|atualizado|mis à jour)( at| um| à| às| a las)? \d{1,2}[:.]\d{2}\s*([ap]\.?m\.?)?$/i;

/** A short line that ends the article: the heading of a list of other articles. */
const ARTICLE_END =
  /^(our |the )?(latest|more|related|recommended|popular|top|trending|other|recent) (stories|articles|news|posts|reads|videos|from|on|in)\b|^(you|we think you) (may|might|will) (also )?(like|enjoy)|^read (more|next|also)\b|^want more stories|^more great .* stories|^related( articles| posts| stories| content| coverage)?:?$|^see also:?$|^most (read|popular|viewed)\b|^(weitere|ähnliche) (artikel|beiträge|themen)|^(mehr|auch) (zum thema|interessant)|^(à|a) lire aussi|^lire aussi|^(leia|veja) (também|mais)|^(lee|ver) (también|más)|^(articoli|notizie) correlat|^(читайте|смотрите) также|^(самые )?популярные|^похожие (статьи|новости|материалы)|^(другие|последние) (новости|статьи)|^ilgili haberler|^(zobacz|czytaj) (też|także|również)|^(temas|noticias|notas|art[ií]culos) relacionad[oa]s|^sie könnten auch|^(über (den|die) autor(in)?|about the author)$|^pour (lire la suite|accéder en illimité)|^weitere aktuelle (artikel|beiträge|themen|nachrichten)|^zum weiterlesen|^noch mehr (artikel|infos|themen)|^(wie bewerten sie|war (der|dieser) (artikel|beitrag)|möchten sie (den|diesen) artikel|(dieser|der) artikel gefällt (ihnen|dir)|was this (article|story|page) (helpful|useful))|^contenido relacionado|^das könnte (sie|dich) auch interessieren|^lesen sie (auch|mehr)\b|^mehr themen|^(empfohlene|neueste|beliebteste) (beiträge|artikel)|^weiterführender? (informationen|links?)\b|^(das|dieses) thema könnte (sie|dich) auch interessieren|^vorschau auf den nächsten artikel|^hier können sie (den|diesen) artikel bewerten|^mehr kolumnen\b|^(kontakt|ansprechpartner(in)?|ansprechpersonen|pressekontakt|medienkontakt|contact|media contact|press contact|contacts?)( person)?:?$|^über diese reihe$|^weitere informationen:$|^(potrebbe interessarti|ti potrebbe interessare|potrebbero interessarti)|^(meer nieuws|gerelateerde artikelen)|^(mohlo by vás zajímat|související články)|^(también )?te puede interesar|^(sur le même sujet|vous aimerez aussi|les plus lus)|^(notícias relacionadas|mais lidas|você (também )?pode gostar)|^(more on this (story|topic)|editors'? picks|what to read next|recommended for you)\b|^(benzer haberler|ilginizi çekebilir)|^kapcsolódó cikkek|^(weitere|ähnliche|andere) \S*(artikel|beiträge|themen|tipps|rezepte|news|nachrichten|meldungen|videos|geschichten|reportagen)$/i;

/** The phrases of an inline "read also", which stand between a story's paragraphs as often as they head a list of others. */
const READ_ALSO = /^((à|a) )?lire aussi|^(leia|veja) também|^lee también|^(zobacz|czytaj) (też|także|również)|^(читайте|смотрите) также|^lesen sie auch\b|^read (also|more)\b|^more on\b/i;

/** Words that come with a date on a dateline ("Updated", "Published by", "min read", a time, a weekday). */
const DATELINE_WORDS =
  /\b(updated?|published|posted|last modified|modified|am|pm|et|edt|est|gmt|utc|cet|cest|min(ute)?s? read|read|by|on|at|um|uhr|le|à|de|às|em|el|il|publicado|por|publié|veröffentlicht|aktualisiert|actualizado|atualizado|mis à jour|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|von|in|\d+ (comments?|kommentare?|commentaires?|comentarios?))\b|\d{1,2}[:h.]\d{2}|[·•|@,\-–—/]/gi;

/** Words that mix Latin and Cyrillic letters. */
function mixedScriptWords(text: string): number {
  if (!/[\u0400-\u04ff]/.test(text)) return 0;
  let n = 0;
  for (const w of text.match(MIXED_WORD) ?? []) if (/[a-zA-Z]/.test(w) && /[\u0400-\u04ff]/.test(w)) n++;
  return n;
}
const MIXED_WORD = /[a-zA-Z\u0400-\u04ff]+/g;

/** A short line that is a date and little else. */
function isDateline(text: string): boolean {
  const dates = datesInText(text, null);
  if (dates.length === 0) return false;
  let rest = '';
  let at = 0;
  for (const d of dates) {
    if (d.index < at) continue;
    rest += `${text.slice(at, d.index)} `;
    at = d.end;
  }
  rest += text.slice(at);
  return rest.replace(DATELINE_WORDS, ' ').split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length <= 3;
}

interface Block {
  text: string;
  chars: number;
  linkChars: number;
  owner: Element;
  heading: number;
  /** The headline's <header> the line sits in (see `headlineHeader`). */
  header: Element | null;
}

interface Walk {
  blocks: Block[];
  parts: string[];
  linkChars: number;
  inLink: number;
  owner: Element;
  prose: Map<Element, number>;
  totalProse: number;
  skip: ReadonlySet<string>;
  header: Element | null;
}

/** The reading over or beside a ruby base and its fallback parentheses: left out with no space in its place. */
const RUBY_READING = new Set(['rt', 'rp']);

function hidden(e: Element): boolean {
  const a = e.attribs;
  if ('hidden' in a || a['aria-hidden'] === 'true') return true;
  const style = a['style'];
  return style !== undefined && /(display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

/** Characters of text in <p> elements under each element, for telling a layout wrapper from boilerplate. */
function proseUnder(root: Element, skip: ReadonlySet<string>): Map<Element, number> {
  const out = new Map<Element, number>();
  const visit = (e: Element, depth: number, inP: boolean): number => {
    let n = 0;
    const p = inP || e.name === 'p';
    for (const child of e.children) {
      if (isText(child)) {
        if (p) n += child.data.length;
      } else if (isElement(child) && depth < MAX_DEPTH) {
        if (!skip.has(child.name)) n += visit(child, depth + 1, p);
        // a <header>'s or an <aside>'s prose is counted for itself alone (see dropped)
        else if (child.name === 'header' || child.name === 'aside') visit(child, depth + 1, p);
      }
    }
    if (n > 0) out.set(e, n);
    return n;
  };
  visit(root, 0, false);
  return out;
}

/** Characters of prose a <header> holds, at the least, to be read as a text block (with 40% of the page's other prose or more). */
const HEADER_PROSE = 200;

/**
 * Whether an element holds no article text: by its tag, because it is
 * hidden, or by a class or id that names boilerplate, unless the element
 * holds much of the page's prose (a layout wrapper called
 * "container_sidebar" holding the article is not a sidebar).
 */
function dropped(e: Element, w: Walk): boolean {
  // a <header> holding much of the page's prose is a text block under the wrong tag, not the page's header
  if (e.name === 'header' && (w.prose.get(e) ?? 0) >= Math.max(HEADER_PROSE, w.totalProse * 0.4) && !hidden(e)) return false;
  // … and so is an <aside> holding more prose than all the rest of the page (the whole article in one, rnz.de)
  if (e.name === 'aside' && (w.prose.get(e) ?? 0) >= Math.max(HEADER_PROSE, w.totalProse) && !hidden(e)) return false;
  if (w.skip.has(e.name) || hidden(e)) return true;
  const hint = classAndId(e);
  if (!hint || !BOILERPLATE.test(hint)) return false;
  if ((w.prose.get(e) ?? 0) >= w.totalProse * 0.4) return false;
  return !ARTICLE.test(hint) || /comment|share|social|related|cookie|newsletter|promo|advert|sidebar/i.test(hint);
}

/**
 * A <header> holding a headline (<h1>) and some prose: read, not dropped, for
 * the lead it may hold under the headline; which header is the article's, and
 * what of it is kept, `articleBlocks` decides.
 */
function headlineHeader(e: Element, w: Walk): boolean {
  if (e.name !== 'header' || hidden(e)) return false;
  const prose = w.prose.get(e) ?? 0;
  // (one holding much of the page's prose is read as a text block: see `dropped`)
  return prose >= LEAD_LINE && prose < Math.max(HEADER_PROSE, w.totalProse * 0.4) && findElement(e, (h) => h.name === 'h1') !== null;
}

/** Whether a line's element sits in an <h1> below `header` (a headline whose text is in a <div> of its own). */
function underHeadline(e: Element, header: Element): boolean {
  for (let a: Element | null = e; a && a !== header && isElement(a); a = a.parent as Element | null) if (a.name === 'h1') return true;
  return false;
}

function flush(w: Walk): void {
  if (w.parts.length === 0) return;
  const text = collapse(w.parts.join(''));
  w.parts = [];
  const linkChars = w.linkChars;
  w.linkChars = 0;
  if (!text) return;
  const m = HEADING.exec(w.owner.name);
  w.blocks.push({ text, chars: text.length, linkChars: Math.min(linkChars, text.length), owner: w.owner, heading: m ? Number(m[1]) : 0, header: w.header });
}

function walk(node: AnyNode, w: Walk, depth: number): void {
  if (isText(node)) {
    w.parts.push(node.data);
    if (w.inLink > 0) w.linkChars += node.data.trim().length;
    return;
  }
  if (!isElement(node) || depth > MAX_DEPTH) return;
  if (node.name === 'br') {
    flush(w);
    return;
  }
  const header = w.header === null && headlineHeader(node, w);
  if (!header && dropped(node, w)) {
    // an inline element left out parts the words around it, but a ruby reading (furigana over 子 in 子ども) sits inside a word
    if (!BLOCK.has(node.name) && !RUBY_READING.has(node.name)) w.parts.push(' ');
    return;
  }
  const block = BLOCK.has(node.name);
  const owner = w.owner;
  if (block) {
    flush(w);
    w.owner = node;
  }
  if (CELL.has(node.name)) w.parts.push(' ');
  const link = node.name === 'a';
  if (link) w.inLink++;
  if (header) w.header = node;
  for (const child of node.children) walk(child, w, depth + 1);
  if (header) w.header = null;
  if (link) w.inLink--;
  if (block) {
    flush(w);
    w.owner = owner;
  }
}

/** The paragraphs of the page's body: every run of text between block boundaries, outside boilerplate. */
export function blocksOf(body: Element, withNoscript = false): Block[] {
  const skip = withNoscript ? SKIP_BUT_NOSCRIPT : SKIP;
  const prose = proseUnder(body, skip);
  const w: Walk = { blocks: [], parts: [], linkChars: 0, inLink: 0, owner: body, prose, totalProse: prose.get(body) ?? 0, skip, header: null };
  for (const child of body.children) walk(child, w, 1);
  flush(w);
  return w.blocks;
}

/**
 * How much other text (links, short lines) an element may hold for each
 * character of prose it adds: the article's container is the ancestor of the
 * densest prose with the most prose less this much of its other text.
 */
const OTHER_TEXT_WEIGHT = 2;

interface Tally {
  score: number;
  chars: number;
  linkChars: number;
  good: number;
  bad: number;
}

/** How much a paragraph says for the elements around it: its length and its clauses. */
function paragraphScore(block: Block): number {
  let commas = 0;
  for (let i = block.text.indexOf(','); i >= 0; i = block.text.indexOf(',', i + 1)) commas++;
  for (const c of block.text) if (c === '，' || c === '、' || c === '。' || c === '،') commas++;
  return 1 + commas + Math.min(Math.floor(block.chars / 100), 3);
}

const linkDensity = (t: { chars: number; linkChars: number }): number => (t.chars === 0 ? 0 : t.linkChars / t.chars);

/**
 * The article's paragraphs. 1. The densest prose: the element whose
 * paragraphs score highest (each paragraph of 25 characters or more, mostly
 * not links, scores its parent in full, its grandparent half and further
 * ancestors less; text right in a container scores the container). 2. The
 * container: an element holding half that prose or more that calls itself
 * the article body (with its other chunks marked alike), else the ancestor
 * of the densest prose with the most prose less twice its other text (so
 * paragraphs split into one wrapper each are gathered, and a list of teasers
 * around the article is not), with a lead marked as such (teaser-text,
 * lead, intro, standfirst) set apart just above it. 3. Each paragraph in it (a table row is one)
 * that is not a list of links, a line of page furniture, a dateline, or a
 * name from the page's code, up to a heading of other articles ("More
 * stories"). Null when nothing on the page reads like an article.
 */
export function articleBlocks(body: Element, minChars: number, withNoscript = false): Article | null {
  const blocks = blocksOf(body, withNoscript);
  const tallies = new Map<Element, Tally>();
  const tally = (e: Element): Tally => {
    let t = tallies.get(e);
    if (!t) tallies.set(e, (t = { score: 0, chars: 0, linkChars: 0, good: 0, bad: 0 }));
    return t;
  };
  for (const block of blocks) {
    const score = block.chars >= 25 && linkDensity(block) < 0.5 && block.heading === 0 ? paragraphScore(block) : 0;
    let level = 0;
    // text right inside a container (paragraphs split by <br>) scores the container itself
    const first = PARAGRAPH.has(block.owner.name) ? block.owner.parent : block.owner;
    for (let e: Element | null = block.owner; e; e = e.parent as Element | null) {
      if (!isElement(e)) break;
      const t = tally(e);
      t.chars += block.chars;
      t.linkChars += block.linkChars;
      if (score > 0) t.good += block.chars;
      else if (block.heading === 0) t.bad += block.chars;
      if (e === first || level > 0) {
        if (score > 0 && level < 5) t.score += level === 0 ? score : level === 1 ? score / 2 : score / (level * 3);
        level++;
      }
    }
  }
  let top: Element | null = null;
  let topScore = 0;
  for (const [e, t] of tallies) {
    const score = t.score * (1 - linkDensity(t));
    if (score > topScore) {
      topScore = score;
      top = e;
    }
  }
  if (!top) return null;
  // an element that calls itself the article body and holds most of the prose wins
  let marked: Element | null = null;
  const topGood = tallies.get(top)?.good ?? 0;
  for (const [e, t] of tallies) {
    if (t.good < topGood * 0.5 || (marked && (tallies.get(marked)?.good ?? 0) >= t.good)) continue;
    if ((e.attribs['itemprop'] ?? '').toLowerCase() === 'articlebody' || BODY_MARKER.test(classAndId(e))) marked = e;
  }
  if (marked) top = marked;
  else {
    // the ancestor of the densest prose that holds the most prose for its other text
    let best = -Infinity;
    for (let a: Element | null = top; a && isElement(a); a = a.parent as Element | null) {
      const t = tallies.get(a);
      if (!t) continue;
      const value = t.good - OTHER_TEXT_WEIGHT * t.bad;
      if (value > best) {
        best = value;
        top = a;
      }
    }
  }
  const chosen = new Set<Element>([top]);
  const inside = (e: Element): boolean => {
    for (let a: Element | null = e; a && isElement(a); a = a.parent as Element | null) if (chosen.has(a)) return true;
    return false;
  };
  const holds = (outer: Element, e: Element): boolean => {
    for (let a: Element | null = e; a && isElement(a); a = a.parent as Element | null) if (a === outer) return true;
    return false;
  };
  if (marked) {
    // a body split into chunks (between ads, or one per section) has its other chunks marked alike
    for (const [e, t] of tallies) {
      if (e !== marked && t.good > 0 && e.name === marked.name && e.attribs['class'] === marked.attribs['class'] && !inside(e) && !holds(e, marked)) chosen.add(e);
    }
  }
  // the article's lead, set apart just above its container (its prose: not a kicker, a byline or a date set in it)
  const leads: Element[] = [];
  if (top.parent && isElement(top.parent as AnyNode)) {
    // under the container's parent, grandparent or great-grandparent
    let parent = top.parent as Element;
    for (let up = 1; up < LEAD_LEVELS && parent.parent && isElement(parent.parent as AnyNode); up++) parent = parent.parent as Element;
    // the elements around the few lines before the container's first (read from those lines up: a page of ten thousand
    // teasers costs no more), that begin among those lines
    const firstIn = blocks.findIndex((b) => inside(b.owner));
    const from = Math.max(0, firstIn - LEAD_REACH);
    for (let k = from; k < firstIn; k++) {
      if (!holds(parent, (blocks[k] as Block).owner)) continue;
      for (let e: Element | null = (blocks[k] as Block).owner; e && isElement(e) && e !== parent; e = e.parent as Element | null) {
        const t = tallies.get(e);
        if (!t || t.good < 60 || linkDensity(t) >= 0.3 || !LEAD.test(classAndId(e)) || inside(e) || holds(e, top)) continue;
        if (from > 0 && holds(e, (blocks[from - 1] as Block).owner)) continue;
        chosen.add(e);
        leads.push(e);
      }
    }
  }
  // the article's own <header>, whose headline opens the article (just before its container or in it): the prose under the headline is its lead
  let articleHeader: Element | null = null;
  const firstLine = blocks.findIndex((b) => inside(b.owner));
  for (let k = Math.max(0, firstLine - LEAD_REACH); k < blocks.length && k < firstLine + LEAD_REACH; k++) {
    const b = blocks[k] as Block;
    if (!b.header || !(b.heading === 1 || underHeadline(b.owner, b.header))) continue;
    if (k >= firstLine && !inside(b.header)) break;
    articleHeader = b.header;
    if (!inside(articleHeader)) chosen.add(articleHeader);
    leads.push(articleHeader);
    break;
  }
  // a recipe's ingredients: inside the article, or kept in a box of their own beside the method (part of the recipe)
  const named = [...tallies].filter(([e]) => INGREDIENTS.test(classAndId(e)));
  const recipeBoxes: Element[] = named.filter(([e]) => inside(e)).map(([e]) => e);
  const ingredients = named.filter(([e, t]) => t.chars <= 4000 && linkDensity(t) < 0.5 && !inside(e) && !holds(e, top));
  for (const [e] of ingredients) {
    let outermost = true;
    for (let a = e.parent as Element | null; a && isElement(a); a = a.parent as Element | null) if (ingredients.some(([o]) => o === a)) outermost = false;
    if (outermost) {
      chosen.add(e);
      recipeBoxes.push(e);
    }
  }
  const out: string[] = [];
  let chars = 0;
  let first = -1;
  // a box of other articles set inside the article ("Most read" between two paragraphs): skipped, not the end
  let box: Element | null = null;
  let byline: string | null = null;
  for (const [i, block] of blocks.entries()) {
    if (!inside(block.owner)) continue;
    if (box && holds(box, block.owner)) continue;
    if (first < 0) first = i;
    if (block.text.startsWith('<') && block.text.endsWith('>')) continue; // markup shown as text (a noscript pixel)
    // another story's header (the next article, below this one) is left out as every <header> is
    if (block.header && block.header !== articleHeader) continue;
    // a byline among the article's first lines, kept or left out below (a header's, a lead's, one of links to the authors' pages)
    if (byline === null && out.length < BYLINE_LINES && isBylineLine(block)) byline = block.text;
    // in a lead, a kicker, a heading, a short byline or a short line with a date ("Published 21 November 2019 · Tagged with …") is not its prose
    // (a lead of its own may open with "Von der Leyen …", "Por la mañana …")
    if ((block.header !== null || leads.some((l) => holds(l, block.owner))) && (block.chars < LEAD_LINE || block.heading > 0 || bylineOrDate(block.text))) continue;
    if ((block.chars < 200 && CODE_AS_TEXT.test(block.text)) || (block.chars < 400 && SMALL_PRINT.test(block.text))) continue;
    // an ad written in look-alike letters ("Yоur соntеnt" with Cyrillic о, с, е) to pass filters: spam, not the article
    if (block.chars < 400 && mixedScriptWords(block.text) >= 2) continue;
    if (block.heading === 1) continue;
    const density = linkDensity(block);
    // an ingredient's name may link to its own page ("3 Dose/n <a>Mandarine(n), je ca.</a> 175 g"): links are no sign of furniture there
    // (a web or mail address written out, its own link's text, is the article's: "http://www.openpetition.de", "suivi@gmail.com")
    if (density > (block.chars < 100 ? 0.34 : 0.6) && !(density < 1 && recipeBoxes.some((r) => holds(r, block.owner))) && !BARE_ADDRESS.test(block.text)) continue;
    if (block.chars < 60 && (FURNITURE.test(block.text) || FURNITURE_LINE.test(block.text))) continue;
    if (block.chars < 200 && (COUNTER_LINE.test(block.text) || isBreadcrumb(block.text))) continue;
    if (block.chars < 100 && (PICTURE_CREDIT.test(block.text) || AGENCY_CREDIT.test(block.text))) continue;
    if (block.chars < 250 && (CREDITED_CAPTION.test(block.text) || FIGURE_CAPTION.test(block.text))) continue;
    if (block.chars < 160 && MACHINERY.test(block.text)) continue;
    if (block.chars < 300 && DISCLAIMER.test(block.text)) continue;
    // what follows "More stories", "Related articles" and the like is other articles' teasers
    if (block.chars < 60 && chars >= minChars && ARTICLE_END.test(block.text)) {
      // the box the heading opens: the outermost below the container, or the smallest that holds the next line (in a page
      // that nests a whole document in the article, or when the heading's text stands right in the box)
      const next = blocks[i + 1];
      let smallest: Element | null = null;
      for (let a: Element | null = block.owner; next && a && isElement(a) && !chosen.has(a); a = a.parent as Element | null) {
        if (a !== next.owner && holds(a, next.owner)) {
          smallest = a;
          break;
        }
      }
      const outer = boxAround(block.owner, chosen);
      box = [outer, smallest].find((b) => b && proseAfter(blocks, i, b, inside, BOX_PROSE_AFTER)) ?? null;
      if (box) continue;
      // an inline "read also" in a line of its own between the article's paragraphs (its link follows it): the article goes on
      if (READ_ALSO.test(block.text) && proseAfter(blocks, i, block.owner, inside, BOX_PROSE_AFTER)) continue;
      // a box in a column beside the article's (deutschlandfunk.de's "Mehr zum Thema" over its side column), near its start: most of the article follows
      if (outer && proseAfter(blocks, i, outer, inside, Math.max(BOX_PROSE_AFTER, chars * MOST_AFTER), true)) {
        box = outer;
        continue;
      }
      break;
    }
    // a line that is a date and little else (a dateline, "Updated …", "3 min read") is not the article's text
    if (block.chars < 100 && isDateline(block.text)) continue;
    // a post's line of metadata: its date with its category or tags ("05/10/2018 - Publicado por: … - Categoria: Saúde - Tags: …")
    if (block.chars < 200 && META_LABEL.test(block.text) && datesInText(block.text, null).length > 0) continue;
    // the same paragraph again right after itself: a teaser repeated as the body's first paragraph (rnz.de), a caption or a
    // box shown twice (not a short line: the cells of a table, "1 Prise", may repeat)
    if (block.chars >= REPEATED_LINE && block.heading === 0 && out[out.length - 1] === block.text) continue;
    out.push(block.text);
    if (block.heading === 0) chars += block.chars;
  }
  if (chars < minChars) return null;
  // … or just before them, left out of the container (a short line, no prose: "Von Jane Doe" over the body's paragraphs)
  for (let k = first - 1; byline === null && k >= 0 && k >= first - BYLINE_LINES; k--) {
    const b = blocks[k] as Block;
    if (b.heading > 0) break;
    if (isBylineLine(b)) byline = b.text;
  }
  return { paragraphs: out, heading: headingBefore(blocks, first), byline };
}

/** A short line, no heading, that opens as a byline does ("Von Jane Doe und John Roe"). */
const isBylineLine = (b: Block): boolean => b.heading === 0 && b.chars < 100 && BYLINE.test(b.text);

/** Characters of a paragraph, at the least, for it to be left out where it follows itself. */
const REPEATED_LINE = 60;

/** How many of the article's lines may come before its byline. */
const BYLINE_LINES = 3;

/** Characters of prose after a box of other articles inside the article for the article to go on past it. */
const BOX_PROSE_AFTER = 400;

/** The element wrapping a heading below the article's container (null when the heading sits right in it). */
function boxAround(heading: Element, chosen: Set<Element>): Element | null {
  let e: Element = heading;
  for (let p = e.parent as Element | null; p && isElement(p); e = p, p = p.parent as Element | null) if (chosen.has(p)) return e === heading ? null : e;
  return null;
}

/** How many times the article's characters so far the prose beside a box, in other columns, must be for the article to go on past it. */
const MOST_AFTER = 3;

/** Whether an element stands beside a box (under the box's parent, at any depth), not in it. */
function besideBox(e: Element, box: Element): boolean {
  let inParent = false;
  for (let a: Element | null = e; a && isElement(a); a = a.parent as Element | null) {
    if (a === box) return false;
    if (a === box.parent) inParent = true;
  }
  return inParent;
}

/**
 * Whether `need` characters of paragraphs (25 characters or more, mostly not
 * links) follow block `i` as the box's siblings (or, `deep`, anywhere beside
 * it): the article going on around it. Read only until they are found, so a
 * page of thousands of such boxes costs no more than once over.
 */
function proseAfter(blocks: Block[], i: number, box: Element, inside: (e: Element) => boolean, need: number, deep = false): boolean {
  let n = 0;
  for (let k = i + 1; k < blocks.length && n < need; k++) {
    const b = blocks[k] as Block;
    if (b.heading > 0 || b.chars < 25 || linkDensity(b) >= 0.5 || !(deep ? besideBox(b.owner, box) : b.owner.parent === box.parent) || !inside(b.owner)) continue;
    n += b.chars;
  }
  return n >= need;
}

/** The article's paragraphs and the heading that opens it. */
export interface Article {
  paragraphs: string[];
  /** The last <h1> or <h2> before the article's first paragraph, or the first in it. */
  heading: string | null;
  /** A line among the article's first that opens as a byline does ("Von Jane Doe und John Roe"), as written, whether or not it was left in the text. */
  byline: string | null;
}

/** How many blocks back from the article's first one its heading may be (past a kicker, a byline, a date, a lead image's caption). */
const HEADING_REACH = 8;

function headingBefore(blocks: Block[], first: number): string | null {
  for (let i = first; i < blocks.length && i < first + 3; i++) {
    const b = blocks[i] as Block;
    if (b.heading === 1) return b.text;
  }
  for (let i = first - 1; i >= 0 && i >= first - HEADING_REACH; i--) {
    const b = blocks[i] as Block;
    if (b.heading === 1 || b.heading === 2) return b.text;
  }
  return null;
}

/**
 * The text of an HTML fragment that is all article (a feed item's content):
 * its paragraphs, without scripts, styles, figures and the like, separated
 * by blank lines. Plain text comes back as it is.
 */
export function fragmentText(html: string): string {
  if (!/<[a-z!/]/i.test(html)) return html.trim();
  const doc = parseHtml(html);
  const root = { type: 'tag', name: 'div', attribs: {}, children: doc.children, parent: null } as unknown as Element;
  return blocksOf(root)
    .map((b) => b.text)
    .join('\n\n');
}
