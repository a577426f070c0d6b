import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { PERMISSIONS } from '../../permissions';
import { InboxEntryPage } from './entry/InboxEntryPage';
import { InboxPage } from './list/InboxPage';

/** The Inbox (Beérkezett adatok) menu entry: every entry at its root, each entry with its payload below it. */
export const InboxApp = () => (
  <Page.Protect permissions={PERMISSIONS.readInbox}>
    <Routes>
      <Route index element={<InboxPage />} />
      <Route path=":id" element={<InboxEntryPage />} />
      <Route path="*" element={<Page.Error />} />
    </Routes>
  </Page.Protect>
);
