/**
 * The itemised view ("tételes nézet") of an order: its lines and totals. A draft's lines are
 * edited in place by those allowed to update orders, and saved together; every other order shows
 * them as saved. A webshop's order is never edited here, draft or not: its lines and totals are
 * the shop's.
 */
import { Loader } from '@strapi/design-system';
import { useRBAC } from '@strapi/strapi/admin';
import type { OrderJson } from '../../../../../shared/contracts/orders';
import type { Unit } from '../../../../../shared/domain/units';
import { isEditable } from '../../../../../shared/domain/lifecycle';
import { PERMISSIONS } from '../../../permissions';
import { EditableItems } from './components/EditableItems';
import { SavedItems } from './components/SavedItems';

interface ItemsTableProps {
  order: OrderJson;
  /**
   * Told when the lines gain or lose unsaved changes, so that the datasheet can hold back what
   * would lose them (a lifecycle action replaces the order, and the edited lines with it).
   */
  onDirtyChange?: (dirty: boolean) => void;
  /** The settings' units, so that a fraction of a whole piece is refused as it is typed; none for a role that may not read the settings. */
  units?: readonly Unit[];
}

/**
 * Every permission the view asks about, checked at once: a button that appeared after the rows
 * were drawn would make the browser restyle and lay out the whole page a second time.
 * (useRBAC names them by their last part: order "update" is canUpdate, inventory "read" canRead.)
 */
const VIEW_PERMISSIONS = [...PERMISSIONS.updateOrder, ...PERMISSIONS.readInventory];

/** No units known: one stable list, so that the lines' checks are not made anew on every render. */
const NO_UNITS: readonly Unit[] = [];

export const ItemsTable = ({ order, onDirtyChange, units = NO_UNITS }: ItemsTableProps) => {
  const draft = isEditable(order.state) && !order.connection;
  const { allowedActions, isLoading } = useRBAC(VIEW_PERMISSIONS);
  // A draft waits for the permission check, so that its hundreds of rows are drawn once, not twice.
  if (draft && isLoading) return <Loader small />;
  return draft && allowedActions.canUpdate ? (
    <EditableItems order={order} onDirtyChange={onDirtyChange} canAddFromInventory={allowedActions.canRead} units={units} />
  ) : (
    <SavedItems order={order} />
  );
};
