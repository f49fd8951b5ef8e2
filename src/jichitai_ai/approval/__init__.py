"""承認フロー (approval of FAQ changes): draft → 承認待ち → 公開, scheduled 公開, four-eyes rule.

``service`` holds the rules, ``diff`` what a change means for residents, ``pages`` and
``api`` the console and JSON interfaces, ``cli`` the scheduled-publication command.
"""
