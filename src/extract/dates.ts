/**
 * Dates written out in a page's text, as people write them: 2019-07-30,
 * 30.07.2019, 7/30/2019, 30 July 2019, July 30th, 2019, 30. Juli 2019,
 * 30 de julio de 2019, 30 июля 2019, 2019年7月30日, ۲ تیر ۱۳۹۹ … Month names of
 * English, German, French, Spanish, Italian, Portuguese, Dutch, Polish,
 * Russian, Ukrainian, Turkish, Romanian, Czech, Slovak, Hungarian, Finnish,
 * Croatian, Serbian and Bosnian (Latin and Cyrillic), Bulgarian, Greek,
 * Indonesian, Lithuanian, Latvian, Hebrew and Arabic (Egyptian and Levantine) are known,
 * and the months of the Solar Hijri calendar of Iran and Afghanistan (its
 * dates given as the Gregorian day they are). Arabic-Indic and Persian digits
 * are read as digits.
 */

const MONTH_NAMES: Array<[number, string[]]> = [
  [1, ['january', 'jan', 'januar', 'jänner', 'janvier', 'janv', 'enero', 'ene', 'gennaio', 'gen', 'janeiro', 'januari', 'stycznia', 'styczeń', 'января', 'январь', 'січня', 'ocak', 'يناير', 'كانون الثاني', 'ianuarie', 'ledna', 'leden', 'januára', 'január', 'tammikuuta', 'siječnja', 'januara', 'јануар', 'јануара', 'януари', 'ιανουαρίου', 'ינואר', 'בינואר', 'siječanj', 'sausio', 'janvārī', 'janvāris']],
  [2, ['february', 'feb', 'februar', 'février', 'fevrier', 'févr', 'fevr', 'febrero', 'febbraio', 'fevereiro', 'fev', 'februari', 'lutego', 'luty', 'февраля', 'февраль', 'лютого', 'şubat', 'subat', 'فبراير', 'شباط', 'februarie', 'února', 'únor', 'februára', 'február', 'helmikuuta', 'veljače', 'februara', 'фебруар', 'фебруара', 'февруари', 'φεβρουαρίου', 'פברואר', 'בפברואר', 'veljača', 'vasario', 'februārī', 'februāris']],
  [3, ['march', 'mar', 'märz', 'marz', 'mär', 'mars', 'marzo', 'março', 'marco', 'maart', 'marca', 'marzec', 'марта', 'март', 'березня', 'mart', 'مارس', 'آذار', 'martie', 'března', 'březen', 'március', 'maaliskuuta', 'ožujka', 'marta', 'μαρτίου', 'maret', 'מרץ', 'במרץ', 'ožujak', 'kovo', 'martā', 'marts']],
  [4, ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile', 'kwietnia', 'kwiecień', 'апреля', 'апрель', 'квітня', 'nisan', 'أبريل', 'ابريل', 'إبريل', 'نيسان', 'aprilie', 'dubna', 'duben', 'apríla', 'április', 'huhtikuuta', 'travnja', 'aprila', 'април', 'априла', 'απριλίου', 'אפריל', 'באפריל', 'travanj', 'balandžio', 'aprīlī', 'aprīlis']],
  [5, ['may', 'mai', 'mayo', 'maggio', 'mag', 'maio', 'mei', 'maja', 'maj', 'мая', 'май', 'травня', 'mayıs', 'mayis', 'مايو', 'أيار', 'ايار', 'května', 'květen', 'mája', 'május', 'toukokuuta', 'svibnja', 'мај', 'маја', 'μαΐου', 'מאי', 'במאי', 'svibanj', 'gegužės', 'maijā', 'maijs']],
  [6, ['june', 'jun', 'juni', 'juin', 'junio', 'giugno', 'giu', 'junho', 'czerwca', 'czerwiec', 'июня', 'июнь', 'червня', 'haziran', 'يونيو', 'يونيه', 'حزيران', 'iunie', 'června', 'červen', 'júna', 'június', 'kesäkuuta', 'lipnja', 'juna', 'јун', 'јуна', 'юни', 'ιουνίου', 'יוני', 'ביוני', 'lipanj', 'birželio', 'jūnijā', 'jūnijs']],
  [7, ['july', 'jul', 'juli', 'juillet', 'juil', 'julio', 'luglio', 'lug', 'julho', 'lipca', 'lipiec', 'июля', 'июль', 'липня', 'temmuz', 'يوليو', 'يوليه', 'تموز', 'iulie', 'července', 'červenec', 'júla', 'július', 'heinäkuuta', 'srpnja', 'jula', 'јул', 'јула', 'юли', 'ιουλίου', 'יולי', 'ביולי', 'srpanj', 'liepos', 'jūlijā', 'jūlijs']],
  [8, ['august', 'aug', 'août', 'aout', 'agosto', 'ago', 'augustus', 'sierpnia', 'sierpień', 'августа', 'август', 'серпня', 'ağustos', 'agustos', 'أغسطس', 'اغسطس', 'آب', 'augusta', 'augusztus', 'elokuuta', 'kolovoza', 'avgust', 'avgusta', 'αυγούστου', 'agustus', 'augusti', 'אוגוסט', 'באוגוסט', 'kolovoz', 'rugpjūčio', 'augustā', 'augusts']],
  [9, ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setiembre', 'settembre', 'set', 'setembro', 'września', 'wrzesień', 'сентября', 'сентябрь', 'вересня', 'eylül', 'eylul', 'سبتمبر', 'أيلول', 'ايلول', 'septembrie', 'září', 'septembra', 'szeptember', 'syyskuuta', 'rujna', 'septembar', 'септембар', 'септембра', 'септември', 'σεπτεμβρίου', 'ספטמבר', 'בספטמבר', 'rujan', 'rugsėjo', 'septembrī', 'septembris']],
  [10, ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre', 'ottobre', 'ott', 'outubro', 'out', 'października', 'październik', 'октября', 'октябрь', 'жовтня', 'ekim', 'أكتوبر', 'اكتوبر', 'تشرين الأول', 'تشرين الاول', 'octombrie', 'října', 'říjen', 'októbra', 'október', 'lokakuuta', 'oktobar', 'oktobra', 'октобар', 'октобра', 'октомври', 'οκτωβρίου', 'אוקטובר', 'באוקטובר', 'spalio', 'oktobrī', 'oktobris']],
  [11, ['november', 'nov', 'novembre', 'noviembre', 'novembro', 'listopada', 'listopad', 'ноября', 'ноябрь', 'листопада', 'kasım', 'kasim', 'نوفمبر', 'تشرين الثاني', 'noiembrie', 'listopadu', 'novembra', 'marraskuuta', 'studenoga', 'studenog', 'novembar', 'новембар', 'новембра', 'ноември', 'νοεμβρίου', 'נובמבר', 'בנובמבר', 'studeni', 'lapkričio', 'novembrī', 'novembris']],
  [12, ['december', 'dec', 'dezember', 'dez', 'décembre', 'decembre', 'déc', 'diciembre', 'dic', 'dicembre', 'dezembro', 'grudnia', 'grudzień', 'декабря', 'декабрь', 'грудня', 'aralık', 'aralik', 'ديسمبر', 'كانون الأول', 'كانون الاول', 'decembrie', 'prosince', 'prosinec', 'decembra', 'joulukuuta', 'prosinca', 'decembar', 'децембар', 'децембра', 'декември', 'δεκεμβρίου', 'desember', 'desemba', 'דצמבר', 'בדצמבר', 'prosinac', 'gruodžio', 'decembrī', 'decembris']],
];

const MONTHS = new Map<string, number>();
for (const [month, names] of MONTH_NAMES) for (const name of names) MONTHS.set(name, month);

const MONTH_NAME = [...MONTHS.keys()].sort((a, b) => b.length - a.length).join('|');
const MONTH = `(${MONTH_NAME})\\.?`;
/** A second name of the month after a slash, as Arabic pages give both ("24 نيسان / أبريل 2020"). */
const OR_MONTH = `(?:\\s*/\\s*(?:${MONTH_NAME}))?`;
const YEAR = '((?:19|20)\\d\\d)';
const DAY = '(0?[1-9]|[12]\\d|3[01])';
const NOT_LETTER_BEFORE = '(?<![\\p{L}\\d])';
const NOT_LETTER_AFTER = '(?![\\p{L}\\d])';

/** How a page's language reads dates: 3/4/2019 as March 4th (US English), and its month names. */
interface Reading {
  usOrder: boolean;
  months: ReadonlyMap<string, number>;
}

/** Croatian's "listopad" is October, where Polish's and Czech's is November. */
const CROATIAN_MONTHS: ReadonlyMap<string, number> = new Map([...MONTHS, ['listopad', 10], ['listopada', 10]]);

const readingOf = (language: string | null): Reading => ({
  usOrder: /^en(-us)?$/i.test(language ?? ''),
  months: /^hr\b/i.test(language ?? '') ? CROATIAN_MONTHS : MONTHS,
});

interface Pattern {
  re: RegExp;
  /** Year, month, day (a month name or number) from a match; null when it is no date. */
  read(m: RegExpExecArray, way: Reading): [number, number, number] | null;
}

/** The months of the Solar Hijri calendar (Farvardin … Esfand), in Persian and Dari spelling. */
const SOLAR_HIJRI_MONTHS = new Map<string, number>(
  [
    ['فروردین', 1], ['اردیبهشت', 2], ['خرداد', 3], ['تیر', 4], ['مرداد', 5], ['امرداد', 5], ['شهریور', 6],
    ['مهر', 7], ['آبان', 8], ['آذر', 9], ['دی', 10], ['بهمن', 11], ['اسفند', 12],
    // Dari (Afghanistan)
    ['حمل', 1], ['ثور', 2], ['جوزا', 3], ['سرطان', 4], ['اسد', 5], ['سنبله', 6], ['میزان', 7], ['عقرب', 8], ['قوس', 9], ['جدی', 10], ['دلو', 11], ['حوت', 12],
  ],
);

/** Persian text written with Arabic letters (ي for ی, ك for ک), as many sites type it, in Persian letters. */
const persianLetters = (s: string): string => s.replace(/ي/g, 'ی').replace(/ك/g, 'ک');

/** The Solar Hijri months for a pattern, each in either spelling of its letters. */
const SOLAR_HIJRI_MONTH = [...SOLAR_HIJRI_MONTHS.keys()]
  .sort((a, b) => b.length - a.length)
  .map((name) => name.replace(/ی/g, '[یي]').replace(/ک/g, '[کك]'))
  .join('|');

const num = (s: string | undefined): number => Number(s);
const monthOf = (s: string | undefined, way: Reading): number => way.months.get((s ?? '').toLowerCase().replace(/\.$/, '')) ?? 0;

const PATTERNS: Pattern[] = [
  // 2019-07-30, 2019/07/30, 2019.07.30, 2019. 07. 30.
  { re: new RegExp(`(?<!\\d)${YEAR}(?:-|/|\\.\\s?)(0?[1-9]|1[0-2])(?:-|/|\\.\\s?)${DAY}(?!\\d)`, 'gu'), read: (m) => [num(m[1]), num(m[2]), num(m[3])] },
  // 2019年7月30日
  { re: /((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/gu, read: (m) => [num(m[1]), num(m[2]), num(m[3])] },
  // 30.07.2019, 30/07/2019, 7/30/2019, 30-07-2019, 30.07.19
  {
    re: /(?<![\d.])(\d{1,2})([./-])(\d{1,2})\2((?:19|20)\d\d|\d\d)(?!\d)/gu,
    read: (m, way) => {
      const a = num(m[1]);
      const b = num(m[3]);
      const year = (m[4] as string).length === 2 ? 2000 + num(m[4]) : num(m[4]);
      if (m[2] === '/' && (b > 12 || (way.usOrder && a <= 12))) return [year, a, b];
      return [year, b, a];
    },
  },
  // 30 July 2019, 30. Juli 2019, 30th of July, 2019, 30 de julio de 2019, 30 июля 2019 г.
  {
    re: new RegExp(`${NOT_LETTER_BEFORE}${DAY}(?:\\.|st|nd|rd|th|er|º)?\\s*(?:of\\s+|de\\s+)?${MONTH}${OR_MONTH}${NOT_LETTER_AFTER},?\\s*(?:de\\s+|del\\s+)?${YEAR}`, 'giu'),
    read: (m, way) => [num(m[3]), monthOf(m[2], way), num(m[1])],
  },
  // 2020. szeptember 20. (Hungarian), 2020 m. rugsėjo 20 d. (Lithuanian): the year first
  {
    re: new RegExp(`(?<!\\d)${YEAR}\\.?(?:\\s*m\\.)?\\s+${MONTH}\\s+${DAY}(?:\\.|\\s*d\\.|-?(?:án|én|jén|ján|a|e|i))?(?![\\p{L}\\d])`, 'giu'),
    read: (m, way) => [num(m[1]), monthOf(m[2], way), num(m[3])],
  },
  // 2020. gada 20. septembrī (Latvian)
  {
    re: new RegExp(`(?<!\\d)${YEAR}\\.?\\s*gada\\s+${DAY}\\.\\s*${MONTH}(?![\\p{L}\\d])`, 'giu'),
    read: (m, way) => [num(m[1]), monthOf(m[3], way), num(m[2])],
  },
  // July 30, 2019; July 30th 2019
  {
    re: new RegExp(`${NOT_LETTER_BEFORE}${MONTH}\\s+${DAY}(?:st|nd|rd|th)?${NOT_LETTER_AFTER},?\\s+${YEAR}`, 'giu'),
    read: (m, way) => [num(m[3]), monthOf(m[1], way), num(m[2])],
  },
  // ۲ تیر ۱۳۹۹, 2 تير 1399 (Solar Hijri: 22 June 2020)
  {
    re: new RegExp(`(?<![\\p{L}\\d])${DAY}\\s*(${SOLAR_HIJRI_MONTH})(?![\\p{L}\\d])\\s*(1[34]\\d\\d)(?!\\d)`, 'gu'),
    read: (m) => gregorianOfSolarHijri(num(m[3]), SOLAR_HIJRI_MONTHS.get(persianLetters(m[2] as string)) ?? 0, num(m[1])),
  },
];

/** A Solar Hijri date's day is found: its calendar as the platform's ICU counts it ("persian"). */
const SOLAR_HIJRI = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' });

/** Days from the start of a Solar Hijri year to a day of it: six months of 31 days, then of 30. */
const dayOfSolarYear = (month: number, day: number): number => (month <= 6 ? (month - 1) * 31 : 186 + (month - 7) * 30) + day - 1;

/** The Gregorian year, month and day of a Solar Hijri date, or null for one that is not a day. */
function gregorianOfSolarHijri(year: number, month: number, day: number): [number, number, number] | null {
  if (month < 1 || day < 1 || day > (month <= 6 ? 31 : 30)) return null;
  // the year begins at the March equinox (the 20th or 21st, by Iran's noon): ICU says which day near the 20th plus the days before it is the date
  const near = Date.UTC(year + 621, 2, 20) + dayOfSolarYear(month, day) * 86_400_000;
  for (const offset of [0, 1, -1, 2, -2]) {
    const date = new Date(near + offset * 86_400_000);
    const parts = SOLAR_HIJRI.formatToParts(date);
    const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
    if (part('year') === year && part('month') === month && part('day') === day) return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  }
  // (the 30th of Esfand of a year of 29 days: no such day)
  return null;
}

const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (n: number): string => String(n).padStart(2, '0');

export interface TextDate {
  /** YYYY-MM-DD */
  iso: string;
  /** Where the date begins in the text, and where it ends. */
  index: number;
  end: number;
}

/**
 * Every date written in `text`, in the order they appear. `language` (a BCP
 * 47 tag) decides 3/4/2019: April 3rd, except in US English (March 4th).
 * Years before 1995 and after `latestYear` are not taken for publication dates.
 */
export function datesInText(text: string, language: string | null, latestYear = new Date().getUTCFullYear() + 1): TextDate[] {
  // (every date written has digits: most lines of a page have none)
  if (!DIGIT.test(text)) return [];
  text = westernDigits(text);
  const way = readingOf(language);
  const found: TextDate[] = [];
  for (const { re, read } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const date = dateOf(m, read, way, latestYear);
      if (date) found.push(date);
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** Characters past the first date found that another pattern's date beginning before it may reach (the longest written date is shorter). */
const DATE_REACH = 120;

/**
 * The first date written in `text`: `datesInText(…)[0]`, read only as far as
 * needed (each pattern stops at its first date, and the later patterns look
 * no further than the earliest date found so far): a long page's body is
 * read to its first date, not to its end.
 */
export function firstDateInText(text: string, language: string | null, latestYear = new Date().getUTCFullYear() + 1): TextDate | null {
  if (!DIGIT.test(text)) return null;
  text = westernDigits(text);
  const way = readingOf(language);
  let best: TextDate | null = null;
  for (const { re, read } of PATTERNS) {
    const scope = best ? text.slice(0, best.index + DATE_REACH) : text;
    re.lastIndex = 0;
    for (let m = re.exec(scope); m; m = re.exec(scope)) {
      // at the same place, the earlier pattern's date stands (as in the stable sort of datesInText)
      if (best && m.index >= best.index) break;
      const date = dateOf(m, read, way, latestYear);
      if (date) {
        best = date;
        break;
      }
    }
  }
  return best;
}

function dateOf(m: RegExpExecArray, read: Pattern['read'], way: Reading, latestYear: number): TextDate | null {
  const ymd = read(m, way);
  if (!ymd) return null;
  const [year, month, day] = ymd;
  if (year < 1995 || year > latestYear || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  return { iso: `${year}-${pad(month)}-${pad(day)}`, index: m.index, end: m.index + m[0].length };
}

/** A digit: Western, Arabic-Indic or Persian. */
const DIGIT = /[0-9\u0660-\u0669\u06f0-\u06f9]/;

/** Arabic-Indic (٠–٩) and Persian (۰–۹) digits as 0–9: one character for one, so places in the text stay. */
function westernDigits(text: string): string {
  if (!/[\u0600-\u06ff]/.test(text)) return text;
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String((d.charCodeAt(0) - 0x0660) % (0x06f0 - 0x0660)));
}
