/**
 * The lines being edited as a reducer's state: each change keeps the lines it does not touch, and
 * the server's complaints after a refused save sit on the lines they concern.
 */
import type { FieldErrorJson } from '../../../../../../shared/contracts/errors';
import { isVatRate } from '../../../../../../shared/domain/vat';
import type { DraftLine, EditableField, LineField } from './lines';

/** The server's problems with a line's fields after it refused to save, worded in the admin's language. */
export type ServerProblems = Record<string, Partial<Record<LineField, string>>>;

const FIELD_OF_PATH: Record<string, LineField> = {
  name: 'name',
  quantity: 'quantity',
  unit: 'unit',
  unitPrice: 'unitPrice',
  discountPercent: 'discountPercent',
  vatRate: 'vatRate',
  note: 'note',
  // A missing stock item is a fault of the line as a whole: it shows at its name.
  stockItem: 'name',
  sku: 'name',
};

/**
 * Sorts the field errors of a 400 (paths like ["items", "2", "quantity"], by position in the
 * lines sent) onto the lines they concern; anything else comes back as plain messages.
 */
export const serverProblemsOf = (
  errors: Array<Pick<FieldErrorJson, 'path' | 'message'>>,
  sent: DraftLine[]
): { byLine: ServerProblems; other: string[] } => {
  const byLine: ServerProblems = {};
  const other: string[] = [];
  for (const { path, message } of errors) {
    const [root, index, field] = path.map(String);
    const line = root === 'items' && /^\d+$/.test(index ?? '') ? sent[Number(index)] : undefined;
    if (!line) {
      other.push(message);
      continue;
    }
    const at = FIELD_OF_PATH[field ?? ''] ?? 'name';
    byLine[line.key] = { ...byLine[line.key], [at]: message };
  }
  return { byLine, other };
};

export interface LinesState {
  lines: DraftLine[];
  /** True once the user changed anything since the lines were last loaded or saved. */
  dirty: boolean;
  serverProblems: ServerProblems;
}

export type LinesAction =
  | { type: 'reset'; lines: DraftLine[] }
  /** The order arrived anew: its lines replace the draft's, unless the draft has changes of its own. */
  | { type: 'loaded'; lines: DraftLine[] }
  | { type: 'change'; key: string; field: EditableField; value: string }
  | { type: 'add'; line: DraftLine }
  | { type: 'remove'; key: string }
  | { type: 'move'; key: string; by: -1 | 1 }
  | { type: 'refused'; serverProblems: ServerProblems };

export const initialLines = (lines: DraftLine[]): LinesState => ({ lines, dirty: false, serverProblems: {} });

/** Drops the server's complaint about a field once the user touches it. */
const forget = (problems: ServerProblems, key: string, field: LineField): ServerProblems => {
  if (!problems[key]?.[field]) return problems;
  const { [field]: _forgotten, ...rest } = problems[key];
  return { ...problems, [key]: rest };
};

/**
 * Every change makes a new array but keeps the untouched line objects, so memoised rows and the
 * per-line price cache skip all lines but the one that changed.
 */
export const editLines = (state: LinesState, action: LinesAction): LinesState => {
  switch (action.type) {
    case 'loaded':
      return state.dirty ? state : initialLines(action.lines);
    case 'reset':
      return initialLines(action.lines);
    case 'change': {
      if (action.field === 'vatRate' && !isVatRate(action.value)) return state;
      return {
        lines: state.lines.map((line) => (line.key === action.key ? { ...line, [action.field]: action.value } : line)),
        dirty: true,
        serverProblems: forget(state.serverProblems, action.key, action.field),
      };
    }
    case 'add':
      return { ...state, lines: [...state.lines, action.line], dirty: true };
    case 'remove':
      return { ...state, lines: state.lines.filter((line) => line.key !== action.key), dirty: true };
    case 'move': {
      const from = state.lines.findIndex((line) => line.key === action.key);
      const to = from + action.by;
      if (from < 0 || to < 0 || to >= state.lines.length) return state;
      const lines = [...state.lines];
      [lines[from], lines[to]] = [lines[to], lines[from]];
      return { ...state, lines, dirty: true };
    }
    case 'refused':
      return { ...state, serverProblems: action.serverProblems };
  }
};
