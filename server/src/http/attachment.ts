import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { XLSX_MIME } from '../lib/xlsx.js';

/** Sends a file as a download: its MIME type, its name (RFC 5987, ASCII fallback), never sniffed by the browser. */
export function sendAttachment(reply: FastifyReply, file: { mimeType: string; fileName: string; content: Buffer | Readable }, asciiName = 'attachment'): FastifyReply {
  return reply
    .header('content-type', file.mimeType)
    .header('content-disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .header('x-content-type-options', 'nosniff')
    .send(file.content);
}

/** Sends a workbook (a buffer, or the stream of lib/xlsx's writer) as `fileName`. */
export const sendXlsx = (reply: FastifyReply, fileName: string, body: Buffer | Readable): FastifyReply => sendAttachment(reply, { mimeType: XLSX_MIME, fileName, content: body }, 'export.xlsx');
