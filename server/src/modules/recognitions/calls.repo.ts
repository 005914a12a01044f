import type { Executor } from '../../db/client.js';
import type { RecognitionType } from '../../db/schema/index.js';
import { findCallRow, insertCallRow, listCallRows, updateCallRow, type CallRow as KernelCallRow, type NewCallRow as KernelNewCallRow } from '../cases/index.js';
import { INSTRUMENT } from './applications.repo.js';

/** A recognition call: the kernel's call of the instrument `recognitions`, with its form version. */
export type CallRow = Omit<KernelCallRow, 'type' | 'formVersion'> & { type: RecognitionType; formVersion: number };
export type NewCallRow = Omit<KernelNewCallRow, 'instrument' | 'type'> & { type: RecognitionType; formVersion: number };

const typed = (row: KernelCallRow | undefined) => row as CallRow | undefined;

export async function listCalls(db: Executor, f: { type?: RecognitionType; year?: number }): Promise<CallRow[]> {
  return (await listCallRows(db, { instrument: INSTRUMENT, ...f })) as CallRow[];
}

export async function findCall(db: Executor, id: number, forUpdate = false): Promise<CallRow | undefined> {
  return typed(await findCallRow(db, id, { instrument: INSTRUMENT, forUpdate }));
}

export async function insertCall(tx: Executor, row: NewCallRow): Promise<CallRow | undefined> {
  return typed(await insertCallRow(tx, { ...row, instrument: INSTRUMENT }));
}

export async function updateCall(tx: Executor, id: number, set: Partial<NewCallRow>): Promise<CallRow> {
  return (await updateCallRow(tx, id, set)) as CallRow;
}
