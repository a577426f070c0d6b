import { Checkbox, Field, Flex, Grid, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { DEFAULT_FONT, isTemplateFont, TEMPLATE_FONTS } from '../../../../../../shared/domain/template-rules';
import { SelectField } from '../../../../ui/SelectField';
import { TextField } from '../../../../ui/TextField';
import { getTranslation } from '../../../../ui/translations';
import { LINE_COLUMNS, type Design } from '../utils';

const COLUMN_WORDS: Record<string, string> = {
  name: 'Item',
  sku: 'SKU',
  quantity: 'Quantity',
  unitPrice: 'Unit price',
  discount: 'Discount',
  net: 'Net',
  vatRate: 'VAT rate',
  vat: 'VAT',
  gross: 'Gross',
};

interface Props {
  design: Design;
  onChange: (design: Design) => void;
  disabled: boolean;
  /** Whether the lines' columns are chosen: an order document's are, an invoice shows every one. */
  withColumns: boolean;
}

/** The template's font, colour, footer and lines' columns as a form: each change is written into the JSON below. */
export const TemplateDesign = ({ design, onChange, disabled, withColumns }: Props) => {
  const { formatMessage } = useIntl();
  const t = (key: string, defaultMessage: string) => formatMessage({ id: getTranslation(`templates.design.${key}`), defaultMessage });
  const toggle = (column: string, on: boolean) =>
    onChange({ ...design, columns: on ? [...design.columns, column] : design.columns.filter((name) => name !== column) });

  const fonts = TEMPLATE_FONTS.map((font) => ({
    value: font,
    label:
      font === DEFAULT_FONT
        ? formatMessage({ id: getTranslation('templates.design.font.default'), defaultMessage: '{font} (default)' }, { font })
        : font,
  }));

  return (
    <Grid.Root gap={4}>
      <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
        <SelectField
          name="font"
          label={t('font', 'Font')}
          hint={t('font.hint', 'Of the whole document; each has every Hungarian letter')}
          value={design.font}
          options={fonts}
          onChange={(font) => onChange({ ...design, font: isTemplateFont(font) ? font : DEFAULT_FONT })}
          disabled={disabled}
        />
      </Grid.Item>
      <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
        <TextField
          name="accentColor"
          label={t('accentColor', 'Colour')}
          hint={t('accentColor.hint', 'Of the title and the headings, such as #1f3a5f')}
          value={design.accentColor}
          onChange={(accentColor) => onChange({ ...design, accentColor })}
          disabled={disabled}
        />
      </Grid.Item>
      <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
        <TextField
          name="footer"
          label={t('footer', 'Footer')}
          hint={t('footer.hint', "Placeholders work here too; the page number and the page count are '{{page}}' and '{{pages}}'")}
          value={design.footer}
          onChange={(footer) => onChange({ ...design, footer })}
          disabled={disabled}
        />
      </Grid.Item>
      {withColumns && (
        <Grid.Item col={12} direction="column" alignItems="stretch">
          <Field.Root name="columns">
            <Field.Label>{t('columns', 'Columns of the lines')}</Field.Label>
            <Flex gap={4} wrap="wrap">
              {LINE_COLUMNS.map((column) => (
                <Checkbox
                  key={column}
                  checked={design.columns.includes(column)}
                  onCheckedChange={(checked: boolean | 'indeterminate') => toggle(column, checked === true)}
                  disabled={disabled || (column === 'name' && design.columns.includes('name') && design.columns.length === 1)}
                >
                  <Typography>{t(`column.${column}`, COLUMN_WORDS[column])}</Typography>
                </Checkbox>
              ))}
            </Flex>
          </Field.Root>
        </Grid.Item>
      )}
    </Grid.Root>
  );
};
