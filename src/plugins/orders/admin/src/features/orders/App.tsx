import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { PERMISSIONS } from '../../permissions';
import { OrderPage } from './datasheet/OrderPage';
import { OrdersListPage } from './list/OrdersListPage';

/** The Orders menu entry: the list at its root, each order's datasheet below it. */
export const App = () => (
  <Page.Protect permissions={PERMISSIONS.readOrders}>
    <Routes>
      <Route index element={<OrdersListPage />} />
      <Route path=":id" element={<OrderPage />} />
      <Route path="*" element={<Page.Error />} />
    </Routes>
  </Page.Protect>
);
