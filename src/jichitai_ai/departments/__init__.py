"""担当課 (departments) as records: contact details kept in one place for every entry,
a parent department, editors scoped to departments, and the list's CSV/XLSX import/export.

``service`` holds the rules, ``io`` the files, ``pages`` the console, ``cli`` the commands.
"""
