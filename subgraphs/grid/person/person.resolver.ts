import { Arg, Ctx, Directive, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { decodeAfter, pageSize } from '../../shared/paging/cursor.ts';
import { ErrorCode, userError } from '../../shared/errors.ts';
import { divisionName, countyOf } from '../../shared/identity/divisions.ts';
import { maskIdNumber, maskPhone, parseIdNumber } from '../../shared/identity/idNumber.ts';
import { toConnection } from '../../shared/paging/toConnection.ts';
import { DateScalar } from '../../shared/schema/scalars.ts';
import { Person } from '../../shared/schema/Person.ts';
import { Scope, policy, requiresScope } from '../../shared/schema/scopes.ts';
import { localDate } from '../../shared/time/chinaTime.ts';
import type { GridContext } from '../context.ts';
import { Division, Gender, GridCell, Household, PersonConnection } from './person.type.ts';
import type { GridCellRow, PersonRow } from './person.store.ts';
import { CONNECTION_LIST_SIZE, cost, listSize } from '../../shared/schema/cost.ts';

export function toGridCell(row: GridCellRow): GridCell {
  return { code: row.code, name: row.name, town: { code: row.division, name: divisionName(row.division) ?? null }, workerName: row.workerName, workerPhone: row.workerPhone };
}

/** Whole years between a birth date and a moment (the birthday counts on its day). */
export function ageAt(birthDate: string, now: Date): number {
  // Birthdays fall on China's calendar: between 00:00 and 08:00 local time
  // the UTC date is still the day before.
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const [ny, nm, nd] = localDate(now).split('-').map(Number) as [number, number, number];
  return ny - y - (nm < m || (nm === m && nd < d) ? 1 : 0);
}

const PHONE_SUFFIX = /^\d{4}$/;

/**
 * The person's core record, owned by grid. Fields are nullable: a Person
 * reached from another agency's party may not be in this register, or may
 * live outside the user's jurisdiction (the person loader answers neither,
 * so both come back the same: null).
 */
@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { nullable: true, description: '按身份证号码查询人员；号码无效时返回 BAD_USER_INPUT 并指明长度、字符、区划、出生日期或校验位哪一项不符' })
  async personByIdNumber(@Arg('idNumber', () => String) idNumber: string, @Ctx() ctx: GridContext): Promise<Person | null> {
    const parsed = parseIdNumber(idNumber, ctx.clock.now());
    if (!parsed.ok) {
      throw userError(ErrorCode.BAD_USER_INPUT, `invalid ID number: ${parsed.message}`, { argumentName: 'idNumber', reason: parsed.reason });
    }
    const id = ctx.tokenize.ofValid(parsed.value);
    return (await ctx.loaders.person.load(id)) ? { id } : null;
  }

  @Query(() => Person, { nullable: true, description: '按人员标识查询人员' })
  async person(@Arg('id', () => ID) id: string, @Ctx() ctx: GridContext): Promise<Person | null> {
    return (await ctx.loaders.person.load(id)) ? { id } : null;
  }

  @Query(() => PersonConnection, { description: '按姓名（前缀）、手机号后四位、网格或区划查询人员，条件同时满足；只含辖区内居住的人员' })
  @Directive(policy(['agency:GRID'], ['agency:POLICE'], ['role:supervisor']))
  @Directive(CONNECTION_LIST_SIZE)
  @Directive(cost(10))
  searchPersons(
    @Ctx() ctx: GridContext,
    @Arg('name', () => String, { nullable: true, description: '姓名或姓名开头' }) name?: string | null,
    @Arg('phoneSuffix', () => String, { nullable: true, description: '手机号后四位' }) phoneSuffix?: string | null,
    @Arg('gridCell', () => ID, { nullable: true, description: '网格编码' }) gridCell?: string | null,
    @Arg('division', () => ID, { nullable: true, description: '区划代码（县、乡镇）' }) division?: string | null,
    @Arg('first', () => Int, { nullable: true, description: '每页条数，1–100，默认 20' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: '上一页的 endCursor' }) after?: string | null,
  ): PersonConnection {
    if (!name && !phoneSuffix && !gridCell && !division) {
      throw userError(ErrorCode.BAD_USER_INPUT, 'give at least one of name, phoneSuffix, gridCell, division');
    }
    if (phoneSuffix && !PHONE_SUFFIX.test(phoneSuffix)) {
      throw userError(ErrorCode.BAD_USER_INPUT, 'phoneSuffix must be the last 4 digits of a phone number', { argumentName: 'phoneSuffix' });
    }
    if (division && !/^\d{6}(\d{3})?$/.test(division)) {
      throw userError(ErrorCode.BAD_USER_INPUT, 'division must be a 6- or 9-digit division code', { argumentName: 'division' });
    }
    const page = ctx.persons.search({ name, phoneSuffix, gridCell, division }, ctx.jurisdiction, pageSize(first), decodeAfter(after));
    for (const row of page.rows) ctx.loaders.person.prime(row.id, row);
    return toConnection(page, (r) => [r.name, r.id], (r) => ({ id: r.id }));
  }

  @Query(() => [GridCell], { description: '辖区内的网格及其网格员（按区划代码：县或乡镇）' })
  @Directive(listSize({ assumedSize: 50 }))
  gridCells(@Arg('division', () => ID, { description: '区划代码（县 6 位或乡镇 9 位）' }) division: string, @Ctx() ctx: GridContext): GridCell[] {
    if (!/^\d{6}(\d{3})?$/.test(division)) {
      throw userError(ErrorCode.BAD_USER_INPUT, 'division must be a 6- or 9-digit division code', { argumentName: 'division' });
    }
    return ctx.persons.cellsIn(division).filter((cell) => ctx.jurisdiction.includes(cell.division)).map(toGridCell);
  }

  private row(person: Person, ctx: GridContext): Promise<PersonRow | undefined> {
    return ctx.loaders.person.load(person.id);
  }

  @FieldResolver(() => String, { nullable: true, description: '姓名' })
  async name(@Root() person: Person, @Ctx() ctx: GridContext) {
    return (await this.row(person, ctx))?.name ?? null;
  }

  @FieldResolver(() => Gender, { nullable: true, description: '性别' })
  async gender(@Root() person: Person, @Ctx() ctx: GridContext) {
    return (await this.row(person, ctx))?.gender ?? null;
  }

  @FieldResolver(() => DateScalar, { nullable: true, description: '出生日期' })
  async birthDate(@Root() person: Person, @Ctx() ctx: GridContext) {
    return (await this.row(person, ctx))?.birthDate ?? null;
  }

  @FieldResolver(() => Int, { nullable: true, description: '年龄（周岁）' })
  async age(@Root() person: Person, @Ctx() ctx: GridContext) {
    const row = await this.row(person, ctx);
    return row ? ageAt(row.birthDate, ctx.clock.now()) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: '身份证号码（脱敏，如 420923********1235）' })
  async idNumberMasked(@Root() person: Person, @Ctx() ctx: GridContext) {
    const row = await this.row(person, ctx);
    return row ? maskIdNumber(row.idNumber) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: '身份证号码（完整，需 person:id_number 权限）' })
  @Directive(requiresScope(Scope.ID_NUMBER))
  async idNumber(@Root() person: Person, @Ctx() ctx: GridContext) {
    return (await this.row(person, ctx))?.idNumber ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: '手机号码（脱敏，如 138****5678）' })
  async phoneMasked(@Root() person: Person, @Ctx() ctx: GridContext) {
    const phone = (await this.row(person, ctx))?.phone;
    return phone ? maskPhone(phone) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: '手机号码（完整，需 person:phone 权限）' })
  @Directive(requiresScope(Scope.PHONE))
  async phone(@Root() person: Person, @Ctx() ctx: GridContext) {
    return (await this.row(person, ctx))?.phone ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: '现住址' })
  async address(@Root() person: Person, @Ctx() ctx: GridContext) {
    return (await this.row(person, ctx))?.address ?? null;
  }

  @FieldResolver(() => Division, { nullable: true, description: '所在乡镇（街道）' })
  async town(@Root() person: Person, @Ctx() ctx: GridContext): Promise<Division | null> {
    const row = await this.row(person, ctx);
    return row ? { code: row.division, name: divisionName(row.division) ?? null } : null;
  }

  @FieldResolver(() => Division, { nullable: true, description: '所在县（市、区）' })
  async county(@Root() person: Person, @Ctx() ctx: GridContext): Promise<Division | null> {
    const row = await this.row(person, ctx);
    const code = row ? countyOf(row.division) : undefined;
    return code ? { code, name: divisionName(code) ?? null } : null;
  }

  @FieldResolver(() => GridCell, { nullable: true, description: '所在网格' })
  async gridCell(@Root() person: Person, @Ctx() ctx: GridContext): Promise<GridCell | null> {
    const row = await this.row(person, ctx);
    const cell = row?.cell ? await ctx.loaders.cell.load(row.cell) : undefined;
    return cell ? toGridCell(cell) : null;
  }

  @FieldResolver(() => Household, { nullable: true, description: '所在户及户内成员' })
  async household(@Root() person: Person, @Ctx() ctx: GridContext): Promise<Omit<Household, 'members'> | null> {
    const row = await this.row(person, ctx);
    const household = row?.household ? await ctx.loaders.household.load(row.household) : undefined;
    return household ? { id: household.id, address: household.address } : null;
  }

  @FieldResolver(() => [String], { nullable: true, description: '特殊人群标签（敏感个人信息，需 person:special_population 权限）' })
  @Directive(requiresScope(Scope.SPECIAL_POPULATION))
  async specialPopulationTags(@Root() person: Person, @Ctx() ctx: GridContext) {
    return (await this.row(person, ctx))?.tags ?? null;
  }
}
