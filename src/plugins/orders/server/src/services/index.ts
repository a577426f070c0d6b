import customers from './customers';
import inventory from './inventory';
import ledger from './ledger';
import orders from './orders';
import settings from './settings';

export default { customers, inventory, ledger, orders, settings };
