import {
  Box,
  Button,
  Dialog,
  Divider,
  Field,
  Flex,
  Grid,
  SingleSelect,
  SingleSelectOption,
  Toggle,
  Typography,
} from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { ConfirmDialog } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import {
  isPulled,
  PULL_INTERVAL,
  type ConnectionJson,
  type CreateConnection,
  type UpdateConnection,
} from '../../../../../../shared/contracts/connections';
import type { CustomStatus } from '../../../../../../shared/contracts/settings';
import { CONNECTION_KINDS, DEFAULT_STATUS_MAPS, type ConnectionKind } from '../../../../../../shared/domain/status-map';
import { useCreateConnectionMutation, useRotateConnectionSecretMutation, useUpdateConnectionMutation } from '../../../../api/connections';
import { FormModal } from '../../../../ui/FormModal';
import { useApiErrorText } from '../../../../ui/errors';
import { TextField } from '../../../../ui/TextField';
import { getTranslation } from '../../../../ui/translations';
import { useSubmit } from '../../../../ui/useSubmit';
import { CopyField } from './CopyField';
import { StatusMapEditor, statusMapOf, statusMapRows, type StatusMapRow } from './StatusMapEditor';

interface ConnectionForm {
  name: string;
  kind: ConnectionKind;
  enabled: boolean;
  issueDocuments: boolean;
  shopUrl: string;
  unasApiBase: string;
  /** Typed to set a new one; empty keeps the saved key. */
  unasApiKey: string;
  feedUrl: string;
  feedUsername: string;
  /** Typed to set a new one; empty keeps the saved password. */
  feedPassword: string;
  intervalMinutes: string;
  statusMap: StatusMapRow[];
}

const formOf = (connection: ConnectionJson | null, kind: ConnectionKind = 'woocommerce'): ConnectionForm => ({
  name: connection?.name ?? '',
  kind: connection?.kind ?? kind,
  enabled: connection?.enabled ?? true,
  issueDocuments: connection?.issueDocuments ?? false,
  shopUrl: connection?.shopUrl ?? '',
  unasApiBase: connection?.unas?.apiBase ?? '',
  unasApiKey: '',
  feedUrl: connection?.feed?.url ?? '',
  feedUsername: connection?.feed?.username ?? '',
  feedPassword: '',
  intervalMinutes: String(connection?.unas?.intervalMinutes ?? connection?.feed?.intervalMinutes ?? PULL_INTERVAL.default),
  statusMap: statusMapRows(connection?.statusMap ?? DEFAULT_STATUS_MAPS[connection?.kind ?? kind]),
});

/** A typed number as the API takes it; what is not one is sent as typed, for the server to name. */
const intervalOf = (typed: string) => (/^\s*\d+\s*$/.test(typed) ? Number(typed) : (typed as unknown as number));

/** The request's body: only what the kind has; credentials only when typed. */
const bodyOf = (form: ConnectionForm): CreateConnection.Request => {
  const body: CreateConnection.Request = {
    name: form.name.trim(),
    kind: form.kind,
    enabled: form.enabled,
    issueDocuments: form.issueDocuments,
    statusMap: statusMapOf(form.statusMap),
  };
  const shopUrl = form.shopUrl.trim();
  if (shopUrl) body.shopUrl = shopUrl;
  else if (form.kind === 'unas' || form.kind === 'xml') body.shopUrl = null;
  if (form.kind === 'unas') {
    body.unas = { apiBase: form.unasApiBase.trim(), intervalMinutes: intervalOf(form.intervalMinutes) };
    if (form.unasApiKey) body.unas.apiKey = form.unasApiKey;
  }
  if (form.kind === 'xml') {
    body.feed = form.feedUrl.trim()
      ? {
          url: form.feedUrl.trim(),
          username: form.feedUsername.trim() || null,
          intervalMinutes: intervalOf(form.intervalMinutes),
          ...(form.feedPassword ? { password: form.feedPassword } : {}),
        }
      : null;
  }
  return body;
};

/** The server names a status map entry by its index in the list sent; the error is pinned to its row. */
const pinned = (errors: Record<string, string>, rows: StatusMapRow[]) => {
  const byRow: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    const match = /^statusMap\.(\d+)\.(\w+)$/.exec(path);
    const row = match ? rows[Number(match[1])] : undefined;
    if (row && match) byRow[`${row.id}.${match[2]}`] = message;
    else if (path === 'statusMap') byRow.list = message;
  }
  return byRow;
};

interface Props {
  /** The connection to edit, or null for a new one. */
  connection: ConnectionJson | null;
  customStatuses: CustomStatus[] | null;
  canManage: boolean;
  onClose: () => void;
}

