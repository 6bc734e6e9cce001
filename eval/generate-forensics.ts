/**
 * A second generated corpus, for the forensics of a copy: what it changed
 * and what it added. From real article bodies, each story gets an origin at
 * a news outlet that names itself once ("…, the Harbor Courier reported"),
 * and copies by farm sites, each farm with its persona (an invented author
 * whose biography follows every copy the farm makes), its calls to action
 * its credit lines and a tagline under every article (its template):
 * - name-once: the outlet's name replaced by the farm's in its one mention;
 * - name-everywhere: the most frequent proper name replaced everywhere;
 * - spun: content words replaced (names left alone, as thesaurus spinners do);
 * - an independent report that only quotes a story's statement (not a copy);
 * - a chain: a farm copies the origin and swaps the outlet's name, a second
 *   farm copies that copy (carrying its change), a third copies the second;
 *   a fourth farm copies the origin directly.
 * Every article carries its truth: its parent, the names swapped against
 * the parent (word by word), and the lines added with their kind.
 */
import type { BoilerplateKind } from '../src/types.js';
import { longestQuotation, rename, rng, shuffle, spin, withoutSharedText } from './generate.js';

export interface ForensicTruth {
  parent: string | null;
  /** Words of names the article replaced against its parent: [from, to]. */
  names: Array<[string, string]>;
  /** Lines added that are not the article's own text. */
  boilerplate: Array<{ kind: BoilerplateKind; text: string }>;
}

export interface ForensicArticle {
  url: string;
  site: string;
  title: string;
  published: string;
  text: string;
  truth: ForensicTruth;
}

const OUTLETS = ['Harbor Courier', 'Valley Tribune', 'Northern Ledger', 'Capital Observer', 'Coastal Herald', 'Midland Dispatch', 'Evening Sentinel'];

interface Farm {
  site: string;
  /** A line the farm puts under every article: its template. */
  tagline: string;
  /** The farm's name, as it puts it in place of the outlet's. */
  name: string;
  bio: string;
  calls: string[];
  credits: (outletSite: string) => string;
}

/** Farms as they are met: each with one persona, its own calls to action and credit line. */
const FARMS: Farm[] = [
  {
    site: 'dailybuzz.example',
    tagline: 'Daily Buzz brings you the stories that matter from around the world, every hour of the day.',
    name: 'Daily Buzz',
    bio: 'Jane Marlow is a freelance journalist based in Lisbon who writes about energy, markets and the people behind them.',
    calls: ['Follow us on Telegram to get the latest news first.', 'Join our WhatsApp channel for daily updates.'],
    credits: (site) => `Source: ${site}`,
  },
  {
    site: 'newsflash24.example',
    tagline: 'Newsflash Today is your trusted source for breaking news, analysis and opinion.',
    name: 'Newsflash Today',
    bio: 'About the author: Tom Reyes has covered politics and business for more than a decade and lives in Denver with his two dogs.',
    calls: ['Subscribe to our channel and never miss a story.', 'Download our app for breaking news alerts.'],
    credits: (site) => `Read more at ${site}`,
  },
  {
    site: 'truthwire.example',
    tagline: 'Truth Wire reports what the mainstream media will not tell you about the world.',
    name: 'Truth Wire',
    bio: 'Priya Natarajan writes about technology, science and culture. Her work has appeared in dozens of publications.',
    calls: ['Share this article with your friends on social media.', 'Like us on Facebook and follow us on X for more.'],
    credits: (site) => `This article originally appeared on ${site}.`,
  },
  {
    site: 'globalpulse.example',
    tagline: 'Global Pulse covers politics, business and culture for readers in more than fifty countries.',
    name: 'Global Pulse',
    bio: 'Mark Olsen is an award-winning reporter and the author of two books on the history of the American West.',
    calls: ['Sign up for our free newsletter to get stories like this in your inbox.', 'Turn on notifications so you never miss an update.'],
    credits: (site) => `Originally published on ${site}.`,
  },
];

const paragraphsOf = (text: string): string[] => text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
const wordsOf = (name: string): string[] => name.split(' ');

/** Word pairs of one name put in place of another of as many words. */
function swapped(from: string, to: string): Array<[string, string]> {
  const a = wordsOf(from);
  const b = wordsOf(to);
  return a.map((w, k) => [w, b[k] as string] as [string, string]).filter(([x, y]) => x !== y);
}

/** The words `rename` swapped in a text, found by comparing the words of the two texts (it replaces word for word). */
function renamedPair(before: string, after: string): Array<[string, string]> {
  const a = before.match(/[\p{L}\p{N}]+/gu) ?? [];
  const b = after.match(/[\p{L}\p{N}]+/gu) ?? [];
  const pairs = new Map<string, [string, string]>();
  for (let k = 0; k < Math.min(a.length, b.length); k++) {
    const x = a[k] as string;
    const y = b[k] as string;
    if (x !== y) pairs.set(`${x}>${y}`, [x, y]);
  }
  return [...pairs.values()];
}

