import { Alert, Button, Card, Descriptions, Input, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { CaseEventsCard } from '../../../components/CaseEventsCard';
import { PageTitle } from '../../../components/PageTitle';
import { renderMoney } from '../../../components/Money';
import { PageLoading } from '../../../components/PageLoading';
import { QueryFailure } from '../../../components/QueryState';
import { errorMessage } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import { downloadAttachment, useApplication, useApplicationAction, useUploadAttachment } from '../api/applications';

const BUCKETS: Record<string, string> = { '1y': '一年以内', '1-5y': '一至五年', '5y+': '五年以上' };

/** One subsidy application: loans, the calculator's lines, attachments, the steps taken and the next one. */
export default function ApplicationPage() {
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
          <PageTitle title={`${a.year}年度${a.programmeName}贷款贴息申请`} extra={<Link to="/subsidies/applications">返回列表</Link>}>
            <Space>
              <Tag color="blue">{a.statusName}</Tag>
              {a.next ? <Typography.Text type="secondary">下一步：{a.next}</Typography.Text> : null}
              {a.dueOn ? <Typography.Text type="secondary">办理期限 {a.dueOn}</Typography.Text> : null}
            </Space>
          </PageTitle>
          <Card>
            <Descriptions column={3} size="small" bordered>
              <Descriptions.Item label="企业">{a.enterpriseName}</Descriptions.Item>
              <Descriptions.Item label="区县">{a.districtName}</Descriptions.Item>
              <Descriptions.Item label="认定证书">{a.recognition ? `${a.recognition.certificateNo}（${a.recognition.issuedOn} 起）` : '—'}</Descriptions.Item>
              <Descriptions.Item label="联系人">{a.contactName}</Descriptions.Item>
              <Descriptions.Item label="联系电话">{a.contactPhone}</Descriptions.Item>
              <Descriptions.Item label="测算金额">{renderMoney(a.requested)}</Descriptions.Item>
              <Descriptions.Item label="核定金额">{renderMoney(a.approved)}</Descriptions.Item>
              <Descriptions.Item label="核定日期">{a.approvedOn ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="拨付到账">{a.paidOn ?? '—'}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title="贷款与贴息测算" style={{ marginTop: 16 }}>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={a.loans.map((l, i) => ({ ...l, line: a.calculation?.lines[i] }))}
              columns={[
                { title: '银行', dataIndex: 'bank' },
                { title: '合同编号', dataIndex: 'contractNo' },
                { title: '本金（元）', dataIndex: 'principal', align: 'right', render: renderMoney },
                { title: '合同利率（%）', dataIndex: 'rate' },
                { title: '放款日', dataIndex: 'startOn' },
                { title: '还款日', dataIndex: 'endOn' },
                { title: '档次', render: (_, r) => (r.line ? BUCKETS[r.line.bucket] : '') },
                { title: '适用利率（%）', render: (_, r) => r.line?.rateUsed },
                { title: '计息天数', render: (_, r) => r.line?.days },
                { title: '贴息额（元）', align: 'right', render: (_, r) => renderMoney(r.line?.subsidy) },
              ]}
            />
            {a.calculation ? (
              <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
                逐笔合计 {a.calculation.sum.toFixed(2)} 元，年度上限 {a.calculation.cap.toFixed(2)} 元，可获贴息 <strong>{a.calculation.amount.toFixed(2)} 元</strong>。
              </Typography.Paragraph>
            ) : null}
          </Card>
          <Card title="附件（借款合同、利息支付凭证）" style={{ marginTop: 16 }}>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={a.attachments}
              columns={[
                { title: '类别', dataIndex: 'codeName' },
                { title: '文件', dataIndex: 'fileName', render: (n: string, r) => <Button type="link" onClick={() => void downloadAttachment(id, r.id, n)}>{n}</Button> },
                { title: '上传时间', dataIndex: 'createdAt', render: (d: string) => formatDateTime(d).slice(0, 16) },
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
                    <Button loading={upload.isPending}>{code === 'loan_contract' ? '上传借款合同' : '上传利息支付凭证'}</Button>
                  </Upload>
                ))}
              </Space>
            ) : null}
          </Card>
          {a.payments.length ? (
            <Card title="拨付" size="small" style={{ marginTop: 16 }}>
              {a.payments.map((p) => (
                <div key={p.id}>
                  支付指令 {p.id}：{p.amount.toFixed(2)} 元，{p.status}
                </div>
              ))}
            </Card>
          ) : null}
          {a.actions.length ? (
            <Card title="办理" style={{ marginTop: 16 }}>
              <Input.TextArea rows={2} maxLength={500} placeholder="审核意见（退回、不予贴息须填写）" value={comment} onChange={(e) => setComment(e.target.value)} style={{ marginBottom: 12 }} />
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
