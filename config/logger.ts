import { formats, winston } from '@strapi/logger';

/** LOG_LEVEL sets how much Strapi says: "http" by default, "warn" in the tests. */
export default {
  level: process.env.LOG_LEVEL ?? 'http',
  format: formats.prettyPrint(),
  transports: [new winston.transports.Console()],
};
