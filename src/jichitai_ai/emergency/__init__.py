"""緊急 (emergencies): recognise a question that describes a fire, a medical emergency, a crime,
thoughts of suicide or a disaster, and give the numbers to call before anything else.

Detection is rules per language (ja, やさしい日本語, en, zh-Hans, zh-Hant, ko), not retrieval: a
resident whose house is burning must never get an FAQ entry about 火災保険. Compounds that only
*mention* an emergency word (火災保険, 消防団の募集, 防災訓練, 自殺対策) are removed first.
"""

from jichitai_ai.emergency.contacts import DEFAULT_CONTACTS, ContactSpec, contacts_for
from jichitai_ai.emergency.detector import EmergencyKind, detect_emergency

__all__ = [
    "DEFAULT_CONTACTS",
    "ContactSpec",
    "EmergencyKind",
    "contacts_for",
    "detect_emergency",
]
