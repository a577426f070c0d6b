/**
 * Picks stock items for an order's lines: searches the inventory by SKU or name and shows what is
 * on hand. It stays open so several items can be added in a row; Enter on an exact SKU adds it at
 * once, which is what a barcode scanner sends.
 */
import {
  Badge,
  Box,
  Button,
  Field,
  Flex,
  Loader,
  Modal,
  Table,
  Tbody,
  Td,
  TextInput,
  Th,
  Tr,
  Typography,
  VisuallyHidden,
} from '@strapi/design-system';
import { Plus, Search } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useEffect, useState, type KeyboardEvent } from 'react';
import { useIntl } from 'react-intl';
import type { StockItemJson } from '../../../../../../shared/contracts/inventory';
import { STOCK_CURRENCY } from '../../../../../../shared/domain/money';
import { FRESH } from '../../../../api/base';
import { apiErrorOf } from '../../../../api/errors';
import { useLazyLookUpStockItemsQuery, useListStockItemsQuery } from '../../../../api/inventory';
import { InventoryOnHand } from '../../../../ui/OnHand';
import { useApiErrorText } from '../../../../ui/errors';
import { vatRateLabel } from '../../../../ui/format';
import { TableHeads, TextCell } from '../../../../ui/tables';
import { MoneyCell } from '../../../../ui/Money';
import { getTranslation } from '../../../../ui/translations';
import { useSubmit } from '../../../../ui/useSubmit';

const COLUMNS = [
  { id: 'items.column.sku', defaultMessage: 'SKU' },
  { id: 'items.column.name', defaultMessage: 'Name' },
  { id: 'items.picker.onHand', defaultMessage: 'On hand' },
  { id: 'items.column.unitPrice', defaultMessage: 'Unit price', alignEnd: true },
  { id: 'items.column.vatRate', defaultMessage: 'VAT rate' },
] as const;

/** The most results shown at once: a search narrows them, there are no pages. */
const RESULTS = 20;
const SEARCH_DELAY_MS = 250;

interface StockItemPickerProps {
  open: boolean;
  /** The order's currency: stock prices are in the shop's, so other orders price lines by hand. */
  currency: string;
  onClose: () => void;
  onPick: (item: StockItemJson) => void;
}

export const StockItemPicker = ({ open, currency, onClose, onPick }: StockItemPickerProps) => {
  const { formatMessage } = useIntl();
  return (
    <Modal.Root open={open} onOpenChange={(isOpen) => !isOpen && onClose()}>
      <Modal.Content>
        <Modal.Header closeLabel={formatMessage({ id: getTranslation('common.close'), defaultMessage: 'Close' })}>
          <Modal.Title>{formatMessage({ id: getTranslation('items.addFromStock'), defaultMessage: 'Add from inventory' })}</Modal.Title>
        </Modal.Header>
        <StockSearch currency={currency} onClose={onClose} onPick={onPick} />
      </Modal.Content>
    </Modal.Root>
  );
};

