from __future__ import annotations

import pytest

from transform.parse.languages import get_language
from transform.translate.rules import load_rules


@pytest.fixture(scope="session")
def vba_language():
    return get_language("vba")


@pytest.fixture(scope="session")
def vba_rules(vba_language):
    return load_rules(vba_language)
