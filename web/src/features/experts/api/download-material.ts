import { downloadFile } from '../../../lib/download';

/** Opens one of the case's materials for reading (the server audits every download). */
export function downloadMaterial(memberId: number, file: { id: number; fileName: string }): Promise<void> {
  return downloadFile(`/api/expert/assignments/${memberId}/materials/${file.id}`, file.fileName);
}
