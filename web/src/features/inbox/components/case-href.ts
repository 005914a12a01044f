import type { Me } from '../../../lib/session';
import type { InboxItem } from '../api/list-cases';

/**
 * Where one click on a case goes: the page the server names (href), else the page of the case's
 * instrument for the caller's role — for recognitions the officers' review page with the
 * application open, the enterprise's application page, the expert's assignment.
 */
export function caseHref(item: Pick<InboxItem, 'id' | 'instrument' | 'href'>, me: Pick<Me, 'roles'>): string | null {
  if (item.href) {
    return item.href;
  }
  if (item.instrument !== 'recognitions') {
    return null;
  }
  if (me.roles.includes('enterprise_user')) {
    return `/recognitions/apply/${item.id}`;
  }
  if (me.roles.includes('expert')) {
    return `/expert/assignments?application=${item.id}`;
  }
  return `/recognitions/review?application=${item.id}`;
}
