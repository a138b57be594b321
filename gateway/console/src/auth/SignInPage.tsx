import { useEffect, useState, type FormEvent } from 'react';
import { nameOfDivision } from '../identity/divisions.ts';
import { agencyName, ROLE_NAMES, SCOPE_NAMES } from '../ui/labels.ts';
import { useSession } from './SessionContext.tsx';

interface SessionInfo {
  authentication: boolean;
  demoUsers: boolean;
}

interface DemoUser {
  key: string;
  name: string;
  agency: string;
  roles: string[];
  scopes: string[];
  jurisdiction: string[];
}

/**
 * Sign-in: in development, pick one of the demo users (the gateway mints
 * their token); otherwise paste the token the identity provider issued.
 */
export function SignInPage() {
  const { signIn, enterAnonymously, notice } = useSession();
  const [info, setInfo] = useState<SessionInfo | null>(null);
  const [users, setUsers] = useState<DemoUser[]>([]);
  const [token, setToken] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const session = (await (await fetch('/console/api/session', { credentials: 'omit' })).json()) as SessionInfo;
        if (cancelled) return;
        setInfo(session);
        if (session.demoUsers) {
          const list = (await (await fetch('/console/api/dev/demo-users', { credentials: 'omit' })).json()) as { users: DemoUser[] };
          if (!cancelled) setUsers(list.users);
        }
      } catch {
        if (!cancelled) setInfo({ authentication: true, demoUsers: false });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  const pick = async (key: string) => {
    setBusy(key);
    setProblem(null);
    try {
      const response = await fetch('/console/api/dev/demo-token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user: key }),
        credentials: 'omit',
      });
      if (!response.ok) throw new Error(String(response.status));
      const { token: minted } = (await response.json()) as { token: string };
      const refused = signIn(minted);
      if (refused) setProblem(refused);
    } catch {
      setProblem('无法获取演示用户的令牌，请稍后重试。');
    } finally {
      setBusy(null);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const refused = signIn(token);
    setProblem(refused ?? null);
  };

  return (
    <main className="signin">
      <h1>综治中心一站式办理台</h1>
      <p className="lead">一次查询，看到当事人在综治中心、信访、公安、法院、司法行政的全部事项。</p>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      {problem ? (
        <p className="field-problem" role="alert">
          {problem}
        </p>
      ) : null}

      {info?.demoUsers ? (
        <section className="panel" data-testid="demo-users">
          <h2>选择演示用户登录</h2>
          <p className="hint">仅限开发环境：网关为所选演示用户签发令牌。生产环境不提供此功能。</p>
          <ul className="demo-users">
            {users.map((u) => (
              <li key={u.key}>
                <button type="button" className="demo-user" onClick={() => void pick(u.key)} disabled={busy !== null} data-testid={`demo-user-${u.key}`}>
                  <strong>{u.name}</strong>
                  <span>
                    {u.agency ? agencyName(u.agency) : '无所属机构'} · {u.roles.map((r) => ROLE_NAMES[r] ?? r).join('、')}
                  </span>
                  <span className="hint">辖区：{u.jurisdiction.map(nameOfDivision).join('、') || '—'}</span>
                  <span className="hint">可查看：{u.scopes.length ? u.scopes.map((s) => SCOPE_NAMES[s] ?? s).join('、') : '仅脱敏信息'}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="panel">
        <h2>使用令牌登录</h2>
        <form onSubmit={submit}>
          <label htmlFor="token">粘贴统一身份认证签发的访问令牌（JWT）</label>
          <textarea id="token" rows={4} value={token} onChange={(e) => setToken(e.target.value)} spellCheck={false} autoComplete="off" data-testid="token-input" />
          <button type="submit" disabled={token.trim() === ''} data-testid="token-submit">
            登录
          </button>
        </form>
      </section>

      {info && !info.authentication ? (
        <section className="panel">
          <h2>网关未启用身份认证</h2>
          <p className="hint">开发环境下网关以 GATEWAY_AUTH=off 运行：所有字段不加权限控制。</p>
          <button type="button" onClick={enterAnonymously} data-testid="enter-anonymously">
            不登录直接进入
          </button>
        </section>
      ) : null}
    </main>
  );
}
