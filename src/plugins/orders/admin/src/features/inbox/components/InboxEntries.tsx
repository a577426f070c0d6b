/** Placeholder until the Inbox page's branch is merged: that branch provides the real list of an order's inbox entries. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export const InboxEntries = ({ order }: { order: string }) => null;
