/**
 * Dates written out in a page's text, as people write them: 2019-07-30,
 * 30.07.2019, 7/30/2019, 30 July 2019, July 30th, 2019, 30. Juli 2019,
 * 30 de julio de 2019, 30 июля 2019, 2019年7月30日 … Month names of English,
 * German, French, Spanish, Italian, Portuguese, Dutch, Polish, Russian,
 * Ukrainian and Turkish are known.
 */

const MONTH_NAMES: Array<[number, string[]]> = [
  [1, ['january', 'jan', 'januar', 'jänner', 'janvier', 'janv', 'enero', 'ene', 'gennaio', 'gen', 'janeiro', 'januari', 'stycznia', 'styczeń', 'января', 'январь', 'січня', 'ocak']],
  [2, ['february', 'feb', 'februar', 'février', 'fevrier', 'févr', 'fevr', 'febrero', 'febbraio', 'fevereiro', 'fev', 'februari', 'lutego', 'luty', 'февраля', 'февраль', 'лютого', 'şubat', 'subat']],
  [3, ['march', 'mar', 'märz', 'marz', 'mär', 'mars', 'marzo', 'março', 'marco', 'maart', 'marca', 'marzec', 'марта', 'март', 'березня', 'mart']],
  [4, ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile', 'kwietnia', 'kwiecień', 'апреля', 'апрель', 'квітня', 'nisan']],
  [5, ['may', 'mai', 'mayo', 'maggio', 'mag', 'maio', 'mei', 'maja', 'maj', 'мая', 'май', 'травня', 'mayıs', 'mayis']],
  [6, ['june', 'jun', 'juni', 'juin', 'junio', 'giugno', 'giu', 'junho', 'czerwca', 'czerwiec', 'июня', 'июнь', 'червня', 'haziran']],
  [7, ['july', 'jul', 'juli', 'juillet', 'juil', 'julio', 'luglio', 'lug', 'julho', 'lipca', 'lipiec', 'июля', 'июль', 'липня', 'temmuz']],
  [8, ['august', 'aug', 'août', 'aout', 'agosto', 'ago', 'augustus', 'sierpnia', 'sierpień', 'августа', 'август', 'серпня', 'ağustos', 'agustos']],
  [9, ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setiembre', 'settembre', 'set', 'setembro', 'września', 'wrzesień', 'сентября', 'сентябрь', 'вересня', 'eylül', 'eylul']],
  [10, ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre', 'ottobre', 'ott', 'outubro', 'out', 'października', 'październik', 'октября', 'октябрь', 'жовтня', 'ekim']],
  [11, ['november', 'nov', 'novembre', 'noviembre', 'novembro', 'listopada', 'listopad', 'ноября', 'ноябрь', 'листопада', 'kasım', 'kasim']],
  [12, ['december', 'dec', 'dezember', 'dez', 'décembre', 'decembre', 'déc', 'diciembre', 'dic', 'dicembre', 'dezembro', 'grudnia', 'grudzień', 'декабря', 'декабрь', 'грудня', 'aralık', 'aralik']],
];

const MONTHS = new Map<string, number>();
for (const [month, names] of MONTH_NAMES) for (const name of names) MONTHS.set(name, month);

const MONTH = `(${[...MONTHS.keys()].sort((a, b) => b.length - a.length).join('|')})\\.?`;
const YEAR = '((?:19|20)\\d\\d)';
const DAY = '(0?[1-9]|[12]\\d|3[01])';
const NOT_LETTER_BEFORE = '(?<![\\p{L}\\d])';
const NOT_LETTER_AFTER = '(?![\\p{L}\\d])';

interface Pattern {
  re: RegExp;
  /** Year, month, day (a month name or number) from a match; null when it is no date. */
  read(m: RegExpExecArray, usOrder: boolean): [number, number, number] | null;
}

const num = (s: string | undefined): number => Number(s);
const monthOf = (s: string | undefined): number => MONTHS.get((s ?? '').toLowerCase().replace(/\.$/, '')) ?? 0;

const PATTERNS: Pattern[] = [
  // 2019-07-30, 2019/07/30, 2019.07.30, 2019. 07. 30.
  { re: new RegExp(`(?<!\\d)${YEAR}(?:-|/|\\.\\s?)(0?[1-9]|1[0-2])(?:-|/|\\.\\s?)${DAY}(?!\\d)`, 'gu'), read: (m) => [num(m[1]), num(m[2]), num(m[3])] },
  // 2019年7月30日
  { re: /((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/gu, read: (m) => [num(m[1]), num(m[2]), num(m[3])] },
  // 30.07.2019, 30/07/2019, 7/30/2019, 30-07-2019, 30.07.19
  {
    re: /(?<![\d.])(\d{1,2})([./-])(\d{1,2})\2((?:19|20)\d\d|\d\d)(?!\d)/gu,
    read: (m, usOrder) => {
      const a = num(m[1]);
      const b = num(m[3]);
      const year = (m[4] as string).length === 2 ? 2000 + num(m[4]) : num(m[4]);
      if (m[2] === '/' && (b > 12 || (usOrder && a <= 12))) return [year, a, b];
      return [year, b, a];
    },
  },
  // 30 July 2019, 30. Juli 2019, 30th of July, 2019, 30 de julio de 2019, 30 июля 2019 г.
  {
    re: new RegExp(`${NOT_LETTER_BEFORE}${DAY}(?:\\.|st|nd|rd|th|er|º)?\\s*(?:of\\s+|de\\s+)?${MONTH}${NOT_LETTER_AFTER},?\\s*(?:de\\s+|del\\s+)?${YEAR}`, 'giu'),
    read: (m) => [num(m[3]), monthOf(m[2]), num(m[1])],
  },
  // July 30, 2019; July 30th 2019
  {
    re: new RegExp(`${NOT_LETTER_BEFORE}${MONTH}\\s+${DAY}(?:st|nd|rd|th)?${NOT_LETTER_AFTER},?\\s+${YEAR}`, 'giu'),
    read: (m) => [num(m[3]), monthOf(m[1]), num(m[2])],
  },
];

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
  const usOrder = /^en(-us)?$/i.test(language ?? '');
  const found: TextDate[] = [];
  for (const { re, read } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const date = dateOf(m, read, usOrder, latestYear);
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
  const usOrder = /^en(-us)?$/i.test(language ?? '');
  let best: TextDate | null = null;
  for (const { re, read } of PATTERNS) {
    const scope = best ? text.slice(0, best.index + DATE_REACH) : text;
    re.lastIndex = 0;
    for (let m = re.exec(scope); m; m = re.exec(scope)) {
      // at the same place, the earlier pattern's date stands (as in the stable sort of datesInText)
      if (best && m.index >= best.index) break;
      const date = dateOf(m, read, usOrder, latestYear);
      if (date) {
        best = date;
        break;
      }
    }
  }
  return best;
}

function dateOf(m: RegExpExecArray, read: Pattern['read'], usOrder: boolean, latestYear: number): TextDate | null {
  const ymd = read(m, usOrder);
  if (!ymd) return null;
  const [year, month, day] = ymd;
  if (year < 1995 || year > latestYear || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  return { iso: `${year}-${pad(month)}-${pad(day)}`, index: m.index, end: m.index + m[0].length };
}
