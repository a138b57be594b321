import type { Gender } from '../../subgraphs/shared/world/records.ts';
import type { Rng } from '../random/Rng.ts';

/**
 * Given-name characters by sex and generation: names follow fashions
 * (建国 and 秀英 for grandparents, 伟 and 丽 for parents, 子轩 and 欣怡 for
 * children), so a name should fit the birth year the ID number states.
 */
interface Pool {
  readonly first: readonly string[];
  readonly second: readonly string[];
}

const split = (s: string): readonly string[] => Array.from(s);

const MALE: readonly Pool[] = [
  { first: split('建国志德永明文振学长秋春保金祖家清世光中'), second: split('国华军平明强生林成民才发忠富贵山海良安东') },
  { first: split('建志伟海晓俊文小红卫立新振国永军宏春'), second: split('伟强军勇杰涛斌超华明刚平辉波峰鹏林东亮飞') },
  { first: split('子浩宇俊梓一博思嘉睿雨晨家天明志鑫文'), second: split('轩涵然宇豪阳博睿杰辰航泽熙诚浩铭瑞翔凯鑫') },
];

const FEMALE: readonly Pool[] = [
  { first: split('秀桂玉凤淑春金美素翠月'), second: split('英兰珍芳华梅莲琴云荣花香娥凤') },
  { first: split('丽红晓小海艳春秀雪美慧静'), second: split('娟燕丽霞敏静红芳玲艳萍琳娜洁丹颖') },
  { first: split('欣子梓诗雨思佳可紫心梦一语'), second: split('涵怡琪萱婷彤悦琳瑶菲雯妍颖欣宁') },
];

function generation(birthYear: number): number {
  return birthYear < 1970 ? 0 : birthYear < 1990 ? 1 : 2;
}

/** A given name: mostly two characters, one character for about 15% (more among the old). */
export function givenName(rng: Rng, gender: Gender, birthYear: number): string {
  const g = generation(birthYear);
  const pool = (gender === 'MALE' ? MALE : FEMALE)[g] as Pool;
  const single = rng.chance(g === 0 ? 0.25 : g === 1 ? 0.18 : 0.08);
  if (single) return rng.pick(pool.second);
  const a = rng.pick(pool.first);
  let b = rng.pick(pool.second);
  if (b === a) b = rng.pick(pool.second);
  return a + b;
}
