"""thucydides: a sourced, reconciled record of events from news coverage of a conflict."""

from __future__ import annotations

__version__ = "0.1.0"
