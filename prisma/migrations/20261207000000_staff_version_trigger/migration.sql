-- Every change to the staff roll, by Daftar or by anyone writing to the database (another process's
-- import-staff, a DIO's hand correction), moves the "staff.version" counter in the same transaction,
-- so every Daftar process's cached staff list is refreshed at its next read (repos/staff-list.ts).
CREATE TRIGGER "Employee_version_insert" AFTER INSERT ON "Employee" BEGIN
  INSERT INTO "Counter" ("key", "value") VALUES ('staff.version', 1)
    ON CONFLICT ("key") DO UPDATE SET "value" = "value" + 1;
END;
CREATE TRIGGER "Employee_version_update" AFTER UPDATE ON "Employee" BEGIN
  INSERT INTO "Counter" ("key", "value") VALUES ('staff.version', 1)
    ON CONFLICT ("key") DO UPDATE SET "value" = "value" + 1;
END;
CREATE TRIGGER "Employee_version_delete" AFTER DELETE ON "Employee" BEGIN
  INSERT INTO "Counter" ("key", "value") VALUES ('staff.version', 1)
    ON CONFLICT ("key") DO UPDATE SET "value" = "value" + 1;
END;
