import { Col, Row, Table, Tag, Typography, type TableProps } from 'antd';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/format';
import { useMessages } from '../../../lib/i18n';
import type { AuditItem } from '../api/list-audit';
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

export function AuditTable({ items, loading }: { items: AuditItem[]; loading: boolean }) {
  const t = useMessages(auditMessages);
  const columns: TableProps<AuditItem>['columns'] = [
    { title: t('audit.time'), dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v) },
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
    { title: t('audit.action'), dataIndex: 'action', render: (a: string) => (
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
    { title: 'IP', dataIndex: 'ip', width: 130, render: (v: string | null) => v ?? '—' },
  ];
  return (
    <Table<AuditItem>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
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
