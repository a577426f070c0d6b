import { Box, Field, Flex, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { useListOrdersQuery } from '../../../../api/orders';
import { useTemplatePreview } from '../../../../api/templates';
import { getTranslation } from '../../../../ui/translations';

/** How long the editor waits after the last key before it asks for a new preview. */
const DEBOUNCE_MS = 800;

/**
 * The live preview: the definition, while it keeps every rule, filled from an order picked among
 * the newest, as the PDF the server makes of it (shown in the page, kept nowhere).
 */
export const TemplatePreview = ({ definition }: { definition: Record<string, unknown> | null }) => {
  const { formatMessage } = useIntl();
  const t = (key: string, defaultMessage: string) => formatMessage({ id: getTranslation(`templates.preview.${key}`), defaultMessage });
  const orders = useListOrdersQuery({ pageSize: 25, sort: 'createdAt:desc' });
  const [order, setOrder] = useState<string | null>(null);
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const preview = useTemplatePreview();
  const chosen = order ?? orders.data?.data[0]?.documentId ?? null;
  const text = definition ? JSON.stringify(definition) : null;

  useEffect(() => {
    if (!chosen || !text) return;
    let current = true;
    let made: string | null = null;
    const timer = setTimeout(async () => {
      try {
        const { data } = await preview({ definition: JSON.parse(text), order: chosen });
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
  }, [chosen, text, preview]);

  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Field.Root name="previewOrder">
        <Field.Label>{t('order', 'Preview on the order')}</Field.Label>
        <SingleSelect value={chosen ?? undefined} onChange={(value: string | number) => setOrder(String(value))}>
          {(orders.data?.data ?? []).map((summary) => (
            <SingleSelectOption key={summary.documentId} value={summary.documentId}>
              {`${summary.number} · ${summary.customer?.name ?? ''}`}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Field.Root>
      {failed && <Typography textColor="danger600">{t('failed', 'The preview could not be made.')}</Typography>}
      {!chosen && <Typography textColor="neutral600">{t('noOrder', 'There is no order to preview on yet.')}</Typography>}
      {url && chosen && (
        <Box hasRadius borderColor="neutral200" overflow="hidden">
          <iframe title={t('title', 'Preview')} src={url} style={{ width: '100%', height: '70vh', border: 0 }} />
        </Box>
      )}
    </Flex>
  );
};
