import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import robotsModule from 'robots-parser';
import { NewstraceError } from '../errors.js';
import { decodeContent } from '../ingest/encoding.js';
import { guardedLookup, refusedLiteral } from './address.js';

export interface FetchOptions {
  /** Fetch hosts on loopback, private and link-local networks (off: such addresses are refused). */
  allowPrivate?: boolean;
  /** Seconds between two requests to one host at least (a host's robots.txt may ask for more). Default 1. */
  hostDelay?: number;
  /** Seconds a request may take in all before it is given up. Default 30. */
  timeout?: number;
  /** Bytes of a page at most, before and after decompression. Default 16 MiB. */
  maxBytes?: number;
  /** Redirects followed at most. Default 5. */
  maxRedirects?: number;
  /** Pages fetched at once at most (from different hosts). Default 4. */
  concurrency?: number;
  /** Sent as User-Agent and matched against robots.txt. */
  userAgent?: string;
}

/** A page fetched over HTTP: the bytes of its body, decompressed. */
export interface FetchedPage {
  /** The URL asked for. */
  requested: string;
  /** The URL the body came from, after redirects. */
  url: string;
  status: number;
  contentType: string | null;
  body: Buffer;
  /** ISO 8601 date-time of the response. */
  fetched: string;
}

/** The product token robots.txt rules are matched against. */
export const ROBOTS_AGENT = 'newstrace';
export const USER_AGENT = `${ROBOTS_AGENT}/0.1 (text-reuse tracer; honours robots.txt)`;

type RobotsParser = (url: string, contents: string) => {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
};
/** robots-parser exports its function as the module itself (CommonJS); its types say otherwise. */
const robotsParser = robotsModule as unknown as RobotsParser;

/** Network errors that mean the host cannot be reached at all. */
const UNREACHABLE = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EREFUSED_ADDRESS']);

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Robots files are read up to this size (RFC 9309 asks for at least 500 KiB). */
const ROBOTS_BYTES = 512 * 1024;

