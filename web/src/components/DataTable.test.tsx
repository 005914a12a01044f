import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../lib/api';
import { DataTable, pinKeyColumns, type DataColumn, type TableQuery } from './DataTable';

interface Row {
  id: number;
  name: string;
  amount: number;
}

const columns: DataColumn<Row>[] = [
  { key: 'name', title: '服务机构', dataIndex: 'name' },
  { key: 'amount', title: '金额', dataIndex: 'amount' },
];

const settled: TableQuery = { isLoading: false, isError: false, error: null, refetch: () => undefined };

function renderTable(query: TableQuery, rows: Row[] | undefined, extra: Partial<Parameters<typeof DataTable<Row>>[0]> = {}) {
  return render(
    <App>
      <DataTable<Row> tableId="test.rows" rowKey="id" columns={columns} query={query} rows={rows} {...extra} />
    </App>,
  );
}

const headers = () => screen.getAllByRole('columnheader').map((h) => h.textContent);

describe('DataTable', () => {
  it('shows its rows under the columns', () => {
    renderTable(settled, [{ id: 1, name: '之江检测', amount: 1200 }]);
    expect(headers()).toEqual(['服务机构', '金额']);
    expect(screen.getByText('之江检测')).toBeTruthy();
  });

  it('says 暂无数据 when the list is empty', () => {
    renderTable(settled, []);
    expect(screen.getByText('暂无数据')).toBeTruthy();
  });

  it('while loading says so instead of 暂无数据', () => {
    renderTable({ ...settled, isLoading: true }, undefined);
    expect(screen.queryByText('暂无数据')).toBeNull();
    expect(screen.getAllByText('加载中…').length).toBeGreaterThan(0);
  });

  it('a refusal (403) says the user may not view it, with the reason, never 暂无数据', () => {
    const error = new ApiError(403, 'FORBIDDEN', '结算批次仅限市级查看');
    renderTable({ ...settled, isError: true, error }, undefined);
    const view = screen.getByTestId('forbidden-view');
    expect(view.textContent).toContain('无权查看');
    expect(view.textContent).toContain('结算批次仅限市级查看');
    expect(screen.queryByText('暂无数据')).toBeNull();
  });

  it('a failure shows the error and its retry refetches', async () => {
    const refetch = vi.fn();
    renderTable({ ...settled, isError: true, error: new ApiError(500, 'INTERNAL', '服务器开小差了'), refetch }, undefined);
    expect(screen.getByRole('alert').textContent).toContain('服务器开小差了');
    expect(screen.queryByTestId('forbidden-view')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: /重\s*试/ }));
    expect(refetch).toHaveBeenCalledTimes(1);
  });

  it('column settings hide a column, and it stays hidden when the table is shown again', async () => {
    const first = renderTable(settled, [{ id: 1, name: '之江检测', amount: 1200 }]);
    await userEvent.click(screen.getByRole('button', { name: /列设置/ }));
    await userEvent.click(screen.getByRole('checkbox', { name: '金额' }));
    expect(headers()).toEqual(['服务机构']);
    first.unmount();

    renderTable(settled, [{ id: 1, name: '之江检测', amount: 1200 }]);
    expect(headers()).toEqual(['服务机构']);
    expect(screen.queryByText('1200')).toBeNull();
  });

  it('pages by cursor: 下一页 asks for the page after the cursor the API gave', async () => {
    const pager = { cursor: null, page: 1, hasPrev: false, next: vi.fn(), prev: vi.fn(), reset: vi.fn() };
    renderTable(settled, [{ id: 1, name: '之江检测', amount: 1200 }], { keyset: { pager, nextCursor: 'c2', pageSize: 20 } });
    await userEvent.click(screen.getByTestId('pager-next'));
    expect(pager.next).toHaveBeenCalledWith('c2');
  });

  it('导出Excel fetches the given URL', async () => {
    const fetch = vi.fn(async () => new Response('xlsx', { headers: { 'content-disposition': 'attachment; filename="batches.xlsx"' } }));
    vi.stubGlobal('fetch', fetch);
    try {
      renderTable(settled, [], { exportFile: { url: '/api/vouchers/settlements.xlsx?status=paid', filename: 'batches.xlsx' } });
      await userEvent.click(screen.getByRole('button', { name: /导出Excel/ }));
      expect(fetch).toHaveBeenCalledWith('/api/vouchers/settlements.xlsx?status=paid', expect.anything());
      expect(await screen.findByText('已导出，请查看浏览器下载')).toBeTruthy();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('offers no export of a refused list', () => {
    renderTable({ ...settled, isError: true, error: new ApiError(403, 'FORBIDDEN', '无权限') }, undefined, { exportFile: { url: '/x', filename: 'x.xlsx' } });
    const button = screen.getByRole('button', { name: /导出Excel/ });
    expect(button.hasAttribute('disabled')).toBe(true);
    expect(within(document.body).queryByTestId('pager-next')).toBeNull();
  });
});

describe('pinKeyColumns', () => {
  const wide: DataColumn<Row>[] = [
    { key: 'name', title: '基金名称' },
    { key: 'status', title: '状态' },
    { key: 'amount', title: '金额' },
    { key: 'statusName', title: '状态' },
    { key: 'actions', title: '操作' },
  ];
  const fixedOf = (cs: DataColumn<Row>[]) => cs.map((c) => c.fixed ?? null);

  it('in a table that scrolls sideways, pins the trailing status and action columns on the right, not a status column in the middle', () => {
    expect(fixedOf(pinKeyColumns(wide, true))).toEqual([null, null, null, 'right', 'right']);
  });

  it('leaves a table that fits, and a column that chose its own side, as they are', () => {
    expect(fixedOf(pinKeyColumns(wide, false))).toEqual([null, null, null, null, null]);
    const chosen = wide.map((c) => (c.key === 'actions' ? { ...c, fixed: 'left' as const } : c));
    expect(fixedOf(pinKeyColumns(chosen, true))).toEqual([null, null, null, null, 'left']);
  });
});
