import { Alert, Form, Modal, type FormInstance, type FormProps, type ModalProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { ApiError } from '../lib/api';
import { useMessages } from '../lib/i18n';
import { applyFieldErrors, errorMessage } from '../lib/form-errors';
import { componentsMessages } from './messages';

type Props<V> = Omit<ModalProps, 'onOk' | 'confirmLoading' | 'children'> & {
  open: boolean;
  onClose: () => void;
  /** Saves the values; a rejection keeps the modal open with the API's messages on the fields. */
  onSubmit: (values: V) => Promise<unknown>;
  form?: FormInstance<V>;
  initialValues?: Partial<V>;
  layout?: 'vertical' | 'horizontal';
  /** More props of the Form (e.g. scrollToFirstError, a data-testid). */
  formProps?: Omit<FormProps<V>, 'form' | 'layout' | 'initialValues' | 'onFinish' | 'preserve' | 'children'>;
  children: ReactNode;
};

/**
 * An antd Form in a Modal. OK validates and calls `onSubmit`; when the API refuses (400 with
 * `details.fields`), each message lands on its field and the modal stays open; a problem of no field of
 * this form shows above the fields.
 */
export function FormModal<V extends object>({ open, onClose, onSubmit, form: given, initialValues, layout = 'vertical', formProps, children, ...modal }: Props<V>) {
  const t = useMessages(componentsMessages);
  const [own] = Form.useForm<V>();
  const form = given ?? own;
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const submit = async (values: V) => {
    setSaving(true);
    setFailure(null);
    try {
      await onSubmit(values);
      onClose();
    } catch (err) {
      const fields = form.getFieldsError().map((f) => f.name.join('.'));
      const unplaced = applyFieldErrors(form, err, fields);
      const placedAll = err instanceof ApiError && err.fields.length > 0 && unplaced.length === 0;
      if (!placedAll) {
        setFailure(unplaced.length ? unplaced.map((i) => i.message).join(' ') : errorMessage(err));
      }
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      destroyOnHidden
      {...modal}
      open={open}
      onCancel={() => {
        setFailure(null);
        onClose();
      }}
      onOk={() => form.submit()}
      confirmLoading={saving}
    >
      {failure ? <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={t('components.form.failed', { reason: failure })} /> : null}
      <Form<V> {...formProps} form={form} layout={layout} initialValues={initialValues} onFinish={(v) => void submit(v)} preserve={false}>
        {children}
      </Form>
    </Modal>
  );
}
