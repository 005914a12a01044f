import type { Rule } from 'antd/es/form';
import type { TFunction } from './i18n';

/** 等保2.0 level 3, as the server checks it: ≥ 8 characters from at least 3 of 4 classes. */
export function passwordProblem(pw: string): 'short' | 'long' | 'classes' | null {
  if (pw.length < 8) {
    return 'short';
  }
  if (pw.length > 128) {
    return 'long';
  }
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(pw)).length;
  return classes >= 3 ? null : 'classes';
}

export function passwordRules(t: TFunction): Rule[] {
  return [
    { required: true, message: t('pw.required') },
    {
      validator: async (_r, value: string | undefined) => {
        const p = value ? passwordProblem(value) : null;
        if (p === 'short') {
          throw new Error(t('pw.short'));
        }
        if (p === 'long') {
          throw new Error(t('pw.long'));
        }
        if (p === 'classes') {
          throw new Error(t('pw.classes'));
        }
      },
    },
  ];
}
