import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/**
 * The key as a KeyObject, made once per key buffer: createHmac with a raw buffer imports the key
 * again on every call, which cost more than the hash of a row itself (~20 µs of ~30 per row).
 */
const keyObjects = new WeakMap<Buffer, KeyObject>();
function keyObject(key: Buffer): KeyObject {
  let k = keyObjects.get(key);
  if (!k) {
    k = createSecretKey(key);
    keyObjects.set(key, k);
  }
  return k;
}

/** JSON with object keys sorted at every level, so jsonb's key reordering does not change the hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export interface HashedFields {
  id: number;
  seq: number;
  at: Date;
  actorId: number | null;
  actorName: string;
  action: string;
  objectType: string;
  objectId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
}

/**
 * HMAC-SM3 over the previous hash, the row's place in the chain and its canonical content, keyed
 * with a key kept outside the database: whoever can write the table cannot recompute the chain.
 */
export function chainHash(key: Buffer, prevHash: string, row: HashedFields): string {
  const payload = canonicalJson([
    'kc-audit-v2',
    prevHash,
    row.seq,
    row.id,
    row.at.toISOString(),
    row.actorId,
    row.actorName,
    row.action,
    row.objectType,
    row.objectId,
    row.before ?? null,
    row.after ?? null,
    row.requestId,
    row.ip,
  ]);
  return createHmac('sm3', keyObject(key)).update(payload).digest('hex');
}

/** The head of the chain at one moment: how many rows it held and the last one's hash. */
export interface Checkpoint {
  seq: number;
  hash: string;
  at: string;
  mac: string;
}

export function checkpointMac(key: Buffer, c: Omit<Checkpoint, 'mac'>): string {
  return createHmac('sm3', keyObject(key))
    .update(canonicalJson(['kc-audit-checkpoint-v1', c.seq, c.hash, c.at]))
    .digest('hex');
}

export function signCheckpoint(key: Buffer, head: { seq: number; hash: string }, at = new Date()): Checkpoint {
  const c = { seq: head.seq, hash: head.hash, at: at.toISOString() };
  return { ...c, mac: checkpointMac(key, c) };
}

export function checkpointValid(key: Buffer, c: Checkpoint): boolean {
  const expected = Buffer.from(checkpointMac(key, c), 'hex');
  const given = Buffer.from(c.mac, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
