import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { PERMISSIONS } from '../../permissions';
import { StockItemPage } from './item/StockItemPage';
import { InventoryPage } from './list/InventoryPage';

/** The Inventory (Készlet) menu entry: every stock item, and each item's movements. */
export const InventoryApp = () => (
  <Page.Protect permissions={PERMISSIONS.readInventory}>
    <Routes>
      <Route index element={<InventoryPage />} />
      <Route path=":id" element={<StockItemPage />} />
      <Route path="*" element={<Page.Error />} />
    </Routes>
  </Page.Protect>
);
