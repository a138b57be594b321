/**
 * County-level codes of places migrants come from (ID numbers issued
 * outside the six counties): neighbouring Hubei counties and the provinces
 * that send most workers to Hubei. Real GB/T 2260 codes; ID validation only
 * checks the province prefix (divisions.ts), but real codes look right to a
 * case handler.
 */
export const OUTSIDE_DIVISIONS: readonly string[] = [
  // Hubei
  '420921', '420922', '420981', '420982', '420984', '421083', '421087', '420682', '421122', '421126', '421221', '420281',
  // Henan, Hunan, Anhui, Jiangxi
  '411523', '411502', '411424', '430624', '430681', '430521', '341221', '341203', '340824', '360424', '360430', '361024',
  // Sichuan, Chongqing, Guangxi, Guizhou, Guangdong, Shandong
  '510921', '511621', '500235', '500228', '450881', '522422', '441881', '370883',
];
