"""Tuning in the console (回答精度の調整): a test box that shows how a question would be
answered and why, turning unanswered questions into 言い換え of an entry or dismissing them,
the synonym editor, and pinned questions on the residents' start screen.
"""
