/**
 * The machine-readable codes of the API's refusals, beside the English `message` that API clients
 * and logs read: the admin panel words each code in its user's language. Free of imports, so the
 * admin (and the test that every code is translated) reads the very same list.
 */

/** Why one field of a 400 is at fault: `details.errors[].code`, with its `values`. */
export const FIELD_ERROR_CODES = [
  'required',
  'wrongType',
  'notNumber',
  'decimals',
  'notPositive',
  'negative',
  'zero',
  'percent',
  'tooLarge',
  'belowMin',
  'aboveMax',
  'tooLong',
  'tooMany',
  'notOneOf',
  'notEmail',
  'notDate',
  'notCurrency',
  'notColour',
  'notStatusKey',
  'duplicateKeys',
  'unknownField',
  'bothGiven',
  'unknownStockItem',
  'unknownSku',
  'unknownCustomer',
  'unknownCustomStatus',
  'skuTaken',
  'priceInOrderCurrency',
  'currencyNeedsItems',
  'failOnly',
] as const;

/** Why a whole request is refused: `details.code` of a 409 or a 404, its values beside it in `details`. */
export const REFUSAL_CODES = [
  'actionNotAllowed',
  'onlyDraftChanged',
  'onlyDraftDeleted',
  'noLines',
  'stockShortage',
  'orderNotFound',
  'stockItemNotFound',
  'unknownAction',
] as const;

export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];
export type RefusalCode = (typeof REFUSAL_CODES)[number];

/** The parameters a code's text needs: a limit, the allowed options, the SKU at fault, the shortages… */
export type ErrorValues = Record<string, string | number | readonly string[] | readonly object[]>;
