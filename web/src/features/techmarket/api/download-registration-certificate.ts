import { downloadFile } from '../../../lib/download';

/** The Word 技术合同登记证明 of a registered contract. */
export function downloadRegistrationCertificate(id: number, fileName: string): Promise<void> {
  return downloadFile(`/api/techmarket/registrations/${id}/certificate.docx`, fileName);
}
