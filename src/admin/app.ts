/** The admin panel offers Hungarian beside English; each user picks a language in their profile. */
export default {
  config: { locales: ['hu'] },
  bootstrap() {},
};