/**
 * Creating and editing a connection. Once created, the form stays open on the new connection, to
 * show the secret and the inbound URL to paste into the shop.
 */
export const ConnectionFormModal = ({ connection: initial, customStatuses, canManage, onClose }: Props) => {
  const { formatMessage } = useIntl();
  const t = (key: string, defaultMessage: string, values?: Record<string, string>) =>
    formatMessage({ id: getTranslation(`webshops.${key}`), defaultMessage }, values);
  const submit = useSubmit();
  const { fieldErrorsOf } = useApiErrorText();
  const [createConnection, { isLoading: creating }] = useCreateConnectionMutation();
  const [updateConnection, { isLoading: updating }] = useUpdateConnectionMutation();
  const [rotateSecret] = useRotateConnectionSecretMutation();
  const [connection, setConnection] = useState(initial);
  const [form, setForm] = useState(() => formOf(initial));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const change = (patch: Partial<ConnectionForm>) => setForm((previous) => ({ ...previous, ...patch }));
  const kindLabel = (kind: ConnectionKind) => t(`kind.${kind}`, kind);

  const save = async () => {
    const body = bodyOf(form);
    const { data: saved, error } = connection
      ? await submit(updateConnection({ id: connection.documentId, body: body satisfies UpdateConnection.Request }), {
          done: () => t('saved', 'Webshop connection saved.'),
        })
      : await submit(createConnection(body), {
          done: () => t('created', 'Webshop connection created: paste its secret and inbound URL into the shop.'),
        });
    if (error) {
      setErrors(fieldErrorsOf(error));
      return;
    }
    setErrors({});
    if (connection) onClose();
    else {
      setConnection(saved);
      setForm(formOf(saved));
    }
  };

  const rotate = async () => {
    if (!connection) return;
    const { data: rotated } = await submit(rotateSecret(connection.documentId), {
      done: () => t('secret.rotated', 'New secret made: give it to the shop, the old one no longer works.'),
    });
    if (rotated) setConnection(rotated);
  };

  const field = (
    name: keyof ConnectionForm,
    label: string,
    props: { hint?: string; required?: boolean; type?: string; error?: string } = {}
  ) => (
    <TextField
      name={name}
      label={label}
      value={String(form[name])}
      onChange={(value) => change({ [name]: value })}
      disabled={!canManage}
      {...props}
      error={props.error}
    />
  );

  return (
    <FormModal
      title={connection ? connection.name : t('create.title', 'New webshop connection')}
      submitLabel={formatMessage({
        id: getTranslation(connection ? 'common.save' : 'webshops.create'),
        defaultMessage: connection ? 'Save' : 'Create',
      })}
      canSubmit={canManage}
      submitting={creating || updating}
      onSubmit={save}
      onClose={onClose}
    >
      <Flex direction="column" alignItems="stretch" gap={5}>
        {connection && (
          <Flex direction="column" alignItems="stretch" gap={3}>
            <CopyField
              name="inboundUrl"
              label={t('inboundUrl', 'Inbound URL')}
              value={connection.inboundUrl}
              hint={t(`inboundUrl.hint.${connection.kind}`, 'Paste this address into the shop’s webhook settings.')}
            />
            <Flex gap={2} alignItems="flex-end">
              <Box grow={1}>
                <CopyField
                  name="secret"
                  label={t('secret', 'Secret')}
                  value={connection.secret}
                  hint={t('secret.hint', 'The shop signs what it sends with this.')}
                />
              </Box>
              <Dialog.Root>
                <Dialog.Trigger>
                  <Button variant="danger-light" startIcon={<ArrowClockwise />} disabled={!canManage}>
                    {t('secret.rotate', 'Rotate secret')}
                  </Button>
                </Dialog.Trigger>
                <ConfirmDialog onConfirm={rotate}>
                  {t('secret.rotate.confirm', 'Make a new secret for {name}? Until you give it to the shop, its deliveries are refused.', {
                    name: connection.name,
                  })}
                </ConfirmDialog>
              </Dialog.Root>
            </Flex>
            <Divider />
          </Flex>
        )}
        <Grid.Root gap={4}>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            {field('name', t('field.name', 'Name'), { required: true, error: errors.name })}
          </Grid.Item>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <Field.Root
              name="kind"
              error={errors.kind}
              hint={connection ? t('field.kind.fixed', 'The kind cannot change.') : undefined}
              required
            >
              <Field.Label>{t('field.kind', 'Kind')}</Field.Label>
              <SingleSelect
                value={form.kind}
                onChange={(kind) =>
                  change({ kind: kind as ConnectionKind, statusMap: statusMapRows(DEFAULT_STATUS_MAPS[kind as ConnectionKind]) })
                }
                disabled={!canManage || Boolean(connection)}
              >
                {CONNECTION_KINDS.map((kind) => (
                  <SingleSelectOption key={kind} value={kind}>
                    {kindLabel(kind)}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
              <Field.Hint />
              <Field.Error />
            </Field.Root>
          </Grid.Item>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            {field('shopUrl', t('field.shopUrl', 'Shop address'), {
              required: form.kind === 'woocommerce' || form.kind === 'shoprenter',
              hint: t('field.shopUrl.hint', 'Such as https://bolt.hu: for links to the order in the shop.'),
              error: errors.shopUrl,
            })}
          </Grid.Item>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <Field.Root name="enabled" hint={t('field.enabled.hint', 'A disabled connection takes no orders and is not pulled.')}>
              <Field.Label>{t('field.enabled', 'Enabled')}</Field.Label>
              <Toggle
                checked={form.enabled}
                onChange={(event) => change({ enabled: event.target.checked })}
                onLabel={t('enabled.on', 'On')}
                offLabel={t('enabled.off', 'Off')}
                disabled={!canManage}
              />
              <Field.Hint />
            </Field.Root>
          </Grid.Item>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <Field.Root
              name="issueDocuments"
              hint={t(
                'field.issueDocuments.hint',
                'When on, an order of this shop gets its order document when it first reaches finalized.'
              )}
            >
              <Field.Label>{t('field.issueDocuments', 'Issue order documents')}</Field.Label>
              <Toggle
                checked={form.issueDocuments}
                onChange={(event) => change({ issueDocuments: event.target.checked })}
                onLabel={t('enabled.on', 'On')}
                offLabel={t('enabled.off', 'Off')}
                disabled={!canManage}
              />
              <Field.Hint />
            </Field.Root>
          </Grid.Item>
          {form.kind === 'unas' && (
            <>
              <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                {field('unasApiBase', t('field.unasApiBase', 'UNAS API address'), {
                  required: true,
                  error: errors['unas.apiBase'] ?? errors.unas,
                })}
              </Grid.Item>
              <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                {field('unasApiKey', t('field.unasApiKey', 'UNAS API key'), {
                  type: 'password',
                  required: !connection?.unas?.hasApiKey,
                  hint: connection?.unas?.hasApiKey ? t('field.secretKept', 'Saved; type a new one to replace it.') : undefined,
                  error: errors['unas.apiKey'],
                })}
              </Grid.Item>
            </>
          )}
          {form.kind === 'xml' && (
            <>
              <Grid.Item col={12} direction="column" alignItems="stretch">
                {field('feedUrl', t('field.feedUrl', 'Feed address'), {
                  hint: t('field.feedUrl.hint', 'Leave it empty if the shop only sends its orders (push).'),
                  error: errors['feed.url'] ?? errors.feed,
                })}
              </Grid.Item>
              <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                {field('feedUsername', t('field.feedUsername', 'Feed username'), { error: errors['feed.username'] })}
              </Grid.Item>
              <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                {field('feedPassword', t('field.feedPassword', 'Feed password'), {
                  type: 'password',
                  hint: connection?.feed?.hasPassword ? t('field.secretKept', 'Saved; type a new one to replace it.') : undefined,
                  error: errors['feed.password'],
                })}
              </Grid.Item>
            </>
          )}
          {isPulled(form.kind) && (
            <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
              {field('intervalMinutes', t('field.interval', 'Pull every (minutes)'), {
                type: 'number',
                hint: t('field.interval.hint', 'Between {min} and {max} minutes.', {
                  min: String(PULL_INTERVAL.min),
                  max: String(PULL_INTERVAL.max),
                }),
                error: errors['unas.intervalMinutes'] ?? errors['feed.intervalMinutes'],
              })}
            </Grid.Item>
          )}
        </Grid.Root>
        <Divider />
        <StatusMapEditor
          rows={form.statusMap}
          onChange={(statusMap) => change({ statusMap })}
          defaults={DEFAULT_STATUS_MAPS[form.kind]}
          customStatuses={customStatuses}
          errors={pinned(errors, form.statusMap)}
          disabled={!canManage}
        />
        {!canManage && (
          <Typography variant="pi" textColor="neutral600">
            {t('readOnly', 'Your role may look at webshop connections but not change them.')}
          </Typography>
        )}
      </Flex>
    </FormModal>
  );
};
