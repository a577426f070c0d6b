/**
 * Order documents (megrendelés-dokumentum): the PDF an order is issued as when it is finalized,
 * kept byte for byte, one version after another. The JSON of each answer, and the data a
 * document is made from (its snapshot), which the templates read.
 */
import { z } from 'zod';
import type { Actor } from './actor';
import type { AddressJson } from './customers';
import type { AmountsJson } from './orders';
import type { Answer } from './pages';
import type { LineVatRate } from '../domain/totals';

/** What a document is of. Invoices will be documents of their own kind. */
export const DOCUMENT_KINDS = ['order'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** pending: being made; issued: its PDF is kept; failed: it could not be made (its error says why; Retry makes it again). */
export const DOCUMENT_STATES = ['pending', 'issued', 'failed'] as const;
export type DocumentState = (typeof DOCUMENT_STATES)[number];

/** The languages a document is written in: the order's, Hungarian unless it says otherwise. */
export const DOCUMENT_LANGUAGES = ['hu', 'en'] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];
export const DEFAULT_DOCUMENT_LANGUAGE: DocumentLanguage = 'hu';

/** The template a document was made from, and which version of it. */
export interface TemplateRef {
  key: string;
  version: number;
}

/** A document as the admin API answers it: never its bytes (those are GET /orders/documents/:id/pdf). */
export interface DocumentJson {
  documentId: string;
  order: { documentId: string; number: string };
  kind: DocumentKind;
  /** 1, 2, …: a reissue is the next version; no version is ever overwritten. */
  version: number;
  state: DocumentState;
  /** Why it failed (the last attempt's error), or null. */
  error: string | null;
  template: TemplateRef;
  language: DocumentLanguage;
  /** SHA-256 of the PDF's bytes, hex; null until issued. */
  contentHash: string | null;
  /** The PDF's size in bytes; null until issued. */
  size: number | null;
  /** The file name the PDF downloads as. */
  fileName: string;
  /** Who issued it: the admin who finalized or reissued, or the system for a webshop's order. */
  issuedBy: Actor | null;
  issuedAt: string | null;
  createdAt: string;
}

/** One line of the order as the document prints it: amounts as decimal strings in the order's currency. */
export interface DocumentLine extends AmountsJson {
  name: string;
  sku: string | null;
  quantity: string;
  unit: string;
  unitPrice: string;
  discountPercent: string;
  vatRate: LineVatRate;
  note: string | null;
}

/** The party of a document: the seller (us) or the buyer (the customer). */
export interface DocumentParty {
  name: string | null;
  company?: string | null;
  address: AddressJson | null;
  taxNumber: string | null;
  euVatNumber?: string | null;
  bankAccount?: string | null;
  email: string | null;
  phone: string | null;
  website?: string | null;
}

/**
 * The data a document is made from, kept with it: whatever changes later (the order after an
 * edit, the company's details), the document says what it said, and the snapshot shows why.
 */
export interface DocumentSnapshot {
  language: DocumentLanguage;
  /** The shop's time zone: the dates are its calendar's. */
  timeZone: string;
  /** When the document was issued (ISO 8601). */
  issuedAt: string;
  order: {
    number: string;
    currency: string;
    createdAt: string;
    /** When it was last finalized, as its history says. */
    finalizedAt: string | null;
    note: string | null;
    /** A webshop's own order number. */
    externalNumber: string | null;
  };
  seller: DocumentParty & {
    /** The Media Library file of the logo, and its bytes' SHA-256 when it was read. */
    logo: { id: number; mime: string; sha256: string } | null;
  };
  buyer: DocumentParty;
  lines: DocumentLine[];
  totals: AmountsJson & { byVatRate: Array<AmountsJson & { vatRate: LineVatRate }> };
}

/** A reissue or retry takes no fields: the order is issued as it is now. */
export const issueDocumentInput = z.strictObject({});

export declare namespace ListDocuments {
  /** Newest version first. */
  type Response = Answer<DocumentJson[]>;
}

export declare namespace IssueDocument {
  /** Nothing to send: the order is issued as it is now, or its failed version made again. */
  type Request = Record<string, never>;
  type Response = Answer<DocumentJson>;
}
