/**
 * The verified user of one request, from the JWT (claims: sub, name, agency,
 * roles, scopes, jurisdiction, exp). Everything downstream (authorization,
 * purpose, the signed context forwarded to subgraphs, audit) reads this.
 */
export interface Principal {
  userId: string;
  name: string;
  /** GRID, PETITIONS, POLICE, COURTS, LEGAL_AID, or '' for none. */
  agency: string;
  roles: string[];
  scopes: string[];
  /** Division codes the user may see (county, town, city or province codes). */
  jurisdiction: string[];
  /** When the token expires (seconds since the epoch). */
  expiresAt: number;
}

/** Why the user is asking (`x-access-purpose`): a case code, or a marked free-text reason. */
export type AccessPurpose = { kind: 'CASE'; caseCode: string } | { kind: 'REASON'; text: string };

/** A field removed from an operation because the user may not see it. */
export interface RemovedField {
  /** Response path of the removed field, e.g. ['personByIdNumber', 'idNumber']. */
  path: (string | number)[];
  /** Schema coordinate, e.g. Person.idNumber. */
  coordinate: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by authentication on /graphql; absent only when authentication is off (development). */
    principal?: Principal;
    /** Set when the request states a purpose. */
    purpose?: AccessPurpose;
    /** Fields authorization removed from this request's operation. */
    removedFields?: RemovedField[];
    /**
     * Schema coordinates (e.g. `Person.idNumber`) of the scope-protected
     * fields this request's operation selected and was allowed to read: the
     * unmasked values served. Counted from the executed operation, so a
     * field whose parent resolved null (no such person) still counts: audit
     * errs on the side of recording an unmasking.
     */
    sensitiveFields?: string[];
    /** Whether the operation selects any person-data type (security/personDataTypes.ts): it must state a purpose and is audited. */
    readsPersonData?: boolean;
  }
}
