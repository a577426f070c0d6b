import { Box, Field, Flex, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import type { TemplateKind } from '../../../../../../shared/domain/template-rules';
import { useListInvoicesQuery } from '../../../../api/invoices';
import { useListOrdersQuery } from '../../../../api/orders';
import { useTemplatePreview } from '../../../../api/templates';
import { getTranslation } from '../../../../ui/translations';

/** How long the editor waits after the last key before it asks for a new preview. */
const DEBOUNCE_MS = 800;

/** What a kind's preview is filled from: the newest orders, or the newest invoices, as options. */
const useSubjects = (kind: TemplateKind) => {
  const orders = useListOrdersQuery({ pageSize: 25, sort: 'createdAt:desc' }, { skip: kind !== 'order' });
  const invoices = useListInvoicesQuery({ pageSize: 25 }, { skip: kind !== 'invoice' });
  if (kind === 'invoice') {
    return (invoices.data?.data ?? []).map((invoice) => ({ id: invoice.documentId, label: `${invoice.number} · ${invoice.buyer.name}` }));
  }
  return (orders.data?.data ?? []).map((order) => ({ id: order.documentId, label: `${order.number} · ${order.customer?.name ?? ''}` }));
};

/**
 * The live preview: the definition, while it keeps every rule, filled from an order (an invoice
 * template: an invoice) picked among the newest, as the PDF the server makes of it (shown in the
 * page, kept nowhere).
 */
export const TemplatePreview = ({ definition, kind }: { definition: Record<string, unknown> | null; kind: TemplateKind }) => {
  const { formatMessage } = useIntl();
  const t = (key: string, defaultMessage: string) => formatMessage({ id: getTranslation(`templates.preview.${key}`), defaultMessage });
  const subjects = useSubjects(kind);
  const [subject, setSubject] = useState<string | null>(null);
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const preview = useTemplatePreview();
  const chosen = subject ?? subjects[0]?.id ?? null;
  const text = definition ? JSON.stringify(definition) : null;

  useEffect(() => {
    if (!chosen || !text) return;
    let current = true;
    let made: string | null = null;
    const timer = setTimeout(async () => {
      try {
        const { data } = await preview({ definition: JSON.parse(text), [kind]: chosen });
        if (!current) return;
        made = URL.createObjectURL(data);
        setUrl(made);
        setFailed(false);
      } catch {
        if (current) setFailed(true);
      }
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
      if (made) URL.revokeObjectURL(made);
    };
  }, [chosen, text, preview, kind]);

  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Field.Root name="previewOrder">
        <Field.Label>{kind === 'invoice' ? t('invoice', 'Preview on the invoice') : t('order', 'Preview on the order')}</Field.Label>
        <SingleSelect value={chosen ?? undefined} onChange={(value: string | number) => setSubject(String(value))}>
          {subjects.map(({ id, label }) => (
            <SingleSelectOption key={id} value={id}>
              {label}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Field.Root>
      {failed && <Typography textColor="danger600">{t('failed', 'The preview could not be made.')}</Typography>}
      {!chosen && (
        <Typography textColor="neutral600">
          {kind === 'invoice'
            ? t('noInvoice', 'There is no invoice to preview on yet.')
            : t('noOrder', 'There is no order to preview on yet.')}
        </Typography>
      )}
      {url && chosen && (
        <Box hasRadius borderColor="neutral200" overflow="hidden">
          <iframe title={t('title', 'Preview')} src={url} style={{ width: '100%', height: '70vh', border: 0 }} />
        </Box>
      )}
    </Flex>
  );
};
