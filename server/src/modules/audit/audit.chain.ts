import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Db, Executor } from '../../db/client.js';
import { GENESIS_HASH, chainHash, checkpointValid, signCheckpoint, type Checkpoint } from './audit.hash.js';
import * as repo from './audit.repo.js';

const BATCH = 2000;

export interface ChainReport {
  intact: boolean;
  /** Chained rows checked. */
  checked: number;
  firstBrokenId: number | null;
  reason: string | null;
  /** The chain's last row after this check. */
  head: { seq: number; hash: string } | null;
  /** Rows written but not chained yet (in-flight transactions; chained on the next pass). */
  pending: number;
}

interface Logger {
  error(obj: unknown, msg?: string): void;
  warn(obj: unknown, msg?: string): void;
}

/**
 * The audit chain, off the hot path. Audited writes insert their rows unchained (no lock, no read of
 * the chain head); this chainer gives committed rows their place (seq) and keyed hashes in batches,
 * in a short transaction of its own under an advisory lock that only chainers take. Rows a crash
 * left unchained are chained at the next start. After each pass the head is anchored outside the
 * table: in memory, and in a signed checkpoint file in the data directory that never moves back.
 */
export class AuditChain {
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  /** The furthest head this process has seen chained. */
  private anchor: { seq: number; hash: string } | null = null;

  constructor(
    private readonly db: Db,
    private readonly key: Buffer,
    private readonly checkpointFile: string | null,
    private readonly log?: Logger,
  ) {}

