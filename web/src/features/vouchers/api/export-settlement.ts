import { downloadFile } from '../../../lib/download';

export function exportSettlement(id: number): Promise<void> {
  return downloadFile(`/api/vouchers/settlements/${id}/export`, `创新券结算批次-${id}.xlsx`);
}
