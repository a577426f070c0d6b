/**
 * What a document is made from: the order as it is now and the seller as the settings say,
 * frozen into a snapshot that is kept with the document; and the logo, read by us from the
 * Media Library and handed to the template as data (a template never names a file or URL).
 */
import { createHash } from 'crypto';
import { readFile } from 'fs/promises';
import { join, normalize, sep } from 'path';
import type { Core } from '@strapi/strapi';
import { DEFAULT_DOCUMENT_LANGUAGE, type DocumentLanguage, type DocumentSnapshot } from '../../../../shared/contracts/documents';
import type { OrderJson } from '../../../../shared/contracts/orders';
import type { Company } from '../../../../shared/contracts/settings';
import { getService } from '../../core/service';

/** The pictures pdfmake embeds, and the largest logo a document takes. */
const LOGO_TYPES = new Set(['image/png', 'image/jpeg']);
export const MAX_LOGO_BYTES = 1024 * 1024;

/** The logo as the template takes it, and what the snapshot says of it. */
export interface Logo {
  dataUrl: string;
  ref: NonNullable<DocumentSnapshot['seller']['logo']>;
}

interface UploadFile {
  id: number;
  url: string;
  mime: string;
  provider: string;
}

/** A file the upload plugin keeps on this server's disk, under public/ (its local provider). */
const readLocalFile = async (strapi: Core.Strapi, url: string): Promise<Buffer | null> => {
  const root = strapi.dirs.static.public;
  const path = normalize(join(root, decodeURIComponent(url.split('?')[0])));
  // A URL that climbs out of public/ is no Media Library file.
  if (!path.startsWith(root + sep)) return null;
  return readFile(path);
};

/**
 * The company's logo, or null when there is none, it is not a PNG or JPEG, is larger than
 * MAX_LOGO_BYTES, or lives with a provider other than the local one (whose files we would
 * have to fetch from an address: a document never does).
 */
export const readLogo = async (strapi: Core.Strapi, id: number | null): Promise<Logo | null> => {
  if (id === null) return null;
  const file = (await strapi.db.query('plugin::upload.file').findOne({ where: { id } })) as UploadFile | null;
  if (!file || !LOGO_TYPES.has(file.mime) || file.provider !== 'local') return null;
  const bytes = await readLocalFile(strapi, file.url).catch(() => null);
  if (!bytes || bytes.length > MAX_LOGO_BYTES) return null;
  return {
    dataUrl: `data:${file.mime};base64,${bytes.toString('base64')}`,
    ref: { id: file.id, mime: file.mime, sha256: createHash('sha256').update(bytes).digest('hex') },
  };
};

/** When the order was last finalized, as its history tells. */
const finalizedAt = (order: OrderJson): string | null => order.history.filter((entry) => entry.to === 'finalized').at(-1)?.at ?? null;

const sellerOf = (company: Company, logo: Logo | null): DocumentSnapshot['seller'] => ({
  name: company.name,
  address: company.address,
  taxNumber: company.taxNumber,
  euVatNumber: company.euVatNumber,
  bankAccount: company.bankAccount,
  email: company.email,
  phone: company.phone,
  website: company.website,
  logo: logo?.ref ?? null,
});

const buyerOf = (order: OrderJson): DocumentSnapshot['buyer'] => ({
  name: order.customer?.name ?? null,
  company: order.customer?.company ?? null,
  // The order's own billing address; an order from before orders had one: its customer's.
  address: order.billingAddress ?? order.customer?.address ?? null,
  taxNumber: order.customer?.taxNumber ?? null,
  email: order.customer?.email ?? null,
  phone: order.customer?.phone ?? null,
});

/** The order's language: its own when it has one, else Hungarian. */
const languageOf = (order: OrderJson): DocumentLanguage => order.language ?? DEFAULT_DOCUMENT_LANGUAGE;

/** The snapshot of an order now, with the logo to put into its document. */
export const takeSnapshot = async (strapi: Core.Strapi, orderDocumentId: string, issuedAt: Date) => {
  const order = await getService(strapi, 'orders').get(orderDocumentId);
  const { company } = await getService(strapi, 'settings').get();
  const logo = await readLogo(strapi, company.logo);
  const snapshot: DocumentSnapshot = {
    language: languageOf(order),
    timeZone: strapi.plugin('orders').config('timeZone'),
    issuedAt: issuedAt.toISOString(),
    order: {
      number: order.number,
      currency: order.currency,
      createdAt: order.createdAt,
      finalizedAt: finalizedAt(order),
      note: order.note,
      externalNumber: order.externalNumber,
    },
    seller: sellerOf(company, logo),
    buyer: buyerOf(order),
    lines: order.items.map(({ name, sku, quantity, unit, unitPrice, discountPercent, vatRate, note, net, vat, gross }) => ({
      name,
      sku,
      quantity,
      unit,
      unitPrice,
      discountPercent,
      vatRate,
      note,
      net,
      vat,
      gross,
    })),
    totals: order.totals,
  };
  return { order, snapshot, logo };
};
