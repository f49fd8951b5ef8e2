"""Staff accounts managed by tenant administrators (職員アカウント管理): create, disable,
reset a password, change roles — in the console, without the server's command line."""
