-- CreateTable
CREATE TABLE "MeasureRollup" (
    "measureId" TEXT NOT NULL,
    "totalWeight" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "doneWeight" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "baseline" DOUBLE PRECISION,
    "target" DOUBLE PRECISION,
    "direction" "IndicatorDirection",
    "current" DOUBLE PRECISION,

    CONSTRAINT "MeasureRollup_pkey" PRIMARY KEY ("measureId")
);

-- AddForeignKey
ALTER TABLE "MeasureRollup" ADD CONSTRAINT "MeasureRollup_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Recomputes the roll-up rows of some measures from their milestones and first indicator: the same
-- rule as the query it replaces (measureRollups in src/lib/server/domain/plans/view.ts). Measures that
-- no longer exist are skipped (a cascade from a deleted measure or indicator).
-- Two transactions writing to one measure at once must not keep the older sum: the rows are locked
-- first, then the sums are read by a later statement, whose snapshot (READ COMMITTED) sees the other
-- transaction's committed rows.
CREATE FUNCTION "jalons_refresh_measure_rollups"(ids text[]) RETURNS void
  LANGUAGE plpgsql VOLATILE
  AS $$
BEGIN
  INSERT INTO "MeasureRollup" ("measureId")
    SELECT m."id" FROM "Measure" m WHERE m."id" = ANY(ids)
    ON CONFLICT ("measureId") DO NOTHING;
  PERFORM 1 FROM "MeasureRollup" r WHERE r."measureId" = ANY(ids) ORDER BY r."measureId" FOR UPDATE;
  UPDATE "MeasureRollup" r
    SET "totalWeight" = coalesce(w.total, 0), "doneWeight" = coalesce(w.done, 0),
      "baseline" = i.baseline, "target" = i.target, "direction" = i.direction, "current" = i.current
    FROM "Measure" m
    LEFT JOIN LATERAL (
      SELECT sum(greatest(ms."weight", 0))::float8 AS total,
        sum(CASE WHEN ms."doneOn" IS NOT NULL THEN greatest(ms."weight", 0) ELSE 0 END)::float8 AS done
      FROM "Milestone" ms WHERE ms."measureId" = m."id"
    ) w ON TRUE
    LEFT JOIN LATERAL (
      SELECT ind."baseline", ind."target", ind."direction",
        (SELECT v."value" FROM "IndicatorValue" v WHERE v."indicatorId" = ind."id" ORDER BY v."date" DESC, v."createdAt" DESC, v."id" DESC LIMIT 1) AS current
      FROM "Indicator" ind WHERE ind."measureId" = m."id"
      ORDER BY ind."position" ASC, ind."id" ASC LIMIT 1
    ) i ON TRUE
    WHERE m."id" = r."measureId" AND r."measureId" = ANY(ids);
END $$;

-- Statement-level triggers on the rows that carry their measure's id (milestones and indicators): one
-- recomputation per statement, for the measures it touched (a createMany of thousands of milestones
-- recomputes each measure once).
CREATE FUNCTION "jalons_measure_child_rollups"() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "jalons_refresh_measure_rollups"(ARRAY(SELECT DISTINCT "measureId" FROM new_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM "jalons_refresh_measure_rollups"(ARRAY(SELECT "measureId" FROM new_rows UNION SELECT "measureId" FROM old_rows));
  ELSE
    PERFORM "jalons_refresh_measure_rollups"(ARRAY(SELECT DISTINCT "measureId" FROM old_rows));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Milestone_rollups_insert" AFTER INSERT ON "Milestone" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "jalons_measure_child_rollups"();
CREATE TRIGGER "Milestone_rollups_update" AFTER UPDATE ON "Milestone" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "jalons_measure_child_rollups"();
CREATE TRIGGER "Milestone_rollups_delete" AFTER DELETE ON "Milestone" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "jalons_measure_child_rollups"();

CREATE TRIGGER "Indicator_rollups_insert" AFTER INSERT ON "Indicator" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "jalons_measure_child_rollups"();
CREATE TRIGGER "Indicator_rollups_update" AFTER UPDATE ON "Indicator" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "jalons_measure_child_rollups"();
CREATE TRIGGER "Indicator_rollups_delete" AFTER DELETE ON "Indicator" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "jalons_measure_child_rollups"();

-- A value's measure is its indicator's; a value deleted with its indicator has none left (the
-- indicator's own trigger recomputes that measure).
CREATE FUNCTION "jalons_indicator_value_rollups"() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "jalons_refresh_measure_rollups"(ARRAY(
      SELECT DISTINCT ind."measureId" FROM "Indicator" ind WHERE ind."id" IN (SELECT "indicatorId" FROM new_rows)));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM "jalons_refresh_measure_rollups"(ARRAY(
      SELECT DISTINCT ind."measureId" FROM "Indicator" ind
      WHERE ind."id" IN (SELECT "indicatorId" FROM new_rows UNION SELECT "indicatorId" FROM old_rows)));
  ELSE
    PERFORM "jalons_refresh_measure_rollups"(ARRAY(
      SELECT DISTINCT ind."measureId" FROM "Indicator" ind WHERE ind."id" IN (SELECT "indicatorId" FROM old_rows)));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "IndicatorValue_rollups_insert" AFTER INSERT ON "IndicatorValue" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "jalons_indicator_value_rollups"();
CREATE TRIGGER "IndicatorValue_rollups_update" AFTER UPDATE ON "IndicatorValue" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "jalons_indicator_value_rollups"();
CREATE TRIGGER "IndicatorValue_rollups_delete" AFTER DELETE ON "IndicatorValue" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "jalons_indicator_value_rollups"();

-- Existing measures.
SELECT "jalons_refresh_measure_rollups"(ARRAY(SELECT "id" FROM "Measure"));
