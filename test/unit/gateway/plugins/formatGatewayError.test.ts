import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { formatGatewayError } from '../../../../gateway/plugins/formatGatewayError.ts';

describe('formatGatewayError', () => {
  const production = formatGatewayError({ exposeDetails: false });
  const development = formatGatewayError({ exposeDetails: true });

  it('outside development: no stack trace, no subgraph response, no URL in messages', () => {
    const formatted = production(
      {
        message: 'request to http://10.1.2.3:4003/graphql failed',
        extensions: { code: 'SOMETHING', stacktrace: ['at x'], response: { url: 'http://10.1.2.3:4003/graphql' } },
      },
      new GraphQLError('request to http://10.1.2.3:4003/graphql failed'),
    );
    expect(JSON.stringify(formatted)).not.toMatch(/10\.1\.2\.3|stacktrace|at x/);
    expect(formatted.message).toBe('request to [internal address] failed');
    expect(formatted.extensions?.code).toBe('SOMETHING');
  });

  it('masks crashes of the gateway itself, not deliberate GraphQL errors', () => {
    const crash = new TypeError("Cannot read properties of undefined (reading 'x')");
    expect(production({ message: crash.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, crash).message).toBe('Internal server error');
    const wrapped = new GraphQLError(crash.message, { originalError: crash });
    expect(production({ message: crash.message }, wrapped).message).toBe('Internal server error');
    const deliberate = new GraphQLError('Variable "$id" of required type "ID!" was not provided.');
    expect(production({ message: deliberate.message }, deliberate).message).toBe(deliberate.message);
  });

  it("keeps a subgraph's own error messages (they are the agency's answer)", () => {
    const error = new Error('boom');
    const formatted = production({ message: '身份证号校验位错误', extensions: { code: 'INTERNAL_SERVER_ERROR', serviceName: 'grid' } }, error);
    expect(formatted.message).toBe('身份证号校验位错误');
  });

  it('changes nothing in development', () => {
    const input = { message: 'at http://x', extensions: { stacktrace: ['a'] } };
    expect(development(input, new Error('x'))).toBe(input);
  });
});
