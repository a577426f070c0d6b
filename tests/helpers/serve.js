/**
 * A second app process for the tests: boots the compiled app on the database the environment
 * names (already created and migrated by the first), listens on a free loopback port, and prints
 * "listening <port>". Stops on SIGTERM. With ORDERS_TEST_JOBS=1 it defines the test jobs
 * (test-jobs.js) too, and with ORDERS_TEST_JOBS=schedule also runs their schedule.
 * ORDERS_TEST_ANSWER_DELAY_MS holds every answer back that long after its work is done (a crash
 * test's window). ORDERS_TEST_HANG_AFTER_STORE=1 stops every delivery right after its inbox entry
 * is stored and committed, before it is processed: prints "stored <documentId>" and never answers
 * (the test then kills the process). SIGUSR2 runs the inbox's recover() here now, then prints
 * "recovered" (what the recovery job does, on demand).
 */
const path = require('path');
const { createStrapi } = require('@strapi/strapi');

const ROOT = path.resolve(__dirname, '../..');

const main = async () => {
  process.env.LOG_LEVEL = process.env.LOG_LEVEL || 'warn';
  const strapi = await createStrapi({ appDir: ROOT, distDir: path.join(ROOT, 'dist') }).load();
  if (process.env.ORDERS_TEST_JOBS) {
    await require('./test-jobs').defineTestJobs(strapi, { schedule: process.env.ORDERS_TEST_JOBS === 'schedule' });
  }
  // Fault injection: answers that wait after their change committed, so that a crash loses them.
  const delay = Number(process.env.ORDERS_TEST_ANSWER_DELAY_MS || 0);
  if (delay) {
    strapi.server.app.middleware.unshift(async (ctx, next) => {
      await next();
      await new Promise((resolve) => setTimeout(resolve, delay));
    });
  }
  // Fault injection: a process that dies between storing a delivery and processing it. The inbox
  // stores an entry with one INSERT outside any transaction (inbox/repository.ts: insertRows), so
  // once that has resolved the entry is committed; holding it there keeps it from being processed.
  if (process.env.ORDERS_TEST_HANG_AFTER_STORE) {
    const database = require(path.join(ROOT, 'src/plugins/orders/dist/server/src/core/database'));
    const insertRows = database.insertRows;
    database.insertRows = async (strapi, trx, uid, rows) => {
      const ids = await insertRows(strapi, trx, uid, rows);
      const [{ values }] = rows;
      if (uid !== 'plugin::orders.inbox-entry' || values.state !== 'received') return ids;
      process.stdout.write(`stored ${values.documentId}\n`);
      return new Promise(() => {});
    };
  }
  process.on('SIGUSR2', () => {
    strapi
      .plugin('orders')
      .service('inbox')
      .recover()
      .then(
        () => process.stdout.write('recovered\n'),
        (error) => process.stdout.write(`recover failed: ${error?.stack ?? error}\n`)
      );
  });
  strapi.server.listen(0, '127.0.0.1', () => {
    process.stdout.write(`listening ${strapi.server.httpServer.address().port}\n`);
  });
  // SIGTERM: Strapi's own handler (destroyOnSignal) runs strapi.destroy() and exits. A second
  // handler here made destroy run twice, which throws, and the process exit with 1.
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
