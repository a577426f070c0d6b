import { Box, Button, Field, Flex, Grid, Textarea, Toggle, Typography } from '@strapi/design-system';
import { Check, Download, Trash, Upload } from '@strapi/icons';
import { useMemo, useRef, useState, type ChangeEvent } from 'react';
import { useIntl } from 'react-intl';
import type { TemplateJson } from '../../../../../../shared/contracts/templates';
import {
  INVOICE_PLACEHOLDERS,
  PAGE_PLACEHOLDERS,
  TEMPLATE_PLACEHOLDERS,
  type TemplateKind,
} from '../../../../../../shared/domain/template-rules';
import { useCreateTemplateMutation, useRetireTemplateMutation, useUpdateTemplateMutation } from '../../../../api/templates';
import { fieldProblemText, useApiErrorText } from '../../../../ui/errors';
import { saveAs } from '../../../../ui/files';
import { TextField } from '../../../../ui/TextField';
import { getTranslation } from '../../../../ui/translations';
import { useSubmit } from '../../../../ui/useSubmit';
import { checkText, designOf, pretty, STARTERS, withDesign } from '../utils';
import { TemplateDesign } from './TemplateDesign';
import { TemplatePreview } from './TemplatePreview';

interface Props {
  /** The template's newest version, or null for a new one. */
  template: TemplateJson | null;
  /** What it makes: an order's document or an invoice (a new template's, as chosen; a saved one keeps its own). */
  kind: TemplateKind;
  canUpdate: boolean;
  onDone: (template: TemplateJson | null) => void;
}

const PLACEHOLDERS: Record<TemplateKind, readonly string[]> = { order: TEMPLATE_PLACEHOLDERS, invoice: INVOICE_PLACEHOLDERS };

/** The placeholders a template's texts may hold, beside the editor. */
const Placeholders = ({ kind }: { kind: TemplateKind }) => {
  const { formatMessage } = useIntl();
  return (
    <Flex direction="column" alignItems="stretch" gap={1}>
      <Typography variant="sigma" textColor="neutral600">
        {formatMessage({ id: getTranslation('templates.placeholders'), defaultMessage: 'Placeholders' })}
      </Typography>
      {[...PLACEHOLDERS[kind], ...PAGE_PLACEHOLDERS].map((name) => (
        <Typography key={name} variant="pi" style={{ fontFamily: 'monospace' }}>{`{{${name}}}`}</Typography>
      ))}
      <Typography variant="pi" textColor="neutral600">
        {kind === 'invoice'
          ? formatMessage({
              id: getTranslation('templates.blocks.invoice'),
              defaultMessage:
                'Blocks, each required, each as an element of its own: heading (title, number, dates, payment, currency, a storno’s reference), seller, buyer, lines (every column, with the exemptions’ legal references), vatBreakdown, totals; the logo is the image "logo". The page number and page count go only in the header and footer.',
            })
          : formatMessage({
              id: getTranslation('templates.blocks'),
              defaultMessage:
                'Blocks: lines (with the columns you choose), vatBreakdown, totals, seller, buyer, note — each as an element of its own; the logo is the image "logo". The page number and page count go only in the header and footer.',
            })}
      </Typography>
    </Flex>
  );
};

/**
 * A template's editor: its name, whether it is the default, its JSON (checked as it is typed, by
 * the rules the server keeps), the placeholders, a live preview, and export, import and retire.
 * Saving makes a new version.
 */
