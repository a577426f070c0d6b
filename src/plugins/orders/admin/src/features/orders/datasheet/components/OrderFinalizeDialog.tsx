import { Box, Flex, Loader, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { parseQuantity } from '../../../../../../shared/domain/quantity';
import type { Shortage } from '../../../../../../shared/contracts/errors';
import type { OrderJson, StockImpactLine } from '../../../../../../shared/contracts/orders';
import { FRESH } from '../../../../api/base';
import { apiErrorOf } from '../../../../api/errors';
import { useGetStockImpactQuery } from '../../../../api/orders';
import { useApiErrorText } from '../../../../ui/errors';
import { formatQuantity } from '../../../../ui/format';
import { getTranslation } from '../../../../ui/translations';
import { OrderActionDialog, type SubmitTransition } from './OrderActionDialog';

/** The server reports a shortfall only where it would refuse (never when negative stock is allowed). */
const isShort = (line: StockImpactLine) => parseQuantity(line.shortfall) > 0n;
const goesNegative = (line: StockImpactLine) => parseQuantity(line.after) < 0n;

const TONES = {
  danger: { background: 'danger100', text: 'danger700' },
  warning: { background: 'warning100', text: 'warning700' },
  neutral: { background: 'neutral150', text: 'neutral800' },
} as const;

const Message = ({ tone, children }: { tone: keyof typeof TONES; children: string }) => (
  <Box background={TONES[tone].background} padding={3} hasRadius>
    <Typography textColor={TONES[tone].text}>{children}</Typography>
  </Box>
);

const ColumnHeader = ({ column, defaultMessage }: { column: string; defaultMessage: string }) => {
  const { formatMessage } = useIntl();
  return (
    <Th>
      <Typography variant="sigma">
        {formatMessage({ id: getTranslation(`order.finalize.${column}`), defaultMessage })}
      </Typography>
    </Th>
  );
};

/** A cell of the tables below; red marks what stands in the way. */
const Cell = ({ colour, bold = false, children }: { colour?: 'danger600'; bold?: boolean; children: string }) => (
  <Td>
    <Typography textColor={colour ?? 'neutral800'} fontWeight={bold ? 'bold' : undefined}>
      {children}
    </Typography>
  </Td>
);

/** Per stock item: what finalizing takes, what is on hand now and after, and what is missing. */
const StockImpactTable = ({ lines }: { lines: StockImpactLine[] }) => {
  const { locale } = useIntl();
  const amount = (quantity: string, unit: string) => `${formatQuantity(quantity, locale)} ${unit}`;
  return (
    <Table colCount={6} rowCount={lines.length + 1}>
      <Thead>
        <Tr>
          <ColumnHeader column="sku" defaultMessage="SKU" />
          <ColumnHeader column="name" defaultMessage="Name" />
          <ColumnHeader column="requested" defaultMessage="Needed" />
          <ColumnHeader column="onHand" defaultMessage="On hand now" />
          <ColumnHeader column="after" defaultMessage="After" />
          <ColumnHeader column="shortfall" defaultMessage="Shortfall" />
        </Tr>
      </Thead>
      <Tbody>
        {lines.map((line) => {
          const short = isShort(line);
          const colour = short ? 'danger600' : undefined;
          return (
            <Tr key={line.stockItem}>
              <Cell colour={colour}>{line.sku}</Cell>
              <Cell colour={colour}>{line.name}</Cell>
              <Cell>{amount(line.requested, line.unit)}</Cell>
              <Cell>{amount(line.onHand, line.unit)}</Cell>
              <Cell colour={goesNegative(line) ? 'danger600' : undefined}>{amount(line.after, line.unit)}</Cell>
              <Cell colour={colour} bold={short}>
                {amount(line.shortfall, line.unit)}
              </Cell>
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
};

/** The shortages the server reported when it refused, which may differ from the preview. */
const RefusedShortages = ({ shortages }: { shortages: Shortage[] }) => {
  const { formatMessage, locale } = useIntl();
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Message tone="danger">
        {formatMessage({
          id: getTranslation('order.finalize.refused'),
          defaultMessage: 'The server refused: there is not enough stock of these items now.',
        })}
      </Message>
      <Table colCount={3} rowCount={shortages.length + 1}>
        <Thead>
          <Tr>
            <ColumnHeader column="sku" defaultMessage="SKU" />
            <ColumnHeader column="requested" defaultMessage="Needed" />
            <ColumnHeader column="available" defaultMessage="Available" />
          </Tr>
        </Thead>
        <Tbody>
          {shortages.map((shortage) => (
            <Tr key={shortage.sku}>
              <Cell colour="danger600">{shortage.sku}</Cell>
              <Cell>{formatQuantity(shortage.requested, locale)}</Cell>
              <Cell>{formatQuantity(shortage.available, locale)}</Cell>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </Flex>
  );
};

interface OrderFinalizeDialogProps {
  order: OrderJson;
  onSubmit: SubmitTransition;
  onClose: () => void;
}

/**
 * Finalize (Véglegesítés) takes the order's goods from stock, so before confirming the user sees
 * what it would take per item, and cannot confirm while an item is short.
 */
export const OrderFinalizeDialog = ({ order, onSubmit, onClose }: OrderFinalizeDialogProps) => {
  const { formatMessage } = useIntl();
  const { errorText } = useApiErrorText();
  // Loading again (after a refusal for want of stock: api/orders.ts) shows the loader too.
  const impact = useGetStockImpactQuery(order.documentId, FRESH);
  const [refused, setRefused] = useState<Shortage[]>([]);

  // A preview that failed to load leaves the check to the server: nothing holds the button back.
  const lines = (!impact.error && impact.currentData) || [];
  const short = lines.filter(isShort);
  const negative = lines.filter(goesNegative);
  const itemList = (of: StockImpactLine[]) => of.map((line) => `${line.name} (${line.sku})`).join(', ');

  const submit: SubmitTransition = async (body) => {
    const error = await onSubmit(body);
    const shortages = error?.details.shortages;
    // Stock moved since the preview was loaded; the preview loads again, showing what is on hand now.
    if (shortages?.length) setRefused(shortages);
    return error;
  };

  return (
    <OrderActionDialog
      title={formatMessage(
        { id: getTranslation('order.dialog.finalize.title'), defaultMessage: 'Finalize order {number}' },
        { number: order.number }
      )}
      confirmLabel={formatMessage({ id: getTranslation('action.finalize'), defaultMessage: 'Finalize' })}
      canConfirm={!impact.isFetching && short.length === 0}
      onSubmit={submit}
      onClose={onClose}
    >
      {impact.isFetching ? (
        <Flex justifyContent="center">
          <Loader small>{formatMessage({ id: getTranslation('common.loading'), defaultMessage: 'Loading…' })}</Loader>
        </Flex>
      ) : impact.error ? (
        <Message tone="warning">
          {formatMessage(
            {
              id: getTranslation('order.finalize.impactUnavailable'),
              defaultMessage:
                'The stock impact could not be loaded ({message}); the server still checks the stock when you finalize.',
            },
            { message: errorText(apiErrorOf(impact.error)) }
          )}
        </Message>
      ) : lines.length ? (
        <Flex direction="column" alignItems="stretch" gap={3}>
          <Typography>
            {formatMessage({
              id: getTranslation('order.finalize.intro'),
              defaultMessage: 'Finalizing takes these goods from stock:',
            })}
          </Typography>
          <StockImpactTable lines={lines} />
          {short.length > 0 ? (
            <Message tone="danger">
              {formatMessage(
                {
                  id: getTranslation('order.finalize.notEnough'),
                  defaultMessage: 'Not enough stock for {items}. Receive goods or change the lines before finalizing.',
                },
                { items: itemList(short) }
              )}
            </Message>
          ) : (
            negative.length > 0 && (
              <Message tone="warning">
                {formatMessage(
                  {
                    id: getTranslation('order.finalize.goesNegative'),
                    defaultMessage: 'The settings allow negative stock: finalizing takes {items} below zero.',
                  },
                  { items: itemList(negative) }
                )}
              </Message>
            )
          )}
        </Flex>
      ) : (
        // Free lines only, or a shop where invoices rather than orders move stock.
        <Message tone="neutral">
          {formatMessage({
            id: getTranslation('order.finalize.noStock'),
            defaultMessage: 'Finalizing this order takes nothing from stock.',
          })}
        </Message>
      )}
      {refused.length > 0 && <RefusedShortages shortages={refused} />}
    </OrderActionDialog>
  );
};
