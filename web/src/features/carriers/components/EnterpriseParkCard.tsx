import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Card, Select, Typography } from 'antd';
import { api, unwrap } from '../../../lib/api';
import { errorMessage } from '../../../lib/form-errors';
import { hasAnyRole, useSession } from '../../../lib/session';
import { useParks } from '../api/carriers';
import { carriersKey, refreshCarriers } from '../api/keys';
import { carriersMessages } from '../messages';
import { useMessages } from '../../../lib/i18n';

/** 所在园区 on an enterprise's profile: officers read it, the city officer sets or clears it. */
export function EnterpriseParkCard({ enterpriseId }: { enterpriseId: number }) {
  const t = useMessages(carriersMessages);
  const me = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const canSee = hasAnyRole(me, ['city_officer', 'city_admin', 'auditor', 'district_officer']);
  const canSet = hasAnyRole(me, ['city_officer']);
  const q = useQuery({ queryKey: [...carriersKey, 'enterprise-park', enterpriseId], queryFn: () => unwrap(api.GET('/api/carriers/parks/enterprises/{id}', { params: { path: { id: enterpriseId } } })), enabled: canSee });
  const parks = useParks();
  const set = useMutation({
    mutationFn: (parkId: number | null) => unwrap(api.PUT('/api/carriers/parks/enterprises/{id}', { params: { path: { id: enterpriseId } }, body: { parkId } })),
    onSuccess: () => refreshCarriers(qc),
  });
  if (!canSee) {
    return null;
  }
  return (
    <Card title={t('carriers.enterprisePark.title')} size="small" loading={q.isLoading}>
      {canSet ? (
        <Select
          aria-label={t('carriers.enterprisePark.title')}
          allowClear
          placeholder={t('carriers.enterprisePark.none')}
          style={{ width: 260 }}
          loading={parks.isLoading || set.isPending}
          value={q.data?.parkId ?? undefined}
          options={(parks.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
          onChange={(v: number | undefined) =>
            set.mutate(v ?? null, { onSuccess: (r) => message.success(r.parkName ? t('carriers.enterprisePark.set', { parkName: r.parkName }) : t('carriers.enterprisePark.cleared')), onError: (e) => message.error(errorMessage(e)) })
          }
        />
      ) : (
        <Typography.Text>{q.data?.parkName ?? t('carriers.enterprisePark.notSet')}</Typography.Text>
      )}
      {q.isError ? <Typography.Text type="danger">{errorMessage(q.error)}</Typography.Text> : null}
    </Card>
  );
}
