import { Flex, Spin } from 'antd';
import { useT } from '../lib/i18n';

export function PageLoading({ fullScreen = false }: { fullScreen?: boolean }) {
  const t = useT();
  return (
    <Flex align="center" justify="center" style={{ minHeight: fullScreen ? '100vh' : 240 }} role="status">
      <Spin description={t('common.loading')} />
    </Flex>
  );
}
