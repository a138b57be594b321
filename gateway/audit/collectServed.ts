import { PERSON_TYPE, type AuditedOperation, type FieldStep, type Step } from './compileAuditedOperation.ts';

/** What an answer served, as the audit records it. */
export interface Served {
  /** Person tokens, sorted. */
  persons: string[];
  /** Agencies whose fields came back non-null, sorted. */
  agencies: string[];
  /** Coordinates of sensitive fields that came back non-null, sorted. */
  sensitiveFields: string[];
}

type Json = Record<string, unknown>;

/**
 * Walks an answer's `data` along the compiled operation: collects the person
 * tokens at every Person position, the agencies that serve each field that
 * came back non-null, and the sensitive fields among them (marked in the
 * supergraph, or named by authorization in `sensitive`). Then removes the
 * keys the audit added to the operation, so the client gets exactly what it
 * asked for. Mutates `data` (only those keys).
 *
 * Agencies: a field served by one agency is that agency's; a field several
 * can serve (key fields, shared value types such as Party) is the agency's
 * that served the object it sits on, e.g. a court case's parties are COURTS
 * data. Fields that came back null, and fields missing because a fragment did
 * not apply or `@skip` left them out, count for nothing.
 */
export function collectServed(compiled: AuditedOperation, data: Json, sensitive: ReadonlySet<string> = new Set()): Served {
  const persons = new Set<string>();
  const agencies = new Set<string>();
  const sensitiveFields = new Set<string>();
  const visited: Json[] = [];

  const walkSteps = (steps: readonly Step[], object: Json, runtimeType: string | undefined, inherited: string | undefined): void => {
    for (const step of steps) {
      if (step.kind === 'fragment') {
        if (runtimeType === undefined || step.types.has(runtimeType)) walkSteps(step.children, object, runtimeType, inherited);
        continue;
      }
      const value = object[step.key];
      if (value === undefined || value === null) continue;
      const served = attribute(step.owners, inherited);
      for (const agency of served.agencies) agencies.add(agency);
      if (step.sensitive || sensitive.has(step.coordinate)) sensitiveFields.add(step.coordinate);
      if (step.children) walkValue(step, value, served.inherit);
    }
  };

  const walkValue = (step: FieldStep, value: unknown, inherited: string | undefined): void => {
    if (Array.isArray(value)) {
      for (const item of value) if (item !== null && item !== undefined) walkValue(step, item, inherited);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const object = value as Json;
    visited.push(object);
    const typename = step.typenameKey ? object[step.typenameKey] : undefined;
    const runtimeType = typeof typename === 'string' ? typename : undefined;
    if (step.idKey && (!step.abstract || runtimeType === PERSON_TYPE)) {
      const id = object[step.idKey];
      if (typeof id === 'string') persons.add(id);
    }
    walkSteps(step.children!, object, runtimeType, inherited);
  };

  walkSteps(compiled.steps, data, undefined, undefined);
  // After the walk: a second fragment over the same object still needs the type name.
  for (const object of visited) for (const key of compiled.addedKeys) delete object[key];
  return { persons: [...persons].sort(), agencies: [...agencies].sort(), sensitiveFields: [...sensitiveFields].sort() };
}

/** Which agencies served a field, and the agency its sub-fields inherit. */
function attribute(owners: readonly string[], inherited: string | undefined): { agencies: readonly string[]; inherit: string | undefined } {
  if (owners.length === 0) return { agencies: inherited ? [inherited] : [], inherit: inherited };
  if (owners.length === 1) return { agencies: owners, inherit: owners[0] };
  if (inherited !== undefined && owners.includes(inherited)) return { agencies: [inherited], inherit: inherited };
  // Several could have, and nothing says which: name them all rather than guess.
  return { agencies: owners, inherit: undefined };
}
