import { secret } from './secrets';

export default ({ env }) => ({
  'users-permissions': { config: { jwtSecret: secret('JWT_SECRET') } },
  orders: {
    enabled: true,
    resolve: './src/plugins/orders',
    config: {
      timeZone: env('ORDERS_TIME_ZONE', 'Europe/Budapest'),
      jobs: { work: env.bool('ORDERS_JOBS_WORK', true), pollingIntervalSeconds: env.float('ORDERS_JOBS_POLLING_INTERVAL', 2) },
    },
  },
});
