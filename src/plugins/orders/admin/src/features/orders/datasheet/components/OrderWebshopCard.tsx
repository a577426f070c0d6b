import { Badge, Box, Flex, Grid, LinkButton, Typography } from '@strapi/design-system';
import { ExternalLink } from '@strapi/icons';
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import type { OrderConnectionJson, OrderJson } from '../../../../../../shared/contracts/orders';
import { Card } from '../../../../ui/Card';
import { getTranslation } from '../../../../ui/translations';
import { connectionKindLabel, flagExplanation, flagLabel, knownFlags } from '../../utils/webshop';

/** One datum of the card: its label above, its value below ("—" when the shop gave none). */
const Detail = ({ label, children }: { label: string; children: ReactNode }) => (
  <Grid.Item col={3} s={6} xs={12}>
    <Flex direction="column" alignItems="flex-start" gap={1}>
      <Typography variant="sigma" textColor="neutral600">
        {label}
      </Typography>
      {children}
    </Flex>
  </Grid.Item>
);

const Value = ({ text }: { text: string | null }) => <Typography textColor={text ? 'neutral800' : 'neutral500'}>{text || '—'}</Typography>;

interface OrderWebshopCardProps {
  order: OrderJson;
  connection: OrderConnectionJson;
}

/**
 * Where a webshop's order came from: the connection and its kind, what the shop calls the order
 * and its status there, a link to it in the shop's own admin, and the flags that ask for a look,
 * each with what it means and what to do about it.
 */
export const OrderWebshopCard = ({ order, connection }: OrderWebshopCardProps) => {
  const { formatMessage } = useIntl();
  const t = (key: string, defaultMessage: string) => formatMessage({ id: getTranslation(`webshop.${key}`), defaultMessage });
  const flags = knownFlags(order.flags);

  return (
    <Card
      title={t('title', 'Webshop')}
      action={
        order.externalUrl && (
          <LinkButton
            href={order.externalUrl}
            target="_blank"
            rel="noopener noreferrer"
            variant="tertiary"
            size="S"
            endIcon={<ExternalLink />}
          >
            {t('open', 'Open in the shop')}
          </LinkButton>
        )
      }
    >
      <Grid.Root gap={5}>
        <Detail label={t('connection', 'Webshop connection')}>
          <Flex gap={2} wrap="wrap">
            <Typography textColor="neutral800">{connection.name}</Typography>
            {connection.deleted && <Badge>{t('connection.deleted', 'Deleted')}</Badge>}
          </Flex>
        </Detail>
        <Detail label={t('kind', 'Kind')}>
          <Value text={connectionKindLabel(connection.kind, formatMessage)} />
        </Detail>
        <Detail label={t('externalNumber', 'Number in the shop')}>
          <Value text={order.externalNumber ?? order.externalId} />
        </Detail>
        <Detail label={t('externalStatus', 'Status in the shop')}>
          <Value text={order.externalStatus} />
        </Detail>
      </Grid.Root>
      {connection.deleted && (
        <Typography variant="pi" textColor="neutral600">
          {t('connection.deleted.explain', 'This webshop connection has been deleted since: the shop sends no more changes to this order.')}
        </Typography>
      )}
      <Typography variant="pi" textColor="neutral600">
        {t(
          'follows',
          'This order follows its webshop: its lines and its state change in the shop and arrive from there, so there are no buttons for them here. You can still set its custom status.'
        )}
      </Typography>
      {flags.length > 0 && (
        <Box background="warning100" borderColor="warning200" hasRadius padding={4}>
          <Flex direction="column" alignItems="stretch" gap={3}>
            <Typography variant="sigma" textColor="warning700" tag="h3">
              {t('flags', 'Needs a look')}
            </Typography>
            <Flex tag="ul" direction="column" alignItems="stretch" gap={2}>
              {flags.map((flag) => (
                <Flex tag="li" key={flag} gap={3} alignItems="flex-start" data-flag={flag}>
                  <Badge variant="warning" flex="0 0 auto">
                    {flagLabel(flag, formatMessage)}
                  </Badge>
                  <Typography textColor="neutral800">{flagExplanation(flag, formatMessage)}</Typography>
                </Flex>
              ))}
            </Flex>
          </Flex>
        </Box>
      )}
    </Card>
  );
};
