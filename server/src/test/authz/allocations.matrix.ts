import { DISTRICT_AND_UP, type Entry } from "./kit.js";

/** Factor-method allocation: city officers prepare and check (the preparer never approves); districts read their own line. */
export const MATRIX: Record<string, Entry> = {
  "POST /api/allocations/factor-method/preview": { allow: ["officer"] },
  "GET /api/allocations/plans": { allow: DISTRICT_AND_UP },
  "POST /api/allocations/plans": { allow: ["officer"] },
  "GET /api/allocations/plans/{id}": { allow: DISTRICT_AND_UP },
  "PUT /api/allocations/plans/{id}": { allow: ["officer"] },
  "POST /api/allocations/plans/{id}/approve": { allow: ["officer"] },
  "GET /api/allocations/balances": { allow: DISTRICT_AND_UP },
};

/** Matching funds: the bureau registers and pays (through the payment desk); districts and enterprises read their own. */
Object.assign(MATRIX, {
  "GET /api/matching/policies": { allow: "all" },
  "POST /api/matching/policies": { allow: ["officer"] },
  "GET /api/matching/projects": { allow: [...DISTRICT_AND_UP, "enterprise"] },
  "POST /api/matching/projects": { allow: ["officer"] },
  "POST /api/matching/projects/{id}/payments": { allow: ["officer"] },
} satisfies Record<string, Entry>);
