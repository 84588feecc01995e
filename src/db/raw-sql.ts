// Raw SQL built the same way for both providers: Prisma's tagged template and its helpers, straight from
// Prisma's runtime. Not from a generated client: importing the SQLite client for them loaded its model
// and schema into every PostgreSQL process as well (issue 17, a lean process).
export { empty, join, raw, Sql, sqltag as sql } from '@prisma/client/runtime/client';
