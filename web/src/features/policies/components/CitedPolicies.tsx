import { Space, Typography } from 'antd';
import { Link } from 'react-router';
import { StatusTag } from '../../../components/StatusTag';
import { useCitedPolicies, type CitationInput } from '../api/policies';

/** 政策依据: the policies a call, programme or recognition type cites, linked to their public pages. */
export function CitedPolicies({ objectType, objectId }: { objectType: CitationInput['objectType']; objectId: string | number }) {
  const q = useCitedPolicies(objectType, String(objectId));
  const items = q.data?.items ?? [];
  if (!items.length) {
    return <Typography.Text type="secondary">—</Typography.Text>;
  }
  return (
    <Space size={[4, 4]} wrap>
      {items.map((p) => (
        <Link key={p.id} to={`/public/policies/${p.id}`}>
          《{p.title}》{p.docNo ? `（${p.docNo}）` : ''}
          {p.status === 'in_force' ? null : <StatusTag style={{ marginLeft: 4 }} status={p.status} name={p.statusName} />}
        </Link>
      ))}
    </Space>
  );
}
