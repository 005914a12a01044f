import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Card, Select, Typography } from 'antd';
import { api, unwrap } from '../../../lib/api';
import { errorMessage } from '../../../lib/form-errors';
import { hasAnyRole, useSession } from '../../../lib/session';
import { useParks } from '../api/carriers';
import { carriersKey, refreshCarriers } from '../api/keys';

/** 所在园区 on an enterprise's profile: officers read it, the city officer sets or clears it. */
export function EnterpriseParkCard({ enterpriseId }: { enterpriseId: number }) {
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
    <Card title="所在园区" size="small" loading={q.isLoading}>
      {canSet ? (
        <Select
          aria-label="所在园区"
          allowClear
          placeholder="未设定园区"
          style={{ width: 260 }}
          loading={parks.isLoading || set.isPending}
          value={q.data?.parkId ?? undefined}
          options={(parks.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
          onChange={(v: number | undefined) =>
            set.mutate(v ?? null, { onSuccess: (r) => message.success(r.parkName ? `已设定园区：${r.parkName}` : '已清除园区'), onError: (e) => message.error(errorMessage(e)) })
          }
        />
      ) : (
        <Typography.Text>{q.data?.parkName ?? '未设定'}</Typography.Text>
      )}
      {q.isError ? <Typography.Text type="danger">{errorMessage(q.error)}</Typography.Text> : null}
    </Card>
  );
}
