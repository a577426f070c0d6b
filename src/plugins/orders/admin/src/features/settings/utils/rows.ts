/**
 * The server names a row's field by its index in the list sent ("customStatuses.1.color",
 * "invoicing.series.0.pattern"); the rows may move or go afterwards, so each error is pinned to
 * the row it concerns, as `<row id>.<field>`. Errors about anything else keep their path.
 */
export const pinToRows = (errors: Record<string, string>, listPath: string, rows: ReadonlyArray<{ id: number }>) => {
  const prefix = `${listPath}.`;
  return Object.fromEntries(
    Object.entries(errors).map(([path, message]) => {
      const match = path.startsWith(prefix) ? /^(\d+)\.([\w.]+)$/.exec(path.slice(prefix.length)) : null;
      const row = match ? rows[Number(match[1])] : undefined;
      return [row && match ? `${row.id}.${match[2]}` : path, message];
    })
  );
};
