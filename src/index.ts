import type { Core } from '@strapi/strapi';
import { assertProductionSecrets } from '../config/secrets';

export default {
  register() {
    assertProductionSecrets();
  },

  /** `npm run demo` sets ORDERS_DEMO=true: fill an empty database with demo data and a demo admin. */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    if (process.env.ORDERS_DEMO === 'true') {
      const { seedDemo } = await import('./demo');
      await seedDemo(strapi);
    }
  },
};
