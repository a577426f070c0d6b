/**
 * How the plugin's routes read a request — path, query and body — before a controller sees it.
 *
 * Strapi's global body parser (`strapi::body`, koa-body) reads every request of the app before
 * routing and before authentication, as JSON, forms, text or multipart files on disk. The
 * plugin's routes take none of that: `leaveBodiesToTheRoutes` makes the global parser pass them
 * by, and each route reads its own body here — after the admin is authenticated and allowed,
 * as JSON only, bounded in size, decoded as UTF-8 fatally, then checked by strict-json.ts. The
 * rest of the app (the Media Library's uploads among it) keeps Strapi's parser.
 */
import type { Core } from '@strapi/strapi';
import type { IncomingMessage } from 'http';
import createHttpError from 'http-errors';
import { errors } from '@strapi/utils';
import { ACCEPTED_CONTENT_TYPE, MAX_JSON_DEPTH, MAX_JSON_ITEMS, MAX_PARAM_LENGTH } from '../../../shared/contracts/requests';
import { bodyTooLarge, invalidFields, unsupportedMediaType } from './errors';
import type { Ctx } from './http';
import { invalidCharacter, readJsonObject, unstorableCharacter, type JsonProblem } from './strict-json';

export const PLUGIN_ID = 'orders';

/**
 * The admin routes' prefix (`/orders/…`), which the router matches ignoring case, and the
 * webshops' webhook route on the Content API (`/api/orders/webhooks/…`), whose signatures are
 * over the exact bytes sent: no parser may read them first.
 */
const isPluginPath = (path: string, apiPrefix: string) => {
  const lower = path.toLowerCase();
  return lower === `/${PLUGIN_ID}` || lower.startsWith(`/${PLUGIN_ID}/`) || lower.startsWith(`${apiPrefix}/${PLUGIN_ID}/webhooks/`);
};

type BodyMiddlewareFactory = (config: unknown, deps: { strapi: Core.Strapi }) => (ctx: Ctx, next: () => Promise<unknown>) => unknown;

/**
 * Makes `strapi::body` pass the plugin's routes by, unread, so that nothing of theirs is parsed
 * or written to disk before authentication and each route reads its own body. Runs at register,
 * before Strapi builds its middlewares.
 */
export const leaveBodiesToTheRoutes = (strapi: Core.Strapi) => {
  const middlewares = strapi.get('middlewares') as {
    extend(uid: string, wrap: (factory: BodyMiddlewareFactory) => BodyMiddlewareFactory): void;
  };
  const apiPrefix = String(strapi.config.get('api.rest.prefix', '/api')).toLowerCase();
  middlewares.extend('strapi::body', (strapiBody) => (config, deps) => {
    const parse = strapiBody(config, deps);
    return (ctx, next) => (isPluginPath(ctx.path, apiPrefix) ? next() : parse(ctx, next));
  });
};

/** What a route takes: a JSON body (POST, PUT) or none (GET, DELETE), and how deeply it may nest (MAX_JSON_DEPTH unless said). */
export interface RequestConfig {
  body: boolean;
  maxDepth?: number;
}

/** Whether the request announces a body at all, as Node and type-is read it. */
const hasBody = (req: IncomingMessage) =>
  req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');

const decodes = (text: string) => {
  try {
    decodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
};

/** The query's names and values as sent, each decoded on its own: a broken escape is named by its field. */
const undecodableQuery = (querystring: string): JsonProblem[] =>
  querystring
    .split('&')
    .filter(Boolean)
    .flatMap((part) => {
      const [rawName, rawValue = ''] = part.replace(/\+/g, ' ').split(/=(.*)/s);
      if (!decodes(rawName)) return [{ path: [], code: 'notUtf8', message: 'a query parameter’s name is not valid UTF-8' } as JsonProblem];
      const name = decodeURIComponent(rawName).split('[')[0];
      return decodes(rawValue) ? [] : [{ path: [name], code: 'notUtf8', message: 'is not valid UTF-8' } as JsonProblem];
    });

/**
 * The path parameters (as the router decoded them) and the query: each a text of valid UTF-8,
 * holding no NUL or lone surrogate; a parameter no longer than an id; a query value one text,
 * not a list or an object (no route takes either: `?state[]=draft`, `?page[$gt]=1`).
 */
const urlProblems = (ctx: Ctx): JsonProblem[] => {
  const problems: JsonProblem[] = [];
  // The router leaves an escape it cannot decode as it was sent, so a raw segment names it.
  const rawSegments = new Set(ctx.path.split('/'));
  for (const [name, value] of Object.entries(ctx.params ?? {})) {
    // "0", "1"…: the router's unnamed captures, which repeat the path the named ones are read from.
    if (typeof value !== 'string' || /^\d+$/.test(name)) continue;
    const character = unstorableCharacter(value);
    if (value.includes('%') && rawSegments.has(value) && !decodes(value)) {
      problems.push({ path: [name], code: 'notUtf8', message: 'is not valid UTF-8' });
    } else if (character) {
      problems.push(invalidCharacter([name], character));
    } else if (value.length > MAX_PARAM_LENGTH) {
      problems.push({
        path: [name],
        code: 'tooLong',
        message: `is longer than ${MAX_PARAM_LENGTH} characters`,
        values: { max: MAX_PARAM_LENGTH },
      });
    }
  }
  problems.push(...undecodableQuery(ctx.querystring));
  for (const [name, value] of Object.entries(ctx.query)) {
    const nameCharacter = unstorableCharacter(name);
    if (nameCharacter) {
      problems.push(invalidCharacter([], nameCharacter, 'a query parameter’s name'));
    } else if (Array.isArray(value) || (value !== null && typeof value === 'object')) {
      problems.push({ path: [name], code: 'wrongType', message: 'must be given once, as one text', values: { expected: 'string' } });
    } else if (typeof value === 'string') {
      const character = unstorableCharacter(value);
      if (character && !problems.some((problem) => problem.path[0] === name)) problems.push(invalidCharacter([name], character));
    }
  }
  return problems;
};

const ACCEPTED = { accepted: [ACCEPTED_CONTENT_TYPE], charset: 'utf-8' };

/** The media type and charset of a Content-Type header, lowercased: "application/json", "utf-8". */
const contentTypeOf = (header: string | undefined) => {
  const [type = '', ...parameters] = (header ?? '').split(';');
  const charset = parameters
    .map((parameter) => /^\s*charset\s*=\s*"?([^";\s]*)"?\s*$/i.exec(parameter)?.[1])
    .find((value) => value !== undefined);
  return { type: type.trim().toLowerCase(), charset: charset?.toLowerCase() };
};

