/** A person the user chose to register a dispute for (person page → intake form); in memory only. */
export interface PendingIntake {
  personId: string;
  name: string;
}

let pending: PendingIntake | null = null;

export function startIntakeFor(person: PendingIntake): void {
  pending = person;
}

/** The pending person, if any (pure: safe in a state initializer, which React may call twice). */
export function pendingIntake(): PendingIntake | null {
  return pending;
}

/** Forgets the pending person once the form has taken it over. */
export function clearPendingIntake(): void {
  pending = null;
}
