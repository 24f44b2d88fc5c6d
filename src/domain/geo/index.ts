// src/domain/geo offers the administrative units Motcua needs to name.
export { PROVINCE_NAMES, provinceName } from './provinces';
export type { CommuneInfo } from './commune';
