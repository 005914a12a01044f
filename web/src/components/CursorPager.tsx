import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Typography } from 'antd';
import type { CursorPager as Pager } from '../lib/use-cursor-pager';
import { useT } from '../lib/i18n';

interface Props {
  pager: Pager;
  nextCursor: string | null | undefined;
  loading?: boolean;
  pageSize: number;
  onPageSizeChange?: (size: number) => void;
  rowsOnPage: number;
}

/** 上一页 / 第 N 页 / 下一页 for keyset-paginated lists (the API gives no total). */
export function CursorPager({ pager, nextCursor, loading, pageSize, onPageSizeChange, rowsOnPage }: Props) {
  const t = useT();
  return (
    <Flex justify="flex-end" align="center" gap={12} style={{ marginTop: 16 }} wrap>
      <Typography.Text type="secondary" aria-live="polite">
        {t('pager.page', { page: pager.page, rows: rowsOnPage })}
      </Typography.Text>
      <Button icon={<LeftOutlined />} disabled={!pager.hasPrev || loading} onClick={pager.prev} data-testid="pager-prev">
        {t('pager.prev')}
      </Button>
      <Button
        disabled={!nextCursor || loading}
        onClick={() => nextCursor && pager.next(nextCursor)}
        data-testid="pager-next"
      >
        {t('pager.next')} <RightOutlined />
      </Button>
      {onPageSizeChange ? (
        <Select
          aria-label={t('pager.pageSize')}
          value={pageSize}
          style={{ width: 110 }}
          onChange={onPageSizeChange}
          options={[20, 50, 100].map((n) => ({ value: n, label: t('pager.perPage', { n }) }))}
        />
      ) : null}
    </Flex>
  );
}
