import { createRequire } from "node:module";
import type pg from "pg";

// Compares what schema.prisma describes with what the migrations actually built, so a
// change to one without the other fails the tests. Prisma's own differ needs the schema
// engine, which cannot be downloaded everywhere; its schema parser ships as wasm and can.

type TDmmfField = {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object" | "unsupported";
  type: string;
  isList: boolean;
  isRequired: boolean;
  isUpdatedAt: boolean;
  nativeType?: [string, string[]] | null;
  default?: { name: string; args: unknown[] } | unknown[] | string | number | boolean | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
};
type TDmmf = {
  datamodel: {
    models: { name: string; dbName: string | null; fields: TDmmfField[] }[];
    enums: { name: string; dbName?: string | null; values: { name: string; dbName?: string | null }[] }[];
    indexes: { model: string; type: "id" | "unique" | "normal" | "fulltext"; dbName?: string | null; fields: { name: string }[] }[];
  };
};

export function parseSchema(schema: string): TDmmf {
  const wasm = createRequire(import.meta.url)("@prisma/prisma-schema-wasm/src/prisma_schema_build.js") as { get_dmmf(params: string): string };
  return JSON.parse(wasm.get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", schema]] }))) as TDmmf;
}

const NATIVE: Record<string, string> = {
  Uuid: "uuid", Text: "text", VarChar: "varchar", Char: "bpchar", Timestamptz: "timestamptz", Timestamp: "timestamp",
  Date: "date", Integer: "int4", SmallInt: "int2", BigInt: "int8", DoublePrecision: "float8", Real: "float4",
  Decimal: "numeric", JsonB: "jsonb", Json: "json", Boolean: "bool", ByteA: "bytea",
};
const SCALAR: Record<string, string> = {
  String: "text", Int: "int4", BigInt: "int8", Float: "float8", Decimal: "numeric", Boolean: "bool",
  DateTime: "timestamp", Json: "jsonb", Bytes: "bytea",
};
const ON_DELETE: Record<string, string> = { a: "NoAction", r: "Restrict", c: "Cascade", n: "SetNull", d: "SetDefault" };

function expectedDefault(field: TDmmfField): string | null {
  const value = field.default;
  if (value === undefined || value === null) return null;
  // A scalar list's default: `@default([])` becomes `DEFAULT ARRAY[]::TEXT[]`.
  if (Array.isArray(value)) return `ARRAY[${value.map((item) => (typeof item === "string" ? `'${item}'` : String(item))).join(", ")}]`;
  if (typeof value === "object") {
    if (value.name === "now") return "CURRENT_TIMESTAMP";
    if (value.name === "autoincrement") return "nextval";
    if (value.name === "dbgenerated") return String(value.args[0] ?? "");
    return null; // cuid(), uuid() … are made by the client, not the database
  }
  return String(value);
}

function normaliseDbDefault(value: string | null): string | null {
  if (value === null) return null;
  if (value.startsWith("nextval(")) return "nextval";
  return value.replace(/::[\w" ]+(\[\])?$/, "").replace(/^'(.*)'$/, "$1");
}

type TSnapshot = { columns: Set<string>; indexes: Set<string>; enums: Set<string>; foreignKeys: Set<string> };

export function expectedSnapshot(schema: string): TSnapshot {
  const { datamodel } = parseSchema(schema);
  const snapshot: TSnapshot = { columns: new Set(), indexes: new Set(), enums: new Set(), foreignKeys: new Set() };
  const enumDbName = new Map(datamodel.enums.map((e) => [e.name, e.dbName ?? e.name]));
  for (const e of datamodel.enums) snapshot.enums.add(`enum ${e.dbName ?? e.name} (${e.values.map((v) => v.dbName ?? v.name).join(", ")})`);
  const tableOf = new Map(datamodel.models.map((m) => [m.name, m.dbName ?? m.name]));
  for (const model of datamodel.models) {
    const table = model.dbName ?? model.name;
    const columnOf = new Map(model.fields.map((f) => [f.name, f.dbName ?? f.name]));
    for (const field of model.fields) {
      if (field.kind === "object") {
        if (field.relationFromFields?.length) {
          const target = datamodel.models.find((m) => m.name === field.type)!;
          const targetColumns = new Map(target.fields.map((f) => [f.name, f.dbName ?? f.name]));
          const onDelete = field.relationOnDelete ?? (field.isRequired ? "Restrict" : "SetNull");
          snapshot.foreignKeys.add(
            `foreign key ${table}(${field.relationFromFields.map((f) => columnOf.get(f)).join(", ")}) -> ${tableOf.get(field.type)}(${(field.relationToFields ?? []).map((f) => targetColumns.get(f)).join(", ")}) on delete ${onDelete}`,
          );
        }
        continue;
      }
      const base = field.nativeType ? NATIVE[field.nativeType[0]] ?? field.nativeType[0].toLowerCase() : field.kind === "enum" ? enumDbName.get(field.type)! : SCALAR[field.type];
      const type = field.isList ? `_${base}` : base;
      // Prisma writes scalar lists as nullable arrays (`TEXT[]`), required or not.
      snapshot.columns.add(`column ${table}.${field.dbName ?? field.name} ${type} ${field.isRequired && !field.isList ? "NOT NULL" : "NULL"} default=${expectedDefault(field)}`);
    }
  }
  for (const index of datamodel.indexes) {
    const table = tableOf.get(index.model)!;
    const model = datamodel.models.find((m) => m.name === index.model)!;
    const columns = index.fields.map((f) => model.fields.find((field) => field.name === f.name)?.dbName ?? f.name);
    const suffix = index.type === "id" ? "pkey" : index.type === "unique" ? "key" : "idx";
    const name = index.dbName ?? (index.type === "id" ? `${table}_pkey` : `${table}_${columns.join("_")}_${suffix}`);
    const kind = index.type === "id" ? "primary key" : index.type === "unique" ? "unique index" : "index";
    snapshot.indexes.add(`${kind} ${name} on ${table}(${columns.join(", ")})`);
  }
  return snapshot;
}

export async function databaseSnapshot(client: pg.Client): Promise<TSnapshot> {
  const snapshot: TSnapshot = { columns: new Set(), indexes: new Set(), enums: new Set(), foreignKeys: new Set() };
  const skip = "'_prisma_migrations'";
  const columns = await client.query<{ table_name: string; column_name: string; udt_name: string; is_nullable: string; column_default: string | null }>(
    `SELECT table_name, column_name, udt_name, is_nullable, column_default FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name <> ${skip}`,
  );
  for (const c of columns.rows) {
    snapshot.columns.add(`column ${c.table_name}.${c.column_name} ${c.udt_name} ${c.is_nullable === "YES" ? "NULL" : "NOT NULL"} default=${normaliseDbDefault(c.column_default)}`);
  }
  const indexes = await client.query<{ table: string; index: string; unique: boolean; primary: boolean; columns: string[] }>(
    `SELECT t.relname AS table, i.relname AS index, ix.indisunique AS unique, ix.indisprimary AS primary,
            array_agg(a.attname::text ORDER BY k.ord) AS columns
     FROM pg_index ix
     JOIN pg_class t ON t.oid = ix.indrelid
     JOIN pg_class i ON i.oid = ix.indexrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
     JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
     WHERE n.nspname = 'public' AND t.relname <> ${skip}
     GROUP BY 1, 2, 3, 4`,
  );
  for (const i of indexes.rows) {
    const kind = i.primary ? "primary key" : i.unique ? "unique index" : "index";
    snapshot.indexes.add(`${kind} ${i.index} on ${i.table}(${i.columns.join(", ")})`);
  }
  const enums = await client.query<{ name: string; labels: string[] }>(
    `SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
     FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE n.nspname = 'public' GROUP BY 1`,
  );
  for (const e of enums.rows) snapshot.enums.add(`enum ${e.name} (${e.labels.join(", ")})`);
  const foreignKeys = await client.query<{ table: string; columns: string[]; target: string; target_columns: string[]; on_delete: string }>(
    `SELECT t.relname AS table, ft.relname AS target, c.confdeltype AS on_delete,
            (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS columns,
            (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) AS target_columns
     FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class ft ON ft.oid = c.confrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE c.contype = 'f' AND n.nspname = 'public'`,
  );
  for (const f of foreignKeys.rows) {
    snapshot.foreignKeys.add(`foreign key ${f.table}(${f.columns.join(", ")}) -> ${f.target}(${f.target_columns.join(", ")}) on delete ${ON_DELETE[f.on_delete]}`);
  }
  return snapshot;
}

/** Every difference as a line: "+" only in schema.prisma, "-" only in the migrated database. */
export function diffSnapshots(expected: TSnapshot, actual: TSnapshot): string[] {
  const lines: string[] = [];
  for (const key of ["enums", "columns", "indexes", "foreignKeys"] as const) {
    for (const item of expected[key]) if (!actual[key].has(item)) lines.push(`+ ${item}  (in schema.prisma, not in the migrations)`);
    for (const item of actual[key]) if (!expected[key].has(item)) lines.push(`- ${item}  (in the migrations, not in schema.prisma)`);
  }
  return lines.sort();
}
