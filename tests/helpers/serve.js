/**
 * A second app process for the tests: boots the compiled app on the database the environment
 * names (already created and migrated by the first), listens on a free loopback port, and prints
 * "listening <port>". Stops on SIGTERM.
 */
const path = require('path');
const { createStrapi } = require('@strapi/strapi');

const ROOT = path.resolve(__dirname, '../..');

const main = async () => {
  process.env.LOG_LEVEL = process.env.LOG_LEVEL || 'warn';
  const strapi = await createStrapi({ appDir: ROOT, distDir: path.join(ROOT, 'dist') }).load();
  strapi.server.listen(0, '127.0.0.1', () => {
    process.stdout.write(`listening ${strapi.server.httpServer.address().port}\n`);
  });
  process.on('SIGTERM', async () => {
    await strapi.destroy();
    process.exit(0);
  });
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