interface Response {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

interface Robots {
  allowed(url: string): boolean;
  /** Seconds asked between requests, if any. */
  delay: number | undefined;
  /** Why every path is disallowed, when robots.txt could not be read. */
  unreachable?: string;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Fetches pages politely: one request at a time per host, `hostDelay`
 * seconds apart (or the host's Crawl-delay), robots.txt read once per host
 * and obeyed (RFC 9309: a missing file allows all, an unreachable one
 * allows nothing), redirects followed up to a limit, each response bounded
 * in time and size, and addresses outside the public internet refused
 * unless allowed.
 */
export class Fetcher {
  private readonly options: Required<FetchOptions>;
  private readonly robots = new Map<string, Promise<Robots>>();
  /** When each host may be asked again (ms, performance.now). */
  private readonly nextSlot = new Map<string, number>();

  constructor(options: FetchOptions = {}) {
    this.options = {
      allowPrivate: options.allowPrivate ?? false,
      hostDelay: options.hostDelay ?? 1,
      timeout: options.timeout ?? 30,
      maxBytes: options.maxBytes ?? 16 * 1024 * 1024,
      maxRedirects: options.maxRedirects ?? 5,
      concurrency: options.concurrency ?? 4,
      userAgent: options.userAgent ?? USER_AGENT,
    };
  }

  get concurrency(): number {
    return this.options.concurrency;
  }

  /** Fetches a page, following redirects; throws a NewstraceError naming the URL and the reason. */
  async fetch(address: string): Promise<FetchedPage> {
    let url = parseHttpUrl(address);
    for (let hop = 0; ; hop++) {
      const robots = await this.robotsOf(url).catch((error: NewstraceError) => {
        throw new NewstraceError('FETCH', error.message, { where: url.href, cause: error });
      });
      if (!robots.allowed(url.href)) {
        throw new NewstraceError('FETCH', robots.unreachable ?? `disallowed by ${url.origin}/robots.txt`, { where: url.href });
      }
      const response = await this.request(url, this.options.maxBytes, robots.delay);
      const location = response.headers.location;
      if (REDIRECTS.has(response.status) && location) {
        if (hop >= this.options.maxRedirects) {
          throw new NewstraceError('FETCH', `more than ${this.options.maxRedirects} redirects`, { where: address });
        }
        url = parseHttpUrl(new URL(location, url).href, address);
        continue;
      }
      if (response.status < 200 || response.status > 299) {
        throw new NewstraceError('FETCH', `HTTP status ${response.status}`, { where: url.href });
      }
      return {
        requested: address,
        url: url.href,
        status: response.status,
        contentType: response.headers['content-type'] ?? null,
        body: response.body,
        fetched: new Date().toISOString(),
      };
    }
  }

  /** The robots.txt rules of a URL's origin, read once. */
  private robotsOf(url: URL): Promise<Robots> {
    let robots = this.robots.get(url.origin);
    if (!robots) {
      robots = this.readRobots(url.origin);
      this.robots.set(url.origin, robots);
    }
    return robots;
  }

  private async readRobots(origin: string): Promise<Robots> {
    const disallowAll = (reason: string): Robots => ({ allowed: () => false, delay: undefined, unreachable: reason });
    let url = new URL('/robots.txt', origin);
    try {
      for (let hop = 0; hop <= this.options.maxRedirects; hop++) {
        const response = await this.request(url, ROBOTS_BYTES, undefined, true);
        const location = response.headers.location;
        if (REDIRECTS.has(response.status) && location) {
          url = parseHttpUrl(new URL(location, url).href, `${origin}/robots.txt`);
          continue;
        }
        if (response.status >= 400 && response.status < 500) return { allowed: () => true, delay: undefined };
        if (response.status < 200 || response.status > 299) return disallowAll(`robots.txt unreachable (HTTP status ${response.status}): not fetching from ${origin}`);
        const rules = robotsParser(url.href, response.body.toString('utf8'));
        const agent = this.options.userAgent;
        return {
          // a robots.txt of another origin (after a redirect) says nothing of this one's paths: match by path
          allowed: (page) => rules.isAllowed(new URL(new URL(page).pathname + new URL(page).search, url).href, agent) ?? true,
          delay: rules.getCrawlDelay(agent),
        };
      }
      return disallowAll(`robots.txt unreachable (too many redirects): not fetching from ${origin}`);
    } catch (error) {
      // a host that cannot be reached at all is reported as such, not as a robots.txt problem
      const code = ((error as Error).cause as NodeJS.ErrnoException | undefined)?.code;
      if (code && UNREACHABLE.has(code)) throw error;
      return disallowAll(`robots.txt unreachable (${(error as Error).message}): not fetching from ${origin}`);
    }
  }

  /** Waits for the host's turn: requests to one host are spaced by its delay. */
  private async turn(url: URL, crawlDelay: number | undefined): Promise<void> {
    const delay = Math.max(this.options.hostDelay, crawlDelay ?? 0) * 1000;
    const now = performance.now();
    const at = Math.max(now, this.nextSlot.get(url.host) ?? 0);
    this.nextSlot.set(url.host, at + delay);
    if (at > now) await sleep(at - now);
  }

  /** One GET, bounded in time and bytes; the body decompressed. */
  private async request(url: URL, maxBytes: number, crawlDelay: number | undefined, robots = false): Promise<Response> {
    if (!this.options.allowPrivate) {
      const refused = refusedLiteral(url);
      if (refused) throw new NewstraceError('FETCH', `refused: ${refused} (--allow-private fetches such addresses)`, { where: url.href });
    }
    await this.turn(url, crawlDelay);
    const signal = AbortSignal.timeout(this.options.timeout * 1000);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const raw = await new Promise<Response>((resolve, reject) => {
      const req = send(
        url,
        {
          method: 'GET',
          signal,
          headers: {
            'user-agent': this.options.userAgent,
            accept: robots ? 'text/plain, */*;q=0.1' : 'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.1',
            'accept-encoding': 'gzip, deflate, br',
          },
          ...(this.options.allowPrivate ? {} : { lookup: guardedLookup }),
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > maxBytes) {
              req.destroy(new Error(`larger than ${Math.round(maxBytes / 1048576)} MiB`));
              return;
            }
            chunks.push(chunk);
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end();
    }).catch((error: NodeJS.ErrnoException) => {
      const reason =
        error.name === 'AbortError' || error.name === 'TimeoutError'
          ? `no complete answer within ${this.options.timeout} s`
          : error.code === 'EREFUSED_ADDRESS'
            ? error.message
            : error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN'
              ? `cannot fetch: no address found for ${url.hostname}`
              : `cannot fetch: ${error.message}`;
      throw new NewstraceError('FETCH', reason, { where: url.href, cause: error });
    });
    if (REDIRECTS.has(raw.status)) return raw;
    try {
      return { ...raw, body: decodeContent(raw.body, raw.headers['content-encoding'], maxBytes) };
    } catch (error) {
      throw new NewstraceError('FETCH', (error as Error).message, { where: url.href, cause: error });
    }
  }
}

/** An http(s) URL, or an error naming it (`from`: the URL that led here, for redirects). */
function parseHttpUrl(address: string, from?: string): URL {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new NewstraceError('FETCH', `not a URL: ${JSON.stringify(address.slice(0, 200))}`, { where: from ?? address });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new NewstraceError('FETCH', `only http and https URLs are fetched, not ${url.protocol}`, { where: from ?? address });
  }
  url.hash = '';
  return url;
}

/**
 * Fetches many URLs, a few at a time and one at a time per host (a slot
 * never waits on a host another slot is fetching from while other hosts
 * have pages to fetch), yielding each page (or its error) as it comes.
 */
export async function* fetchAll(fetcher: Fetcher, urls: string[]): AsyncGenerator<FetchedPage | NewstraceError> {
  const hostOf = (address: string): string => {
    try {
      return new URL(address).host;
    } catch {
      return address;
    }
  };
  const waiting = urls.map((address, key) => ({ key, address, host: hostOf(address) }));
  const busy = new Set<string>();
  const pending = new Map<number, Promise<{ key: number; host: string; result: FetchedPage | NewstraceError }>>();
  const startNext = (): boolean => {
    const at = waiting.findIndex((w) => !busy.has(w.host));
    if (at < 0) return false;
    const [job] = waiting.splice(at, 1) as [(typeof waiting)[number]];
    busy.add(job.host);
    pending.set(
      job.key,
      fetcher.fetch(job.address).then(
        (result) => ({ key: job.key, host: job.host, result }),
        (error: unknown) => {
          if (!(error instanceof NewstraceError)) throw error;
          return { key: job.key, host: job.host, result: error };
        },
      ),
    );
    return true;
  };
  while (pending.size < fetcher.concurrency && startNext());
  while (pending.size > 0) {
    const { key, host, result } = await Promise.race(pending.values());
    pending.delete(key);
    busy.delete(host);
    while (pending.size < fetcher.concurrency && startNext());
    yield result;
  }
}
