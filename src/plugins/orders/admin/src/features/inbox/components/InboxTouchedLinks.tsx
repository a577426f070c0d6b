import { Flex, Link, Typography } from '@strapi/design-system';
import { NavLink } from 'react-router-dom';
import type { InboxEntryJson } from '../../../../../shared/contracts/inbox';
import { customerPath, datasheetPath } from '../../../paths';

/**
 * What an entry touched, each a link to its datasheet: the orders it created or changed, by
 * number, and the customers its newsletter notices set, by name.
 */
export const InboxTouchedLinks = ({ entry }: { entry: Pick<InboxEntryJson, 'orders' | 'customers'> }) =>
  entry.orders.length || entry.customers.length ? (
    <Flex gap={2} wrap="wrap">
      {entry.orders.map((order) => (
        <Link key={order.documentId} tag={NavLink} to={datasheetPath(order.documentId)}>
          {order.number}
        </Link>
      ))}
      {entry.customers.map((customer) => (
        <Link key={customer.documentId} tag={NavLink} to={customerPath(customer.documentId)}>
          {customer.name}
        </Link>
      ))}
    </Flex>
  ) : (
    <Typography textColor="neutral500">—</Typography>
  );
