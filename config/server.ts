import { secret } from './secrets';

export default ({ env }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  app: { keys: secret('APP_KEYS').split(',') },
});
