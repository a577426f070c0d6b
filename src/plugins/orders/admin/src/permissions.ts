/**
 * The server's RBAC actions, in the shape the admin's hooks (useRBAC, Page.Protect) take.
 * One list: the ids come from the server's permissions module.
 */
import { permission, type ActionOf, type Area } from '../../shared/contracts/permissions';

const action = <A extends Area>(area: A, name: ActionOf<A>) => [{ action: permission(area, name), subject: null }];

export const PERMISSIONS = {
  readOrders: action('order', 'read'),
  createOrder: action('order', 'create'),
  updateOrder: action('order', 'update'),
  deleteOrder: action('order', 'delete'),
  finalize: action('order', 'finalize'),
  edit: action('order', 'edit'),
  fulfil: action('order', 'fulfil'),
  succeed: action('order', 'succeed'),
  fail: action('order', 'fail'),
  customStatus: action('order', 'custom-status'),
  readInventory: action('inventory', 'read'),
  manageInventory: action('inventory', 'manage'),
  readSettings: action('settings', 'read'),
  updateSettings: action('settings', 'update'),
  readConnections: action('connection', 'read'),
  manageConnections: action('connection', 'manage'),
  readInbox: action('inbox', 'read'),
  replayInbox: action('inbox', 'replay'),
  readCustomers: action('customer', 'read'),
  manageCustomers: action('customer', 'manage'),
  readDocuments: action('document', 'read'),
  issueDocuments: action('document', 'issue'),
  readInvoices: action('invoice', 'read'),
  issueInvoices: action('invoice', 'issue'),
  stornoInvoices: action('invoice', 'storno'),
};
