/** Test helpers for claim evidence uploads (used by the vouchers tests, never by the app). */
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { multipartFile } from '../../test/factories.js';
import type { Session } from '../../test/harness.js';

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

export function uploadClaimFile(app: FastifyInstance, s: Session, bookingId: number, kind: string, content: Buffer = PDF, fileName = '验收报告.pdf') {
  const file = multipartFile(content, fileName, 'application/pdf');
  return app.inject({ method: 'POST', url: `/api/vouchers/bookings/${bookingId}/files?kind=${kind}`, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...file.headers }, payload: file.payload });
}

/** Uploads the acceptance report and the invoice a claim on the booking needs. */
export async function attachEvidence(app: FastifyInstance, s: Session, bookingId: number): Promise<void> {
  for (const [kind, name] of [
    ['acceptance', '服务验收报告.pdf'],
    ['invoice', '服务发票.pdf'],
  ]) {
    const r = await uploadClaimFile(app, s, bookingId, kind, PDF, name);
    expect(r.statusCode, r.body).toBe(201);
  }
}
