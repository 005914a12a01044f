import type { programmesMessages } from '../messages';

type ProgrammesKey = keyof typeof programmesMessages;

/** Budget categories by code. */
export const BUDGET_CATEGORIES: Record<string, ProgrammesKey> = {
  equipment: 'programmes.budget.equipment',
  materials: 'programmes.budget.materials',
  testing: 'programmes.budget.testing',
  fuel_power: 'programmes.budget.fuel_power',
  travel: 'programmes.budget.travel',
  conference: 'programmes.budget.conference',
  publication: 'programmes.budget.publication',
  labour: 'programmes.budget.labour',
  expert: 'programmes.budget.expert',
  management: 'programmes.budget.management',
  other: 'programmes.budget.other',
};

export const KPI_KINDS: Record<string, { name: ProgrammesKey; unit: ProgrammesKey }> = {
  patents: { name: 'programmes.kpi.patents', unit: 'programmes.unit.item' },
  patents_granted: { name: 'programmes.kpi.patents_granted', unit: 'programmes.unit.item' },
  revenue: { name: 'programmes.kpi.revenue', unit: 'programmes.unit.wan' },
  new_products: { name: 'programmes.kpi.new_products', unit: 'programmes.unit.piece' },
  standards: { name: 'programmes.kpi.standards', unit: 'programmes.unit.entry' },
  jobs: { name: 'programmes.kpi.jobs', unit: 'programmes.unit.person' },
  papers: { name: 'programmes.kpi.papers', unit: 'programmes.unit.paper' },
};
