import { useRBAC } from '@strapi/strapi/admin';
import { FRESH } from '../../../api/base';
import { useListConnectionsQuery } from '../../../api/connections';
import { PERMISSIONS } from '../../../permissions';
import { connectionOptions, type ConnectionOption } from '../utils/webshop';

/**
 * The webshop connections a list (orders, customers) filters by, for a role that may read them;
 * none for the others, and none while there is no connection — the filter is then not shown.
 */
export const useConnectionOptions = (current: string | undefined): ConnectionOption[] => {
  const {
    allowedActions: { canRead },
    isLoading,
  } = useRBAC(PERMISSIONS.readConnections);
  const list = useListConnectionsQuery(undefined, { ...FRESH, skip: isLoading || !canRead });
  return canRead && list.data?.length ? connectionOptions(list.data, current) : [];
};
