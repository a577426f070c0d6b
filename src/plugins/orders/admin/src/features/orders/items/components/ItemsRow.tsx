/**
 * One order line of the itemised view: as saved (read-only) or being edited. Rows are memoised
 * and take only their own line, so typing in one line redraws that line and the totals, not the
 * hundreds of others.
 */
import { memo, useLayoutEffect, useRef, useState, type ChangeEvent, type Dispatch, type MouseEvent } from 'react';
import type { OrderItemJson } from '../../../../../../shared/contracts/orders';
import { VAT_RATES } from '../../../../../../shared/domain/vat';
import { formatMoney, formatQuantity, vatRateLabel } from '../../../../ui/format';
import { useProblemText } from '../hooks/useProblemText';
import type { CheckedLine } from '../utils/check-line';
import type { DraftLine, EditableField, LineField } from '../utils/lines';
import type { LinesAction } from '../utils/lines-state';
import { lineRowProps } from './ItemsWindow';

/** The column names, worded once per table rather than once per row; inputs use them as labels. */
export interface ItemsLabels {
  position: string;
  sku: string;
  name: string;
  quantity: string;
  unitPrice: string;
  discountPercent: string;
  vatRate: string;
  note: string;
  net: string;
  vat: string;
  gross: string;
  actions: string;
  moveUp: string;
  moveDown: string;
  remove: string;
  /** A line kind's small label (shipping, fee, coupon); none for a product line. */
  kinds: Record<string, string>;
  /** Beside a webshop line whose SKU the inventory does not know. */
  notInInventory: string;
}

const NONE = '—';

/** A discount reads "10%", in the locale's digits ("12,5%" in Hungarian); no discount reads "—". */
const discountText = (percent: string, locale: string) => (/^0(\.0*)?$/.test(percent) ? NONE : `${formatQuantity(percent, locale)}%`);

/** A row's place in the sheet, and its ref for the window to measure it (ItemsWindow). */
interface WindowedRowProps {
  index: number;
  measure: (row: HTMLTableRowElement | null) => void;
}

interface SavedRowProps extends WindowedRowProps {
  item: OrderItemJson;
  currency: string;
  locale: string;
  /** The line's kind beside its name: shipping, fee, coupon; none for a product. */
  kindLabel?: string;
  /** Set when the line's SKU is not in the inventory (a webshop's line, flagged unknownSku). */
  notInInventory?: string;
}

export const ItemsSavedRow = memo(({ item, index, measure, currency, locale, kindLabel, notInInventory }: SavedRowProps) => (
  <tr ref={measure} {...lineRowProps(index)}>
    <td className="number muted">{index + 1}</td>
    <td className="nowrap" title={item.sku ?? undefined}>
      {item.sku ?? NONE}
    </td>
    <td>
      {item.name}
      {kindLabel && (
        <span className="line-kind" data-kind={item.kind}>
          {kindLabel}
        </span>
      )}
      {notInInventory && <span className="line-warning">{notInInventory}</span>}
    </td>
    <td className="number">
      {formatQuantity(item.quantity, locale)} {item.unit}
    </td>
    <td className="number">{formatMoney(item.unitPrice, currency, locale)}</td>
    <td className="number">{discountText(item.discountPercent, locale)}</td>
    <td className="nowrap">{vatRateLabel(item.vatRate)}</td>
    <td>{item.note ?? ''}</td>
    <td className="number">{formatMoney(item.net, currency, locale)}</td>
    <td className="number">{formatMoney(item.vat, currency, locale)}</td>
    <td className="number">{formatMoney(item.gross, currency, locale)}</td>
  </tr>
));

const ProblemText = ({ id, text }: { id: string; text: string | undefined }) =>
  text ? (
    <span className="problem" id={id}>
      {text}
    </span>
  ) : null;

