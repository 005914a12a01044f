import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useDocumentTitle } from '../lib/use-document-title';

/** The page's one <h1>, with its actions on the right. `isName`: the title is data (an enterprise's or a
 * project's name), marked translate="no" so that it stays as it is in every language. */
export function PageTitle({ title, extra, children, isName }: { title: ReactNode; extra?: ReactNode; children?: ReactNode; isName?: boolean }) {
  useDocumentTitle(typeof title === 'string' ? title : undefined);
  return (
    <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
      <div>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }} translate={isName ? 'no' : undefined}>
          {title}
        </Typography.Title>
        {children}
      </div>
      {extra ? (
        <Flex gap={8} wrap>
          {extra}
        </Flex>
      ) : null}
    </Flex>
  );
}
