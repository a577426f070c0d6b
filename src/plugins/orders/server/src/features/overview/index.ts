/** The glance at the day: what the admin's home page shows of orders and stock. */
import controller from './controller';
import routes from './routes';
import service from './service';

export default {
  services: { overview: service },
  controllers: { overview: controller },
  routes,
};
