import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';

type Row = Record<string, unknown>;
const rowsOf = (r: unknown): Row[] => (Array.isArray(r) ? (r as Row[]) : ((r as { rows: Row[] }).rows ?? []));

/** How many of the holder's live bookings under the policy are round amounts at ≥ 90% of the allowed maximum. */
export async function countRoundNearMax(tx: Executor, policyId: number, holderId: number, coverageBp: number): Promise<number> {
  const r = rowsOf(
    await tx.execute(sql`
      select count(*)::int as n from voucher_bookings
      where policy_id = ${policyId} and holder_id = ${holderId} and status <> 'cancelled'
        and amount_fen % 100000 = 0
        and amount_fen * 10 >= floor(contract_amount_fen * ${coverageBp}::bigint / 10000) * 9`),
  );
  return Number(r[0]?.n ?? 0);
}

export interface PairLinks {
  holderDistrictId: number;
  sharedContacts: string[];
  shareholding: {
    shareholder: string;
    investee: string;
    shareBp: number;
  } | null;
}

/**
 * Compares the people behind a holder and a provider: legal representative and contact phones
 * and ID numbers (keyed hashes, never clear text), and shareholdings between their registry records.
 */
export async function pairLinks(tx: Executor, holderId: number, providerId: number): Promise<PairLinks | null> {
  const r = rowsOf(
    await tx.execute(sql`
      with h as (
        select vh.district_id, vh.enterprise_id,
               array_remove(array[vh.contact_phone_hash, he.legal_rep_phone_hash, he.contact_phone_hash], null) as phones,
               he.legal_rep_id_hash as id_hash
        from voucher_holders vh left join enterprises he on he.id = vh.enterprise_id
        where vh.id = ${holderId}),
      p as (
        select vp.enterprise_id,
               array_remove(array[vp.contact_phone_hash, pe.legal_rep_phone_hash, pe.contact_phone_hash], null) as phones,
               pe.legal_rep_id_hash as id_hash
        from voucher_providers vp left join enterprises pe on pe.id = vp.enterprise_id
        where vp.id = ${providerId})
      select h.district_id,
             (h.phones && p.phones) as same_phone,
             (h.id_hash is not null and h.id_hash = p.id_hash) as same_person,
             (select json_build_object('shareholder', s.shareholder_enterprise_id, 'investee', s.investee_enterprise_id, 'shareBp', s.share_bp)
                from enterprise_shareholdings s
               where (s.shareholder_enterprise_id = h.enterprise_id and s.investee_enterprise_id = p.enterprise_id)
                  or (s.shareholder_enterprise_id = p.enterprise_id and s.investee_enterprise_id = h.enterprise_id)
               limit 1) as share
      from h, p`),
  );
  const row = r[0];
  if (!row) {
    return null;
  }
  const shared: string[] = [];
  if (row.same_phone) {
    shared.push('联系电话相同');
  }
  if (row.same_person) {
    shared.push('法定代表人身份证号相同');
  }
  const share = row.share ? (typeof row.share === 'string' ? JSON.parse(row.share) : row.share) : null;
  return {
    holderDistrictId: Number(row.district_id),
    sharedContacts: shared,
    shareholding: share
      ? {
          shareholder: String(share.shareholder),
          investee: String(share.investee),
          shareBp: Number(share.shareBp),
        }
      : null,
  };
}

export interface Concentration {
  policyId: number;
  providerId: number;
  claims: number;
  totalFen: number;
  topHolders: number[];
  topShare: number;
}

/** Providers whose redemptions are concentrated on their top three holders. */
export async function concentratedProviders(tx: Executor, minClaims: number, share: number): Promise<Concentration[]> {
  const rows = rowsOf(
    await tx.execute(sql`
      with per as (
        select policy_id, provider_id, holder_id, sum(amount_fen) as fen, count(*) as n
        from voucher_movements where kind = 'redeem' group by policy_id, provider_id, holder_id),
      ranked as (
        select *, row_number() over (partition by policy_id, provider_id order by fen desc, holder_id) as rk,
               sum(fen) over (partition by policy_id, provider_id) as total,
               sum(n) over (partition by policy_id, provider_id) as claims
        from per)
      select policy_id, provider_id, max(claims)::int as claims, max(total)::bigint as total,
             array_agg(holder_id order by rk) filter (where rk <= 3) as top,
             sum(fen) filter (where rk <= 3)::float8 / max(total) as top_share
      from ranked group by policy_id, provider_id
      having max(claims) >= ${minClaims} and sum(fen) filter (where rk <= 3)::float8 / max(total) >= ${share}`),
  );
  return rows.map((r) => ({
    policyId: Number(r.policy_id),
    providerId: Number(r.provider_id),
    claims: Number(r.claims),
    totalFen: Number(r.total),
    topHolders: (r.top as (number | string)[]).map(Number),
    topShare: Math.round(Number(r.top_share) * 1000) / 1000,
  }));
}

export interface LinkedPair {
  policyId: number;
  holderId: number;
  providerId: number;
  holderDistrictId: number;
  sharedContacts: string[];
  shareholding: { shareholder: string; investee: string; shareBp: number } | null;
}

/** pairLinks for every holder–provider pair that booked (optionally under one policy), in one query. */
export async function linkedPairs(tx: Executor, policyId?: number): Promise<LinkedPair[]> {
  const rows = rowsOf(
    await tx.execute(sql`
      with pairs as (
        select distinct policy_id, holder_id, provider_id from voucher_bookings
        where status <> 'cancelled'${policyId === undefined ? sql`` : sql` and policy_id = ${policyId}`}),
      x as (
        select p.policy_id, p.holder_id, p.provider_id, vh.district_id, vh.enterprise_id as h_ent, vp.enterprise_id as p_ent,
               array_remove(array[vh.contact_phone_hash, he.legal_rep_phone_hash, he.contact_phone_hash], null) as h_phones,
               array_remove(array[vp.contact_phone_hash, pe.legal_rep_phone_hash, pe.contact_phone_hash], null) as p_phones,
               he.legal_rep_id_hash as h_id, pe.legal_rep_id_hash as p_id
        from pairs p
        join voucher_holders vh on vh.id = p.holder_id
        join voucher_providers vp on vp.id = p.provider_id
        left join enterprises he on he.id = vh.enterprise_id
        left join enterprises pe on pe.id = vp.enterprise_id)
      select x.policy_id, x.holder_id, x.provider_id, x.district_id,
             (x.h_phones && x.p_phones) as same_phone,
             (x.h_id is not null and x.h_id = x.p_id) as same_person,
             s.shareholder_enterprise_id, s.investee_enterprise_id, s.share_bp
      from x
      left join enterprise_shareholdings s
        on (s.shareholder_enterprise_id = x.h_ent and s.investee_enterprise_id = x.p_ent)
        or (s.shareholder_enterprise_id = x.p_ent and s.investee_enterprise_id = x.h_ent)
      where (x.h_phones && x.p_phones) or (x.h_id is not null and x.h_id = x.p_id) or s.share_bp is not null`),
  );
  return rows.map((r) => ({
    policyId: Number(r.policy_id),
    holderId: Number(r.holder_id),
    providerId: Number(r.provider_id),
    holderDistrictId: Number(r.district_id),
    sharedContacts: [...(r.same_phone ? ['联系电话相同'] : []), ...(r.same_person ? ['法定代表人身份证号相同'] : [])],
    shareholding: r.share_bp === null || r.share_bp === undefined ? null : { shareholder: String(r.shareholder_enterprise_id), investee: String(r.investee_enterprise_id), shareBp: Number(r.share_bp) },
  }));
}
