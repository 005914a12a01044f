import type { Tx } from '../../db/client.js';
import type { RequestContext } from '../../http/context.js';
import type { Book } from '../ledger/index.js';
import type { PaymentOrder } from './payments.repo.js';

/**
 * What an instrument pays (or takes back): a payable is data registered at import of the
 * instrument's index — its stable code, its label on the payment desk, its ledger book, where the
 * desk links to, and hooks that run inside the kernel's transaction.
 */
export interface PayableDef {
  /** Stable code (lower case letters, digits, underscores); never renamed. */
  code: string;
  /** The label on the payment desk, e.g. 科技计划项目拨款. */
  name: string;
  /** The ledger book the order's debit and credit accounts belong to. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  book: Book<any, any>;
  /** The movement kind approval posts for a payment (default 'pay') and for money coming back (default 'clawback'). */
  movementKinds?: { out?: string; in?: string };
  /** Where the desk links to (the instrument's page of the case), optional. */
  href?: (order: PaymentOrder) => string | null;
  /** Runs in the approving transaction, after the ledger movement. */
  onApproved?: (tx: Tx, ctx: RequestContext, order: PaymentOrder) => Promise<void>;
  /** Runs in the confirming transaction (advance the instrument's case…). */
  onConfirmed?: (tx: Tx, ctx: RequestContext, order: PaymentOrder) => Promise<void>;
  /** Runs in the cancelling transaction (after the reversal, when the order had been approved). */
  onCancelled?: (tx: Tx, ctx: RequestContext, order: PaymentOrder) => Promise<void>;
}

const registry = new Map<string, PayableDef>();

export function registerPayable(def: PayableDef): PayableDef {
  if (!/^[a-z][a-z0-9_]*$/.test(def.code)) {
    throw new Error(`payable code '${def.code}' must be lower case letters, digits and underscores`);
  }
  const known = registry.get(def.code);
  if (known && known.book.code !== def.book.code) {
    throw new Error(`payable '${def.code}' is already registered on another book`);
  }
  registry.set(def.code, def);
  return def;
}

export function payableOf(code: string): PayableDef | null {
  return registry.get(code) ?? null;
}

export function payables(): PayableDef[] {
  return [...registry.values()].sort((a, b) => a.code.localeCompare(b.code));
}
