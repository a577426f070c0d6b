import { Box, Flex, Typography } from '@strapi/design-system';
import type { ReactNode } from 'react';

/** One titled white card of the datasheet, as the admin draws its panels. */
export const OrderCard = ({ title, children }: { title: string; children: ReactNode }) => (
  <Box
    background="neutral0"
    hasRadius
    shadow="filterShadow"
    paddingTop={6}
    paddingBottom={6}
    paddingLeft={7}
    paddingRight={7}
  >
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Typography variant="delta" tag="h2">
        {title}
      </Typography>
      {children}
    </Flex>
  </Box>
);
