/**
 * A book is data: its code, its name, its account kinds with their sign rules and owner types,
 * and (optionally) the movement kinds it allows. Defining one needs no change to the kernel.
 */
export interface AccountKindRule {
  /** The balance may go below zero. Default false: the database refuses a negative balance. */
  mayGoNegative?: boolean;
  /** The balance may go above zero. Default true; false for contra accounts, which only carry the other side. */
  mayGoPositive?: boolean;
  /** The owner type every account of this kind has ('holder', 'enterprise', …); none when omitted. */
  owner?: string;
}

export interface KindRule {
  mayGoNegative: boolean;
  mayGoPositive: boolean;
  owner: string | null;
}

export interface BookDefinition<K extends string, M extends string> {
  /** Stable code, e.g. 'vouchers' (lower case, digits, underscores); never renamed. */
  code: string;
  name: string;
  accountKinds: Record<K, AccountKindRule>;
  /** The movement kinds the book allows; any kind when omitted. */
  movementKinds?: readonly M[];
}

export interface Book<K extends string = string, M extends string = string> {
  readonly code: string;
  readonly name: string;
  readonly accountKinds: Readonly<Record<K, KindRule>>;
  readonly movementKinds: readonly M[] | null;
}

/** An account of a book: its kind, the sub-ledger (scope) it belongs to, and its owner. */
export interface AccountRef<K extends string = string> {
  kind: K;
  /** A sub-ledger of the book, e.g. the voucher policy; 0 when the book has none. */
  scope?: number;
  owner?: Owner | null;
}

export interface Owner {
  type: string;
  id: number;
}

const books = new Map<string, Book>();

/**
 * Defines a book. The same code defined twice must be defined the same way (a module loaded
 * twice is fine, two books sharing a code is a mistake).
 */
export function defineBook<const K extends string, const M extends string = string>(def: BookDefinition<K, M>): Book<K, M> {
  if (!/^[a-z][a-z0-9_]*$/.test(def.code)) {
    throw new Error(`ledger book code '${def.code}' must be lower case letters, digits and underscores`);
  }
  const kinds = Object.entries(def.accountKinds) as [K, AccountKindRule][];
  if (kinds.length === 0) {
    throw new Error(`ledger book '${def.code}' has no account kinds`);
  }
  const accountKinds = {} as Record<K, KindRule>;
  for (const [kind, rule] of kinds) {
    const r: KindRule = { mayGoNegative: rule.mayGoNegative ?? false, mayGoPositive: rule.mayGoPositive ?? true, owner: rule.owner ?? null };
    if (!r.mayGoNegative && !r.mayGoPositive) {
      throw new Error(`ledger book '${def.code}': account kind '${kind}' could never hold anything`);
    }
    accountKinds[kind] = r;
  }
  const book: Book<K, M> = Object.freeze({
    code: def.code,
    name: def.name,
    accountKinds: Object.freeze(accountKinds),
    movementKinds: def.movementKinds ? Object.freeze([...def.movementKinds]) : null,
  });
  const known = books.get(def.code);
  if (known && JSON.stringify(known) !== JSON.stringify(book)) {
    throw new Error(`ledger book '${def.code}' is already defined differently`);
  }
  books.set(def.code, book);
  return book;
}

/** The canonical text of an account key within a book (cache key). */
export function keyText(ref: AccountRef): string {
  return `${ref.scope ?? 0}|${ref.kind}|${ref.owner ? `${ref.owner.type}:${ref.owner.id}` : ''}`;
}

/** Checks an account reference against the book's definition (kind known, owner of the right type). */
export function assertAccountRef(book: Book, ref: AccountRef): KindRule {
  const rule = (book.accountKinds as Record<string, KindRule>)[ref.kind];
  if (!rule) {
    throw new Error(`ledger book '${book.code}' has no account kind '${ref.kind}'`);
  }
  const ownerType = ref.owner?.type ?? null;
  if (ownerType !== rule.owner) {
    throw new Error(`ledger book '${book.code}': a '${ref.kind}' account is owned by ${rule.owner ?? 'nobody'}, not ${ownerType ?? 'nobody'}`);
  }
  if (ref.owner && !Number.isSafeInteger(ref.owner.id)) {
    throw new Error(`ledger book '${book.code}': owner id ${ref.owner.id} is not an integer`);
  }
  if (ref.scope !== undefined && !Number.isSafeInteger(ref.scope)) {
    throw new Error(`ledger book '${book.code}': scope ${ref.scope} is not an integer`);
  }
  return rule;
}
