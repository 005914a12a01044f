import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

export interface UploadOptions {
  /** The largest file the route takes; a bigger one is refused with 413 as soon as it passes the limit. */
  maxBytes: number;
  /**
   * The route's role, scope and state checks, run before a byte of the file is read: a refused
   * upload is answered at once (403/404/409) and its body is never buffered.
   */
  authorise: () => unknown;
}

/**
 * Reads the one uploaded file of a multipart request into memory, after the route's own checks
 * have passed. A malformed multipart body (no boundary, truncated data) is the client's fault:
 * 400, not a 5xx from the parser.
 */
export async function readSingleUpload(request: FastifyRequest, opts: UploadOptions): Promise<{ buffer: Buffer; filename: string }> {
  await opts.authorise();
  if (!request.isMultipart()) {
    throw new AppError('unsupported_media_type', '请以 multipart/form-data 上传文件（字段名 file）');
  }
  try {
    const file = await request.file({ limits: { fileSize: opts.maxBytes, files: 1 } });
    if (!file) {
      throw new AppError('validation_failed', '请选择要上传的文件', { fields: [{ field: 'file', message: '请选择要上传的文件' }] });
    }
    return { buffer: await file.toBuffer(), filename: file.filename };
  } catch (err) {
    if (err instanceof AppError || typeof (err as FastifyError).statusCode === 'number') {
      throw err;
    }
    throw new AppError('validation_failed', '上传内容格式不正确，请重新选择文件上传', { fields: [{ field: 'file', message: '上传内容格式不正确' }] });
  }
}

/**
 * A request answered before its body was read (a refused upload, a file over the limit) closes
 * its connection: otherwise Node reads and discards the rest of the body, however large, to keep
 * the connection alive for the next request.
 */
export function closeIfBodyUnread(request: FastifyRequest, reply: FastifyReply): void {
  if (request.raw.complete === false) {
    void reply.header('connection', 'close');
  }
}
