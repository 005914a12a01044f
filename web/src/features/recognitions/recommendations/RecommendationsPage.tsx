import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { PageTitle } from '../../../components/PageTitle';
import { api, unwrap, type BodyOf, type ResponseOf } from '../../../lib/api';
import { businessDayjs } from '../../../lib/business-clock';
import { downloadFile } from '../../../lib/download';
import { applyFieldErrors, errorMessage } from '../../../lib/form-errors';
import { hasAnyRole, useSession } from '../../../lib/session';
import { RECOGNITION_TYPE_NAMES } from '../labels';

type Item = ResponseOf<'/api/recognition-recommendations', 'get'>['items'][number];
type ResultForm = { recognised: boolean; docNo: string; resultOn?: Dayjs; certificateNo?: string; comment?: string };
const UPPER_TYPES = ['hnte', 'tase', 'tech_sme', 'rd_center_provincial', 'research_institute_provincial', 'research_institute_provincial_key'];

/** 推荐上报 (city officer): types decided above the city — batch lists for the upper body, and the upper body's results recorded per case. */
export default function RecommendationsPage() {
  const me = useSession();
  const canAct = hasAnyRole(me, ['city_officer']);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [type, setType] = useState('hnte');
  const [state, setState] = useState<'pending' | 'recorded' | 'all'>('pending');
  const [picked, setPicked] = useState<number[]>([]);
  const [row, setRow] = useState<Item | null>(null);
  const [form] = Form.useForm<ResultForm>();
  const list = useQuery({ queryKey: ['recommendations', type, state], queryFn: () => unwrap(api.GET('/api/recognition-recommendations', { params: { query: { type: type as never, state } } })) });
  const batches = useQuery({ queryKey: ['recommendations', 'batches', type], queryFn: () => unwrap(api.GET('/api/recognition-batches', { params: { query: { type: type as never } } })) });
  const refresh = () => qc.invalidateQueries({ queryKey: ['recommendations'] });
  const batch = useMutation({ mutationFn: (body: BodyOf<'/api/recognition-batches', 'post'>) => unwrap(api.POST('/api/recognition-batches', { body })), onSuccess: refresh });
  const record = useMutation({
    mutationFn: (v: { id: number; body: BodyOf<'/api/recognition-applications/{id}/upper-result', 'post'> }) => unwrap(api.POST('/api/recognition-applications/{id}/upper-result', { params: { path: { id: v.id } }, body: v.body })),
    onSuccess: refresh,
  });
  const makeBatch = async () => {
    const items = (list.data?.items ?? []).filter((i) => picked.includes(i.applicationId));
    const year = items[0]?.year ?? 2016;
    try {
      const b = await batch.mutateAsync({ type: type as never, year, title: `${year}年度${RECOGNITION_TYPE_NAMES[type]}推荐名单（${new Date().toLocaleDateString('zh-CN')}）`, applicationIds: picked });
      message.success(`已生成推荐上报批次：${b.total} 家`);
      setPicked([]);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  const submit = async (v: ResultForm) => {
    try {
      const r = await record.mutateAsync({ id: row!.applicationId, body: { recognised: v.recognised, docNo: v.docNo, resultOn: v.resultOn?.format('YYYY-MM-DD') ?? '', certificateNo: v.recognised ? v.certificateNo || undefined : undefined, comment: v.comment || undefined } });
      message.success(r.certificateNo ? `已登记，证书编号 ${r.certificateNo}` : '已登记上级认定结果');
      setRow(null);
      form.resetFields();
    } catch (err) {
      applyFieldErrors(form, err, ['recognised', 'docNo', 'resultOn', 'certificateNo', 'comment']);
    }
  };
  const recognised = Form.useWatch('recognised', form);
  return (
    <>
      <PageTitle title="推荐上报与认定结果">
        <Typography.Text type="secondary">国家高新技术企业、技术先进型服务企业、省科技型中小企业、省级研发中心和企业研究院由上级认定：公示期满后推荐上报，上级认定结果（文号、日期）在此登记，证书与有效期随之生效。</Typography.Text>
      </PageTitle>
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <Select aria-label="认定类型" style={{ width: 240 }} value={type} onChange={(v) => { setType(v); setPicked([]); }} options={UPPER_TYPES.map((t) => ({ value: t, label: RECOGNITION_TYPE_NAMES[t] }))} />
          <Radio.Group value={state} optionType="button" onChange={(e) => setState(e.target.value)}>
            <Radio.Button value="pending">待上级认定</Radio.Button>
            <Radio.Button value="recorded">已登记结果</Radio.Button>
            <Radio.Button value="all">全部</Radio.Button>
          </Radio.Group>
          {canAct ? (
            <Button type="primary" disabled={!picked.length} loading={batch.isPending} onClick={makeBatch}>
              生成推荐上报批次（{picked.length}）
            </Button>
          ) : null}
        </Space>
        {list.error ? <Alert type="error" showIcon message={errorMessage(list.error)} /> : null}
        <Table
          rowKey="applicationId"
          size="small"
          data-testid="recommendations"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          rowSelection={canAct ? { selectedRowKeys: picked, onChange: (k) => setPicked(k as number[]), getCheckboxProps: (r) => ({ disabled: r.batchId !== null }) } : undefined}
          columns={[
            { title: '企业', dataIndex: 'enterpriseName' },
            { title: '区县', dataIndex: 'districtName', width: 80 },
            { title: '推荐日期', dataIndex: 'recommendedOn', width: 110 },
            { title: '上报批次', dataIndex: 'batchTitle', width: 220, render: (v: string | null) => v ?? <Tag>未上报</Tag> },
            { title: '上级认定结果', width: 240, render: (_, r) => (r.result ? `${r.resultName}（${r.resultDocNo}，${r.resultOn}）` : <Tag color="gold">{r.resultName}</Tag>) },
            { title: '证书', dataIndex: 'certificateNo', width: 160, render: (v: string | null, r) => (v ? `${v}（至 ${r.validUntil ?? '长期'}）` : '—') },
            {
              title: '操作',
              width: 110,
              render: (_, r) =>
                canAct && !r.result ? (
                  <Button size="small" onClick={() => { setRow(r); form.setFieldsValue({ recognised: true, resultOn: businessDayjs() }); }}>
                    登记结果
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <Card title="推荐上报批次" style={{ marginTop: 16 }}>
        <Table
          rowKey="id"
          size="small"
          dataSource={batches.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: '暂无' }}
          columns={[
            { title: '批次', dataIndex: 'title' },
            { title: '报送', dataIndex: 'upperBody', width: 220 },
            { title: '日期', dataIndex: 'submittedOn', width: 110 },
            { title: '名单', width: 200, render: (_, b) => `${b.total} 家（认定 ${b.recognised}，未予认定 ${b.notRecognised}）` },
            { title: '', width: 100, render: (_, b) => <Button size="small" onClick={() => downloadFile(`/api/recognition-batches/${b.id}/list.xlsx`, `${b.title}.xlsx`).catch((e) => message.error(errorMessage(e)))}>导出名单</Button> },
          ]}
        />
      </Card>
      <Modal title={`登记上级认定结果：${row?.enterpriseName ?? ''}`} open={!!row} onCancel={() => setRow(null)} onOk={() => form.submit()} confirmLoading={record.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="recognised" label="结果">
            <Radio.Group options={[{ value: true, label: '认定' }, { value: false, label: '未予认定' }]} />
          </Form.Item>
          <Form.Item name="docNo" label="认定文件文号" rules={[{ required: true, message: '请填写文号' }]}>
            <Input placeholder="如 浙科发高〔2015〕120号" />
          </Form.Item>
          <Form.Item name="resultOn" label="认定日期（证书有效期自该日起算）" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker />
          </Form.Item>
          {recognised ? (
            <Form.Item name="certificateNo" label="证书编号（上级核发的；空则按本系统规则编号）">
              <Input />
            </Form.Item>
          ) : null}
          <Form.Item name="comment" label="说明">
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