export const TemplateEditor = ({ template, kind, canUpdate, onDone }: Props) => {
  const intl = useIntl();
  const t = (key: string, defaultMessage: string, values?: Record<string, string | number>) =>
    intl.formatMessage({ id: getTranslation(`templates.${key}`), defaultMessage }, values);
  const submit = useSubmit();
  const { fieldErrorsOf } = useApiErrorText();
  const [create, creating] = useCreateTemplateMutation();
  const [update, updating] = useUpdateTemplateMutation();
  const [retire] = useRetireTemplateMutation();
  const [name, setName] = useState(template?.name ?? '');
  const [isDefault, setDefault] = useState(template?.isDefault ?? false);
  const [text, setText] = useState(() => pretty(template?.definition ?? STARTERS[kind]));
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const importer = useRef<HTMLInputElement>(null);
  const checked = useMemo(() => checkText(text, kind), [text, kind]);
  const valid = 'definition' in checked && checked.problems.length === 0;

  const save = async () => {
    if (!valid) return;
    const body = { name: name.trim(), definition: checked.definition, isDefault };
    const { data, error } = await submit(template ? update({ id: template.key, body }) : create({ ...body, kind }), {
      done: (saved) => t('saved', 'Version {version} saved', { version: saved.version }),
    });
    if (error) setServerErrors(fieldErrorsOf(error));
    else onDone(data);
  };

  const exportJson = () =>
    saveAs(new Blob([pretty({ name, definition: JSON.parse(text) })], { type: 'application/json' }), `${name || 'sablon'}.json`);

  const importJson = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    try {
      const imported = JSON.parse(await file.text()) as { name?: string; definition?: unknown };
      if (imported.name) setName(imported.name);
      setText(pretty(imported.definition ?? imported));
    } catch (error) {
      setServerErrors({ definition: (error as Error).message });
    }
    event.target.value = '';
  };

  const retireIt = async () => {
    if (!template) return;
    const { error } = await submit(retire(template.key), { done: () => t('retired', 'Template retired') });
    if (!error) onDone(null);
  };

  const problems =
    'error' in checked
      ? [t('notJson', 'Not valid JSON: {error}', { error: checked.error })]
      : checked.problems.map((problem) =>
          fieldProblemText(intl, { code: problem.rule, message: problem.message, values: { node: problem.node, at: problem.path } })
        );

  return (
    <Grid.Root gap={6}>
      <Grid.Item col={7} s={12} direction="column" alignItems="stretch">
        <Flex direction="column" alignItems="stretch" gap={4}>
          <TextField
            name="name"
            label={t('name', 'Name')}
            value={name}
            onChange={setName}
            error={serverErrors.name}
            required
            disabled={!canUpdate}
          />
          <Field.Root
            name="isDefault"
            hint={
              kind === 'invoice'
                ? t('isDefault.hint.invoice', 'Invoices are made from the default invoice template.')
                : t('isDefault.hint', 'Finalized orders are issued from the default template.')
            }
          >
            <Field.Label>{t('isDefault', 'Default template')}</Field.Label>
            <Toggle
              checked={isDefault}
              onChange={(event) => setDefault(event.target.checked)}
              onLabel={t('isDefault.on', 'Default')}
              offLabel={t('isDefault.off', 'Not the default')}
              disabled={!canUpdate}
            />
            <Field.Hint />
          </Field.Root>
          {'definition' in checked && (
            <TemplateDesign
              design={designOf(checked.definition)}
              onChange={(design) => setText(pretty(withDesign(checked.definition, design, kind)))}
              disabled={!canUpdate}
              withColumns={kind === 'order'}
            />
          )}
          <Field.Root name="definition" error={problems.join(' · ') || serverErrors.definition}>
            <Field.Label>{t('definition', 'Template (JSON)')}</Field.Label>
            <Textarea
              value={text}
              onChange={(event) => setText(event.target.value)}
              rows={24}
              style={{ fontFamily: 'monospace' }}
              disabled={!canUpdate}
            />
            <Field.Error />
          </Field.Root>
          <Flex gap={2} wrap="wrap">
            <Button
              startIcon={<Check />}
              onClick={save}
              disabled={!canUpdate || !valid || !name.trim()}
              loading={creating.isLoading || updating.isLoading}
            >
              {template ? t('saveVersion', 'Save as a new version') : t('create', 'Create template')}
            </Button>
            <Button variant="secondary" startIcon={<Download />} onClick={exportJson} disabled={'error' in checked}>
              {t('export', 'Export JSON')}
            </Button>
            <Button variant="secondary" startIcon={<Upload />} onClick={() => importer.current?.click()} disabled={!canUpdate}>
              {t('import', 'Import JSON')}
            </Button>
            <input ref={importer} type="file" accept="application/json,.json" hidden onChange={importJson} />
            {template && (
              <Button variant="danger-light" startIcon={<Trash />} onClick={retireIt} disabled={!canUpdate}>
                {t('retire', 'Retire')}
              </Button>
            )}
          </Flex>
          <Box>
            <Placeholders kind={kind} />
          </Box>
        </Flex>
      </Grid.Item>
      <Grid.Item col={5} s={12} direction="column" alignItems="stretch">
        <TemplatePreview definition={valid ? checked.definition : null} kind={kind} />
      </Grid.Item>
    </Grid.Root>
  );
};
