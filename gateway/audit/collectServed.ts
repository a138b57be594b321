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

/** One walk's findings; plain functions over it rather than closures made per answer (this runs on every audited answer). */
interface Walk {
  readonly persons: Set<string>;
  readonly agencies: Set<string>;
  readonly sensitiveFields: Set<string>;
  readonly sensitive: ReadonlySet<string>;
  /** Objects that may carry keys the audit added. */
  stripped: Json[] | undefined;
}

const NONE: ReadonlySet<string> = new Set();

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
export function collectServed(compiled: AuditedOperation, data: Json, sensitive: ReadonlySet<string> = NONE): Served {
  const walk: Walk = { persons: new Set(), agencies: new Set(), sensitiveFields: new Set(), sensitive, stripped: undefined };
  walkSteps(walk, compiled.steps, data, undefined, undefined);
  // After the walk: a second fragment over the same object still needs the type name.
  if (walk.stripped) for (const object of walk.stripped) for (const key of compiled.addedKeys) delete object[key];
  return { persons: [...walk.persons].sort(), agencies: [...walk.agencies].sort(), sensitiveFields: [...walk.sensitiveFields].sort() };
}

function walkSteps(walk: Walk, steps: readonly Step[], object: Json, runtimeType: string | undefined, inherited: string | undefined): void {
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    if (step.kind === 'fragment') {
      if (runtimeType === undefined || step.types.has(runtimeType)) walkSteps(walk, step.children, object, runtimeType, inherited);
      continue;
    }
    const value = object[step.key];
    if (value === undefined || value === null) continue;
    const inherit = attribute(walk.agencies, step.owners, inherited);
    if (step.sensitive || (walk.sensitive.size > 0 && walk.sensitive.has(step.coordinate))) walk.sensitiveFields.add(step.coordinate);
    if (step.children !== undefined) walkValue(walk, step, value, inherit);
  }
}

function walkValue(walk: Walk, step: FieldStep, value: unknown, inherited: string | undefined): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item !== null && item !== undefined) walkValue(walk, step, item, inherited);
    }
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const object = value as Json;
  if (step.stripped) (walk.stripped ??= []).push(object);
  let runtimeType: string | undefined;
  if (step.typenameKey !== undefined) {
    const typename = object[step.typenameKey];
    if (typeof typename === 'string') runtimeType = typename;
  }
  if (step.idKey !== undefined && (!step.abstract || runtimeType === PERSON_TYPE)) {
    const id = object[step.idKey];
    if (typeof id === 'string') walk.persons.add(id);
  }
  walkSteps(walk, step.children!, object, runtimeType, inherited);
}

/** Adds the agencies that served a field; returns the agency its sub-fields inherit. */
function attribute(agencies: Set<string>, owners: readonly string[], inherited: string | undefined): string | undefined {
  if (owners.length === 1) {
    agencies.add(owners[0]!);
    return owners[0];
  }
  if (owners.length === 0 || (inherited !== undefined && owners.includes(inherited))) {
    if (inherited !== undefined) agencies.add(inherited);
    return inherited;
  }
  // Several could have, and nothing says which: name them all rather than guess.
  for (const owner of owners) agencies.add(owner);
  return undefined;
}
