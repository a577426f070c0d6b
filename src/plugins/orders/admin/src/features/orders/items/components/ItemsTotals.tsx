/**
 * The order's totals under its lines: one row per VAT rate in use and the grand total, as an
 * invoice shows them.
 */
import { Box, Typography } from '@strapi/design-system';
import { memo } from 'react';
import { useIntl } from 'react-intl';
import { formatMoney, vatRateLabel } from '../../../../ui/format';
import { getTranslation } from '../../../../ui/translations';
import type { AmountTexts } from '../utils/check-line';
import { ItemsSheet, ItemsSheetFrame } from './ItemsSheet';

interface ItemsTotalsProps {
  totals: AmountTexts & { byVatRate: Array<AmountTexts & { vatRate: string }> };
  currency: string;
  /** Lines being edited whose numbers do not parse yet, so the totals leave them out. */
  leftOut?: number;
}

export const ItemsTotals = memo(({ totals, currency, leftOut = 0 }: ItemsTotalsProps) => {
  const { formatMessage, locale } = useIntl();
  const money = (amount: string) => formatMoney(amount, currency, locale);
  return (
    <Box marginLeft="auto" width="100%" maxWidth="64rem">
      <ItemsSheetFrame>
        <ItemsSheet>
          <thead>
            <tr>
              <th>{formatMessage({ id: getTranslation('items.column.vatRate'), defaultMessage: 'VAT rate' })}</th>
              <th className="number">{formatMessage({ id: getTranslation('items.column.net'), defaultMessage: 'Net' })}</th>
              <th className="number">{formatMessage({ id: getTranslation('items.column.vat'), defaultMessage: 'VAT' })}</th>
              <th className="number">{formatMessage({ id: getTranslation('items.column.gross'), defaultMessage: 'Gross' })}</th>
            </tr>
          </thead>
          <tbody>
            {totals.byVatRate.map((row) => (
              <tr key={row.vatRate}>
                <td>{vatRateLabel(row.vatRate)}</td>
                <td className="number">{money(row.net)}</td>
                <td className="number">{money(row.vat)}</td>
                <td className="number">{money(row.gross)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td>{formatMessage({ id: getTranslation('items.totals.total'), defaultMessage: 'Total' })}</td>
              <td className="number">{money(totals.net)}</td>
              <td className="number">{money(totals.vat)}</td>
              <td className="number">{money(totals.gross)}</td>
            </tr>
          </tfoot>
        </ItemsSheet>
      </ItemsSheetFrame>
      {leftOut > 0 && (
        <Box paddingTop={2}>
          <Typography variant="pi" textColor="danger600">
            {formatMessage(
              {
                id: getTranslation('items.totals.leftOut'),
                defaultMessage: '{count, plural, one {# line is} other {# lines are}} left out of the totals until corrected.',
              },
              { count: leftOut }
            )}
          </Typography>
        </Box>
      )}
    </Box>
  );
});
