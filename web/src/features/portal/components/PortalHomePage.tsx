import { Alert, Button, Card, Col, Empty, Flex, List, Row, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { businessDayjs } from '../../../lib/business-clock';
import { errorMessage } from '../../../lib/form-errors';
import { formatDate } from '../../../lib/format';
import { useMessages } from '../../../lib/i18n';
import { useCalls } from '../../programmes/api/calls';
import { usePolicies } from '../../policies/api/policies';
import { usePublicNotices } from '../../public-notices/api/list-notices';
import { useAuctions } from '../../techmarket/api/list-auctions';
import { useSearchListings } from '../../techmarket/api/search-listings';
import { portalMessages } from '../messages';

type T = ReturnType<typeof useMessages<typeof portalMessages>>;

/** One block of the portal: a title, a link to the full page, and what it lists (or why it cannot). */
function Section({ title, more, to, error, children }: { title: string; more: string; to: string; error: unknown; children: ReactNode }) {
  const t = useMessages(portalMessages);
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{title}</h2>} extra={<Link to={to}>{more}</Link>} style={{ height: '100%' }}>
      {error ? <Alert type="error" showIcon message={t('portal.loadFailed', { reason: errorMessage(error) })} /> : children}
    </Card>
  );
}

function OpenCalls({ t }: { t: T }) {
  const calls = useCalls();
  const today = businessDayjs().startOf('day');
  const items = calls.data?.items ?? [];
  const open = items.filter((c) => c.state === 'open' && !c.invitedOnly).sort((a, b) => a.closesOn.localeCompare(b.closesOn));
  const upcoming = items.filter((c) => c.state === 'upcoming').sort((a, b) => a.opensOn.localeCompare(b.opensOn));
  return (
    <Section title={t('portal.calls')} more={t('portal.calls.all')} to="/public/programme-calls" error={calls.error}>
      <List
        loading={calls.isLoading}
        dataSource={open}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('portal.calls.empty')} /> }}
        renderItem={(c) => {
          // calendar days to the closing date, counted from the business date (as a call's guide states them)
          const left = Math.max(0, dayjs(c.closesOn).diff(today, 'day'));
          return (
            <List.Item extra={<Tag color={left <= 7 ? 'orange' : 'green'}>{left === 0 ? t('portal.calls.lastDay') : t('portal.calls.daysLeft', { n: left })}</Tag>}>
              <List.Item.Meta
                title={<Link to="/public/programme-calls">{c.title}</Link>}
                description={`${c.programme.name} · ${t('portal.calls.closes', { date: formatDate(c.closesOn) })}`}
              />
            </List.Item>
          );
        }}
      />
      {upcoming.slice(0, 2).map((c) => (
        <Typography.Paragraph key={c.id} type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('portal.calls.upcoming', { title: c.title, date: formatDate(c.opensOn) })}
        </Typography.Paragraph>
      ))}
    </Section>
  );
}


function OpenNotices({ t }: { t: T }) {
  const notices = usePublicNotices({ state: 'open' });
  return (
    <Section title={t('portal.notices')} more={t('portal.notices.all')} to="/public/notices" error={notices.error}>
      <List
        loading={notices.isLoading}
        dataSource={(notices.data?.items ?? []).slice(0, 6)}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('portal.notices.empty')} /> }}
        renderItem={(n) => (
          <List.Item>
            <List.Item.Meta
              title={<Link to={`/public/notices/${n.id}`}>{n.title}</Link>}
              description={t('portal.notices.period', { from: formatDate(n.publishedOn), to: formatDate(n.endsOn), n: n.itemCount })}
            />
          </List.Item>
        )}
      />
    </Section>
  );
}

function LatestPolicies({ t }: { t: T }) {
  const policies = usePolicies({ status: 'in_force', limit: 6, offset: 0 });
  return (
    <Section title={t('portal.policies')} more={t('portal.policies.all')} to="/public/policies" error={policies.error}>
      <List
        loading={policies.isLoading}
        dataSource={policies.data?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('portal.policies.empty')} /> }}
        renderItem={(p) => (
          <List.Item>
            <List.Item.Meta title={<Link to={`/public/policies/${p.id}`}>{p.title}</Link>} description={[p.docNo, p.issuer, p.issuedOn ? formatDate(p.issuedOn) : null].filter(Boolean).join(' · ')} />
          </List.Item>
        )}
      />
    </Section>
  );
}

function Market({ t }: { t: T }) {
  const listings = useSearchListings({ limit: 5 });
  const auctions = useAuctions();
  const live = (auctions.data?.items ?? []).filter((a) => a.phase === 'bidding').length;
  return (
    <Section title={t('portal.market')} more={t('portal.market.all')} to="/public/market" error={listings.error}>
      <List
        loading={listings.isLoading}
        dataSource={listings.data?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('portal.market.empty')} /> }}
        renderItem={(l) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Flex gap={6} align="center">
                  <Tag color={l.kind === 'supply' ? 'blue' : 'purple'}>{l.kind === 'supply' ? t('portal.market.supply') : t('portal.market.demand')}</Tag>
                  <Link to={`/public/market/${l.id}`}>{l.title}</Link>
                </Flex>
              }
              description={[l.domain, l.districtName].filter(Boolean).join(' · ')}
            />
          </List.Item>
        )}
      />
      <Flex justify="space-between" align="center" style={{ marginTop: 8 }}>
        <Typography.Text>{live > 0 ? t('portal.auctions.live', { n: live }) : t('portal.auctions.none')}</Typography.Text>
        <Link to="/public/auctions">{t('portal.auctions.link')}</Link>
      </Flex>
    </Section>
  );
}

const TOOLS = [
  ['/public/self-assessment', 'portal.tools.selfAssessment', 'portal.tools.selfAssessmentDesc'],
  ['/public/interest-subsidy', 'portal.tools.interestSubsidy', 'portal.tools.interestSubsidyDesc'],
  ['/public/calendar', 'portal.tools.calendar', 'portal.tools.calendarDesc'],
  ['/public/carriers', 'portal.tools.carriers', 'portal.tools.carriersDesc'],
  ['/public/outreach', 'portal.tools.outreach', 'portal.tools.outreachDesc'],
] as const;

/** The public portal's home (/public): what a citizen or a firm looks for first, no login needed. */
export default function PortalHomePage() {
  const t = useMessages(portalMessages);
  return (
    <>
      <PageTitle title={t('portal.title')}>
        <Flex justify="space-between" align="center" gap={16} wrap>
          <Typography.Text type="secondary">{t('portal.intro')}</Typography.Text>
          <Link to="/login">
            <Button type="primary">{t('portal.login')}</Button>
          </Link>
        </Flex>
      </PageTitle>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <OpenCalls t={t} />
        </Col>
        <Col xs={24} xl={12}>
          <OpenNotices t={t} />
        </Col>
        <Col xs={24}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('portal.tools')}</h2>}>
            <Row gutter={[12, 12]}>
              {TOOLS.map(([to, title, desc]) => (
                <Col key={to} flex="1 1 220px">
                  <Link to={to} className="portal-tool">
                    <Typography.Text strong>{t(title)}</Typography.Text>
                    <br />
                    <Typography.Text type="secondary">{t(desc)}</Typography.Text>
                  </Link>
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Market t={t} />
        </Col>
        <Col xs={24} xl={12}>
          <LatestPolicies t={t} />
        </Col>
      </Row>
    </>
  );
}
