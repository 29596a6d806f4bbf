"""Name variants of countries and admin1 regions (pycountry names, affix-stripped admin1 names)."""

from __future__ import annotations

from functools import lru_cache

import pycountry

from .geo_data import norm_key, read_table


@lru_cache(maxsize=1)
def _affixes() -> tuple[tuple[str, ...], tuple[str, ...]]:
    rows = read_table("places_admin_affixes.tsv", 2)
    # the file keeps the separating space inside the affix; read_table strips it, so re-add
    pre = tuple(r[1] + " " for r in rows if r[0] == "prefix")
    suf = tuple(" " + r[1] for r in rows if r[0] == "suffix")
    return pre, suf


@lru_cache(maxsize=1)
def _admin1_aliases() -> dict[tuple[str, str], tuple[str, ...]]:
    """(iso3, gazetteer admin1 name) -> ISO 3166-2 spellings (built by tools/build_gazetteer.py)."""
    out: dict[tuple[str, str], list[str]] = {}
    for iso3, a1, alias in read_table("places_admin1_aliases.tsv", 3):
        out.setdefault((iso3, a1), []).append(alias)
    return {k: tuple(v) for k, v in out.items()}


def admin1_keys(name: str, preferred: str, iso3: str = "") -> list[str]:
    """Every spelling an admin1 region is looked up by."""
    pre, suf = _affixes()
    names = [name, preferred, *_admin1_aliases().get((iso3, name), ())]
    out: list[str] = []
    for n in names:
        out.append(n)
        for p in pre:
            if n.startswith(p) and len(n) > len(p) + 2:
                out.append(n[len(p):])
        for s in suf:
            if n.endswith(s) and len(n) > len(s) + 2:
                out.append(n[: -len(s)])
    return out


def country_names(iso2: str, name: str) -> list[str]:
    """Short, official and common names of a country (pycountry) plus the GeoNames name."""
    names = [name]
    rec = pycountry.countries.get(alpha_2=iso2)
    if rec is not None:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(rec, attr, None)
            if value:
                names.append(str(value))
                if ", " in value:  # "Korea, Republic of" -> "Republic of Korea"
                    head, tail = value.split(", ", 1)
                    names.append(f"{tail} {head}")
    return names


@lru_cache(maxsize=1)
def demonym_table() -> dict[str, tuple[str, str]]:
    """norm_key(adjective) -> ("country", ISO-3) or ("region", region name)."""
    out: dict[str, tuple[str, str]] = {}
    for iso3, forms in read_table("demonyms.tsv", 2):
        for form in forms.split(","):
            if form.strip():
                out.setdefault(norm_key(form), ("country", iso3))
    for region, forms in read_table("places_region_demonyms.tsv", 2):
        for form in forms.split(","):
            if form.strip():
                out.setdefault(norm_key(form), ("region", region))
    return out
