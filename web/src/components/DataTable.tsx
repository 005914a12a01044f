import { Button, Flex, Table, App, type TableColumnType, type TableProps } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useState, type ReactNode } from 'react';
import { downloadFile } from '../lib/download';
import { errorMessage } from '../lib/form-errors';
import { useMessages, useT } from '../lib/i18n';
import type { CursorPager as Pager } from '../lib/use-cursor-pager';
import { ColumnSettings, useHiddenColumns } from './ColumnSettings';
import { CursorPager } from './CursorPager';
import { QueryFailure } from './QueryState';
import { componentsMessages } from './messages';

/** What DataTable reads of a react-query result. */
export interface TableQuery {
  isLoading: boolean;
  /** A refetch or the next page on its way (the rows shown stay until it arrives). */
  isFetching?: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

/** A column with a stable key (column settings remember hidden columns by it). */
export type DataColumn<T> = TableColumnType<T> & { key: string };

type Props<T> = Omit<TableProps<T>, 'columns' | 'dataSource' | 'loading' | 'locale' | 'pagination' | 'title'> & {
  /** Names the table for its saved column settings, e.g. "vouchers.settlements". */
  tableId: string;
  columns: DataColumn<T>[];
  query: TableQuery;
  rows: readonly T[] | undefined;
  /** Filter controls, on the left above the table. */
  filters?: ReactNode;
  /** Buttons on the right above the table, before 导出 and 列设置. */
  actions?: ReactNode;
  /** Keyset paging (the API gives the next page's cursor, no total). */
  keyset?: { pager: Pager; nextCursor: string | null | undefined; pageSize: number; onPageSizeChange?: (size: number) => void };
  /** Client-side pages of a list loaded whole; off with keyset paging. */
  pagination?: TableProps<T>['pagination'];
  /** 导出Excel: the file the API builds for the rows shown (same filters). */
  exportFile?: { url: string; filename: string };
  /** What an empty list says instead of 暂无数据 (e.g. 目前没有正在受理的申报通知). */
  emptyText?: ReactNode;
};

/** Keys of the columns a reader must see without scrolling a wide table sideways: the row's status and actions. */
const KEY_COLUMNS = new Set(['status', 'statusName', 'op', 'ops', 'actions']);

/**
 * In a table that scrolls sideways (scroll.x), the trailing status and action columns stay pinned on the
 * right, so 状态 and 操作 show at 1366 px without scrolling (issue 16). A column that sets `fixed` keeps it.
 */
export function pinKeyColumns<T>(columns: DataColumn<T>[], scrollsSideways: boolean): DataColumn<T>[] {
  if (!scrollsSideways) {
    return columns;
  }
  let first = columns.length;
  while (first > 0 && KEY_COLUMNS.has(columns[first - 1].key) && columns[first - 1].fixed === undefined) {
    first -= 1;
  }
  return columns.map((c, i) => (i >= first ? { ...c, fixed: 'right' as const } : c));
}

/**
 * The list every feature shows: filters, actions, export, column settings, the table and its pager, and a
 * state for each case: loading, empty, refused (403 says so, with the reason) and failed (with a retry).
 */
export function DataTable<T extends object>({ tableId, columns, query, rows, filters, actions, keyset, pagination, exportFile, emptyText: empty, ...table }: Props<T>) {
  const t = useT();
  const tc = useMessages(componentsMessages);
  const { message } = App.useApp();
  const [hidden, setHidden] = useHiddenColumns(tableId);
  const [exporting, setExporting] = useState(false);
  const emptyText = query.isError ? <QueryFailure query={query} /> : query.isLoading ? t('common.loading') : (empty ?? tc('components.table.empty'));
  const runExport = (file: { url: string; filename: string }) => {
    setExporting(true);
    downloadFile(file.url, file.filename)
      .then(() => void message.success(t('common.exported')), (err: unknown) => void message.error(errorMessage(err)))
      .finally(() => setExporting(false));
  };
  return (
    <>
      <Flex justify="space-between" align="flex-start" gap={12} wrap style={{ marginBottom: 12 }}>
        <Flex gap={8} wrap align="center">
          {filters}
        </Flex>
        <Flex gap={8} wrap align="center">
          {actions}
          {exportFile ? (
            <Button icon={<DownloadOutlined />} loading={exporting} disabled={query.isError} onClick={() => runExport(exportFile)}>
              {t('common.exportExcel')}
            </Button>
          ) : null}
          <ColumnSettings columns={columns.map((c) => ({ key: c.key, title: c.title as ReactNode }))} hidden={hidden} onChange={setHidden} />
        </Flex>
      </Flex>
      <Table<T>
        size="small"
        {...table}
        columns={pinKeyColumns(
          columns.filter((c) => !hidden.includes(c.key)),
          table.scroll?.x !== undefined,
        )}
        dataSource={query.isError ? [] : (rows as T[] | undefined) ?? []}
        loading={query.isLoading || query.isFetching}
        locale={{ emptyText }}
        pagination={keyset ? false : (pagination ?? false)}
      />
      {keyset && !query.isError ? (
        <CursorPager
          pager={keyset.pager}
          nextCursor={keyset.nextCursor}
          loading={query.isLoading || query.isFetching}
          pageSize={keyset.pageSize}
          onPageSizeChange={keyset.onPageSizeChange}
          rowsOnPage={rows?.length ?? 0}
        />
      ) : null}
    </>
  );
}
