import { Flex, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { InvoiceJson, VatExemption } from '../../../../../../shared/contracts/invoices';
import { Card } from '../../../../ui/Card';
import { formatMoney, formatQuantity, vatRateLabel } from '../../../../ui/format';
import { TableHeads, TextCell } from '../../../../ui/tables';
import { getTranslation } from '../../../../ui/translations';

const column = (key: string, defaultMessage: string) => ({ id: `invoices.lines.${key}`, defaultMessage });
const LINE_COLUMNS = [
  column('position', '#'),
  column('name', 'Name'),
  column('quantity', 'Quantity'),
  column('unitPrice', 'Unit price'),
  column('discount', 'Discount'),
  column('vatRate', 'VAT rate'),
  column('net', 'Net'),
  column('vat', 'VAT'),
  column('gross', 'Gross'),
];
const SUMMARY_COLUMNS = [column('vatRate', 'VAT rate'), column('net', 'Net'), column('vat', 'VAT'), column('gross', 'Gross')];
const HUF_COLUMNS = [column('netHuf', 'Net (HUF)'), column('vatHuf', 'VAT (HUF)'), column('grossHuf', 'Gross (HUF)')];

/** The rate, and for an exempt line the reason the invoice prints (Áfa tv. 169. § m)). */
const VatRateCell = ({ rate, exemption }: { rate: string; exemption: VatExemption | null }) => (
  <Td>
    <Flex direction="column" alignItems="flex-start" gap={1}>
      <Typography>{vatRateLabel(rate)}</Typography>
      {exemption && (
        <Typography variant="pi" textColor="neutral600">
          {`${exemption.case}: ${exemption.reason}`}
        </Typography>
      )}
    </Flex>
  </Td>
);

/** The lines as frozen at issue; a storno's quantities are negative. */
export const InvoiceLines = ({ invoice }: { invoice: InvoiceJson }) => {
  const { formatMessage, locale } = useIntl();
  const money = (amount: string) => formatMoney(amount, invoice.currency, locale);
  return (
    <Card title={formatMessage({ id: getTranslation('invoices.lines.title'), defaultMessage: 'Lines' })}>
      <Table colCount={LINE_COLUMNS.length} rowCount={invoice.lines.length + 1}>
        <TableHeads columns={LINE_COLUMNS} />
        <Tbody>
          {invoice.lines.map((line) => (
            <Tr key={line.position}>
              <TextCell>{String(line.position)}</TextCell>
              <Td>
                <Flex direction="column" alignItems="flex-start" gap={1}>
                  <Typography fontWeight="semiBold">{line.name}</Typography>
                  {(line.sku || line.note) && (
                    <Typography variant="pi" textColor="neutral600">
                      {[line.sku, line.note].filter(Boolean).join(' · ')}
                    </Typography>
                  )}
                </Flex>
              </Td>
              <TextCell>{`${formatQuantity(line.quantity, locale)} ${line.unit}`}</TextCell>
              <TextCell>{money(line.unitPrice)}</TextCell>
              <TextCell>{line.discountPercent === '0' ? '—' : `${line.discountPercent}%`}</TextCell>
              <VatRateCell rate={line.vatRate} exemption={line.exemption} />
              <TextCell>{money(line.net)}</TextCell>
              <TextCell>{money(line.vat)}</TextCell>
              <TextCell fontWeight="semiBold">{money(line.gross)}</TextCell>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </Card>
  );
};

/**
 * The summary per VAT rate (ÁFA-összesítő) and the totals; an invoice in a foreign currency
 * shows its amounts in forints too, as §80 of the VAT act asks and NAV is told.
 */
export const InvoiceSummary = ({ invoice }: { invoice: InvoiceJson }) => {
  const { formatMessage, locale } = useIntl();
  const foreign = invoice.currency !== 'HUF';
  const columns = foreign ? [...SUMMARY_COLUMNS, ...HUF_COLUMNS] : SUMMARY_COLUMNS;
  const money = (amount: string) => formatMoney(amount, invoice.currency, locale);
  const forints = (amount: string) => formatMoney(amount, 'HUF', locale);
  const { totals } = invoice;
  return (
    <Card title={formatMessage({ id: getTranslation('invoices.summary.title'), defaultMessage: 'Summary by VAT rate' })}>
      <Table colCount={columns.length} rowCount={totals.byVatRate.length + 2}>
        <TableHeads columns={columns} />
        <Tbody>
          {totals.byVatRate.map((row) => (
            <Tr key={row.vatRate}>
              <VatRateCell rate={row.vatRate} exemption={row.exemption} />
              <TextCell>{money(row.net)}</TextCell>
              <TextCell>{money(row.vat)}</TextCell>
              <TextCell>{money(row.gross)}</TextCell>
              {foreign && (
                <>
                  <TextCell>{forints(row.netHuf)}</TextCell>
                  <TextCell>{forints(row.vatHuf)}</TextCell>
                  <TextCell>{forints(row.grossHuf)}</TextCell>
                </>
              )}
            </Tr>
          ))}
          <Tr>
            <TextCell fontWeight="bold">
              {formatMessage({ id: getTranslation('invoices.summary.total'), defaultMessage: 'Total' })}
            </TextCell>
            <TextCell fontWeight="bold">{money(totals.net)}</TextCell>
            <TextCell fontWeight="bold">{money(totals.vat)}</TextCell>
            <TextCell fontWeight="bold">{money(totals.gross)}</TextCell>
            {foreign && (
              <>
                <TextCell fontWeight="bold">{forints(totals.netHuf)}</TextCell>
                <TextCell fontWeight="bold">{forints(totals.vatHuf)}</TextCell>
                <TextCell fontWeight="bold">{forints(totals.grossHuf)}</TextCell>
              </>
            )}
          </Tr>
        </Tbody>
      </Table>
    </Card>
  );
};
