/** The audit log in words: action and object-type codes named from the catalogue (the code stays as the tooltip). */
import { auditMessages, type AuditT } from './messages';

const known = (key: string): key is keyof typeof auditMessages & string => key in auditMessages;

export function objectTypeName(t: AuditT, code: string): string {
  const key = `${OBJECT_TYPE_PREFIX}${code}`;
  return known(key) ? t(key) : code;
}

const OBJECT_TYPE_PREFIX = 'audit.objectType.';

/** Every known object type as a select option, named in the current language. */
export function objectTypeOptions(t: AuditT): { value: string; label: string }[] {
  return Object.keys(auditMessages)
    .filter((key) => key.startsWith(OBJECT_TYPE_PREFIX))
    .map((key) => ({ value: key.slice(OBJECT_TYPE_PREFIX.length), label: t(key as keyof typeof auditMessages & string) }));
}

/** The subject of an action code (everything before its last segment): an object type or a subject of its own. */
function subjectName(t: AuditT, code: string): string | undefined {
  const key = known(`audit.subject.${code}`) ? `audit.subject.${code}` : `${OBJECT_TYPE_PREFIX}${code}`;
  return known(key) ? t(key) : undefined;
}

function verbName(t: AuditT, code: string): string | undefined {
  const key = `audit.verb.${code}`;
  return known(key) ? t(key) : undefined;
}

/** "voucher.claim.approve" → "创新券兑付 · 审核通过"; an unknown code is shown as it is. */
export function actionName(t: AuditT, code: string): string {
  const cut = code.lastIndexOf('.');
  if (cut < 0) {
    return verbName(t, code) ?? code;
  }
  const subject = subjectName(t, code.slice(0, cut));
  const verb = verbName(t, code.slice(cut + 1));
  return subject && verb ? `${subject} · ${verb}` : code;
}
