export type * from './types.js';
export { NewstraceError, isNewstraceError, type ErrorCode } from './errors.js';
export { DEFAULTS, type Params } from './defaults.js';
export { ingest, type IngestOptions, type IngestProgress, type IngestSummary } from './ingest/index.js';
export { traceArticle, traceUrl, traceAll, renderAll, render, type TraceOptions, type TraceFormat } from './trace/index.js';
export { readArticleFile } from './ingest/file.js';
export { openStore, type OpenStoreOptions } from './store/index.js';
export type { Store, IndexedArticle, PutOutcome } from './store/types.js';
export { tokenize, type Tokens } from './text/tokenize.js';
