"""Console page for nursery admission allocation (保育所等利用調整): upload, run, review, download.

Applicant data is personal data, so uploads and results live only in this process's memory,
bound to one tenant, and are dropped after a retention period (see :mod:`.store`).
"""