export function generateForensics(seed: number, originals: string[], vocabulary: string[], stories: number): ForensicArticle[] {
  // (`others` below takes the bodies after the stories': keep some)
  const random = rng(seed * 7919 + 17);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const base = Date.UTC(2024, 5, 1, 6, 0) + seed * 86_400_000 * 40;
  const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 16) + 'Z';
  const out: ForensicArticle[] = [];
  // real articles that share text with another (a press release) would make the truth unknown
  const independent = withoutSharedText(originals);
  const usable = shuffle(originals.filter((t) => independent.has(t) && paragraphsOf(t).length >= 4), random);
  // bodies no story uses, for the independent reports that only quote a story
  const others = usable.slice(stories);
  for (let s = 0; s < Math.min(stories, usable.length); s++) {
    const outlet = OUTLETS[s % OUTLETS.length] as string;
    const outletSite = `${outlet.toLowerCase().replace(/ /g, '')}.example`;
    const paras = paragraphsOf(usable[s] as string);
    // the outlet names itself once, in a sentence of its own at the end of the second paragraph
    paras[1] = `${paras[1]} The ${outlet} first reported the plans last month.`;
    const body = paras.join('\n\n');
    const t0 = base + s * 2 * 86_400_000;
    const origin: ForensicArticle = {
      url: `https://${outletSite}/${seed}/story-${s}`,
      site: outletSite,
      title: `Story ${s}`,
      published: iso(t0),
      text: body,
      truth: { parent: null, names: [], boilerplate: [] },
    };
    out.push(origin);
    const farmAt = (k: number): Farm => FARMS[(s + k) % FARMS.length] as Farm;
    const dress = (farm: Farm, text: string, creditFor: string): { text: string; boilerplate: ForensicTruth['boilerplate'] } => {
      const call = pick(farm.calls);
      const credit = farm.credits(creditFor);
      return {
        text: [text, farm.tagline, call, credit, farm.bio].join('\n\n'),
        boilerplate: [
          { kind: 'site-template', text: farm.tagline },
          { kind: 'call-to-action', text: call },
          { kind: 'credit-line', text: credit },
          { kind: 'author-bio', text: farm.bio },
        ],
      };
    };
    const copy = (farm: Farm, suffix: string, hours: number, parent: ForensicArticle, text: string, names: Array<[string, string]>): ForensicArticle => {
      const dressed = dress(farm, text, parent.site);
      return {
        url: `https://${farm.site}/${seed}/${suffix}-${s}`,
        site: farm.site,
        title: `Copy of story ${s}`,
        published: iso(t0 + hours * 3_600_000),
        text: dressed.text,
        truth: { parent: parent.url, names, boilerplate: dressed.boilerplate },
      };
    };
    switch (s % 4) {
      case 0: {
        // the outlet's one mention of itself becomes the farm's
        const farm = farmAt(0);
        out.push(copy(farm, 'name-once', 3, origin, body.replace(`The ${outlet} first`, `The ${farm.name} first`), swapped(outlet, farm.name)));
        break;
      }
      case 1: {
        const renamed = rename(body, random);
        out.push(copy(farmAt(0), 'name-everywhere', 4, origin, renamed, renamedPair(body, renamed)));
        break;
      }
      case 2: {
        out.push(copy(farmAt(0), 'spun', 2, origin, spinKeepingNames(body, 0.3, vocabulary, random), []));
        // an independent report that quotes the same statement: not a copy
        const quote = longestQuotation(body);
        const host = others[s % others.length] as string;
        if (quote) {
          const ps = paragraphsOf(host).slice(0, 5);
          ps.splice(1, 0, `In a statement released the same day, the spokesperson said: “${quote}”`);
          out.push({
            url: `https://independent.example/${seed}/report-${s}`,
            site: 'independent.example',
            title: `Independent report ${s}`,
            published: iso(t0 + 3 * 3_600_000),
            text: ps.join('\n\n'),
            truth: { parent: null, names: [], boilerplate: [] },
          });
        }
        break;
      }
      default: {
        // a chain of copies, and a copy of the origin beside it
        const a = farmAt(0);
        const first = copy(a, 'chain1', 2, origin, spinKeepingNames(body.replace(`The ${outlet} first`, `The ${a.name} first`), 0.08, vocabulary, random), swapped(outlet, a.name));
        const firstText = paragraphsOf(first.text).slice(0, -4).join('\n\n');
        const second = copy(farmAt(1), 'chain2', 5, first, spinKeepingNames(firstText, 0.05, vocabulary, random), []);
        const secondText = paragraphsOf(second.text).slice(0, -4).join('\n\n');
        const third = copy(farmAt(2), 'chain3', 9, second, secondText, []);
        const direct = copy(farmAt(3), 'direct', 6, origin, spinKeepingNames(body, 0.05, vocabulary, random), []);
        out.push(first, second, third, direct);
        break;
      }
    }
  }
  return out;
}

/** Spins content words the way a thesaurus spinner does: capitalised words (names) have no synonyms and stay. */
function spinKeepingNames(text: string, rate: number, vocabulary: string[], random: () => number): string {
  return spin(text, rate, vocabulary, random, true);
}
