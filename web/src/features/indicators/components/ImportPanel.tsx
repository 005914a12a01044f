import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Row, Space, Table, Upload } from 'antd';
import { useState } from 'react';
import { ApiError, type RowIssue } from '../../../lib/api';
import { downloadTemplate } from '../api/download-template';
import { useImportFigures } from '../api/import-figures';

const KINDS = [
  { kind: 'reported' as const, title: '外部统计数据', hint: '统计局、知识产权局等公布的数据：每行一个指标、年度、区县（空为全市），注明来源和文件日期。重新导入同一指标年度会整体替换并记入审计。' },
  { kind: 'targets' as const, title: '年度目标', hint: '全市目标（区县留空）及可选的区县分解；区县合计与全市不符时在目标页显示差额。' },
];

/** Officers import reported statistics and targets (Excel or CSV); row-level errors are listed, nothing is imported on error. */
export function ImportPanel() {
  const { message } = App.useApp();
  const mutation = useImportFigures();
  const [errors, setErrors] = useState<RowIssue[]>([]);
  const upload = (kind: 'reported' | 'targets', file: File) => {
    setErrors([]);
    mutation.mutate(
      { kind, file },
      {
        onSuccess: (r) => void message.success(`已导入 ${r.rows} 行，替换原有 ${r.replaced} 行`),
        onError: (e) => {
          if (e instanceof ApiError && e.rows.length > 0) {
            setErrors(e.rows);
          }
          void message.error(e.message);
        },
      },
    );
  };
  return (
    <>
      <Row gutter={12}>
        {KINDS.map((k) => (
          <Col key={k.kind} xs={24} md={12}>
            <Card size="small" title={k.title}>
              <p style={{ fontSize: 13 }}>{k.hint}</p>
              <Space>
                <Button onClick={() => downloadTemplate(k.kind).catch((e: Error) => void message.error(e.message))}>下载模板</Button>
                <Upload
                  accept=".xlsx,.csv"
                  showUploadList={false}
                  beforeUpload={(file) => {
                    upload(k.kind, file);
                    return false;
                  }}
                >
                  <Button type="primary" icon={<UploadOutlined />} loading={mutation.isPending}>
                    上传 Excel/CSV
                  </Button>
                </Upload>
              </Space>
            </Card>
          </Col>
        ))}
      </Row>
      {errors.length > 0 ? (
        <>
          <Alert type="error" showIcon style={{ marginTop: 12 }} title={`文件有 ${errors.length} 处错误，未导入任何数据`} />
          <Table<RowIssue & { key: number }>
            size="small"
            style={{ marginTop: 8 }}
            dataSource={errors.map((e, key) => ({ ...e, key }))}
            pagination={false}
            columns={[
              { title: '行', dataIndex: 'row', width: 60 },
              { title: '列', dataIndex: 'column', width: 120 },
              { title: '问题', dataIndex: 'message' },
            ]}
          />
        </>
      ) : null}
    </>
  );
}
