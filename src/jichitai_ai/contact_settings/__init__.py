"""緊急連絡先と他機関 (emergency contacts and other authorities) as console-edited settings.

Two tenant settings decide what residents are told at the most important moments: the
emergency card (119 / 110 / いのちの電話 …, ``emergency.contacts``) and the hand-over to an
authority that handles what the city does not (``services.other_authorities``). This area lets
staff see and edit them without touching tenants.toml, in the settings format those modules
already read (the format is theirs; this area only writes it).

``forms`` validates what staff type, ``store`` reads and writes the two lists with a change
record (``audit``), ``files`` reads and writes them as JSON, ``pages`` is the console and
``cli`` the commands.
"""
