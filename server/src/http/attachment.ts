import type { FastifyReply } from 'fastify';

/** Sends a stored file as a download: its MIME type, its name (RFC 5987, ASCII fallback), never sniffed by the browser. */
export function sendAttachment(reply: FastifyReply, file: { mimeType: string; fileName: string; content: Buffer }, asciiName = 'attachment'): FastifyReply {
  return reply
    .header('content-type', file.mimeType)
    .header('content-disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .header('x-content-type-options', 'nosniff')
    .send(file.content);
}
