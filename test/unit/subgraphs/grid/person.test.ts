import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPersonTokenizer, DEV_FEDERATION_SECRET } from '../../../../subgraphs/shared/identity/personToken.ts';
import { type GridHarness, startGrid } from '../../../support/gridApp.ts';
import { testPrincipal } from '../../../support/testPrincipal.ts';
import { ID, writeTinyGridWorld } from '../../../support/tinyGridWorld.ts';

const token = createPersonTokenizer(DEV_FEDERATION_SECRET);

describe('grid: people', () => {
  let grid: GridHarness;
  beforeAll(async () => {
    grid = await startGrid({ now: '2026-11-01T08:00:00+08:00', seedWorld: writeTinyGridWorld });
  });
  afterAll(() => grid.close());

  it('finds a person by ID number with the core record, masked by default', async () => {
    const res = await grid.gql(`{ personByIdNumber(idNumber: "420923198503161235") {
      id name gender birthDate age idNumberMasked phoneMasked address town { code name } county { code name }
      gridCell { code name workerName town { name } } household { address members { name } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data?.personByIdNumber).toEqual({
      id: token(ID.zhang),
      name: '张伟',
      gender: 'MALE',
      birthDate: '1985-03-16',
      age: 41,
      idNumberMasked: '420923********1235',
      phoneMasked: '138****1234',
      address: '城关镇东方社区建设路 1 号',
      town: { code: '420923100', name: '城关镇' },
      county: { code: '420923', name: '云梦县' },
      gridCell: { code: '420923100001-01', name: '城关镇东方社区第1网格', workerName: '王芳', town: { name: '城关镇' } },
      household: { address: '城关镇东方社区建设路 1 号', members: [{ name: '张伟' }, { name: '刘敏' }, { name: '张小明' }] },
    });
  });

  it('counts age by China\'s calendar: on the birthday at 01:00 local time (still the day before in UTC)', async () => {
    grid.clock.set('2027-03-16T01:00:00+08:00');
    try {
      const res = await grid.gql(`{ personByIdNumber(idNumber: "420923198503161235") { age } }`);
      expect(res.data?.personByIdNumber.age).toBe(42);
      grid.clock.set('2027-03-15T23:00:00+08:00');
      expect((await grid.gql(`{ personByIdNumber(idNumber: "420923198503161235") { age } }`)).data?.personByIdNumber.age).toBe(41);
    } finally {
      grid.clock.set('2026-11-01T08:00:00+08:00');
    }
  });

  it('accepts a lower-case x and surrounding spaces', async () => {
    const res = await grid.gql(`{ personByIdNumber(idNumber: " 11010519491231002x ") { id } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data?.personByIdNumber).toBeNull(); // valid, but not in this register
  });

  it.each([
    ['42092319850316123', 'LENGTH'],
    ['42092319850316123A', 'CHARACTERS'],
    ['420923198502301235', 'BIRTH_DATE'],
    ['420923198503161234', 'CHECK_CHARACTER'],
    ['420923850316123', 'LEGACY_15_DIGIT'],
  ])('refuses %s with BAD_USER_INPUT naming %s', async (idNumber, reason) => {
    const res = await grid.gql(`query($n: String!) { personByIdNumber(idNumber: $n) { id } }`, { n: idNumber });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
  });

  it('searches by name prefix, phone suffix, grid cell and division with totals and pages', async () => {
    const byName = await grid.gql(`{ searchPersons(name: "张") { totalCount nodes { name } pageInfo { hasNextPage } } }`);
    expect(byName.data?.searchPersons).toEqual({ totalCount: 2, nodes: [{ name: '张伟' }, { name: '张小明' }], pageInfo: { hasNextPage: false } });

    const byPhone = await grid.gql(`{ searchPersons(phoneSuffix: "5678") { totalCount nodes { name } } }`);
    expect(byPhone.data?.searchPersons).toEqual({ totalCount: 1, nodes: [{ name: '刘敏' }] });

    const byCell = await grid.gql(`{ searchPersons(gridCell: "420923101201-01") { totalCount nodes { name } } }`);
    expect(byCell.data?.searchPersons).toEqual({ totalCount: 1, nodes: [{ name: '李强' }] });

    const first = await grid.gql(`{ searchPersons(division: "420923", first: 3) { totalCount nodes { name } pageInfo { hasNextPage endCursor } } }`);
    expect(first.data?.searchPersons.totalCount).toBe(4);
    expect(first.data?.searchPersons.nodes).toHaveLength(3);
    expect(first.data?.searchPersons.pageInfo.hasNextPage).toBe(true);
    const second = await grid.gql(`query($after: String) { searchPersons(division: "420923", first: 3, after: $after) { nodes { name } pageInfo { hasNextPage } } }`, {
      after: first.data?.searchPersons.pageInfo.endCursor,
    });
    expect(second.data?.searchPersons).toEqual({ nodes: [{ name: '李强' }], pageInfo: { hasNextPage: false } });
  });

  it('lists the grid cells of a county or town with their grid workers', async () => {
    const county = await grid.gql(`{ gridCells(division: "420923") { code workerName workerPhone town { name } } }`);
    expect(county.errors).toBeUndefined();
    expect(county.data?.gridCells).toEqual([
      { code: '420923100001-01', workerName: '王芳', workerPhone: '13900000001', town: { name: '城关镇' } },
      { code: '420923101201-01', workerName: '陈刚', workerPhone: '13900000002', town: { name: '义堂镇' } },
    ]);
    const town = await grid.gql(`{ gridCells(division: "420923101") { code } }`);
    expect(town.data?.gridCells).toEqual([{ code: '420923101201-01' }]);
    const elsewhere = await grid.gql(`{ gridCells(division: "420102") { code } }`);
    expect(elsewhere.data?.gridCells).toEqual([]);
    expect((await grid.gql(`{ gridCells(division: "42") { code } }`)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const outsider = await grid.gql(`{ gridCells(division: "420923") { code } }`, undefined, testPrincipal('grid', { jurisdiction: ['420102'] }));
    expect(outsider.data?.gridCells).toEqual([]);
  });

  it('refuses a search without criteria, a bad phone suffix and a bad cursor', async () => {
    expect((await grid.gql(`{ searchPersons { totalCount } }`)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await grid.gql(`{ searchPersons(phoneSuffix: "12a4") { totalCount } }`)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await grid.gql(`{ searchPersons(name: "张", after: "nonsense") { totalCount } }`)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('marks the full ID number, full phone and tags with @requiresScopes', async () => {
    const res = await grid.gql(`{ _service { sdl } }`);
    const sdl: string = res.data?._service.sdl;
    expect(sdl).toMatch(/idNumber: String @requiresScopes\(scopes: \[\["person:id_number"\]\]\)/);
    expect(sdl).toMatch(/phone: String @requiresScopes\(scopes: \[\["person:phone"\]\]\)/);
    expect(sdl).toMatch(/specialPopulationTags: \[String!\] @requiresScopes\(scopes: \[\["person:special_population"\]\]\)/);
  });

  it('resolves 100 Person representations with one SQL statement', async () => {
    const representations = Array.from({ length: 100 }, (_, i) => ({ __typename: 'Person', id: i < 4 ? token(Object.values(ID)[i]!) : `p_unknown${i}` }));
    grid.statements.length = 0;
    const res = await grid.gql(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id name } } }`, { r: representations });
    expect(res.errors).toBeUndefined();
    const entities = res.data?._entities as { id: string; name: string | null }[];
    expect(entities).toHaveLength(100);
    expect(entities.slice(0, 4).map((e) => e.name)).toEqual(['张伟', '刘敏', '张小明', '李强']);
    expect(entities[50]?.name).toBeNull();
    const personQueries = grid.statements.filter((s) => /FROM person/.test(s));
    expect(personQueries).toHaveLength(1);
  });
});
