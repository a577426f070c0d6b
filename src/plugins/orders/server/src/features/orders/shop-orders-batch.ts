/**
 * A feed's new orders, written together: a shop that sends 10 000 orders at once (a first pull,
 * a full feed) would otherwise pay some twenty statements an order. Everything a new order is —
 * its customer, row, lines, stock, history — is written here in a few batched statements per
 * hundred orders, with what the one-at-a-time upsert (shop-orders.ts) writes, the same plan and
 * flags. Orders that exist already go through that upsert instead.
 */
import { createId } from '@paralleldrive/cuid2';
import type { Core } from '@strapi/strapi';
import type { Actor } from '../../../../shared/contracts/actor';
import type { NormalizedOrder } from '../../../../shared/contracts/normalized-order';
import { orderNumber } from '../../../../shared/domain/order-number';
import { reservationChanges, stockChanges, targetHolding } from '../../../../shared/domain/stock-plan';
import { insertRows, updateColumns, type Transaction } from '../../core/database';
import { getService } from '../../core/service';
import { UID } from '../../core/uids';
import type { Connection } from '../integrations/connection';
import type { Movement } from '../inventory/ledger';
import type { Happening } from './history';
import type { ShopOrderOutcome } from './shop-orders';
import { customerNameOf, ordersRepository } from './repository';
import { flagsOf, planOf, statusText } from './shop-orders';

export interface NewShopOrder {
  order: NormalizedOrder;
  externalKey: string;
  plan: NonNullable<ReturnType<typeof planOf>>;
}

export const insertNewShopOrders = async (
  strapi: Core.Strapi,
  trx: Transaction,
  connection: Connection,
  fresh: NewShopOrder[]
): Promise<ShopOrderOutcome[]> => {
  if (!fresh.length) return [];
  const actor: Actor = { type: 'integration', name: connection.name };
  const timeZone: string = strapi.plugin('orders').config('timeZone');
  const customers = await getService(strapi, 'customers').forShopMany(
    trx,
    connection.id,
    fresh.map(({ order }) => order.customer)
  );
  const now = new Date();
  const documentIds = fresh.map(() => createId());
  const ids = await insertRows(
    strapi,
    trx,
    UID.order,
    fresh.map(({ order, externalKey, plan }, index) => ({
      values: {
        ...plan.fields,
        documentId: documentIds[index],
        source: connection.kind,
        ...customerNameOf(customers[index].name),
        externalKey,
        externalId: order.externalId,
        createdAt: now,
      },
      links: { customer: customers[index].id, connection: connection.id },
    }))
  );
  const numbers = ids.map((id) => orderNumber(id, now, timeZone));

  await insertRows(
    strapi,
    trx,
    UID.orderItem,
    fresh.flatMap(({ plan }, index) => plan.lines.map(({ stockItem, ...values }) => ({ values, links: { order: ids[index], stockItem } })))
  );

  // A new order holds nothing yet: what it should hold is what it books, and reserves if it arrives finalized.
  const config = await getService(strapi, 'settings').get();
  const reserving = new Map<number, bigint>();
  const movements = fresh.flatMap(({ plan }, index): Movement[] => {
    const lines = plan.lines.flatMap((line) =>
      line.stockItem ? [{ stockItemId: line.stockItem, quantityMilli: BigInt(line.quantityMilli) }] : []
    );
    const target = targetHolding(lines, plan.state, config.inventoryDriver);
    for (const [stockItemId, change] of reservationChanges(new Map(), target, null, plan.state))
      reserving.set(stockItemId, (reserving.get(stockItemId) ?? 0n) + change);
    const ofOrder = { id: ids[index], documentId: documentIds[index], number: numbers[index] };
    return stockChanges(target, new Map()).map(({ stockItemId, delta }) => ({
      stockItemId,
      delta,
      kind: 'order',
      cause: 'shop',
      order: ofOrder,
    }));
  });
  const balances = await getService(strapi, 'ledger').apply(movements, actor, { allowNegativeStock: true, reserving });
  const balancesOf = new Map<number, Array<{ onHand: bigint }>>();
  movements.forEach((movement, index) =>
    balancesOf.set(movement.order!.id, [...(balancesOf.get(movement.order!.id) ?? []), balances[index]])
  );

  const outcomes: ShopOrderOutcome[] = [];
  const history: Array<{ orderId: number; entry: Happening }> = [];
  for (const [index, { order, plan }] of fresh.entries()) {
    const flags = flagsOf(plan.lines, plan.entry !== null, plan.totals, balancesOf.get(ids[index]) ?? [], []);
    await updateColumns(strapi, trx, UID.order, ids[index], { number: numbers[index], flags });
    history.push({
      orderId: ids[index],
      entry: {
        actor,
        action: 'create',
        from: null,
        to: plan.state,
        details: { externalStatus: statusText(order), ...(flags.length ? { flags } : {}) },
      },
    });
    const ref = { id: ids[index], documentId: documentIds[index], number: numbers[index] };
    await getService(strapi, 'events').publish('order.synced', {
      order: ref,
      connection: connection.documentId,
      issueDocuments: connection.issueDocuments,
      from: null,
      to: plan.state,
      actor,
    });
    outcomes.push({ result: 'created', order: ref, flags });
  }
  await getService(strapi, 'history').recordMany(trx, history);
  await ordersRepository(strapi).refreshSearchKeys(trx, ids);
  return outcomes;
};
