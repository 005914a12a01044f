import { DISTRICT_AND_UP, type Entry } from "./kit.js";

/** S&T awards: the bureau runs the city award and registers national/provincial awards; enterprises nominate; districts read their own. */
export const MATRIX: Record<string, Entry> = {
  "GET /api/awards/calls": { allow: "all" },
  "POST /api/awards/calls": { allow: ["officer"] },
  "GET /api/awards/nominations": { allow: [...DISTRICT_AND_UP, "enterprise"] },
  "POST /api/awards/nominations": { allow: ["enterprise"] },
  "GET /api/awards/nominations/{id}": {
    allow: [...DISTRICT_AND_UP, "enterprise"],
  },
  "GET /api/awards/nominations/{id}/certificate.docx": {
    allow: [...DISTRICT_AND_UP, "enterprise"],
  },
  "PUT /api/awards/nominations/{id}": { allow: ["enterprise"] },
  "POST /api/awards/nominations/{id}/actions": {
    allow: ["officer", "enterprise"],
  },
  "POST /api/awards/nominations/{id}/grade": { allow: ["officer"] },
  "GET /api/awards/records": { allow: DISTRICT_AND_UP },
  "POST /api/awards/records": { allow: ["officer"] },
  "GET /api/awards/summary": { allow: DISTRICT_AND_UP },
};
