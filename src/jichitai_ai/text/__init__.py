"""Japanese text processing for retrieval: normalisation, Sudachi tokenisation, synonyms (同義語)."""

from jichitai_ai.text._normalize import normalize
from jichitai_ai.text._script import Script, script_of
from jichitai_ai.text._synonyms import SynonymSet
from jichitai_ai.text._tokenizer import DEFAULT_EXCLUDED_POS, Tokenizer, TokenizerConfig

__all__ = [
    "DEFAULT_EXCLUDED_POS",
    "Script",
    "SynonymSet",
    "Tokenizer",
    "TokenizerConfig",
    "normalize",
    "script_of",
]