/** The search and its results; mounted only while the picker is open, so it fetches only then. */
const StockSearch = ({ currency, onClose, onPick }: Omit<StockItemPickerProps, 'open'>) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const { errorText } = useApiErrorText();
  const submit = useSubmit();
  const [lookUp] = useLazyLookUpStockItemsQuery();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [added, setAdded] = useState<Record<string, number>>({});

  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);

  const results = useListStockItemsQuery({ q: query || undefined, pageSize: RESULTS }, FRESH);

  useEffect(() => {
    if (results.error) toggleNotification({ type: 'danger', message: errorText(apiErrorOf(results.error)) });
  }, [results.error, toggleNotification, errorText]);

  const pick = (item: StockItemJson) => {
    onPick(item);
    setAdded((previous) => ({ ...previous, [item.documentId]: (previous[item.documentId] ?? 0) + 1 }));
  };

  // A scanner types the SKU and Enter faster than the search waits: ask the server right away.
  const addExactSku = async (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const sku = text.trim();
    if (!sku) return;
    const { data: found } = await submit(lookUp({ q: sku, pageSize: RESULTS }));
    if (!found) return;
    const { data } = found;
    const match = data.find((item) => item.sku.toLowerCase() === sku.toLowerCase()) ?? (data.length === 1 ? data[0] : undefined);
    if (match) {
      pick(match);
      // The next SKU may be typed (or scanned) already while this one was looked up: keep it.
      setText((current) => (current.trim() === sku ? '' : current));
    } else {
      setQuery(sku);
    }
  };

  const items = results.data?.data ?? [];
  const total = results.data?.meta.pagination.total ?? 0;
  const searchLabel = formatMessage({ id: getTranslation('items.picker.search'), defaultMessage: 'Search by SKU or name' });

  return (
    <>
      <Modal.Body>
        <Flex direction="column" alignItems="stretch" gap={4}>
          {currency !== STOCK_CURRENCY && (
            <Typography variant="pi" textColor="neutral600">
              {formatMessage(
                {
                  id: getTranslation('items.picker.foreignCurrency'),
                  defaultMessage: 'Stock prices are in {stockCurrency}: give each line’s unit price in {currency}.',
                },
                { stockCurrency: STOCK_CURRENCY, currency }
              )}
            </Typography>
          )}
          <Field.Root name="stock-search">
            <VisuallyHidden>
              <Field.Label>{searchLabel}</Field.Label>
            </VisuallyHidden>
            <TextInput
              value={text}
              onChange={(event: { target: { value: string } }) => setText(event.target.value)}
              onKeyDown={addExactSku}
              placeholder={searchLabel}
              startAction={<Search aria-hidden />}
              autoComplete="off"
              autoFocus
            />
          </Field.Root>
          {results.isLoading ? (
            <Loader small />
          ) : items.length === 0 ? (
            <Box padding={4}>
              <Typography textColor="neutral600">
                {formatMessage({ id: getTranslation('items.picker.none'), defaultMessage: 'No stock item matches.' })}
              </Typography>
            </Box>
          ) : (
            <Table colCount={COLUMNS.length + 1} rowCount={items.length + 1}>
              <TableHeads columns={COLUMNS}>
                <Th>
                  <VisuallyHidden>
                    {formatMessage({ id: getTranslation('items.column.actions'), defaultMessage: 'Actions' })}
                  </VisuallyHidden>
                </Th>
              </TableHeads>
              <Tbody>
                {items.map((item) => (
                  <Tr key={item.documentId}>
                    <TextCell>{item.sku}</TextCell>
                    <TextCell>{item.name}</TextCell>
                    <Td>
                      <InventoryOnHand item={item} withUnit />
                    </Td>
                    <MoneyCell amount={item.unitPrice} currency={STOCK_CURRENCY} />
                    <TextCell>{vatRateLabel(item.vatRate)}</TextCell>
                    <Td>
                      <Flex gap={2} justifyContent="flex-end">
                        {added[item.documentId] ? (
                          <Badge backgroundColor="success100" textColor="success700">
                            {formatMessage(
                              { id: getTranslation('items.picker.added'), defaultMessage: 'Added: {count}' },
                              { count: added[item.documentId] }
                            )}
                          </Badge>
                        ) : null}
                        <Button variant="secondary" size="S" startIcon={<Plus />} onClick={() => pick(item)}>
                          {formatMessage({ id: getTranslation('items.picker.add'), defaultMessage: 'Add' })}
                        </Button>
                      </Flex>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          )}
        </Flex>
      </Modal.Body>
      <Modal.Footer>
        <Typography variant="pi" textColor="neutral600">
          {total > items.length &&
            formatMessage(
              {
                id: getTranslation('items.picker.more'),
                defaultMessage: 'Showing {shown} of {total}: narrow the search to see the rest.',
              },
              { shown: items.length, total }
            )}
        </Typography>
        <Button onClick={onClose}>{formatMessage({ id: getTranslation('items.picker.done'), defaultMessage: 'Done' })}</Button>
      </Modal.Footer>
    </>
  );
};
