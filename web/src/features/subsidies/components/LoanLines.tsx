import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, InputNumber, Space } from 'antd';
import { MoneyInput } from '../../../components/MoneyInput';
import { useMessages } from '../../../lib/i18n';
import { subsidiesMessages } from '../messages';

/** The loans of a calculation or an application: principal, contract rate, drawdown and repayment days (and bank, contract no.). */
export function LoanLines({ withContract = false }: { withContract?: boolean }) {
  const t = useMessages(subsidiesMessages);
  return (
    <Form.List name="loans">
      {(fields, { add, remove }) => (
        <>
          {fields.map((f, i) => (
            <Space key={f.key} align="baseline" wrap style={{ display: 'flex', marginBottom: 4 }}>
              <span style={{ width: 48, display: 'inline-block' }}>{t('subsidies.calc.loanNo', { n: i + 1 })}</span>
              {withContract ? (
                <>
                  <Form.Item name={[f.name, 'bank']} label={t('subsidies.loan.bank')} rules={[{ required: true, message: t('subsidies.loan.bankRequired') }]}>
                    <Input style={{ width: 160 }} maxLength={60} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'contractNo']} label={t('subsidies.loan.contractNo')} rules={[{ required: true, message: t('subsidies.loan.contractNoRequired') }]}>
                    <Input style={{ width: 160 }} maxLength={60} />
                  </Form.Item>
                </>
              ) : null}
              <Form.Item name={[f.name, 'principal']} label={t('subsidies.loan.principal')} rules={[{ required: true, message: t('subsidies.loan.principalRequired') }]}>
                <MoneyInput step={100000} style={{ width: 170 }} />
              </Form.Item>
              <Form.Item name={[f.name, 'rate']} label={t('subsidies.loan.rate')} rules={[{ required: true, message: t('subsidies.loan.rateRequired') }]}>
                <InputNumber min={0} step={0.05} precision={4} style={{ width: 110 }} />
              </Form.Item>
              <Form.Item name={[f.name, 'startOn']} label={t('subsidies.loan.startOn')} rules={[{ required: true, message: t('subsidies.loan.startOnRequired') }]}>
                <DatePicker />
              </Form.Item>
              <Form.Item name={[f.name, 'endOn']} label={t('subsidies.loan.endOn')} rules={[{ required: true, message: t('subsidies.loan.endOnRequired') }]}>
                <DatePicker />
              </Form.Item>
              {fields.length > 1 ? <MinusCircleOutlined aria-label={t('subsidies.loan.remove', { n: i + 1 })} onClick={() => remove(f.name)} /> : null}
            </Space>
          ))}
          <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />}>
            {t('subsidies.loan.add')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
