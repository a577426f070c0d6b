import { Flex, Grid, Typography } from '@strapi/design-system';
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import type { StockItemJson } from '../../../../../../shared/contracts/inventory';
import { Panel } from '../../../../ui/Card';
import { InventoryStockBadge } from '../../../../ui/LowStockBadge';
import { STOCK_FIGURES } from '../../../../ui/OnHand';
import { formatQuantity } from '../../../../ui/format';
import { getTranslation } from '../../../../ui/translations';

const Figure = ({ label, hint, children }: { label: string; hint: string; children: ReactNode }) => (
  <Flex direction="column" alignItems="flex-start" gap={1}>
    <Typography variant="sigma" textColor="neutral600">
      {label}
    </Typography>
    {children}
    <Typography variant="pi" textColor="neutral600">
      {hint}
    </Typography>
  </Flex>
);

/** Where the item's stock stands: physically, reserved, available to sell, and the threshold it is judged by. */
export const StockItemStockLevel = ({ item }: { item: StockItemJson }) => {
  const { formatMessage, locale } = useIntl();
  const withUnit = (quantity: string) => `${formatQuantity(quantity, locale)} ${item.unit}`;
  const figure = ({ id, defaultMessage, hint }: (typeof STOCK_FIGURES)[keyof typeof STOCK_FIGURES]) => ({
    label: formatMessage({ id: getTranslation(id), defaultMessage }),
    hint: formatMessage({ id: getTranslation(hint.id), defaultMessage: hint.defaultMessage }),
  });

  return (
    <Panel>
      <Grid.Root gap={6}>
        <Grid.Item col={3} s={12} alignItems="flex-start">
          <Figure {...figure(STOCK_FIGURES.physical)}>
            <Typography variant="alpha" tag="p">
              {withUnit(item.physical)}
            </Typography>
          </Figure>
        </Grid.Item>
        <Grid.Item col={3} s={12} alignItems="flex-start">
          <Figure {...figure(STOCK_FIGURES.reserved)}>
            <Typography variant="alpha" tag="p">
              {withUnit(item.reserved)}
            </Typography>
          </Figure>
        </Grid.Item>
        <Grid.Item col={3} s={12} alignItems="flex-start">
          <Figure {...figure(STOCK_FIGURES.available)}>
            <Flex gap={2}>
              <Typography variant="alpha" tag="p" textColor={item.isLow || item.oversold ? 'danger600' : 'neutral800'}>
                {withUnit(item.onHand)}
              </Typography>
              <InventoryStockBadge item={item} />
            </Flex>
            {item.oversold && (
              <Typography variant="pi" textColor="danger600">
                {formatMessage({
                  id: getTranslation('inventory.oversold.explain'),
                  defaultMessage: 'Below zero: a webshop’s order took more than there was. Receive goods or correct the stock.',
                })}
              </Typography>
            )}
          </Figure>
        </Grid.Item>
        <Grid.Item col={3} s={12} alignItems="flex-start">
          <Figure
            label={formatMessage({ id: getTranslation('inventory.field.lowStockThreshold'), defaultMessage: 'Low-stock threshold' })}
            hint={formatMessage({
              id: getTranslation('inventory.field.lowStockThreshold.explain'),
              defaultMessage: 'Low stock when available is at or below this',
            })}
          >
            <Typography variant="alpha" tag="p">
              {item.lowStockThreshold === null
                ? formatMessage({ id: getTranslation('common.none'), defaultMessage: 'None' })
                : withUnit(item.lowStockThreshold)}
            </Typography>
          </Figure>
        </Grid.Item>
      </Grid.Root>
    </Panel>
  );
};
