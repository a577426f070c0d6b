import { secret } from './secrets';

export default ({ env }) => ({
  'users-permissions': { config: { jwtSecret: secret('JWT_SECRET') } },
  orders: {
    enabled: true,
    resolve: './src/plugins/orders',
    config: { timeZone: env('ORDERS_TIME_ZONE', 'Europe/Budapest') },
  },
});
