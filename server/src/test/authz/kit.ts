/**
 * The authorization matrix's vocabulary, shared by authz-matrix.test.ts and the per-module entry
 * files beside this one (`<module>.matrix.ts`, each exporting `MATRIX: Record<string, Entry>`),
 * which the matrix test loads by glob: a module classifies its own routes without editing a shared file.
 */
import type { Session } from '../harness.js';

export const ROLES = ['admin', 'officer', 'xihu', 'binjiang', 'auditor', 'enterprise', 'provider', 'expert'] as const;
export type Role = (typeof ROLES)[number];
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** ok: 2xx · denied: 403 · hidden: 403 or 404 (never reveal another's record) · refused: 4xx other than 401/403 (allowed, but this input is not) */
export type Outcome = 'ok' | 'denied' | 'hidden' | 'refused';
export const ACCEPTS: Record<Outcome, (status: number) => boolean> = {
  ok: (s) => s >= 200 && s < 300,
  denied: (s) => s === 403,
  hidden: (s) => s === 403 || s === 404,
  refused: (s) => s >= 400 && s < 500 && s !== 401 && s !== 403,
};

export interface Req {
  method: Method;
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
  /** Send with this session instead of the role's own (throwaway sessions for logout). */
  as?: Session;
  /** Undo what a successful request changed (e.g. a changed password). */
  undo?: () => Promise<void>;
}
export interface Case {
  name: string;
  expect: Record<Role, Outcome>;
  build(role: Role): Promise<Req> | Req;
}
/** Detailed entries send a valid request as every role; coarse ones list who may succeed and probe everyone else. */
export type Entry = { public?: true; selfService?: true } & ({ cases: Case[] } | { allow: readonly Role[] | 'all' });

// Expectation rows, in ROLES order: admin, officer, xihu, binjiang, auditor, enterprise, provider, expert.
export const row = (...o: Outcome[]): Record<Role, Outcome> => Object.fromEntries(ROLES.map((r, i) => [r, o[i]])) as Record<Role, Outcome>;
export const everyone = (o: Outcome) => row(o, o, o, o, o, o, o, o);
export const only = (roles: Role[], otherwise: Outcome = 'denied') => Object.fromEntries(ROLES.map((r) => [r, roles.includes(r) ? 'ok' : otherwise])) as Record<Role, Outcome>;
export const CITY_READERS: Role[] = ['admin', 'officer', 'auditor'];
export const DISTRICT_AND_UP: Role[] = ['admin', 'officer', 'auditor', 'xihu', 'binjiang'];
