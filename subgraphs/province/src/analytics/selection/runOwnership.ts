import type { Principal } from '@devzone/auth';
import { ERRORS } from '@devzone/errors';
import type { GraphQLError } from 'graphql';
import type { DataSource, FindOptionsWhere } from 'typeorm';
import { may } from '../../authz';
import { SelectionRunRow } from '../../db/entities';

/**
 * A saved run belongs to whoever saved it: its owner and administrators read,
 * list and delete it. Anyone else is told it does not exist, with the message
 * an unknown id gets.
 */
export const runNotFound = (id: string): GraphQLError => ERRORS.NOT_FOUND.err(`selection run "${id}" not found (see selectionRuns)`, { id });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function visibleTo(principal: Principal, id?: string): FindOptionsWhere<SelectionRunRow> {
  return { ...(id === undefined ? {} : { id }), ...(may(principal, 'ANY_RUN') ? {} : { createdBy: principal.subject }) };
}

function requireRunId(id: string): void {
  if (!UUID.test(id)) throw ERRORS.BAD_USER_INPUT.err(`id: "${id}" is not a selection-run id (a UUID)`, { field: 'id' });
}

/** The run, when the caller may see it; NOT_FOUND otherwise. */
export async function findVisibleRun(dataSource: DataSource, principal: Principal, id: string): Promise<SelectionRunRow> {
  requireRunId(id);
  const row = await dataSource.getRepository(SelectionRunRow).findOneBy(visibleTo(principal, id));
  if (!row) throw runNotFound(id);
  return row;
}

/** The caller's own runs (every run for an administrator), newest first. */
export async function listVisibleRuns(dataSource: DataSource, principal: Principal, page: { first: number; offset: number }): Promise<SelectionRunRow[]> {
  return dataSource
    .getRepository(SelectionRunRow)
    .find({ where: visibleTo(principal), order: { createdAt: 'DESC', id: 'ASC' }, skip: page.offset, take: page.first });
}

/** Deletes the run in one statement whose condition is the ownership rule; NOT_FOUND when nothing the caller may delete has that id. */
export async function deleteVisibleRun(dataSource: DataSource, principal: Principal, id: string): Promise<void> {
  requireRunId(id);
  const { affected } = await dataSource.getRepository(SelectionRunRow).delete(visibleTo(principal, id));
  if (!affected) throw runNotFound(id);
}
