/**
 * Dies on purpose right after a commit: boots the app on the database the environment names (set
 * ORDERS_JOBS_WORK=false, so that this process runs no job itself), commits a change together with
 * a test.record job, prints "sent <job id>", and kills itself with SIGKILL — no shutdown, nothing
 * after the commit.
 */
const { bootStrapi } = require('./database');
const { defineTestJobs } = require('./test-jobs');

const main = async () => {
  const strapi = await bootStrapi();
  const jobs = await defineTestJobs(strapi);
  const id = await strapi.db.transaction(async () => {
    await strapi.db.query('plugin::orders.customer').create({ data: { name: 'Committed just before the crash' } });
    return jobs.send('test.record', { label: 'sent just before the crash' });
  });
  process.stdout.write(`sent ${id}\n`);
  process.kill(process.pid, 'SIGKILL');
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
