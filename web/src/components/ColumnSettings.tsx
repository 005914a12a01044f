import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Popover, Typography } from 'antd';
import { useCallback, useState, type ReactNode } from 'react';
import { useMessages } from '../lib/i18n';
import { componentsMessages } from './messages';

const storageKey = (tableId: string) => `kechuang.table.${tableId}.hidden`;

function readHidden(tableId: string): string[] {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(storageKey(tableId)) ?? '[]');
    return Array.isArray(saved) ? saved.filter((k): k is string => typeof k === 'string') : [];
  } catch {
    return [];
  }
}

/** The columns a user hid in one table, kept in localStorage per table so they stay hidden next time. */
export function useHiddenColumns(tableId: string): [string[], (hidden: string[]) => void] {
  const [hidden, setHidden] = useState(() => readHidden(tableId));
  const save = useCallback(
    (next: string[]) => {
      setHidden(next);
      try {
        localStorage.setItem(storageKey(tableId), JSON.stringify(next));
      } catch {
        // private mode: the choice lasts for this page only
      }
    },
    [tableId],
  );
  return [hidden, save];
}

/** 列设置: tick the columns to show. */
export function ColumnSettings({ columns, hidden, onChange }: { columns: { key: string; title: ReactNode }[]; hidden: string[]; onChange: (hidden: string[]) => void }) {
  const t = useMessages(componentsMessages);
  const shown = columns.map((c) => c.key).filter((k) => !hidden.includes(k));
  const content = (
    <Flex vertical gap={8}>
      <Typography.Text type="secondary">{t('components.table.columnsHint')}</Typography.Text>
      <Checkbox.Group
        value={shown}
        onChange={(keys) => onChange(columns.map((c) => c.key).filter((k) => !keys.includes(k)))}
        style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
        options={columns.map((c) => ({ value: c.key, label: c.title }))}
      />
      <Button size="small" disabled={!hidden.length} onClick={() => onChange([])}>
        {t('components.table.columnsReset')}
      </Button>
    </Flex>
  );
  return (
    <Popover trigger="click" placement="bottomRight" content={content}>
      <Button icon={<SettingOutlined />}>{t('components.table.columns')}</Button>
    </Popover>
  );
}
