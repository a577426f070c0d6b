/** The settings a shop changes in Settings → Orders, and the custom statuses they list. */
import { z } from 'zod';
import { ORDER_STATES } from '../domain/lifecycle';
import { DEFAULT_SEGMENT_RULES, segmentRulesProblem, type SegmentRules } from '../domain/segments';
import { INVENTORY_DRIVERS, type InventoryDriver } from '../domain/stock-plan';
import { ours, text } from './fields';
import type { Answer } from './pages';

/** The key orders carry: lowercase letters, digits and dashes, starting with a letter or digit. */
export const CUSTOM_STATUS_KEY = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** A custom status's colour: #rrggbb. */
export const COLOUR = /^#[0-9a-fA-F]{6}$/;

const customStatus = z.strictObject({
  key: z.string().refine((key) => CUSTOM_STATUS_KEY.test(key), {
    message: 'must be lowercase letters, digits and dashes',
    ...ours('notStatusKey'),
  }),
  label: text(100).min(1),
  color: z.string().refine((color) => COLOUR.test(color), {
    message: 'must be a colour such as #0c75af',
    ...ours('notColour'),
  }),
});

const days = z.number().int().min(1).max(3650);
const fromOrders = z.number().int().min(2).max(1000);

/** The segments' thresholds, given whole; checked together, since each band's days must grow. */
const segmentRules = z
  .strictObject({
    countedStates: z.array(z.enum(ORDER_STATES)).min(1).max(ORDER_STATES.length),
    oneTime: z.strictObject({ activeDays: days, passiveDays: days }),
    repeat: z.strictObject({ fromOrders, activeDays: days, passiveDays: days }),
    loyal: z.strictObject({ fromOrders, activeDays: days, passiveDays: days }),
    inactiveAfterDays: days,
  })
  .superRefine((rules, ctx) => {
    const problem = segmentRulesProblem(rules);
    if (problem) {
      ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message, ...ours('segmentThresholds', { rule: problem.rule }) });
    }
  });

export const settingsInput = z.strictObject({
  inventoryDriver: z.enum(INVENTORY_DRIVERS).optional(),
  allowNegativeStock: z.boolean().optional(),
  customStatuses: z
    .array(customStatus)
    .max(50)
    .refine((list) => new Set(list.map((s) => s.key)).size === list.length, {
      message: 'keys must be unique',
      ...ours('duplicateKeys'),
    })
    .optional(),
  segments: segmentRules.optional(),
});

export type SettingsInput = z.infer<typeof settingsInput>;

/** A custom status: the key orders carry, its label and its colour. */
export interface CustomStatus {
  key: string;
  label: string;
  color: string;
}

export interface Settings {
  /** "orders": finalized orders hold stock; "invoices": issuing an invoice books it instead. */
  inventoryDriver: InventoryDriver;
  allowNegativeStock: boolean;
  customStatuses: CustomStatus[];
  /** The customers' segments: which states of an order count, and the days of each band. */
  segments: SegmentRules;
}

export const DEFAULT_SETTINGS: Settings = {
  inventoryDriver: 'orders',
  allowNegativeStock: false,
  customStatuses: [
    { key: 'processing', label: 'Feldolgozás alatt', color: '#0c75af' },
    { key: 'awaiting-confirmation', label: 'Visszaigazolásra vár', color: '#d9822f' },
    { key: 'in-delivery', label: 'Kiszállítás alatt', color: '#328048' },
  ],
  segments: DEFAULT_SEGMENT_RULES,
};

export declare namespace GetSettings {
  type Response = Answer<Settings>;
}

export declare namespace UpdateSettings {
  type Request = SettingsInput;
  type Response = Answer<Settings>;
}

export declare namespace ListCustomStatuses {
  type Response = Answer<CustomStatus[]>;
}
