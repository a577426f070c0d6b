import { Pagination as Pages } from '@strapi/strapi/admin';
import { DEFAULT_PAGE_SIZE, PAGE_SIZES, type Pagination } from '../../../shared/contracts/pages';

const OPTIONS = PAGE_SIZES.map(String);

/** A list's page size and pages, as every list of the API offers them; Strapi keeps both in the URL. */
export const ListPagination = ({ pagination }: { pagination: Pagination | undefined }) => (
  <Pages.Root pageCount={pagination?.pageCount} total={pagination?.total} defaultPageSize={DEFAULT_PAGE_SIZE}>
    <Pages.PageSize options={OPTIONS} />
    <Pages.Links />
  </Pages.Root>
);
