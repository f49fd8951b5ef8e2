"""``python -m jichitai_ai.hoiku``."""

from jichitai_ai.hoiku.cli import app

if __name__ == "__main__":
    app(prog_name="hoiku")
