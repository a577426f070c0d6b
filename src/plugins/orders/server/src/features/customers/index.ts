/** Customers: who orders, a person or a company. */
import customer from './content-types/customer/schema.json';
import service from './service';

export default {
  contentTypes: { customer: { schema: customer } },
  services: { customers: service },
};
