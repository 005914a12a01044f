import { Alert, Button, Card, Descriptions, Input, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { CaseEventsCard } from '../../../components/CaseEventsCard';
import { PageTitle } from '../../../components/PageTitle';
import { Money, renderMoney } from '../../../components/Money';
import { PageLoading } from '../../../components/PageLoading';
import { QueryFailure } from '../../../components/QueryState';
import { StatusTag } from '../../../components/StatusTag';
import { errorMessage } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import { downloadAttachment, useApplication, useApplicationAction, useUploadAttachment } from '../api/applications';
import { fillNodes, useMessages } from '../../../lib/i18n';
import { subsidiesMessages } from '../messages';

const BUCKETS = ['1y', '1-5y', '5y+'] as const;
const isBucket = (b: string): b is (typeof BUCKETS)[number] => (BUCKETS as readonly string[]).includes(b);

/** One subsidy application: loans, the calculator's lines, attachments, the steps taken and the next one. */
export default function ApplicationPage() {
  const t = useMessages(subsidiesMessages);
  const id = Number(useParams().id);
  const q = useApplication(id);
  const act = useApplicationAction();
  const upload = useUploadAttachment();
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const a = q.data;

  const run = (action: string) => {
    setProblem(null);
    act.mutate({ id, body: { action: action as never, comment: comment || null } }, { onSuccess: () => setComment(''), onError: (e) => setProblem(errorMessage(e)) });
  };
  const editable = a && ['draft', 'returned'].includes(a.status) && a.actions.some((x) => x.action === 'submit');

  if (q.isError) {
    return <QueryFailure query={q} />;
  }
  if (!a) {
    return <PageLoading />;
  }
  return (
        <>
          <PageTitle title={t('subsidies.app.title', { year: a.year, programme: a.programmeName })} extra={<Link to="/subsidies/applications">{t('subsidies.app.back')}</Link>}>
            <Space>
              <StatusTag status={a.status} name={a.statusName} />
              {a.next ? <Typography.Text type="secondary">{t('subsidies.app.next', { step: a.next })}</Typography.Text> : null}
              {a.dueOn ? <Typography.Text type="secondary">{t('subsidies.app.due', { date: a.dueOn })}</Typography.Text> : null}
            </Space>
          </PageTitle>
          <Card>
            <Descriptions column={3} size="small" bordered>
              <Descriptions.Item label={t('subsidies.col.enterprise')}>{a.enterpriseName}</Descriptions.Item>
              <Descriptions.Item label={t('subsidies.col.district')}>{a.districtName}</Descriptions.Item>
              <Descriptions.Item label={t('subsidies.app.certificate')}>{a.recognition ? t('subsidies.app.certificateSince', { no: a.recognition.certificateNo, date: a.recognition.issuedOn }) : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('subsidies.contactName')}>{a.contactName}</Descriptions.Item>
              <Descriptions.Item label={t('subsidies.contactPhone')}>{a.contactPhone}</Descriptions.Item>
              <Descriptions.Item label={t('subsidies.app.requested')}>{renderMoney(a.requested)}</Descriptions.Item>
              <Descriptions.Item label={t('subsidies.app.approved')}>{renderMoney(a.approved)}</Descriptions.Item>
              <Descriptions.Item label={t('subsidies.app.approvedOn')}>{a.approvedOn ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('subsidies.app.paidOn')}>{a.paidOn ?? '—'}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title={t('subsidies.app.loans')} style={{ marginTop: 16 }}>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={a.loans.map((l, i) => ({ ...l, line: a.calculation?.lines[i] }))}
              columns={[
                { title: t('subsidies.app.bank'), dataIndex: 'bank' },
                { title: t('subsidies.app.contractNo'), dataIndex: 'contractNo' },
                { title: t('subsidies.loan.principal'), dataIndex: 'principal', align: 'right', render: renderMoney },
                { title: t('subsidies.app.rate'), dataIndex: 'rate' },
                { title: t('subsidies.loan.startOn'), dataIndex: 'startOn' },
                { title: t('subsidies.loan.endOn'), dataIndex: 'endOn' },
                { title: t('subsidies.app.bucket'), render: (_, r) => (r.line ? (isBucket(r.line.bucket) ? t(`subsidies.bucket.${r.line.bucket}`) : r.line.bucket) : '') },
                { title: t('subsidies.calc.rateUsed'), render: (_, r) => r.line?.rateUsed },
                { title: t('subsidies.calc.days'), render: (_, r) => r.line?.days },
                { title: t('subsidies.calc.subsidy'), align: 'right', render: (_, r) => renderMoney(r.line?.subsidy) },
              ]}
            />
            {a.calculation ? (
              <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
                {fillNodes(t('subsidies.app.summary'), {
                  sum: <Money value={a.calculation.sum} />,
                  cap: <Money value={a.calculation.cap} />,
                  amount: (
                    <strong>
                      <Money value={a.calculation.amount} />
                    </strong>
                  ),
                })}
              </Typography.Paragraph>
            ) : null}
          </Card>
          <Card title={t('subsidies.app.attachments')} style={{ marginTop: 16 }}>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={a.attachments}
              columns={[
                { title: t('subsidies.app.attachmentType'), dataIndex: 'codeName' },
                { title: t('subsidies.app.file'), dataIndex: 'fileName', render: (n: string, r) => <Button type="link" onClick={() => void downloadAttachment(id, r.id, n)}>{n}</Button> },
                { title: t('subsidies.app.uploadedAt'), dataIndex: 'createdAt', render: (d: string) => formatDateTime(d).slice(0, 16) },
              ]}
            />
            {editable ? (
              <Space style={{ marginTop: 12 }}>
                {(['loan_contract', 'interest_receipt'] as const).map((code) => (
                  <Upload
                    key={code}
                    accept=".pdf,.jpg,.jpeg,.png"
                    showUploadList={false}
                    beforeUpload={(file) => {
                      upload.mutate({ id, code, file }, { onError: (e) => setProblem(errorMessage(e)) });
                      return false;
                    }}
                  >
                    <Button loading={upload.isPending}>{code === 'loan_contract' ? t('subsidies.app.uploadContract') : t('subsidies.app.uploadReceipt')}</Button>
                  </Upload>
                ))}
              </Space>
            ) : null}
          </Card>
          {a.payments.length ? (
            <Card title={t('subsidies.app.payments')} size="small" style={{ marginTop: 16 }}>
              {a.payments.map((p) => (
                <div key={p.id}>
                  {fillNodes(t('subsidies.app.payment'), { id: String(p.id), amount: <Money value={p.amount} />, status: p.status })}
                </div>
              ))}
            </Card>
          ) : null}
          {a.actions.length ? (
            <Card title={t('subsidies.app.handle')} style={{ marginTop: 16 }}>
              <Input.TextArea rows={2} maxLength={500} placeholder={t('subsidies.app.commentHint')} value={comment} onChange={(e) => setComment(e.target.value)} style={{ marginBottom: 12 }} />
              <Space wrap>
                {a.actions.map((x) => (
                  <Button key={x.action} type={x.needsComment ? 'default' : 'primary'} danger={x.action.endsWith('reject')} loading={act.isPending} onClick={() => run(x.action)}>
                    {x.name}
                  </Button>
                ))}
              </Space>
            </Card>
          ) : null}
          {problem ? <Alert style={{ marginTop: 12 }} type="error" showIcon message={problem} /> : null}
          <CaseEventsCard events={a.events} />
        </>
  );
}
