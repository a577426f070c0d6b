/**
 * The app's global middlewares, Strapi's own in Strapi's order, and one of the app's:
 * global::body-guard (src/middlewares/body-guard.ts) wraps strapi::body, so that a body the
 * parser cannot read answers 400 instead of 500, and no temporary file of a multipart body
 * outlives its request. It concerns every route of the app, not the Orders plugin, whose routes
 * read their own bodies and take no multipart.
 */
export default [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  'global::body-guard',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
