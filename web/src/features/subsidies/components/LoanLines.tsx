import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, InputNumber, Space } from 'antd';

/** The loans of a calculation or an application: principal, contract rate, drawdown and repayment days (and bank, contract no.). */
export function LoanLines({ withContract = false }: { withContract?: boolean }) {
  return (
    <Form.List name="loans">
      {(fields, { add, remove }) => (
        <>
          {fields.map((f, i) => (
            <Space key={f.key} align="baseline" wrap style={{ display: 'flex', marginBottom: 4 }}>
              <span style={{ width: 48, display: 'inline-block' }}>第{i + 1}笔</span>
              {withContract ? (
                <>
                  <Form.Item name={[f.name, 'bank']} label="贷款银行" rules={[{ required: true, message: '请填写贷款银行' }]}>
                    <Input style={{ width: 160 }} maxLength={60} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'contractNo']} label="借款合同编号" rules={[{ required: true, message: '请填写借款合同编号' }]}>
                    <Input style={{ width: 160 }} maxLength={60} />
                  </Form.Item>
                </>
              ) : null}
              <Form.Item name={[f.name, 'principal']} label="本金（元）" rules={[{ required: true, message: '请填写贷款本金' }]}>
                <InputNumber min={0} step={100000} precision={2} style={{ width: 150 }} />
              </Form.Item>
              <Form.Item name={[f.name, 'rate']} label="合同年利率（%）" rules={[{ required: true, message: '请填写合同年利率' }]}>
                <InputNumber min={0} step={0.05} precision={4} style={{ width: 110 }} />
              </Form.Item>
              <Form.Item name={[f.name, 'startOn']} label="放款日" rules={[{ required: true, message: '请选择放款日' }]}>
                <DatePicker />
              </Form.Item>
              <Form.Item name={[f.name, 'endOn']} label="还款日" rules={[{ required: true, message: '请选择还款日' }]}>
                <DatePicker />
              </Form.Item>
              {fields.length > 1 ? <MinusCircleOutlined aria-label={`删除第${i + 1}笔`} onClick={() => remove(f.name)} /> : null}
            </Space>
          ))}
          <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />}>
            增加一笔贷款
          </Button>
        </>
      )}
    </Form.List>
  );
}