interface LineInputProps {
  line: DraftLine;
  field: Exclude<EditableField, 'vatRate'>;
  label: string;
  problem: string | undefined;
  className: string;
  decimal?: boolean;
  maxLength?: number;
  onChange: (field: EditableField) => (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => void;
  /** What stands right of the input on its line (the quantity's unit), kept there when a problem shows. */
  unit?: string;
}

/** A plain input: the text stays exactly as typed, the problem shows under it (and under its unit). */
const LineInput = ({ line, field, label, problem, className, decimal, maxLength, onChange, unit }: LineInputProps) => {
  const problemId = `${line.key}-${field}-problem`;
  const input = (
    <input
      className={className}
      value={line[field]}
      onChange={onChange(field)}
      aria-label={label}
      aria-invalid={problem ? true : undefined}
      aria-describedby={problem ? problemId : undefined}
      inputMode={decimal ? 'decimal' : undefined}
      maxLength={maxLength}
      autoComplete="off"
    />
  );
  return (
    <>
      {unit === undefined ? (
        input
      ) : (
        <span className="with-unit">
          {input} {unit}
        </span>
      )}
      <ProblemText id={problemId} text={problem} />
    </>
  );
};

interface LineActionProps {
  label: string;
  /** Which icon ItemsSheet draws on it (a CSS mask: no SVG elements in each of hundreds of rows). */
  icon: 'up' | 'down' | 'remove';
  disabled?: boolean;
  onClick: (event: MouseEvent<HTMLButtonElement>) => void;
}

/** A small icon button of a line (move, remove), named by its label for screen readers and on hover. */
const LineAction = ({ label, icon, disabled, onClick }: LineActionProps) => (
  <button type="button" className={`line-action ${icon}`} aria-label={label} title={label} disabled={disabled} onClick={onClick} />
);

interface VatRateSelectProps {
  value: string;
  label: string;
  onChange: (event: ChangeEvent<HTMLSelectElement>) => void;
}

/**
 * The line's VAT rate. Until the pointer or the focus comes to it, it holds only the chosen rate:
 * the other options would be eight more elements in each of hundreds of rows, drawn for nothing.
 * Both come before the list can open (pointer down, Alt+Down, typing), so nobody sees it short.
 */
const VatRateSelect = ({ value, label, onChange }: VatRateSelectProps) => {
  const [offered, setOffered] = useState(false);
  const offer = () => setOffered(true);
  const rates: readonly string[] = offered ? VAT_RATES : [value];
  return (
    <select value={value} onChange={onChange} aria-label={label} onPointerEnter={offer} onFocus={offer}>
      {rates.map((rate) => (
        <option key={rate} value={rate}>
          {vatRateLabel(rate)}
        </option>
      ))}
    </select>
  );
};

interface EditableRowProps extends WindowedRowProps {
  line: DraftLine;
  checked: CheckedLine;
  serverProblems: Partial<Record<LineField, string>> | undefined;
  isLast: boolean;
  currency: string;
  locale: string;
  labels: ItemsLabels;
  dispatch: Dispatch<LinesAction>;
}

export const ItemsEditableRow = memo(
  ({ line, checked, serverProblems, index, measure, isLast, currency, locale, labels, dispatch }: EditableRowProps) => {
    const problemText = useProblemText();
    const problemOf = (field: LineField) => problemText(checked.problems[field], serverProblems?.[field]);
    const change = (field: EditableField) => (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
      dispatch({ type: 'change', key: line.key, field, value: event.target.value });
    const amount = (value: string | undefined) => (value === undefined ? NONE : formatMoney(value, currency, locale));

    // Moving a row moves its DOM node, which drops the focus: give it back to the button pressed,
    // so that a keyboard user can press "move up" again and again.
    const pressed = useRef<HTMLButtonElement | null>(null);
    useLayoutEffect(() => {
      pressed.current?.focus();
      pressed.current = null;
    }, [index]);
    const move = (by: -1 | 1) => (event: MouseEvent<HTMLButtonElement>) => {
      pressed.current = event.currentTarget;
      dispatch({ type: 'move', key: line.key, by });
    };

    return (
      <tr ref={measure} {...lineRowProps(index)}>
        <td className="number muted">{index + 1}</td>
        <td className="nowrap" title={line.sku ?? undefined}>
          {line.sku ?? NONE}
        </td>
        <td>
          {line.name}
          <ProblemText id={`${line.key}-name-problem`} text={problemOf('name')} />
          <ProblemText id={`${line.key}-unit-problem`} text={problemOf('unit')} />
        </td>
        <td className="number">
          <LineInput
            line={line}
            field="quantity"
            label={labels.quantity}
            problem={problemOf('quantity')}
            className="number"
            decimal
            onChange={change}
            unit={line.unit}
          />
        </td>
        <td className="number">
          <LineInput
            line={line}
            field="unitPrice"
            label={labels.unitPrice}
            problem={problemOf('unitPrice')}
            className="number"
            decimal
            onChange={change}
          />
        </td>
        <td className="number">
          <LineInput
            line={line}
            field="discountPercent"
            label={labels.discountPercent}
            problem={problemOf('discountPercent')}
            className="number percent"
            decimal
            onChange={change}
          />
        </td>
        <td>
          <VatRateSelect value={line.vatRate} onChange={change('vatRate')} label={labels.vatRate} />
          <ProblemText id={`${line.key}-vatRate-problem`} text={problemOf('vatRate')} />
        </td>
        <td>
          <LineInput
            line={line}
            field="note"
            label={labels.note}
            problem={problemOf('note')}
            className="note"
            maxLength={2000}
            onChange={change}
          />
        </td>
        <td className="number">{amount(checked.amounts?.net)}</td>
        <td className="number">{amount(checked.amounts?.vat)}</td>
        <td className="number">{amount(checked.amounts?.gross)}</td>
        <td className="nowrap">
          <LineAction label={labels.moveUp} icon="up" disabled={index === 0} onClick={move(-1)} />
          <LineAction label={labels.moveDown} icon="down" disabled={isLast} onClick={move(1)} />
          <LineAction label={labels.remove} icon="remove" onClick={() => dispatch({ type: 'remove', key: line.key })} />
        </td>
      </tr>
    );
  }
);
