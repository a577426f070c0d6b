/** Settings → Orders: the inventory driver, negative stock, the custom statuses. */
import controller from './controller';
import routes from './routes';
import service from './service';

export default {
  services: { settings: service },
  controllers: { settings: controller },
  routes,
};
