import { Button, Form, Input, Modal, Radio, Select, Table, Tag, message } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { failedTable } from '../../../components/QueryState';
import { orDash } from '../../../lib/format';
import { useSession } from '../../../lib/session';
import { useNationalCases, useRecordNationalResult, type NationalCase, type NationalQuery, type NationalResult } from '../api/national';
import { showErrors } from './errors';

const COLORS: Record<string, string> = { recommended: 'gold', recognised: 'green', not_recognised: 'red' };

/** 国家级推荐上报: the city's recommendations to 科技部 and the results recorded with their document numbers. */
export function NationalTab({ carrierId }: { carrierId?: number }) {
  const me = useSession();
  const isCity = me.roles.includes('city_officer');
  const [status, setStatus] = useState<NationalQuery['status']>(carrierId ? undefined : 'recommended');
  const q = useNationalCases({ status, carrierId });
  const [recording, setRecording] = useState<NationalCase | null>(null);
  return (
    <>
      {carrierId ? null : (
        <Select
          allowClear
          placeholder="全部状态"
          aria-label="推荐状态"
          value={status}
          onChange={setStatus}
          style={{ width: 200, marginBottom: 12 }}
          options={[
            { value: 'recommended', label: '已推荐上报，待上级认定' },
            { value: 'recognised', label: '上级已认定' },
            { value: 'not_recognised', label: '上级未予认定' },
          ]}
        />
      )}
      <Table
        rowKey="id"
        size="small"
        loading={q.isLoading}
        {...failedTable(q)}
        dataSource={q.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: '载体', dataIndex: 'carrierName', render: (v: string, r) => <Link to={`/carriers/${r.carrierId}`}>{v}</Link> },
          { title: '推荐为', dataIndex: 'typeName' },
          { title: '区县', dataIndex: 'districtName', width: 90 },
          { title: '推荐日期', dataIndex: 'recommendedOn', width: 110 },
          { title: '推荐文号', dataIndex: 'recommendDocNo', render: orDash },
          { title: '状态', dataIndex: 'statusName', render: (v: string, r) => <Tag color={COLORS[r.status]}>{v}</Tag> },
          { title: '上级文号（日期）', render: (_, r) => (r.resultDocNo ? `${r.resultDocNo}（${r.resultOn}）` : '—') },
          ...(isCity
            ? [
                {
                  title: '操作',
                  width: 120,
                  render: (_: unknown, r: NationalCase) =>
                    r.status === 'recommended' ? (
                      <Button size="small" onClick={() => setRecording(r)}>
                        登记认定结果
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      {recording ? <ResultDialog n={recording} onClose={() => setRecording(null)} /> : null}
    </>
  );
}

function ResultDialog({ n, onClose }: { n: NationalCase; onClose: () => void }) {
  const [form] = Form.useForm<Omit<NationalResult, 'recognised'> & { recognised: 'yes' | 'no' }>();
  const record = useRecordNationalResult();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await record.mutateAsync({ id: n.id, recognised: v.recognised === 'yes', docNo: v.docNo, resultOn: v.resultOn, issuer: v.issuer || undefined, comment: v.comment || undefined });
      message.success(v.recognised === 'yes' ? `已登记：${n.carrierName}自${v.resultOn}起为${n.typeName}` : '已登记：上级未予认定');
      onClose();
    } catch (err) {
      showErrors(form, err, ['docNo', 'resultOn', 'issuer', 'comment', 'recognised']);
    }
  };
  return (
    <Modal open title={`登记科技部认定结果：${n.carrierName}`} okText="登记" cancelText="取消" onCancel={onClose} onOk={() => void submit()} confirmLoading={record.isPending}>
      <Form form={form} layout="vertical" initialValues={{ recognised: 'yes', issuer: '中华人民共和国科学技术部' }}>
        <Form.Item name="recognised" label="认定结果">
          <Radio.Group options={[{ value: 'yes', label: `认定为${n.typeName}` }, { value: 'no', label: '未予认定' }]} />
        </Form.Item>
        <Form.Item name="docNo" label="上级文件文号" rules={[{ required: true, message: '请填写文号' }]}>
          <Input placeholder="如 国科发高〔2016〕301号" maxLength={60} />
        </Form.Item>
        <Form.Item name="resultOn" label="文件日期" rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: '日期格式应为 YYYY-MM-DD' }]} extra={`不早于推荐日期 ${n.recommendedOn}`}>
          <Input placeholder="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item name="issuer" label="认定机关">
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="comment" label="说明">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
