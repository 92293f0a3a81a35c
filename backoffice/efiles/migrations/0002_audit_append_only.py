"""On PostgreSQL the database itself refuses to change or delete audit entries."""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION efiles_audit_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'Protokolleinträge der E-Akte können nicht geändert oder gelöscht werden';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER efiles_audit_append_only
    BEFORE UPDATE OR DELETE ON efiles_auditentry
    FOR EACH ROW EXECUTE FUNCTION efiles_audit_append_only();
"""
DROP = """
DROP TRIGGER IF EXISTS efiles_audit_append_only ON efiles_auditentry;
DROP FUNCTION IF EXISTS efiles_audit_append_only();
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("efiles", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
