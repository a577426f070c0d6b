import { Flex, Loader, Typography } from '@strapi/design-system';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { Shortage } from '../../../../../../shared/contracts/errors';
import type { OrderJson, StockImpactLine } from '../../../../../../shared/contracts/orders';
import { FRESH } from '../../../../api/base';
import { apiErrorOf } from '../../../../api/errors';
import { useGetStockImpactQuery } from '../../../../api/orders';
import { useApiErrorText } from '../../../../ui/errors';
import { getTranslation } from '../../../../ui/translations';
import { OrderActionDialog, type SubmitTransition } from './OrderActionDialog';
import { goesNegative, isShort, Message, RefusedShortages, StockImpactTable } from './StockImpactTables';

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
              defaultMessage: 'The stock impact could not be loaded ({message}); the server still checks the stock when you finalize.',
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
