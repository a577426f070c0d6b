/**
 * A second app process for the tests: boots the compiled app on the database the environment
 * names (already created and migrated by the first), listens on a free loopback port, and prints
 * "listening <port>". Stops on SIGTERM. With ORDERS_TEST_JOBS=1 it defines the test jobs
 * (test-jobs.js) too, and with ORDERS_TEST_JOBS=schedule also runs their schedule.
 * ORDERS_TEST_ANSWER_DELAY_MS holds every answer back that long after its work is done (a crash
 * test's window).
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
