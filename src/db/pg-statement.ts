// A lean statement as pg runs it, without two costs of pg's own Query that a lean read does not need
// (issue 17: about 50 µs of the app's CPU per statement, a tenth of what a DM costs it above bare Bolt,
// seen in a profile of the DM load):
// - pg copies a query's config object property by property (Object.getOwnPropertyDescriptors) before
//   it reads it; a statement made from its text and values has no config to copy;
// - pg's Result builds an object-row template for every result (one property per column, then a copy
//   of it), even when rows come back as arrays; here the result only picks each column's parser.
// Both are pg's public Query and Result classes, extended: the protocol, the prepared statements and
// the parsers are pg's. What this sets are fields pg's Query reads (`name`, `types`, the results it
// fills); test/db/pg-statement.test.ts checks that pg uses them, test/db/lean-read.test.ts runs every
// lean path against PostgreSQL.

/** pg's type parsers: by column type id (and text or binary format). */
export interface PgTypes {
  getTypeParser(oid: number, format?: string): (value: string) => unknown;
}

/** A result as the lean path reads it: rows as arrays, in the order of `fields`. */
export interface ArrayRows {
  fields: { name: string; dataTypeID: number }[];
  rows: unknown[][];
  rowCount: number | null;
}

/** What the pool's `query` is given: a statement pg submits itself (its `submit`), resolved with its rows. */
export type PgStatement = object;

interface Field {
  name: string;
  dataTypeID: number;
  format?: string;
}

/** The parts of pg's module, and of its Result and Query classes, this extends. */
interface PgResult {
  fields: Field[];
  _types: PgTypes;
  _parsers: ((value: string) => unknown)[] | undefined;
}
interface PgQuery {
  name?: string;
  types?: PgTypes;
  _rowMode?: string;
  _result: PgResult;
  _results: PgResult | PgResult[];
}
export interface PgClasses {
  Result: new (rowMode: string, types?: PgTypes) => PgResult;
  Query: new (text: string, values?: unknown[]) => PgQuery;
}

/** Makes lean statements on `pg`'s classes, with `types`' parsers. */
export function pgStatements(pg: PgClasses, types: PgTypes): (name: string | undefined, text: string, values: unknown[]) => PgStatement {
  class ArrayResult extends pg.Result {
    constructor() {
      super('array', types);
    }

    // pg's own also builds a row template for object rows, on every result.
    addFields(fields: Field[]): void {
      this.fields = fields;
      this._parsers = fields.map((field) => this._types.getTypeParser(field.dataTypeID, field.format || 'text'));
    }
  }

  class LeanStatement extends pg.Query {
    constructor(name: string | undefined, text: string, values: unknown[]) {
      // A text and its values, not a config object: pg copies nothing.
      super(text, values);
      if (name !== undefined) this.name = name;
      this.types = types;
      this._rowMode = 'array';
      const result = new ArrayResult();
      this._result = result;
      this._results = result;
    }
  }

  return (name, text, values) => new LeanStatement(name, text, values);
}
