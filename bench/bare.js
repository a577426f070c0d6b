/**
 * The bare writes of an engine operation, issued row by row through Strapi's knex as a first
 * baseline: what a straightforward implementation writes, without the engine's reads, checks,
 * history and events (bench/floor.js is the other baseline: the same writes batched, on the raw
 * driver).
 */
const { createId } = require('@paralleldrive/cuid2');

const ACTOR = JSON.stringify({ type: 'system', name: 'bench' });

/** Takes one unit of each item from stock, each with its movement and its links to the item, the order and the invoice (if any). */
const takeEachOne = async (strapi, trx, itemIds, orderId, invoiceId = null) => {
  const meta = (uid) => strapi.db.metadata.get(uid);
  const items = meta('plugin::orders.stock-item').tableName;
  const movement = meta('plugin::orders.stock-movement');
  const links = [
    [movement.attributes.stockItem.joinTable, () => itemId],
    [movement.attributes.order.joinTable, () => orderId],
    ...(invoiceId ? [[movement.attributes.invoice.joinTable, () => invoiceId]] : []),
  ];
  let itemId;
  for (itemId of itemIds) {
    const [row] = await trx(items)
      .where('id', itemId)
      .andWhereRaw('on_hand_milli - 1000 >= 0')
      .update({ on_hand_milli: trx.raw('on_hand_milli - 1000') }, ['on_hand_milli']);
    const now = new Date();
    const [inserted] = await trx(movement.tableName).insert(
      {
        document_id: createId(),
        kind: 'order',
        quantity_milli: '-1000',
        balance_after_milli: String(row.on_hand_milli),
        reason: 'bench',
        actor: ACTOR,
        created_at: now,
        updated_at: now,
      },
      ['id']
    );
    for (const [joinTable, target] of links) {
      await trx(joinTable.name).insert({ [joinTable.joinColumn.name]: inserted.id, [joinTable.inverseJoinColumn.name]: target() });
    }
  }
};

/** A 20-line finalize: the stock and its movements. */
const bareFinalize = (strapi, itemIds, orderId) => strapi.db.transaction(({ trx }) => takeEachOne(strapi, trx, itemIds, orderId));

/** An invoice when invoices drive stock: the counter, the invoice row with its lines (its content), the stock and its movements. */
const bareInvoice = (strapi, itemIds, { orderId, orderDocumentId, orderNumber, content }) =>
  strapi.db.transaction(async ({ trx }) => {
    const meta = (uid) => strapi.db.metadata.get(uid);
    const counters = meta('plugin::orders.invoice-counter').tableName;
    const now = new Date();
    const [counter] = await trx(counters)
      .insert({ document_id: 'B', key: 'B', last: 1, created_at: now, updated_at: now })
      .onConflict('key')
      .merge({ last: trx.raw(`${counters}.last + 1`) })
      .returning('last');
    const number = `B/${counter.last}`;
    const [invoice] = await trx(meta('plugin::orders.invoice').tableName).insert(
      {
        document_id: createId(),
        number,
        series: 'B',
        year: 2026,
        sequence: counter.last,
        type: 'invoice',
        state: 'issued',
        order_document_id: orderDocumentId,
        order_number: orderNumber,
        issue_date: content.issueDate,
        buyer_name: content.buyer.name,
        currency: content.currency,
        gross_minor: content.totals.gross,
        content: JSON.stringify({ ...content, number }),
        pdf_state: 'pending',
        created_at: now,
        updated_at: now,
      },
      ['id']
    );
    await takeEachOne(strapi, trx, itemIds, orderId, invoice.id);
  });

module.exports = { bareFinalize, bareInvoice };
