import { secret } from './secrets';

export default ({ env }) => ({
  'users-permissions': { config: { jwtSecret: secret('JWT_SECRET') } },
  orders: {
    enabled: true,
    resolve: './src/plugins/orders',
    config: {
      timeZone: env('ORDERS_TIME_ZONE', 'Europe/Budapest'),
      // Webshop connections' API keys and feed passwords are encrypted at rest with a key derived from it.
      encryptionKey: secret('ENCRYPTION_KEY'),
      jobs: { work: env.bool('ORDERS_JOBS_WORK', true), pollingIntervalSeconds: env.float('ORDERS_JOBS_POLLING_INTERVAL', 2) },
    },
  },
});
