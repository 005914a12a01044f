import { downloadFile } from '../../../lib/download';

/** Downloads a settlement batch's payment list under the file name the caller gives (in the user's language). */
export function exportSettlement(id: number, fileName: string): Promise<void> {
  return downloadFile(`/api/vouchers/settlements/${id}/export`, fileName);
}
