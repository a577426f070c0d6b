/**
 * Money in a table: right-aligned, in tabular figures (every digit as wide as the others), so
 * that a column of amounts lines up digit under digit and totals are compared at a glance. Every
 * table of the admin shows its amounts through these, so that no table styles them its own way.
 */
import { Td, Typography, type TypographyProps } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { styled } from 'styled-components';
import { formatMoney } from './format';

/**
 * Figures of equal width, never broken across lines (a thousands separator is a space), at the
 * end of their cell: the design system's Td passes no text-align on to its cell.
 */
const Figures = styled(Typography)`
  display: block;
  text-align: end;
  font-variant-numeric: tabular-nums;
  white-space: nowrap;
`;

interface MoneyProps extends Pick<TypographyProps, 'fontWeight' | 'textColor'> {
  amount: string;
  currency: string;
}

/** An amount in the admin's locale, in tabular figures: for a cell that is not a design-system Td. */
export const Money = ({ amount, currency, textColor = 'neutral800', fontWeight }: MoneyProps) => {
  const { locale } = useIntl();
  return (
    <Figures textColor={textColor} fontWeight={fontWeight}>
      {formatMoney(amount, currency, locale)}
    </Figures>
  );
};

/** A table cell holding an amount: right-aligned, as its column's heading (alignEnd) is. */
export const MoneyCell = (props: MoneyProps) => (
  <Td>
    <Money {...props} />
  </Td>
);
