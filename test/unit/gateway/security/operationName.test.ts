// Regression (found by the fuzz test): the rewrite cache must not confuse
// "no operationName" with an empty one, which selects no operation.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSecurityApp, USERS, type SecurityApp } from './support/securityApp.ts';

let s: SecurityApp;
beforeAll(async () => {
  s = await startSecurityApp();
});
afterAll(async () => s?.close());

it('answers an operation name that selects nothing with 400 OPERATION_RESOLUTION_FAILURE, cached or not', async () => {
  const query = '{ hello }';
  expect((await s.graphql({ query, user: USERS.full })).json()).toEqual({ data: { hello: 'world' } });
  for (const operationName of ['', 'Missing']) {
    for (const method of ['POST', 'GET'] as const) {
      const response = await s.graphql({ query, user: USERS.full, operationName, method });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors[0].extensions.code).toBe('OPERATION_RESOLUTION_FAILURE');
    }
  }
  const two = await s.graphql({ query: 'query A { hello } query B { hello }', user: USERS.full });
  expect(two.statusCode).toBe(400);
  expect(two.json().errors[0].extensions.code).toBe('OPERATION_RESOLUTION_FAILURE');
  expect((await s.graphql({ query: 'query A { hello } query B { hello }', user: USERS.full, operationName: 'B' })).json()).toEqual({ data: { hello: 'world' } });
});
