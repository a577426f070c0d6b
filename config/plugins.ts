import { secret } from './secrets';

export default () => ({
  'users-permissions': { config: { jwtSecret: secret('JWT_SECRET') } },
  orders: { enabled: true, resolve: './src/plugins/orders' },
});
