"""An organization found by any of its names, as the detail and the `org:` filter find it: the first organization
(in name order) to have a name wins it, whichever of its names that is."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from store.keys import name_key
from store.snapshot import OrganizationKeysByName

NAMES = st.sampled_from(["Acme", "The Acme", "ACME.", "Beta Corp", "Beta", "Gamma", "the gamma", "Delta Group"])


@st.composite
def organizations(draw: st.DrawFn) -> list[dict]:
    """Organizations in their listed order, keyed as the writer keys them (their first name's key) or, for some
    stored by an earlier whosaid, otherwise; names shared between them."""
    documents = []
    for name in draw(st.lists(NAMES, min_size=1, max_size=6, unique_by=name_key)):
        key = name_key(name) if draw(st.integers(0, 4)) else f"{name_key(name)} old"
        documents.append({"key": key, "name": name, "aliases": draw(st.lists(NAMES, max_size=3))})
    return documents


def every_name(documents: list[dict]) -> dict[str, str]:
    """Each name key's organization as the whole dictionary of every name held it: the first to have it wins."""
    keys: dict[str, str] = {}
    for document in documents:
        for name in (document["name"], *document["aliases"]):
            keys.setdefault(name_key(name), document["key"])
    return keys


@given(organizations())
def test_every_name_finds_the_same_organization_as_a_dictionary_of_every_name(documents: list[dict]) -> None:
    keys = [document["key"] for document in documents]
    found = OrganizationKeysByName({key: position for position, key in enumerate(keys)}, keys, documents)
    expected = every_name(documents)
    probes = {*expected, *keys, *(f"{key} old" for key in keys), "nobody"}
    assert {probe: found.get(probe) for probe in probes} == {probe: expected.get(probe) for probe in probes}
