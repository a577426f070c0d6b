import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { PERMISSIONS } from '../../permissions';
import { CustomerPage } from './datasheet/CustomerPage';
import { CustomersPage } from './list/CustomersPage';

/** The Customers (Ügyfelek) menu entry: the list with its overview at its root, each customer's datasheet below it. */
export const CustomersApp = () => (
  <Page.Protect permissions={PERMISSIONS.readCustomers}>
    <Routes>
      <Route index element={<CustomersPage />} />
      <Route path=":id" element={<CustomerPage />} />
      <Route path="*" element={<Page.Error />} />
    </Routes>
  </Page.Protect>
);
