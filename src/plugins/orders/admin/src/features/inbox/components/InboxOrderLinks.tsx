import { Flex, Link, Typography } from '@strapi/design-system';
import { NavLink } from 'react-router-dom';
import type { InboxEntryJson } from '../../../../../shared/contracts/inbox';
import { datasheetPath } from '../../../paths';

/** The orders an entry created or changed, each a link to its datasheet. */
export const InboxOrderLinks = ({ orders }: { orders: InboxEntryJson['orders'] }) =>
  orders.length ? (
    <Flex gap={2} wrap="wrap">
      {orders.map((order) => (
        <Link key={order.documentId} tag={NavLink} to={datasheetPath(order.documentId)}>
          {order.number}
        </Link>
      ))}
    </Flex>
  ) : (
    <Typography textColor="neutral500">—</Typography>
  );
