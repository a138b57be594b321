import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { MatterRef } from '../../shared/schema/matterReferences.ts';
import { Person } from '../../shared/schema/Person.ts';
import { Scope, requiresScope } from '../../shared/schema/scopes.ts';
import type { PoliceContext } from '../context.ts';
import { incidentRef, POLICE_ONLY } from './incident.resolver.ts';
import { PoliceIncident } from './incident.type.ts';
import { listSize } from '../../shared/schema/cost.ts';

/**
 * The police slice of Person. Being a suspect is police-only: an incident
 * where the person is only a suspect is not in `policeIncidents` (it would
 * show the incident while `parties` hides why), but in the scoped field.
 */
@Resolver(() => Person)
export class PersonIncidentsResolver {
  // Nullable: the gateway can still return the rest of the person if police fails.
  @FieldResolver(() => [PoliceIncident], { nullable: true, description: '此人作为报警人、受害人、证人或其他涉事人员的 110 警情（辖区内），新的在前' })
  @Directive(listSize({ assumedSize: 20 }))
  async policeIncidents(@Root() person: Person, @Ctx() ctx: PoliceContext): Promise<MatterRef[]> {
    return (await ctx.loaders.incidentsOfPerson.load(person.id)).map(incidentRef);
  }

  @FieldResolver(() => [PoliceIncident], { nullable: true, description: '此人作为违法犯罪嫌疑人的警情，新的在前（仅公安可见，需 police:restricted 权限）' })
  @Directive(requiresScope(Scope.POLICE_RESTRICTED))
  @Directive(POLICE_ONLY)
  @Directive(listSize({ assumedSize: 20 }))
  async policeIncidentsAsSuspect(@Root() person: Person, @Ctx() ctx: PoliceContext): Promise<MatterRef[]> {
    return (await ctx.loaders.incidentsOfSuspect.load(person.id)).map(incidentRef);
  }
}
