/**
 * Stock @apollo/gateway refuses a supergraph that links a `for: SECURITY`
 * feature it does not implement (`@authenticated`, `@requiresScopes`,
 * `@policy`): it would rather not serve than serve unprotected. Our gateway
 * enforces those directives itself before execution, then hands the
 * executor this copy, where the links are plain (non-required) features.
 * Tests and benchmarks that run stock @apollo/gateway use it too: stock then
 * serves the data without enforcing the directives.
 */
export function forStockGateway(supergraphSdl: string): string {
  return supergraphSdl.replace(/(@link\(url: "https:\/\/specs\.apollo\.dev\/(?:authenticated|requiresScopes|policy)\/v[\d.]+"), for: SECURITY\)/g, '$1)');
}
