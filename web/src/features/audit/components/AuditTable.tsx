import { Col, Row, Tag, Typography } from 'antd';
import type { ComponentProps, ReactNode } from 'react';
import { Link } from 'react-router';
import { DataTable, type DataColumn } from '../../../components/DataTable';
import { formatDateTime } from '../../../lib/format';
import { useMessages } from '../../../lib/i18n';
import type { AuditItem, AuditPage } from '../api/list-audit';
import { actionName, objectTypeName } from '../labels';
import { auditMessages } from '../messages';

function Json({ value, label }: { value: unknown; label: string }) {
  return (
    <div>
      <Typography.Text strong>{label}</Typography.Text>
      {value === null || value === undefined ? (
        <Typography.Paragraph type="secondary">—</Typography.Paragraph>
      ) : (
        <pre className="json-view" tabIndex={0}>
          {JSON.stringify(value, null, 2)}
        </pre>
      )}
    </div>
  );
}

const actionColor = (a: string) =>
  /delete|revoke|locked|failed|disable/.test(a) ? 'red' : /create|import|login$/.test(a) ? 'green' : /update|change|reset/.test(a) ? 'blue' : 'default';

type Table = ComponentProps<typeof DataTable<AuditItem>>;

interface Props {
  /** The log's react-query result (its loading / refused / failed states show in the table). */
  query: Table['query'] & { data?: AuditPage };
  filters: ReactNode;
  keyset: Table['keyset'];
  exportFile: Table['exportFile'];
}

export function AuditTable({ query, filters, keyset, exportFile }: Props) {
  const t = useMessages(auditMessages);
  const columns: DataColumn<AuditItem>[] = [
    { key: 'at', title: t('audit.time'), dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v) },
    {
      title: t('audit.actor'),
      key: 'actor',
      width: 140,
      render: (_, r) => (
        <>
          {r.actorName}
          {r.actorId !== null ? <Typography.Text type="secondary"> #{r.actorId}</Typography.Text> : null}
        </>
      ),
    },
    { key: 'action', title: t('audit.action'), dataIndex: 'action', render: (a: string) => (
        <Tag color={actionColor(a)} title={a}>
          {actionName(t, a)}
        </Tag>
      ),
    },
    {
      title: t('audit.object'),
      key: 'object',
      width: 170,
      render: (_, r) =>
        r.objectType === 'enterprise' ? (
          <Link to={`/enterprises/${r.objectId}`} title={r.objectType}>
            {objectTypeName(t, r.objectType)} #{r.objectId}
          </Link>
        ) : (
          <span title={r.objectType}>
            {objectTypeName(t, r.objectType)} #{r.objectId}
          </span>
        ),
    },
    {
      key: 'requestId',
      title: t('audit.requestId'),
      dataIndex: 'requestId',
      width: 150,
      render: (v: string | null) =>
        v ? (
          <Typography.Text code copyable={{ text: v }} title={v}>
            {v.length > 12 ? `${v.slice(0, 8)}…` : v}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
    { key: 'ip', title: 'IP', dataIndex: 'ip', width: 130, render: (v: string | null) => v ?? '—' },
  ];
  return (
    <DataTable<AuditItem>
      tableId="audit.log"
      rowKey="id"
      columns={columns}
      query={query}
      rows={query.data?.items}
      filters={filters}
      keyset={keyset}
      exportFile={exportFile}
      scroll={{ x: 1000 }}
      data-testid="audit-table"
      expandable={{
        rowExpandable: (r) => (r.before !== null && r.before !== undefined) || (r.after !== null && r.after !== undefined),
        expandedRowRender: (r) => (
          <Row gutter={16}>
            <Col span={12}>
              <Json label={t('audit.before')} value={r.before} />
            </Col>
            <Col span={12}>
              <Json label={t('audit.after')} value={r.after} />
            </Col>
          </Row>
        ),
      }}
    />
  );
}
