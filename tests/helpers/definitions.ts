/** What the tests read of a pdfmake document definition without rendering it. */

/** Every text of a definition, in document order. */
export const texts = (node: unknown): string[] => {
  if (typeof node === 'string') return [node];
  if (Array.isArray(node)) return node.flatMap(texts);
  if (node && typeof node === 'object') return Object.values(node).flatMap(texts);
  return [];
};

/** The nodes of a definition that hold `key`. */
export const nodesWith = (node: unknown, key: string): Array<Record<string, unknown>> => {
  if (Array.isArray(node)) return node.flatMap((child) => nodesWith(child, key));
  if (!node || typeof node !== 'object') return [];
  const own = key in node ? [node as Record<string, unknown>] : [];
  return [...own, ...Object.values(node).flatMap((child) => nodesWith(child, key))];
};
