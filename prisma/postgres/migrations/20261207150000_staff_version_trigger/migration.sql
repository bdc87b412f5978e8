-- Every change to the staff roll, by any Daftar process or by anyone writing to the database, moves
-- the "staff.version" counter in the same transaction, so every process's cached staff list is
-- refreshed at its next read (adapters/storage/repos/staff-list.ts).
CREATE FUNCTION "daftar_staff_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "Counter" ("key", "value") VALUES ('staff.version', 1)
    ON CONFLICT ("key") DO UPDATE SET "value" = "Counter"."value" + 1;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Employee_version" AFTER INSERT OR UPDATE OR DELETE ON "Employee"
  FOR EACH STATEMENT EXECUTE FUNCTION "daftar_staff_version"();
