/**
 * global::body-guard, around Strapi's body parser (strapi::body, koa-body with formidable) for
 * every route of the app — the Media Library's uploads, the admin's login, the Content API.
 *
 * - A body the parser cannot read is the client's fault: 400 (413 when too large, 415 for a
 *   charset or encoding it does not know), with a short message, logged as one line at debug
 *   level — not a 500 with its stack trace at error level, as Strapi answers a multipart body
 *   without a boundary or a JSON body that is not JSON.
 * - Every temporary file of a multipart body is removed when the request ends, whatever the
 *   route did: Strapi removes only the field `files`, and only when the route succeeded, so an
 *   unauthenticated upload (401) left its files behind.
 *
 * The Orders plugin's own routes do not pass through Strapi's parser at all (their bodies are
 * read after authentication, by the plugin); this is the app's care for everyone else.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { rm } from 'fs/promises';
import createHttpError from 'http-errors';
import type { Context, Next } from 'koa';

interface ParserError {
  /** raw-body, under co-body (JSON, forms, text): "entity.too.large", "request.aborted", … */
  type?: string;
  status?: number;
  /** co-body's JSON.parse failure: a SyntaxError with status 400 and the whole input as `body`. */
  body?: unknown;
  /** formidable (multipart): 400 for a broken body, 413 for one too large. */
  httpCode?: number;
  message?: string;
}

const short = (text: unknown) => String(text).slice(0, 200);

/** The client's refusal for an error the body parser threw, or undefined for any other error. */
const refusalOf = (error: ParserError) => {
  if (error instanceof SyntaxError && (error as ParserError).status === 400 && 'body' in error)
    return new errors.ValidationError('The body is not valid JSON');
  const fromRawBody = typeof error?.type === 'string' && /^(entity|request|encoding|charset|stream)\./.test(error.type);
  const fromFormidable = error?.constructor?.name === 'FormidableError' && typeof error.httpCode === 'number';
  if (!fromRawBody && !fromFormidable) return undefined;
  const status = fromRawBody ? (error.status ?? 400) : error.httpCode!;
  if (status === 413) return new errors.PayloadTooLargeError('The body is too large');
  if (status === 415) return createHttpError(415, short(error.message));
  if (fromFormidable) return new errors.ValidationError(`The multipart body cannot be read: ${short(error.message)}`);
  return new errors.ValidationError(`The body cannot be read: ${short(error.message)}`);
};

type UploadedFile = { filepath?: string };

const uploadedFiles = (ctx: Context): UploadedFile[] => {
  const files = (ctx.request as { files?: Record<string, UploadedFile | UploadedFile[]> }).files;
  return files ? Object.values(files).flat() : [];
};

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    try {
      await next();
    } catch (error) {
      const refusal = refusalOf(error as ParserError);
      if (!refusal) throw error;
      strapi.log.debug(`${ctx.method} ${ctx.path.slice(0, 100)}: body refused: ${short((error as Error).message)}`);
      throw refusal;
    } finally {
      await Promise.all(uploadedFiles(ctx).map(({ filepath }) => (filepath ? rm(filepath, { force: true }) : undefined)));
    }
  };
