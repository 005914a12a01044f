import type { FastifyError, FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

/**
 * Reads the one uploaded file of a multipart request into memory. A malformed multipart body
 * (no boundary, truncated data) is the client's fault: 400, not a 5xx from the parser.
 */
export async function readSingleUpload(request: FastifyRequest, maxBytes: number): Promise<{ buffer: Buffer; filename: string }> {
  if (!request.isMultipart()) {
    throw new AppError('unsupported_media_type', '请以 multipart/form-data 上传文件（字段名 file）');
  }
  try {
    const file = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
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
