import { describe, expect, it } from 'vitest';
import { ListFilter } from '../../../../../subgraphs/shared/store/ListFilter.ts';

describe('list filters', () => {
  it('adds only the criteria given', () => {
    const filter = new ListFilter().equals('status', null).equals('kind', undefined).inDivision('division', '').overdueAt(null);
    expect(filter.where).toEqual([]);
    expect(filter.params).toEqual({});
  });

  it('names a parameter after its column, without the table alias', () => {
    const filter = new ListFilter().equals('p.handling_unit', '云梦县信访局').equals('status', 'OPEN');
    expect(filter.where).toEqual(['p.handling_unit = @handling_unit', 'status = @status']);
    expect(filter.params).toEqual({ handling_unit: '云梦县信访局', status: 'OPEN' });
  });

  it('selects a division and everything inside it as a prefix range', () => {
    const filter = new ListFilter().inDivision('division', '420900');
    expect(filter.where).toEqual(['division >= @division AND division < @divisionEnd']);
    expect(filter.params).toEqual({ division: '4209', divisionEnd: '4209\uffff' });
  });

  it('selects what is still open past its deadline', () => {
    const filter = new ListFilter().overdueAt('2026-11-02T01:00:00.000Z', 'p.');
    expect(filter.where).toEqual(['p.closed_at IS NULL AND p.due_at < @overdueAt']);
    expect(filter.params).toEqual({ overdueAt: '2026-11-02T01:00:00.000Z' });
  });
});
