import { winston, formats } from '@strapi/logger';

/** LOG_LEVEL picks how much Strapi says (the tests run with "warn"). */
export default {
  transports: [
    new winston.transports.Console({
      level: process.env.LOG_LEVEL ?? 'http',
      format: winston.format.combine(formats.levelFilterFormat(process.env.LOG_LEVEL ?? 'http'), formats.prettyPrint({ timestamps: 'YYYY-MM-DD hh:mm:ss.SSS' })),
    }),
  ],
};
