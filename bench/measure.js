/** What every benchmark measures with: one call's milliseconds, a median, a figure rounded for the report. */

/** The middle of the values (the upper middle of an even count): one slow sample does not move it. */
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Two decimals, for the JSON a benchmark prints. */
const round = (value) => Number(value.toFixed(2));

/** How long `call` takes, in milliseconds. */
const timed = async (call) => {
  const start = process.hrtime.bigint();
  await call();
  return Number(process.hrtime.bigint() - start) / 1e6;
};

module.exports = { median, round, timed };
