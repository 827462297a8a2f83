import type { Page } from '@distans/contracts';
import { DataSource, QueryFailedError } from 'typeorm';
import { ConflictError } from './domain-errors';
import { PageQuery, toPage } from './pagination';

/** WHERE conditions with numbered parameters; `?` in a condition stands for its value. */
export class SqlFilter {
  readonly params: unknown[] = [];
  private readonly conditions: string[] = [];

  add(condition: string, value: unknown): this {
    this.params.push(value);
    this.conditions.push(condition.replaceAll('?', `$${this.params.length}`));
    return this;
  }

  get where(): string {
    return this.conditions.length ? `WHERE ${this.conditions.join(' AND ')}` : '';
  }
}

/** SET clauses for the fields a PATCH carries (undefined = not sent); `$1` is the row id. */
export class SqlUpdate {
  readonly params: unknown[];
  private readonly assignments: string[] = [];

  constructor(id: string) {
    this.params = [id];
  }

  set(column: string, value: unknown): this {
    if (value === undefined) return this;
    this.params.push(value);
    this.assignments.push(`${column} = $${this.params.length}`);
    return this;
  }

  get isEmpty(): boolean {
    return this.assignments.length === 0;
  }

  get sql(): string {
    return this.assignments.join(', ');
  }
}

/** An ILIKE pattern matching `text` anywhere, with the pattern characters in it taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`;
}

export interface PagedSelect {
  /** Select list. */
  columns: string;
  /** `FROM ... JOIN ...`, without WHERE. */
  from: string;
  /** Must end in a unique column so that pages are stable. */
  orderBy: string;
}

/** One page of rows plus the total, in one round trip (two when asked for a page past the end). */
export async function selectPage<Row, T = Row>(
  db: DataSource,
  sql: PagedSelect,
  filter: SqlFilter,
  q: PageQuery,
  present: (row: Row) => T = (row) => row as unknown as T,
): Promise<Page<T>> {
  const params = [...filter.params, q.pageSize, (q.page - 1) * q.pageSize];
  const rows: (Row & { total: string })[] = await db.query(
    `SELECT ${sql.columns}, count(*) OVER () AS total ${sql.from} ${filter.where}
      ORDER BY ${sql.orderBy} LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  let total = rows.length ? Number(rows[0].total) : 0;
  if (!rows.length && q.page > 1) {
    const [row]: { n: number }[] = await db.query(
      `SELECT count(*)::int AS n ${sql.from} ${filter.where}`,
      filter.params,
    );
    total = row.n;
  }
  return toPage(
    rows.map(({ total: _total, ...row }) => present(row as Row)),
    total,
    q,
  );
}

/** Per unique constraint: the request field it is about and what to tell the caller. */
export type UniqueFields = Record<string, { field: string; message: string }>;

/**
 * Runs a write and turns a unique violation into a 409 naming the field. The constraint, not a
 * read before the write, is the judge, so two concurrent requests cannot both succeed.
 */
export async function withUniqueFields<T>(fields: UniqueFields, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const driver =
      error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : {};
    const known = driver.code === '23505' && driver.constraint ? fields[driver.constraint] : undefined;
    if (known) throw new ConflictError(known.message, { details: { [known.field]: ['is already in use'] } });
    throw error;
  }
}

/** Number of rows an UPDATE or DELETE touched (TypeORM's postgres driver answers `[rows, count]`). */
export function affected(result: unknown): number {
  return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
}