  /** Chains every committed unchained row; resolves with how many rows this call chained. */
  chainPending(): Promise<number> {
    const run = this.queue.then(() => this.pass());
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Chains now, then every `intervalMs` in the background (unref'd: it never holds the process). */
  start(intervalMs = 1000): void {
    if (this.timer) {
      return;
    }
    const tick = () =>
      void this.chainPending().catch((err: unknown) => this.log?.error({ err }, 'audit chainer failed'));
    tick();
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref();
  }

  /** Stops the background pass and waits for the one running, then chains what is left. */
  async stop(): Promise<void> {
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
    await this.chainPending().catch((err: unknown) => this.log?.error({ err }, 'audit chainer failed'));
  }

  private async pass(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.db.transaction(async (tx) => {
        if (!(await repo.tryLockChain(tx))) {
          return -1; // another process is chaining; it will take these rows
        }
        return this.chainBatch(tx);
      });
      if (n <= 0) {
        break;
      }
      total += n;
      if (n < BATCH) {
        break;
      }
    }
    if (total > 0) {
      await this.writeCheckpoint(await repo.chainHead(this.db));
    }
    return total;
  }

  private async chainBatch(tx: Executor): Promise<number> {
    const rows = await repo.unchainedBatch(tx, BATCH);
    if (rows.length === 0) {
      return 0;
    }
    const head = await repo.chainHead(tx);
    let seq = head?.seq ?? 0;
    let prev = head?.hash ?? GENESIS_HASH;
    const chained = rows.map((row) => {
      seq += 1;
      const hash = chainHash(this.key, prev, { ...row, seq });
      const out = { id: row.id, seq, prevHash: prev, hash };
      prev = hash;
      return out;
    });
    await repo.setChained(tx, chained);
    return rows.length;
  }

  private readCheckpoint(): Checkpoint | null | 'unreadable' {
    if (!this.checkpointFile || !existsSync(this.checkpointFile)) {
      return null;
    }
    try {
      const c = JSON.parse(readFileSync(this.checkpointFile, 'utf8')) as Checkpoint;
      return typeof c.seq === 'number' && typeof c.hash === 'string' && typeof c.mac === 'string' && typeof c.at === 'string' ? c : 'unreadable';
    } catch {
      return 'unreadable';
    }
  }

  /** Moves the anchors forward, never back, and never over a chain that no longer holds the old head. */
  private async writeCheckpoint(head: { seq: number; hash: string } | null): Promise<void> {
    if (!head) {
      return;
    }
    if (!this.anchor || head.seq > this.anchor.seq) {
      this.anchor = head;
    }
    if (!this.checkpointFile) {
      return;
    }
    const current = this.readCheckpoint();
    if (current === 'unreadable' || (current && (current.seq >= head.seq || !checkpointValid(this.key, current)))) {
      return;
    }
    if (current) {
      // the chain must still hold the anchored head, else it is another (older, rewritten) chain
      const at = await repo.chainedAt(this.db, current.seq);
      if (at?.hash !== current.hash) {
        this.log?.error({ checkpoint: current }, 'audit chain no longer holds the anchored head; checkpoint kept');
        return;
      }
    }
    this.saveCheckpoint(head);
  }

  private saveCheckpoint(head: { seq: number; hash: string }): void {
    const file = this.checkpointFile!;
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(signCheckpoint(this.key, head))}\n`, { mode: 0o600 });
    renameSync(tmp, file);
  }

  /** A signed checkpoint of the current head, for an auditor to keep and present to verify later. */
  async checkpoint(): Promise<Checkpoint | null> {
    await this.chainPending();
    const head = await repo.chainHead(this.db);
    return head ? signCheckpoint(this.key, head) : null;
  }

  /**
   * Walks the chain (after chaining what is committed) and checks it against its anchors: the
   * in-memory head, the checkpoint file and, when given, a checkpoint an auditor kept. Detects an
   * edited row, a deleted row or tail, a chain recomputed without the key and a restored older copy.
   */
  async verify(external?: Checkpoint): Promise<ChainReport> {
    await this.chainPending();
    const broken = (checked: number, firstBrokenId: number | null, reason: string, head: ChainReport['head']): ChainReport => ({
      intact: false,
      checked,
      firstBrokenId,
      reason,
      head,
      pending: 0,
    });
    let prev = GENESIS_HASH;
    let seq = 0;
    let checked = 0;
    const hashAt = new Map<number, string>();
    const wanted = new Set<number>();
    const fileCheckpoint = this.readCheckpoint();
    const anchors: { seq: number; hash: string; what: string }[] = [];
    if (fileCheckpoint === 'unreadable') {
      return broken(0, null, '检查点文件无法读取（被改动或损坏）', null);
    }
    for (const [c, what] of [
      [fileCheckpoint, '数据目录中的检查点'],
      [external ?? null, '所提供的检查点'],
    ] as const) {
      if (!c) {
        continue;
      }
      if (!checkpointValid(this.key, c)) {
        return broken(0, null, `${what}签名无效（被改动或伪造）`, null);
      }
      anchors.push({ seq: c.seq, hash: c.hash, what });
    }
    if (this.anchor) {
      anchors.push({ ...this.anchor, what: '本进程记录的链头' });
    }
    for (const a of anchors) {
      wanted.add(a.seq);
    }
    for (;;) {
      const batch = await repo.chainBatch(this.db, seq, BATCH);
      if (batch.length === 0) {
        break;
      }
      for (const row of batch) {
        const head = seq ? { seq, hash: prev } : null;
        if (row.seq !== seq + 1) {
          return broken(checked, row.id, `链接断裂：第 ${seq + 1} 条起的记录被删除`, head);
        }
        if (row.prevHash !== prev) {
          return broken(checked, row.id, '链接断裂：前序哈希不匹配（记录被删除、插入或链被重算）', head);
        }
        if (chainHash(this.key, prev, { ...row, seq: seq + 1 }) !== row.hash) {
          return broken(checked, row.id, '内容被篡改：哈希不匹配（记录被改动或链被重算）', head);
        }
        prev = row.hash;
        seq += 1;
        checked++;
        if (wanted.has(seq)) {
          hashAt.set(seq, prev);
        }
      }
    }
    const head = seq ? { seq, hash: prev } : null;
    for (const a of anchors) {
      if (a.seq > seq) {
        return broken(checked, null, `${a.what}记录链长 ${a.seq} 条，现仅 ${seq} 条：末尾记录被删除或恢复了较旧的副本`, head);
      }
      if (hashAt.get(a.seq) !== a.hash) {
        return broken(checked, null, `${a.what}的第 ${a.seq} 条哈希与现有链不符：链被重算或恢复了其他副本`, head);
      }
    }
    return { intact: true, checked, firstBrokenId: null, reason: null, head, pending: await repo.countUnchained(this.db) };
  }
}
