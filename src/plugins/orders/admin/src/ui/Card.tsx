import { Box, Flex, Typography } from '@strapi/design-system';
import type { ReactNode } from 'react';

/** One titled white card of the datasheet, as the admin draws its panels; `action` sits beside the title. */
export const OrderCard = ({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) => (
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
      <Flex justifyContent="space-between" gap={2}>
        <Typography variant="delta" tag="h2">
          {title}
        </Typography>
        {action}
      </Flex>
      {children}
    </Flex>
  </Box>
);
