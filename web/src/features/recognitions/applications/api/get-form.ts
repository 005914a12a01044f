import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type ResponseOf } from '../../../../lib/api';
import { applicationsKey } from './keys';

export type FormView = ResponseOf<'/api/recognition-forms/{type}/{version}', 'get'>;
export type FormSpecView = FormView['spec'];
type FormType = FormView['type'];

export function getForm(type: string, version: number) {
  return unwrap(api.GET('/api/recognition-forms/{type}/{version}', { params: { path: { type: type as FormType, version } } }));
}

/** A form version never changes once published: cache it for the session. */
export function useForm(type: string | undefined, version: number | undefined) {
  return useQuery({ queryKey: [...applicationsKey, 'form', type, version], queryFn: () => getForm(type!, version!), enabled: !!type && !!version, staleTime: Infinity });
}
