// Raw SQL below Prisma, over either backend: migrations, health checks and tests need it before
// (or beside) the Prisma client, and PostgreSQL (`pg`) and PGlite spell it differently.
import type { PGlite, Transaction } from '@electric-sql/pglite';
import type { Pool, PoolClient, QueryResultRow } from 'pg';

export interface SqlExecutor {
	/** Runs one or several `;`-separated statements with no parameters (a migration file). */
	exec(sql: string): Promise<void>;
	/** One statement; values always go through `params` ($1, $2…), never into `sql`. */
	query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface SqlRunner extends SqlExecutor {
	/**
	 * Runs `work` inside one transaction on one connection, committed when it resolves and rolled
	 * back when it throws. A pool hands each call to any connection, so BEGIN/COMMIT or a
	 * transaction-scoped advisory lock only mean something through this method.
	 */
	transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
	/**
	 * Runs `work` on one connection held for its whole duration, outside any transaction: what a
	 * session-level advisory lock needs (src/lib/server/jobs). PGlite has only one connection.
	 */
	connection<T>(work: (connection: SqlExecutor) => Promise<T>): Promise<T>;
}

function pgExecutor(client: Pool | PoolClient): SqlExecutor {
	return {
		async exec(sql) {
			// Without values node-postgres uses the simple query protocol, the only one that
			// accepts several statements in a single call.
			await client.query(sql);
		},
		async query<T>(sql: string, params: unknown[] = []) {
			const result = await client.query<QueryResultRow>(sql, params);
			return result.rows as T[];
		}
	};
}

export function pgRunner(pool: Pool): SqlRunner {
	return {
		...pgExecutor(pool),
		async transaction(work) {
			const client = await pool.connect();
			let broken: Error | undefined;
			try {
				await client.query('BEGIN');
				const result = await work(pgExecutor(client));
				await client.query('COMMIT');
				return result;
			} catch (error) {
				await client.query('ROLLBACK').catch((rollbackError: Error) => {
					// A connection that cannot roll back must not go back to the pool mid-transaction.
					broken = rollbackError;
				});
				throw error;
			} finally {
				client.release(broken);
			}
		},
		async connection(work) {
			const client = await pool.connect();
			try {
				return await work(pgExecutor(client));
			} finally {
				client.release();
			}
		}
	};
}

function pgliteExecutor(db: PGlite | Transaction): SqlExecutor {
	return {
		async exec(sql) {
			await db.exec(sql);
		},
		async query<T>(sql: string, params: unknown[] = []) {
			return (await db.query<T>(sql, params)).rows;
		}
	};
}

export function pgliteRunner(db: PGlite): SqlRunner {
	return {
		...pgliteExecutor(db),
		// PGlite is a single connection shared by the whole process; its own transaction() keeps
		// other callers' queries out of ours until it commits.
		transaction: (work) => db.transaction((tx) => work(pgliteExecutor(tx))),
		connection: (work) => work(pgliteExecutor(db))
	};
}
