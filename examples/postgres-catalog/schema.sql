-- No schema of its own: the example reads PostgreSQL's system catalog (pg_roles,
-- pg_auth_members), present on every server. To have something to see, as a superuser:
CREATE ROLE catalog_readers;
CREATE ROLE alice LOGIN;
GRANT catalog_readers TO alice;
