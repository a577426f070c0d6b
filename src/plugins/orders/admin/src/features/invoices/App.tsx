import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { PERMISSIONS } from '../../permissions';
import { InvoicePage } from './datasheet/InvoicePage';
import { InvoicesPage } from './list/InvoicesPage';

/** The Invoices (Számlák) menu entry: the list at its root, each invoice's datasheet below it. */
export const InvoicesApp = () => (
  <Page.Protect permissions={PERMISSIONS.readInvoices}>
    <Routes>
      <Route index element={<InvoicesPage />} />
      <Route path=":id" element={<InvoicePage />} />
      <Route path="*" element={<Page.Error />} />
    </Routes>
  </Page.Protect>
);
