-- French full-text search over measures and published progress updates (hand-edited after
-- `npm run db:migration -- measure_search`, which wrote the two ADD COLUMN and the two GIN indexes).
--
-- Why generated columns rather than expression indexes: Prisma cannot express an index over an
-- expression, so the schema-drift check would ask to drop one; a column declared in schema.prisma
-- as `Unsupported("tsvector")` with a GIN `@@index` is described by Prisma and stays in step with
-- the migrations, while PostgreSQL computes its value (GENERATED ... STORED) on every write, so the
-- application never maintains it. Prisma Client neither reads nor writes Unsupported columns.
--
-- `to_tsvector('french', …)` with a constant configuration is IMMUTABLE, as a generated column
-- requires; `array_to_string` is only STABLE (it goes through the element type's output function),
-- hence the small IMMUTABLE wrapper for text[] (text output does not depend on any setting).
-- Weights: title A, description B, sub-actions C, so that ts_rank puts title matches first.
-- Runs unchanged on PostgreSQL 15 (CI, production) and on PGlite (PostgreSQL 18, embedded start).

CREATE FUNCTION "jalons_join_text"(parts text[]) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT coalesce(array_to_string(parts, ' '), '') $$;

-- AlterTable
ALTER TABLE "Measure" ADD COLUMN     "searchVector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('french', coalesce("title", '')), 'A') ||
  setweight(to_tsvector('french', coalesce("description", '')), 'B') ||
  setweight(to_tsvector('french', "jalons_join_text"("subActions")), 'C')
) STORED;

-- AlterTable
ALTER TABLE "ProgressUpdate" ADD COLUMN     "searchVector" tsvector GENERATED ALWAYS AS (
  to_tsvector('french', coalesce("text", ''))
) STORED;

-- CreateIndex
CREATE INDEX "Measure_searchVector_idx" ON "Measure" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "ProgressUpdate_searchVector_idx" ON "ProgressUpdate" USING GIN ("searchVector");
