/**
 * What every request to the admin API must be before any of its fields is read: the limits the
 * server's request reader (server/src/core/request.ts) enforces, shared so that the admin and
 * the documentation name the same numbers.
 */
import { MAX_LINES } from './orders';

/** The only body a route takes: JSON, in UTF-8. Anything else answers 415 unsupportedMediaType. */
export const ACCEPTED_CONTENT_TYPE = 'application/json';

/** The largest body read, in bytes, unless the plugin's `maxBodySize` says otherwise: 413 bodyTooLarge beyond. */
export const DEFAULT_MAX_BODY_SIZE = 1024 * 1024;

/**
 * How deeply a body may nest objects and lists. The deepest request is an order's line fields or
 * a customer's address — three levels, `{"items": [{"note": …}]}` —; one more lets a value of the
 * wrong kind at the deepest level be named by its field (`quantity: {…}` is notNumber, not tooDeep).
 */
export const MAX_JSON_DEPTH = 4;

/** The longest list a body may hold anywhere: the most lines an order takes. */
export const MAX_JSON_ITEMS = MAX_LINES;

/** The longest path parameter (an id or an action name); documentIds have 24 characters. */
export const MAX_PARAM_LENGTH = 64;
