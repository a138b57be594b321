import type { TypedDocumentString } from '../gql/graphql.ts';
import { encodePurpose, type Purpose } from '../purpose/purpose.ts';

/** An error of a GraphQL answer, as the gateway sends it. */
export interface GraphQLErrorItem {
  message: string;
  path?: readonly (string | number)[];
  extensions?: { code?: string; agency?: string; reason?: string; coordinate?: string; [key: string]: unknown };
}

/** The answer of one operation: data (possibly partial) and the errors beside it. */
export interface Outcome<T> {
  data: T | null;
  errors: readonly GraphQLErrorItem[];
}

/** The request failed as a whole: nothing was served (network, sign-in, purpose, limits, input). */
export class RequestFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'RequestFailure';
  }
}

export interface RequestOptions {
  token: string | null;
  purpose: Purpose | null;
  signal?: AbortSignal;
}

const GRAPHQL_URL = '/graphql';

/**
 * Runs one of the console's operations (their text is the registered
 * document, see src/operations/). Partial answers are returned with their
 * errors (a withheld field, an agency that is down); an answer without data
 * is a RequestFailure whose message is Chinese, from the error's code.
 */
export async function execute<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  options: RequestOptions,
): Promise<Outcome<TResult>> {
  const query = document.toString();
  const operationName = /^\s*(?:query|mutation)\s+(\w+)/m.exec(query)?.[1];
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json',
  };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.purpose) headers['x-access-purpose'] = encodePurpose(options.purpose);

  let response: Response;
  try {
    response = await fetch(GRAPHQL_URL, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, operationName, variables }),
      credentials: 'omit',
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new RequestFailure('NETWORK', '无法连接网关，请检查网络后重试。', 0, (error as Error).message);
  }
  let body: { data?: TResult | null; errors?: GraphQLErrorItem[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new RequestFailure('BAD_RESPONSE', `网关返回了无法识别的应答（HTTP ${response.status}）。`, response.status);
  }
  const errors = body.errors ?? [];
  if (body.data === undefined || body.data === null) {
    const first = errors[0];
    const code = first?.extensions?.code ?? (response.ok ? 'NO_DATA' : `HTTP_${response.status}`);
    // A root field that failed because its agency is down still counts as an answer.
    if (body.data === null && errors.length > 0 && errors.every((e) => isOutage(e))) return { data: null, errors };
    const message = code === 'UNAUTHORIZED_FIELD_OR_TYPE' && /^\s*mutation\b/.test(query) ? '您无权办理此项业务（该操作限相应机构的工作人员）。' : failureMessage(code, first);
    throw new RequestFailure(code, message, response.status, first ? `${code}: ${first.message}` : undefined);
  }
  return { data: body.data, errors };
}

/** Codes of an agency that did not answer (the gateway names it in `extensions.agency`). */
export const OUTAGE_CODES = new Set(['SUBGRAPH_UNAVAILABLE', 'SUBGRAPH_TIMEOUT', 'SUBGRAPH_BAD_RESPONSE']);

export function isOutage(error: GraphQLErrorItem): boolean {
  return OUTAGE_CODES.has(error.extensions?.code ?? '');
}

const MESSAGES: Record<string, string> = {
  UNAUTHENTICATED: '登录已失效或令牌无效，请重新登录。',
  PURPOSE_REQUIRED: '请先填写本次查询的事由（案件编码或具体事由）。',
  UNAUTHORIZED_FIELD_OR_TYPE: '您无权查看所请求的信息。',
  AUTHORIZATION_UNAVAILABLE: '权限校验暂时不可用，请稍后重试。',
  RATE_LIMITED: '请求过于频繁，请稍后再试。',
  OPERATION_NOT_REGISTERED: '该操作未在网关登记，无法执行（请升级办理台）。',
  MAX_DEPTH_EXCEEDED: '查询超出网关限制。',
  MAX_ALIASES_EXCEEDED: '查询超出网关限制。',
  MAX_ROOT_FIELDS_EXCEEDED: '查询超出网关限制。',
  MAX_TOKENS_EXCEEDED: '查询超出网关限制。',
  MAX_DIRECTIVES_EXCEEDED: '查询超出网关限制。',
  COST_LIMIT_EXCEEDED: '查询超出网关限制。',
  BAD_USER_INPUT: '输入有误，请检查后重试。',
  GRAPHQL_VALIDATION_FAILED: '办理台与网关的接口版本不一致，请刷新页面。',
  NOT_FOUND: '未找到相应记录。',
  INVALID_TRANSITION: '当前状态不允许此操作。',
  RULE_VIOLATION: '不符合办理规则。',
  IDEMPOTENCY_CONFLICT: '该幂等键已用于另一次不同的提交，请重新打开表单后提交。',
  ALREADY_CLOSED_FACTS: '同一事实已复核终结，不再受理。',
  FORBIDDEN: '您无权执行此操作。',
  SUBGRAPH_UNAVAILABLE: '相关机构系统暂不可用。',
  SUBGRAPH_TIMEOUT: '相关机构系统响应超时。',
  SUBGRAPH_BAD_RESPONSE: '相关机构系统返回异常。',
};

/** A Chinese message for an error code (the server's own text goes to the technical details). */
export function failureMessage(code: string, error?: GraphQLErrorItem): string {
  if (code === 'BAD_USER_INPUT' && error?.extensions?.argumentName) return `输入有误（${String(error.extensions.argumentName)}），请检查后重试。`;
  return MESSAGES[code] ?? (code.startsWith('HTTP_5') ? '网关暂时无法处理请求，请稍后重试。' : '请求未能完成。');
}
