import type { DataSource } from 'typeorm';
import { ProvinceRow } from '../db/entities';
import { resolveProvinceInput, resolveProvinceInputs, type ProvinceName } from './resolveProvinceInput';

/** Every province in the directory (a handful of rows). */
export async function directoryProvinces(dataSource: DataSource): Promise<ProvinceName[]> {
  return dataSource.getRepository(ProvinceRow).find({ order: { code: 'ASC' } });
}

/** The code a province argument names (code, 安徽, 安徽省, Anhui ...); BAD_USER_INPUT naming `field` otherwise. */
export async function provinceCodeOf(dataSource: DataSource, input: string, field: string): Promise<string> {
  return resolveProvinceInput(input, await directoryProvinces(dataSource), field);
}

/** The distinct codes a list of province arguments names, in the order given. */
export async function provinceCodesOf(dataSource: DataSource, inputs: readonly string[], field: string): Promise<string[]> {
  return resolveProvinceInputs(inputs, await directoryProvinces(dataSource), field);
}
