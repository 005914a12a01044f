import { Alert, Card, Input, Radio, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { errorMessage } from '../../../lib/form-errors';
import { usePolicies, type PolicyQuery } from '../api/policies';

export const STATUS_COLOR: Record<string, string> = { in_force: 'green', repealed: 'default', amended: 'orange' };

/** 政策库 (public): search by title, document number, issuer or full text. */
export default function PublicPoliciesPage() {
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<PolicyQuery['status']>();
  const [page, setPage] = useState(1);
  const list = usePolicies({ q: q || undefined, status, limit: 20, offset: (page - 1) * 20 });
  return (
    <>
      <PageTitle title="政策库">
        <Typography.Text type="secondary">科技创新政策文件：可按标题、文号、发文机关或全文检索。</Typography.Text>
      </PageTitle>
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            aria-label="检索政策"
            placeholder="输入关键词，如 众创空间、国科发火〔2016〕32号"
            allowClear
            enterButton="检索"
            style={{ width: 420 }}
            onSearch={(v) => {
              setQ(v.trim());
              setPage(1);
            }}
          />
          <Radio.Group value={status ?? 'all'} optionType="button" onChange={(e) => setStatus(e.target.value === 'all' ? undefined : e.target.value)}>
            <Radio.Button value="all">全部</Radio.Button>
            <Radio.Button value="in_force">现行有效</Radio.Button>
            <Radio.Button value="repealed">已废止</Radio.Button>
            <Radio.Button value="amended">已修订</Radio.Button>
          </Radio.Group>
        </Space>
        {list.error ? <Alert type="error" showIcon message={errorMessage(list.error)} /> : null}
        <Table
          rowKey="id"
          data-testid="policy-results"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showTotal: (n) => `共 ${n} 件` }}
          locale={{ emptyText: q ? `没有找到与“${q}”相关的政策` : '暂无政策' }}
          columns={[
            {
              title: '标题',
              dataIndex: 'title',
              render: (v: string, p) => (
                <>
                  <Link to={`/public/policies/${p.id}`}>《{v}》</Link>
                  {p.snippet ? <div style={{ color: '#888', fontSize: 12 }}>{p.snippet}</div> : null}
                </>
              ),
            },
            { title: '文号', dataIndex: 'docNo', width: 200, render: (v: string | null) => v ?? '—' },
            { title: '发文机关', dataIndex: 'issuer', width: 180 },
            { title: '发布日期', dataIndex: 'issuedOn', width: 110, render: (v: string | null) => v ?? '—' },
            { title: '状态', dataIndex: 'statusName', width: 90, render: (v: string, p) => <Tag color={STATUS_COLOR[p.status]}>{v}</Tag> },
          ]}
        />
      </Card>
    </>
  );
}
