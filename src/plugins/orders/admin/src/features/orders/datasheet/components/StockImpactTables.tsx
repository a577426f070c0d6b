/** What Finalize would take from stock (its preview), and what the server found short when it refused. */
import { Box, Flex, Table, Tbody, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { Shortage } from '../../../../../../shared/contracts/errors';
import type { StockImpactLine } from '../../../../../../shared/contracts/orders';
import { parseQuantity } from '../../../../../../shared/domain/quantity';
import { formatQuantity } from '../../../../ui/format';
import { TableHeads, TextCell } from '../../../../ui/tables';
import { getTranslation } from '../../../../ui/translations';

/** The server reports a shortfall only where it would refuse (never when negative stock is allowed). */
export const isShort = (line: StockImpactLine) => parseQuantity(line.shortfall) > 0n;
export const goesNegative = (line: StockImpactLine) => parseQuantity(line.after) < 0n;

const TONES = {
  danger: { background: 'danger100', text: 'danger700' },
  warning: { background: 'warning100', text: 'warning700' },
  neutral: { background: 'neutral150', text: 'neutral800' },
} as const;

export const Message = ({ tone, children }: { tone: keyof typeof TONES; children: string }) => (
  <Box background={TONES[tone].background} padding={3} hasRadius>
    <Typography textColor={TONES[tone].text}>{children}</Typography>
  </Box>
);

/** The columns of both tables, by their names in `order.finalize.*`. */
const column = (name: string, defaultMessage: string) => ({ id: `order.finalize.${name}`, defaultMessage });
const IMPACT_COLUMNS = [
  column('sku', 'SKU'),
  column('name', 'Name'),
  column('requested', 'Needed'),
  column('onHand', 'On hand now'),
  column('after', 'After'),
  column('shortfall', 'Shortfall'),
];
const SHORTAGE_COLUMNS = [column('sku', 'SKU'), column('requested', 'Needed'), column('available', 'Available')];

/** A cell of the tables below; red marks what stands in the way. */
const Cell = ({ colour, bold = false, children }: { colour?: 'danger600'; bold?: boolean; children: string }) => (
  <TextCell textColor={colour ?? 'neutral800'} fontWeight={bold ? 'bold' : undefined}>
    {children}
  </TextCell>
);

/** Per stock item: what finalizing takes, what is on hand now and after, and what is missing. */
export const StockImpactTable = ({ lines }: { lines: StockImpactLine[] }) => {
  const { locale } = useIntl();
  const amount = (quantity: string, unit: string) => `${formatQuantity(quantity, locale)} ${unit}`;
  return (
    <Table colCount={IMPACT_COLUMNS.length} rowCount={lines.length + 1}>
      <TableHeads columns={IMPACT_COLUMNS} />
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
              {/* A shortfall only where there is one: a column of zeros would read as a warning. */}
              <Cell colour={colour} bold={short}>
                {short ? amount(line.shortfall, line.unit) : ''}
              </Cell>
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
};

/** The shortages the server reported when it refused, which may differ from the preview. */
export const RefusedShortages = ({ shortages }: { shortages: Shortage[] }) => {
  const { formatMessage, locale } = useIntl();
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Message tone="danger">
        {formatMessage({
          id: getTranslation('order.finalize.refused'),
          defaultMessage: 'The server refused: there is not enough stock of these items now.',
        })}
      </Message>
      <Table colCount={SHORTAGE_COLUMNS.length} rowCount={shortages.length + 1}>
        <TableHeads columns={SHORTAGE_COLUMNS} />
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
