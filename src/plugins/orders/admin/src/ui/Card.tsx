import { Box, Flex, Typography, type BoxProps } from '@strapi/design-system';
import type { ElementType, ReactNode } from 'react';

/** How the admin draws a panel on the page. */
const PANEL = { background: 'neutral0', hasRadius: true, shadow: 'filterShadow' } as const;

/** A white panel: the stock item's figures, form and ledger, the settings' sections. */
export const Panel = <C extends ElementType = 'div'>(props: BoxProps<C>) => <Box<C> {...PANEL} padding={6} {...props} />;

/** One titled card of the datasheet, a little wider inside; `action` sits beside the title. */
export const Card = ({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) => (
  <Box {...PANEL} paddingTop={6} paddingBottom={6} paddingLeft={7} paddingRight={7}>
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