/** The body's bytes, at most `limit` of them; more is 413, a client gone half-way 400. */
export const readBytes = (req: IncomingMessage, limit: number) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (error: Error | null) => {
      if (settled) return;
      settled = true;
      req.off('data', onData).off('end', onEnd).off('error', onAborted).off('close', onAborted);
      if (error) reject(error);
      else resolve(Buffer.concat(chunks, size));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Node reads and drops the rest once the answer is sent.
        req.pause();
        settle(bodyTooLarge(limit));
      } else chunks.push(chunk);
    };
    const onEnd = () => settle(null);
    const onAborted = () => settle(createHttpError(400, 'The request ended before its body did'));
    req.on('data', onData).on('end', onEnd).on('error', onAborted).on('close', onAborted);
  });

/**
 * The body of a route that takes JSON: undefined when none is sent (an empty object to the
 * controller), the object otherwise — or a refusal: 415 for any other media type, charset or a
 * content coding, 413 beyond `limit`, 400 naming what strict-json.ts finds.
 */
const readJsonBody = async (ctx: Ctx, limit: number, maxDepth = MAX_JSON_DEPTH) => {
  const { req } = ctx;
  if (!hasBody(req)) return undefined;
  const { type, charset } = contentTypeOf(req.headers['content-type']);
  const coding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (type !== ACCEPTED_CONTENT_TYPE || (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') || coding !== 'identity') {
    const sent = coding === 'identity' ? req.headers['content-type'] || 'no Content-Type' : `Content-Encoding ${coding}`;
    throw unsupportedMediaType('unsupportedMediaType', `This API reads only ${ACCEPTED_CONTENT_TYPE} in UTF-8, uncompressed, not ${sent}`, {
      ...ACCEPTED,
      contentType: sent.slice(0, 100),
    });
  }
  if (Number(req.headers['content-length']) > limit) throw bodyTooLarge(limit);
  const bytes = await readBytes(req, limit);
  // A chunked body of no bytes (some clients send one for "no body") is no body.
  if (bytes.length === 0) return undefined;
  const result = readJsonObject(bytes, { maxDepth, maxItems: MAX_JSON_ITEMS });
  if (!result.ok) throw invalidFields(result.problems);
  return result.value;
};

/**
 * The route middleware every route of the plugin runs (core/http.ts `route()`), after Strapi has
 * authenticated the admin and checked the route's permission, before the controller.
 */
export const readRequest = (config: RequestConfig, { strapi }: { strapi: Core.Strapi }) => {
  const limit = strapi.plugin(PLUGIN_ID).config<number>('maxBodySize');
  const read = async (ctx: Ctx) => {
    if (ctx.request.body !== undefined) {
      // Only a middleware configured around the plugin's back could have read it: a server error.
      throw new Error(`The body of ${ctx.method} ${ctx.path} was read before the Orders plugin's route: see leaveBodiesToTheRoutes`);
    }
    const problems = urlProblems(ctx);
    if (problems.length) throw invalidFields(problems);
    if (config.body) {
      ctx.request.body = await readJsonBody(ctx, limit, config.maxDepth);
    } else if (hasBody(ctx.req)) {
      throw unsupportedMediaType('bodyNotAllowed', `A ${ctx.method} request to this route takes no body`, {
        method: ctx.method,
        accepted: [],
      });
    }
  };
  return async (ctx: Ctx, next: () => Promise<unknown>) => {
    try {
      await read(ctx);
    } catch (error) {
      // A refusal is the client's fault, not the server's: one short line, below the default level.
      const { status = 500, message } = error as { status?: number; message?: string };
      if (error instanceof errors.ApplicationError || status < 500) {
        strapi.log.debug(`orders: ${ctx.method} ${ctx.path.slice(0, 100)} refused: ${String(message).slice(0, 200)}`);
      }
      throw error;
    }
    return next();
  };
};
