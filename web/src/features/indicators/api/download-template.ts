import { downloadFile } from '../../../lib/download';

export function downloadTemplate(kind: 'reported' | 'targets', fileName: string): Promise<void> {
  return downloadFile(`/api/indicators/imports/${kind}/template`, fileName);
}
