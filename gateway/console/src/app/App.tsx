import { useEffect } from 'react';
import { SessionProvider, useSession } from '../auth/SessionContext.tsx';
import { SignInPage } from '../auth/SignInPage.tsx';
import { nameOfDivision } from '../identity/divisions.ts';
import { DashboardPage } from '../pages/dashboard/DashboardPage.tsx';
import { MatterPage } from '../pages/matter/MatterPage.tsx';
import { PersonPage } from '../pages/person/PersonPage.tsx';
import { SearchPage } from '../pages/SearchPage.tsx';
import { TicketPage } from '../pages/tickets/TicketPage.tsx';
import { TicketsPage } from '../pages/tickets/TicketsPage.tsx';
import { PurposeProvider, usePurpose } from '../purpose/PurposeContext.tsx';
import { describePurpose } from '../purpose/purpose.ts';
import { agencyName, ROLE_NAMES } from '../ui/labels.ts';
import { href, useRoute, type Route } from './router.ts';

export function App() {
  return (
    <SessionProvider>
      <PurposeProvider>
        <Shell />
      </PurposeProvider>
    </SessionProvider>
  );
}

/** A token handed over in the URL fragment (#token=…, e.g. from a sign-in portal) is taken once and removed. */
function useTokenFromFragment() {
  const { signIn } = useSession();
  useEffect(() => {
    const match = /^#token=([^&]+)/.exec(window.location.hash);
    if (!match) return;
    history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/search`);
    signIn(decodeURIComponent(match[1]!));
  }, [signIn]);
}

function Shell() {
  const { session, signOut } = useSession();
  const { purpose, setPurpose } = usePurpose();
  const route = useRoute();
  useTokenFromFragment();

  if (!session) return <SignInPage />;
  const claims = session.claims;
  const nav: { to: string; label: string; active: boolean }[] = [
    { to: href.search(), label: '人员查询', active: route.page === 'search' || route.page === 'person' },
    { to: href.matter(), label: '事项查询', active: route.page === 'matter' },
    { to: href.tickets(), label: '矛盾纠纷工单', active: route.page === 'tickets' || route.page === 'ticket' },
    { to: href.dashboard(), label: '统计看板', active: route.page === 'dashboard' },
  ];
  return (
    <div className="shell">
      <header className="topbar">
        <a className="brand" href={href.search()}>
          综治中心一站式办理台
        </a>
        <nav>
          {nav.map((n) => (
            <a key={n.to} href={n.to} className={n.active ? 'active' : undefined}>
              {n.label}
            </a>
          ))}
        </nav>
        <div className="user" data-testid="current-user">
          {claims ? (
            <>
              <strong>{claims.name}</strong>
              <span>
                {claims.agency ? agencyName(claims.agency) : '无所属机构'} · {claims.roles.map((r) => ROLE_NAMES[r] ?? r).join('、') || '—'}
              </span>
              <span className="hint">辖区：{claims.jurisdiction.map(nameOfDivision).join('、') || '—'}</span>
            </>
          ) : (
            <strong>未认证（开发模式）</strong>
          )}
          <button type="button" className="link" onClick={() => { setPurpose(null); signOut(); }} data-testid="sign-out">
            退出
          </button>
        </div>
      </header>
      <div className="purpose-bar" data-testid="purpose-bar">
        {purpose ? (
          <>
            <span>当前查询事由：{describePurpose(purpose)}</span>
            <button type="button" className="link" onClick={() => setPurpose(null)}>
              更换事由
            </button>
          </>
        ) : (
          <span>尚未填写查询事由：查询人员和事项前须说明事由，并记入审计日志。</span>
        )}
      </div>
      <main className="content">
        <Page route={route} />
      </main>
    </div>
  );
}

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'search':
      return <SearchPage />;
    case 'person':
      return <PersonPage key={route.id} id={route.id} />;
    case 'matter':
      return <MatterPage key={route.caseCode ?? ''} caseCode={route.caseCode} />;
    case 'tickets':
      return <TicketsPage />;
    case 'ticket':
      return <TicketPage key={route.caseCode} caseCode={route.caseCode} />;
    case 'dashboard':
      return <DashboardPage />;
  }
}
