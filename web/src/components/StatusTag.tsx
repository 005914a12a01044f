import { Tag, type TagProps } from 'antd';

/** How a status reads at a glance; the words come from the API (`statusName`), never from the SPA. */
export type Tone = 'success' | 'processing' | 'warning' | 'error' | 'default';

const TONE_COLOR: Record<Tone, string> = { success: 'green', processing: 'blue', warning: 'gold', error: 'red', default: 'default' };

/** The status codes the modules share, by tone; a code not listed is shown neutral. */
const STATUS_TONES: Record<string, Tone> = Object.fromEntries(
  (
    [
      ['success', ['approved', 'accepted', 'active', 'confirmed', 'paid', 'redeemed', 'registered', 'valid', 'in_force', 'completed', 'sold', 'posted', 'upheld', 'recognised', 'repaid', 'released', 'graduated', 'awarded', 'passed', 'passed_conditions']],
      ['processing', ['booked', 'claimed', 'sent', 'in_progress', 'accepting', 'setting_up', 'district_passed', 'expert_review', 'in_notice', 'scored', 'city_passed', 'assigned', 'pending_check', 'checked', 'ranked', 'disbursed', 'guaranteed', 'incubating', 'formal_passed']],
      ['warning', ['submitted', 'pending', 'prepared', 'returned', 'amended', 'suspended', 'open', 'conflict', 'repaid_late', 'defaulted', 'recommended', 'due', 'preparing']],
      ['error', ['rejected', 'revoked', 'blacklisted', 'failed', 'terminated', 'unsold', 'compensated', 'not_recognised']],
    ] as const
  ).flatMap(([tone, codes]) => codes.map((code) => [code, tone])),
);

export function toneOf(status: string): Tone {
  return STATUS_TONES[status] ?? 'default';
}

/** A status as the API names it (`statusName`), coloured by the API's `tone` or by its code. */
export function StatusTag({ status, name, tone, ...tag }: Omit<TagProps, 'color' | 'children'> & { status: string; name: string; tone?: Tone }) {
  return (
    <Tag {...tag} color={TONE_COLOR[tone ?? toneOf(status)]} data-status={status}>
      {name}
    </Tag>
  );
}
