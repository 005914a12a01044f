import { useMutation } from '@tanstack/react-query';
import { downloadFile } from '../../../../lib/download';

export function downloadCertificate(id: number, certificateNo: string): Promise<void> {
  return downloadFile(`/api/recognitions/${id}/certificate.docx`, `${certificateNo}.docx`);
}

export function useDownloadCertificate() {
  return useMutation({ mutationFn: (v: { id: number; certificateNo: string }) => downloadCertificate(v.id, v.certificateNo) });
}
