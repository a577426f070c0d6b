/**
 * New order's picker of existing customers: searches name, e-mail, phone and tax number as the
 * customers list does; Enter picks the exact match (an e-mail or tax number typed whole, or a
 * name), a click any one found. Without a pick, New order makes a new customer as before.
 */
import { Box, Button, Field, Flex, Loader, TextInput, Typography, VisuallyHidden } from '@strapi/design-system';
import { Search } from '@strapi/icons';
import { useEffect, useState, type KeyboardEvent } from 'react';
import { useIntl } from 'react-intl';
import type { CustomerSummaryJson } from '../../../../../shared/contracts/customers';
import { FRESH } from '../../../api/base';
import { useLazyLookUpCustomersQuery, useListCustomersQuery } from '../../../api/customers';
import { SegmentBadge } from '../../../ui/SegmentBadge';
import { getTranslation } from '../../../ui/translations';
import { useSubmit } from '../../../ui/useSubmit';
import { exactMatch } from '../../customers/utils/exact-match';

/** The most customers shown at once: a search narrows them, there are no pages. */
const RESULTS = 8;
const SEARCH_DELAY_MS = 250;

/** Who the customer is, in one line: name, then what tells two namesakes apart. */
export const customerLine = (customer: Pick<CustomerSummaryJson, 'name' | 'email' | 'company' | 'taxNumber'>) =>
  [customer.name, customer.company, customer.email, customer.taxNumber].filter(Boolean).join(' · ');

export const CustomerPicker = ({ onPick }: { onPick: (customer: CustomerSummaryJson) => void }) => {
  const { formatMessage } = useIntl();
  const submit = useSubmit();
  const [lookUp] = useLazyLookUpCustomersQuery();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');

  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);

  const results = useListCustomersQuery({ q: query, pageSize: RESULTS, sort: 'lastOrderAt:desc' }, { ...FRESH, skip: !query });
  const found = query ? (results.data?.data ?? []) : [];

  // Enter inside the form would submit it: here it picks. It asks the server at once, not after the search's delay.
  const pickExact = async (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const typed = text.trim();
    if (!typed) return;
    const { data: answer } = await submit(lookUp({ q: typed, pageSize: RESULTS }));
    const match = answer && exactMatch(answer.data, typed);
    if (match) onPick(match);
    else setQuery(typed);
  };

  const label = formatMessage({
    id: getTranslation('newOrder.picker.search'),
    defaultMessage: 'Existing customer: search by name, email or tax number',
  });

  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Field.Root
        name="customer-search"
        hint={formatMessage({
          id: getTranslation('newOrder.picker.hint'),
          defaultMessage: 'Enter picks the exact match. Leave it empty for a new customer.',
        })}
      >
        <Field.Label>{label}</Field.Label>
        <TextInput
          value={text}
          onChange={(event: { target: { value: string } }) => setText(event.target.value)}
          onKeyDown={pickExact}
          placeholder={formatMessage({
            id: getTranslation('customers.search.placeholder'),
            defaultMessage: 'Name, email, phone, company or tax number',
          })}
          startAction={<Search aria-hidden />}
          autoComplete="off"
        />
        <Field.Hint />
      </Field.Root>
      {query && results.isFetching && !results.data && <Loader small />}
      {query && results.data && found.length === 0 && (
        <Typography variant="pi" textColor="neutral600">
          {formatMessage({ id: getTranslation('newOrder.picker.none'), defaultMessage: 'No customer matches: fill in a new one below.' })}
        </Typography>
      )}
      {found.length > 0 && (
        <Flex direction="column" alignItems="stretch" gap={1} role="list" aria-label={label}>
          {found.map((customer) => (
            <Flex key={customer.documentId} role="listitem" gap={2} justifyContent="space-between">
              <Box>
                <Typography>{customerLine(customer)}</Typography>
              </Box>
              <Flex gap={2}>
                <SegmentBadge segment={customer.segment} />
                <Button size="S" variant="secondary" onClick={() => onPick(customer)}>
                  {formatMessage({ id: getTranslation('newOrder.picker.pick'), defaultMessage: 'Pick' })}
                  <VisuallyHidden> {customer.name}</VisuallyHidden>
                </Button>
              </Flex>
            </Flex>
          ))}
        </Flex>
      )}
    </Flex>
  );
};
