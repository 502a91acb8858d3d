"""mandatekit: check a draft UN Security Council mandate against advocacy recommendations.

read (a draft → Document) → judge (Document × rules → Report) → render (table, JSON, Markdown, Word).
"""

__version__ = "0.1.0"

from mandatekit.api import check, load_rules, setup
from mandatekit.read import read, read_string

__all__ = ["__version__", "check", "load_rules", "read", "read_string", "setup"]
