/** Codes of errors a user can cause and fix; anything else is a bug. */
export type ErrorCode =
  | 'BAD_INPUT' // a record or file that cannot become an article
  | 'NOT_FOUND' // a url or file that is not there
  | 'FETCH' // a page that could not (or may not) be fetched
  | 'BAD_ARGUMENT' // a command-line or API argument out of range
  | 'STORE'; // the database cannot be opened or written

/** The one error class of newstrace. `where` names the input (file, file:line, url). */
export class NewstraceError extends Error {
  readonly code: ErrorCode;
  readonly where: string | undefined;

  constructor(code: ErrorCode, message: string, options: { where?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'NewstraceError';
    this.code = code;
    this.where = options.where;
  }

  /** One line for a person: `where: message`. */
  describe(): string {
    return this.where ? `${this.where}: ${this.message}` : this.message;
  }
}

export function isNewstraceError(error: unknown): error is NewstraceError {
  return error instanceof NewstraceError;
}
