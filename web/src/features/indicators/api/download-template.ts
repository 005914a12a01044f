import { downloadFile } from '../../../lib/download';

export function downloadTemplate(kind: 'reported' | 'targets'): Promise<void> {
  return downloadFile(`/api/indicators/imports/${kind}/template`, kind === 'reported' ? '统计数据导入模板.xlsx' : '目标导入模板.xlsx');
}
