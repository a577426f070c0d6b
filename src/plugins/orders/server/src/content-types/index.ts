import customer from './customer/schema.json';
import order from './order/schema.json';
import orderItem from './order-item/schema.json';
import stockItem from './stock-item/schema.json';
import stockMovement from './stock-movement/schema.json';

export default {
  order: { schema: order },
  'order-item': { schema: orderItem },
  'stock-item': { schema: stockItem },
  'stock-movement': { schema: stockMovement },
  customer: { schema: customer },
};
