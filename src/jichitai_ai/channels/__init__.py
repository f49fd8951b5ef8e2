"""Channels residents already use (LINE, voice kiosk, telephone) over the same FAQ engine.

Every channel asks :meth:`AnsweringService.ask` with its own ``channel`` name, so answers,
更問, hand-over, emergency contacts, feedback learning and KPIs are the same everywhere;
a channel only turns an :class:`AskResult` into its own medium (Flex cards, speech, DTMF).
"""
